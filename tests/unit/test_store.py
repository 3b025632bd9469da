"""The history database, on real SQLite files."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from builders import CHESS, STRIKE, TRIO, Clock

from briefing import render, summarize
from briefing.cli.main import main
from briefing.config import Config
from briefing.errors import StoreError, UsageError
from briefing.models import FORMATS, Article, Briefing
from briefing.storage.briefings import Briefings, articles_key
from briefing.storage.db import APPLICATION_ID, MIGRATIONS, Store
from briefing.summary.novelty import mark_items

NOW = datetime(2024, 4, 3, 7, 0, tzinfo=timezone.utc)


def record(store: Store, briefing: Briefing, now: datetime) -> int:
    """Record `briefing` as `briefing.run.daily.record` does: rendered in every format."""
    return Briefings(store).record(briefing, {f: render(briefing, f) for f in FORMATS}, "test", now)


def test_a_briefing_is_shown_again_exactly_as_it_was(trio: tuple[Article, ...], tmp_path: Path) -> None:
    briefing = summarize(trio, Config())
    with Store(tmp_path / "h.db") as store:
        number = record(store, briefing, NOW)
        for format in ("text", "markdown", "json"):
            assert Briefings(store).as_printed(str(number), format) == render(briefing, format)  # type: ignore[arg-type]
        assert Briefings(store).as_printed("2024-04-03", "text") == render(briefing, "text")
        with pytest.raises(UsageError, match="no briefing made on 1999-01-01"):
            Briefings(store).as_printed("1999-01-01", "text")


def test_articles_are_stored_once_and_provenance_is_kept(trio: tuple[Article, ...], tmp_path: Path) -> None:
    briefing = summarize(trio, Config())
    with Store(tmp_path / "h.db") as store:
        record(store, briefing, NOW)
        record(store, briefing, NOW + timedelta(days=1))
        with store.reading() as db:
            assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
            assert db.execute("SELECT count(*) FROM briefings").fetchone()[0] == 2
            sources = db.execute("SELECT count(*) FROM sources").fetchone()[0]
        assert sources == 2 * sum(len(item.sources) for item in briefing.items)
        assert [p.items for p in Briefings(store).history()] == [len(briefing.items)] * 2


def test_marks_new_update_repeat() -> None:
    previous = ["The Harbour Bridge was closed on Monday after engineers found cracks in two steel supports."]
    marks = mark_items(
        [
            "The Harbour Bridge was closed on Monday after engineers found cracks in two of its steel supports.",
            "Engineers said the Harbour Bridge supports with cracks will be replaced by steel beams next month.",
            "The city council approved a new budget for schools on Tuesday.",
        ],
        previous,
    )
    assert marks == ("repeat", "update", "new")


def test_marks_are_against_earlier_days_and_a_rerun_replaces_its_day(
    trio_folder: Path, capsys: pytest.CaptureFixture[str], clock: Clock
) -> None:
    assert main(["digest", str(trio_folder)]) == 0
    first = capsys.readouterr().out
    # The history's first briefing has nothing to be compared with: every item would be
    # "(new)", which says nothing (a new user's finding), so none is marked.
    assert "(new)" not in first and "(repeat)" not in first and "(update)" not in first
    # Running again the same day (cron, then by hand) changes no mark and adds no row.
    assert main(["digest", str(trio_folder)]) == 0
    assert capsys.readouterr().out == first
    clock.advance(days=1)
    assert main(["digest", str(trio_folder)]) == 0
    second = capsys.readouterr().out
    assert "(repeat)" in second and "(new)" not in second
    assert main(["digest", str(trio_folder), "--only-new"]) == 1
    only_new = capsys.readouterr().out
    count = len(re.findall(r"^\d+\. ", first, re.MULTILINE))
    assert f"Nothing new: all {count} items repeat earlier briefings." in only_new
    assert "no article had a sentence" not in only_new
    assert main(["history"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split()[1] for row in rows] == ["2024-04-05", "2024-04-06"]
    # `show` prints what was printed: the --only-new run replaced its day's entry, with 0 items.
    assert rows[1].split()[5] == "0"
    assert main(["show", "today"]) == 0
    assert capsys.readouterr().out == only_new


def test_same_day_briefing_from_other_articles_is_compared_with_the_earlier_one(
    trio_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: Clock
) -> None:
    morning = tmp_path / "morning"
    morning.mkdir()
    for path in sorted(trio_folder.iterdir())[:2]:
        (morning / path.name).write_bytes(path.read_bytes())
    assert main(["digest", str(morning)]) == 0
    capsys.readouterr()
    clock.advance(hours=10)
    assert main(["digest", str(trio_folder)]) == 0
    assert "(repeat)" in capsys.readouterr().out
    main(["history"])
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_a_narrower_run_is_an_entry_beside_the_days_briefing_not_in_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: Clock
) -> None:
    """Cron's briefing, then a --topic, a -n 1 and a --stories 1 look at the same articles:
    history keeps all four with the time each was made, each narrow one labelled with what it
    narrows, `show today` prints cron's (a new user saw the --stories 3 run's), and tomorrow's
    marks are made against all of cron's items, not the narrow runs'."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for id, text in {**CHESS, **STRIKE, **TRIO}.items():
        (folder / f"{id}.txt").write_text(text, encoding="utf-8")
    assert main(["digest", str(folder)]) == 0
    full = capsys.readouterr().out
    clock.advance(hours=1)
    assert main(["digest", str(folder), "--topic", "nurses strike"]) == 0
    assert "Harbour Bridge" not in capsys.readouterr().out
    assert main(["show", "today"]) == 0
    assert capsys.readouterr().out == full
    clock.advance(hours=1)
    assert main(["digest", str(folder), "-n", "1"]) == 0
    clock.advance(hours=1)
    assert main(["digest", str(folder), "--stories", "1"]) == 0
    capsys.readouterr()
    assert main(["show", "today"]) == 0
    assert capsys.readouterr().out == full
    assert main(["history"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split()[2] for row in rows] == ["07:00", "08:00", "09:00", "10:00"]
    labels = [re.findall(r"\d  (\(.*\)) ", row) for row in rows]
    assert labels == [[], ["(topic: nurses strike)"], ["(1 item a story)"], ["(1 story)"]]
    clock.advance(days=1)
    assert main(["digest", str(folder)]) == 0
    assert "(repeat)" in (again := capsys.readouterr().out) and "(new)" not in again


def test_no_store_records_nothing(trio_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(trio_folder), "--no-store"]) == 0
    assert "(new)" not in capsys.readouterr().out
    main(["history"])
    assert "no briefings recorded yet" in capsys.readouterr().err


