"""Pronouns and nominal references: "he", "its", "the two men", "the minister", "Netanyahu's office".

No coreference model works offline, so these are rules over the parse that cover what news
needs most: the nearest fitting antecedent, preferring the subject of a recent sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsevents.actors.dictionary import NON_STATE_CODES, is_state_code
from newsevents.actors.gazetteer import Gazetteer
from newsevents.actors.table import ActorTable, WorkingActor
from newsevents.lexicon import lexicon

LEX = lexicon()

_OFFICIAL_SECTORS = frozenset({"GOV", "JUD", "COP", "LEG", "MIL", "SPY", "IGO"})
_FEMININE = frozenset({"she", "her", "hers", "herself"})
_EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "happen", "remain", "become", "take", "matter", "mean", "rain"})
_OBJECT_CASE = frozenset({"him", "them"})
# How far back (in sentences) a pronoun looks for its antecedent.
_WINDOW = 4


def resolve_references(
    doc: Doc,
    table: ActorTable,
    inside: Callable[[int], bool],
    gaz: Gazetteer,
    quoted: frozenset[int] = frozenset(),
    country_actor: Callable[[str], WorkingActor] | None = None,
) -> None:
    """Add mentions for pronouns and nominal references whose antecedent can be found.

    ``quoted`` holds the tokens inside quotation marks: the reporter's "he" never points at a
    name inside someone's quote ("... soldiers to our Border," he wrote).
    """
    sentences = list(doc.sents)
    sentence_of = {}
    for number, sentence in enumerate(sentences):
        for token in sentence:
            sentence_of[token.i] = number
    # Genders learnt from earlier pronouns: once "she" is Cengiz, a later "he" is someone else.
    gender: dict[str, str] = {}
    for token in doc:
        if not inside(token.idx) or token.i in table.token_actor or token.i in table.token_group:
            continue
        lower = token.lower_
        if lower in LEX.personal_pronouns and token.pos_ == "PRON":
            this = "f" if lower in _FEMININE else "m"
            skip = quoted if token.i not in quoted else frozenset()

            def fits(a: WorkingActor, this: str = this) -> bool:
                return a.kind == "person" and gender.get(a.id, this) == this

            possessive = token.dep_ == "poss"
            # "González had left because his life was in danger": a possessive points at the
            # nearest person; a subject pronoun at the main subject before it.
            actor = (_nearest(table, token, sentences[sentence_of[token.i]], fits, skip) if possessive else None) or (
                _antecedent(doc, table, token, sentence_of, sentences, fits, skip)
            )
            if actor is not None:
                if not possessive:
                    # Only "he"/"she" teach a gender: "her resignation" may be someone else's.
                    gender.setdefault(actor.id, this)
                table.mention(actor, doc[token.i : token.i + 1], "pronoun")
        elif lower in LEX.plural_pronouns and token.pos_ == "PRON":
            _plural(doc, table, token, sentence_of, sentences)
        elif lower in LEX.relativizers and token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.dep_ == "relcl":
            # "Galstanyan, a senior cleric, who demanded ...": "who" is Galstanyan, and a subject.
            # "Bagrat Galstanyan, a senior cleric from Tavush, who demanded": the parser hangs the
            # clause on "Tavush"; climb through "from" and the apposition to the name.
            antecedent = token.head.head
            named = [c for c in antecedent.children if c.dep_ == "appos" and c.i < token.i and table.actor_at(c.i)]
            if named and not table.actor_at(antecedent.i):
                # "the island's new president, Lai Ching-te, whom it accuses": the name in apposition.
                antecedent = named[-1]
            for _ in range(4):
                if table.actor_at(antecedent.i) or antecedent.dep_ not in ("appos", "pobj", "prep"):
                    break
                antecedent = antecedent.head
            owner = table.actor_at(antecedent.i)
            if len(owner) == 1:
                table.mention(table.actors[owner[0]], doc[token.i : token.i + 1], "pronoun")
        elif lower == "it" and token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ not in _EXPLETIVE_HEADS:
            # "It said", "Japan said it would provide loans": a state or body, never a person;
            # "it is important that ..." and the like are not references at all.
            actor = _antecedent(
                doc, table, token, sentence_of, sentences, lambda a: a.kind in ("organization", "group", "state")
            )
            if actor is not None:
                table.mention(actor, doc[token.i : token.i + 1], "pronoun")
        elif lower in LEX.neuter_pronouns:
            actor = _antecedent(
                doc, table, token, sentence_of, sentences, lambda a: a.kind != "person" and not a.plural
            )
            if actor is not None:
                table.mention(actor, doc[token.i : token.i + 1], "pronoun")
        elif (lower in LEX.pair_nouns and any(c.lower_ in ("two", "both") for c in token.children)) or (
            lower in LEX.party_nouns and any(c.lower_ == "two" for c in token.children)
        ):
            # "the two countries" are the two named last ("a pact between the two countries").
            _pair(doc, table, token)
        elif lower in LEX.party_nouns and country_actor is not None and all_or_both(token):
            _parties(doc, table, token, country_actor)
        elif token.pos_ in ("NOUN", "VERB", "ADJ") and token.i > 0 and _has_the(token):
            _titled_person(doc, table, token)
        if token.lower_ in LEX.owned_groups:
            _owned_group(doc, table, token)


def _nearest(table, token, sentence, fits, skip) -> WorkingActor | None:  # type: ignore[no-untyped-def]
    for t in reversed([t for t in sentence if t.i < token.i]):
        actor_id = table.token_actor.get(t.i)
        if actor_id is not None and t.i not in skip and fits(table.actors[actor_id]):
            return table.actors[actor_id]
    return None


def _has_the(token: Token) -> bool:
    return any(c.lower_ == "the" for c in token.lefts)


def _antecedent(doc, table, token, sentence_of, sentences, fits, skip=frozenset()) -> WorkingActor | None:  # type: ignore[no-untyped-def]
    """The nearest earlier actor that fits, preferring sentence subjects.

    Rank: a subject over any other mention, and the subject of a shallower clause over one
    embedded deeper (reported speech, subordinate clauses); the latest of the best rank wins.
    In 'He said Zelensky is "a model"', a later "he" is He, not Zelensky.
    """
    here = sentence_of.get(token.i, 0)
    for number in range(here, max(-1, here - _WINDOW), -1):
        ranked: list[tuple[int, int, WorkingActor]] = []
        for t in sentences[number]:
            if t.i >= token.i:
                break
            actor_id = table.token_actor.get(t.i)
            if actor_id is None or t.i in skip or not fits(table.actors[actor_id]):
                continue
            ranked.append((_subject_rank(t), t.i, table.actors[actor_id]))
        if number == here and token.lower_ in _OBJECT_CASE:
            # "KGB arrested 33 Russians, claiming them to be mercenaries": an object pronoun is
            # never its own clause's subject; the nearest other mention is.
            others = [r for r in ranked if r[0] == 0]
            if others:
                return others[-1][2]
            continue
        if number == here:
            # In the pronoun's own sentence only a subject is a likely antecedent:
            # "Speaking to Martin Smith of PBS, he said" is not Smith speaking.
            ranked = [r for r in ranked if r[0] > 0]
        if ranked:
            return max(ranked, key=lambda r: (r[0], r[1]))[2]
    return None


def _subject_rank(token: Token) -> int:
    """0 for a non-subject; else higher the closer the subject's clause is to the sentence root."""
    subject = token if token.dep_ in ("nsubj", "nsubjpass") else token.head
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    depth = sum(1 for _ in subject.head.ancestors)
    return max(1, 10 - depth)


