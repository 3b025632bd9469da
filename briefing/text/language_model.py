"""py3langid's model, unpacked once into the user's cache folder and mapped from there after.

The package ships the model LZMA-compressed (4.6 MB, 68 MB unpacked). Unpacking it took 0.45
to 0.6 s of CPU in every process that met a doubtful article: on the 100 shared feeds both
workers did, an eighth of the day's wall time, while a day in English never loads it. The
first process to need the model writes it unpacked to $XDG_CACHE_HOME/briefing (~/.cache);
later ones map that file into memory in a millisecond, and the workers share its pages.

The arrays are the package's own, byte for byte, and py3langid's classifier runs on them as
on its own load: the same language and probability for every text. The file is named by the
hash of the model it was made from, so another version of py3langid makes its own. A file
that is missing, cut short or not ours is made again; a cache that cannot be written only
costs the time.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import tempfile
from array import array
from pathlib import Path
from typing import Any

from briefing.xdg import cache_home

_MAGIC = b"briefing langid model 1\n"
_ALIGN = 64
# The model's parts in the order py3langid's loader gives them (modelio.load_model).
_ARRAYS = ("ptc", "pc", "nextmove", "row", "output")


def load_identifier() -> Any:
    """py3langid's LanguageIdentifier (probabilities normalised), from the cache when it holds this model."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = Path(MODEL_DIR) / MODEL_FILE
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    home = cache_home()
    path = home / "briefing" / f"langid-{digest[:16]}.bin" if home else None
    model = _mapped(path, digest) if path else None
    if model is None:
        model = _unpacked(source)
        if path:
            _write(path, digest, model)
    ptc, pc, classes, nextmove, row, output = model
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def _unpacked(source: Path) -> tuple[Any, ...]:
    """The model as py3langid loads it: (ptc, pc, classes, nextmove, row, output)."""
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(source)
    return ptc, pc, classes, nextmove, row, array("i", output)


def _write(path: Path, digest: str, model: tuple[Any, ...]) -> None:
    """Keep the unpacked model at `path`, whole or not at all (written aside, then renamed)."""
    import numpy as np

    ptc, pc, classes, nextmove, row, output = model
    parts = {"ptc": ptc, "pc": pc, "nextmove": nextmove, "row": row, "output": output}
    layout: dict[str, list[Any]] = {}
    offset = 0
    for name in _ARRAYS:
        part = parts[name]
        kind = ["numpy", part.dtype.str, list(part.shape)] if isinstance(part, np.ndarray) else ["array", part.typecode]
        size = memoryview(part).nbytes
        layout[name] = [*kind, offset, size]
        offset += -(-size // _ALIGN) * _ALIGN
    header = json.dumps({"model": digest, "classes": classes, "layout": layout, "size": offset}).encode()
    start = -(-(len(_MAGIC) + 8 + len(header)) // _ALIGN) * _ALIGN
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".langid-", delete=False) as file:
            temporary = file.name
            file.write(_MAGIC + start.to_bytes(8, "little") + header)
            for name in _ARRAYS:
                file.seek(start + layout[name][-2])
                file.write(memoryview(parts[name]).cast("B"))
            file.truncate(start + offset)
        os.replace(temporary, path)
        temporary = None
    except OSError:
        pass  # a read-only or full disk: the next run unpacks the model again
    finally:
        if temporary:
            Path(temporary).unlink(missing_ok=True)


def _mapped(path: Path, digest: str) -> tuple[Any, ...] | None:
    """The model mapped from `path`, or None when the file is missing or not what `_write` made of it."""
    import numpy as np

    try:
        with open(path, "rb") as file:
            memory = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file
        return None
    try:
        if memory[: len(_MAGIC)] != _MAGIC:
            return None
        start = int.from_bytes(memory[len(_MAGIC) : len(_MAGIC) + 8], "little")
        header = json.loads(memory[len(_MAGIC) + 8 : start].rstrip(b"\0"))
        if header["model"] != digest or len(memory) != start + header["size"]:
            return None
        view = memoryview(memory)
        parts: dict[str, Any] = {}
        for name in _ARRAYS:
            kind, code, *rest = header["layout"][name]
            offset, size = rest[-2:]
            if offset < 0 or offset + size > header["size"]:
                return None
            data = view[start + offset : start + offset + size]
            if kind == "numpy":
                parts[name] = np.frombuffer(data, dtype=np.dtype(code)).reshape(rest[0])
            else:
                parts[name] = data.cast(code)
        classes = header["classes"]
        if not (isinstance(classes, list) and all(isinstance(label, str) for label in classes)):
            return None
        if not _consistent(parts, len(classes)):
            return None
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return parts["ptc"], parts["pc"], classes, parts["nextmove"], parts["row"], parts["output"]


def _consistent(parts: dict[str, Any], classes: int) -> bool:
    """Whether every index in the model points inside it (a state to a row of moves, a move to
    a state, a state to a feature): a file damaged on disk must not stop a run with an IndexError
    halfway through the day. About 10 ms over the 68 MB."""
    import numpy as np

    states = len(parts["output"])
    nextmove, row, output = (np.asarray(parts[name]) for name in ("nextmove", "row", "output"))
    return (
        parts["ptc"].ndim == 2
        and parts["ptc"].shape[1] == classes == len(parts["pc"])
        and len(row) == states > 0
        and len(nextmove) % 256 == 0
        and int(row.max()) < len(nextmove) // 256
        and int(nextmove.max()) < states
        and int(output.max()) < parts["ptc"].shape[0]
    )
