"""`--topic` with more than one word: which of its words a story about it must use."""

from __future__ import annotations

from dataclasses import replace

from builders import article

from briefing import summarize
from briefing.config import Config
from briefing.summary.topic import is_about, query_forms, required
from briefing.summary.views import StoryView, story_view


def about(query: str, *articles: tuple[str, str]) -> bool:
    views: list[StoryView] = [story_view(title, text, "2026-02-17", "Outlet") for title, text in articles]
    return is_about(query_forms(query), required(query), views)


SWIFT = ("Prosecutors charge man over Taylor Swift concert plot", "Prosecutors in Vienna filed charges on Monday.")
AMALFI = ("A dreamy weekend on the Amalfi Coast", "The coast, as Elise Taylor wrote in Vogue, is best in May.")
KYIV = ("Repair crews work around the clock in Kyiv", "Ukraine's power grid was hit again overnight by drones.")
HOMES = ("Six homes with vast acreage", "Each house stands among old tree cover on a hill.")


def test_a_name_in_the_query_must_be_in_the_story() -> None:
    assert about("Taylor Swift", SWIFT)
    assert not about("Taylor Swift", AMALFI)  # "Taylor" alone, half the query's words, was enough


def test_lower_case_words_of_a_query_with_a_name_only_add_to_it() -> None:
    assert about("the Ukraine crisis", KYIV)  # no "crisis", but Ukraine is what the reader asked
    assert not about("the Peru crisis", KYIV)


def test_a_query_of_lower_case_words_needs_every_word() -> None:
    assert not about("tree-sitter", HOMES)
    assert about("tree cover", HOMES)


JACKSON = (
    "Jesse Jackson, civil rights leader and presidential hopeful, dies at 84",
    "The Rev. Jesse Jackson, the civil rights leader who twice ran for president, died on Tuesday in Chicago.",
)
ROUNDUP = (
    "Rev. Jesse Jackson has died. And, U.S. and Iran set for high-stakes nuclear talks",
    "Civil rights leader Jesse Jackson has died at 84. Iran and the U.S. meet in Geneva for nuclear talks.",
)


def test_a_roundup_headline_naming_the_topic_does_not_make_another_story_about_it() -> None:
    # Jackson's death, grouped with a morning roundup that also names the Iran talks: the
    # reader who asked for Iran does not want it (half of its articles named Iran).
    assert not about("Iran", JACKSON, ROUNDUP)
    assert about("Jesse Jackson", JACKSON, ROUNDUP)
    assert about("Iran", ROUNDUP)  # alone, the roundup is a story that tells of Iran


NEWSROOM = "The owner cut a third of the newsroom's staff this week, and more cuts may come."  # 16 words


def test_a_word_said_once_far_into_an_article_is_said_in_passing() -> None:
    cuts = " ".join([NEWSROOM] * 5)  # 80 words before it
    assert not about("Ukraine", ("What the newsroom cuts mean", f"{cuts} Its coverage of Ukraine will suffer."))
    assert about("Ukraine", ("What the newsroom cuts mean", f"Its coverage of Ukraine will suffer. {cuts}"))
    twice = f"{cuts} Ukraine loses its bureau. Coverage of Ukraine will suffer."
    assert about("Ukraine", ("What the newsroom cuts mean", twice))


def test_a_place_is_told_of_by_the_word_for_its_people() -> None:
    assert about("Iran", ("Mourners gather for slain protesters", "Iranians mourned the protesters killed last month."))
    assert about(
        "Ukraine", ("Zelensky says Trump exerts undue pressure", "Ukrainian President Volodymyr Zelensky spoke.")
    )
    assert about("China", ("Robots win fans in San Francisco", "Chinese boxing robots drew crowds on Sunday."))
    assert not about("Iran", ("Mourners gather for slain protesters", "Irish mourners gathered in Dublin."))


TALKS = (
    "Iranian and American negotiators met in Geneva on Tuesday for a second round of nuclear talks, Iran's "
    "foreign minister Abbas Araghchi said. The two sides agreed on a set of guiding principles for a deal, "
    "Araghchi told reporters in Geneva after the nuclear talks. Washington wants Tehran to limit enrichment."
)


def test_a_headline_naming_the_topic_in_a_story_about_something_else_is_found() -> None:
    # The s9 trial: a morning roundup headed "Rev. Jesse Jackson has died. And, ..." sat in the
    # Iran talks' story, and `--topic "Jesse Jackson"` said no story was about him.
    day = [article(f"iran{n}", f"Iran and U.S. hold nuclear talks in Geneva, round {n}\n\n{TALKS}") for n in range(3)]
    roundup = "Rev. Jesse Jackson has died. And, U.S. and Iran set for nuclear talks"
    day.append(article("roundup", f"{roundup}\n\nJesse Jackson died at 84. {TALKS}"))
    config = Config()
    assert len(summarize(day, config).stories) == 1  # the roundup is grouped with the talks
    about = summarize(day, replace(config, topic=replace(config.topic, query="Jesse Jackson")))
    assert [story.articles for story in about.stories] == [("roundup",)]
    assert summarize(day, replace(config, topic=replace(config.topic, query="Iran"))).stories[0].articles == (
        "iran0",
        "iran1",
        "iran2",
        "roundup",
    )
