"""The rules that decide whether two entries report one story, on small hand-made days."""

from __future__ import annotations

from itertools import pairwise

from briefing.config import StoriesConfig
from briefing.summary.stories import find_stories
from briefing.summary.views import StoryView, story_view


def spelled(number: int) -> str:
    """A word of its own for each number (digits are not words)."""
    return "q" + "".join(chr(ord("a") + int(digit)) for digit in str(number))


# A morning's other entries, each the only report of its event, sharing no word with any
# other entry: they make the day's threshold a morning's of lone reports.
FILLERS = [
    story_view(f"{spelled(n)} {spelled(n + 100)}", f"{spelled(n + 200)} {spelled(n + 300)}.", "2026-02-17", "x")
    for n in range(20)
]


def view(title: str, lead: str = "", date: str | None = "2026-02-17", source: str = "outlet") -> StoryView:
    return story_view(title, lead, date, source)


# A day's other entries where every story is told three times (wire copy), and where each
# entry is the only report of its event (a morning of a few feeds).
TOLD_THRICE = [
    view(f"{spelled(n)} {spelled(n + 100)} {spelled(n + 200)}", f"{spelled(n)} {spelled(n + 100)} {when}.")
    for n in range(40)
    for when in ("on Monday", "late on Monday", "after a long debate")
]
TOLD_ONCE = [view(f"{spelled(n)} {spelled(n + 200)}", f"{spelled(n + 400)} {spelled(n)}wood.") for n in range(120)]


def stories_of(views: list[StoryView], **settings: float) -> list[tuple[int, ...]]:
    return find_stories(views, StoriesConfig(**settings))  # type: ignore[arg-type]


def together(stories: list[tuple[int, ...]], a: int, b: int) -> bool:
    return any(a in story and b in story for story in stories)


def test_two_teasers_sharing_only_a_phrase_with_a_stop_word_stay_apart() -> None:
    views = [
        view("Democrats race to pass budget before recess", "House leaders scheduled a vote for Friday night."),
        view("Scientists race to save coral reefs", "Warming seas bleached half the reef this summer."),
    ]
    assert not together(stories_of(views), 0, 1)


def test_two_headlines_naming_one_death_join_and_a_third_story_stays_apart() -> None:
    views = [
        view("Jesse Jackson, civil rights leader, dies at 84", "The two-time presidential candidate died on Tuesday."),
        view("Rev. Jesse Jackson dead at 84", "Tributes poured in for the veteran activist Jesse Jackson."),
        view("Scientists race to save coral reefs", "Warming seas bleached half the reef this summer."),
        *FILLERS,
    ]
    stories = stories_of(views)
    assert together(stories, 0, 1)
    assert not together(stories, 0, 2)


def test_one_shared_name_can_join_two_teasers_where_one_shared_word_cannot() -> None:
    named = [
        view("Chile protests the arrest in London", "Santiago recalled its ambassador over Pinochet."),
        view("Britain defends the detention", "Spain has asked for the extradition of Pinochet."),
    ]
    assert together(stories_of(named), 0, 1)
    common = [
        view("Chile protests the arrest in London", "Santiago recalled its ambassador over the general."),
        view("Britain defends the detention", "Spain has asked for the extradition of the general."),
    ]
    assert not together(stories_of(common), 0, 1)


def test_a_growing_group_does_not_chain() -> None:
    # Each entry shares its two words with the next only: a chain, not a story.
    words = ["harbour", "tariff", "glacier", "vaccine", "satellite", "orchestra", "lithium", "monsoon", "casino"]
    views = [view(f"{a} {b}", f"The {a} and the {b} report.") for a, b in pairwise(words)]
    stories = stories_of(views)
    assert max(len(story) for story in stories) <= 3
    assert not together(stories, 0, len(views) - 1)


