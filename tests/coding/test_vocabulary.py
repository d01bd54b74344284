"""The event vocabulary on single sentences we wrote in the style of wire copy.

Each case: a sentence and the (category, source country, target country) triples it reports as
having happened; ``absent`` lists readings that must not be asserted (plans, threats, denials,
conditions, negations, questions). The cases cover every PLOVER category with several wordings
each (verbs, verb + object or preposition, nouns with light verbs, fixed phrases), from Africa,
the Americas, Asia, Europe and the Middle East.
"""

from __future__ import annotations

import pytest

from newsevents.records import UNDIRECTED_CATEGORIES
from tests.conftest import triples

pytestmark = pytest.mark.slow

AGREE = [
    (
        "Iran and Saudi Arabia expressed their readiness to resume talks.",
        {("AGREE", "IRN", "SAU")},
        {("CONSULT", "IRN", "SAU")},
    ),
    ("Kenya and Tanzania hammered out a deal on cross-border trucking.", {("AGREE", "KEN", "TZA")}, set()),
    (
        "Paraguay consented to a request from Brazil to extend the Itaipu dam agreement.",
        {("AGREE", "PRY", "BRA")},
        set(),
    ),
    ("Japan agreed to provide flood relief to Pakistan.", {("AGREE", "JPN", "PAK")}, {("AID", "JPN", "PAK")}),
    (
        "Ghana and Togo signed a memorandum of understanding on cross-border trade in Accra on Monday.",
        {("AGREE", "GHA", "TGO")},
        set(),
    ),
    ("Armenia and Azerbaijan reached a compromise on border demarcation.", {("AGREE", "ARM", "AZE")}, set()),
    (
        "Indonesia accepted a proposal from Malaysia to set up joint patrols in the Strait of Malacca.",
        {("AGREE", "IDN", "MYS")},
        set(),
    ),
    # An announced intention to give is a promise, not yet aid.
    (
        "Japan will provide $500 million in loans to the Philippines, Tokyo announced.",
        {("AGREE", "JPN", "PHL")},
        {("AID", "JPN", "PHL")},
    ),
]

CONSULT = [
    (
        "The tariff pause followed a telephone call between Mexican President Claudia Sheinbaum and Donald Trump.",
        {("CONSULT", "MEX", "USA")},
        set(),
    ),
    (
        "Senegal's president held a video conference with the head of the World Bank.",
        {("CONSULT", "SEN", "UNO")},
        set(),
    ),
    (
        "The Turkish foreign minister paid a courtesy call on the Pakistani prime minister in Islamabad.",
        {("CONSULT", "TUR", "PAK")},
        set(),
    ),
    (
        "Qatar launched a mediation effort between Ethiopia and Eritrea on Sunday.",
        {("CONSULT", "QAT", "ETH"), ("CONSULT", "QAT", "ERI")},
        set(),
    ),
    (
        "The Nigerian foreign minister discussed the security situation in the Sahel with his French counterpart.",
        {("CONSULT", "NGA", "FRA")},
        set(),
    ),
    (
        "China sent a special envoy to Myanmar for talks with the military government.",
        {("CONSULT", "CHN", "MMR")},
        set(),
    ),
    (
        "Chilean President Gabriel Boric arrived in Buenos Aires on a two-day state visit.",
        {("CONSULT", "CHL", "ARG")},
        set(),
    ),
]

SUPPORT = [
    ("Mexico's president hailed Guatemala's efforts to curb migration.", {("SUPPORT", "MEX", "GTM")}, set()),
    ("Lithuania opened a representative office in Taipei.", {("SUPPORT", "LTU", "TWN")}, set()),
    (
        "Saudi Arabia and Iran restored diplomatic relations on Friday after a seven-year rift.",
        {("SUPPORT", "SAU", "IRN"), ("SUPPORT", "IRN", "SAU")},
        set(),
    ),
    (
        "The Moroccan king paid tribute to Senegal for its support in the Western Sahara dispute.",
        {("SUPPORT", "MAR", "SEN")},
        set(),
    ),
    ("The African Union threw its backing behind Kenya's mediation in Sudan.", {("SUPPORT", "IGO", "KEN")}, set()),
]

