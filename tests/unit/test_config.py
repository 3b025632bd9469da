"""Config validation: every mistake is an error naming the key, never a silent default."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.config import ALGORITHM_NAMES, Config, load_config, parse_config, with_overrides
from briefing.errors import ConfigError

REPO_CONFIG = Path(__file__).resolve().parents[2] / "config.toml"


def test_documented_config_equals_the_built_in_defaults() -> None:
    assert parse_config(REPO_CONFIG.read_text(encoding="utf-8")) == Config()


def test_unknown_key_suggests_the_nearest() -> None:
    with pytest.raises(ConfigError, match=r"unknown key 'summary.sentense'.*did you mean 'summary.sentences'"):
        parse_config("[summary]\nsentense = 3\n")


def test_unknown_section_suggests_the_nearest() -> None:
    with pytest.raises(ConfigError, match=r"unknown key 'sumary'.*did you mean 'summary'"):
        parse_config("[sumary]\nsentences = 3\n")


def test_wrong_type_names_key_and_value() -> None:
    with pytest.raises(ConfigError, match=r"'summary.sentences' must be an integer, got '8'"):
        parse_config('[summary]\nsentences = "8"\n')
    with pytest.raises(ConfigError, match=r"'clean.drop_patterns' must be a list of strings"):
        parse_config("[clean]\ndrop_patterns = [1]\n")


def test_keys_must_be_keys_and_each_do_one_thing() -> None:
    # The s9 trial: "j,dwn" started the TUI without a word, and "q" for down did nothing.
    with pytest.raises(ConfigError, match=r"'keys.down' holds 'dwn', which is no key; did you mean 'down'\?"):
        parse_config('[keys]\ndown = "j,dwn"\n')
    with pytest.raises(ConfigError, match=r"'keys.down' and 'keys.quit' both bind 'q'"):
        parse_config('[keys]\ndown = "q"\n')
    with pytest.raises(ConfigError, match=r"'keys.up' holds 'hyper\+'"):
        parse_config('[keys]\nup = "k,hyper+"\n')
    keys = parse_config('[keys]\ndown = "j,ctrl+d,J"\nhelp = "?"\nup = "k,shift+up"\n').keys
    assert (keys.down, keys.help, keys.up) == ("j,ctrl+d,J", "?", "k,shift+up")


def test_bad_values_name_what_is_allowed() -> None:
    with pytest.raises(ConfigError, match=r"'summary.algorithm' is 'lexrnk'; allowed: lexrank.*did you mean 'lexrank'"):
        parse_config('[summary]\nalgorithm = "lexrnk"\n')
    with pytest.raises(ConfigError, match=r"'merge.threshold' must be in \(0, 1\]"):
        parse_config("[merge]\nthreshold = 1.5\n")
    with pytest.raises(ConfigError, match=r"invalid pattern"):
        parse_config('[clean]\ndrop_patterns = ["(unclosed"]\n')


def test_a_config_copied_from_the_old_grouping_says_what_to_change() -> None:
    # Its threshold (0.03) was on the old scale: read as it stands, it would merge everything.
    with pytest.raises(ConfigError, match=r"'stories.attach' is gone: remove it, and 'stories.threshold'"):
        parse_config("[stories]\nthreshold = 0.03\nattach = 0.05\n")


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[summary]\nsentences = = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.toml: invalid TOML: .*line 2"):
        load_config(path)


def test_environment_variable_points_to_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("[summary]\nsentences = 3\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG", str(path))
    assert load_config().summary.sentences == 3


def test_missing_named_config_is_an_error_but_missing_default_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_config() == Config()
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_command_line_overrides_are_validated() -> None:
    assert with_overrides(Config(), sentences=3, algorithm=None).summary.sentences == 3
    with pytest.raises(ConfigError, match=r"summary\.sentences"):
        with_overrides(Config(), sentences=-1)


def test_fetch_settings_are_checked() -> None:
    assert parse_config('[sources]\nfeeds = ["https://gazette.example/rss"]\n').sources.feeds == (
        "https://gazette.example/rss",
    )
    with pytest.raises(ConfigError, match=r"'sources.feeds' holds 'gazette.example/rss': not a URL \(no http"):
        parse_config('[sources]\nfeeds = ["gazette.example/rss"]\n')
    with pytest.raises(ConfigError, match=r"'sources.window_hours' must be 1 to 8784"):
        parse_config("[sources]\nwindow_hours = 0\n")
    with pytest.raises(ConfigError, match=r"'sources.timeout_seconds' must be a finite number, got nan"):
        parse_config("[sources]\ntimeout_seconds = nan\n")


def test_the_algorithm_names_are_the_registrys() -> None:
    """Config reads the closed set of names without importing the summarizer; the registry
    behind --algorithm and the picker has exactly these, in this order."""
    from briefing.summary.algorithms import ALGORITHMS

    assert tuple(ALGORITHMS) == ALGORITHM_NAMES
    assert all(ALGORITHMS[name].name == name for name in ALGORITHM_NAMES)


def test_config_toml_names_every_algorithm() -> None:
    documented = REPO_CONFIG.read_text(encoding="utf-8")
    assert [name for name in ALGORITHM_NAMES if name not in documented] == []


def test_non_finite_numbers_and_absurd_day_counts_are_rejected() -> None:
    for text in ("[merge]\nthreshold = nan\n", "[score]\nsupport = inf\n", "[rank]\nnovelty = -inf\n"):
        with pytest.raises(ConfigError, match="must be a finite number"):
            parse_config(text)
    for key in ("compare_days", "keep_days"):
        for value in (-1, 36_501, 10**15, 2**63 - 1):
            with pytest.raises(ConfigError, match=rf"'store.{key}' must be 0 to 36500"):
                parse_config(f"[store]\n{key} = {value}\n")
        assert getattr(parse_config(f"[store]\n{key} = 36500\n").store, key) == 36500


def test_a_topic_of_common_words_only_is_refused() -> None:
    with pytest.raises(ConfigError, match="has no word to look for"):
        with_overrides(Config(), topic="the")
    assert with_overrides(Config(), topic="the Ukraine crisis").topic.query == "the Ukraine crisis"


def test_a_placeholder_typo_in_output_path_is_a_config_error_when_read_not_when_w_is_pressed() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config('[output]\npath = "~/briefings/{data}.txt"\n', "config.toml")
    message = str(caught.value)
    assert message.startswith("config.toml: 'output.path' '~/briefings/{data}.txt': unknown placeholder {data}")
    assert "did you mean {date}?" in message
    with pytest.raises(ConfigError, match=r"'output\.path' '': names no file"):
        parse_config('[output]\npath = ""\n')
    assert parse_config('[output]\npath = "~/b/{news_date}-{date}.txt"\n').output.path == "~/b/{news_date}-{date}.txt"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("a = " + "{b = " * 5000 + "1" + "}" * 5000, "nested too deeply"),
        ("a = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
        ("[sources]\nmax_bytes = " + "1" + "0" * 30, "'sources.max_bytes' is 1,000,"),
        ("[summary]\nsentences = " + "9" * 20, "'summary.sentences' is 99,"),
        ('[store]\npath = "h\\u0000.db"', "'store.path' holds a NUL"),
        ('[sources]\npaths = ["in\\u0000box"]', "'sources.paths' holds a NUL"),
    ],
)
def test_a_config_python_could_not_use_is_a_config_error_not_a_crash(text: str, said: str) -> None:
    """Issue 31, class 3: 5,000 nested tables raised RecursionError, max_bytes = 10**30 an
    OverflowError in a read, a NUL in [store] path a ValueError in open()."""
    with pytest.raises(ConfigError, match=re.escape(said)):
        parse_config(text)


def test_a_count_on_the_command_line_is_bounded_too() -> None:
    with pytest.raises(ConfigError, match=r"'summary\.sentences' is 100,000,"):
        with_overrides(Config(), sentences=10**20)
