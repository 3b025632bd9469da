"""Commands pay only for what they use: digest never imports the TUI, history and show no NLP."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_digest_does_not_import_textual() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from briefing.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['digest', 'seeds'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


def test_history_and_show_import_neither_the_nlp_stack_nor_the_tui(tmp_path: Path) -> None:
    heavy = ("nltk", "sumy", "scipy", "numpy", "textual", "rich", "re2", "trafilatura")
    for command in (["history"], ["show", "1"]):
        code = (
            "import sys, io, contextlib\n"
            "from briefing.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
            f"    main({command!r})\n"
            f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))\n"
        )
        env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env)
        assert result.stdout.strip() == "[]", (command, result.stdout, result.stderr)


def test_the_public_names_are_exported() -> None:
    import briefing

    assert set(briefing.__all__) == {*briefing._HOMES, "render", "__version__"}
    assert all(getattr(briefing, name) is not None for name in briefing.__all__)