COOPERATE = [
    ("Vietnam and India held joint naval exercises in the South China Sea.", {("COOPERATE", "VNM", "IND")}, set()),
    (
        "India has been sharing satellite data with Bangladesh to track fishing vessels.",
        {("COOPERATE", "IND", "BGD")},
        set(),
    ),
    (
        "Kenyan police joined forces with Ugandan investigators to dismantle a smuggling ring.",
        {("COOPERATE", "KEN", "UGA")},
        set(),
    ),
    ("Russia sold fighter jets to Algeria last year.", {("COOPERATE", "RUS", "DZA")}, set()),
    ("Egypt bought gas from Israel under a 15-year contract.", {("COOPERATE", "EGY", "ISR")}, set()),
]

AID = [
    ("Kuwait airlifted medical supplies to Sudan after the floods.", {("AID", "KWT", "SDN")}, set()),
    (
        "The European Union gave Malawi 50 million euros in emergency aid after the cyclone.",
        {("AID", "EUR", "MWI")},
        set(),
    ),
    ("China handed over 200,000 vaccine doses to Zimbabwe on Tuesday.", {("AID", "CHN", "ZWE")}, set()),
    (
        "Rwanda contributed 1,000 troops to the peacekeeping mission in the Central African Republic.",
        {("AID", "RWA", "CAF")},
        set(),
    ),
    ("Uganda has taken in more than a million refugees from South Sudan.", {("AID", "UGA", "SSD")}, set()),
    ("France cancelled Cameroon's debt.", {("AID", "FRA", "CMR")}, set()),
]

CONCEDE = [
    (
        "Slovak Prime Minister Robert Fico dropped his veto on the new sanctions package after talks with the European Commission.",
        {("CONCEDE", "SVK", "EUR")},
        set(),
    ),
    ("The Guinean junta bowed to demands from ECOWAS to shorten the transition.", {("CONCEDE", "GIN", "IGO")}, set()),
    ("Uzbekistan legalized the main opposition party.", {("CONCEDE", "UZB", "UZB")}, set()),
    ("The Gambia reopened its border with Senegal on Saturday.", {("CONCEDE", "GMB", "SEN")}, set()),
    ("Thailand lifted its ban on cannabis imports from Laos.", {("CONCEDE", "THA", "LAO")}, set()),
    ("Tunisia's president apologised to Libya for the incident at the border.", {("CONCEDE", "TUN", "LBY")}, set()),
    ("Mali's junta accepted ECOWAS demands for a shorter transition.", {("CONCEDE", "MLI", "IGO")}, set()),
    ("Nepal's government allowed opposition parties to hold rallies in Kathmandu.", {("CONCEDE", "NPL", "NPL")}, set()),
    ("The Dutch government offered an apology to Indonesia for wartime violence.", {("CONCEDE", "NLD", "IDN")}, set()),
]

RETREAT = [
    (
        "A ceasefire between Thailand and Cambodia took effect at midnight on Monday.",
        {("RETREAT", "THA", "KHM"), ("RETREAT", "KHM", "THA")},
        set(),
    ),
    ("Serbia freed three Kosovo police officers arrested near the border.", {("RETREAT", "SRB", "KOS")}, set()),
    ("The Congolese army disarmed hundreds of militia fighters in Ituri.", {("RETREAT", "COD", "COD")}, set()),
    (
        "Rwandan forces completed their withdrawal from eastern Congo, the army said.",
        {("RETREAT", "RWA", "COD")},
        set(),
    ),
    ("Germany paid compensation to Namibia for colonial-era killings.", {("RETREAT", "DEU", "NAM")}, set()),
    ("Armenia returned control of three villages to Azerbaijan.", {("RETREAT", "ARM", "AZE")}, set()),
    ("The Malian junta granted amnesty to 49 Ivorian soldiers.", {("RETREAT", "MLI", "CIV")}, set()),
]

REQUEST = [
    ("The Tunisian president insisted on the dissolution of parliament.", {("REQUEST", "TUN", "TUN")}, set()),
    ("Egypt called on Israel to allow aid into Gaza.", {("REQUEST", "EGY", "ISR")}, set()),
    ("Lebanon's prime minister urged Syria to take back refugees.", {("REQUEST", "LBN", "SYR")}, set()),
    ("Zambia requested debt relief from China.", {("REQUEST", "ZMB", "CHN")}, set()),
    ("Argentina demanded that Britain return the Falkland Islands.", {("REQUEST", "ARG", "GBR")}, set()),
    ("Haiti's prime minister pleaded with the United Nations to send troops.", {("REQUEST", "HTI", "UNO")}, set()),
]

