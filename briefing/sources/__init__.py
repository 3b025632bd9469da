"""Where articles come from: files and folders today; each source turns its input into Articles."""
