"""Find the actors of an article: dictionary names, named entities, sector groups, people's roles.

Order matters: dictionary names first (they are the most certain), then the article's main
country (the locus, a fallback for actors whose country the text leaves implicit), then groups
such as "the Syrian army", then people the dictionary does not know, described by their titles
and appositions, and last pronouns and nominal references (:mod:`newsevents.actors.coref`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.actors.coref import all_or_both, resolve_references
from newsevents.actors.dictionary import NON_STATE_CODES, is_state_code
from newsevents.actors.gazetteer import (
    KIND_CAPITAL,
    KIND_COUNTRY,
    KIND_DEMONYM,
    KIND_METONYM,
    KIND_ORG,
    KIND_PERSON,
    KIND_PLACE,
    Entry,
    Gazetteer,
)
from newsevents.actors.table import ActorTable, WorkingActor, group_name, slug
from newsevents.lexicon import lexicon
from newsevents.nlp.quotemarks import quoted_spans

LEX = lexicon()
_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}


class Resolver:
    """Builds the :class:`ActorTable` of one parsed article."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def resolve(
        self, doc: Doc, ranges: list[tuple[int, int]], day: dt.date | None, dateline_place: str | None = None
    ) -> ActorTable:
        """Actors mentioned in the character ``ranges`` of ``doc`` (the story's paragraphs);
        ``dateline_place`` ("SEOUL, South Korea") says where the story was filed."""
        table = ActorTable()
        table.home = self._dateline_country(dateline_place)
        inside = _RangeTest(ranges)
        people = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
        organizations = [e for e in doc.ents if e.label_ == "ORG" and len(e) > 1]
        acronyms = _defined_acronyms(doc)
        found = self.gaz.match(doc)
        org_names = organizations + [span for span, entries in found if _prefer(entries).kind == KIND_ORG]
        for acronym, name in _implicit_acronyms(doc, org_names).items():
            acronyms.setdefault(acronym, name)
        matches = [
            (span, entries)
            for span, entries in found
            if inside(span.start_char)
            and not _inside_person_name(span, entries, people)
            and not _inside_longer_name(span, entries, organizations)
            and span.text not in acronyms
        ]
        table.locus = self._locus(matches, table, _lede_end(doc, ranges))
        for span, entries in matches:
            self._dictionary_mention(table, span, entries, day)
            # A demonym places too: "in the Saudi consulate in Istanbul" happened on Saudi ground.
            place = next((e for e in entries if e.kind in (KIND_PLACE, KIND_COUNTRY, KIND_CAPITAL, KIND_DEMONYM)), None)
            if place is not None:
                for i in range(span.start, span.end):
                    table.place_country[i] = place.key
        # Acronyms before the entity recogniser's names: "RSF" after "Rapid Support Forces" is
        # that force, and "RSF commanders" belong to it.
        self._acronyms(doc, table, inside, acronyms)
        # People before groups: a title before a name ("Peruvian lawmaker Maria Gonzalez")
        # describes the person, and is not a group of its own.
        self._named_entities(doc, table, inside)
        self._groups(doc, table, inside)
        self._surnames(doc, table, inside)
        self._copula_nationalities(doc, table)
        resolve_references(
            doc,
            table,
            inside,
            self.gaz,
            _quoted_tokens(doc, ranges),
            lambda code: self.country_actor(table, code, None),
        )
        return table

    # -- the article's main country -------------------------------------------------------

    def _locus(self, matches: list[tuple[SpacySpan, list[Entry]]], table: ActorTable, lede_end: int) -> str | None:
        """The story's main country: the most mentioned, places counting double and the lede
        (where a story says where it happens) three times."""
        counts: Counter[str] = Counter()
        for span, entries in matches:
            entry = entries[0]
            weight = 3 if span.start_char < lede_end else 1
            if entry.kind == KIND_PERSON:
                counts[self.gaz.people[entry.key].country] += weight
            elif entry.kind != KIND_ORG:
                # Places say where things happen: they weigh more than a passing country name.
                counts[entry.key] += weight * (2 if entry.kind == KIND_PLACE else 1)
        table.country_counts = counts
        national = [(code, n) for code, n in counts.most_common() if is_state_code(code)]
        return national[0][0] if national else None

    # -- names from the dictionaries --------------------------------------------------------

    def _dictionary_mention(
        self, table: ActorTable, span: SpacySpan, entries: list[Entry], day: dt.date | None
    ) -> None:
        entry = _prefer(entries)
        if entry.kind == KIND_PERSON:
            person = self.gaz.people[entry.key]
            sector, title, country = self.gaz.person_role(person, day)
            actor = table.add(
                WorkingActor(
                    id=person.id, name=person.name, country=country, sector=sector, kind="person",
                    origin="dictionary:people", role=title,
                )
            )  # fmt: skip
            table.mention(actor, span, "name" if span.text == person.name else "alias")
        elif entry.kind == KIND_ORG:
            org = self.gaz.organizations[entry.key]
            owner = self._foreign_owner(span, table, org.country) if org.kind == "state_body" else None
            named = any(self.gaz.country_of_word(t.text) for t in span)
            if org.kind == "state_body" and owner is None and not named and _absent(table, org.country):
                # "the Joint Chiefs of Staff" in a story filed from Seoul is South Korea's, not
                # America's; with no dateline, the story's main country's.
                owner = table.home or table.locus
            if owner is not None:
                # "Pakistan's Foreign Office" is not Britain's: the institution of the named state.
                words = " ".join(t.lower_ for t in span if not self.gaz.country_of_word(t.text) and t.dep_ != "case")
                actor = (
                    self.institution_actor(table, owner, org.sector, words)
                    if org.sector and _institution(words)
                    else self.country_actor(table, owner, org.sector)
                )
                table.mention(actor, span, "sector")
                return
            actor = table.add(
                WorkingActor(
                    id=org.id, name=org.name, country=org.country, sector=org.sector, kind="organization",
                    origin="dictionary:organizations",
                )
            )  # fmt: skip
            table.mention(actor, span, "name" if span.text == org.name else "alias")
        elif entry.kind in (KIND_COUNTRY, KIND_CAPITAL, KIND_METONYM):
            actor = self.country_actor(table, entry.key, None if entry.kind == KIND_COUNTRY else entry.sector)
            table.mention(actor, span, {KIND_COUNTRY: "name", KIND_CAPITAL: "capital"}.get(entry.kind, "metonym"))
        elif entry.kind == KIND_DEMONYM:
            actor = self.country_actor(table, entry.key, None)
            table.mention(actor, span, "demonym")

    def _dateline_country(self, place: str | None) -> str | None:
        """The country of a dateline: "SEOUL, South Korea", "KYIV", "UNITED NATIONS" (none)."""
        if not place:
            return None
        for part in reversed([p.strip() for p in place.split(",") if p.strip()]):
            for form in (part, part.title()):
                code = self.gaz.country_of_word(form)
                if is_state_code(code):
                    return code
        return None

    def _foreign_owner(self, span: SpacySpan, table: ActorTable, own: str) -> str | None:
        """A country named before a state body that is not the body's own."""
        for child in span.root.children:
            if child.dep_ in ("poss", "compound", "amod") and child.i < span.start:
                code = self._country_at(child.i, table) or table.place_country.get(child.i)
                if code and code != own:
                    return code
        return None

    def _acronyms(self, doc: Doc, table: ActorTable, inside: _RangeTest, acronyms: dict[str, SpacySpan]) -> None:
        """ "the National Liberation Army (ELN)": later "ELN" is that group, whatever a
        dictionary says ELN or RSF means elsewhere."""
        for acronym, name in acronyms.items():
            actor_id = next((table.token_actor[t.i] for t in name if t.i in table.token_actor), None)
            if actor_id is None:
                self._organization(table, name)
                actor_id = table.token_actor.get(name.root.i)
            if actor_id is None:
                continue
            actor = table.actors[actor_id]
            if actor.kind == "organization" and acronym not in actor.name:
                actor.name = f"{actor.name} ({acronym})"
            for token in doc:
                if token.text == acronym and inside(token.idx) and token.i not in table.token_actor:
                    table.mention(table.actors[actor_id], doc[token.i : token.i + 1], "acronym")

    def country_actor(self, table: ActorTable, code: str, sector: str | None) -> WorkingActor:
        country = self.gaz.countries.get(code)
        name = country.name if country else code
        if sector is None:
            return table.add(
                WorkingActor(id=code, name=name, country=code, sector=None, kind="state", origin="dictionary:countries")
            )
        return table.add(
            WorkingActor(
                id=f"{code}.{sector}", name=group_name(name, sector), country=code, sector=sector, kind="group",
                origin="dictionary:countries",
            )
        )  # fmt: skip

    def institution_actor(self, table: ActorTable, code: str, sector: str, noun: str) -> WorkingActor:
        """ "Pakistan Foreign Office": a named institution of a country, in the country's sector."""
        country = self.gaz.countries.get(code)
        name = f"{country.name if country else code} {_title_words(noun)}"
        return table.add(
            WorkingActor(
                id=f"{code}.{sector}.{slug(noun)}", name=name, country=code, sector=sector, kind="group",
                origin="dictionary:countries",
            )
        )  # fmt: skip

    # -- "the Syrian army", "Iran's foreign ministry", "police" ------------------------------

    def _groups(self, doc: Doc, table: ActorTable, inside: _RangeTest) -> None:
        last_by_noun: dict[str, WorkingActor] = {}
        for token in doc:
            if token.pos_ not in ("NOUN", "PROPN") or not inside(token.idx):
                continue
            if token.lower_ in LEX.party_nouns and all_or_both(token):
                # "all parties", "both governments": the story's sides, found with the references.
                continue
            found = self._sector_noun_at(doc, token)
            if found is None:
                self._organization_reference(doc, table, token)
                continue
            start, noun = found
            if any(i in table.token_actor for i in range(start, token.i + 1)):
                continue
            if token.dep_ == "compound" and table.token_actor.get(token.head.i) is not None:
                # A title before a name ("Prime Minister Boris Johnson") belongs to the person.
                continue
            if any(
                c.dep_ == "appos" and table.actors[a].kind == "person"
                for c in token.children
                for a in table.actor_at(c.i)
            ):
                # "the island's new president, Lai Ching-te": the title is the person named beside it.
                continue
            owner, modifier = self._owner(doc, token, table)
            if owner is not None and owner.kind in ("organization", "person"):
                # "an Interpol spokesperson" speaks for Interpol; "Trump's administration" acts for Trump.
                actor = owner
            elif owner is not None and owner.country and _institution(noun.noun) and owner.kind in ("state", "group"):
                actor = self.institution_actor(table, owner.country, noun.sector, noun.noun)
            elif owner is not None and owner.country:
                actor = self.country_actor(table, owner.country, noun.sector)
            elif (
                _definite(token)
                and token.tag_ == "NN"
                and token.lower_ in LEX.organization_references
                and (recent := _recent_organization(doc, table, token, noun.sector))
            ):
                # "The militia" after "the Rapid Support Forces" is that force, not the country's rebels.
                actor = recent
            elif (noun.noun in last_by_noun or token.lower_ in last_by_noun) and _definite(token):
                # "the spokesperson" after "an Interpol spokesperson".
                actor = last_by_noun.get(noun.noun) or last_by_noun[token.lower_]
            elif (mover := _deploying_state(token, table)) is not None:
                actor = self.country_actor(table, mover, noun.sector)
            elif (_definite_or_plural(token) or _bare_argument(token)) and table.locus is not None:
                actor = self.country_actor(table, table.locus, noun.sector)
                actor.country_inferred = actor.country_inferred or not actor.mentions
            else:
                continue
            if owner is not None:
                actor.country_inferred = False
            if noun.people and actor.kind == "group":
                actor.plural = True
            # "the ministry" after "Algeria's Foreign Ministry": the head word recalls it too.
            last_by_noun[noun.noun] = last_by_noun[token.lower_] = actor
            first = modifier.i if modifier is not None and modifier.i < start else start
            # "Ethiopian and Eritrean troops": one group per country named in the modifier.
            partners = self._coordinated_owners(modifier, table, owner) if modifier is not None else []
            if partners:
                first = min([first, *(t.i for t, _ in partners)])
            # The modifier ("Syrian") pointed at the state alone: the group takes the whole phrase.
            table.unmention(doc, range(first, start))
            if partners:
                groups = (actor.id, *(self.country_actor(table, code, noun.sector).id for _, code in partners))
                table.mention_group(tuple(dict.fromkeys(groups)), doc[first : token.i + 1], "sector")
            else:
                table.mention(actor, doc[first : token.i + 1], "sector")

    def _organization_reference(self, doc: Doc, table: ActorTable, token: Token) -> None:
        """ "The medical charity said", "the group added": the organisation named just before."""
        if (
            token.lower_ not in LEX.organization_references
            or token.tag_ != "NN"
            or not _definite(token)
            or token.i in table.token_actor
            or any(c.dep_ in ("poss", "compound") for c in token.lefts)
        ):
            return
        actor = _recent_organization(doc, table, token, None)
        if actor is not None:
            start = min((c.i for c in token.lefts if c.dep_ in ("amod", "det")), default=token.i)
            table.mention(actor, doc[start : token.i + 1], "nominal")

    def _coordinated_owners(
        self, modifier: Token, table: ActorTable, owner: WorkingActor | None
    ) -> list[tuple[Token, str]]:
        """Countries coordinated with the modifier: "Ethiopian and Eritrean" troops."""
        found = []
        for conj in modifier.conjuncts:
            code = self._country_at(conj.i, table)
            if code and owner is not None and code != owner.country:
                found.append((conj, code))
        return found

    def _owner(self, doc: Doc, token: Token, table: ActorTable) -> tuple[WorkingActor | None, Token | None]:
        """The actor a noun's modifiers name: "Syrian army", "Iran's ministry", "police of Belarus"."""
        for child in token.children:
            if child.dep_ in _MODIFIER_DEPS and child.i < token.i:
                actor_id = table.token_actor.get(child.i)
                if actor_id is not None:
                    return table.actors[actor_id], child
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "for"):
                for pobj in child.children:
                    actor_id = table.token_actor.get(pobj.i) if pobj.dep_ == "pobj" else None
                    if actor_id is not None and table.actors[actor_id].kind != "person":
                        return table.actors[actor_id], None
        return None, None

    def _sector_noun_at(self, doc: Doc, token: Token):  # type: ignore[no-untyped-def]  # (start, SectorNoun)
        """The longest sector noun ending at ``token`` ("foreign ministry", "riot police")."""
        for length in range(min(self.gaz.longest_sector_noun, token.i + 1), 0, -1):
            start = token.i - length + 1
            # Sector nouns are written with single spaces: join the tokens the same way.
            key = " ".join(doc[i].lower_ for i in range(start, token.i + 1))
            noun = self.gaz.sector_nouns.get(key)
            if noun is None and length == 1:
                noun = self.gaz.sector_nouns.get(token.lemma_.lower())
            if noun is not None:
                return start, noun
        return None

    # -- people and organisations the dictionary does not know ------------------------------

    def _named_entities(self, doc: Doc, table: ActorTable, inside: _RangeTest) -> None:
        for ent in doc.ents:
            if not inside(ent.start_char) or any(i in table.token_actor for i in range(ent.start, ent.end)):
                continue
            span = _trim_entity(ent)
            if span is None:
                continue
            known = _same_person(table, span.text)
            if known is not None and ent.label_ != "PERSON":
                # spaCy sometimes labels a bare surname ORG or GPE ("Trump imposed ..."): the person wins.
                table.mention(known, span, "surname" if len(span) == 1 else "name")
            elif ent.label_ == "PERSON":
                self._person(doc, table, span)
            elif ent.label_ == "ORG":
                self._organization(table, span)

    def _surnames(self, doc: Doc, table: ActorTable, inside: _RangeTest) -> None:
        """Bare surnames the entity recogniser missed, of people already named in full."""
        surnames = {a.surname: a for a in table.actors.values() if a.surname}
        for token in doc:
            if (
                token.pos_ == "PROPN"
                and token.text in surnames
                and token.i not in table.token_actor
                and inside(token.idx)
            ):
                table.mention(surnames[token.text], doc[token.i : token.i + 1], "surname")

    def _copula_nationalities(self, doc: Doc, table: ActorTable) -> None:
        """ "Hatice Cengiz is a Turkish national": a person whose country was only guessed takes it."""
        for actor in table.actors.values():
            if actor.kind != "person" or not actor.country_inferred:
                continue
            for mention in actor.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None or span.root.dep_ != "nsubj" or span.root.head.lemma_ != "be":
                    continue
                for attr in (c for c in span.root.head.children if c.dep_ == "attr"):
                    code = next(
                        (self._country_at(t.i, table) for t in attr.subtree if self._country_at(t.i, table)), None
                    )
                    if code:
                        actor.country, actor.country_inferred = code, False
                        break

    def _person(self, doc: Doc, table: ActorTable, span: SpacySpan) -> None:
        if len(span.text.strip(".")) < 2:
            return  # "on X." tagged as a person
        known = _same_person(table, span.text)
        if known is not None:
            table.mention(known, span, "surname" if len(span) == 1 else "name")
            if known.country_inferred:
                # A later mention may say what the first did not: "Turkish national Hatice Cengiz".
                country, sector, org = self._describe_person(doc, span, table)
                country = country or (org.country if org else None)
                if country:
                    known.country, known.country_inferred = country, False
                    known.sector = known.sector or sector
            return
        country, sector, org = self._describe_person(doc, span, table)
        actor = table.add(
            WorkingActor(
                id=slug(span.text), name=span.text, country=country, sector=sector, kind="person",
                origin="rule:ner-person",
            )
        )  # fmt: skip
        if country is None and org is not None:
            actor.country, actor.sector = org.country, sector or org.sector
        if actor.country is None and table.locus is not None:
            actor.country, actor.country_inferred = table.locus, True
        table.mention(actor, span, "name")

    def _describe_person(
        self, doc: Doc, span: SpacySpan, table: ActorTable
    ) -> tuple[str | None, str | None, WorkingActor | None]:
        """Country, sector and organisation from a person's title and appositions."""
        head = span.root
        country = sector = None
        org = None
        for token in _description_tokens(doc, span, head):
            actor_id = table.token_actor.get(token.i)
            if actor_id is not None:
                actor = table.actors[actor_id]
                if actor.kind == "organization" and org is None:
                    org = actor
                elif actor.kind in ("state", "group") and country is None:
                    # The country only: "in Lima" names where, not the person's line of work.
                    country = actor.country
            noun = self.gaz.sector_nouns.get(token.lower_) or self.gaz.sector_nouns.get(token.lemma_.lower())
            if noun is not None and sector is None:
                sector = noun.sector
        return country, sector, org

    def _organization(self, table: ActorTable, span: SpacySpan) -> None:
        country = None
        for token in span:
            code = self.gaz.country_of_word(token.text)
            if code:
                country = code
                break
        if country is None:
            # "South Korea's National Police Agency", "the Libyan coast guard".
            for child in span.root.children:
                if child.dep_ in _MODIFIER_DEPS and child.i < span.start:
                    code = self._country_at(child.i, table)
                    if code:
                        country = code
                        break
        lowered = span.text.lower()
        sector = next((LEX.org_sector_words[w] for w in lowered.split() if w in LEX.org_sector_words), None)
        actor = table.add(
            WorkingActor(
                id=slug(span.text), name=span.text, country=country, sector=sector, kind="organization",
                origin="rule:ner-org",
            )
        )  # fmt: skip
        if actor.country is None and table.locus is not None:
            actor.country, actor.country_inferred = table.locus, True
        table.mention(actor, span, "name")

    def _country_at(self, index: int, table: ActorTable) -> str | None:
        actor_id = table.token_actor.get(index)
        if actor_id is None:
            return None
        actor = table.actors[actor_id]
        return actor.country if actor.kind in ("state", "group", "organization") else None