ACCUSE = [
    ("Moscow expressed regret over Finland's decision to join NATO.", {("ACCUSE", "RUS", "FIN")}, set()),
    ("Ghana blamed Burkina Faso for the cross-border raids.", {("ACCUSE", "GHA", "BFA")}, set()),
    (
        "The Philippines filed a diplomatic protest against China over the water cannon incident.",
        {("ACCUSE", "PHL", "CHN")},
        {("PROTEST", "PHL", "CHN")},
    ),
    ("Algeria summoned the French ambassador over remarks by President Macron.", {("ACCUSE", "DZA", "FRA")}, set()),
    ("Bolivia's president hit out at Chile over the water dispute.", {("ACCUSE", "BOL", "CHL")}, set()),
    ("Iraq held Turkey responsible for the deadly drone strike in Sinjar.", {("ACCUSE", "IRQ", "TUR")}, set()),
    (
        "The Philippine government attacked China's decision to build an airstrip on the reef.",
        {("ACCUSE", "PHL", "CHN")},
        {("ASSAULT", "PHL", "CHN")},
    ),
]

REJECT = [
    (
        "Eritrea boycotted the peace talks with Ethiopia in Nairobi.",
        {("REJECT", "ERI", "ETH")},
        {("CONSULT", "ERI", "ETH")},
    ),
    ("Nigeria rejected a request from Niger to reopen the border.", {("REJECT", "NGA", "NER")}, set()),
    ("The Venezuelan government ignored an ultimatum from the United States.", {("REJECT", "VEN", "USA")}, set()),
    (
        "Mali's junta has refused to release the detained Ivorian soldiers.",
        {("REJECT", "MLI", "CIV")},
        {("RETREAT", "MLI", "CIV")},
    ),
    (
        "Kosovo failed to reach an agreement with Serbia at talks in Brussels.",
        {("REJECT", "KOS", "SRB")},
        {("AGREE", "KOS", "SRB")},
    ),
    ("Uganda denied landing permission to a Kenyan cargo plane.", {("REJECT", "UGA", "KEN")}, set()),
    (
        "Hungary did not accept the European Commission's proposal on migrant quotas.",
        {("REJECT", "HUN", "EUR")},
        {("AGREE", "HUN", "EUR")},
    ),
    ("Burkina Faso withdrew from its defence pact with France.", {("REJECT", "BFA", "FRA")}, set()),
]

THREATEN = [
    ("Myanmar's military vowed to crush the resistance in Sagaing.", {("THREATEN", "MMR", "MMR")}, set()),
    ("Hezbollah threatened Israel with retaliation for the strike on Beirut.", {("THREATEN", "LBN", "ISR")}, set()),
    (
        "Iran warned the United States against any attack on its nuclear sites.",
        {("THREATEN", "IRN", "USA")},
        {("ASSAULT", "USA", "IRN")},
    ),
    ("Houthi leaders vowed revenge against Saudi Arabia after the airstrike.", {("THREATEN", "YEM", "SAU")}, set()),
    ("Turkey issued an ultimatum to Kurdish fighters to leave the border zone.", {("THREATEN", "TUR", "TUR")}, set()),
]

PROTEST = [
    ("Zimbabwe's opposition boycotted the parliamentary elections.", {("PROTEST", "ZWE", "ZWE")}, set()),
    ("Iraqi protesters blocked roads leading to the Basra oil fields.", {("PROTEST", "IRQ", "IRQ")}, set()),
    (
        "Thousands of Georgians rallied outside parliament against the foreign agents law.",
        {("PROTEST", "GEO", "GEO")},
        set(),
    ),
    (
        "Striking miners occupied the headquarters of the state mining company in Bolivia.",
        {("PROTEST", "BOL", "BOL")},
        set(),
    ),
    ("Striking truck drivers blocked highways across Brazil on Monday.", {("PROTEST", "BRA", "BRA")}, set()),
    (
        "Thousands of Kenyans took to the streets of Nairobi to protest against tax increases.",
        {("PROTEST", "KEN", "KEN")},
        set(),
    ),
    ("Bangladeshi garment workers staged a strike in Dhaka.", {("PROTEST", "BGD", "BGD")}, set()),
]

