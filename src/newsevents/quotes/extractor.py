"""Direct quotes with their speaker and channel, and the sources a story cites.

A quote is a stretch between quotation marks in a body paragraph (straight or curly; a
paragraph that opens a quote and does not close it continues into the next, as newspapers
write long quotes). Its speaker is the subject of the nearest attribution verb outside the
marks ("he said", "said Becerra", "calling it"), through the pronoun resolution of the actor
stage; a paragraph that is only a quote continues the previous speaker. Scare quotes (one
word, or a quoted phrase modifying a noun) are not quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from newsevents.actors.table import ActorTable
from newsevents.coding import syntax
from newsevents.lexicon import lexicon
from newsevents.nlp.quotemarks import quoted_spans
from newsevents.records import Article, Quote, SourceCited, Span
from newsevents.yamlio import load_yaml

COMPONENT = "quotes.rules.v1"


@dataclass(frozen=True)
class _Channel:
    pattern: re.Pattern[str]
    label: str
    require_media: bool


@dataclass(frozen=True)
class SpeechLexicon:
    verbs: frozenset[str]
    channels: tuple[_Channel, ...]
    according_to: tuple[str, ...]
    reporting_verbs: frozenset[str]
    hedges: frozenset[str]
    verb_channels: dict[str, str]
    document_nouns: frozenset[str]
    unnamed_sources: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> SpeechLexicon:
    raw = load_yaml((resources.files("newsevents.quotes") / "data" / "speech.yaml").read_text("utf-8"))
    channels = tuple(
        _Channel(
            re.compile(item["pattern"], 0 if item.get("case_sensitive") else re.IGNORECASE),
            item["channel"],
            bool(item.get("require_media")),
        )
        for item in raw["channels"]
    )
    return SpeechLexicon(
        verbs=frozenset(raw["speech_verbs"]),
        channels=channels,
        according_to=tuple(raw["according_to"]),
        reporting_verbs=frozenset(raw["reporting_verbs"]),
        hedges=frozenset(raw["hedges"]),
        verb_channels=dict(raw["verb_channels"]),
        document_nouns=frozenset(raw["document_nouns"]),
        unnamed_sources=frozenset(raw["unnamed_sources"]),
    )


class QuoteExtractor:
    """Finds quotes and cited sources in a parsed article."""

    def __init__(self, lexicon: SpeechLexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()

    def extract(self, doc: Doc, article: Article, table: ActorTable) -> tuple[list[Quote], list[SourceCited]]:
        body = [(p.start, p.end) for p in article.paragraphs if p.role == "body"]
        spans = quoted_spans(article.text, body)
        inside_quote = _char_mask(len(article.text), spans)
        quotes: list[Quote] = []
        previous: Quote | None = None
        for start, end in spans:
            quote = self._quote(doc, article, table, start, end, inside_quote, previous)
            if quote is not None:
                quotes.append(quote)
                previous = quote
        return quotes, self._sources(doc, article, table, inside_quote, quotes)

    def _quote(self, doc, article, table, start, end, inside_quote, previous) -> Quote | None:  # type: ignore[no-untyped-def]
        text = article.text[start:end].strip()
        words = re.findall(r"[\w’'-]+", text)
        # A quote closed by its own comma or full stop is speech, whatever word follows:
        # '"...," government spokeswoman Yolande Makolo wrote' is not a scare-quoted label.
        if len(words) < 2 or (not text.endswith((",", ".", "!", "?")) and self._is_scare(doc, end)):
            return None
        paragraph = next(p for p in article.paragraphs if p.start <= start < p.end)
        verb = _colon_verb(doc, article.text, start, paragraph.start) or self._attribution_verb(
            doc, article.text, start, end, paragraph, inside_quote
        )
        speaker_id = speaker_name = None
        speaker_span = channel = channel_span = None
        if verb is not None:
            subject = _speaker_token(verb, table)
            if subject is not None:
                speaker_id, speaker_name, speaker_span = _speaker(doc, table, subject)
            channel, channel_span = self._find_channel(doc, article, table, verb, subject, speaker_id, inside_quote)
        elif previous is not None and _only_quote(article.text, paragraph, start, end):
            speaker_id, speaker_name = previous.speaker, previous.speaker_name
            channel = previous.channel
        same_occasion = previous is not None and speaker_name and previous.speaker_name == speaker_name
        if channel is None and same_occasion and previous.start >= _previous_paragraph_start(article, paragraph):
            # 'Hook said at a press conference, "..." He added, "..."': the same occasion.
            channel, channel_span = previous.channel, previous.channel_span
        if speaker_name is None and len(words) < 5:
            return None
        lead = len(article.text[start:end]) - len(article.text[start:end].lstrip())
        q_start = start + lead
        q_end = q_start + len(text)
        return Quote(
            id=f"q{q_start}",
            text=text,
            start=q_start,
            end=q_end,
            speaker=speaker_id,
            speaker_name=speaker_name,
            speaker_span=speaker_span,
            channel=channel,
            channel_span=channel_span,
            verb=verb.lemma_ if verb is not None else None,
            partial=_is_partial(article.text, paragraph.start, start, end),
            component=COMPONENT,
        )

    def _find_channel(self, doc, article, table, verb, subject, speaker_id, inside_quote):  # type: ignore[no-untyped-def]
        """The channel named around the attribution, implied by its verb or subject, or named in
        the speaker's previous sentence."""
        channel, span = self._channel(doc, article, table, verb, inside_quote)
        if channel is None:
            channel, span = self._implied_channel(doc, verb, subject)
        if channel is None and speaker_id is not None:
            channel, span = self._previous_sentence_channel(doc, article, table, verb, speaker_id, inside_quote)
        return channel, span

    def _is_scare(self, doc: Doc, end: int) -> bool:
        """A quoted phrase followed at once by the noun it modifies: their "fringe country" status."""
        after = doc.char_span(end + 1, end + 1, alignment_mode="expand")
        token = _token_at(doc, end + 1)
        del after
        return token is not None and token.pos_ in ("NOUN",) and token.dep_ not in ("nsubj", "dobj")

    def _attribution_verb(self, doc, text, start, end, paragraph, inside_quote) -> Token | None:  # type: ignore[no-untyped-def]
        """The speech verb nearest to the quote, outside any quote, in its paragraph.

        A verb across a full stop from the quote counts as far away: in '..., Hook said, "A." He
        added, "B."' the first quote is Hook's "said", not the next sentence's "added".
        """
        best: tuple[tuple[bool, int], Token] | None = None
        span = doc.char_span(paragraph.start, paragraph.end, alignment_mode="expand")
        for token in span if span is not None else doc:
            if inside_quote[token.idx] or not self._is_speech(token):
                continue
            low, high = (token.idx, start - 1) if token.idx < start else (end + 1, token.idx)
            outside = "".join(text[k] for k in range(low, high) if not inside_quote[k])
            # A quote that ends its sentence ("... imagination.") is cut off from what follows.
            ended = token.idx > end and text[start:end].rstrip().endswith((".", "!", "?"))
            rank = (ended or bool(re.search(r"[.!?]\s", outside)), high - low)
            if best is None or rank < best[0]:
                best = (rank, token)
        return best[1] if best else None

    def _is_speech(self, token: Token) -> bool:
        if token.pos_ not in ("VERB", "AUX") and token.lower_ != "according":
            return False
        if any(c.dep_ in ("prt", "xcomp") for c in token.children):
            # "ruled out", "called off", "would continue to play": not saying anything.
            return False
        return token.lemma_.lower() in self.lex.verbs or token.lower_ == "according"

    def _channel(self, doc, article, table, verb, inside_quote) -> tuple[str | None, Span | None]:  # type: ignore[no-untyped-def]
        sentence = verb.sent
        # Only the reporter's words around the verb, not the quote itself.
        pieces = [(t.idx, t.idx + len(t.text)) for t in sentence if not inside_quote[t.idx]]
        if not pieces:
            return None, None
        s_start, s_end = pieces[0][0], pieces[-1][1]
        clause = "".join(
            ch if not inside_quote[s_start + k] else " " for k, ch in enumerate(article.text[s_start:s_end])
        )
        for channel in self.lex.channels:
            m = channel.pattern.search(clause)
            if not m:
                continue
            label = channel.label
            for n, group in enumerate(m.groups(), 1):
                label = label.replace(f"{{{n}}}", group or "")
            if channel.require_media and not _names_media(table, s_start + m.start(1), s_start + m.end(1), label):
                media = _media_in(table, s_start, s_end)
                if media is None:
                    continue
                label = media
            label = re.sub(r"^the\s+", "", label.strip(), flags=re.IGNORECASE)
            # "a {1}" filled with "interview" reads "an interview".
            label = _with_article(label)
            if label.endswith(".") and "." not in label.rsplit(" ", 1)[-1][:-1]:
                # The sentence's full stop, not an abbreviation's ("U.S.").
                label = label[:-1]
            return label, Span(start=s_start + m.start(), end=s_start + m.end(), text=m.group(0))
        return None, None

    def _previous_sentence_channel(self, doc, article, table, verb, speaker_id, inside_quote):  # type: ignore[no-untyped-def]
        """'Ardern said at a press conference the laws should change. She said, "..."': the
        occasion named in the speaker's previous sentence."""
        sentence = verb.sent
        if sentence.start == 0:
            return None, None
        previous = doc[sentence.start - 1].sent
        if "\n" in article.text[previous.end_char - 1 : sentence.start_char]:
            return None, None
        root = previous.root
        subject = _speaker_token(root, table) if self._is_speech(root) else None
        if subject is None or speaker_id not in {a for t in subject.subtree for a in table.actor_at(t.i)}:
            return None, None
        return self._channel(doc, article, table, root, inside_quote)

    def _implied_channel(self, doc: Doc, verb: Token, subject: Token | None) -> tuple[str | None, Span | None]:
        """A channel the verb or its subject names: "the court ruled" (a ruling), "the
        summary of the decision read" (the summary of the decision)."""
        if verb.lemma_ in self.lex.verb_channels:
            return self.lex.verb_channels[verb.lemma_], Span(
                start=verb.idx, end=verb.idx + len(verb.text), text=verb.text
            )
        if subject is None and verb.dep_ == "acl":
            # "The summary of the decision read: ..." parses "read" as a modifier of "decision".
            subject = verb.head
            while subject.dep_ == "pobj" and subject.head.dep_ == "prep":
                subject = subject.head.head
        if subject is not None and subject.lemma_.lower() in self.lex.document_nouns:
            tokens = sorted((t for t in subject.subtree if t.i < verb.i), key=lambda t: t.i) or [subject]
            phrase = doc[tokens[0].i : tokens[-1].i + 1]
            return phrase.text, Span(start=phrase.start_char, end=phrase.end_char, text=phrase.text)
        return None, None

    def _sources(self, doc, article, table, inside_quote, quotes) -> list[SourceCited]:  # type: ignore[no-untyped-def]
        found: list[SourceCited] = []
        for paragraph in article.paragraphs:
            span = doc.char_span(paragraph.start, paragraph.end, alignment_mode="expand")
            if paragraph.role == "body" and span is not None:
                found += self._sources_in(span, table, inside_quote)
        for quote in quotes:
            if quote.channel:
                span = quote.channel_span
                found.append(
                    SourceCited(name=quote.channel, start=span.start if span else quote.start,
                                end=span.end if span else quote.end, kind="channel", actor=quote.speaker)
                )  # fmt: skip
        return found

    def _sources_in(self, span, table, inside_quote) -> list[SourceCited]:  # type: ignore[no-untyped-def]
        doc = span.doc
        found: list[SourceCited] = []
        for token in span:
            if inside_quote[token.idx]:
                continue
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                pobj = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    found.append(_cited(doc, table, pobj, "according_to"))
            elif token.lower_ in self.lex.hedges:
                found.append(
                    SourceCited(name=token.text, start=token.idx, end=token.idx + len(token.text), kind="reportedly")
                )
            elif token.lemma_ in self.lex.reporting_verbs and token.pos_ == "VERB":
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    found.append(_cited(doc, table, subject, "reported"))
            elif token.lemma_ in ("say", "tell") and token.pos_ == "VERB":
                # "officials said", "two diplomats told Reuters": unnamed sources behind a claim.
                subject = syntax.nearest_subject(token)
                if subject is not None and subject.lemma_.lower() in self.lex.unnamed_sources:
                    found.append(_cited(doc, table, subject, "said"))
        return found