def test_a_roundup_naming_two_stories_does_not_join_them() -> None:
    iran = [
        view("Iran and US hold nuclear talks in Geneva", f"Negotiators met for round {n} of nuclear talks in Geneva.")
        for n in ("one", "two", "three")
    ]
    jackson = [
        view("Jesse Jackson dies at 84", f"Tributes to civil rights leader Jesse Jackson, part {n}.")
        for n in ("one", "two", "three")
    ]
    roundup = view("Jesse Jackson dies; Iran nuclear talks in Geneva", "Jesse Jackson died. Iran talks resume.")
    stories = stories_of([*iran, *jackson, roundup])
    assert together(stories, 0, 1) and together(stories, 3, 4)
    assert not together(stories, 0, 3)


def test_every_entry_takes_part_and_a_copy_joins_its_original() -> None:
    views = [
        view("Quake hits Japan", "A strong earthquake struck northern Japan."),
        view("Quake hits Japan", "A strong earthquake struck northern Japan.", source="another outlet"),
        view("Short headline with no teaser"),
    ]
    stories = stories_of(views)
    assert sorted(i for story in stories for i in story) == [0, 1, 2]
    assert together(stories, 0, 1)


def test_reports_days_apart_need_more_evidence() -> None:
    a = view("Floods hit Mozambique coast", "Floods in Mozambique displaced thousands.", "2026-02-01")
    b = view("Mozambique floods displace thousands", "Floods in Mozambique displaced thousands more.", "2026-02-02")
    months_later = view(b.title and "Mozambique floods displace thousands", "Floods in Mozambique.", "2026-05-20")
    assert together(stories_of([a, b]), 0, 1)
    assert not together(stories_of([a, months_later]), 0, 1)
    assert together(stories_of([a, months_later], days_apart=0.0), 0, 1)


def test_a_day_of_lone_reports_asks_more_evidence_of_a_pair_than_a_day_of_many_reports_a_story() -> None:
    # The same pair of weakly related entries in two days of 122 entries: where each other
    # story is told by three reports (a day of wire copy), the pair joins; where each entry
    # is the only report of its event (a morning of a few feeds), it stays apart.
    pair = [
        view(
            "Wildfire forces evacuations near Athens",
            "Firefighters battled a wildfire north of Athens as residents of seaside villages fled by boat and by road.",
        ),
        view(
            "Greek heatwave strains power grid",
            "Athens recorded its hottest day since records began, with power cuts in several districts, "
            "ferries halted and tourists sheltering indoors, as a wildfire burned.",
        ),
    ]
    assert together(stories_of([*pair, *TOLD_THRICE]), 0, 1)
    assert not together(stories_of([*pair, *TOLD_ONCE]), 0, 1)


# Four reports of one round of talks: two tell it through Vance, two through Araghchi, and
# their headlines all say "Iran nuclear talks". Two reports of the Games share two headline words.
TALKS = [
    view(
        "Iran nuclear talks end in Geneva",
        "Vice President Vance said Tehran has not accepted every red line set by Washington.",
    ),
    view(
        "Vance: Iran nuclear talks fall short",
        "Vance told reporters Tehran has not accepted every red line Washington set.",
    ),
    view(
        "Iran nuclear talks make progress",
        "Foreign Minister Araghchi said both sides agreed on guiding principles for a deal.",
    ),
    view(
        "Progress at Iran nuclear talks, says Araghchi",
        "Araghchi said the delegations agreed on guiding principles for a future deal.",
    ),
    view("Olympic medal count: Norway leads", "Norway has won more golds than any other nation at the Games in Milan."),
    view("US hockey team wins Olympic medal", "The American women beat Canada in the final to take gold in Milan."),
]


def test_reports_whose_headlines_share_three_words_join_where_their_leads_differ() -> None:
    # A threshold as strict as a big morning's: the leads alone keep Vance's and Araghchi's apart.
    stories = stories_of([*TALKS, *FILLERS], threshold=0.6)
    assert together(stories, 0, 1) and together(stories, 2, 3)
    assert together(stories, 0, 2)
    # Two shared headline words are a subject ("Olympic medal"), not one event.
    assert not together(stories, 4, 5)


