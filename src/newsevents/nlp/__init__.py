"""The spaCy side: loading the English pipeline and our own components."""

from newsevents.nlp.loader import DEFAULT_MODEL, load_nlp

__all__ = ["DEFAULT_MODEL", "load_nlp"]
