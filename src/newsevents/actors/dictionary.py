"""Actor dictionaries: the shipped YAML files and the user's own YAML or CSV files.

The files are untrusted input, so pydantic validates every entry and a bad file gets an error
that names the file and the entry. Four kinds of entry:

- ``countries.yaml``: states and territories, with names, demonyms, capitals and seats of power;
- ``people.yaml``: people (leaders, ministers), with aliases and dated roles;
- ``organizations.yaml``: international bodies, armed groups, NGOs, companies, state institutions;
- ``sectors.yaml``: generic nouns that name a sector of a country ("army", "police", "ministry").
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from newsevents.errors import ConfigError
from newsevents.yamlio import YAMLError, load_yaml

# CAMEO's agent codes plus LEG and JRN; the second half are the codes used for bodies that
# belong to no single state.
SECTORS: frozenset[str] = frozenset(
    {
        "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "OPP", "PTY", "BUS", "MED", "JRN",
        "REL", "CVL", "EDU", "HLH", "LAB", "AGR", "CRM", "REF", "HRI", "ENV", "ELI", "UAF",
        "INS", "SEP", "RAD", "MOD", "DEV", "IGO", "NGO", "MNC",
    }
)  # fmt: skip
INTERNATIONAL_CODES: frozenset[str] = frozenset({"UNO", "EUR", "IGO", "NGO", "MNC"})

# Codes used where ISO 3166 has none: Kosovo, and the sides that belong to no single state.
NON_ISO_CODES: frozenset[str] = frozenset({"KOS"}) | INTERNATIONAL_CODES | {"IMG"}
# Sides that are no state: international bodies, NGOs, companies, migrants.
NON_STATE_CODES: frozenset[str] = INTERNATIONAL_CODES | {"IMG"}


def is_state_code(code: str | None) -> bool:
    """A country code that names a state (or territory), not a body that belongs to none."""
    return code is not None and len(code) == 3 and code not in NON_STATE_CODES


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    import pycountry  # the ISO 3166 table, offline

    return frozenset(c.alpha_3 for c in pycountry.countries)


def _known_country(code: str) -> str:
    """A typo such as "IRS" for "ISR" would silently make a new country: refuse it."""
    if code not in NON_ISO_CODES and code not in _iso_codes():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 code (nor one of {', '.join(sorted(NON_ISO_CODES))})")
    return code


Country = Annotated[str, Field(pattern=r"^[A-Z]{3}$"), AfterValidator(_known_country)]
Sector = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("sector", check_fields=False)
    @classmethod
    def _known_sector(cls, value: str | None) -> str | None:
        if value is not None and value not in SECTORS:
            raise ValueError(f"unknown sector {value!r}; use one of {', '.join(sorted(SECTORS))}")
        return value


class Metonym(_Entry):
    """A place or building that stands for a branch of a state ("the White House")."""

    name: str
    sector: Sector = "GOV"


class CountryEntry(_Entry):
    code: Country
    name: str
    aliases: list[str] = []
    demonyms: list[str] = []
    capitals: list[str] = []
    metonyms: list[Metonym] = []
    # Cities and regions that place an event in the country but are not actors themselves.
    places: list[str] = []


class Role(_Entry):
    title: str
    sector: Sector = "GOV"
    country: Country | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class PersonEntry(_Entry):
    id: str
    name: str
    country: Country
    aliases: list[str] = []
    # The sector when no role is held on the article's date (a former leader, a candidate).
    sector: Sector = "GOV"
    roles: list[Role] = []


class OrganizationEntry(_Entry):
    id: str
    name: str
    country: Country
    sector: Sector
    kind: Literal["igo", "ngo", "company", "armed_group", "state_body", "party", "media", "other"]
    aliases: list[str] = []


class SectorNoun(_Entry):
    """A generic noun naming part of a state or society: "army" -> MIL, "police" -> COP."""

    noun: str
    sector: Sector
    # Plural or group nouns that stand for people of that sector ("soldiers", "protesters").
    people: bool = False


@dataclass(frozen=True)
class ActorDictionary:
    """All dictionary entries, shipped and user-supplied, in load order."""

    countries: tuple[CountryEntry, ...] = ()
    people: tuple[PersonEntry, ...] = ()
    organizations: tuple[OrganizationEntry, ...] = ()
    sectors: tuple[SectorNoun, ...] = ()
    files: tuple[str, ...] = field(default=())

    def merged(self, other: ActorDictionary) -> ActorDictionary:
        """Entries of ``other`` are added after ours; on the same id, the later one wins."""
        return ActorDictionary(
            countries=_override(self.countries + other.countries, lambda e: e.code),
            people=_override(self.people + other.people, lambda e: e.id),
            organizations=_override(self.organizations + other.organizations, lambda e: e.id),
            sectors=_override(self.sectors + other.sectors, lambda e: e.noun.lower()),
            files=self.files + other.files,
        )


def _override(entries, key):  # type: ignore[no-untyped-def]  # generic over four entry types
    by_key = {}
    for entry in entries:
        by_key[key(entry)] = entry
    return tuple(by_key.values())


_SECTION_MODELS: dict[str, type[_Entry]] = {
    "countries": CountryEntry,
    "people": PersonEntry,
    "organizations": OrganizationEntry,
    "sectors": SectorNoun,
}


def load_builtin() -> ActorDictionary:
    """The dictionaries shipped inside the package."""
    data = resources.files("newsevents.actors") / "data"
    result = ActorDictionary()
    # A section may be split over files: people.yaml, people-europe.yaml, ...
    resources_by_name = sorted((r.name, r) for r in data.iterdir() if r.name.endswith(".yaml"))
    for section in _SECTION_MODELS:
        for name, resource in resources_by_name:
            if name == f"{section}.yaml" or name.startswith(f"{section}-"):
                result = result.merged(_parse_sections(resource.read_text("utf-8"), f"builtin:{name}", section))
    return result


def load_file(path: Path) -> ActorDictionary:
    """A user's dictionary: YAML with top-level sections, or CSV with one actor a row.

    YAML: ``{countries: [...], people: [...], organizations: [...], sectors: [...]}``.
    CSV columns: ``id,name,country,sector,kind,aliases`` (aliases separated by ``|``); a row whose
    kind is ``person`` becomes a person, any other kind an organization.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read actor dictionary: {exc}") from exc
    if path.suffix.lower() == ".csv":
        return _parse_csv(text, str(path))
    return _parse_sections(text, str(path), None)


