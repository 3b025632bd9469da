"""The tree keeps its shape: imports point down the stages, no module imports itself back
through others, and no module grows past 400 lines.

Every import counts: at the top of a module, inside a function (the lazy imports that keep
`--help` fast) and under `if TYPE_CHECKING:`. A layer may import its own modules and those
of the layers `ALLOWED` names for it; `briefing/__init__.py`, the public API, is imported by
nothing inside the package (internal code imports names from their own modules).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "briefing"
MAX_LINES = 400

# The modules directly under briefing/ that every stage may use: plain data, errors, the
# sanitiser, the clock, XDG folders, the Mapper seam, the version, an output name's placeholders,
# the URL gate, the words for what is wrong with a path, the TUI's key names.
BASE = frozenset(
    {"models", "errors", "sanitize", "clock", "xdg", "tasks", "version", "placeholders", "urls", "paths", "keynames"}
)
# What each layer may import besides itself, from the top down. `config` is base-level for
# every stage but `text`, below it: config checks a user's patterns and topic with the text
# stage's own rules (text/patterns.py, text/query.py), and text never reads the config.
ALLOWED: dict[str, frozenset[str]] = {
    "entry": frozenset({"cli"}),  # __main__.py
    "api": frozenset({"output", "summary", "sources", "config", "base"}),  # __init__.py
    "cli": frozenset({"tui", "run", "output", "storage", "summary", "sources", "net", "text", "config", "base"}),
    "tui": frozenset({"run", "output", "storage", "summary", "sources", "net", "text", "config", "base"}),
    "run": frozenset({"output", "storage", "summary", "sources", "net", "text", "config", "base"}),
    "output": frozenset({"base"}),
    "storage": frozenset({"config", "base"}),
    "summary": frozenset({"text", "config", "base"}),
    "sources": frozenset({"text", "config", "base"}),
    "net": frozenset({"base"}),
    "config": frozenset({"text", "base"}),
    "text": frozenset({"base"}),
    "base": frozenset(),
}


def module_name(path: Path, root: Path) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    """The layer of a module of the package, by its folder (or its name, directly under it)."""
    parts = module.split(".")
    if len(parts) == 1:
        return "api"
    if parts[1] == "__main__":
        return "entry"
    if parts[1] == "config":
        return "config"
    if len(parts) == 2 and parts[1] in BASE:
        return "base"
    return parts[1] if parts[1] in ALLOWED else f"unknown ({parts[1]})"


def modules(root: Path) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def imports(path: Path, name: str, known: dict[str, Path]) -> Iterator[tuple[str, int]]:
    """The package's modules that `path` imports (module `name`), each with its line: every
    import statement, wherever it stands."""
    root = name.split(".")[0]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == root:
                    yield _known(alias.name, known), node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], *filter(None, [base])]
                )
            if base.split(".")[0] != root:
                continue
            for alias in node.names:
                yield (f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else _known(base, known)), node.lineno


def _known(name: str, known: dict[str, Path]) -> str:
    """The longest prefix of a dotted name that is a module of the package."""
    while name not in known and "." in name:
        name = name.rpartition(".")[0]
    return name


def graph(root: Path) -> dict[str, dict[str, int]]:
    """Each module's imports of the package's other modules, with the line of the first."""
    known = modules(root)
    edges: dict[str, dict[str, int]] = {}
    for name, path in known.items():
        edges[name] = {}
        for target, line in imports(path, name, known):
            if target != name:
                edges[name].setdefault(target, line)
    return edges


def wrong_way(root: Path) -> list[str]:
    """Every import from a layer to one that `ALLOWED` does not give it."""
    found = []
    for source, targets in graph(root).items():
        for target, line in targets.items():
            here, there = layer(source), layer(target)
            if here != there and there not in ALLOWED.get(here, frozenset()):
                allowed = ", ".join(sorted(ALLOWED.get(here, ()))) or "nothing"
                found.append(f"{source}:{line} imports {target}: {here} may import only {allowed}")
    return found


def circles(root: Path) -> list[list[str]]:
    """The import cycles between modules: each strongly connected group of two or more (Tarjan)."""
    edges = graph(root)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def too_long(root: Path) -> list[str]:
    found = []
    for name, path in modules(root).items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            found.append(f"{name}: {lines} lines (at most {MAX_LINES}: split it by job)")
    return found


def test_imports_point_down_the_layers() -> None:
    assert wrong_way(PACKAGE) == []


def test_no_module_imports_itself_back() -> None:
    assert circles(PACKAGE) == []


def test_no_module_is_over_400_lines() -> None:
    assert too_long(PACKAGE) == []


def test_every_module_has_a_layer() -> None:
    assert [name for name in modules(PACKAGE) if layer(name) not in ALLOWED] == []


def test_the_layers_themselves_point_one_way() -> None:
    """The table is a DAG: following what a layer may import never leads back to it."""

    def below(name: str, seen: frozenset[str]) -> None:
        for other in ALLOWED[name]:
            assert other not in seen, f"{other} may import {name} and {name} {other}"
            below(other, seen | {other})

    for name in ALLOWED:
        below(name, frozenset({name}))


def test_the_checks_catch_what_they_guard_against(tmp_path: Path) -> None:
    """A tree with an upward import, a circle and a long module is reported on all three."""
    root = tmp_path / "briefing"
    files = {
        "__init__.py": "",
        "models.py": "",
        "text/__init__.py": "",
        "text/clean.py": "def f():\n    from briefing.cli.console import say\n",
        "cli/__init__.py": "",
        "cli/console.py": "from briefing.cli import main\n",
        "cli/main.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .console import x\n",
        "summary/__init__.py": "",
        "summary/long.py": "x = 1\n" * (MAX_LINES + 1),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    assert wrong_way(root) == ["briefing.text.clean:2 imports briefing.cli.console: text may import only base"]
    assert circles(root) == [["briefing.cli.console", "briefing.cli.main"]]
    assert too_long(root) == [f"briefing.summary.long: {MAX_LINES + 1} lines (at most {MAX_LINES}: split it by job)"]
