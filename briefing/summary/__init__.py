"""Clean sentences to a briefing: features, ratings, grouping, selection and order.

Named `summary`, not `summarize`: a subpackage called `summarize` would shadow the public
function `briefing.summarize` once imported.
"""
