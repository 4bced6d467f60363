"""Checks on the hand-checked sample records in corpus/gold/.

Every line of corpus/gold/articles.jsonl (and of corpus/gold/site.jsonl when
that file exists) must have the shape of docs/record.md, point at an
existing file in corpus/articles or corpus/site, and agree with that file's
text (official names and document numbers appear in it). Every corpus text
listed there must be original: it may not share a 60-character run with any of
the real seed articles in ../shared/seeds (checked when ../shared is there).
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from data_sources import CORPUS, SEED_DIR, SEED_GOLD, needs_shared
from data_sources import CORPUS_GOLD as GOLD_FILES

RUN = 60  # length of a shared character run that counts as copying

REQUIRED_FIELDS = [
    "source", "title", "published_date", "author", "cluster", "federation", "province",
    "meeting", "cluster_leader", "officials", "member_units", "member_count_stated",
    "figures", "documents",
]
MEETING_TYPES = {"tổng kết", "sơ kết", "giao ban", "ký kết giao ước", "khác"}
CLUSTER_KINDS = {"cụm", "khối"}
CLUSTER_ROLES = {"cụm trưởng", "cụm phó", None}
UNIT_TYPES = {"phường", "xã", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "ngành", None}
FIGURE_KINDS = {"target", "achieved", "stat"}
COMPARATORS = {"=", ">", ">=", "<", "<=", "~"}
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


# --------------------------------------------------------------------------- helpers

def load_gold(path: Path) -> list[dict[str, Any]]:
    """Return the JSON records of a gold file, one per non-empty line."""
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - reported as a failure
                raise AssertionError(f"{path.name} line {n} is not JSON: {exc}") from exc
    return records


def all_gold() -> list[tuple[str, dict[str, Any]]]:
    """All (gold file name, record) pairs to check: articles.jsonl plus site.jsonl if present."""
    pairs = []
    for path in GOLD_FILES:
        if path.exists():
            pairs += [(path.name, r) for r in load_gold(path)]
    return pairs


def find_source(record: dict[str, Any]) -> Path | None:
    """The corpus file a gold record describes, or None if there is none.

    A plain-text article is corpus/articles/<source>; a saved page is found
    under corpus/site by its URL path (http://host/a/b.html -> corpus/site/a/b.html)
    or, failing that, by its unique file name anywhere below corpus/site.
    """
    name = str(record.get("source", "")).rsplit("/", 1)[-1]
    if not name:
        return None
    direct = CORPUS / "articles" / name
    if direct.is_file():
        return direct
    site = CORPUS / "site"
    url = record.get("url")
    if isinstance(url, str) and url:
        path = re.sub(r"^[a-z]+://[^/]+/?", "", url).split("?")[0].split("#")[0]
        candidate = site / path
        if path and candidate.is_file() and candidate.name == name:
            return candidate
    matches = [p for p in site.rglob(name) if p.is_file()] if site.is_dir() else []
    return matches[0] if len(matches) == 1 else None


def plain_text(path: Path) -> str:
    """The readable text of a corpus file: .txt as is, .html/.htm with tags removed and entities decoded."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in {".html", ".htm"}:
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", raw)
        raw = re.sub(r"(?s)<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    return unicodedata.normalize("NFC", raw)


def name_key(s: str) -> str:
    """Compare-key for names: NFC, casefolded, tone marks moved to the syllable end, spaces folded.

    `Hoà` and `Hòa` get the same key, so a modern-spelled gold name matches an
    old-style spelling in a page.
    """
    s = unicodedata.normalize("NFD", s.casefold())
    out = []
    for syl in re.split(r"([^\w\u0300-\u036f]+)", s):
        tones = "".join(sorted(c for c in syl if c in TONES))
        out.append("".join(c for c in syl if c not in TONES) + tones)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", "".join(out))).strip()


def squash(s: str) -> str:
    """Key for document numbers: name_key without any whitespace."""
    return re.sub(r"\s+", "", name_key(s))


def run_key(s: str) -> str:
    """Normalised text for the originality check: NFC, casefolded, whitespace folded to one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).casefold()).strip()


def windows(s: str, n: int = RUN) -> set[str]:
    """All n-character substrings of s."""
    return {s[i:i + n] for i in range(len(s) - n + 1)}


def shared_run(text: str, seed_windows: set[str], n: int = RUN) -> str | None:
    """The first n-character run of `text` that also occurs in a seed, or None."""
    t = run_key(text)
    for i in range(len(t) - n + 1):
        if t[i:i + n] in seed_windows:
            return t[i:i + n]
    return None


def is_iso_date(value: Any) -> bool:
    """True for a real calendar date written YYYY-MM-DD."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def opt_str(value: Any) -> bool:
    """True for None or a non-empty string."""
    return value is None or (isinstance(value, str) and value.strip() != "")


def is_int(value: Any) -> bool:
    """True for an int that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    """True for an int or float that is not a bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def all_strings(obj: Any) -> list[str]:
    """Every string value (not key) inside a nested JSON object."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in all_strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in all_strings(v)]
    return []


def shape_problems(r: dict[str, Any]) -> list[str]:
    """Everything about a gold record that breaks the docs/record.md shape (empty list when it is fine)."""
    p: list[str] = []
    for f in REQUIRED_FIELDS:
        if f not in r:
            p.append(f"missing field {f}")
    if p:
        return p
    if not isinstance(r["source"], str) or not r["source"].strip():
        p.append("source must be a non-empty string")
    for f in ("url", "title", "author", "federation", "province"):
        if not opt_str(r.get(f)):
            p.append(f"{f} must be null or a non-empty string")
    if r["published_date"] is not None and not is_iso_date(r["published_date"]):
        p.append(f"published_date {r['published_date']!r} is not an ISO date")

    c = r["cluster"]
    if c is not None:
        if not isinstance(c, dict):
            p.append("cluster must be an object or null")
        else:
            if not is_int(c.get("number")) or c["number"] < 1:
                p.append(f"cluster.number {c.get('number')!r} must be a positive integer")
            if not isinstance(c.get("name"), str) or not c["name"].strip():
                p.append("cluster.name must be a string")
            if c.get("kind") not in CLUSTER_KINDS:
                p.append(f"cluster.kind {c.get('kind')!r} not in {sorted(CLUSTER_KINDS)}")

    m = r["meeting"]
    if m is not None:
        if not isinstance(m, dict):
            p.append("meeting must be an object or null")
        else:
            for k in ("date", "type", "location", "period"):
                if k not in m:
                    p.append(f"meeting.{k} missing")
            if m.get("date") is not None and not is_iso_date(m.get("date")):
                p.append(f"meeting.date {m.get('date')!r} is not an ISO date")
            if m.get("type") not in MEETING_TYPES:
                p.append(f"meeting.type {m.get('type')!r} not in {sorted(MEETING_TYPES)}")
            for k in ("location", "period"):
                if not opt_str(m.get(k)):
                    p.append(f"meeting.{k} must be null or a string")

    lead = r["cluster_leader"]
    if lead is not None:
        if not isinstance(lead, dict) or set(lead) - {"name", "unit"} or "name" not in lead or "unit" not in lead:
            p.append("cluster_leader must be {name, unit} or null")
        elif not (opt_str(lead["name"]) and opt_str(lead["unit"])) or (lead["name"] is None and lead["unit"] is None):
            p.append("cluster_leader needs a name or a unit (strings)")

    for key, check in (("officials", official_problems), ("member_units", unit_problems),
                       ("figures", figure_problems), ("documents", document_problems)):
        items = r[key]
        if not isinstance(items, list):
            p.append(f"{key} must be a list")
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                p.append(f"{key}[{i}] must be an object")
                continue
            if "optional" in item and not isinstance(item["optional"], bool):
                p.append(f"{key}[{i}].optional must be a boolean")
            p += [f"{key}[{i}] {msg}" for msg in check(item)]

    n = r["member_count_stated"]
    if n is not None and (not is_int(n) or n < 1):
        p.append(f"member_count_stated {n!r} must be a positive integer or null")

    for s in all_strings(r):
        if unicodedata.normalize("NFC", s) != s:
            p.append(f"string not NFC: {s!r}")
    return p


def official_problems(o: dict[str, Any]) -> list[str]:
    """Shape problems of one officials[] item."""
    p = []
    if not isinstance(o.get("name"), str) or len(o["name"].split()) < 2:
        p.append(f"name {o.get('name')!r} must be a full name")
    for k in ("title", "organization"):
        if k not in o or not opt_str(o[k]):
            p.append(f"{k} must be null or a string")
    if not isinstance(o.get("former"), bool):
        p.append("former must be a boolean")
    if "cluster_role" not in o or o["cluster_role"] not in CLUSTER_ROLES:
        p.append(f"cluster_role {o.get('cluster_role')!r} not in {CLUSTER_ROLES}")
    return p


def unit_problems(u: dict[str, Any]) -> list[str]:
    """Shape problems of one member_units[] item."""
    p = []
    if not isinstance(u.get("name"), str) or not u["name"].strip():
        p.append("name must be a string")
    if "type" not in u or u["type"] not in UNIT_TYPES:
        p.append(f"type {u.get('type')!r} not in {UNIT_TYPES}")
    if "place" not in u or not opt_str(u["place"]):
        p.append("place must be null or a string")
    if "aliases" in u and not (isinstance(u["aliases"], list) and all(isinstance(a, str) for a in u["aliases"])):
        p.append("aliases must be a list of strings")
    return p


def figure_problems(f: dict[str, Any]) -> list[str]:
    """Shape problems of one figures[] item."""
    p = []
    if not is_number(f.get("value")):
        p.append(f"value {f.get('value')!r} must be a number")
    if not isinstance(f.get("unit"), str) or not f["unit"].strip():
        p.append("unit must be a string")
    if f.get("kind") not in FIGURE_KINDS:
        p.append(f"kind {f.get('kind')!r} not in {sorted(FIGURE_KINDS)}")
    if f.get("comparator") not in COMPARATORS:
        p.append(f"comparator {f.get('comparator')!r} not in {sorted(COMPARATORS)}")
    if not isinstance(f.get("subject"), str) or not f["subject"].strip():
        p.append("subject must be a string")
    return p


def document_problems(d: dict[str, Any]) -> list[str]:
    """Shape problems of one documents[] item."""
    p = []
    if not isinstance(d.get("number"), str) or not re.search(r"\d", d["number"]):
        p.append(f"number {d.get('number')!r} must be a string with digits")
    for k in ("type", "issuer"):
        if k not in d or not opt_str(d[k]):
            p.append(f"{k} must be null or a string")
    if "date" not in d or (d["date"] is not None and not is_iso_date(d["date"])):
        p.append(f"date {d.get('date')!r} must be null or an ISO date")
    return p


GOLD = all_gold()
IDS = [f"{name}:{r.get('source')}" for name, r in GOLD]


def seed_windows() -> set[str]:
    """All 60-character runs of the seed articles (normalised with run_key)."""
    runs: set[str] = set()
    for seed in sorted(SEED_DIR.glob("*.txt")):
        runs |= windows(run_key(seed.read_text(encoding="utf-8")))
    return runs


# --------------------------------------------------------------------------- tests

def test_articles_gold_lists_the_plain_text_articles() -> None:
    """articles.jsonl holds at least 14 records, each for a .txt file in corpus/articles."""
    records = load_gold(GOLD_FILES[0])
    assert len(records) >= 14
    not_txt = [r["source"] for r in records if not (CORPUS / "articles" / r["source"]).is_file()
               or not r["source"].endswith(".txt")]
    assert not_txt == []


@pytest.mark.parametrize("gold_file,record", GOLD, ids=IDS)
def test_record_has_the_record_shape(gold_file: str, record: dict[str, Any]) -> None:
    """Each gold record has every docs/record.md field with the right type and enum values."""
    assert shape_problems(record) == []


@pytest.mark.parametrize("gold_file,record", GOLD, ids=IDS)
def test_source_file_exists(gold_file: str, record: dict[str, Any]) -> None:
    """`source` names a file in corpus/articles or corpus/site."""
    assert find_source(record) is not None, record["source"]


def test_no_duplicate_sources() -> None:
    """No source appears twice across the gold files."""
    sources = [r["source"] for _, r in GOLD]
    dupes = sorted({s for s in sources if sources.count(s) > 1})
    assert dupes == []
    assert len(sources) >= 14


@pytest.mark.parametrize("gold_file,record", GOLD, ids=IDS)
def test_officials_and_documents_appear_in_text(gold_file: str, record: dict[str, Any]) -> None:
    """Each official's name and each document number can be found in the article text."""
    path = find_source(record)
    assert path is not None, record["source"]
    text = plain_text(path)
    names, numbers = name_key(text), squash(text)
    missing = [o["name"] for o in record["officials"] if name_key(o["name"]) not in names]
    missing += [d["number"] for d in record["documents"] if squash(d["number"]) not in numbers]
    assert missing == []


@pytest.mark.parametrize("gold_file,record", GOLD, ids=IDS)
def test_cluster_leader_is_a_listed_official(gold_file: str, record: dict[str, Any]) -> None:
    """A named cluster leader is also among the officials, marked cụm trưởng."""
    lead = record["cluster_leader"]
    if lead is None or lead.get("name") is None:
        assert lead is None or lead.get("unit"), "an unnamed leader needs a unit"
        return
    roles = {name_key(o["name"]): o["cluster_role"] for o in record["officials"]}
    assert roles.get(name_key(lead["name"])) == "cụm trưởng"


@needs_shared
@pytest.mark.parametrize("gold_file,record", GOLD, ids=IDS)
def test_text_is_not_copied_from_a_seed(gold_file: str, record: dict[str, Any], seed_runs: set[str]) -> None:
    """No corpus text shares a 60-character run with a real seed article."""
    path = find_source(record)
    assert path is not None, record["source"]
    assert shared_run(plain_text(path), seed_runs) is None


@pytest.fixture(scope="module")
def seed_runs() -> set[str]:
    """The seed articles' 60-character runs (the seeds must be present in ../shared)."""
    runs = seed_windows()
    assert runs, f"no seed articles found in {SEED_DIR}"
    return runs


# --------------------------------------------------------------------------- the checks themselves

@needs_shared
def test_shape_check_accepts_the_seed_gold() -> None:
    """The shape checker passes the seeds' hand-checked records."""
    seeds = load_gold(SEED_GOLD)
    assert seeds and all(shape_problems(r) == [] for r in seeds)


def test_shape_check_rejects_broken_records() -> None:
    """The shape checker catches typical mistakes in an otherwise good record."""
    good = next(r for _, r in GOLD if r["officials"] and r["member_units"] and r["documents"] and r["meeting"]
                and r["cluster"])
    assert shape_problems(good) == []
    bad_cases = {
        "missing field": lambda r: r.pop("figures"),
        "meeting type": lambda r: r["meeting"].update(type="hội nghị"),
        "meeting date": lambda r: r["meeting"].update(date="2025-02-30"),
        "cluster kind": lambda r: r["cluster"].update(kind="nhóm"),
        "cluster number": lambda r: r["cluster"].update(number="IV"),
        "role": lambda r: r["officials"][0].update(cluster_role="trưởng cụm"),
        "former": lambda r: r["officials"][0].update(former="no"),
        "unit type": lambda r: r["member_units"][0].update(type="thôn"),
        "doc date": lambda r: r["documents"][0].update(date="10/7/2025"),
        "figure": lambda r: r["figures"].append({"value": "15.248", "unit": "đoàn viên", "kind": "stat",
                                                  "comparator": "=", "subject": "đoàn viên"}),
        "not NFC": lambda r: r.update(province=unicodedata.normalize("NFD", "Thanh Hóa")),
    }
    for label, spoil in bad_cases.items():
        r = json.loads(json.dumps(good))
        spoil(r)
        assert shape_problems(r) != [], label


@needs_shared
def test_originality_check_detects_a_copied_run(seed_runs: set[str]) -> None:
    """A text containing 60 characters lifted from a seed is flagged; a rewording is not."""
    seed = run_key(sorted(SEED_DIR.glob("*.txt"))[0].read_text(encoding="utf-8"))
    lifted = "Mở đầu bài viết. " + seed[200:200 + RUN].upper() + " Kết thúc."
    assert shared_run(lifted, seed_runs) is not None
    assert shared_run("Cụm thi đua số 9 họp bàn kế hoạch năm, các đại biểu góp ý sôi nổi.", seed_runs) is None


def test_name_key_ignores_tone_mark_placement() -> None:
    """Old (Hoà, Thuỷ) and modern (Hòa, Thủy) spellings compare equal; different names do not."""
    assert name_key("Nguyễn Thị Thuỷ Hoà") == name_key("nguyễn thị  thủy hòa")
    assert name_key("Lê Văn Hòa") != name_key("Lê Văn Hoa")
