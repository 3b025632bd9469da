"""The version, in a module of its own: the User-Agent and the history record it, and neither
should import the public API (`briefing/__init__.py`) to learn it."""

__version__ = "0.1.0"

# What reading an article gives (its documents, cleaned text, sentences and view) is kept in
# the history by content hash under this number (`briefing.storage.cache`). Bump it whenever
# the code that reads, cleans, segments or views an article changes what it gives, so that
# nothing read the old way is used again; tests/unit/test_cache.py notices such a change.
ANALYSIS_VERSION = 12