def test_corrupt_and_foreign_files_are_reported_and_never_touched(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"not a briefing history database.*left untouched"):
        Store(corrupt)
    assert corrupt.read_bytes() == b"this is not a database" * 100
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE accounts (id INTEGER)")
    before = foreign.read_bytes()
    with pytest.raises(StoreError, match="did not create"):
        Store(foreign)
    assert foreign.read_bytes() == before


def test_store_failure_still_writes_the_digest(
    trio_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "c.toml"
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 100)
    config.write_text(f'[store]\npath = "{bad}"\n', encoding="utf-8")
    assert main(["digest", str(trio_folder), "--config", str(config)]) == 4
    captured = capsys.readouterr()
    assert captured.out.startswith("Briefing for") and "will not be recorded" in captured.err
    assert "not a briefing history database" in captured.err


def test_migration_from_the_first_schema_keeps_the_data(tmp_path: Path, trio: tuple[Article, ...]) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    db.execute("PRAGMA user_version=1")
    db.execute(
        "INSERT INTO briefings VALUES (1, '2024-04-01T06:00:00+00:00', '2024-04-01', '[]', '{}', '0.1.0', 1, 1,"
        " 'old text', 'old md', '{}')"
    )
    db.execute("INSERT INTO items VALUES (1, 1, 0, 'An old item about the harbour bridge repairs.', 1, 0.5)")
    db.commit()
    db.close()
    with Store(path) as store, store.reading() as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert db.execute("SELECT text, mark FROM items").fetchall() == [
            ("An old item about the harbour bridge repairs.", "new")
        ]
        assert Briefings(store).as_printed("1", "text") == "old text"
        record(store, summarize(trio, Config()), NOW)
        assert len(Briefings(store).history()) == 2


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store(path):
        pass
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer briefing"):
        Store(path)


def test_old_briefings_are_pruned(trio: tuple[Article, ...], tmp_path: Path) -> None:
    briefing = summarize(trio, Config())
    with Store(tmp_path / "h.db") as store:
        record(store, briefing, NOW - timedelta(days=100))
        record(store, replace(briefing, items=briefing.items[:1]), NOW)
        assert Briefings(store).prune(90, NOW) == 1
        assert [p.items for p in Briefings(store).history()] == [1]
        later = (NOW + timedelta(days=1)).date().isoformat()
        assert Briefings(store).earlier_items(later, 7, articles_key(briefing.articles)) == [briefing.items[0].text]


def test_history_forget_takes_a_briefing_or_a_day_out_so_it_marks_nothing_later(
    trio_folder: Path, capsys: pytest.CaptureFixture[str], clock: Clock
) -> None:
    assert main(["digest", str(trio_folder)]) == 0  # the sample, recorded by mistake
    clock.advance(days=1)
    assert main(["digest", str(trio_folder)]) == 0
    assert "(repeat)" in capsys.readouterr().out  # what the mistake costs the next morning
    assert main(["history", "forget", "2024-04-05"]) == 0
    assert capsys.readouterr().err.startswith("briefing: forgot briefing 1 of 2024-04-05 (")
    assert main(["history", "forget", "2"]) == 0
    assert capsys.readouterr().err.startswith("briefing: forgot briefing 2 of 2024-04-06 (")
    main(["history"])
    assert "no briefings recorded yet" in capsys.readouterr().err
    assert main(["digest", str(trio_folder)]) == 0
    assert "(repeat)" not in capsys.readouterr().out
    assert main(["history", "forget", "1999-01-01"]) == 2
    assert "no briefing made on 1999-01-01" in capsys.readouterr().err
