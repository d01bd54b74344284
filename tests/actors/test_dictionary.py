"""The shipped actor dictionaries and the user's own files."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from newsevents.actors.dictionary import load_builtin, load_file
from newsevents.errors import ConfigError


@pytest.fixture(scope="module")
def builtin():
    return load_builtin()


def test_builtin_covers_every_un_member_and_the_usual_territories(builtin):
    codes = {c.code for c in builtin.countries}
    assert len(codes) >= 200
    assert {"USA", "ISR", "IRN", "PSE", "KOS", "HKG", "TWN", "UKR", "RUS", "YEM"} <= codes


def test_no_country_name_is_claimed_by_two_countries(builtin):
    owners = defaultdict(set)
    for country in builtin.countries:
        for name in [country.name, *country.aliases, *country.demonyms, *country.capitals]:
            owners[name].add(country.code)
    shared = {name: codes for name, codes in owners.items() if len(codes) > 1}
    assert not shared


def test_every_person_and_organisation_uses_a_known_code(builtin):
    codes = {c.code for c in builtin.countries} | {"UNO", "EUR", "IGO", "NGO", "MNC", "IMG"}
    assert not [p.id for p in builtin.people if p.country not in codes]
    assert not [o.id for o in builtin.organizations if o.country not in codes]


def test_leaders_have_dated_roles(builtin):
    people = {p.id: p for p in builtin.people}
    netanyahu = people["benjamin-netanyahu"]
    assert netanyahu.country == "ISR"
    assert any(r.holds_on(dt.date(2025, 5, 1)) and "Prime Minister" in r.title for r in netanyahu.roles)
    assert any(person.country == "USA" and "Trump" in person.aliases for person in builtin.people)


def test_user_yaml_adds_and_overrides_actors(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "people:\n"
        "  - {id: jane-doe, name: Jane Doe, country: KEN, sector: OPP, aliases: [Doe]}\n"
        "organizations:\n"
        "  - {id: un, name: United Nations, country: UNO, sector: GOV, kind: igo, aliases: [UN, U.N.]}\n",
        encoding="utf-8",
    )
    merged = load_builtin().merged(load_file(path))
    assert any(p.id == "jane-doe" and p.country == "KEN" for p in merged.people)
    assert str(path) in merged.files


def test_user_csv_becomes_people_and_organisations(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "id,name,country,sector,kind,aliases\n"
        "amani-party,Amani Party,KEN,PTY,party,Amani|AP\n"
        "john-roe,John Roe,UGA,GOV,person,Roe\n",
        encoding="utf-8",
    )
    loaded = load_file(path)
    assert [p.id for p in loaded.people] == ["john-roe"]
    assert loaded.organizations[0].aliases == ["Amani", "AP"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("people:\n  - {id: x, name: X}\n", "country"),
        ("people:\n  - {id: x, name: X, country: usa}\n", "country"),
        ("people:\n  - {id: x, name: X, country: IRS}\n", "not an ISO 3166-1 alpha-3 code"),
        ("organizations:\n  - {id: y, name: Y, country: USA, sector: XYZ, kind: igo}\n", "unknown sector"),
        ("rulers: []\n", "unknown section"),
        ("people: [\n", "not valid YAML"),
    ],
)
def test_bad_user_dictionary_names_the_file_and_the_entry(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_file(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)
