"""Tricky cases for paragraph roles: furniture that hides, and story that looks like furniture."""

from __future__ import annotations

from newsevents.clean import make_article
from newsevents.clean.metadata import is_byline, is_date_line, parse_date_line
from newsevents.records import RawDocument

LEDE = "NAIROBI — Kenya's parliament passed the finance bill on Tuesday after a stormy debate, officials said."
MIDDLE = "The bill raises taxes on fuel, mobile money transfers and bread, and the opposition walked out in protest."
LAST = "The president is expected to sign the bill into law this week."


def _roles(*lines: str) -> list[str]:
    article = make_article(RawDocument(id="t", content="\n\n".join(lines) + "\n"))
    return [p.role for p in article.paragraphs]


# Story that uses the words of page furniture.


def test_story_reporting_an_appeal_stays_body():
    drive = (
        "The Himalayan Chronicle launched a donation drive on Monday, asking readers to support "
        "independent journalism after its advertising income halved."
    )
    assert _roles(LEDE, drive, "Readers can subscribe or give online, the paper said.", "© 2020 X Media. All rights reserved.") == [
        "body", "body", "body", "boilerplate",
    ]  # fmt: skip


def test_quoted_appeal_words_are_the_story_speaking():
    quote = '"Subscribe to the channel and click here to share the video," the blogger told followers on Sunday.'
    assert _roles(LEDE, quote, LAST) == ["body", "body", "body"]


def test_cookie_rules_in_a_story_are_not_a_cookie_banner():
    story = "Under the rules, websites must obtain consent before storing cookies, and refusing must be as easy as accepting."
    banner = "This website uses cookies to give you the best experience. Read our cookie policy."
    assert _roles(LEDE, story, banner, "Accept all cookies") == ["body", "body", "boilerplate", "boilerplate"]


def test_agency_names_inside_a_sentence_are_no_credit():
    photographer = "Farid Noori, a photographer who has worked for Reuters and Getty Images, won the prize on Thursday."
    poll = "A Reuters/Ipsos poll released on Tuesday showed support for the bill at 38 percent"
    assert _roles(LEDE, photographer, poll, LAST) == ["body", "body", "body", "body"]


def test_agency_tag_ends_a_caption_above_the_story_but_a_sentence_below_it():
    caption = "Rescuers search a flooded residential area in Nagano on Monday. (Kyodo)"
    brief = "Chile's president replaced eight ministers in a cabinet reshuffle on Monday (AFP)"
    assert _roles(caption, LEDE, brief, LAST) == ["caption", "body", "body", "body"]


def test_the_country_us_is_not_the_reader():
    last = "Neither US nor British authorities delivered a complete list of the countries, officials said."
    assert _roles(LEDE, last, "Share this story: Facebook | Twitter") == ["body", "body", "boilerplate"]


def test_a_long_interview_answer_asking_for_support_is_story():
    answer = (
        "((Gregory Kurtzer))  We are about 65 contributors driving the project right now. " * 3
        + "We also have corporations stepping up to support us with donations and hardware."
    )
    assert _roles(LEDE, answer, LAST) == ["body", "body", "body"]


# Captions.


def test_credit_on_its_own_line_makes_the_line_above_a_caption():
    assert _roles(LEDE, "Protesters chant slogans outside the army headquarters on Saturday.", "Getty Images", LAST) == [
        "body", "caption", "caption", "body",
    ]  # fmt: skip


def test_credit_line_does_not_swallow_a_story_paragraph_that_reports_speech():
    said = "The council said the barricades were a threat to security."
    assert _roles(LEDE, said, "Stringer/AFP/Getty Images", LAST) == ["body", "body", "caption", "body"]


def test_caption_credit_variants():
    for caption in (
        "FILE PHOTO: A man walks past the central bank in Kyiv, Ukraine, March 3, 2022. REUTERS/Jane Doe/File Photo",
        "Protesters march in Santiago on Friday. (AP Photo/Esteban Félix)",
        "Campaigners outside the court on Wednesday. Photograph: Andrew Milne/PA",
        "Sultan Qaboos ruled Oman for five decades [File: Hamad Saleh/Reuters]",
        "Mourners crowd the streets of Kerman on Tuesday. [Photo/Agencies]",
        "Pictured above: Activists rally outside parliament in Sydney.",
        "People queue to vote in Hong Kong on Sunday. EPA-EFE/LI WEN",
        "Paul Manafort in a booking photo. Alexandria Sheriff's Office/Handout via REUTERS",
        "Image source, Getty Images",
    ):
        assert _roles(caption, LEDE, LAST) == ["caption", "body", "body"], caption


# Lists of links.


def test_related_headlines_without_a_header_at_the_end_are_links():
    assert _roles(
        LEDE, MIDDLE, "Navalny airlifted to Berlin hospital", "What is Novichok, the nerve agent?", "© 2020 Baltic Wire"
    ) == ["body", "body", "boilerplate", "boilerplate", "boilerplate"]


def test_a_lone_unpunctuated_last_line_is_still_story():
    last = "In other results, Maroochydore defeated Caboolture 43–5, and University beat Noosa 32–22"
    assert _roles(LEDE, last, "© 2020 Coast Sport") == ["body", "body", "boilerplate"]


def test_a_list_the_story_introduces_stays_story():
    assert _roles(LEDE, "These services are exempt:", "Hospitals and pharmacies", "Food markets", "© 2020 X") == [
        "body", "body", "body", "body", "boilerplate",
    ]  # fmt: skip


