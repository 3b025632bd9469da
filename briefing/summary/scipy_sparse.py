"""scipy.sparse, imported without the numpy modules it never runs here.

scipy 1.17's `scipy.sparse` imports its vendored array_api_compat, which copies numpy's whole
namespace (`from numpy import *`, then every name of `dir(numpy)`). numpy imports its optional
submodules on first access, so that copy imports numpy.f2py, numpy.testing (and through them
unittest, email, charset_normalizer), numpy.ma, numpy.polynomial and more: 0.13 s of a 0.95 s
`briefing digest seeds` on a quiet machine, 0.45 s under load, for modules nothing here runs.

While scipy.sparse is imported, those submodules are stood in for on the numpy module by lazy
modules that import the real one on first use of any of their attributes, and removed after:
scipy's copy keeps the stand-ins (it uses none of them on the sparse paths), and `numpy.ma`,
`import numpy.testing`... anywhere else give the real modules as always. Where scipy.sparse is
imported already, or a submodule is, nothing is stood in for it.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy

# numpy's lazily imported submodules that scipy.sparse does not import for itself.
_OPTIONAL = ("f2py", "testing", "ma", "polynomial", "ctypeslib", "rec", "char", "strings", "core", "matlib")


class _Lazy(types.ModuleType):
    """A stand-in for a submodule of numpy: the real one, imported on first attribute use."""

    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module(self.__name__), name)


@contextmanager
def _stood_in() -> Iterator[None]:
    """numpy's optional submodules as `_Lazy` stand-ins on the numpy module, for the block."""
    standing_in = [] if "scipy.sparse" in sys.modules else [n for n in _OPTIONAL if f"numpy.{n}" not in sys.modules]
    for name in standing_in:
        setattr(numpy, name, _Lazy(f"numpy.{name}"))
    try:
        yield
    finally:
        for name in standing_in:
            if isinstance(vars(numpy).get(name), _Lazy):
                delattr(numpy, name)


with _stood_in():
    from scipy import sparse

__all__ = ["sparse"]
