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
from extractors.cluster import cluster_mentions, main_cluster
from extractors.cluster_people import with_cluster_people
from extractors.documents import find_documents
from extractors.federation import choose as choose_federation
from extractors.federation import main_province
from extractors.figures import find_figures
from extractors.officials import find_officials

_LEAD_PARAGRAPHS = 2
_SUBSTANTIAL = 80         # characters that make a paragraph count towards the lead (not a dateline or caption)
_MARKER = re.compile(r"date \S+\n\n")


def text_of(doc: Doc) -> str:
    """The article text, kept once in ``user_data`` (``Doc.text`` rebuilds the string on every call; the
    extraction ``Doc`` of :func:`extractors.nlp.analyse` carries the text there only)."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


def title_end(doc: Doc) -> int:
    """Where the headline paragraph ends (after an optional ``date`` marker line)."""
    if "title_end" not in doc.user_data:
        text = text_of(doc)
        marker = _MARKER.match(text)
        start = marker.end() if marker else 0
        end = text.find("\n\n", start)
        doc.user_data["title_end"] = end if end >= 0 else len(text)
    return doc.user_data["title_end"]


def lead_region_end(doc: Doc) -> int:
    """Where the lead ends for telling what the article is about: after the second paragraph under the headline
    that is longer than a dateline or a caption."""
    text = text_of(doc)
    pos, substantial = title_end(doc), 0
    while substantial < _LEAD_PARAGRAPHS:
        nxt = text.find("\n\n", pos + 2)
        end = nxt if nxt >= 0 else len(text)
        if end - pos > _SUBSTANTIAL:
            substantial += 1
        if nxt < 0:
            return len(text)
        pos = nxt
    return pos


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
    ext = doc._
    text = text_of(doc)
    ext.cluster = main_cluster(cluster_mentions(text), text, title_end(doc), lead_region_end(doc))
    return doc


@Language.component("union_documents")
def documents_component(doc: Doc) -> Doc:
    """``doc._.documents``: cited documents."""
    ext = doc._
    federation = ext.federation["federation"] if ext.federation else None
    ext.documents = find_documents(text_of(doc), federation)
    return doc


@Language.component("union_dates")
def dates_component(doc: Doc) -> Doc:
    """``doc._.dates``: every date mention outside cited documents."""
    ext = doc._
    skip = [tuple(d["evidence"]) for d in ext.documents]
    ext.dates = dates.date_mentions(text_of(doc), skip)
    return doc


@Language.component("union_federation")
def federation_component(doc: Doc) -> Doc:
    """``doc._.federation`` and ``doc._.province``: the federation the cluster belongs to and the province.

    ``doc._.federation`` is ``{"federation", "province", "span"}`` (the federation may be None while the province
    is known); it is None when neither is known.
    """
    ext = doc._
    found, province = choose_federation(text_of(doc), ext.cluster, ext.member_units, title_end(doc))
    ext.province = province["province"] if province else None
    ext.federation = None
    if found or province:
        span = found["span"] if found and (found.get("province") or not province) else province["span"]
        ext.federation = {"federation": found["federation"] if found else None,
                            "province": ext.province, "span": span}
    return doc


@Language.component("union_member_units")
def member_units_component(doc: Doc) -> Doc:
    """``doc._.member_units``, ``doc._.member_count`` (stated number and its span) and the units named by a
    cluster role (``doc.user_data["role_units"]``); none for an article that is not about a cluster."""
    ext = doc._
    cluster = ext.cluster
    doc.user_data["role_units"] = []
    if cluster is None:
        ext.member_units, ext.member_count = [], None
        return doc
    text = text_of(doc)
    province = main_province(text, title_end(doc))
    ext.member_units, ext.member_count, doc.user_data["role_units"] = units.member_units(
        text, province, cluster["mentions"] + [cluster])
    return doc


@Language.component("union_officials")
def officials_component(doc: Doc) -> Doc:
    """``doc._.officials`` and ``doc._.cluster_leader``."""
    ext = doc._
    federation = ext.federation["federation"] if ext.federation else None
    places = {u["place"] for u in ext.member_units}
    byline = doc.user_data.get("byline_span")
    officials = with_cluster_people(find_officials(text_of(doc), federation, places, [byline] if byline else []),
                                    text_of(doc))
    if ext.cluster is None:
        for official in officials:
            official["cluster_role"] = None
    ext.officials = officials
    leader = next((o for o in officials if o["cluster_role"] == "cụm trưởng"), None)
    if leader:
        ext.cluster_leader = ({"name": leader["name"], "unit": leader["organization"]}, tuple(leader["evidence"]))
    elif ext.cluster:
        found = next((u for u in doc.user_data["role_units"] if u.role == "cụm trưởng"), None)
        ext.cluster_leader = ({"name": found.person, "unit": found.name}, found.span) if found else None
    return doc


@Language.component("union_meeting")
def meeting_component(doc: Doc) -> Doc:
    """``doc._.meeting`` (type, location and period, each with its span) and ``doc._.meeting_date`` (ISO date and
    span) of the cluster's meeting; none for an article that is not about a cluster."""
    ext = doc._
    ext.meeting, ext.meeting_date = {}, None
    if ext.cluster is None:
        return doc
    text, start, end = text_of(doc), title_end(doc), lead_region_end(doc)
    title = (start - len(text[:start].split("\n\n")[-1]), start)
    mention = dates.meeting_mention(ext.dates, (start, end))
    sentence = meeting.meeting_sentence(text, (start, end), mention["span"] if mention else None)
    found = {}
    kind = meeting.meeting_type(text, title, sentence, True)
    if kind:
        found["type"] = kind
    named = meeting.period(text, [r for r in (sentence, title, (start, end)) if r], None)
    anchor = meeting.period_anchor(named[0], kind[0] if kind else None) if named else None
    date = dates.full_date(text, mention, start, ext.published_date, anchor) if mention else None
    ext.meeting_date = date
    place = meeting.location(text, sentence, date[1][0] if date else start, end)
    if place:
        found["location"] = place
    year = int(date[0][:4]) if date else None
    period = meeting.period(text, [r for r in (sentence, title, (start, end)) if r], year)
    if period:
        found["period"] = period
    ext.meeting = found
    return doc


@Language.component("union_figures")
def figures_component(doc: Doc) -> Doc:
    """``doc._.figures``: numbers that measure results or set targets."""
    ext = doc._
    skip = [tuple(d["evidence"]) for d in ext.documents]
    skip += [m["span"] for m in ext.dates]
    if ext.member_count:
        skip.append(ext.member_count[1])
        repeated = re.compile(rf"\b{ext.member_count[0]}(?=\s+(?:đơn vị|công đoàn ngành|công đoàn|LĐLĐ)\b)")
        skip += [m.span() for m in repeated.finditer(text_of(doc))]
    ext.figures = find_figures(text_of(doc), skip)
    return doc