def test_headlines_under_a_header_mid_story_are_links():
    assert _roles(LEDE, "Trending Now", "Ontario man charged after crash", "Storm warning issued for Maritimes", MIDDLE) == [
        "body", "boilerplate", "boilerplate", "boilerplate", "body",
    ]  # fmt: skip


# Boxes and runs.


def test_newsletter_box_in_the_middle_with_its_name():
    box = ["The Daily Brief", "The essential news, delivered to your inbox at 7am.", "Sign up"]
    assert _roles(LEDE, *box, MIDDLE) == ["body", "boilerplate", "boilerplate", "boilerplate", "body"]


def test_subhead_after_an_advertisement_stays_story():
    assert _roles(LEDE, "Advertisement", "Who is doing the killing?", MIDDLE) == ["body", "boilerplate", "body", "body"]


def test_biography_counts_only_at_the_end():
    bio = "Priya Raman is a health correspondent for The Lab Report based in Singapore."
    assert _roles(LEDE, bio, MIDDLE) == ["body", "body", "body"]
    assert _roles(LEDE, MIDDLE, bio) == ["body", "body", "boilerplate"]


def test_wire_signoffs():
    for signoff in (
        "(Reporting by Jane Doe; Additional reporting by John Roe; Editing by Mary Major)",
        "Reporting by Ade Balogun; editing by Simon Carr",
        "— The Associated Press contributed to this report.",
        "Jane Morales and Pedro Ruiz contributed reporting.",
        "(With inputs from agencies)",
        "—AFP",
    ):
        assert _roles(LEDE, MIDDLE, signoff) == ["body", "body", "boilerplate"], signoff


def test_prompts_that_are_boilerplate_wherever_they_stand():
    for prompt in (
        "Story continues below advertisement",
        "ALSO READ | Fire safety audit ordered for all hotels",
        "Listen to this article",
        "5 min read",
        "You have 3 free articles left this month.",
        "Click here to sign up for our breaking news alerts.",
        "Follow us on Google News",
    ):
        assert _roles(LEDE, prompt, MIDDLE, LAST) == ["body", "boilerplate", "body", "body"], prompt


# Top of the page.


def test_title_after_a_consent_banner():
    assert _roles("We value your privacy", "Accept all", "Tesco to sell Polish stores to Danish rival", LEDE) == [
        "boilerplate", "boilerplate", "title", "body",
    ]  # fmt: skip


def test_bylines_and_date_lines_at_the_top():
    assert _roles("Elena Vargas | Staff writer", "Updated 3 hours ago", "JANE DOE", LEDE, MIDDLE) == [
        "byline", "dateline", "byline", "body", "body",
    ]  # fmt: skip


def test_byline_forms():
    assert is_byline("By JANE DOE and JOHN ROE Associated Press")
    assert is_byline("By Irina Petrova, Moscow correspondent")
    assert is_byline("Moira Findlay, Scotland editor")
    assert is_byline("Interview by Rosa Quispe")
    assert is_byline("Jane Whitaker, Associated Press", above_story=True)
    assert not is_byline("Jane Whitaker, Associated Press")
    assert not is_byline("By the time police arrived, officers had left.")
    assert not is_byline("By Tuesday, police had arrested 12 people.")
    assert not is_byline("—Camila Restrepo, Bogotá analyst")


def test_date_line_forms():
    assert parse_date_line("Wed 11 Sep 2019 10.32 BST").isoformat() == "2019-09-11"
    assert parse_date_line("Updated 6:42 PM ET, Fri October 25, 2019").isoformat() == "2019-10-25"
    assert parse_date_line("Posted: Feb 25, 2019 / 11:32 AM EST").isoformat() == "2019-02-25"
    assert parse_date_line("August 22, 2020 · 4 min read").isoformat() == "2020-08-22"
    assert is_date_line("Updated 3 hours ago") and parse_date_line("Updated 3 hours ago") is None


def test_a_sentence_above_the_date_line_is_the_photo_caption():
    caption = "Smoke rises over Gaza City after an air strike on Tuesday."
    assert _roles(caption, "Wednesday, May 5, 2021", LEDE) == ["caption", "dateline", "body"]


def test_a_standfirst_under_the_title_is_no_caption():
    standfirst = "The ceasefire held for a second day, easing fears of a wider war."
    assert _roles("Gaza truce holds", standfirst, "Wednesday, May 5, 2021", LEDE) == [
        "title",
        "body",
        "dateline",
        "body",
    ]


def test_prefixed_line_that_reports_speech_is_story():
    line = "Photo: a woman runs across a street under sniper fire, 1993. It became the war's best-known image, curators said."
    assert _roles(LEDE, line, LAST) == ["body", "body", "body"]


def test_story_sentences_that_share_words_with_house_notices():
    for sentence in (
        "This follows a report that was published on Tuesday by the UN refugee agency.",
        "The report was published on Tuesday by the UN refugee agency.",
        "The plan was drafted with input from local communities and church leaders.",
        "Auditors found an error in the accounts of the state oil company last year.",
        "Police asked residents to send tips to a hotline set up on Monday.",
        "The views expressed by the minister are not shared by the rest of the cabinet.",
        "The ministry welcomes comments on the draft law until May 1.",
        "Reporting by the BBC and others revealed the scale of the abuse in 2018.",
        "Streaming services, like Netflix, have raised subscription prices across the region.",
    ):
        assert _roles(LEDE, sentence, "© 2020 X Media. All rights reserved.") == ["body", "body", "boilerplate"], (
            sentence
        )
        assert _roles(LEDE, sentence, LAST) == ["body", "body", "body"], sentence
