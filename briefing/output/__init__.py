"""What a person sees: a briefing as text, Markdown or JSON, articles as `read` prints them,
history lines, the progress bar; and the writing of it to files and stdout."""
