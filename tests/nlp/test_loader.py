"""The spaCy model comes from PyPI; a missing one is an error that says how to install it."""

from __future__ import annotations

import pytest

from newsevents.errors import ModelError
from newsevents.nlp import load_nlp


def test_missing_model_names_the_install_command():
    with pytest.raises(ModelError) as error:
        load_nlp("en_no_such_model_installed")
    assert "pip install" in str(error.value)
    assert "en_no_such_model_installed" in str(error.value)


@pytest.mark.slow
def test_line_breaks_always_end_sentences():
    nlp = load_nlp()
    text = "Sign up for our newsletter to get the latest news\nPolice arrested two men in Lagos on Monday"
    doc = nlp(text)
    breaks = text.index("\n")
    assert all(s.end_char <= breaks + 1 or s.start_char > breaks for s in doc.sents)
    assert any(s.start_char == breaks + 1 for s in doc.sents)
