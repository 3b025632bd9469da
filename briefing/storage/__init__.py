"""The SQLite history: its schema, migrations and error mapping; the briefings recorded in it,
and the articles and feed state `briefing fetch` keeps there."""
