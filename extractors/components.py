"""spaCy pipeline components: each runs one extractor and stores its result on the ``Doc``.

They run in the order of ``extractors.nlp.COMPONENTS``; later ones read what
earlier ones found (the federation's province types the member units; the
documents' spans keep their dates and numbers out of the meeting date and the
figures).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractors import dates, meeting, units
from extractors.cluster import cluster_mentions, main_cluster, unnumbered_cluster
from extractors.documents import find_documents
from extractors.federation import federation_mentions, main_federation
from extractors.figures import find_figures
from extractors.officials import find_officials

_LEAD_PARAGRAPHS = 2


def text_of(doc: Doc) -> str:
    """The article text, kept once in ``user_data`` (``Doc.text`` rebuilds the string on every call)."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


def title_end(doc: Doc) -> int:
    """Where the headline paragraph ends (after an optional ``date`` marker line)."""
    text = text_of(doc)
    start = text.index("\n\n") + 2 if text.startswith("date ") and "\n\n" in text else 0
    end = text.find("\n\n", start)
    return end if end >= 0 else len(text)


def lead_end(doc: Doc) -> int:
    """Where the lead (the first paragraphs after the headline) ends."""
    pos = title_end(doc)
    for _ in range(_LEAD_PARAGRAPHS):
        nxt = text_of(doc).find("\n\n", pos + 2)
        if nxt < 0:
            return len(text_of(doc))
        pos = nxt
    return pos


@Language.component("union_cluster")
def cluster_component(doc: Doc) -> Doc:
    """``doc._.cluster``: the cluster the article is about."""
    text = text_of(doc)
    doc._.cluster = main_cluster(cluster_mentions(doc, text), title_end(doc)) or unnumbered_cluster(text)
    return doc


@Language.component("union_documents")
def documents_component(doc: Doc) -> Doc:
    """``doc._.documents``: cited documents."""
    federation = doc._.federation["federation"] if doc._.federation else None
    doc._.documents = find_documents(text_of(doc), federation)
    return doc


@Language.component("union_dates")
def dates_component(doc: Doc) -> Doc:
    """``doc._.dates`` (every date mention) and ``doc._.meeting_date`` (ISO date and span)."""
    skip = [tuple(d["evidence"]) for d in doc._.documents]
    mentions = dates.date_mentions(text_of(doc), skip)
    doc._.dates = mentions
    doc._.meeting_date = dates.meeting_date(text_of(doc), mentions, title_end(doc), doc._.published_date)
    return doc


@Language.component("union_federation")
def federation_component(doc: Doc) -> Doc:
    """``doc._.federation``: the provincial federation and its province."""
    doc._.federation = main_federation(federation_mentions(text_of(doc)))
    doc._.province = doc._.federation["province"] if doc._.federation else None
    return doc


@Language.component("union_member_units")
def member_units_component(doc: Doc) -> Doc:
    """``doc._.member_units`` and ``doc._.member_count`` (stated number and its span)."""
    doc._.member_units, doc._.member_count = units.member_units(text_of(doc), doc._.province)
    return doc


@Language.component("union_officials")
def officials_component(doc: Doc) -> Doc:
    """``doc._.officials`` and ``doc._.cluster_leader``."""
    federation = doc._.federation["federation"] if doc._.federation else None
    places = {u["place"] for u in doc._.member_units}
    byline = doc.user_data.get("byline_span")
    officials = find_officials(text_of(doc), federation, places, [byline] if byline else [])
    if doc._.cluster is None:
        for official in officials:
            official["cluster_role"] = None
    doc._.officials = officials
    leader = next((o for o in officials if o["cluster_role"] == "cụm trưởng"), None)
    if leader:
        doc._.cluster_leader = ({"name": leader["name"], "unit": leader["organization"]}, tuple(leader["evidence"]))
    elif doc._.cluster:
        found = meeting.leader_unit(text_of(doc))
        doc._.cluster_leader = ({"name": None, "unit": found[0]}, found[1]) if found else None
    return doc


@Language.component("union_meeting")
def meeting_component(doc: Doc) -> Doc:
    """``doc._.meeting``: type, location and period, each with its span."""
    text, start, end = text_of(doc), title_end(doc), lead_end(doc)
    title = (start - len(text[:start].split("\n\n")[-1]), start)
    found = {}
    kind = meeting.meeting_type(text, title, (start, end), doc._.cluster is not None)
    if kind:
        found["type"] = kind
    date = doc._.meeting_date
    anchor = date[1][0] if date else start
    place = meeting.location(text, anchor, end)
    if place:
        found["location"] = place
    year = int(date[0][:4]) if date else None
    period = meeting.period(text, [(anchor, end), title, (start, end)], year)
    if period:
        found["period"] = period
    doc._.meeting = found
    return doc


@Language.component("union_figures")
def figures_component(doc: Doc) -> Doc:
    """``doc._.figures``: numbers that measure results or set targets."""
    skip = [tuple(d["evidence"]) for d in doc._.documents]
    skip += [m["span"] for m in doc._.dates]
    if doc._.member_count:
        skip.append(doc._.member_count[1])
        repeated = re.compile(rf"\b{doc._.member_count[0]}(?=\s+(?:đơn vị|công đoàn ngành|công đoàn|LĐLĐ)\b)")
        skip += [m.span() for m in repeated.finditer(text_of(doc))]
    doc._.figures = find_figures(text_of(doc), skip)
    return doc
