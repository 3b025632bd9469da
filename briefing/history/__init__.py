"""The SQLite history of past briefings and the new/update/repeat marks made against it."""
