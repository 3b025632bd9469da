"""The rendered digest, byte for byte, in every format (set UPDATE_GOLDEN=1 to rewrite)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from briefing import render, summarize
from briefing.config import Config
from briefing.models import Article

HERE = Path(__file__).parent


@pytest.mark.parametrize("format, suffix", [("text", "txt"), ("markdown", "md"), ("json", "json")])
def test_trio_digest_matches_golden(trio: tuple[Article, ...], format: str, suffix: str) -> None:
    # Made two days after the newest article: the header shows the day and the articles' span.
    output = render(replace(summarize(trio, Config()), date="2024-04-05"), format)  # type: ignore[arg-type]
    golden = HERE / f"trio.{suffix}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")