# A bare "parliament" or "police" as a clause's subject or object is the body itself.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "punct", "det", "prep", "pobj"})


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
_NAME_JOINERS = frozenset({"of", "the", "for", "and", "de", "du", "des", "la", "el", "al"})


def _quoted_tokens(doc: Doc, ranges: list[tuple[int, int]]) -> frozenset[int]:
    """Tokens inside quotation marks (the speaker's words, not the reporter's)."""
    text = doc.text
    inside: set[int] = set()
    for start, end in quoted_spans(text, sorted(ranges)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return frozenset(inside)


def _absent(table: ActorTable, country: str) -> bool:
    """The story never names the country (by name, demonym, capital or place)."""
    return table.locus is not None and table.locus != country and table.country_counts.get(country, 0) == 0


def _defined_acronyms(doc: Doc) -> dict[str, SpacySpan]:
    """Acronyms the story defines: "the National Liberation Army (ELN)" gives ELN."""
    found: dict[str, SpacySpan] = {}
    for token in doc[2:-1]:
        if not _ACRONYM.match(token.text) or doc[token.i - 1].text != "(" or doc[token.i + 1].text != ")":
            continue
        end = token.i - 1
        start = end
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in _NAME_JOINERS):
            start -= 1
        while start < end and doc[start].lower_ in _NAME_JOINERS:
            start += 1
        if end - start >= 2 and token.text not in found:
            found[token.text] = doc[start:end]
    return found


