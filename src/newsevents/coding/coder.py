"""The rule-based PLOVER coder: patterns over the dependency parse, sentence by sentence.

For every body sentence, triggers (verbs, nouns, fixed phrases) are looked up in the pattern
index; each match is read off the parse into a source, a target, negation and modality; sides
the sentence leaves unnamed are filled from context (the speaker of a quote, the story's main
country) and the event says so in ``inferred``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.actors.table import ActorTable
from newsevents.coding import syntax
from newsevents.coding.ontology import Ontology, load_ontology
from newsevents.coding.patterns import DOMESTIC_BY_DEFAULT, Pattern, PatternIndex
from newsevents.coding.sides import QUOTE_PARTNER_WINDOW, Side, SideResolver
from newsevents.lexicon import lexicon
from newsevents.records import UNDIRECTED_CATEGORIES, Article, DateRef, Event, Quote, Span

LEX = lexicon()

CODER_NAME = "rules.plover.v1"

# Categories whose target, when the sentence names none, is the actor the story was just
# talking about: a refusal answers someone, thanks go to someone.
_PARTNER_FALLBACK = frozenset({"REJECT", "CONCEDE", "SUPPORT", "THREATEN"})
# An announced intention to act is a promise (cooperative acts) or a threat (hostile ones).
_INTENT_CATEGORY: dict[str, tuple[str, str]] = {
    **{c: ("AGREE", "030") for c in ("CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT")},
    **{c: ("THREATEN", "130") for c in ("SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST")},
}
# Refusing or granting "funding", "the request": the answer goes to whoever asked.
_ANSWERS = frozenset({"REJECT", "CONCEDE"})
_FACING = frozenset({"MOBILIZE"})
_HOME_FORCE = frozenset({"153"})
# "X and Y are on the same side": a compound subject with no object acts on itself, pairwise.
_MUTUAL_CATEGORIES = UNDIRECTED_CATEGORIES | {"SUPPORT"}


@dataclass
class _Candidate:
    pattern: Pattern
    trigger: Token
    phrase: SpacySpan | None = None


class RuleCoder:
    """Codes events from a parsed article with the shipped (and the user's) patterns."""

    name = CODER_NAME

    def __init__(self, patterns: PatternIndex, nlp: Language, ontology: Ontology | None = None) -> None:
        self.patterns = patterns
        self.ontology = ontology or load_ontology()
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._phrase_patterns: dict[str, Pattern] = {}
        for pattern in patterns.phrases:
            self._phrase_patterns[pattern.id] = pattern
            self.phrase_matcher.add(pattern.id, [nlp.make_doc(p) for p in pattern.phrases])

    def code(
        self, doc: Doc, article: Article, table: ActorTable, quotes: list[Quote], dates: list[DateRef]
    ) -> list[Event]:
        sides = SideResolver(doc, article.text, table, quotes)
        body = [(p.start, p.end) for p in article.paragraphs if p.role == "body"]
        phrase_hits = self._phrase_hits(doc)
        events: list[Event] = []
        seen: set[tuple] = set()
        for sentence in doc.sents:
            if not any(s <= sentence.start_char < e for s, e in body):
                continue
            for candidate in self._candidates(sentence, phrase_hits):
                for event in self._events(candidate, sentence, sides, dates, article):
                    key = (event.category, event.source, event.target, event.trigger.start)
                    if key not in seen:
                        seen.add(key)
                        events.append(event)
        return events

    # -- triggers --------------------------------------------------------------------------

    def _phrase_hits(self, doc: Doc) -> dict[int, list[tuple[Pattern, SpacySpan]]]:
        hits: dict[int, list[tuple[Pattern, SpacySpan]]] = {}
        for match_id, start, end in self.phrase_matcher(doc):
            span = doc[start:end]
            pattern = self._phrase_patterns[doc.vocab.strings[match_id]]
            hits.setdefault(span.root.i, []).append((pattern, span))
        return hits

    def _candidates(self, sentence: SpacySpan, phrase_hits) -> list[_Candidate]:  # type: ignore[no-untyped-def]
        found: list[_Candidate] = []
        for token in sentence:
            if token.ent_type_ in ("DATE", "TIME"):
                # "on March 20" is a date, not a march.
                continue
            options: list[_Candidate] = []
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
                options += [_Candidate(p, token) for p in self.patterns.by_verb.get(lemma, ()) if _verb_fits(p, token)]
            if token.pos_ in ("NOUN", "PROPN"):
                for key in dict.fromkeys((lemma, token.lower_)):
                    options += [
                        _Candidate(p, token) for p in self.patterns.by_noun.get(key, ()) if _noun_fits(p, token)
                    ]
            for pattern, span in phrase_hits.get(token.i, ()):
                options.append(_Candidate(pattern, token, span))
            if options:
                best = max(_specificity(c) for c in options)
                found += [c for c in options if _specificity(c) == best]
        return found

    # -- from a trigger to events ----------------------------------------------------------

    def _events(self, cand: _Candidate, sentence: SpacySpan, sides: SideResolver, dates, article) -> list[Event]:  # type: ignore[no-untyped-def]
        pattern, trigger = cand.pattern, cand.trigger
        negated = syntax.is_negated(trigger)
        if pattern.negation == "require":
            if not negated and not _negated_head(trigger):
                return []
            negated = False
        clause_verb = _clause_verb(trigger) if trigger.pos_ in ("NOUN", "PROPN") or cand.phrase is not None else trigger
        if clause_verb is not None and not sides.same_quote(trigger, clause_verb):
            # Words in a quote are their own statement: the reporter's "has not sent" does not negate them.
            clause_verb = None
        if clause_verb is not None and clause_verb != trigger and syntax.is_negated(clause_verb):
            negated = negated or pattern.negation != "require"
        governor = clause_verb.lemma_.lower() if clause_verb is not None and clause_verb != trigger else None
        if governor in LEX.negating_heads and governor not in pattern.light_verbs:
            # "boycotted the talks", "suspended negotiations": the talks are not held (but
            # "boycotted the vote" is itself a protest when the pattern says so).
            negated = True
        hypothetical = pattern.modality == "flag" and (
            syntax.is_hypothetical(trigger) or (clause_verb is not None and syntax.is_hypothetical(clause_verb))
        )
        if (
            pattern.modality == "flag"
            and trigger.dep_ in ("nsubj", "nsubjpass")
            and trigger.head.lemma_.lower() in LEX.irrealis_heads
            and any(c.dep_ == "xcomp" for c in trigger.head.children)
        ):
            # "Talks are expected to resume", "a ceasefire is due to take effect": not yet.
            hypothetical = True
        if pattern.modality == "ignore" and trigger.pos_ in ("VERB", "AUX") and cand.phrase is None:
            # A threat or a demand is about the future by nature, but "would ask" is not yet asked.
            hypothetical = syntax.own_modality(trigger)
        if pattern.negation == "require" and hypothetical and not syntax.is_conditional(trigger):
            # "would not consider requests", "will not meet their demands": a refusal said now.
            hypothetical = False
        if trigger.dep_ == "amod" or (pattern.category in ("ACCUSE", "AID") and trigger.dep_ == "acl"):
            # "alleged hush money", "people accused of crimes", "approached Khan armed with a
            # fire extinguisher": a participle describing a noun reports no act.
            return []
        source, target = sides.sides(cand.pattern, trigger, cand.phrase, clause_verb)
        source = sides.fill_source(source, trigger, pattern)
        if len(target.ids) > 1 and (source.empty or source.inferred) and "between" in pattern.target_preps:
            # "A ceasefire between Israel and Hezbollah took effect", "followed a call between
            # Sheinbaum and Trump": the pair acts on each other.
            if pattern.reciprocal:
                source = replace(target, inferred=())
            elif pattern.category in UNDIRECTED_CATEGORIES:
                source, target = replace(target, inferred=()), Side()
        if source.empty:
            return []
        if pattern.reciprocal and len(source.ids) > 1:
            members = source.split()
            pairs = [(a, b) for a in members for b in members if a.ids != b.ids]
            return [
                self._event(pattern, trigger, sentence, a, b, negated, hypothetical, dates, article, cand)
                for a, b in pairs
            ]
        domestic = pattern.domestic if pattern.domestic is not None else pattern.category in DOMESTIC_BY_DEFAULT
        had_phrase = target.unresolved_token is not None
        target = sides.resolve_unresolved_target(target, source, domestic, trigger, pattern.category)
        if pattern.category in UNDIRECTED_CATEGORIES and source.inferred and len(target.ids) > 1:
            # "an agreement signed between Turkey and Libya": the parties are the named pair.
            source, target = target, Side()
        target = _without(target, source)
        if target.ids and set(target.ids) == set(source.ids) and _own_thing(target):
            # "Orbán dropped his veto": the object is the source's own; whom it concerns is found below.
            target = Side()
        target = sides.relocate(target, source, trigger, domestic)
        mutual = len(source.ids) > 1 and pattern.category in _MUTUAL_CATEGORIES and not had_phrase
        # "called for his death to be investigated": a demand on whoever must act, at home.
        demand = pattern.category == "REQUEST" and target.inanimate
        if target.inanimate and pattern.category not in _ANSWERS and not demand:
            return []
        if target.empty and not mutual:
            if (domestic and (_intransitive(trigger) or demand)) or (source.inferred and pattern.category in _ANSWERS):
                target = sides.domestic_target(source, trigger)
            elif pattern.category in _PARTNER_FALLBACK or target.inanimate or pattern.source == "speaker":
                # A refusal, thanks or a judgement in a quote ("a propaganda stunt") answers the
                # actor the story was just about.
                window = QUOTE_PARTNER_WINDOW if pattern.source == "speaker" else 2
                target = sides.partner(source, sentence, trigger, window)
            elif pattern.category in _FACING:
                # "Japan scrambled fighter jets" after a Chinese plane entered its airspace: a
                # show of force faces the actor the story was just about, else is a move at home;
                # police power (CAMEO 153, "strengthened security measures") is always at home.
                if pattern.cameo not in _HOME_FORCE:
                    target = sides.partner(source, sentence, trigger, 2)
                if target.empty:
                    target = sides.domestic_target(source, trigger)
        pairs = _pairs(pattern.category, source, target)
        # "said they would boycott", "plans to impose restrictions": the plan is not an event,
        # but announcing it is one, a threat or a promise (PLOVER's THREATEN and AGREE).
        intent = _INTENT_CATEGORY.get(pattern.category) if hypothetical and not negated else None
        if intent and not syntax.expresses_intent(clause_verb or trigger):
            intent = None
        events = []
        for src, tgt in pairs:
            if src.ids and tgt.ids and set(src.ids) == set(tgt.ids) and "domestic" not in tgt.inferred:
                continue
            events.append(
                self._event(pattern, trigger, sentence, src, tgt, negated, hypothetical, dates, article, cand)
            )
            if intent:
                events.append(
                    self._event(pattern, trigger, sentence, src, tgt, negated, False, dates, article, cand, intent)
                )
        return events

    def _event(
        self,
        pattern,
        trigger,
        sentence,
        src: Side,
        tgt: Side,
        negated,
        hypothetical,
        dates,
        article,
        cand,
        intent: tuple[str, str] | None = None,
    ) -> Event:  # type: ignore[no-untyped-def]
        trigger_span = cand.phrase if cand.phrase is not None else trigger.doc[trigger.i : trigger.i + 1]
        evidence = _sentence_span(sentence)
        inferred = tuple(sorted(set(src.inferred + tgt.inferred)))
        confidence = pattern.confidence * (0.8 if inferred else 1.0) * (0.8 if intent else 1.0)
        category, cameo = intent or (
            pattern.category,
            pattern.cameo or self.ontology.categories[pattern.category].cameo,
        )
        rule = pattern.id + ("+intent" if intent else "")
        key = f"{article.id}|{trigger_span.start_char}|{rule}|{src.ids}|{tgt.ids}"
        return Event(
            id="e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
            category=category,
            cameo=cameo,
            mode=(pattern.mode or self.ontology.cameo_modes.get(cameo)) if not intent else None,
            context=self.ontology.cameo_contexts.get(cameo, ()),
            source=_ref(src.ids),
            target=_ref(tgt.ids),
            source_span=src.span,
            target_span=tgt.span,
            evidence=evidence,
            trigger=Span(start=trigger_span.start_char, end=trigger_span.end_char, text=trigger_span.text),
            negated=negated,
            hypothetical=hypothetical,
            date=_nearest_date(dates, sentence, trigger_span.start_char),
            confidence=round(confidence, 2),
            rule=rule,
            coder=CODER_NAME,
            goldstein=self.ontology.goldstein(category, cameo),
            quad_class=self.ontology.quad_class(category),
            inferred=inferred,
        )


def _intransitive(trigger: Token) -> bool:
    """No object that names a thing: "police arrested 12" or "protesters marched" may be domestic,
    "officers were seeking a bomb" is not an event against anyone."""
    obj = syntax.object_of(trigger) if trigger.pos_ in ("VERB", "AUX") else None
    return obj is None or obj.pos_ in ("PROPN", "NUM", "PRON") or obj.lemma_.lower() in lexicon().people_nouns


_POSSESSIVES = frozenset({"his", "her", "its", "their", "own", "himself", "herself", "itself", "themselves"})


def _own_thing(target: Side) -> bool:
    """ "his veto", "its own demands", "blew themselves up": the source's own, so whom the act
    concerns is still to be found."""
    if target.span is None:
        return False
    return target.span.text.split(" ", 1)[0].lower() in _POSSESSIVES


def _sentence_span(sentence: SpacySpan) -> Span:
    """The sentence without the line breaks spaCy keeps at its end."""
    text = sentence.text.rstrip()
    return Span(start=sentence.start_char, end=sentence.start_char + len(text), text=text)


def _without(target: Side, source: Side) -> Side:
    """A compound target less the members that are also the source ("Turkey and Libya signed ...
    with Turkey" is not Turkey agreeing with itself)."""
    if len(source.ids) < 2 or not set(target.ids) & set(source.ids):
        return target
    kept = tuple(i for i in target.ids if i not in source.ids)
    return replace(target, ids=kept)


def _specificity(candidate: _Candidate) -> int:
    # A fixed phrase ("thank you") says more than the bare verb it contains.
    return candidate.pattern.specificity + (3 if candidate.phrase is not None else 0)


def _ref(ids: tuple[str, ...]) -> str | tuple[str, ...] | None:
    if not ids:
        return None
    return ids[0] if len(ids) == 1 else ids


def _pairs(category: str, source: Side, target: Side) -> list[tuple[Side, Side]]:
    """Events between the members of one compound side ("Turkey and Libya signed") become pairs."""
    if target.empty and len(source.ids) > 1 and category in _MUTUAL_CATEGORIES:
        members = source.split()
        pairs = [(a, b) for n, a in enumerate(members) for b in members[n + 1 :]]
        if category not in UNDIRECTED_CATEGORIES:
            pairs += [(b, a) for a, b in pairs]
        return pairs
    if target.empty:
        return []
    return [(source, target)]


def _verb_fits(pattern: Pattern, verb: Token) -> bool:
    if pattern.bare and any(c.dep_ in ("dobj", "oprd") for c in verb.children):
        return False
    # "pulled out of the town" is often parsed with "out" as a preposition: take it as the particle.
    if pattern.particles and not any(
        c.dep_ in ("prt", "prep") and c.lower_ in pattern.particles for c in verb.children
    ):
        return False
    if pattern.preps and not any(
        c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ in pattern.preps for c in verb.children
    ):
        return False
    if pattern.complements:
        comps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "pcomp")]
        comps += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
        if "**" in pattern.complements:
            pass  # any clause: "acknowledged (that) its forces had shot down the jet"
        elif "*" in pattern.complements:
            # Any verb, but as an infinitive or gerund ("urged Iran to release"), not "told X that".
            comps = [c for c in comps if c.dep_ != "ccomp" or any(a.lower_ == "to" for a in c.children)]
        elif comps:
            comps = [c for c in comps if c.lemma_ in pattern.complements]
        if not comps:
            return False
    if pattern.complement_modals and not any(
        c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in pattern.complement_modals for a in c.children)
        for c in verb.children
    ):
        return False
    if pattern.forward_only and not _forward_warning(verb):
        return False
    if not pattern.objects:
        return True
    return any(
        (o.lemma_.lower() in pattern.objects or o.lower_ in pattern.objects) and not _press_inquiry(o)
        for o in syntax.object_nouns(verb)
    )