SANCTION = [
    ("Kenya suspended military aid to Somalia.", {("SANCTION", "KEN", "SOM")}, set()),
    ("Australia imposed travel bans on six Iranian officials.", {("SANCTION", "AUS", "IRN")}, set()),
    ("Morocco recalled its ambassador from Algeria.", {("SANCTION", "MAR", "DZA")}, set()),
    ("The Burundian government expelled UN human rights monitors.", {("SANCTION", "BDI", "UNO")}, set()),
    ("Kosovo suspended talks with Serbia after the border clash.", {("SANCTION", "KOS", "SRB")}, set()),
    ("Switzerland froze the assets of Russian oligarchs.", {("SANCTION", "CHE", "RUS")}, set()),
    ("China banned imports of Japanese seafood.", {("SANCTION", "CHN", "JPN")}, set()),
]

MOBILIZE = [
    (
        "Colombian President Gustavo Petro ordered 700 additional troops to Catatumbo.",
        {("MOBILIZE", "COL", "COL")},
        set(),
    ),
    ("Poland sent 5,000 soldiers to the border with Belarus.", {("MOBILIZE", "POL", "BLR")}, set()),
    ("The Indonesian navy stepped up patrols near the Natuna Islands.", {("MOBILIZE", "IDN", "IDN")}, set()),
    ("North Korea put its army on combat alert.", {("MOBILIZE", "PRK", "PRK")}, set()),
    ("Iran tested a new ballistic missile on Saturday.", {("MOBILIZE", "IRN", "IRN")}, set()),
    ("Venezuela called up reservists after the border incident.", {("MOBILIZE", "VEN", "VEN")}, set()),
    ("China held military drills near Taiwan.", {("MOBILIZE", "CHN", "TWN")}, set()),
]

COERCE = [
    (
        "Kenyan police fired tear gas to break up a protest by teachers in Nairobi.",
        {("COERCE", "KEN", "KEN")},
        set(),
    ),
    ("The Myanmar army declared martial law in several townships of Yangon.", {("COERCE", "MMR", "MMR")}, set()),
    ("Zimbabwean authorities shut down the internet during the protests.", {("COERCE", "ZWE", "ZWE")}, set()),
    ("Police fired tear gas at opposition supporters in Kinshasa.", {("COERCE", "COD", "COD")}, set()),
    (
        "Ecuador's president declared a state of emergency after a wave of prison riots.",
        {("COERCE", "ECU", "ECU")},
        set(),
    ),
    ("Israeli bulldozers demolished Palestinian homes in the West Bank.", {("COERCE", "ISR", "PSE")}, set()),
    ("Russian hackers broke into the email accounts of German lawmakers.", {("COERCE", "RUS", "DEU")}, set()),
    ("Israeli settlers set fire to a Palestinian mosque near Nablus.", {("COERCE", "ISR", "PSE")}, set()),
    ("Ethiopian authorities blocked access to Facebook.", {("COERCE", "ETH", "MNC")}, set()),
]

ASSAULT = [
    ("Syrian government forces used chemical weapons against rebels in Ghouta.", {("ASSAULT", "SYR", "SYR")}, set()),
    ("Israeli troops opened fire on Palestinian protesters near the Gaza border.", {("ASSAULT", "ISR", "PSE")}, set()),
    (
        "Chinese coast guard vessels rammed a Philippine supply boat near the Second Thomas Shoal.",
        {("ASSAULT", "CHN", "PHL")},
        set(),
    ),
    ("Boko Haram fighters overran a military base in Borno state.", {("ASSAULT", "NGA", "NGA")}, set()),
    ("Sudanese paramilitaries clashed with army units in Khartoum.", {("ASSAULT", "SDN", "SDN")}, set()),
    ("Ukrainian forces recaptured several villages from Russian troops.", {("ASSAULT", "UKR", "RUS")}, set()),
    ("Al-Shabaab militants detonated a car bomb outside a hotel in Mogadishu.", {("ASSAULT", "SOM", "SOM")}, set()),
    (
        "Pakistani troops exchanged fire with Indian soldiers along the Line of Control.",
        {("ASSAULT", "PAK", "IND")},
        {("RETREAT", "PAK", "IND")},
    ),
]