def _deploying_state(token: Token, table: ActorTable) -> str | None:
    """The country whose subject sends these forces: "China sent warplanes and warships"."""
    node = token
    for _ in range(4):
        # Up through "warplanes and warships" and "dozens of warplanes".
        if node.dep_ == "conj" or (node.dep_ == "pobj" and node.head.lower_ == "of"):
            node = node.head if node.dep_ == "conj" else node.head.head
        else:
            break
    if node.dep_ != "dobj" or node.head.lemma_.lower() not in LEX.deploy_verbs:
        return None
    for subject in (c for c in node.head.children if c.dep_ == "nsubj"):
        for actor_id in table.actor_at(subject.i):
            country = table.actors[actor_id].country
            if is_state_code(country):
                return country
    return None


def _institution(noun: str) -> bool:
    words = noun.split()
    return words[-1] in LEX.institution_heads and (len(words) > 1 or noun in LEX.institution_words)


def _title_words(noun: str) -> str:
    small = {"of", "for", "and", "the"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in noun.split())


_STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "IGO"})
# How many sentences back a nominal reference looks for its organisation.
_ORGANIZATION_WINDOW = 3


def _recent_organization(doc: Doc, table: ActorTable, token: Token, sector: str | None) -> WorkingActor | None:
    """The nearest organisation named in the last few sentences, of a sector close to
    ``sector`` when one is given. State organs are left to the country's groups."""
    family = LEX.sector_families.get(sector, frozenset({sector})) if sector else None
    if sector in _STATE_SECTORS:
        return None
    sentence = token.sent
    first = sentence.start
    for _ in range(_ORGANIZATION_WINDOW - 1):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    for i in range(token.i - 1, first - 1, -1):
        actor_id = table.token_actor.get(i)
        if actor_id is None:
            continue
        actor = table.actors[actor_id]
        if actor.kind != "organization" or (actor.sector in _STATE_SECTORS and actor.country not in NON_STATE_CODES):
            # A state's own organs are its groups; an international body ("the council") is itself.
            continue
        if family is None or actor.sector in family:
            return actor
    return None


