"""Reading a clause off the dependency parse: subject, object, voice, negation, modality."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from newsevents.lexicon import lexicon

LEX = lexicon()
_CLIMB_DEPS = frozenset(
    {"xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "prep", "pobj", "dobj", "ccomp", "aux", "appos"}
)


def children(token: Token, *deps: str) -> Iterator[Token]:
    return (c for c in token.children if c.dep_ in deps)


def first_child(token: Token, *deps: str) -> Token | None:
    return next(children(token, *deps), None)


def is_passive(verb: Token) -> bool:
    """Passive voice, including bare participles: "the man arrested on Friday", ", charged with murder"."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return False
    if verb.dep_ in ("acl", "advcl"):
        return True
    # "was arrested and charged": a bare second participle shares the first one's voice.
    return verb.dep_ == "conj" and verb.head != verb and is_passive(verb.head)


def agent_of(verb: Token) -> Token | None:
    agent = first_child(verb, "agent")
    return first_child(agent, "pobj") if agent is not None else None


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("the airstrike that killed")."""
    if token.lower_ in LEX.relativizers and token.head.dep_ == "relcl":
        return token.head.head
    return token


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The doer of ``verb``: its own subject, or the one it shares with the verb it depends on."""
    if depth > 5:
        return None
    subject = nearest_subject(verb)
    if subject is not None:
        return antecedent(subject)
    if is_passive(verb):
        return agent_of(verb)
    head = verb.head
    if head == verb:
        return None
    if verb.dep_ == "xcomp":
        # Object control: "spurred Netanyahu to visit", "urged Iran to release".
        controller = first_child(head, "dobj")
        if controller is not None:
            return controller
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") and head.head != head:
            # "France is ready to contribute": the subject of the copula.
            return subject_of(head.head, depth + 1)
        return subject_of(head, depth + 1)
    if verb.dep_ == "advcl":
        misparsed = _misparsed_subject(verb)
        if misparsed is not None:
            return misparsed
    if verb.dep_ in ("conj", "advcl"):
        return subject_of(head, depth + 1)
    if verb.dep_ == "relcl":
        return head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return subject_of(head.head, depth + 1) if head.head.pos_ in ("VERB", "AUX") else None
    if verb.dep_ == "acl" and not is_passive(verb):
        # "Iran launched missiles targeting US troops": the launcher, not the missiles.
        if head.dep_ in ("dobj", "pobj") and head.pos_ == "NOUN" and head.ent_type_ == "" and head.head.pos_ == "VERB":
            return subject_of(head.head, depth + 1) or head
        return head
    return None


def _misparsed_subject(verb: Token) -> Token | None:
    """ "... after Theresa May stepped down": the small parser often reads the clause's subject as
    the object of "after"; the noun right before the verb, under such a conjunction, is it."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    conjunction = before.head if before.dep_ == "pobj" else None
    if conjunction is not None and conjunction.lower_ in _CLAUSE_CONJUNCTIONS and before.pos_ in ("PROPN", "NOUN"):
        return before
    return None


_CLAUSE_CONJUNCTIONS = frozenset({"after", "before", "until", "since", "when", "as", "once", "while"})


def nearest_subject(verb: Token) -> Token | None:
    """The subject closest to the verb: "(JTA) — President Trump posted" parses with two."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not subjects:
        return None
    before = [s for s in subjects if s.i < verb.i]
    return max(before, key=lambda s: s.i) if before else subjects[0]


def object_of(verb: Token) -> Token | None:
    """What the verb is done to: its object, or its subject when it is passive."""
    if is_passive(verb):
        subject = first_child(verb, "nsubjpass")
        if subject is not None:
            return antecedent(subject)
        if verb.dep_ == "acl":
            return verb.head
        if verb.dep_ in ("advcl", "conj") and verb.head != verb:
            # "Tarrant appeared in court, charged with murder": the head clause's subject.
            return object_of(verb.head) if is_passive(verb.head) else nearest_subject(verb.head)
        return None
    obj = first_child(verb, "dobj")
    if obj is not None:
        return antecedent(obj)
    for conj in children(verb, "conj"):
        # "shuttered and seized the site": the first verb shares the second one's object.
        if conj.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            shared = first_child(conj, "dobj")
            if shared is not None:
                return shared
    if verb.dep_ == "relcl":
        # "the journalist whom police arrested": the object is the modified noun.
        rel = next((c for c in verb.children if c.lower_ in ("whom", "which", "that") and c.dep_ == "dobj"), None)
        if rel is not None:
            return verb.head
    return None


def object_nouns(verb: Token) -> list[Token]:
    """Nouns that can say what a verb deals in: its object, the nouns hanging from the object
    ("50 million euros in aid"), and the objects of its prepositions ("speak by phone")."""
    found: list[Token] = []
    obj = object_of(verb)
    if obj is not None:
        found.append(obj)
        found += [c for c in obj.conjuncts]
        for prep in children(obj, "prep"):
            found += list(children(prep, "pobj"))
        found += [c for c in obj.children if c.dep_ in ("compound", "amod")]
    for prep in children(verb, "prep", "agent", "dative", "prt"):
        found += list(children(prep, "pobj"))
    for comp in children(verb, "xcomp", "acomp", "ccomp", "oprd"):
        found.append(comp)
        found += list(children(comp, "attr", "acomp", "oprd"))
    if obj is not None:
        found += list(children(obj, "oprd", "appos"))
    return found