# Plans, conditions, negations and hypotheticals: nothing here happened.
NOT_EVENTS = [
    ("Health officials warned residents about the heat wave.", set(), {("THREATEN", "USA", "USA")}),
    # An announced visit is a promise to meet, not yet a meeting.
    ("The Saudi crown prince will visit Pakistan next month.", {("AGREE", "SAU", "PAK")}, {("CONSULT", "SAU", "PAK")}),
    (
        "Sudan's army and the RSF have not agreed to a ceasefire.",
        set(),
        {("AGREE", "SDN", "SDN"), ("RETREAT", "SDN", "SDN")},
    ),
    (
        "Analysts believe China could blockade Taiwan within days.",
        set(),
        {("COERCE", "CHN", "TWN"), ("ASSAULT", "CHN", "TWN")},
    ),
    ("Uganda did not close its border with Kenya.", set(), {("SANCTION", "UGA", "KEN"), ("COERCE", "UGA", "KEN")}),
    (
        "Egypt and Ethiopia have not reached an agreement on the dam.",
        set(),
        {("AGREE", "EGY", "ETH"), ("AGREE", "ETH", "EGY")},
    ),
    ("Iran would close the Strait of Hormuz if attacked, a commander said.", set(), {("COERCE", "IRN", "IRN")}),
    ("Mexico is considering sending troops to the border.", set(), {("MOBILIZE", "MEX", "MEX")}),
    ("The rebels denied kidnapping the aid workers in Darfur.", set(), {("ASSAULT", "SDN", "SDN")}),
    ("Police did not disperse the rally in Lima.", set(), {("COERCE", "PER", "PER")}),
    (
        "If Serbia recognises Kosovo, the European Union will lift sanctions.",
        set(),
        {("CONCEDE", "EUR", "KOS"), ("CONCEDE", "EUR", "SRB")},
    ),
    ("Colombia did not expel the Venezuelan ambassador.", set(), {("SANCTION", "COL", "VEN")}),
    ("Niger's junta has not released President Bazoum.", set(), {("RETREAT", "NER", "NER")}),
    (
        "Talks between Armenia and Azerbaijan are expected to resume next week.",
        set(),
        {("CONSULT", "ARM", "AZE"), ("CONSULT", "AZE", "ARM")},
    ),
    ("Protesters in Santiago planned to block the main highway on Friday.", set(), {("PROTEST", "CHL", "CHL")}),
]

CASES = (
    AGREE
    + CONSULT
    + SUPPORT
    + COOPERATE
    + AID
    + CONCEDE
    + RETREAT
    + REQUEST
    + ACCUSE
    + REJECT
    + THREATEN
    + PROTEST
    + SANCTION
    + MOBILIZE
    + COERCE
    + ASSAULT
    + NOT_EVENTS
)


def _canonical(found: set[tuple]) -> set[tuple]:
    """Undirected events (AGREE, CONSULT, COOPERATE) match in either direction."""
    return {(c, *sorted((s or "", t or ""))) if c in UNDIRECTED_CATEGORIES else (c, s, t) for c, s, t in found}


@pytest.mark.parametrize(("sentence", "expected", "absent"), CASES, ids=[c[0][:48] for c in CASES])
def test_vocabulary(extract, sentence, expected, absent):
    found = _canonical(triples(extract(sentence, published="2024-06-10")))
    expected, absent = _canonical(expected), _canonical(absent)
    assert expected <= found, f"missing {expected - found}; found {found}"
    assert not (absent & found), f"coded as real: {absent & found}"


def test_every_category_has_three_cases():
    counts: dict[str, int] = {}
    for _, expected, _ in CASES:
        for category in {t[0] for t in expected}:
            counts[category] = counts.get(category, 0) + 1
    thin = {c: n for c, n in counts.items() if n < 3}
    assert len(counts) == 16 and not thin, f"categories with fewer than three cases: {thin or counts}"