def _implicit_acronyms(doc: Doc, names: list[SpacySpan]) -> dict[str, SpacySpan]:
    """Acronyms spelled by the initials of an organisation named in full earlier in the story:
    after "the Rapid Support Forces", "RSF" is that force, not the press-freedom group."""
    used = {t.text for t in doc if _ACRONYM.match(t.text) and len(t.text) >= 3}
    found: dict[str, SpacySpan] = {}
    if not used:
        return found
    for name in sorted(names, key=lambda s: s.start):
        words = [t for t in name if t.is_alpha and t.lower_ not in _NAME_JOINERS and t.is_title]
        initials = "".join(t.text[0] for t in words)
        if len(words) >= 3 and initials in used and initials not in found:
            first_use = next(t.i for t in doc if t.text == initials)
            if first_use > name.start:
                found[initials] = doc[words[0].i : name.end]
    return found


def _inside_longer_name(span: SpacySpan, entries: list[Entry], organizations: list[SpacySpan]) -> bool:
    """An organisation's name inside a longer one is not that organisation: "Liberation" (a
    French daily) in "National Liberation Army"."""
    if not any(e.kind == KIND_ORG for e in entries):
        return False
    return any(
        ent.start <= span.start
        and span.end <= ent.end
        and (ent.start, ent.end) != (span.start, span.end)
        and any(_given_name(t) for t in ent if not span.start <= t.i < span.end)
        for ent in organizations
    )