def _press_inquiry(noun: Token) -> bool:
    """ "did not respond to requests for comment": the reporter's question, not a demand."""
    return any(p.lower_ == "for" and any(o.lemma_ == "comment" for o in p.children) for p in noun.children)


_FORWARD_AUX = frozenset({"will", "would", "could", "might", "may", "can", "shall", "must", "'ll", "wo", "ca"})


def _forward_warning(verb: Token) -> bool:
    """The warning names an addressee, a consequence to come, or (with no clause) something the
    warner will do; a clause in the indicative or "warned of/about X" only describes."""
    if any(c.dep_ == "prep" and c.lower_ in ("of", "about") for c in verb.children):
        # "warned people about the outbreak": of a danger, not a threat (consequences are their own rule).
        return False
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return True
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        return any(
            (a.dep_ == "aux" and a.lower_ in _FORWARD_AUX) or a.lower_ == "going" for c in clauses for a in c.children
        )
    return True


def _noun_fits(pattern: Pattern, noun: Token) -> bool:
    if pattern.preps and not any(c.dep_ == "prep" and c.lower_ in pattern.preps for c in noun.children):
        return False
    if pattern.objects:
        objs = list(syntax.prep_objects(noun, pattern.preps or ("for", "of", "on")))
        if not any(o.lemma_.lower() in pattern.objects for o in objs):
            return False
    if not pattern.light_verbs:
        return True
    governor = _clause_verb(noun)
    if governor is None or governor.lemma_.lower() not in pattern.light_verbs:
        return False
    # The noun must be what the light verb acts on, not something nested in it ("a readout of the call").
    return (
        noun.head == governor
        or (noun.head.dep_ in ("prep", "agent") and noun.head.head == governor)
        or (noun.dep_ == "conj" and noun.head.head == governor)
    )


def _clause_verb(token: Token) -> Token | None:
    """The verb a noun or phrase hangs from: "imposed a tariff", "in a bid for", "talks were held"."""
    node = token
    for _ in range(4):
        head = node.head
        if head == node:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if node.dep_ in ("pobj", "prep", "compound", "conj", "appos", "attr", "acomp", "dobj", "npadvmod"):
            node = head
            continue
        return None
    return None


def _negated_head(token: Token) -> bool:
    head = token.head
    return head != token and token.dep_ in ("xcomp", "pcomp", "pobj", "prep") and syntax.is_negated(head)


def _nearest_date(dates: list[DateRef], sentence: SpacySpan, at: int) -> DateRef | None:
    inside = [d for d in dates if sentence.start_char <= d.start < sentence.end_char]
    if not inside:
        return None
    return min(inside, key=lambda d: abs(d.start - at))