def test_two_reports_sharing_only_a_title_of_office_stay_apart() -> None:
    # "Prime Minister" says who acts, not what happened: a hospital opening and a confidence
    # vote are two stories (as were "President Macron" in India and in a budget fight).
    views = [
        view("Prime Minister opens new hospital wing", "The Prime Minister cut the ribbon in the north on Monday."),
        view("Prime Minister faces confidence vote", "The Prime Minister must win over rebels in parliament."),
        *FILLERS,
    ]
    assert not together(stories_of(views), 0, 1)


def test_two_teasers_whose_headlines_name_other_actors_stay_apart_though_they_share_words() -> None:
    views = [
        view("Ukraine and Russia hold peace talks in Geneva", "Envoys of Ukraine and Russia met in Geneva for talks."),
        view("Iran and US hold nuclear talks in Geneva", "Envoys of Iran and the US met in Geneva for talks."),
        view("Russia and Ukraine end a tense day of talks", "The Geneva talks of Russia and Ukraine ended late."),
        *FILLERS,
    ]
    stories = stories_of(views)
    assert not together(stories, 0, 1)
    assert together(stories, 0, 2)


# Five teasers of a mine blast, two of them naming Katowice.
BLAST = [
    view(
        "Coal mine blast in Silesia traps miners",
        "Rescuers worked through the night near Katowice to reach the trapped miners.",
    ),
    view(
        "Silesia coal mine blast leaves miners trapped underground",
        "Dozens are trapped after a methane blast at a coal mine in southern Poland.",
    ),
    view(
        "Methane blamed for Silesia coal mine blast",
        "Inspectors said methane had built up in the shaft before the blast trapped miners.",
    ),
    view(
        "Poland mourns as Silesia mine blast toll rises",
        "Flags flew at half mast across Poland for the miners killed in the coal mine blast.",
    ),
    view(
        "Rescuers near Katowice reach trapped miners",
        "Rescuers from Katowice reached a chamber where miners sheltered after the coal mine blast.",
    ),
]


def test_on_a_day_of_wire_copy_a_teaser_joins_a_story_it_shares_a_few_words_with_and_on_a_sparse_morning_not() -> None:
    # Two teasers of the mine blast, and a third telling of it from a place one of them names:
    # a teaser's few words meet another report's in a word or two. Where every story is told
    # three times (wire copy), that joins it; where every entry is the only report of its
    # event (a morning of a few feeds), it stays alone.
    hospital = view(
        "Katowice hospital treats injured workers",
        "Doctors in Katowice treated eleven injured workers overnight, officials said.",
    )
    rescuers = view(
        "Katowice rescuers bring up bodies",
        "Rescuers near Katowice brought up the bodies of two men overnight, officials said.",
    )
    assert together(stories_of([*BLAST[:2], hospital, *TOLD_THRICE]), 0, 2)
    assert not together(stories_of([*BLAST[:2], rescuers, *TOLD_ONCE]), 0, 2)


def test_on_a_day_of_wire_copy_two_stories_of_many_teasers_sharing_a_place_stay_apart() -> None:
    # Six reports of peace talks and six of a market bombing, all naming Israel once: where
    # each is told many times and the first passes kept them apart, they are related stories,
    # and the pass that joins a few teasers to a story does not join two stories.
    talks = [
        view(
            "Settlement freeze talks resume in Jerusalem",
            f"Negotiators met again on the settlement freeze and the disputed map, round {spelled(600 + n)}, "
            "with envoys from Cairo, Amman and Oslo drafting clauses on water rights in Israel.",
        )
        for n in range(6)
    ]
    bombing = [
        view(
            "Market bombing kills shoppers in Hadera",
            f"A suicide bomber struck the crowded market at noon, witness {spelled(800 + n)} said, and police "
            "sealed roads while medics carried wounded vendors to hospital in Israel.",
        )
        for n in range(6)
    ]
    stories = stories_of([*talks, *bombing, *TOLD_THRICE])
    assert together(stories, 0, 5) and together(stories, 6, 11)
    assert not together(stories, 0, 6)