def _lede_end(doc: Doc, ranges: list[tuple[int, int]]) -> int:
    """Where the lede ends: the first two sentences of the story."""
    starts = sorted(start for start, _ in ranges)
    if not starts:
        return 0
    sentences = [s for s in doc.sents if s.start_char >= starts[0] and len(s) > 4]
    return sentences[min(1, len(sentences) - 1)].end_char if sentences else 0


def _inside_person_name(span: SpacySpan, entries: list[Entry], people: list[SpacySpan]) -> bool:
    """A place or country name inside a person's name is part of the name: "Chad Morgan",
    "Nikki Holland". A demonym first ("Israeli Prime Minister ...") still says the country."""
    if any(e.kind == KIND_ORG for e in entries):
        return False
    if any(e.kind == KIND_PERSON for e in entries):
        # "Vance" (an alias of J. D. Vance) inside "Cyrus R. Vance, Jr." is another person; a
        # title around the name ("Prime Minister Benjamin Netanyahu") changes nothing.
        return any(
            ent.start <= span.start
            and span.end <= ent.end
            and any(_given_name(t) for t in ent if not span.start <= t.i < span.end)
            for ent in people
        )
    demonym = all(e.kind == KIND_DEMONYM for e in entries)
    # The whole entity being the country ("Sri Lanka" tagged as a person) is the country.
    return any(
        (ent.start < span.start or (not demonym and ent.start == span.start))
        and span.end <= ent.end
        and (ent.start, ent.end) != (span.start, span.end)
        for ent in people
    )


