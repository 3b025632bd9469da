"""The Textual interface: a thin shell over `load_articles` and `summarize`."""
