"""Quotes: marks, speakers, channels, scare quotes, and what is not a quote at all."""

from __future__ import annotations

import pytest

from newsevents.nlp.quotemarks import quoted_spans

pytestmark = pytest.mark.slow


def _quotes(result):
    return [(q.speaker_name, q.channel, q.text) for q in result.quotes]


def test_curly_and_straight_marks_are_paired_per_paragraph():
    text = 'He said \u201cone two three\u201d and "four five six".\nShe said "unclosed to the end'
    spans = quoted_spans(text, [(0, text.index("\n")), (text.index("\n") + 1, len(text))])
    assert [text[s:e] for s, e in spans] == ["one two three", "four five six", "unclosed to the end"]


def test_speaker_after_the_quote_with_inverted_verb(extract):
    result = extract('"We will rebuild every school," said Kenyan Education Minister Ezekiel Machogu.')
    assert _quotes(result) == [("Ezekiel Machogu", None, "We will rebuild every school,")]


def test_speaker_through_a_pronoun(extract):
    text = 'Chilean President Gabriel Boric visited the flooded towns. "The state will not abandon you," he said.'
    (quote,) = extract(text, published="2024-06-01").quotes
    assert quote.speaker_name == "Gabriel Boric"


def test_quote_introduced_by_a_colon(extract):
    text = 'Colombia\'s foreign minister rejected the report: "These figures are invented and we will prove it."'
    (quote,) = extract(text).quotes
    assert quote.speaker is not None and quote.verb == "reject"


def test_channel_from_the_attribution(extract):
    cases = {
        'Zelensky wrote in a post on Telegram, "We are holding the line."': "Telegram",
        '"The sanctions are illegal," the ministry said in a statement.': "a statement",
        'Asked about the vote, Lula told the BBC: "Brazil will decide for itself."': "BBC",
        '"Thank you for your support!" Macron posted on X.': "X",
        '"The border stays closed," Kenya\'s interior minister told a regular news conference.': "a news conference",
        'At her daily press briefing, the spokeswoman said: "We reject these claims entirely."': "a press briefing",
        '"We will not be intimidated," Ramaphosa said in a televised address on Sunday.': "a televised address",
        'In an audio message, the group\'s spokesman said: "Our fighters are ready for anything."': "an audio message",
        '"Nobody wins a trade war," Ebrard told a radio interviewer.': "a radio interview",
        '"The deal is a trap," the opposition leader told parliament.': "parliament",
        '"We will respond," the ministry said in a statement carried by the Korean Central News Agency.': (
            "Korean Central News Agency"
        ),
        'In a statement on its Telegram channel, the group said: "We deny any involvement."': "Telegram",
        '"Peace is possible," she said in an interview.': "an interview",
    }
    for text, channel in cases.items():
        (quote,) = extract(text).quotes
        assert quote.channel == channel, text


def test_continuation_paragraph_keeps_the_speaker(extract):
    text = (
        'Nigerian President Bola Tinubu said the fuel subsidy was gone for good. "We cannot afford it," he said.\n'
        '"Every naira spent on petrol is a naira not spent on schools and hospitals in this country."\n'
    )
    quotes = extract(text).quotes
    assert [q.speaker_name for q in quotes] == ["Bola Tinubu", "Bola Tinubu"]


def test_scare_quotes_and_single_words_are_not_quotes(extract):
    text = 'The so-called "peace plan" was dismissed as "theatre" by the opposition, which called the talks a "farce".'
    assert extract(text).quotes == ()


def test_partial_quote_after_a_speech_verb_is_a_quote(extract):
    text = 'The senator called the ruling "a grave mistake for our democracy".'
    (quote,) = extract(text).quotes
    assert quote.partial and quote.text == "a grave mistake for our democracy"


def test_boilerplate_is_never_quoted(extract):
    text = 'Police detained the suspect on Monday.\n"Great journalism costs money," says our editor. Donate today!\n'
    result = extract(text)
    assert result.article.paragraphs[-1].role == "boilerplate"
    assert result.quotes == ()


def test_sources_cited(extract):
    text = "The talks collapsed, according to Axios. The envoy reportedly left early."
    kinds = {(s.name, s.kind) for s in extract(text).sources_cited}
    assert ("Axios", "according_to") in kinds
    assert ("reportedly", "reportedly") in kinds


def test_unnamed_officials_are_cited(extract):
    text = "Two people were killed in the blast, local officials said."
    cited = [(s.name, s.kind) for s in extract(text).sources_cited]
    assert ("local officials", "said") in cited


def test_quote_before_a_title_and_name_is_speech_not_a_label(extract):
    # The word after the closing mark is a noun ("government"), as after a scare-quoted label,
    # but the quote closes with its own comma: it is speech.
    text = (
        'Kigali denies the charge. "Rwanda is defending its border against armed groups," '
        "government spokeswoman Yolande Makolo wrote on X."
    )
    (quote,) = extract(text).quotes
    assert (quote.speaker_name, quote.channel) == ("Yolande Makolo", "X")


def test_the_body_named_before_speaks_through_a_description(extract):
    text = (
        "The Alliance of Sahel States accused Algeria of shooting down a drone. "
        '"This is an act of hostility against all member states," the confederation said.'
    )
    (quote,) = extract(text).quotes
    assert quote.speaker_name is not None and "Sahel" in quote.speaker_name
