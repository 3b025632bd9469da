"""The one sanitiser: nothing a terminal would obey, and nothing a UTF-8 writer rejects."""

from __future__ import annotations

import sys

from builders import unsafe
from hypothesis import given
from hypothesis import strategies as st

from briefing.sanitize import printable, shown_name, shown_path


def test_every_control_format_and_separator_character_is_removed() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    kept = printable(every)
    assert unsafe(kept) == []
    # Only those go (line breaks turn into newlines): every letter, digit, mark and symbol stays.
    assert len(kept.replace("\n", "")) == len(every) - len(unsafe(every)) - 1


def test_line_breaks_of_every_kind_never_glue_words() -> None:
    assert (
        printable("one\u2028two\u2029three\x0cfour\x85five\r\nsix\rseven") == "one\ntwo\nthree\nfour\nfive\nsix\nseven"
    )
    assert shown_name("one\u2028two") == "one two"


def test_escape_sequences_go_whole_leaving_no_residue() -> None:
    cases = {
        "\x1b[31mapproved\x1b[0m": "approved",
        "\x9b31mapproved\x9b0m": "approved",  # C1 CSI, which some terminals obey like ESC [
        "\x1b]52;c;aGVsbG8=\x07copied": "copied",  # OSC 52: a clipboard write
        "\x9d52;c;aGVsbG8=\x9ccopied": "copied",  # the same in C1 form
        "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\": "link",  # OSC 8 hyperlink, ST-terminated
        "\x1bPq#0;2;0;0;0\x1b\\sixel": "sixel",  # DCS
        "\x1b[2J\x1b[Hcleared": "cleared",
        "bell\x07 and \x1b7save": "bell and save",
    }
    for raw, shown in cases.items():
        assert printable(raw) == shown, raw


def test_names_are_one_line_and_valid_unicode() -> None:
    undecodable = b"caf\xe9\xff.txt".decode("utf-8", "surrogateescape")
    assert shown_name(undecodable) == "caf\ufffd\ufffd.txt"
    assert shown_name(undecodable).encode("utf-8")
    assert shown_name("evil\nbriefing: all is well\t.txt") == "evil briefing: all is well .txt"
    assert shown_name("\u202eexe.txt") == "exe.txt"


def test_paths_keep_what_tells_them_apart_written_as_escapes() -> None:
    # The s9 trial: 'new\nline.txt' and 'new line.txt' both read 'new line.txt', and a path
    # shown without its escape code ('escred.txt') named no file.
    assert shown_path("odd/esc\x1b[31mred.txt") == "odd/esc\\x1b[31mred.txt"
    assert shown_path("new\nline.txt") == "new\\nline.txt" != shown_path("new line.txt")
    assert shown_path(b"caf\xe9\xff.txt".decode("utf-8", "surrogateescape")) == "caf\\xe9\\xff.txt"
    assert shown_path("\u202eexe.txt") == "\\u202eexe.txt" and shown_path("Zürich/ok.txt") == "Zürich/ok.txt"


@given(st.text(alphabet=st.characters(codec=None)))
def test_any_string_comes_out_safe_and_encodable(text: str) -> None:
    for shown in (printable(text), shown_name(text), shown_path(text)):
        assert unsafe(shown) == []
        shown.encode("utf-8")
    assert "\n" not in shown_name(text) and "\n" not in shown_path(text)