def _plural(doc, table, token, sentence_of, sentences) -> None:  # type: ignore[no-untyped-def]
    """'They' is the subjects of a coordination ("Turkey and Libya ... they"), else a plural group,
    an organisation or a state, ranked like any antecedent: in "The spokesperson added, regarding
    Iran's request, they ...", they are the spokesperson's organisation, not Iran."""
    here = sentence_of.get(token.i, 0)
    for number in range(here, max(-1, here - _WINDOW), -1):
        for t in reversed([t for t in sentences[number] if t.i < token.i]):
            conjuncts = [c for c in t.conjuncts if table.actor_at(c.i)]
            if table.actor_at(t.i) and conjuncts and t.dep_ in ("nsubj", "nsubjpass"):
                group = tuple(dict.fromkeys(a for c in (t, *conjuncts) for a in table.actor_at(c.i)))
                if len(group) > 1:
                    table.mention_group(group, doc[token.i : token.i + 1], "pronoun")
                    return
    actor = _antecedent(doc, table, token, sentence_of, sentences, lambda a: a.kind != "person")
    if actor is not None:
        table.mention(actor, doc[token.i : token.i + 1], "pronoun")


def _pair(doc: Doc, table: ActorTable, token: Token) -> None:
    """'The two men': the last two people (or states) mentioned before."""
    seen: list[str] = []
    countries: set[str | None] = set()
    people = token.lower_ in ("men", "women", "leaders", "presidents", "ministers")
    for i in range(token.i - 1, -1, -1):
        actor_id = table.token_actor.get(i)
        if actor_id is None or actor_id in seen:
            continue
        actor = table.actors[actor_id]
        if people != (actor.kind == "person"):
            continue
        if not people and (actor.country in countries or actor.country in NON_STATE_CODES):
            # "The two sides" after "Armenia's government ... Azerbaijani media ... Armenia": two states.
            continue
        countries.add(actor.country)
        seen.append(actor_id)
        if len(seen) == 2:
            start = min(c.i for c in token.subtree)
            table.mention_group(tuple(reversed(seen)), doc[start : token.i + 1], "nominal")
            return


