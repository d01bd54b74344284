"""Look-up structures built once from the actor dictionaries: name matchers and word maps."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from newsevents.actors.dictionary import (
    ActorDictionary,
    CountryEntry,
    OrganizationEntry,
    PersonEntry,
    SectorNoun,
)

# What a dictionary name stands for; the matcher's label says which table to look in.
KIND_COUNTRY = "country"
KIND_CAPITAL = "capital"
KIND_METONYM = "metonym"
KIND_PLACE = "place"
KIND_DEMONYM = "demonym"
KIND_PERSON = "person"
KIND_ORG = "org"


@dataclass(frozen=True)
class Entry:
    """One name in the gazetteer and what it refers to."""

    kind: str
    key: str  # country code, person id or organization id
    sector: str | None = None
    plural: bool = False


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass
class Gazetteer:
    """Every name of the dictionaries, matched case-sensitively on token text."""

    countries: dict[str, CountryEntry]
    people: dict[str, PersonEntry]
    organizations: dict[str, OrganizationEntry]
    sector_nouns: dict[str, SectorNoun]
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    matcher: PhraseMatcher | None = None
    # Surnames of dictionary people, to link "Merkel" after "Angela Merkel" without an alias.
    longest_sector_noun: int = 1

    @classmethod
    def build(cls, dictionary: ActorDictionary, nlp: Language) -> Gazetteer:
        gaz = cls(
            countries={c.code: c for c in dictionary.countries},
            people={p.id: p for p in dictionary.people},
            organizations={o.id: o for o in dictionary.organizations},
            sector_nouns={s.noun.lower(): s for s in dictionary.sectors},
        )
        gaz.longest_sector_noun = max((len(noun.split()) for noun in gaz.sector_nouns), default=1)
        for country in dictionary.countries:
            gaz._add_country(country)
        for org in dictionary.organizations:
            for name in _with_variants([org.name, *org.aliases]):
                gaz._add(name, Entry(KIND_ORG, org.id, org.sector))
        for person in dictionary.people:
            for name in _with_variants([person.name, *person.aliases]):
                gaz._add(name, Entry(KIND_PERSON, person.id))
        gaz.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # make_doc only tokenizes: the patterns cost no parsing.
        for name in gaz.entries:
            gaz.matcher.add(name, [nlp.make_doc(name)])
        return gaz

    def _add_country(self, country: CountryEntry) -> None:
        for name in _with_variants([country.name, *country.aliases]):
            self._add(name, Entry(KIND_COUNTRY, country.code))
        for name in _with_variants(country.capitals):
            self._add(name, Entry(KIND_CAPITAL, country.code, "GOV"))
        for metonym in country.metonyms:
            for name in _with_variants([metonym.name]):
                self._add(name, Entry(KIND_METONYM, country.code, metonym.sector))
        for name in _with_variants(country.places):
            self._add(name, Entry(KIND_PLACE, country.code))
        for name in _with_variants(country.demonyms):
            self._add(name, Entry(KIND_DEMONYM, country.code, plural=name.endswith("s") and not name.endswith("ss")))

    def _add(self, name: str, entry: Entry) -> None:
        name = name.strip()
        if not name:
            return
        bucket = self.entries.setdefault(name, [])
        if entry not in bucket:
            bucket.append(entry)

    def match(self, doc: Doc) -> list[tuple[Span, list[Entry]]]:
        """Dictionary names in the doc, longest first where they overlap."""
        assert self.matcher is not None
        found = [
            (doc[start:end], self.entries[doc.vocab.strings[match_id]]) for match_id, start, end in self.matcher(doc)
        ]
        found.sort(key=lambda item: (-(item[0].end - item[0].start), item[0].start))
        taken: set[int] = set()
        kept = []
        for span, entries in found:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            kept.append((span, entries))
        kept.sort(key=lambda item: item[0].start)
        return kept

    def country_of_word(self, text: str) -> str | None:
        """The country a single name, demonym or capital names, if any."""
        for entry in self.entries.get(text, ()):
            if entry.kind in (KIND_COUNTRY, KIND_DEMONYM, KIND_CAPITAL, KIND_PLACE, KIND_METONYM):
                return entry.key
        return None

    def person_role(self, person: PersonEntry, day: dt.date | None) -> tuple[str, str | None, str]:
        """(sector, title, country) of a person on ``day``; their latest role when the day is unknown."""
        roles = person.roles
        if day is not None:
            current = [r for r in roles if r.holds_on(day)]
        else:
            current = sorted(roles, key=lambda r: r.start or dt.date.min)[-1:]
        if current:
            role = current[-1]
            return role.sector, role.title, role.country or person.country
        return person.sector, None, person.country


def _with_variants(names: Iterable[str]) -> list[str]:
    """Each name, plus its accent-free spelling ("Erdoğan" -> "Erdogan")."""
    out: list[str] = []
    for name in names:
        for variant in (name, strip_accents(name), name.replace("’", "'"), name.replace("'", "’")):
            if variant not in out:
                out.append(variant)
    return out
