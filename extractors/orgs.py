"""The grammar of one organisation named in union news: head + sector or level + place or name.

``LĐLĐ huyện Mỹ Đức`` is a federation head, a level and a place; ``Công đoàn
ngành Xây dựng`` a union head and a sector; ``CĐCS Công ty cổ phần Vật tư Nông
sản`` a union head and an enterprise; ``Sở Nội vụ`` an agency. Items of an
enumeration inherit what the list or the item before them leaves out
(:class:`Prefix`): ``LĐLĐ các huyện Mỹ Đức, Ứng Hòa`` gives the head and the level
to ``Ứng Hòa``. The heads, sectors and roles are data (``extractors/data/``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extractors import grammar
from extractors.lexicon import ADMIN, SECTORS, expand, level_of
from extractors.org_places import corrected, level_of_place, places_at
from extractors.places import district_levels, known_spelling, provinces, ward_type
from extractors.sentences import LOW, UP
from extractors.spans import Span

_LEGAL_FORMS = re.compile(
    r"^(?:TNHH\s+(?:MTV|một thành viên|Một thành viên)|TNHH|[Cc]ổ phần|CP|[Ll]iên doanh|[Tt]rách nhiệm hữu hạn)\s+")
_LEVEL = re.compile(rf"(?:{ADMIN})(?=\s|$|,|:)")
# A place name: capitalised syllables (or a number: "Quận 1"), hyphens and dashes inside ("Bà Rịa - Vũng Tàu").
_SECTOR_ABBR = re.compile(r"CĐ(?P<abbr>[A-ZĐ]{1,5})\b")
_LEVEL_SEP = re.compile(r"\s*(?:,|và|&)\s*(?=(?:" + ADMIN + r")(?:\s|$|,|:))")
_COLON = re.compile(r"\s*:?\s*")
_PARENS = re.compile(r"\s*\([^()]*\)?\s*$")


@dataclass(frozen=True)
class Prefix:
    """What an item inherits: a union or federation head, shared levels, an institution prefix, a sector list."""

    head: str | None = None
    levels: tuple[str, ...] = ()
    org: str | None = None
    sector: bool = False


@dataclass
class Unit:
    """One organisation: its full name, type (level, ``ngành`` or None), place or branch name, evidence."""

    name: str
    type: str | None
    place: str
    span: Span
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    head_class: str | None = None
    person: str | None = None

    def record(self) -> dict:
        """The member-unit record of RECORD.md (aliases only when there are some)."""
        found = {"name": self.name, "type": self.type, "place": self.place, "evidence": list(self.span)}
        if self.aliases:
            found["aliases"] = self.aliases
        return found


@lru_cache(maxsize=1)
def _heads() -> re.Pattern[str]:
    """Heads of organisation names, longest first, followed by a word boundary."""
    return re.compile(rf"(?:{grammar.alternation(list(grammar.org_heads()))})(?![{UP}{LOW}\w])")


@lru_cache(maxsize=1)
def _sectors() -> re.Pattern[str]:
    return re.compile(rf"(?:{grammar.alternation(list(grammar.sectors()))})(?![{LOW}\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _roles() -> re.Pattern[str]:
    """A cluster role written after a unit: ``(Khối trưởng)``, ``– Khối phó``, ``là Trưởng Khối thi đua``."""
    roles = grammar.alternation(list(grammar.cluster_roles()))
    return re.compile(
        rf"\s*(?:\(\s*|[-–]\s*|,\s*|\s(?:là|làm|giữ vai trò)\s+)?(?:đơn vị\s+)?(?P<role>{roles})"
        rf"(?:\s+(?:năm\s+\d{{4}}|(?:[Cc]ụm|[Kk]hối)(?:\s+[Tt]hi đua)?(?:\s+(?:số\s+)?[\dIVXL]+)?|[Tt]hi đua(?:\s+(?:số\s+)?[\dIVXL]+)?))*"
        r"\s*\)?\s*$")


@lru_cache(maxsize=1)
def _name_end() -> re.Pattern[str]:
    """Words that end an organisation's name inside an item (``... là``, ``... đã``)."""
    return re.compile(rf"\s(?:{grammar.alternation(grammar.words('unit_lists.tsv', 'name_end'))})(?=\s|$)")


def sector_at(text: str, pos: int = 0) -> int | None:
    """Where a sector's name written at ``pos`` ends (``Giao thông vận tải``), or None."""
    match = _sectors().match(text, pos)
    return match.end() if match else None


