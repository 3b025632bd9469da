"""The words the rules know by name: numbers, months and days, pronouns and connectives, event
verbs, hedges, name particles; each list in one place, for every stage that reads it.

Lower-case, as the rules compare them with lower-cased words.
"""

from __future__ import annotations

# Spelled-out numbers, in order from zero ("Jan. ten" is the 10th).
NUMBER_WORDS: tuple[str, ...] = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)

MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# How news abbreviates them ("Jan.", "Sept."): their first three letters, and "sept". "may"
# is a month and a word: each rule that reads these says whether it takes it.
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(
    short for month in MONTHS for short in ((month[:3], "sept") if month == "september" else (month[:3],))
)
# A month as a date writes it, spelled out or abbreviated, capitalised ("Sept. 9", "March 3"):
# a regular expression's group.
MONTH_PATTERN = "(?:" + "|".join(short.capitalize() for short in MONTH_ABBREVIATIONS) + r")[a-z]*\.?"
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Days and months, spelled out and abbreviated: dates, not names, though capitalised.
CALENDAR_WORDS = frozenset((*WEEKDAYS, *MONTHS, *MONTH_ABBREVIATIONS))
# Titles of office ("President", "Prime Minister", "Secretary of State", "Foreign Minister"):
# they say who acts, not what happened, and an officeholder acts in many stories a day.
OFFICE_WORDS = frozenset(
    [
        "president",
        "prime",
        "minister",
        "secretary",
        "state",
        "foreign",
        "chancellor",
        "king",
        "queen",
        "governor",
        "mayor",
        "senator",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    ]
)

# Words by which a sentence points back to the one before it ("these", "such", "the two").
REFERRING = frozenset(["these", "those", "such"])
POINTERS = frozenset({"that", "this"})
PERSONAL = frozenset(["he", "she", "they", "him", "her", "his", "their", "them"])
FEW = frozenset(["two", "three", "2", "3"])
# First words that lean on what came before: a pronoun whose person is named earlier (an "I"
# or "we" outside quotation marks is a speaker or a columnist the reader has not met), a
# determiner counting people or things met before ("Others were set on fire", "Both sides"),
# or a connective answering the sentence before.
OPENERS = frozenset(
    [
        "i",
        "we",
        "he",
        "she",
        "it",
        "they",
        "others",
        "another",
        "both",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "but",
        "and",
        "also",
        "however",
        "still",
        "yet",
        "instead",
        "meanwhile",
        "nevertheless",
        "nonetheless",
        "moreover",
        "besides",
        "thus",
        "therefore",
        "otherwise",
        "separately",
        "partly",
        "then",
    ]
)
# "However" or "though" set off early in the sentence ("In Brussels, however, ...") answer
# something said before; so do "the latter", "the other" and a pronoun "one" with a modal.
CONTRASTS = frozenset(["however", "though", "instead", "too", "nevertheless", "nonetheless"])
BACK_NOUNS = frozenset(["latter", "former", "other", "same", "second"])
# What happened, in the past tense news reports it in: deaths, arrests and trials, votes and
# decisions, attacks and disasters. Verbs only: "death" and "dead" also colour a story
# ("in the dead of night", "In death, he has become ...").
EVENT_VERBS = frozenset(
    [
        "killed",
        "died",
        "arrested",
        "detained",
        "charged",
        "convicted",
        "acquitted",
        "sentenced",
        "indicted",
        "extradited",
        "elected",
        "voted",
        "resigned",
        "ousted",
        "approved",
        "rejected",
        "signed",
        "ruled",
        "defeated",
        "launched",
        "crashed",
        "exploded",
        "bombed",
        "attacked",
        "injured",
        "wounded",
        "seized",
        "captured",
        "invaded",
        "collapsed",
    ]
)
MODALS = frozenset(["would", "could", "should", "must", "might", "can", "may", "will"])

# Words that hedge a figure ("at least 60", "about 100,000") rather than say what it counts.
HEDGES = frozenset(
    ["at", "least", "about", "nearly", "some", "around", "almost", "approximately", "roughly", "more", "than", "over"]
)

# Lower-case particles inside names ("Osama bin Laden", "Charles de Gaulle", "Lula da Silva").
NAME_PARTICLES = frozenset(
    ["al", "bin", "ibn", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le", "van", "von"]
)

# Words that join the parts of a name or a clause: a line ending on one goes on in the next.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "who",
        "which",
        "that",
        "whose",
        "whom",
        "than",
    ]
)

# What happened, by kind: the words outlets use for one happening ("died", "passed away", "was
# shot dead"). Two sentences telling the same kind of happening to the same person or place on
# the same day tell one fact however they word it (`facts.SameFact.same_happening`). Single
# words and two-word phrases, lower-case. An impeachment, an inquiry and military drills were
# each told twice in one section of the 100 real feeds' top 10 ("Peru's Congress voted to
# impeach President José Jerí ..." and "Congress voted to impeach interim President Jose Jeri
# over secret meetings ..."); on DUC 2004 the three kinds change one section of 50. "Charges"
# (filed, brought) too: "Prosecutors in Austria have filed terrorism charges against a
# 21-year-old ..." and "Austrian public prosecutors filed terrorism-related charges Monday
# against a 21-year-old defendant ..." were items 1 and 2 of one section; no DUC section changes.
HAPPENINGS: dict[str, frozenset[str]] = {
    "death": frozenset(
        [
            "died",
            "dies",
            "dead",
            "death",
            "killed",
            "slain",
            "murdered",
            "assassinated",
            "passed away",
            "shot dead",
            "gunned down",
            "perished",
        ]
    ),
    "injury": frozenset(["wounded", "injured", "hurt"]),
    "arrest": frozenset(["arrested", "detained", "apprehended", "custody", "under arrest"]),
    "indictment": frozenset(["indicted", "indictment", "charged", "charges"]),
    "resignation": frozenset(["resigned", "resigns", "quit", "quits", "stepped down", "steps down"]),
    "impeachment": frozenset(["impeach", "impeached", "impeaches", "impeachment"]),
    "investigation": frozenset(["investigate", "investigates", "investigated", "investigation", "probe", "probes"]),
    "exercise": frozenset(["drills", "drill", "exercises", "war games", "live-fire"]),
}
