"""One renderer for problems: lines grouped for a cron log, each on its own for --explain."""

from __future__ import annotations

from briefing.models import SAME_TEXT, Problem
from briefing.output.problems import problem_lines, problems_count

COPIES = [Problem("skipped", SAME_TEXT, f"inbox/copy{n}.txt", "inbox/a.txt") for n in range(3)]
EMPTY = [Problem("skipped", "no article text left after cleaning", "feed.xml", entry=f"feed/{n}") for n in range(2)]


def test_a_copy_names_the_file_it_repeats_in_a_field_and_the_line() -> None:
    (copy,) = COPIES[:1]
    assert copy.is_copy and copy.detail == "inbox/a.txt"
    assert problem_lines([copy]) == ["inbox/copy0.txt: skipped, same text as inbox/a.txt"]


def test_a_folders_copies_and_a_feeds_entries_share_a_line_unless_every_is_asked() -> None:
    assert problem_lines([*COPIES, *EMPTY]) == [
        "inbox: 3 files skipped, same text as earlier files",
        "feed.xml: 2 entries skipped, no article text left after cleaning",
    ]
    every = problem_lines([*COPIES, *EMPTY], every=True)
    assert len(every) == 5 and every[-1] == "feed.xml (feed/1): skipped, no article text left after cleaning"


def test_notes_and_failures_are_said_without_skipped() -> None:
    noted = Problem("noted", "does not look like English; read as English all the same", "es.txt")
    failed = Problem("failed", "HTTP 404 Not Found", "https://a.example/p")
    assert problem_lines([noted, failed, failed]) == [
        "es.txt: does not look like English; read as English all the same",
        "https://a.example/p: HTTP 404 Not Found",
        "https://a.example/p: HTTP 404 Not Found",
    ]
    assert problems_count([*COPIES, noted, failed]) == "3 files skipped, 1 failed, 1 noted"
    assert problems_count([noted]) == problem_lines([noted])[0]


def test_a_count_names_feed_entries_and_files_as_what_they_are() -> None:
    """The TUI said "896 files skipped; e explains" of the 100 real feeds: 880 were entries."""
    assert problems_count([*EMPTY, *COPIES]) == "2 feed entries and 3 files skipped"
    assert problems_count([*EMPTY, COPIES[0]]) == "2 feed entries and 1 file skipped"
    assert problems_count([*EMPTY, EMPTY[0]]) == "3 feed entries skipped"


def test_routine_skips_are_feed_entries_set_aside_and_copies() -> None:
    from briefing.output.problems import is_routine

    unreadable = Problem("skipped", "cannot read it (Permission denied)", "inbox/locked.txt")
    empty_file = Problem("skipped", "no article text left after cleaning", "inbox/page.html")
    failed = Problem("failed", "HTTP 404 Not Found", "https://a.example/p")
    assert [is_routine(p) for p in (*EMPTY, COPIES[0], unreadable, empty_file, failed)] == [1, 1, 1, 0, 0, 0]


def test_many_files_of_one_folder_skipped_for_one_reason_share_a_line() -> None:
    """A folder of 50,000 empty files wrote 50,001 lines to stderr (issue 31, R22)."""
    empty = [Problem("skipped", "no article text left after cleaning", f"inbox/e{i}.txt") for i in range(50_000)]
    others = [Problem("skipped", "a PNG image is not text", "inbox/a.txt")]
    few = [Problem("skipped", "no article text left after cleaning", f"other/e{i}.txt") for i in range(3)]
    lines = problem_lines([*empty, *others, *few])
    assert lines == [
        "inbox: 50000 files skipped, no article text left after cleaning",
        "inbox/a.txt: skipped, a PNG image is not text",
        *(f"other/e{i}.txt: skipped, no article text left after cleaning" for i in range(3)),
    ]
    assert len(problem_lines(empty, every=True)) == 50_000