def head_at(text: str, pos: int = 0) -> tuple[str, str, int] | None:
    """The organisation head written at ``pos``: (class, canonical head, end)."""
    match = _heads().match(text, pos)
    if not match:
        return None
    written = match.group()
    kind, canonical = grammar.org_heads()[written if " " * 2 not in written and "\n" not in written
                                          else " ".join(written.split())]
    return kind, canonical, match.end()


def role_of(written: str) -> str | None:
    """``cụm trưởng``/``cụm phó`` for a written role (``Trưởng khối`` → ``cụm trưởng``)."""
    return grammar.cluster_roles().get(re.sub(r"\s+", " ", written.strip()))


def strip_role(item: str) -> tuple[str, str | None]:
    """The item without a trailing role annotation, and that role."""
    lowered = item.lower()
    if "trưởng" not in lowered and "phó" not in lowered:
        return item, None
    match = _roles().search(item)
    if match and match.start() > 0:
        return item[:match.start()], role_of(match["role"])
    return item, None


def parse(item: str, offset: int, prefix: Prefix, province: str | None,
          strict: bool = False) -> tuple[list[Unit], Prefix]:
    """The units one enumeration item names (one, or two glued place names), and the prefix later items inherit.

    ``strict`` items must carry a head of their own or inherit one (no bare names). Returns ``[]`` when the item
    is no organisation, which ends an enumeration.
    """
    body, role = strip_role(item)
    body = _PARENS.sub("", body) if body.rstrip().endswith(")") else body
    lead = len(body) - len(body.lstrip())
    body = body.strip()
    if not body:
        return [], prefix
    start = offset + lead
    units, later = _parse_body(body, start, prefix, province, strict)
    for unit in units[-1:]:
        unit.role = role
    return units, later


def _parse_body(body: str, start: int, prefix: Prefix, province: str | None,
                strict: bool) -> tuple[list[Unit], Prefix]:
    pos, head, head_class = 0, None, None
    abbr = _SECTOR_ABBR.match(body)
    if abbr and abbr["abbr"] in SECTORS and abbr["abbr"] != "CS":
        return [_sector_unit(body, start, "Công đoàn", SECTORS[abbr["abbr"]], abbr.end())], replace(prefix, head="Công đoàn")
    lead = 4 if body.startswith("các ") and head_at(body, 4) else 0      # "các Công đoàn ngành Y tế, ..."
    found = head_at(body, lead)
    if found and found[0] in {"union", "federation"}:
        head_class, head, pos = found
        pos = _skip_spaces(body, pos)
    plural = body.startswith("các ", pos)
    if plural:
        pos += 4
    levels, pos = ([], pos) if _starts_with_org(body[pos:]) else _levels_at(body, pos)
    if head or levels:
        later = replace(prefix, head=head or prefix.head, levels=tuple(levels) or prefix.levels,
                        sector=prefix.sector and not levels)
    else:
        later = prefix
    own_head = head
    head = head or prefix.head
    rest = body[pos:]
    if levels or (later.levels and not own_head and not _starts_with_org(rest)):
        places = [(corrected(p, later.levels, province), span) for p, span in
                  places_at(rest, start + pos)]
        units = [_place_unit(p, span, head, later.levels, province) for p, span in places]
        return units, later
    sector = _sectors().match(rest)
    if (head_class == "union" or (not own_head and prefix.sector)) and (sector or rest.startswith("ngành ")):
        return [_sector_unit(body, start, head or "Công đoàn", None, pos)], replace(later, sector=True)
    inst = head_at(rest)
    name = _name(rest)
    if not name:
        return [], later
    span = (start, start + pos + len(name))
    if inst and inst[0] not in {"union", "federation"}:
        return [_institution_unit(_with_prefix_head(name, inst, prefix), span, head, inst[0])], later
    if not own_head and prefix.org and name[0].isupper():
        return [_institution_unit(f"{prefix.org} {name}", span, head, "enterprise", place=name)], later
    if own_head and head_class == "federation" and known_spelling(name) in provinces():
        place = known_spelling(name)
        return [Unit(f"{head} {provinces()[place]} {place}", provinces()[place], place, (start + pos, start + pos + len(name)),
                     head_class=head_class)], later
    level = level_of_place(name, head, province) if head and name[0].isupper() else None
    if level:
        unit = _place_unit(known_spelling(name) or name, (start + pos, start + pos + len(name)), head, (level,),
                           province)
        return [unit], later
    if (strict and not head) or prefix.org:
        return [], later
    if not name[0].isupper():
        return [], later
    return [_institution_unit(name, span, head, head_class)], later


