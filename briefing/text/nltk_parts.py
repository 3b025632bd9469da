"""The two parts of NLTK that run here, its Treebank word tokenizer and its Snowball English
stemmer, imported without the rest of NLTK.

`import nltk` runs the package's `__init__`, which imports nearly all of NLTK: parsers,
chunkers, corpora, metrics and, through them, scipy; 0.5 s of a 1.2 s `briefing digest
seeds`. The two modules needed import only a handful of NLTK's own (`api`, `porter`,
`redos`...). So the packages on their way are stood in for by empty modules that know where
their files are, just for the import, and removed after it: a later `import nltk` (sumy's
summarizers, in the evaluation and the tests) still gets the whole package, and these very
modules. Where NLTK is imported already, they are imported as usual.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import types
from collections.abc import Callable
from typing import Any

_PACKAGES = ("nltk", "nltk.tokenize", "nltk.stem")
# Functions the two modules import from NLTK modules that cost more than the two: nltk.internals
# and nltk.tokenize.util import http.client, urllib.request, ssl and email (0.05 s of a start),
# nltk.termsec compiles its patterns. Only methods and demos never run here call them, so each
# stands in as a function that imports the real one when called.
_DEFERRED = {
    "nltk.internals": ("overridden",),
    "nltk.tokenize.util": ("align_tokens", "string_span_tokenize"),
    "nltk.termsec": ("safe_print",),
}


def _deferred(module: str, name: str) -> Callable[..., Any]:
    """`module`'s function `name`, imported on the first call."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


class _Pattern:
    """A stand-in for a pattern of `nltk.redos.compile`: its source and flags (what
    text/words.py reads to compile it with `re`), and the real pattern, compiled on first use.

    NLTK compiles each of its patterns with the third-party `regex` engine when its classes
    are defined: importing `regex` and compiling the tokenizer's 40 and the Arabic stemmer's
    patterns cost 0.015 s of a start, for patterns words.py compiles again with `re`.
    """

    __slots__ = ("_arguments", "_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0, *rest: Any) -> None:
        self.pattern = pattern
        self.flags = flags
        self._arguments = (pattern, flags, *rest)
        self._compiled: Any = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = importlib.import_module("nltk.redos").compile(*self._arguments)
        return getattr(self._compiled, name)


def _redos() -> types.ModuleType:
    """A stand-in for nltk.redos: `compile` gives a `_Pattern`, anything else is the real one's.
    The modules imported keep it as their `redos`."""
    module = types.ModuleType("nltk.redos")
    module.compile = _Pattern  # type: ignore[attr-defined]
    module.__getattr__ = lambda name: getattr(importlib.import_module("nltk.redos"), name)  # type: ignore[method-assign]
    return module


def _import() -> tuple[Any, Any]:
    """NLTK's word tokenizer class and its English stemmer class."""
    if "nltk" in sys.modules:
        from nltk.stem.snowball import EnglishStemmer
        from nltk.tokenize.destructive import NLTKWordTokenizer

        return NLTKWordTokenizer, EnglishStemmer
    spec = importlib.util.find_spec("nltk")
    assert spec is not None and spec.origin is not None, "nltk is not installed"
    root = os.path.dirname(spec.origin)
    standing_in: list[str] = []
    try:
        for name in _PACKAGES:
            package = types.ModuleType(name)
            package.__path__ = [os.path.join(root, *name.split(".")[1:])]
            sys.modules[name] = package
            standing_in.append(name)
        # The stemmer's module reads NLTK's stop-word corpus only when asked to ignore them.
        corpus = types.ModuleType("nltk.corpus")
        corpus.stopwords = None  # type: ignore[attr-defined]
        sys.modules["nltk.corpus"] = corpus
        standing_in.append("nltk.corpus")
        sys.modules["nltk.redos"] = _redos()
        standing_in.append("nltk.redos")
        for name, functions in _DEFERRED.items():
            module = types.ModuleType(name)
            for function in functions:
                setattr(module, function, _deferred(name, function))
            sys.modules[name] = module
            standing_in.append(name)
        from nltk.stem.snowball import EnglishStemmer
        from nltk.tokenize.destructive import NLTKWordTokenizer
    finally:
        for name in standing_in:
            del sys.modules[name]
    return NLTKWordTokenizer, EnglishStemmer


NLTKWordTokenizer, EnglishStemmer = _import()