def _char_mask(length: int, spans: list[tuple[int, int]]) -> list[bool]:
    mask = [False] * (length + 1)
    for start, end in spans:
        for i in range(max(0, start - 1), min(length, end + 1)):
            mask[i] = True
    return mask


def _token_at(doc: Doc, char: int) -> Token | None:
    """The token starting at ``char`` or one character later (after a space), if any."""
    # doc.text rebuilds the whole text on every call: the last token's end is the same length.
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    span = doc.char_span(char, min(char + 2, length), alignment_mode="expand")
    if span is None:
        return None
    return next((t for t in span if t.idx >= char and not t.is_space), None)


def _colon_verb(doc: Doc, text: str, start: int, paragraph_start: int) -> Token | None:
    """The verb of a clause that introduces the quote with a colon: "Bolsonaro opposed it: '...'"."""
    before = text[paragraph_start : max(paragraph_start, start - 1)].rstrip()
    if not before.endswith(":"):
        return None
    colon = _token_at(doc, paragraph_start + len(before) - 1)
    if colon is None or colon.i == 0:
        return None
    # The top-most verb of the words before the colon (the parse may hang the colon on the quote).
    node, verb = doc[colon.i - 1], None
    while True:
        if node.pos_ in ("VERB", "AUX"):
            verb = node
        if node.head == node or node.head.i > colon.i:
            return verb
        node = node.head