def test_on_a_day_of_wire_copy_a_teaser_told_from_a_place_two_of_five_reports_name_joins_their_story() -> None:
    # A hospital report from Katowice that shares nothing with the three blast teasers that do
    # not name it: two of five reports is enough.
    hospital = view(
        "Katowice hospital treats injured rescuers",
        "Doctors in Katowice treated eleven injured rescuers overnight, officials said.",
    )
    assert together(stories_of([*BLAST, hospital, *TOLD_THRICE]), 0, 5)


def test_on_a_sparse_morning_a_few_reports_that_share_only_a_topic_are_not_one_story() -> None:
    # Three Olympic pieces on medals (Norway's count, the hockey final, Italy's record) meet a
    # big morning's threshold on "Winter Olympics", "gold", "medals", but five other pieces of
    # the Games are about as close to them: a slice of a topic, shown as "3 articles" under one
    # headline. Its least attached member leaves (a pair is the pair rules' to judge). Three
    # reports of Peru's Congress ousting its president, with nothing near them, stay one story.
    medals = [
        view(
            "Winter Olympics medal count: Norway leads",
            "Norway has won the most gold medals at the Winter Olympics so far.",
        ),
        view(
            "US hockey team to play for Winter Olympics gold",
            "The American women reached the final and are sure of a medal at the Winter Olympics.",
        ),
        view(
            "Italy wins record Winter Olympics medals",
            "The home team has won more gold medals than at any Winter Olympics before.",
        ),
    ]
    games = [
        view(
            "Drones film skiers at the Winter Olympics", "Flying cameras chase downhill racers at the Winter Olympics."
        ),
        view(
            "Old curling hall shines at the Winter Olympics",
            "A stadium built in 1956 hosts curling at the Winter Olympics.",
        ),
        view(
            "Mascot toys sell out at the Winter Olympics",
            "Plush stoats named Tina and Milo are gone from shops at the Winter Olympics.",
        ),
        view(
            "Figure skater questioned at the Winter Olympics",
            "A teenager's debut raised doping questions at the Winter Olympics.",
        ),
        view(
            "Snowmaking runs dry at the Winter Olympics",
            "Warm weather strained artificial snow supplies at the Winter Olympics.",
        ),
    ]
    peru = [
        view("Peru's Congress ousts interim president Jeri", "Lawmakers removed José Jerí over a corruption probe."),
        view(
            "Peru removes President Jeri", "Congress voted to remove José Jerí, who faces a corruption investigation."
        ),
        view("Jeri impeached by Peru's Congress", "Peru's Congress impeached José Jerí after four months in office."),
    ]
    stories = stories_of([*medals, *games, *peru, *TOLD_ONCE], threshold=0.3)
    assert not any(together(stories, 1, other) for other in (0, 2))
    assert together(stories, 8, 9) and together(stories, 8, 10)


def test_a_morning_of_lone_reports_where_a_few_stories_are_told_many_times_is_no_wire_copy() -> None:
    # Three stories told by six outlets each, forty lone reports: two neighbours an entry on
    # average, as on a day of wire copy, but most entries have none (a reader of world news).
    # Two teasers of two crimes, sharing "police", "crime", "shocked", stay apart: the pass that
    # joins a few teasers to a story is for days where every story is told many times.
    told_often = [
        view(
            f"{spelled(n)} {spelled(n + 100)} {spelled(n + 200)}",
            f"{spelled(n)} {spelled(n + 100)} {spelled(700 + 12 * n + k)}.",
        )
        for n in range(3)
        for k in range(6)
    ]
    crimes = [
        view(
            "Kidnapped grandfather was likely mistaken for another man, police say",
            "Police believe the kidnappers took the wrong man from his farm, a crime that shocked the valley.",
        ),
        view(
            "Gisele Pelicot tells her story",
            "The survivor of a crime that shocked France says the police inquiry changed her life.",
        ),
    ]
    assert not together(stories_of([*crimes, *told_often, *TOLD_ONCE[:40]], threshold=0.3), 0, 1)
