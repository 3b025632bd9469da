"""The settings a briefing is made with, as a config gives them: what `briefing digest` with no
option (and cron) makes. A past briefing made with others (`--topic`, `--stories 3`, `-n 2`,
another algorithm) is a narrower look, labelled so in the history; `show today` passes it by.

Light on purpose: `briefing history` and `show` read it without the NLP stack."""

from __future__ import annotations

from briefing.config import Config
from briefing.models import Settings


def settings_of(config: Config) -> Settings:
    summary = config.summary
    return Settings(
        summary.algorithm,
        summary.sentences,
        summary.words,
        summary.bytes,
        config.merge.threshold,
        config.stories.max,
        config.topic.query,
    )