def all_or_both(token: Token) -> bool:
    """ "all parties", "both sides", "the two countries", "the two sides" (not "two countries")."""
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "nummod", "amod")}
    return bool(words & {"all", "both"}) or ("two" in words and "the" in words)


# A second state is a party only when the story names it at least this often relative to the first:
# "urged both sides" in a story about Colombia and the ELN means Colombians on both sides.
_SECOND_PARTY_SHARE = 0.34


def _parties(doc: Doc, table: ActorTable, token: Token, country_actor: Callable[[str], WorkingActor]) -> None:
    """The story's main states, less the clause's own subject (who urges them)."""
    clause = token
    while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
        clause = clause.head
    own = {
        table.actors[a].country
        for c in clause.children
        if c.dep_ in ("nsubj", "nsubjpass")
        for t in c.subtree
        for a in table.actor_at(t.i)
    }
    ranked = [(code, n) for code, n in table.country_counts.most_common() if is_state_code(code) and code not in own]
    if not ranked:
        return
    codes = [ranked[0][0]]
    if len(ranked) > 1 and ranked[1][1] >= _SECOND_PARTY_SHARE * ranked[0][1]:
        codes.append(ranked[1][0])
    ids = tuple(dict.fromkeys(country_actor(code).id for code in codes))
    start = min(c.i for c in token.subtree if c.i <= token.i)
    table.mention_group(ids, doc[start : token.i + 1], "nominal")


def _titled_person(doc: Doc, table: ActorTable, token: Token) -> None:
    """'The minister', 'the prime minister': the last person mentioned with that title;
    'the accused', 'the gunman': the last person mentioned."""
    if token.lower_ in LEX.person_roles and token.tag_ in ("NN", "VBN", "JJ"):
        for i in range(token.i - 1, max(-1, token.i - 200), -1):
            actor_id = table.token_actor.get(i)
            if actor_id is None or table.actors[actor_id].kind != "person":
                continue
            # "the gunman" is not the minister or judge named last.
            if table.actors[actor_id].sector in _OFFICIAL_SECTORS:
                continue
            table.mention(table.actors[actor_id], doc[token.i - 1 : token.i + 1], "nominal")
            return
        return
    phrase = token.lower_
    if token.i > 0 and f"{doc[token.i - 1].lower_} {phrase}" in LEX.person_titles:
        phrase = f"{doc[token.i - 1].lower_} {phrase}"
    if phrase not in LEX.person_titles:
        return
    for i in range(token.i - 1, -1, -1):
        actor_id = table.token_actor.get(i)
        if actor_id is None:
            continue
        actor = table.actors[actor_id]
        if actor.kind == "person" and actor.role and phrase.split()[-1] in actor.role.lower():
            start = min(c.i for c in token.subtree if c.i <= token.i)
            table.mention(actor, doc[start : token.i + 1], "nominal")
            return


def _owned_group(doc: Doc, table: ActorTable, token: Token) -> None:
    """ "Netanyahu's office" acts for Netanyahu."""
    for child in token.children:
        if child.dep_ == "poss":
            owner = table.token_actor.get(child.i)
            if owner is not None and table.actors[owner].kind == "person":
                table.mention(table.actors[owner], doc[token.i : token.i + 1], "nominal")
                return
