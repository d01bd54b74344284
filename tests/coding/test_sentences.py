"""The coder on single sentences we wrote in the style of wire copy, across regions and categories.

Each case: a sentence, the publication date, and the (category, source country, target country)
the sentence reports as having happened; ``absent`` lists readings that must not be asserted
(plans, threats, denials, conditions).
"""

from __future__ import annotations

import pytest

from tests.conftest import triples, undirected

pytestmark = pytest.mark.slow

CASES = [
    # AGREE / CONSULT / SUPPORT / COOPERATE / AID
    ("Kenya and Ethiopia signed a border security agreement in Nairobi on Tuesday.", {("AGREE", "ETH", "KEN")}, set()),
    (
        "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday.",
        {("CONSULT", "JPN", "KOR")},
        set(),
    ),
    (
        "Brazil's foreign minister held talks with his Argentine counterpart in Brasilia.",
        {("CONSULT", "BRA", "ARG")},
        set(),
    ),
    ("The Indian prime minister spoke by phone with the Emir of Qatar on Sunday.", {("CONSULT", "IND", "QAT")}, set()),
    (
        "German Chancellor Olaf Scholz praised Poland for taking in refugees from Ukraine.",
        {("SUPPORT", "DEU", "POL")},
        set(),
    ),
    ("The European Union pledged 50 million euros in humanitarian aid to Sudan.", {("AID", "EUR", "SDN")}, set()),
    ("Washington sent air defence systems to Kyiv last month, the Pentagon said.", {("AID", "USA", "UKR")}, set()),
    # REQUEST / ACCUSE / REJECT / THREATEN
    (
        "The United Nations called on Myanmar's military to release detained politicians.",
        {("REQUEST", "UNO", "MMR")},
        set(),
    ),
    ("Pakistan accused India of violating the ceasefire along the Line of Control.", {("ACCUSE", "PAK", "IND")}, set()),
    (
        "Chinese officials condemned the Philippine navy's manoeuvres near the Scarborough Shoal.",
        {("ACCUSE", "CHN", "PHL")},
        set(),
    ),
    ("Venezuela rejected a proposal by Colombia to reopen the border crossing.", {("REJECT", "VEN", "COL")}, set()),
    ("North Korea threatened to strike US bases in Guam.", {("THREATEN", "PRK", "USA")}, {("ASSAULT", "PRK", "USA")}),
    # PROTEST / SANCTION / MOBILIZE / COERCE / ASSAULT
    (
        "Thousands of Serbian students protested against the government in Belgrade on Saturday.",
        {("PROTEST", "SRB", "SRB")},
        set(),
    ),
    (
        "Canada imposed sanctions on Iranian officials over the crackdown on protesters.",
        {("SANCTION", "CAN", "IRN")},
        set(),
    ),
    ("Niger expelled the French ambassador on Monday.", {("SANCTION", "NER", "FRA")}, set()),
    ("Russia deployed troops near the border with Finland.", {("MOBILIZE", "RUS", "FIN")}, set()),
    (
        "Turkish police detained 40 people suspected of links to the Islamic State group in Istanbul.",
        {("COERCE", "TUR", "TUR")},
        set(),
    ),
    ("Israeli aircraft struck targets in southern Lebanon overnight.", {("ASSAULT", "ISR", "LBN")}, set()),
    ("Saudi-led coalition jets bombed Houthi positions near Sanaa.", {("ASSAULT", "SAU", "YEM")}, set()),
    # CONCEDE / RETREAT
    (
        "Ethiopia released two Kenyan journalists on Friday after three weeks in detention.",
        {("RETREAT", "ETH", "KEN")},
        set(),
    ),
    ("The Peruvian prime minister resigned on Wednesday after weeks of protests.", {("RETREAT", "PER", "PER")}, set()),
    ("Washington eased sanctions on Venezuela's oil sector.", {("CONCEDE", "USA", "VEN")}, set()),
    # Not events: plans, conditions, negations, hypotheticals
    ("Iran said it would retaliate if Israel attacked its nuclear sites.", set(), {("ASSAULT", "ISR", "IRN")}),
    ("The rebels are planning to attack the capital, the army said.", set(), {("ASSAULT", "MLI", "MLI")}),
    ("Police did not arrest anyone at the rally in Nairobi.", set(), {("COERCE", "KEN", "KEN")}),
    ("The two leaders are expected to meet in Geneva next week.", set(), set()),
]


