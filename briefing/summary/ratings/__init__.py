"""How each algorithm rates the sentences of a day: one module per algorithm, and sumy's own.

`reference` runs sumy's implementations, the yardstick the fast ratings are tested against.
"""