def _with_prefix_head(name: str, inst: tuple[str, str, int], prefix: Prefix) -> str:
    """An item written under a list of ``các trường: THPT A, ...`` gets the list's head (``Trường THPT A``) when its
    own head is a kind of it."""
    shared = head_at(prefix.org) if prefix.org else None
    if not shared or name.lower().startswith(prefix.org.lower()):
        return name
    if inst[1].startswith(shared[1]) and not name.lower().startswith(shared[1].lower()):
        return f"{shared[1]} {name}"
    if shared[1].startswith(inst[1]) and len(shared[1]) > len(inst[1]) and len(name.split()) <= 3:
        return f"{prefix.org} {name}"            # "các Trường THPT: Trường Chinh" names a school after a person
    return name


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _starts_with_org(text: str) -> bool:
    found = head_at(text)
    return bool(found and found[0] not in {"union", "federation"}) or bool(_sectors().match(text))


def _levels_at(text: str, pos: int) -> tuple[list[str], int]:
    """Level words written at ``pos`` (``huyện``, ``huyện, thị xã``, ``phường, xã:``) and where they end."""
    levels = []
    while True:
        match = _LEVEL.match(text, pos)
        if not match:
            break
        levels.append(level_of(match.group()))
        pos = match.end()
        sep = _LEVEL_SEP.match(text, pos)
        if not sep:
            break
        pos = sep.end()
    if levels:
        pos = _COLON.match(text, pos).end()
    return levels, pos


def _name(text: str) -> str:
    """An organisation's name from the start of ``text``: up to a word that ends names, at most 14 words."""
    end = _name_end().search(text)
    name = text[:end.start()] if end else text
    words = name.split()
    return " ".join(words[:14]).strip(" ,;:.–-")


def _place_unit(place: str, span: Span, head: str | None, levels: tuple[str, ...], province: str | None) -> Unit:
    """A unit named after a place: the level of the list, or, when the list names several, the gazetteer's."""
    level = levels[0] if len(levels) == 1 else None
    if len(levels) > 1:
        known = ({ward_type(place, province)} - {None}) | district_levels(place, province)
        fits = [lvl for lvl in levels if lvl in known]
        level = fits[0] if len(fits) == 1 else None
    if head is None:
        head = "Công đoàn" if level in {"phường", "xã"} else "Liên đoàn Lao động"
    name = " ".join(part for part in (head, level, place) if part)
    head_class = "federation" if "Liên đoàn" in head else "union" if head.endswith("đoàn") else "agency"
    return Unit(name, level, place, span, head_class=head_class)


def _sector_unit(body: str, start: int, head: str, sector: str | None, pos: int) -> Unit:
    """A sector union: ``CĐVC tỉnh``, ``Công đoàn ngành Xây dựng``, ``Công đoàn Giáo dục Việt Nam``."""
    written = _name(body[pos:])
    place = sector or re.sub(r"^ngành\s+", "", written)
    match = _sectors().match(place)
    if match and sector is None:
        place = match.group()
    name = expand(f"{head} {written}") if sector is None else expand(body[:pos] + " " + written)
    end = start + pos + len(written)
    return Unit(name.strip(), "ngành", expand(place), (start, end), head_class="union")


def _institution_unit(name: str, span: Span, head: str | None, kind: str | None, place: str | None = None) -> Unit:
    """An agency, enterprise, school or hospital, or its union: ``Công đoàn cơ sở Sở Nội vụ``.

    An enterprise union carries the bare enterprise name as an alias (``Cao su Dầu Tiếng``).
    """
    full = expand(name[0].upper() + name[1:])
    unit_name = f"{head} {full}" if head else full
    bare = _bare_enterprise(full) if kind == "enterprise" else None
    aliases = [a for a in dict.fromkeys([full if head else None, bare]) if a and a != unit_name]
    return Unit(unit_name, None, place or bare or full, span, aliases, head_class=kind)


def _bare_enterprise(name: str) -> str | None:
    """An enterprise's name without its head and legal form: ``Công ty TNHH MTV Cao su Dầu Tiếng`` → ``Cao su Dầu Tiếng``."""
    found = head_at(name)
    if not found or found[0] != "enterprise":
        return None
    rest = _LEGAL_FORMS.sub("", name[found[2]:].strip())
    return rest or None
