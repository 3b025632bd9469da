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


def test_digest_imports_no_parser_chunker_or_corpus_of_nltk() -> None:
    """Sentence splitting and stemming need two modules of NLTK, not its package's everything
    (parsers and chunkers pull scipy.stats in: half a second of a digest's start), nor the
    modules of NLTK's that only their unused methods call (they import http.client, email...),
    nor the `regex` engine NLTK compiles its patterns with (words.py runs them on `re`)."""
    code = (
        "import sys, io, contextlib\n"
        "from briefing.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['digest', 'seeds', '--no-store'])\n"
        "heavy = ('nltk.parse', 'nltk.chunk', 'nltk.corpus', 'nltk.metrics', 'scipy.stats', 'requests', 'sumy.utils',\n"
        "         'nltk.internals', 'nltk.tokenize.util', 'nltk.termsec', 'http', 'email', 'urllib.request',\n"
        "         'nltk.redos', 'regex')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


def test_the_light_nltk_parts_are_nltks_own() -> None:
    """The stemmer and stop words read without importing sumy's utils are sumy's, and a later
    `import nltk` gets the whole package (sumy's summarizers need it)."""
    code = (
        "from briefing.text.segment import stem, stop_words\n"
        "import nltk\n"
        "from sumy.nlp.stemmers import Stemmer\n"
        "from sumy.utils import get_stop_words\n"
        "words = ['added', 'running', 'generously', 'Peru', 'crises', 'talks', 'organization', 'news']\n"
        "sumy = Stemmer('english')\n"
        "print([stem(w) for w in words] == [str(sumy(w.lower())) for w in words])\n"
        "print(stop_words() == frozenset(get_stop_words('english')))\n"
        "print(hasattr(nltk, 'word_tokenize') and hasattr(nltk, 'parse'))\n"
        "from briefing.text.nltk_parts import NLTKWordTokenizer\n"
        "spans = [(0, 2), (2, 3), (4, 5), (5, 7), (7, 8), (9, 13), (13, 14)]\n"
        "tokens = ['Do', \"n't\", 'can', 'not', '(', '``', 'it', \"''\", ')', '...']\n"
        "tokenizer = NLTKWordTokenizer()\n"
        "print(list(tokenizer.span_tokenize('No, \"he\" said.')) == spans)\n"
        'print(tokenizer.tokenize("Don\'t cannot (\\"it\\")...") == tokens)\n'
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.split() == ["True"] * 5, result.stderr


def test_the_tui_is_up_before_the_nlp_stack_loads() -> None:
    """The app's module imports no NLP: its reading worker loads the stack, beside a screen
    that already says what it does."""
    code = (
        "import sys\n"
        "import briefing.tui.app\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'nltk', 'numpy', 'scipy', 'punkt', 'sumy'}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


def test_digest_imports_none_of_numpys_tools() -> None:
    """scipy.sparse comes without the numpy modules its import copies and nothing here runs
    (f2py's Fortran wrappers, numpy.testing and through it unittest: 0.13 s of a start), and
    rows are scaled without scipy's diagonal matrices (their np.unique imports numpy.ma)."""
    code = (
        "import sys, io, contextlib\n"
        "from briefing.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['digest', 'seeds', '--no-store'])\n"
        "heavy = [['numpy', 'f2py'], ['numpy', 'testing'], ['numpy', 'polynomial'], ['numpy', 'ma'], ['unittest']]\n"
        "print('scipy.sparse' in sys.modules, sorted(m for m in sys.modules if m.split('.')[:2] in heavy))\n"
        "import numpy.ma\n"
        "print(numpy.ma.masked_array([1, 2], mask=[0, 1]).sum(), numpy.testing.assert_equal(1, 1))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.split("\n")[:2] == ["True []", "1 None"], result.stdout


def test_digest_of_a_few_files_imports_no_pool_logging_or_suggestions() -> None:
    """A day of a few files starts no worker pool (multiprocessing and its sockets come with the
    first pool), reads no page (logging quiets the page extractors), makes no typo's suggestion
    (difflib) and fetches nothing (tempfile holds the throwaway store of --no-store's fetch)."""
    code = (
        "import sys, io, contextlib\n"
        "from briefing.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['digest', 'seeds', '--no-store'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'multiprocessing', 'logging', 'difflib', 'socket', 'tempfile'}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_the_command_line_runs_numpy_on_one_thread(tmp_path: Path) -> None:
    """numpy's OpenBLAS would start a thread per core as it is imported, for matrix products
    far larger than a story's (a day's work goes to processes): the `briefing` script runs on
    its own thread alone, unless the user set OPENBLAS_NUM_THREADS."""
    code = (
        "import os, sys\n"
        "sys.argv = ['briefing', 'digest', 'seeds', '--no-store', '-o', os.devnull]\n"
        "import briefing.cli.main as cli\n"
        "leave = os._exit\n"
        "def counted(code):\n"
        "    status = open('/proc/self/status').read()\n"
        "    print(status.split('Threads:')[1].split()[0], 'numpy' in sys.modules, flush=True)\n"
        "    leave(code)\n"
        "os._exit = counted\n"
        "cli.run()\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "OPENBLAS_NUM_THREADS"}
    env["XDG_DATA_HOME"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env)
    assert result.stdout.split() == ["1", "True"], (result.stdout, result.stderr)


def test_digest_of_text_files_without_a_config_imports_no_parser_toml_or_re2(tmp_path: Path) -> None:
    """Text files need neither the feed nor the page parser (nor html.parser under them), a
    run with no config file reads no TOML, and one with no drop_patterns needs no RE2 engine:
    each is imported by the runs that meet one."""
    code = (
        "import sys, io, contextlib\n"
        "from briefing.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['digest', 'seeds', '--no-store'])\n"
        "heavy = ('briefing.sources.feeds', 'briefing.sources.html', 'html.parser', 'tomllib', 'tomli', 're2')\n"
        "print(sorted(m for m in sys.modules if m in heavy))\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "BRIEFING_CONFIG"}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "no-config"), XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env)
    assert result.stdout.strip() == "[]", result.stderr
