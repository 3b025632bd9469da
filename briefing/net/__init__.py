"""The network: downloading with limits. Nothing else in briefing opens a socket."""