def _given_name(token: Token) -> bool:
    """A capitalised name word that is not a title ("Cyrus" in "Cyrus R. Vance", not "Minister")."""
    titles = LEX.person_titles
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.lower_ not in titles
        and not any(token.lower_ in title.split() for title in titles)
    )


def _prefer(entries: list[Entry]) -> Entry:
    order = {
        KIND_PERSON: 0,
        KIND_ORG: 1,
        KIND_METONYM: 2,
        KIND_COUNTRY: 3,
        KIND_CAPITAL: 4,
        KIND_DEMONYM: 5,
        KIND_PLACE: 6,
    }
    return min(entries, key=lambda e: order.get(e.kind, 9))


def _bare_argument(token: Token) -> bool:
    """ "Parliament" or "police" with no article, as a subject or object: the body itself."""
    return token.dep_ in _ARGUMENT_DEPS and not any(c.dep_ == "det" for c in token.children)


def _definite(token: Token) -> bool:
    return any(c.lower_ in ("the", "this", "that") for c in token.children)


def _definite_or_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or any(c.lower_ in ("the", "its", "their") for c in token.children)


def _trim_entity(ent: SpacySpan) -> SpacySpan | None:
    """The entity without a leading "the" or trailing possessive "'s"."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while (end > start and doc[end - 1].tag_ == "POS") or (end > start and doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _same_person(table: ActorTable, text: str) -> WorkingActor | None:
    """A person already in the table that this name refers to: "Merkel" after "Angela Merkel";
    "Jong" after "Jong Woo Son" (family names come first in Korean and Chinese names), when only
    one person of the story has that name."""
    people = [a for a in table.actors.values() if a.kind == "person"]
    for actor in people:
        if text == actor.name or text == actor.surname:
            return actor
        if actor.surname and text.endswith(" " + actor.surname) and text.split()[0] == actor.name.split()[0]:
            return actor
    if " " not in text:
        holders = [a for a in people if len(a.name.split()) > 2 and text in a.name.split()]
        if len(holders) == 1:
            return holders[0]
    return None


def _description_tokens(doc: Doc, span: SpacySpan, head: Token) -> Iterable[Token]:
    """Tokens that describe a person: the title before the name and appositions after it."""
    # Title words written before the name in the same noun phrase ("Sea-Eye spokesperson").
    i = span.start - 1
    sentence_start = span[0].sent.start
    while i >= sentence_start and doc[i].dep_ in _TITLE_DEPS:
        if doc[i].text in (",", ";"):
            break
        yield doc[i]
        i -= 1
    for child in head.children:
        if child.dep_ in ("appos", "prep", "acl") and child.i >= span.end:
            yield from child.subtree
    if head.dep_ == "appos" and head.head.i < span.start:
        # "its alleged operator Jong Woo Son from South Korea": the phrase the name stands in.
        yield from (t for t in head.head.subtree if t.i < span.start)
        for child in head.head.children:
            if child.dep_ == "prep" and child.i >= span.end:
                yield from child.subtree


class _RangeTest:
    """Whether a character offset falls in one of the story's paragraphs."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [start for start, _ in self.ranges]

    def __call__(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ranges[index][1]
