"""Anything to documents and articles: files and folders, saved pages, feeds, Markdown, and the
subscription lists of feed readers. Reading only: no database, no network (`briefing.run`
fetches and keeps, `briefing.net` downloads)."""
