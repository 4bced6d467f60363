"""The federation a cluster belongs to (``Liên đoàn Lao động tỉnh Thanh Hóa``) and the article's province.

The province is the one the text names most (``tỉnh X``, ``thành phố X``, an
organisation of X such as ``LĐLĐ X`` or ``Công đoàn tỉnh X``, ``trên địa bàn tỉnh X``;
a misspelling after a level word is forgiven). The federation follows the
conventions of the gold files: only for an article about a cluster; the
organisation the cluster is attached to (``Cụm thi đua số 2 thuộc LĐLĐ huyện X``,
``Cụm thi đua số 5 – LĐLĐ TP``) when that is a federation, else the federation the
text names most; none (and no province) for clusters that span provinces or sit
outside a provincial federation (regional clusters of provincial federations,
blocs of central sector unions or corporate groups).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extractors import grammar
from extractors.orgs import LOW, UP, head_at
from extractors.places import CITY, district_levels, known_spelling, province_named, provinces
from extractors.spans import Span

_FED_HEAD = r"(?<!Tổng )(?<!TỔNG )(?:LĐLĐ|Liên đoàn [Ll]ao động|Liên Đoàn Lao Động|LIÊN ĐOÀN LAO ĐỘNG)(?:\s*\(LĐLĐ\))?"
_LEVEL = (r"(?P<level>[Tt]ỉnh|TỈNH|[Tt]hành phố|THÀNH PHỐ|TP\.?|Tp\.?|[Hh]uyện|HUYỆN|[Qq]uận|QUẬN|[Tt]hị xã|THỊ XÃ)")
_CAP = rf"(?:[{UP}]{{2,}}(?![{LOW}])|[{UP}][{LOW}]*)"
_RUN = rf"(?P<name>{_CAP}(?:(?:\s*[-–]\s*|\s+){_CAP}){{0,3}})"
# Each pattern opens with a look-ahead for its first letters, which lets the regex engine skip ahead quickly.
_FEDERATION = re.compile(rf"(?=L[ĐIi])(?:{_FED_HEAD})(?:\s+{_LEVEL})?(?:\s*(?P<hcm>TP\.?\s?HCM|TPHCM|HCM)|\s+{_RUN})?(?![{LOW}\w])")
_PLACE_LEVEL = re.compile(rf"(?=[Tt][ỉh]|T[Pp])(?<![{LOW}\w])(?P<level>[Tt]ỉnh|[Tt]hành phố|TP\.?|Tp\.?)\s+{_RUN}")
_ORG_PLACE = re.compile(rf"(?=Cô|Li|LĐ|UB|T[ỉh])(?<![{LOW}\w])(?:Công đoàn|Liên đoàn Lao động|LĐLĐ|UBND|Tỉnh ủy|Thành ủy)\s+{_RUN}")
_HCM = re.compile(r"(?=TP)TP\.?\s?HCM")
_LINE_LABEL = re.compile(rf"(?m)^(?:date \S+ )?{_RUN}[ \t]*:[ \t]")     # a headline's "Sóc Trăng: ..."
_TIE = re.compile(r"\s*(?:,|–|-|:)?\s*(?:(?:trực thuộc|thuộc|của)\s+)?")
_FAR_TIE = re.compile(r"[^.;:\n()]{0,80}?\s(?:trực thuộc|thuộc|của)\s+")
_VERB = re.compile(r"(?<!\w)(?:tổ chức|đã|đang|sẽ|diễn ra|tiến hành|ký|tổng kết|sơ kết|giao ban|hội nghị|được|là|có|gồm)"
                   r"(?!\w)", re.IGNORECASE)
_ON_TERRITORY = re.compile(rf"trên địa bàn\s+(?:tỉnh|thành phố|TP\.?)\s+{_RUN}")
_PROVINCIAL = {"tỉnh", CITY}
_ORG_END = re.compile(r"[,.;:()\n]|\s[-–]\s|\s(?:tổ chức|đã|đang|diễn ra|tiến hành)\s")
_PLURAL_ORG = re.compile(r"\s*(?:\(LĐLĐ\)\s*)?các\s")
_TOKEN = re.compile(r"[^\s\-–]+")


def _canonical_level(level: str | None) -> str | None:
    if not level:
        return None
    level = level.lower().rstrip(".")
    return CITY if level == "tp" else level


def _province_of(run: str | None, forgive: bool) -> tuple[str, int] | None:
    """The province a run of capitalised words starts with, and how many characters of it it takes."""
    if not run:
        return None
    words = list(_TOKEN.finditer(run))
    for n in range(len(words), 0, -1):
        part = run[:words[n - 1].end()]
        found = province_named(part, forgive and n >= 2)
        if found:
            return found, len(part)
    return None


@lru_cache(maxsize=4)
def province_mentions(text: str) -> list[dict]:
    """Mentions of a province: ``{"province", "span"}`` in text order (kept for the last few texts: the member
    units and the federation both ask). A line may open with the province as its label (``Sóc Trăng: ...``)."""
    found: dict[int, dict] = {}
    for pattern, forgive in ((_PLACE_LEVEL, True), (_ORG_PLACE, False), (_LINE_LABEL, False)):
        for match in pattern.finditer(text):
            hit = _province_of(match["name"], forgive)
            if hit:
                start = match.start("name")
                found.setdefault(start, {"province": hit[0], "span": (start, start + hit[1])})
    for match in _HCM.finditer(text):
        found.setdefault(match.start(), {"province": "Hồ Chí Minh", "span": match.span()})
    return sorted(found.values(), key=lambda m: m["span"])


def federation_mentions(text: str) -> list[dict]:
    """Mentions of a federation: ``{"province", "federation", "level", "place", "span"}``.

    Provincial federations have ``province`` set (a written level must fit: ``thành phố`` only for centrally-run
    cities); district ones (``LĐLĐ huyện X``) have ``province`` None; a bare ``LĐLĐ tỉnh`` has no place.
    """
    found = []
    for match in _FEDERATION.finditer(text):
        level = _canonical_level(match["level"])
        if match["hcm"]:
            found.append(_provincial("Hồ Chí Minh", match.span()))
            continue
        hit = _province_of(match["name"], forgive=level in _PROVINCIAL)
        if hit and (level is None or (level == CITY) == (provinces()[hit[0]] == CITY)):
            span = (match.start(), match.start("name") + hit[1])
            found.append(_provincial(hit[0], span))
        elif match["name"] and level and (level not in _PROVINCIAL or level == CITY):
            place = _district(match["name"])
            place = known_spelling(place) or place
            found.append({"province": None, "federation": f"Liên đoàn Lao động {level} {place}", "level": level,
                          "place": place, "span": match.span()})
        elif level in _PROVINCIAL and not match["name"]:
            found.append({"province": None, "federation": None, "level": level, "place": None,
                          "span": match.span()})
    return found


def _district(run: str) -> str:
    """A district's name from a run of capitalised words: the longest start the gazetteer knows, else the run
    (``Nam Từ Liêm Lê`` → ``Nam Từ Liêm``)."""
    words = run.split()
    for n in range(len(words), 0, -1):
        if district_levels(" ".join(words[:n])):
            return " ".join(words[:n])
    return run


def _provincial(province: str, span: Span) -> dict:
    kind = provinces()[province]
    return {"province": province, "federation": f"Liên đoàn Lao động {kind} {province}", "level": kind,
            "place": province, "span": span}


@lru_cache(maxsize=1)
def _scope_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    region = grammar.words("cluster_names.tsv", "region")
    central = grammar.words("cluster_names.tsv", "central")
    return (re.compile(rf"(?<![{LOW}\w])(?:{grammar.alternation(region)})(?![{LOW}\w])", re.IGNORECASE),
            re.compile(rf"(?<![{LOW}\w])(?:{grammar.alternation(central)})(?![{LOW}\w])"))


def attachment(text: str, cluster: dict) -> tuple[str, Span] | None:
    """The organisation written right after a mention of the cluster, or tied to it by ``thuộc``/``của`` in the
    same noun phrase: ``("federation", span)`` or ``("other", span)``."""
    for mention in cluster.get("mentions", [cluster]):
        end = mention["span"][1]
        starts = [_TIE.match(text, end).end()]
        far = _FAR_TIE.match(text, end)
        if far and not _VERB.search(text, end, far.end()):
            starts.append(far.end())
        for pos in starts:
            found = head_at(text, pos)
            if found and not _PLURAL_ORG.match(text, found[2]):
                stop = _ORG_END.search(text, pos)
                span = (pos, stop.start() if stop else len(text))
                return ("federation" if found[0] == "federation" else "other"), span
    return None


def cluster_scope(text: str, cluster: dict, members: list[dict]) -> tuple[str | None, tuple[str, Span] | None]:
    """``region`` (it spans provinces), ``central`` (outside a provincial federation) or None, and the
    organisation the cluster is attached to."""
    attached = attachment(text, cluster)
    region, central = _scope_words()
    names = " ".join(m["name"] for m in cluster.get("mentions", [cluster]))
    provincial = {u["place"] for u in members if u["type"] in _PROVINCIAL and u["place"] in provinces()}
    attached_text = text[attached[1][0]:attached[1][1]] if attached else ""
    if len(provincial) >= 2 or region.search(names) or region.search(attached_text):
        return "region", attached
    if central.search(names) or (attached and attached[0] == "other" and central.search(attached_text)):
        return "central", attached
    return None, attached


def choose(text: str, cluster: dict | None, members: list[dict], title_end: int) -> tuple[dict | None, dict | None]:
    """The federation (``{"federation", "span"}``) and the province (``{"province", "span"}``) of the article."""
    votes = province_mentions(text)
    province = _most_named(votes, title_end)
    if cluster is None:
        return None, province
    scope, attached = cluster_scope(text, cluster, members)
    if scope:
        territory = _ON_TERRITORY.search(" ".join(text[m["span"][0]:m["span"][1] + 120] for m in cluster["mentions"]))
        if territory and scope == "central":
            hit = _province_of(territory["name"], True)
            return None, ({"province": hit[0], "span": _span_in(text, territory["name"])} if hit else None)
        return None, None
    feds = federation_mentions(text)
    if attached and attached[0] == "other":
        return None, province
    fed = next((f for f in feds if attached and f["span"][0] == attached[1][0]), None)
    if fed:
        if fed["province"]:
            return fed, {"province": fed["province"], "span": fed["span"]}
        if fed["federation"]:
            return fed, province
        if province and (fed["level"] == CITY) == (provinces()[province["province"]] == CITY):
            return _provincial(province["province"], province["span"]), province
        return None, province
    provincial = [f for f in feds if f["province"]]
    if provincial:
        best = _most_named([{"province": f["province"], "span": f["span"]} for f in provincial], title_end)
        fed = next(f for f in provincial if f["province"] == best["province"])
        return fed, {"province": fed["province"], "span": fed["span"]}
    listed = {m["name"] for m in members}
    district = [f for f in feds if f["federation"] and f["federation"] not in listed]     # a member is not the parent
    if district:
        return district[0], province
    return None, province


def main_province(text: str, title_end: int) -> str | None:
    """The province the text names most, if any."""
    found = _most_named(province_mentions(text), title_end)
    return found["province"] if found else None


def _span_in(text: str, part: str) -> Span:
    pos = text.find(part)
    return pos, pos + len(part)


def _most_named(mentions: list[dict], title_end: int) -> dict | None:
    """The province named most often (a mention in the headline counts twice); ties go to the first named."""
    if not mentions:
        return None
    votes = Counter()
    for mention in mentions:
        votes[mention["province"]] += 2 if mention["span"][0] < title_end else 1
    best = max(votes.values())
    return next(m for m in mentions if votes[m["province"]] == best)
