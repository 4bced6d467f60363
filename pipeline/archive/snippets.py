"""Snippets: the passage of an article's text that best matches a query, with the matches marked."""
from __future__ import annotations

import tantivy

SNIPPET_CHARS = 240


def best_passage(doc: tantivy.Document, generator: tantivy.SnippetGenerator | None) -> tuple[str, list[list[int]]]:
    """The passage of the text that best matches the query, and where the matches are in it."""
    text = doc.get_first("text") or ""
    found = generator.snippet_from_doc(doc) if generator else None
    if found is None or not found.highlighted():
        return " ".join(text[:SNIPPET_CHARS].split()), []
    fragment, where, raw = found.fragment().encode(), found.fragment_range(), text.encode()  # byte offsets
    pieces = ["… " if _has_words(raw[: where.start]) else ""]
    spans, position, length = [], 0, len(pieces[0])
    for mark in found.highlighted():
        before, word = fragment[position : mark.start].decode(), fragment[mark.start : mark.end].decode()
        pieces += [before, word]
        spans.append([length + len(before), length + len(before) + len(word)])
        length += len(before) + len(word)
        position = mark.end
    pieces.append(fragment[position:].decode())
    if _has_words(raw[where.end :]):
        pieces.append(" …")
    return "".join(pieces), spans


def _has_words(data: bytes) -> bool:
    return any(char.isalnum() for char in data.decode(errors="ignore"))
