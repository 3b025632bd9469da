"""Each cleaning rule on small hand-written pages (not the seeds)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.text.clean import (
    _GLUED,
    _ORPHAN_PERIOD,
    _PROMO,
    _SPACED_PERIODS,
    _may_hold_promo,
    _unglue,
    clean_extracted,
    clean_page,
)
from briefing.text.dates import parse_date
from briefing.text.forms import leading_words
from briefing.text.normalize import _SPACES, single_spaced
from briefing.text.rules import LINE_RULES, is_junk

BODY = "The council approved the new budget on Monday after a long debate among its members."


def rules(page: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for removal in clean_page(page).removed:
        found.setdefault(removal.rule, []).append(removal.text)
    return found


def test_html_character_references_left_in_text_become_characters() -> None:
    page = clean_page(f"The Standard &AMP; Poor&#39;s index rose &amp; fell. AT&T and R&D; stay, &bogus; too. {BODY}")
    assert page.body.startswith("The Standard & Poor's index rose & fell. AT&T and R&D; stay, &bogus; too.")


def test_site_name_tagline_headline_and_date_become_metadata() -> None:
    page = f"June 3, 2023\n\nRiver Gazette\n\nNews you can trust\n\nCouncil Passes Budget After Long Night\n\n{BODY}"
    cleaned = clean_page(page)
    assert cleaned.body == BODY
    assert cleaned.title == "Council Passes Budget After Long Night"
    assert cleaned.source == "River Gazette"
    assert cleaned.date == "2023-06-03"
    assert "News you can trust" in rules(page)["site_chrome"]


def test_iso_timestamp_line_gives_date() -> None:
    cleaned = clean_page(f"Budget Passes In The Night\n\n2022-01-05T08:00:00Z\n\n{BODY}")
    assert cleaned.date == "2022-01-05"
    assert "2022" not in cleaned.body


def test_promo_insert_glued_into_paragraph_is_removed_and_sentences_unglued() -> None:
    page = (
        "The mayor spoke on Friday.ALSO READ: Bridge closes for repairs in springThe council then voted "
        "to approve the plan. Residents cheered.SEE: Flood defences tested in harbour | In PicsOfficials said more work is planned."
    )
    cleaned = clean_page(page)
    assert cleaned.body == (
        "The mayor spoke on Friday. The council then voted to approve the plan. Residents cheered. "
        "Officials said more work is planned."
    )
    assert rules(page)["promo"] == [
        "ALSO READ: Bridge closes for repairs in spring",
        "SEE: Flood defences tested in harbour | In Pics",
    ]


def test_promo_at_end_of_paragraph() -> None:
    cleaned = clean_page(f"{BODY} ALSO READ: Budget talks stall again in capital")
    assert cleaned.body == BODY


def test_glued_sentences_get_a_space() -> None:
    cleaned = clean_page("Talks were held in Geneva.White House officials said little. He met NATO.Those talks ended.")
    assert (
        cleaned.body == "Talks were held in Geneva. White House officials said little. He met NATO. Those talks ended."
    )


# Runs shaped like glue points: letters, end punctuation, closing and opening quotes, capitals.
_GLUE_RUN = st.tuples(
    st.sampled_from(["ab", "AB", "a", ""]),
    st.sampled_from([".", "!", "?", ",", ""]),
    st.sampled_from(['"', "”", "’", "'", ""]),
    st.sampled_from(["“", "‘", '"', ""]),
    st.sampled_from(["Zy", "Z", " ", ""]),
).map("".join)


@settings(max_examples=300)
@given(st.lists(_GLUE_RUN, max_size=5).map("".join))
def test_ungluing_puts_a_space_at_every_glue_point(text: str) -> None:
    assert _unglue(text) == _GLUED.sub(" ", text)


# Pieces of text each rule matches, and what `re` folds onto their letters when it ignores
# case ("ı" and "İ" onto "i", "ſ" onto "s", the Kelvin sign onto "k").
_RULE_PIECES = st.sampled_from(
    [
        "FILE - ",
        "In this photo taken ",
        "(AP Photo/Jane Doe)",
        "add location information to your tweets",
        "pic.twitter.com/x",
        "(@user) June 5, 2020",
        "this video is unavailable",
        "This content is no longer available",
        "to view this video",
        "The author is a columnist",
        "Sign up for our newsletter",
        "delivered straight to your inbox",
        "skip to main content",
        "all rights reserved",
        "Copyright",
        "[email protected]",
        "Photo: Jane Doe",
        "Photo:  Jane Doe-Smith Jr. of the Associated Press Agency\n",
        "Image/Getty Images:\u2003Abcdefghij abcdefghij abcdefghij abcdefgh\n",
        "Also read: ",
        "MUST READ : ",
        "see also:",
        "Read more: A",
        "SEE: The",
        "WATCH:",
        "RELATED : x",
        "LISTEN:",
        "the council met",
        "Follow us on Twitter",
        "share it on Facebook",
        "subscribe to our newsletters",
        " Instagram",
        "sign up, YouTube and inbox",
        "Like this story?",
        "Jane Doe contributed reporting from Paris.",
        "contributed to this article",
        "Why the vote matters 1:05",
        "2:52",
        " 10:01:59\n",
        "All Rights Reserved",
        " ",
        ".",
    ]
)
_FOLDS = st.sampled_from([str, str.upper, str.title, lambda t: t.replace("i", "ı"), lambda t: t.replace("i", "İ")])
_FOLDS_S = st.sampled_from([str, lambda t: t.replace("s", "ſ"), lambda t: t.replace("k", "\u212a")])


@settings(max_examples=500)
@given(st.lists(st.tuples(_RULE_PIECES, _FOLDS, _FOLDS_S).map(lambda p: p[2](p[1](p[0]))), max_size=4).map("".join))
def test_rules_skip_only_text_their_pattern_cannot_match(text: str) -> None:
    for rule in LINE_RULES:
        assert rule.search(text, text.lower()) == (rule.pattern.search(text) is not None), rule.name
    assert _may_hold_promo(text) or not _PROMO.search(text)


@settings(max_examples=500)
@given(st.text(alphabet=' \t\n\r\x0b\x0c\x1c\x1f\u00a0\u2003\u3000.!?”"ab', max_size=12))
def test_space_and_orphan_period_shortcuts_skip_only_text_without_them(text: str) -> None:
    assert single_spaced(text) == _SPACES.sub(" ", text)
    if _ORPHAN_PERIOD.search(text):
        assert not text.isascii() or any(period in text for period in _SPACED_PERIODS)


def test_glued_quote_gets_a_space() -> None:
    cleaned = clean_page("The minister left the building early.“We will return,” she said to reporters outside.")
    assert cleaned.body == "The minister left the building early. “We will return,” she said to reporters outside."


def test_video_title_and_duration_are_dropped() -> None:
    page = f"{BODY}\n\nWhat did the mayor say about taxes?\n\n2:52\n\nWhy the vote matters 1:05\n\n{BODY}"
    found = rules(page)
    assert found["video"] == ["What did the mayor say about taxes?", "2:52", "Why the vote matters 1:05"]
    assert clean_page(page).body == f"{BODY}\n\n{BODY}"


def test_share_counters_and_stray_punctuation_are_dropped() -> None:
    page = f"Budget Passes In The Night\n\n12\n340\n\n{BODY}\n\n,\n"
    assert clean_page(page).body == BODY
    assert rules(page)["counter"] == ["12", "340", ","]


def test_bullets_of_related_links_are_dropped() -> None:
    page = f"{BODY}\n\n  • Earlier: the council delays its vote\n\n{BODY}"
    assert rules(page)["bullet"] == ["• Earlier: the council delays its vote"]


def test_copyright_comment_and_skip_link_lines_are_dropped() -> None:
    page = (
        'Press "Enter" to skip to content\n\nBudget Passes In The Night\n\n'
        f"{BODY}\n\nLeave a comment\n\nPlease enter your email address!\n\n© 2020 River Gazette Ltd"
    )
    found = rules(page)
    assert found["skip_link"] and found["comments"] and found["copyright"]
    assert clean_page(page).body == BODY


def test_footer_after_source_line_is_dropped() -> None:
    page = f"{BODY}\n\n{BODY}\n\nSource: wirefeed\n\nYou may like\n\nOther stories are available on this site."
    assert clean_page(page).body == f"{BODY}\n\n{BODY}"
    assert "Other stories are available on this site." in rules(page)["footer"]


def test_trailing_hash_is_removed() -> None:
    cleaned = clean_page(f"{BODY} 87990cbe856818d5eddac44c7b1cdeb8")
    assert cleaned.body == BODY


def test_paragraphs_broken_around_names_are_joined() -> None:
    page = "The plan was backed by Secretary of State\n\nJane Fowler\n\nwho spoke Tuesday with\n\nMayor Ruiz,\n\nthe city's leader."
    assert clean_page(page).body == (
        "The plan was backed by Secretary of State Jane Fowler who spoke Tuesday with Mayor Ruiz, the city's leader."
    )


def test_subheadings_are_dropped_but_not_the_paragraph_after() -> None:
    page = f"{BODY}\n\nWhat happens next\n\n{BODY}"
    assert clean_page(page).body == f"{BODY}\n\n{BODY}"
    assert rules(page)["heading"] == ["What happens next"]


def test_spinner_brace_artifacts_keep_their_words() -> None:
    cleaned = clean_page("The mayor said {that a} new bridge would open in the spring of next year.")
    assert cleaned.body == "The mayor said that a new bridge would open in the spring of next year."


def test_credit_caption_and_contact_lines_are_dropped() -> None:
    page = (
        f"{BODY}\n\nA look at how the vote went. Photo/Video: Sam Reed\n\n"
        "With reporting from Ana Lee\n\nWrite to Sam Reed at [email protected]\n\n"
        f"{BODY}"
    )
    found = rules(page)
    assert "caption" in found and "credit" in found and "contact" in found
    assert clean_page(page).body == f"{BODY}\n\n{BODY}"


def test_photo_captions_widgets_bylines_and_newsletter_prompts_are_dropped() -> None:
    page = (
        f"{BODY}\n\nFILE - In this Thursday, Jan. 12, 2012, file photo, the mayor speaks at the harbour.\n\n"
        "You can add location information to your Tweets, such as your city or precise location.\n\n"
        "The author is a Gazette Breakingviews columnist. The opinions expressed are her own.\n\n"
        f"Sign up for BREAKING NEWS Emails\n\n{BODY}"
    )
    found = rules(page)
    assert {"photo_caption", "widget", "byline", "newsletter"} <= set(found)
    assert clean_page(page).body == f"{BODY}\n\n{BODY}"


def test_calls_to_click_and_sponsor_disclosures_are_dropped() -> None:
    page = (
        f"{BODY}\n\nClick here to get more information or download this game.\n\n"
        f"This shop has been compensated by Collective Bias, Inc. and its advertiser.\n\n{BODY}"
    )
    assert {"call_to_action", "disclosure"} <= set(rules(page))
    assert clean_page(page).body == f"{BODY}\n\n{BODY}"
    assert not is_junk("Clicking through the archive, the clerk found the 1998 minutes of the vote.")


def test_lead_ins_that_promise_the_news_are_dropped() -> None:
    page = f"This is the tech news you need to know this Tuesday.\n\n{BODY}\n\nHere’s everything you need to know."
    assert len(rules(page)["lead_in"]) == 2
    assert clean_page(page).body == BODY
    assert not is_junk("This is the first time voters need to know their polling station in advance.")


def test_news_about_photos_authors_and_sign_ups_is_kept() -> None:
    kept = (
        "In this city, the photo exhibition drew record crowds on its first weekend.",
        "The author of the bill is a senator from Ohio who expects it to pass this spring.",
        "Voters can sign up for the new postal ballot until Friday, officials said.",
    )
    assert not any(is_junk(text) for text in kept)
    assert clean_page(f"{BODY}\n\n{kept[0]}").body == f"{BODY}\n\n{kept[0]}"


def test_chrome_in_capitals_or_mid_line_is_dropped_too() -> None:
    page = (
        f"{BODY}\n\nSKIP TO MAIN CONTENT\n\nThe Gazette 2020. ALL RIGHTS RESERVED.\n\n"
        "COPYRIGHT The Gazette\n\nA flooded road near the bridge. IMAGE: Sam Reed\n\n"
        f"Tips to Sam.Reed@Gazette.example\n\n{BODY}"
    )
    found = rules(page)
    assert len(found["copyright"]) == 2
    assert "skip_link" in found and "caption" in found and "contact" in found
    assert clean_page(page).body == f"{BODY}\n\n{BODY}"


def test_runs_of_spaces_tabs_and_no_break_spaces_become_one_space() -> None:
    for odd in ("  ", "\t", " \u00a0", "\u2009", " \t "):
        assert clean_page(BODY.replace(" ", odd)).body == BODY


def test_user_drop_patterns() -> None:
    page = f"{BODY}\n\nFollow us on every network for more.\n\n{BODY}"
    cleaned = clean_page(page, ("^Follow us",))
    assert cleaned.body == f"{BODY}\n\n{BODY}"
    assert [r.rule for r in cleaned.removed] == ["user_pattern"]


def test_control_characters_and_escape_sequences_are_removed() -> None:
    cleaned = clean_page("The council \x1b[31mapproved\x1b[0m the new budget on Monday after a long debate.\x07")
    assert "\x1b" not in cleaned.body and "\x07" not in cleaned.body
    assert "approved" in cleaned.body


def test_parse_date_forms() -> None:
    assert parse_date("March 29, 2024") == "2024-03-29"
    assert parse_date("29 March 2024") == "2024-03-29"
    assert parse_date("Updated: Dec. 30, 2021 10:15 AM EST") == "2021-12-30"
    assert parse_date("2021-12-30T17:11:01.521Z") == "2021-12-30"
    assert parse_date("The council met on March 29, 2024.") is None


# Lines of an extracted article: body sentences, a title-like line (which a video duration
# below takes with it), durations, chrome, a promo, an entity, a line break of another kind.
_EXTRACTED_LINES = [
    BODY,
    "Harbour crews worked through the night to clear the wreck from the channel.",
    "Watch the mayor open the bridge",
    "2:31",
    "Share this article",
    "Advertisement",
    "The port reopened. READ MORE: Ferry fares rise Officials said the channel was clear.",
    "Prices rose &amp; fell\r",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_EXTRACTED_LINES), max_size=60), st.integers(min_value=1, max_value=40))
def test_cleaning_up_to_a_lead_gives_the_start_of_the_whole_text(lines: list[str], lead: int) -> None:
    """What grouping and the language check read of an article cleaned only up to its lead is
    what they read of it cleaned whole: its text begins the whole text, past `lead` words."""
    text = "\n".join(lines)
    whole = clean_extracted(text, "Bridge opens", lead=None)
    start = clean_extracted(text, "Bridge opens", lead=lead)
    if start.whole:
        assert start == whole
    else:
        assert whole.body.startswith(start.body) and len(start.body.split()) > lead
        assert leading_words(start.body, lead) == leading_words(whole.body, lead)