def _speaker_token(verb: Token, table: ActorTable) -> Token | None:
    """The subject of a speech verb, climbing through "adding", "calling it" and the like.

    Climbing stops at the first subject that names an actor; a subject that names none ("the
    trial would not be impartial, saying ...") is kept only if nothing better is found.
    """
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        target = to if to is not None else verb
        return next((c for c in target.children if c.dep_ == "pobj"), None)
    node: Token = verb
    first: Token | None = None
    for _ in range(4):
        subject = syntax.nearest_subject(node) or syntax.first_child(node, "nsubjpass")
        if subject is not None:
            if any(table.actor_at(t.i) for t in subject.subtree):
                return subject
            first = first or subject
        if node.dep_ in ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl", "parataxis") and node.head != node:
            node = node.head
        else:
            break
    return first


def _speaker(doc: Doc, table: ActorTable, subject: Token) -> tuple[str | None, str | None, Span | None]:
    """The speaker's actor id, name and the words naming them."""
    tokens = sorted(subject.subtree, key=lambda t: t.i)
    # A person named in the phrase speaks ("The mayor of Paris, Anne Hidalgo"); else the head's
    # own actor ("an Interpol spokesperson" speaks for Interpol); else any actor in the phrase.
    # A possessor does not speak: in "his father, Abdullah Kurdi", "his" is the son.
    ordered = sorted(tokens, key=lambda t: abs(t.i - subject.i))
    possessor = next((c for c in subject.children if c.dep_ == "poss"), None)
    if possessor is not None and subject.lemma_.lower() in lexicon().people_nouns and not table.actor_at(subject.i):
        # "Bolsonaro's lawyers said": the lawyers speak, not Bolsonaro.
        phrase = doc[tokens[0].i : tokens[-1].i + 1]
        return None, phrase.text.strip(" ,"), Span(start=phrase.start_char, end=phrase.end_char, text=phrase.text)
    people = [
        t
        for t in ordered
        if t.dep_ != "poss" and table.actor_at(t.i) and table.actors[table.actor_at(t.i)[0]].kind == "person"
    ]
    for token in [*people, subject, *ordered]:
        ids = table.actor_at(token.i)
        if ids:
            actor = table.actors[ids[0]]
            span = Span(start=subject.idx, end=subject.idx + len(subject.text), text=subject.text)
            return actor.id, actor.name, span
    phrase = doc[tokens[0].i : tokens[-1].i + 1]
    text = phrase.text.strip(" ,")
    return None, text, Span(start=phrase.start_char, end=phrase.end_char, text=phrase.text)


