"""Engines that run the core's per-file, per-article and per-story work as tasks (Dask)."""
