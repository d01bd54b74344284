"""Actor resolution on sentences we wrote: dictionary names, titles, metonyms, pronouns."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _actor(result, text):
    for actor in result.actors:
        if any(m.text == text for m in actor.mentions):
            return actor
    raise AssertionError(
        f"no actor mentioned as {text!r}: {[(a.name, [m.text for m in a.mentions]) for a in result.actors]}"
    )


def test_leader_role_depends_on_the_article_date(extract):
    early = extract("Netanyahu spoke in Jerusalem.", published="2022-01-10")
    late = extract("Netanyahu spoke in Jerusalem.", published="2023-06-10")
    assert _actor(early, "Netanyahu").country == "ISR"
    assert _actor(late, "Netanyahu").role and "Prime Minister" in _actor(late, "Netanyahu").role


def test_seats_of_power_stand_for_governments(extract):
    result = extract("The White House and the Kremlin both declined to comment.")
    assert (_actor(result, "White House").country, _actor(result, "White House").sector) == ("USA", "GOV")
    assert _actor(result, "Kremlin").country == "RUS"


def test_unknown_person_takes_country_and_sector_from_the_title(extract):
    result = extract("Kenyan Interior Minister Amos Wekesa said the border would reopen.")
    person = _actor(result, "Amos Wekesa")
    assert person.kind == "person" and person.country == "KEN"


def test_unknown_person_takes_country_from_an_apposition(extract):
    result = extract("Lina Haddad, Jordan's ambassador to the United Nations, rejected the claim.")
    assert _actor(result, "Lina Haddad").country == "JOR"


def test_sector_group_with_a_demonym(extract):
    result = extract("The Syrian army shelled the town.")
    army = _actor(result, "Syrian army")
    assert (army.country, army.sector) == ("SYR", "MIL")


def test_pronoun_and_surname_point_back_to_the_person(extract):
    result = extract(
        "Mexican President Andrés Manuel López Obrador met farmers. He later said López Obrador would return."
    )
    person = _actor(result, "Andrés Manuel López Obrador")
    assert {"He"} <= {m.text for m in person.mentions}


def test_two_men_refers_to_both(extract):
    result = extract("Joe Biden called Emmanuel Macron on Monday. The two men discussed Ukraine.")
    ids = {a.id for a in result.actors if any(m.text.endswith("two men") for m in a.mentions)}
    assert len(ids) == 2


def test_place_inside_a_person_name_is_not_a_country(extract):
    result = extract("Chad Morgan, a farmer, said the river had flooded.")
    assert all(a.country != "TCD" for a in result.actors if a.kind == "state")


def test_wire_tag_agency_is_not_an_actor(extract):
    result = extract("(AP) — Chile's president announced a cabinet reshuffle.")
    assert all(m.text != "AP" for a in result.actors for m in a.mentions)


def test_pronouns_keep_the_gender_they_were_given(extract):
    result = extract("Peruvian lawmaker Maria Gonzalez met Carlos Ruiz in Lima. She praised him. He thanked her.")
    ana = _actor(result, "Maria Gonzalez")
    juan = _actor(result, "Carlos Ruiz")
    assert {"She", "her"} <= {m.text for m in ana.mentions}
    assert {"him", "He"} <= {m.text for m in juan.mentions}


def test_acronym_spelled_by_a_name_earlier_in_the_story(extract):
    # RSF is also Reporters Without Borders in the dictionary; the story's own name wins.
    result = extract(
        "Sudan's paramilitary Rapid Support Forces shelled El Fasher on Sunday.\n\n"
        "RSF commanders said the offensive would continue. The RSF denied targeting civilians."
    )
    assert _actor(result, "RSF").country == "SDN"
    assert _actor(result, "RSF").id == _actor(result, "paramilitary Rapid Support Forces").id
    assert _actor(result, "RSF commanders").id == _actor(result, "RSF").id


def test_definite_description_recalls_the_organisation_named_before(extract):
    result = extract(
        "Amnesty International said security forces had detained dozens of students in Dhaka. "
        "The rights group called the arrests arbitrary. The group also said two students were missing."
    )
    amnesty = _actor(result, "Amnesty International")
    assert _actor(result, "The group").id == amnesty.id


def test_all_parties_are_the_story_s_two_main_states_not_the_one_urging(extract):
    result = extract(
        "Thailand and Cambodia traded artillery fire along their disputed border on Monday. "
        "Thai troops shelled a Cambodian position and Cambodia said Thailand had attacked first.\n\n"
        "Malaysia urged both sides to exercise restraint."
    )
    parties = {a.country for a in result.actors if any(m.text == "both sides" for m in a.mentions)}
    assert parties == {"THA", "KHM"}


def test_state_body_of_an_unnamed_country_is_the_dateline_s(extract):
    # The Joint Chiefs of Staff are America's in the dictionary; filed from Seoul, with North
    # Korea the most named country, they are South Korea's.
    result = extract(
        "SEOUL, South Korea — North Korea flew hundreds of balloons across the border on Sunday. "
        "The Joint Chiefs of Staff said North Korea had also jammed GPS signals near the border. "
        "North Korea's state media said the balloons were a response to leaflets."
    )
    assert _actor(result, "Joint Chiefs of Staff").country == "KOR"


def test_a_named_institution_is_an_actor_of_its_own_within_its_country(extract):
    result = extract(
        "Pakistan's Foreign Office summoned the Afghan envoy on Monday. The Foreign Office said the attacks must stop."
    )
    office = _actor(result, "Foreign Office")
    assert (office.name, office.country, office.sector) == ("Pakistan Foreign Office", "PAK", "GOV")


def test_a_title_with_a_name_in_apposition_is_that_person_and_so_is_whom(extract):
    result = extract(
        "Beijing staged drills that it called punishment for the island's new president, Lai Ching-te, "
        "whom it accuses of pursuing independence."
    )
    lai = _actor(result, "Lai Ching-te")
    assert _actor(result, "whom").id == lai.id
    assert not any(m.text == "president" for a in result.actors if a.id != lai.id for m in a.mentions)


def test_forces_sent_by_a_state_are_its_own_even_in_a_story_about_another(extract):
    result = extract(
        "TAIPEI — China sent dozens of warplanes and warships around Taiwan on Friday. Taiwan said it "
        "had tracked the ships. Taiwan's president called for calm in Taiwan."
    )
    assert _actor(result, "warplanes").country == "CHN"
    assert _actor(result, "warships").country == "CHN"