def _parse_sections(text: str, origin: str, only: str | None) -> ActorDictionary:
    try:
        raw = load_yaml(text)
    except YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML: {exc}") from exc
    if only is not None and isinstance(raw, list):
        raw = {only: raw}
    if not isinstance(raw, dict):
        raise ConfigError(f"{origin}: expected sections {', '.join(_SECTION_MODELS)} at the top level")
    unknown = set(raw) - set(_SECTION_MODELS)
    if unknown:
        raise ConfigError(f"{origin}: unknown section(s) {', '.join(sorted(unknown))}")
    parsed = {
        name: tuple(_validate(model, raw.get(name) or [], origin, name)) for name, model in _SECTION_MODELS.items()
    }
    return ActorDictionary(**parsed, files=(origin,))  # type: ignore[arg-type]


def _validate(model: type[_Entry], items: object, origin: str, section: str) -> list[_Entry]:
    if not isinstance(items, list):
        raise ConfigError(f"{origin}: section {section!r} must be a list")
    entries = []
    for number, item in enumerate(items, 1):
        try:
            entries.append(model.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            label = item.get("id") or item.get("name") or item.get("code") if isinstance(item, dict) else item
            raise ConfigError(f"{origin}: {section} entry {number} ({label}): {where}: {first['msg']}") from exc
    return entries


def _parse_csv(text: str, origin: str) -> ActorDictionary:
    people: list[_Entry] = []
    organizations: list[_Entry] = []
    reader = csv.DictReader(text.splitlines())
    missing = {"id", "name", "country"} - set(reader.fieldnames or [])
    if missing:
        raise ConfigError(f"{origin}: CSV lacks column(s) {', '.join(sorted(missing))}")
    for row_number, row in enumerate(reader, 2):
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        kind = (row.get("kind") or "other").strip()
        item = {"id": row["id"], "name": row["name"], "country": row["country"], "aliases": aliases}
        sector = (row.get("sector") or "").strip() or None
        try:
            if kind == "person":
                people.append(PersonEntry.model_validate({**item, **({"sector": sector} if sector else {})}))
            else:
                organizations.append(
                    OrganizationEntry.model_validate({**item, "sector": sector or "GOV", "kind": kind})
                )
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ConfigError(
                f"{origin}: row {row_number}: {'.'.join(map(str, first['loc']))}: {first['msg']}"
            ) from exc
    return ActorDictionary(people=tuple(people), organizations=tuple(organizations), files=(origin,))  # type: ignore[arg-type]