def _with_article(label: str) -> str:
    article = re.match(r"an? (?=\w)", label)
    if article is None:
        return label
    rest = label[article.end() :]
    return ("an " if rest[0].lower() in "aeiou" else "a ") + rest


def _names_media(table: ActorTable, start: int, end: int, label: str) -> bool:
    for actor in table.actors.values():
        if actor.kind == "organization" and any(m.start < end and start < m.end for m in actor.mentions):
            return True
    return bool(re.fullmatch(r"(?:the )?[A-Z]{2,}(?:[ .][A-Za-z]+)*|[\w.-]+\.[a-z]{2,3}", label))


def _media_in(table: ActorTable, start: int, end: int) -> str | None:
    for actor in table.actors.values():
        if actor.sector == "MED" and any(start <= m.start < end for m in actor.mentions):
            return actor.name
    return None


def _previous_paragraph_start(article: Article, paragraph) -> int:  # type: ignore[no-untyped-def]
    earlier = [p for p in article.paragraphs if p.index < paragraph.index and p.role == "body"]
    return earlier[-1].start if earlier else paragraph.start


def _only_quote(text: str, paragraph, start: int, end: int) -> bool:  # type: ignore[no-untyped-def]
    outside = text[paragraph.start : start - 1] + text[end + 1 : paragraph.end]
    return len(re.sub(r"[\W_]+", "", outside)) < 3


def _is_partial(text: str, paragraph_start: int, start: int, end: int) -> bool:
    before = text[paragraph_start : max(paragraph_start, start - 1)].rstrip()
    return (
        bool(before) and not before.endswith((":", ",", ".")) and not text[start:end].rstrip().endswith((".", "!", "?"))
    )


def _cited(doc: Doc, table: ActorTable, token: Token, kind: str) -> SourceCited:
    tokens = sorted(token.subtree, key=lambda t: t.i)
    phrase = doc[tokens[0].i : tokens[-1].i + 1]
    ids = next((table.actor_at(t.i) for t in [token, *tokens] if table.actor_at(t.i)), ())
    name = table.actors[ids[0]].name if ids else phrase.text
    return SourceCited(
        name=name, start=phrase.start_char, end=phrase.end_char, kind=kind, actor=ids[0] if ids else None
    )
