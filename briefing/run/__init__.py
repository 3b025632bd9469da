"""How the work runs, and the day's orchestration: this machine's cores or Dask, the garbage
collector's regime, gathering and fetching a run's articles, the day against the history, evaluation."""