@pytest.mark.parametrize(("sentence", "expected", "absent"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_is_coded(extract, sentence, expected, absent):
    found = triples(extract(sentence, published="2024-06-10"))
    expected, absent = {undirected(t) for t in expected}, {undirected(t) for t in absent}
    assert expected <= found, f"missing {expected - found}; found {found}"
    assert not (absent & found), f"coded as real: {absent & found}"


RECIPROCAL = [
    (
        "Azerbaijan and Armenia exchanged prisoners of war on Thursday.",
        {("RETREAT", "AZE", "ARM"), ("RETREAT", "ARM", "AZE")},
    ),
    ("Ethiopian and Eritrean troops clashed near the border.", {("ASSAULT", "ETH", "ERI"), ("ASSAULT", "ERI", "ETH")}),
    ("Poland sent 5,000 soldiers to its border with Belarus.", {("MOBILIZE", "POL", "BLR")}),
    ("Israeli troops pulled out of the West Bank town of Jenin.", {("RETREAT", "ISR", "PSE")}),
    ("A British minister reiterated that Libya must hand over the suspects.", {("REQUEST", "GBR", "LBY")}),
    ("Japan said it would provide $500 million in loans to the Philippines.", {("AGREE", "JPN", "PHL")}),
]


@pytest.mark.parametrize(("sentence", "expected"), RECIPROCAL, ids=[c[0][:40] for c in RECIPROCAL])
def test_harder_constructions(extract, sentence, expected):
    found = triples(extract(sentence, published="2024-06-10"))
    assert {undirected(t) for t in expected} <= found, f"found {found}"


def test_questions_and_boycotts_are_not_events(extract):
    assert not triples(extract("Would Turkey send troops to Libya?"))
    assert ("CONSULT", "RUS", "UKR") not in triples(extract("Moscow boycotted the talks with Kyiv."))


STORY_CASES = [
    # The target of "urged all parties" is the story's sides, not the urging state.
    (
        "Ecuadorean police clashed with striking transport workers in Quito on Tuesday, and protesters "
        "blocked roads across Ecuador. The Organization of American States urged all parties to refrain from violence.",
        {("REQUEST", "IGO", "ECU")},
        set(),
    ),
    # A show of force with no target written faces the actor the story was about.
    (
        "A Chinese military drone flew near Yonaguni island on Tuesday. Japan scrambled fighter jets in response.",
        {("MOBILIZE", "JPN", "CHN")},
        set(),
    ),
    # Recalling one's own ambassador sanctions the host state, not the ambassador.
    (
        "Burkina Faso and Niger recalled their ambassadors from Algeria on Monday.",
        {("SANCTION", "BFA", "DZA"), ("SANCTION", "NER", "DZA")},
        {("SANCTION", "BFA", "BFA"), ("SANCTION", "NER", "NER")},
    ),
    # A warning that only describes a situation is no threat; one naming a consequence is.
    (
        "Aid agencies in Haiti warned that hundreds of thousands of people were on the brink of famine.",
        set(),
        {("THREATEN", "HTI", "HTI")},
    ),
    (
        "Venezuela's defence minister warned that Guyana would pay a heavy price for any provocation in the Essequibo.",
        {("THREATEN", "VEN", "GUY")},
        set(),
    ),
    # "The medical charity" is Doctors Without Borders; "condemned the attack" accuses its author.
    (
        "Doctors Without Borders said gunmen stormed a hospital in Goma, Congo, on Saturday. "
        "The medical charity condemned the attack as outrageous.",
        {("ACCUSE", "NGO", "COD")},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "expected", "absent"), STORY_CASES, ids=[c[0][:40] for c in STORY_CASES])
def test_story_context_resolves_sides(extract, text, expected, absent):
    test_sentence_is_coded(extract, text, expected, absent)