def prep_objects(token: Token, preps: tuple[str, ...]) -> Iterator[Token]:
    """Objects of the given prepositions attached to ``token`` ("talks with Iran")."""
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            # "met with the IMF, then with President Trump": the second "with" is a conjunct.
            for prep in (child, *child.conjuncts):
                yield from children(prep, "pobj")
        elif child.dep_ in ("prep", "prt", "advmod") and first_child(child, "pobj") is None:
            # Complex prepositions: "pulled out of Jenin", "moved away from the border".
            for inner in children(child, "prep"):
                if inner.lower_ in preps:
                    yield from children(inner, "pobj")


def nested_prep_objects(token: Token, preps: tuple[str, ...], depth: int = 2) -> Iterator[Token]:
    """Objects of the given prepositions on ``token`` or on nouns hanging from it by prepositions."""
    yield from prep_objects(token, preps)
    if depth > 0:
        for prep in children(token, "prep"):
            for pobj in children(prep, "pobj"):
                yield from nested_prep_objects(pobj, preps, depth - 1)


def is_negated(token: Token) -> bool:
    """Negated itself, or the complement of a negated verb ("did not commit to removing")."""
    if _negated_here(token):
        return True
    node = token
    for _ in range(3):
        if node.dep_ not in ("xcomp", "pcomp", "pobj", "prep") or node.head == node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX") and _negated_here(node):
            return True
    return False


def _negated_here(token: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in token.children):
        return True
    if token.dep_ == "xcomp" and token.head.lemma_ in LEX.negating_heads:
        return True
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        # "did not stop and search": the negation spreads to a bare second verb.
        own_aux = any(c.dep_ in ("aux", "auxpass", "nsubj") for c in token.children)
        return not own_aux and any(c.dep_ == "neg" for c in token.head.children)
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return True
    # "No sanctions have been announced", "announced no new measures": the act did not happen.
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in token.children
    )


# Attempts are not here: CAMEO codes an attempted act ("tried to hack") as the act.
_PLAN_NOUNS = frozenset({"plan", "plot", "scheme", "proposal", "idea", "threat", "order", "intention"})


def _planned_infinitive(token: Token) -> bool:
    """ "approved a plan, code-named '...', to kill Lula": however the parser hangs the
    infinitive, a plan noun shortly before it makes it a plan."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    window = token.doc[max(token.sent.start, token.i - 20) : token.i]
    return any(t.lemma_.lower() in _PLAN_NOUNS and t.pos_ == "NOUN" for t in window)


def own_modality(token: Token) -> bool:
    """The trigger itself is under a modal or a condition: "Colombia would ask Venezuela"."""
    return _irrealis_here(token)


def is_hypothetical(token: Token) -> bool:
    """Planned, proposed, conditional, modal, future or asked about: not reported as having happened."""
    if _planned_infinitive(token) or token.sent.text.rstrip().rstrip('"\u201d').endswith("?"):
        return True
    node = token
    for _ in range(6):
        if _irrealis_here(node):
            return True
        head = node.head
        if head == node or node.dep_ not in _CLIMB_DEPS:
            return False
        # "plans to strike", "a plan to strike", "the possibility of talks", "going to attack",
        # "allow the government to extradite" (parsed as a ccomp with "to").
        infinitive = node.dep_ == "ccomp" and (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            # "demanded that Pashinyan resign": what is demanded has not happened.
            or head.lemma_.lower() in LEX.mandative_heads
        )
        if (
            (node.dep_ in ("xcomp", "acl", "pcomp", "pobj", "prep", "dobj") or infinitive)
            and head.lemma_.lower() in LEX.irrealis_heads
            and (node.dep_ != "dobj" or head.pos_ == "NOUN")
            # "going to attack" is future; "went on strike" happened.
            and (head.lemma_ != "go" or head.tag_ == "VBG")
        ):
            return True
        if node.dep_ == "ccomp" and not infinitive:
            return False
        node = head
    return False


def is_conditional(token: Token) -> bool:
    """Inside an "if" or "unless" clause."""
    node = token
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in LEX.condition_marks for c in node.children):
            return True
        if node.head == node:
            return False
        node = node.head
    return False


def expresses_intent(verb: Token) -> bool:
    """An actor says it will do something: "said it would withdraw", "vowed to retaliate"."""
    if is_passive(verb) or any(c.dep_ == "mark" and c.lower_ in LEX.condition_marks for c in verb.children):
        return False
    if verb.sent.text.rstrip().rstrip('"\u201d').endswith("?"):
        return False  # "Would Turkey send troops?" asks; it announces nothing
    node = verb
    if node.dep_ == "conj" and not any(c.dep_ in ("aux", "nsubj") for c in node.children):
        node = node.head
    if any(c.dep_ == "aux" and c.lower_ in LEX.intent_modals for c in node.children):
        return True
    head = node.head
    if node.dep_ != "xcomp" or head == node or head.lemma_.lower() in LEX.own_pattern_heads:
        return False
    # Subject control only: "Iran plans to strike", not "urged Iran to strike".
    return head.lemma_.lower() in LEX.intent_heads and first_child(head, "dobj") is None


def _irrealis_here(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in LEX.modals:
            return True
        if child.dep_ == "mark" and child.lower_ in LEX.condition_marks:
            return True
        if (
            child.dep_ == "aux"
            and child.lower_ == "to"
            and token.dep_ in ("ccomp", "ROOT")
            and token.head.lemma_ == "be"
        ):
            return True
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in LEX.condition_marks for c in token.children)


def clause_tokens(token: Token) -> list[Token]:
    return sorted(token.subtree, key=lambda t: t.i)
