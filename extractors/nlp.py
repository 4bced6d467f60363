"""The spaCy pipeline: an underthesea-based tokenizer and one component per extractor.

Tokens are Vietnamese syllables, numbers, dates and abbreviations as
underthesea's rule-based tokenizer cuts them; whitespace is kept so that
``doc.text`` is the article text exactly and every span's character offsets
are evidence offsets. Each extractor is a pipeline component that writes its
result to a ``Doc`` extension (``doc._.cluster``, ``doc._.officials``...).

The extractors read the text itself (their grammars work on characters, not
tokens), so :func:`analyse` runs the components on a ``Doc`` that carries the
text without cutting it into tokens; ``nlp(text)`` still tokenizes for callers
that want the tokens.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from underthesea.pipeline.word_tokenize.regex_tokenize import patterns as UNDERTHESEA_TOKENS

# Plain syllables are the bulk of the text and need no rule; anything with inner punctuation
# (dates, numbers, codes, abbreviations) goes through underthesea's patterns.
# Numbers and dates (15.248, 88,2, 10/7/2025) stay one token, as underthesea's patterns keep them.
_NUMERIC = re.compile(r"\d+(?:[./,]\d+)*")
_COARSE = re.compile(r"\s+|\w+(?:[./,:&'’+-]+\w+)*|[^\w\s]")
EXTENSIONS = ["published_date", "cluster", "documents", "dates", "meeting_date", "federation", "province",
              "member_units", "member_count", "officials", "cluster_leader", "meeting", "figures"]
COMPONENTS = ["union_cluster", "union_member_units", "union_federation", "union_documents", "union_dates",
              "union_officials", "union_meeting", "union_figures"]


class SyllableTokenizer:
    """Cut text into tokens with underthesea's tokenizer patterns, keeping all whitespace."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text`` into a ``Doc`` whose text is ``text`` unchanged."""
        words: list[str] = []
        spaces: list[bool] = []
        for chunk in _COARSE.findall(text):
            if chunk == " " and words:
                spaces[-1] = True
            elif chunk.isalnum() or len(chunk) == 1 or chunk.isspace() or _NUMERIC.fullmatch(chunk):
                words.append(chunk)
                spaces.append(False)
            else:
                parts = [found[0] for found in UNDERTHESEA_TOKENS.findall(chunk) if found[0]]
                words += parts
                spaces += [False] * len(parts)
        return Doc(self.vocab, words=words, spaces=spaces)


def _register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline (built once): tokenizer, then the extractor components in dependency order."""
    import extractors.components  # noqa: F401  (registers the components)

    _register_extensions()
    nlp = spacy.blank("xx")
    nlp.tokenizer = SyllableTokenizer(nlp.vocab)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def analyse(text: str, published_date: str | None, byline_span: tuple[int, int] | None = None) -> dict[str, Any]:
    """Run the pipeline on an article's cleaned text, knowing its publication date and where its byline is.

    Returns every ``Doc`` extension's value by name.
    """
    nlp = get_nlp()
    doc = Doc(nlp.vocab)
    doc._.published_date = published_date
    doc.user_data["byline_span"] = byline_span
    doc.user_data["text"] = text
    for _, component in nlp.pipeline:
        doc = component(doc)
    return {name: getattr(doc._, name) for name in EXTENSIONS}
