"""The two sides of an event: from slot tokens to actors, and what fills a side the text leaves out."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.actors.dictionary import NON_STATE_CODES
from newsevents.actors.table import ActorTable, WorkingActor, group_name, slug
from newsevents.coding import syntax
from newsevents.coding.patterns import DOMESTIC_BY_DEFAULT, Pattern
from newsevents.lexicon import lexicon
from newsevents.records import Quote, Span

LEX = lexicon()
_MODIFIERS = ("poss", "compound", "amod", "nmod", "npadvmod")
# Default prepositions that introduce a target when a pattern names none ("at" and "in" name
# places; patterns such as "fire at" list them themselves).
_TARGET_PREPS = ("with", "on", "against", "to", "into", "toward", "towards")
_RELATIONAL_PREPS = frozenset({"with", "between", "against", "toward", "towards", "over"})
_BOUNDARY_NOUNS = frozenset({"border", "frontier", "boundary"})
_QUANTITY_NOUNS = frozenset(
    {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "ten", "tens", "score", "scores",
     "million", "millions", "handful", "number"}
)  # fmt: skip
_AUTHORITY_SECTORS = frozenset({"COP", "JUD", "SPY", "MIL"})
_AUTHORITY_ACTS = frozenset({"COERCE", "ACCUSE", "SANCTION", "MOBILIZE", "RETREAT", "CONCEDE", "REJECT"})
# Categories whose unnamed targets are located by the place of the event.
_PLACED = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "THREATEN", "AID", "RETREAT"})
# Entities that are never actors: "On Thursday" is not whom Macron called on.
_NOT_ACTOR_ENTITIES = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW", "LANGUAGE"}
)
# How far back (in sentences) the partner of a reply is looked for; a quoted judgement may answer
# something said a little further back.
_PARTNER_WINDOW = 2
_INTERNATIONAL = frozenset({"UNO", "EUR", "IGO"})
QUOTE_PARTNER_WINDOW = 3


@dataclass(frozen=True)
class Side:
    """One side of an event: its actors, the words that name it, and how it was filled."""

    ids: tuple[str, ...] = ()
    span: Span | None = None
    inferred: tuple[str, ...] = ()
    # A noun phrase was there ("assailants", "two smugglers") but named no known actor.
    unresolved_token: Token | None = None
    # The phrase names a thing, not an actor ("seized firearms"): no side to infer.
    inanimate: bool = False

    @property
    def empty(self) -> bool:
        return not self.ids

    def split(self) -> list[Side]:
        return [replace(self, ids=(i,)) for i in self.ids]


class SideResolver:
    """Reads event sides off the parse of one article."""

    def __init__(self, doc: Doc, text: str, table: ActorTable, quotes: list[Quote]) -> None:
        self.doc = doc
        self.text = text
        self.table = table
        self.quote_of_token: dict[int, Quote] = {}
        self.fragments: set[int] = set()
        for quote in quotes:
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.quote_of_token[token.i] = quote
            if not any(t.pos_ in ("VERB", "AUX") for t in span):
                # A quoted fragment ('are on "the same side"') is part of the reporter's clause.
                self.fragments.add(id(quote))

    def same_quote(self, a: Token, b: Token) -> bool:
        """Whether two tokens belong to the same statement (a quoted clause is one of its own)."""
        qa, qb = self.quote_of_token.get(a.i), self.quote_of_token.get(b.i)
        if qa is not None and id(qa) in self.fragments:
            qa = None
        if qb is not None and id(qb) in self.fragments:
            qb = None
        return qa is qb

    # -- reading the slots -----------------------------------------------------------------

    def sides(
        self, pattern: Pattern, trigger: Token, phrase: SpacySpan | None, clause_verb: Token | None
    ) -> tuple[Side, Side]:
        if phrase is not None:
            return self._phrase_sides(pattern, trigger, clause_verb)
        if trigger.pos_ in ("NOUN", "PROPN"):
            return self._noun_sides(pattern, trigger, clause_verb)
        return self._verb_sides(pattern, trigger)

    def _verb_sides(self, pattern: Pattern, verb: Token) -> tuple[Side, Side]:
        source = self.np_side(syntax.subject_of(verb))
        if pattern.source == "speaker":
            source = self._speaker_side(verb) or source
        return source, self._target(pattern, verb, source)

    def _target(self, pattern: Pattern, verb: Token, source: Side) -> Side:
        """The target of a verb trigger: the first candidate phrase that names an actor, else
        the first phrase at all (an unnamed side, to be placed later)."""
        preps = pattern.target_preps or _TARGET_PREPS
        mode = pattern.target
        if mode == "none":
            return Side()
        if mode == "subject":
            return self.np_side(syntax.subject_of(verb))
        if mode == "mentioned":
            return self._mentioned(verb, source)
        obj = syntax.object_of(verb)
        # "threatened to cut off electricity to Nakhichevan": the complement's own target.
        # "threatened to cut off electricity to Nakhichevan": the complement's own target.
        complements = [
            t for c in _complements(verb) for t in (syntax.object_of(c), *syntax.nested_prep_objects(c, preps))
        ]
        # "warned that South Korea would face a response": a that-clause's subject comes first.
        clause_subjects = [syntax.nearest_subject(c) for c in _complements(verb) if c.dep_ == "ccomp"]
        if mode == "complement_subject":
            # "claiming them to be mercenaries", "called Hamas a terrorist group"; only a named
            # actor will do ("said the 36 must face charges" is about no one in particular).
            side = self._first(t for t in [*(syntax.subject_of(c) for c in _complements(verb)), obj] if t is not None)
            return side if not side.empty else Side()
        if mode == "complement_object":
            candidates = complements
        else:
            # "a gunman shot shoppers at a Walmart": the people shot, not the shop.
            # With `objects` the object is the instrument ("deployed troops to the border").
            direct_ok = mode == "object" or (
                not pattern.objects and obj is not None and (_animate(obj) or bool(self.table.actor_at(obj.i)))
            )
            direct = [syntax.first_child(verb, "dative"), obj] if direct_ok else []
            # "imposed a tariff on Israeli goods", "pledged 50 million euros in aid to Sudan".
            nested = list(syntax.nested_prep_objects(obj, preps)) if obj is not None else []
            candidates = [*direct, *syntax.prep_objects(verb, preps), *nested, *clause_subjects, *complements]
        return self._first(t for t in candidates if t is not None)

    def _noun_sides(self, pattern: Pattern, noun: Token, verb: Token | None) -> tuple[Side, Side]:
        preps = pattern.target_preps or _TARGET_PREPS
        if pattern.source == "speaker":
            # "Pompeo said the crash was Iran's doing": the speaker blames the owner of the noun.
            speaker = self._speaker_side(noun) or self._reporter_side(noun) or Side()
            return speaker, self._modifier_side(noun)
        source = self._modifier_side(noun)
        if source.empty:
            source = self._first(syntax.prep_objects(noun, ("by",)))
        if source.empty and verb is not None and noun.dep_ not in ("nsubj", "nsubjpass"):
            source = self.np_side(syntax.subject_of(verb))

        target = self._first(syntax.prep_objects(noun, preps))
        if target.empty and verb is not None and syntax.object_of(verb) is not None and syntax.object_of(verb) != noun:
            target = self.np_side(syntax.object_of(verb))
        if target.empty and verb is not None:
            target = self._first(t for t in syntax.prep_objects(verb, preps) if t != noun)
        return source, target

    def _phrase_sides(self, pattern: Pattern, trigger: Token, verb: Token | None) -> tuple[Side, Side]:
        anchor = verb if verb is not None else trigger
        source = self._speaker_side(trigger) if pattern.source == "speaker" else None
        if pattern.source == "none" or (pattern.source == "speaker" and source is None):
            # Words meant as the speaker's own ("unacceptable") with no known speaker: nobody to code.
            source = Side()
        elif source is None:
            source = self.np_side(syntax.subject_of(anchor))
        if pattern.target == "subject":
            subject = syntax.subject_of(anchor)
            if subject is not None and subject.dep_ == "expl":
                # "there were suspects in custody": the real subject is the attribute.
                subject = syntax.first_child(anchor, "attr")
            target = self.np_side(subject)
        elif pattern.target == "mentioned":
            target = self._mentioned(trigger, source)
        elif pattern.target == "subject_or_mentioned":
            # "Nabil's murder is unacceptable", "Macron's suggestion evokes a colonialist mentality".
            target = self._criticised(trigger, source)
        elif pattern.target == "none":
            target = Side()
        else:
            target = self._first(syntax.prep_objects(trigger, pattern.target_preps or _TARGET_PREPS))
        if pattern.source == "subject" and len(source.ids) > 1 and target.empty:
            # "he and Netanyahu are on the same side": each side of the pair towards the other.
            return source, Side()
        return source, target

    # -- from tokens to actors ---------------------------------------------------------------

    def np_side(self, token: Token | None) -> Side:
        """The actors a noun phrase names, with its coordinated members ("Turkey and Libya")."""
        if token is None:
            return Side()
        of = next(syntax.prep_objects(token, ("of",)), None)
        if of is not None and (token.ent_type_ in ("CARDINAL", "QUANTITY") or token.lemma_.lower() in _QUANTITY_NOUNS):
            # "dozens of homes", "thousands of protesters": the counted thing is the side.
            return self.np_side(of)
        members = [token, *[c for c in token.conjuncts if c.i > token.i]]
        ids: list[str] = []
        for member in members:
            for actor_id in self._np_actors(member):
                if actor_id not in ids:
                    ids.append(actor_id)
        span = _np_span(token, self.text)
        if not ids:
            if token.ent_type_ in _NOT_ACTOR_ENTITIES and not (token.ent_type_ == "CARDINAL" and token.dep_ == "nsubj"):
                # Dates are never actors; a number that acts is ("tens of thousands rallied").
                return Side()
            if token.pos_ in ("NOUN", "PROPN", "NUM") or token.lower_ in ("someone", "somebody"):
                return Side(span=span, unresolved_token=token)
            return Side()
        return Side(ids=tuple(ids), span=span)

    def _np_actors(self, head: Token, depth: int = 0) -> tuple[str, ...]:
        if head.lemma_.lower() in LEX.place_nouns and not self.table.actor_at(head.i):
            # "the town of Pandeglang", "the city of Aden": a place, not an actor.
            return ()
        if head.lemma_.lower() in _BOUNDARY_NOUNS:
            # "its border with Belarus": the neighbour, not the owner of the border.
            for obj in syntax.prep_objects(head, tuple(_RELATIONAL_PREPS)):
                found = self._np_actors(obj, depth + 1)
                if found:
                    return found
        quote = self.quote_of_token.get(head.i)
        if quote is not None and quote.speaker and head.lower_ in LEX.first_person:
            return (quote.speaker,)
        own = self.table.actor_at(head.i)
        if own:
            return own
        if depth > 2:
            return ()
        for appos in syntax.children(head, "appos"):
            found = self._np_actors(appos, depth + 1)
            if found:
                return found
        for child in sorted((c for c in head.children if c.dep_ in _MODIFIERS), key=lambda c: -c.i):
            found = self.table.actor_at(child.i) or self._np_actors(child, depth + 1)
            if found:
                return found
        for obj in syntax.prep_objects(head, ("including", "like")):
            # "his critics, including Greenpeace": the named member stands for the group.
            found = self._np_actors(obj, depth + 1)
            if found:
                return found
        for clause in syntax.children(head, "relcl"):
            if clause.lemma_ in ("include", "comprise"):
                included = syntax.first_child(clause, "dobj")
                found = self._np_actors(included, depth + 1) if included is not None else ()
                if found:
                    return found
        for obj in syntax.prep_objects(head, ("of", "from", "by")):
            # "agencies from Germany, South Korea and the United States": every member counts.
            found = tuple(a for member in (obj, *obj.conjuncts) for a in self._np_actors(member, depth + 1))
            if found:
                return tuple(dict.fromkeys(found))
        if depth == 0:
            # "the border with Finland": an actor deeper in the phrase; not a place ("people
            # at Fishmongers' Hall in London" are not London).
            for prep in (p for p in syntax.children(head, "prep") if p.lower_ in _RELATIONAL_PREPS):
                for obj in syntax.children(prep, "pobj"):
                    found = self._np_actors(obj, depth + 2)
                    if found:
                        return found
        return ()

    def _modifier_side(self, noun: Token) -> Side:
        for child in sorted((c for c in noun.children if c.dep_ in ("poss", "compound", "amod")), key=lambda c: -c.i):
            ids = self.table.actor_at(child.i)
            if ids:
                return Side(ids=ids, span=Span(start=child.idx, end=child.idx + len(child.text), text=child.text))
        return Side()

    def _first(self, tokens) -> Side:  # type: ignore[no-untyped-def]
        fallback = Side()
        for token in tokens:
            side = self.np_side(token)
            if not side.empty:
                return side
            if fallback.unresolved_token is None:
                fallback = side
        return fallback

    def _reporter_side(self, token: Token) -> Side | None:
        """Who says the clause the trigger stands in: "Pompeo said the crash was Iran's doing"."""
        node = token
        for _ in range(6):
            if node.head == node:
                return None
            if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_ in LEX.saying_verbs:
                side = self.np_side(syntax.subject_of(node.head))
                return replace(side, inferred=("speaker",)) if not side.empty else None
            if node != token and node.pos_ in ("VERB", "AUX") and syntax.nearest_subject(node) is not None:
                # The trigger's clause has its own subject ("Borrell condemned the seizure as a
                # violation"): that subject judges, not someone further up.
                return None
            node = node.head
        return None

    def _speaker_side(self, token: Token) -> Side | None:
        quote = self.quote_of_token.get(token.i)
        if quote is None or not quote.speaker:
            return None
        return Side(ids=(quote.speaker,), span=quote.speaker_span, inferred=("speaker",))

    def _criticised(self, trigger: Token, source: Side) -> Side:
        """What a judgement is about: its clause's subject, or the object of "called X '...'",
        or else another actor named in the quote."""
        quote = self.quote_of_token.get(trigger.i)
        node = trigger
        while node.head != node and node.dep_ not in ("ROOT", "ccomp", "parataxis"):
            if quote is not None and self.quote_of_token.get(node.head.i) is not quote:
                break
            node = node.head
        subject = syntax.subject_of(node) if node.pos_ in ("VERB", "AUX") else None
        side = self.np_side(subject)
        if not side.empty and not set(side.ids) & set(source.ids):
            return side
        outside = node.head if node.head != node else None
        if outside is not None and outside.lemma_ in ("call", "describe", "label", "brand", "term", "dub", "deem"):
            side = self.np_side(syntax.first_child(outside, "dobj"))
            if not side.empty:
                return side
        return self._mentioned(trigger, source)

    def _mentioned(self, token: Token, source: Side) -> Side:
        """Another actor named in the same quote (or sentence) as the trigger."""
        quote = self.quote_of_token.get(token.i)
        if quote is not None:
            scope = [i for i, q in self.quote_of_token.items() if q is quote]
        else:
            scope = [t.i for t in token.sent]
        source_countries = self._countries(source.ids)
        best: tuple[int, int, str] | None = None
        reporters = {
            t.i for t in token.sent if t.dep_ == "nsubj" and t.head.lemma_ in LEX.saying_verbs and t.head.i > token.i
        }
        for i in scope:
            if i in reporters:
                # "..., the JCS said": who reports the event is not its target.
                continue
            for actor_id in self.table.actor_at(i):
                actor = self.table.actors[actor_id]
                if actor_id in source.ids or actor.country in source_countries:
                    continue
                # People addressed or named in a quote are likelier targets than places in passing.
                rank = (0 if actor.kind == "person" else 1, abs(i - token.i))
                if best is None or rank < best[:2]:
                    best = (*rank, actor_id)
        return Side(ids=(best[2],)) if best else Side()

    # -- filling what the text leaves out --------------------------------------------------

    def fill_source(self, source: Side, trigger: Token, pattern: Pattern) -> Side:
        if not source.empty:
            return source
        speaker = self._speaker_side(trigger) or self._reporter_side(trigger)
        if speaker is not None and pattern.source == "speaker":
            return speaker
        if trigger.pos_ in ("VERB", "AUX") and syntax.is_passive(trigger):
            # "was condemned in a joint statement by Egypt, Greece and Cyprus".
            agent = self._first(syntax.nested_prep_objects(trigger, ("by",)))
            if not agent.empty:
                return agent
        domestic_kind = pattern.category in DOMESTIC_BY_DEFAULT or pattern.domestic
        if pattern.source == "none" or (_agentless(trigger) and (domestic_kind or trigger.pos_ in ("VERB", "AUX"))):
            # "Jong was arrested, but South Korea's police ...": an authority named nearby did it
            # (for arrests and the like; "police said four were injured in the shooting" does not
            # make the police the shooters).
            authority = self._authority_in(trigger.sent) if pattern.category in _AUTHORITY_ACTS else None
            if authority is not None:
                return Side(ids=(authority,), inferred=("authority",))
            return self._placeholder(Side(), self._place_of(trigger) or self.table.locus)
        if source.unresolved_token is not None and _animate(source.unresolved_token):
            return self._placeholder(source, self._place_of(source.unresolved_token) or self.table.locus)
        return source

    def domestic_target(self, source: Side, trigger: Token) -> Side:
        """No target written: the country where it happened ("strengthened its forces in
        Lebanon"), else the source's own country (a domestic event)."""
        countries = self._countries(source.ids)
        code = self._place_of(trigger)
        if code is None:
            if len(countries) != 1:
                return Side()
            code = next(iter(countries))
        actor = self._country_actor(code)
        return Side(ids=(actor.id,), inferred=("domestic",))

    def partner(self, source: Side, sentence: SpacySpan, trigger: Token, window: int = _PARTNER_WINDOW) -> Side:
        """The last actor of another country mentioned before the trigger, within ``window``
        sentences (this one included)."""
        countries = self._countries(source.ids)
        sentences = list(self.doc.sents)
        index = next((n for n, s in enumerate(sentences) if s.start == sentence.start), 0)
        for number in range(index, max(-1, index - window), -1):
            for token in reversed([t for t in sentences[number] if t.i < trigger.i]):
                for actor_id in self.table.actor_at(token.i):
                    if self._partner_fits(actor_id, countries):
                        return Side(ids=(actor_id,), inferred=("partner",))
        # "dropped his veto ... after talks with the European Commission": later in the sentence.
        for token in (t for t in sentence if t.i > trigger.i):
            for actor_id in self.table.actor_at(token.i):
                if self._partner_fits(actor_id, countries):
                    return Side(ids=(actor_id,), inferred=("partner",))
        return Side()

    def _partner_fits(self, actor_id: str, countries: set[str]) -> bool:
        # News outlets and companies are named as sources and owners, rarely as the other side;
        # the U.N. and the EU's bodies are.
        actor = self.table.actors[actor_id]
        if not actor.country or actor.country in countries:
            return False
        return actor.kind != "organization" or actor.country in _INTERNATIONAL

    def resolve_unresolved_target(
        self, target: Side, source: Side, domestic: bool, trigger: Token, category: str
    ) -> Side:
        """A target phrase naming no actor ("targets", "two smugglers") takes the country where
        the event happened, else (for domestic kinds of event) the source's country, else the locus."""
        if not target.empty or target.unresolved_token is None:
            return target
        token = target.unresolved_token
        animate = _animate(token)
        # "struck targets in southern Lebanon": things hit in a place stand for that place.
        place = self._place_of(token) or self._place_of(trigger) if animate or category in _PLACED else None
        countries = self._countries(source.ids)
        if place is not None:
            code: str | None = place
        elif token.lemma_.lower() in LEX.speech_act_nouns or token.lemma_.lower() in LEX.event_nouns:
            # "The Front had sent the police a plan, which they rejected": the plan's author;
            # "The JCS condemned the launches" (North Korea's launch of balloons): their doer;
            # "The call was seconded by Merkel": the actor the story was just about.
            owner = self._author_of(token, source)
            return owner if not owner.empty else replace(self.partner(source, trigger.sent, trigger), span=target.span)
        elif not animate:
            # "seized these firearms", "supported independence": no actor on the receiving end.
            return Side(inanimate=True)
        elif domestic and len(countries) == 1:
            code = next(iter(countries))
        else:
            code = self.table.locus
        return self._placeholder(target, code)

    def relocate(self, target: Side, source: Side, trigger: Token, domestic: bool) -> Side:
        """A group whose country was only the story's main one ("people smugglers") takes the
        event's own country instead: where it happened, else, for domestic kinds of event, the
        source's country ("Turkey sentenced two people smugglers")."""
        ids = []
        for actor_id in target.ids:
            actor = self.table.actors.get(actor_id)
            if actor is None or actor.kind != "group" or not actor.country_inferred or actor.sector is None:
                ids.append(actor_id)
                continue
            countries = self._countries(source.ids)
            code = self._place_of(trigger) or (next(iter(countries)) if domestic and len(countries) == 1 else None)
            if code is None or code == actor.country or code in NON_STATE_CODES:
                # An aid group or the U.N. has no army or police of its own to move the group to.
                ids.append(actor_id)
                continue
            country_name = self.table.actors[code].name if code in self.table.actors else code
            moved = self.table.add(
                WorkingActor(
                    id=f"{code}.{actor.sector}", name=group_name(country_name, actor.sector), country=code,
                    sector=actor.sector, kind="group", origin=actor.origin,
                )
            )  # fmt: skip
            ids.append(moved.id)
        return replace(target, ids=tuple(ids)) if tuple(ids) != target.ids else target

    def _author_of(self, noun: Token, source: Side) -> Side:
        """Who made a plan, call or proposal: the subject of the verb the noun is the object of
        ("the Front had sent the police a plan"), else the subject of an earlier verb of the same
        stem ("Macron called for G7 action ... The call was seconded")."""
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
            side = self.np_side(syntax.subject_of(noun.head))
            if not side.empty and not set(side.ids) & set(source.ids):
                return side
        lemma = noun.lemma_.lower()
        # The act a later sentence condemns is usually the story's lead: look back to its start.
        for token in reversed(self.doc[max(0, noun.sent.start - _AUTHOR_WINDOW) : noun.i]):
            if not _same_stem(token.lemma_.lower(), lemma):
                continue
            if token.pos_ == "VERB":
                side = self.np_side(syntax.subject_of(token))
            elif token.pos_ == "NOUN":
                side = self._modifier_side(token)
                if side.empty and token.dep_ == "dobj":
                    # "gunmen opened fire": the act's doer is the subject of its light verb.
                    side = self.np_side(syntax.subject_of(token.head))
            else:
                continue
            if not side.empty and not set(side.ids) & set(source.ids):
                return replace(side, inferred=("author",))
        return Side()

    def _authority_in(self, sentence: SpacySpan) -> str | None:
        """An actor of the state's coercive or judicial arms named in the sentence."""
        for token in sentence:
            for actor_id in self.table.actor_at(token.i):
                actor = self.table.actors[actor_id]
                if actor.sector in _AUTHORITY_SECTORS and actor.kind in ("group", "organization"):
                    return actor_id
        return None

    def _place_of(self, token: Token) -> str | None:
        """The country of a place named in the phrase's "in/at/near ..." modifiers, or in those
        of the verb the phrase depends on ("is in prison in South Korea")."""
        nodes = [token]
        node = token
        # Up through "dozens of homes in Nigeria" (the place hangs on "dozens"), and down to a
        # verb's object ("torched dozens of homes in Nigeria").
        while node.dep_ in ("prep", "pobj", "attr", "acomp") and node.head != node and len(nodes) < 4:
            node = node.head
            nodes.append(node)
        nodes += [c for c in token.children if c.dep_ == "dobj"]
        for node in nodes:
            for prep in syntax.children(node, "prep"):
                # "the West Bank town of Jenin" names a place by "of".
                of_place = prep.lower_ == "of" and node.lemma_.lower() in LEX.place_nouns
                if prep.lower_ not in ("in", "at", "near", "inside", "across", "outside", "off", "on") and not of_place:
                    continue
                for pobj in syntax.children(prep, "pobj"):
                    for t in pobj.subtree:
                        if t.i in self.table.place_country:
                            return self.table.place_country[t.i]
        return None

    def _placeholder(self, side: Side, country: str | None) -> Side:
        """An actor for a phrase that names no known one, placed in the story's main country."""
        if country is None:
            return Side()
        token = side.unresolved_token
        if token is None:
            actor = self._country_actor(country)
            return Side(ids=(actor.id,), inferred=("locus",))
        name = " ".join(t.text for t in token.subtree if t.dep_ in ("compound", "amod") or t == token) or token.text
        actor = self.table.add(
            WorkingActor(
                id=f"{country}.{slug(token.lemma_)}", name=name, country=country, sector=None, kind="group",
                origin="rule:unnamed", country_inferred=True,
            )
        )  # fmt: skip
        self.table.mention(actor, self.doc[token.i : token.i + 1], "unnamed")
        return Side(ids=(actor.id,), span=side.span, inferred=("locus",))

    def _country_actor(self, code: str) -> WorkingActor:
        existing = self.table.actors.get(code)
        if existing is not None:
            return existing
        return self.table.add(
            WorkingActor(id=code, name=code, country=code, sector=None, kind="state", origin="rule:country")
        )

    def _countries(self, ids: tuple[str, ...]) -> set[str]:
        return {c for c in (self.table.actors[i].country for i in ids if i in self.table.actors) if c}


# How many tokens before its sentence an act's earlier naming is looked for.
_AUTHOR_WINDOW = 400


def _same_stem(a: str, b: str) -> bool:
    """ "seize" and "seizure", "launch" and "launches": one act named by a verb and a noun."""
    if a == b or b in LEX.act_families.get(a, ()):
        return True
    stem = min(len(a), len(b)) - 1
    return stem >= 4 and a[:stem] == b[:stem]


def _animate(token: Token) -> bool:
    """People or groups ("two smugglers", "at least eight", "protesters"), not things."""
    if token.pos_ in ("PROPN", "NUM") or token.ent_type_ in ("PERSON", "NORP", "ORG"):
        return True
    if token.lemma_.lower() in _QUANTITY_NOUNS or token.lower_ in _QUANTITY_NOUNS:
        return True  # "tens of thousands rallied"
    return token.lemma_.lower() in LEX.people_nouns or token.lower_ in LEX.people_nouns


def _complements(verb: Token) -> list[Token]:
    comps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    comps += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ in ("pcomp", "pobj")]
    return comps


def _agentless(trigger: Token) -> bool:
    """A passive with no "by" phrase, or an event noun with no doer: "was arrested", "the killing"."""
    if trigger.pos_ in ("VERB", "AUX"):
        return syntax.is_passive(trigger) and syntax.agent_of(trigger) is None
    return True


_PHRASE_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "case", "quantmod", "nmod", "predet"})


def _np_span(token: Token, text: str) -> Span:
    """The words of a noun phrase up to its head: "Prime Minister Oleksiy Honcharuk's offer",
    without the clauses and prepositional phrases that follow it."""
    first = token
    stack = [token]
    while stack:
        node = stack.pop()
        for child in node.lefts:
            if child.dep_ in _PHRASE_DEPS:
                first = child if child.i < first.i else first
                stack.append(child)
    start, end = first.idx, token.idx + len(token.text)
    return Span(start=start, end=end, text=text[start:end])
