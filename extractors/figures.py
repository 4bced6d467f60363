"""Quantitative results and targets: ``15.248 đoàn viên``, ``trên 3,5 tỉ đồng``, ``đạt 88,2%``.

A figure is read by a small grammar over the words around each number, with
its words in ``data/figures.toml`` (see :mod:`extractors.figure_words`)::

    figure := [comparator] NUMBER [scale [NUMBER scale]] unit [trở lên]
    unit   := percent | money | measure | [classifier] [“] counted-noun
            | weak-noun with a qualifier | a noun counted after an action verb

A number with no unit after it takes the unit of the list or range it starts
(``20, 30 và 50 suất quà``, ``từ 8.000 – 11.000 đoàn viên``) or the counted
noun of its clause (``tổng số đoàn viên là 1.200``, ``phát triển đoàn viên
được 551/530``). Numbers that name (``số 3``, ``Khối thi đua 11 ...``), numbers
in programme names and quotes, thresholds of a subject (``doanh nghiệp có từ
25 lao động trở lên``) and the spans in ``skip`` (dates, documents, member
counts) are no figures.
"""
from __future__ import annotations

import re

from extractors import figure_words as W
from extractors.figure_context import (CLAUSE_MARKS, LOOK, LOOK_BEFORE, Kinds, Reading, figure_of, line_end,
                                       sentence_begin)
from extractors.numbers import parse_number
from extractors.phrases import end_of, lower, start_of, words
from extractors.spans import Span, SpanSet

# A number of its own: not inside a code, time, date or period ("COVID-19", "8:30", "12/3/2024", "2020-2025");
# a fraction ("8/10") is one number.
# It starts with a digit and looks behind it (a pattern that starts with a class is scanned fast).
_NUMBER = re.compile(r"\d(?<![\w/:]\d)(?<!\w[-–.,]\d)\d*(?:[.,]\d+)*(?:/\d+)?(?![/:\d]|[-–]\d|[.,]\d)")
_FIRST_WORD = re.compile(r"[^\S\n]*([^\W\d_]+|\S)")
_QUOTED = re.compile(r"[“\"][^”\"\n]{0,200}[”\"]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_QUOTES = frozenset("“\"")
_CLAUSE_LOOK = 100
_MONEY_SCALE = 1e6  # a bare "5 triệu" or "2 tỷ" is money


class _After:
    """The words after a number (to the line's end, at most ``LOOK`` characters) and how they are written."""

    def __init__(self, text: str, low: str, pos: int) -> None:
        self.text, self.low, self.pos = text, low, pos
        self.words = words(low, pos, line_end(low, pos))

    def end(self, k: int) -> int:
        """Where the first ``k`` words end."""
        return end_of(self.low, self.pos, k)

    def written(self, k: int, n: int) -> str:
        """Words ``k`` to ``k + n`` as the text writes them."""
        start = end_of(self.low, self.pos, k)
        return " ".join(self.text[start:end_of(self.low, start, n)].split()).replace(" ,", ",")


def find_figures(text: str, skip: list[Span]) -> list[dict]:
    """Every figure outside ``skip`` (dates, documents, clusters, member counts) and outside quoted names."""
    low = lower(text)
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    blocked = SpanSet(list(skip) + quoted)
    numbers = list(_NUMBER.finditer(text))
    readings: list[Reading | None] = []
    unitless: list[bool] = []
    read_to = 0  # the end of the last figure read: "2 tỷ 500 triệu đồng" is one
    for m in numbers:
        found, bare = (None, False) if m.start() < read_to or blocked(*m.span()) else _consider(text, low, m)
        readings.append(found)
        unitless.append(bare)
        read_to = found.end if found else read_to
    for i in range(len(numbers) - 1, -1, -1):
        if not unitless[i]:
            continue
        start = numbers[i].start()
        if not (i + 1 < len(numbers) and readings[i + 1]) and _last_word(low, start) not in W.LINK_BEFORE.by_last:
            continue  # neither a list member nor after "là"/"đạt"/"được": nothing to read
        before = words(low, max(0, start - LOOK_BEFORE), start)
        if not _names(before, numbers[i].group()):
            readings[i] = _joined(low, numbers, readings, i) or (
                _clause_noun(text, low, numbers[i]) if W.LINK_BEFORE.ending(before) else None)
    kinds = Kinds(low, SpanSet(quoted))
    return [figure_of(text, low, r, kinds) for r in readings if r is not None]


def _consider(text: str, low: str, m: re.Match[str]) -> tuple[Reading | None, bool]:
    """The figure a number starts, or whether it is unitless (it may join a list or take its clause's noun).

    The first word after the number decides how much is read: most numbers (years, numbers before
    time words) are dropped on that word alone."""
    start, end = m.span()
    first = _FIRST_WORD.match(low, end)
    word = first.group(1) if first else ""
    if not word or (not word[0].isalnum() and word not in W.STARTERS) or word in W.BARE_FOLLOWER.by_first:
        return None, True
    if word not in W.STARTERS and not (word.isalpha() and text[first.start(1)].islower()
                                       and _last_word(low, start) in W.ACTION_LAST_WORDS):
        return None, False
    before = words(low, max(0, start - LOOK_BEFORE), start)
    if _names(before, m.group()) or (word not in W.STARTERS and not _after_action_verb(before)):
        return None, False
    after = _After(text, low, end)
    if W.PAGE_FURNITURE.at(after.words, 0):
        return None, False
    found = _read(m, before, after)
    if found:
        found.before = before
        found.tail_words = after.words[found.taken:]
    return found, False


def _last_word(low: str, pos: int) -> str:
    """The word that ends right before ``pos`` (after spaces), or "" when punctuation does."""
    end = pos
    while end > 0 and low[end - 1] == " ":
        end -= 1
    start = low.rfind(" ", 0, end) + 1
    word = low[start:end]
    return word if word.isalpha() else ""


def _names(before: list[str], written: str) -> bool:
    """Whether the words before a number make it a name, a date, a programme's number or a subject's threshold."""
    if not before or before[-1] not in W.NAME_LAST_WORDS:
        return False
    if written.isdigit() and before[-1] in W.TIME_WORDS:
        low, high = W.TIME_WORDS[before[-1]]
        if low <= int(written) <= high:
            return True
    n = W.IDENTIFIER_BEFORE.ending(before)
    if n and not W.IDENTIFIER_NOT_AFTER.ending(before, len(before) - n):
        return True
    end = len(before) - 1 if before and before[-1] in _QUOTES else len(before)
    return bool(W.PROGRAMME_BEFORE.ending(before, end) or W.THRESHOLD_BEFORE.ending(before))


def _read(m: re.Match[str], before: list[str], after: _After) -> Reading | None:
    """The figure a number starts, from the words after it (and, for some nouns, before it)."""
    written = m.group()
    fraction = "/" in written
    value = parse_number(written.split("/")[0])
    if not value:
        return None
    start, ahead = m.start(), after.words
    if not fraction:
        n = W.PERCENT.at(ahead, 0)
        if n:
            return Reading(value, "%", start, after.end(n), after.end(n), taken=n)
    k, scale = 0, 1.0
    n = W.SCALE.at(ahead, 0) if not fraction else 0
    if n:  # "3,5 tỷ", "62,8 nghìn tỷ", and "2 tỷ 500 triệu" as one figure
        scale, k = W.SCALE.value(ahead, 0, n), n
        n2 = W.SCALE.at(ahead, k)
        if n2 and W.SCALE.value(ahead, k, n2) > scale:
            scale, k = scale * W.SCALE.value(ahead, k, n2), k + n2
        if k + 1 < len(ahead) and ahead[k].isdigit() and len(ahead[k]) <= 3:
            n2 = W.SCALE.at(ahead, k + 1)
            if n2 and W.SCALE.value(ahead, k + 1, n2) < scale:
                value += int(ahead[k]) * W.SCALE.value(ahead, k + 1, n2) / scale
                k += 1 + n2
    found = _unit(after, k, before, fraction) or _action_noun(after, k, before)
    if found is None:
        rate = k < len(ahead) and ahead[k] == "/"  # "500 nghìn/người"
        alone = k == len(ahead) or not ahead[k][0].isalnum() or W.NOT_COUNTED.at(ahead, k)
        if k and (rate or scale >= _MONEY_SCALE and alone):
            return Reading(value, "đồng", start, after.end(k), after.end(k), scale, taken=k)
        return None
    unit, k = found
    if not fraction and _counts_members(after, start, before, k):
        return None
    return Reading(value, unit, start, after.end(k), after.end(k), scale, taken=k)


def _counts_members(after: _After, start: int, before: list[str], k: int) -> bool:
    """Whether a count of organisations counts a cluster's members: after the cluster's ``có``/``gồm``
    (``Cụm thi đua số 2, Công đoàn Viên chức tỉnh có 11 công đoàn cơ sở``; not ``toàn cụm có``), or
    followed by ``trong cụm``."""
    ahead, low = after.words, after.low
    first = next((j for j in range(k) if ahead[j][0].isalnum()), 0)
    if not (W.ORGANISATIONS.at(ahead, first) or W.WEAK.at(ahead, first)):
        return False
    n = W.MEMBER_VERB.ending(before)
    if n and _cluster_is_subject(low, start, start_of(low, start, n, LOOK_BEFORE)):
        return True
    if W.ACTION_VERB.ending(before):
        return False
    end = after.end(k)
    stop = low.find(". ", end, end + LOOK)
    tail = words(low, end, stop if stop >= 0 else end + LOOK)
    return any(W.MEMBER_OF.at(tail, j) for j in range(len(tail)))


def _cluster_is_subject(low: str, start: int, verb: int) -> bool:
    """Whether the subject of the verb at ``verb`` is a cluster: the clause (or the one it stands in
    apposition to) starts with ``Cụm``/``Khối``, and not with ``toàn``/``hiện``."""
    sentence_start = sentence_begin(low, start)
    cut = sentence_start < start - _CLAUSE_LOOK
    sentence = words(low, max(sentence_start, start - _CLAUSE_LOOK), verb)
    starts = [j for j in range(len(sentence)) if (j == 0 and not cut) or (j and sentence[j - 1] in ",:")]
    for j in reversed(starts[-2:]):
        if W.CLUSTER_TOTAL.at(sentence, j):
            return False
        if W.CLUSTER_HEAD.at(sentence, j) and not W.CLUSTER_ROLE.at(sentence, j):
            return True
    return False


def _unit(after: _After, k: int, before: list[str], fraction: bool) -> tuple[str, int] | None:
    """Money, a measure or a counted noun at word ``k`` after a number: the unit and the index after it."""
    ahead = after.words
    if k >= len(ahead):
        return None
    if not fraction:
        n = W.MONEY.at(ahead, k)
        if n and not (ahead[k] == "đồng" and k + 1 < len(ahead) and ahead[k + 1] in W.NOT_MONEY_AFTER):
            return "đồng", k + n
        n = W.OTHER_MONEY.at(ahead, k) or W.MEASURE.at(ahead, k)
        if n:
            return after.written(k, n), k + n
    n = W.COUNTED.at(ahead, k)
    if n:
        noun = _noun(after, k, n)
        named = W.ORGANISATIONS.at(ahead, k) == n and _titlecase(noun)  # "gồm 5 Công ty ..."
        return (noun, k + n) if _whole_noun(ahead, k, n) and not named else None
    n = W.WEAK.at(ahead, k)
    if n:
        counted = W.ORGANISATIONS.at(ahead, k + n)  # "518 đơn vị công đoàn cơ sở"
        if counted and _whole_noun(ahead, k + n, counted):
            return _noun(after, k + n, counted), k + n + counted
        qualified = fraction or W.WEAK_AFTER.at(ahead, k + n) or W.WEAK_BEFORE.ending(before)
        return (after.written(k, n), k + n) if qualified else None
    if ahead[k] in _QUOTES:  # "11.336 “Tổ an toàn ...”"
        n = W.COUNTED.at(ahead, k + 1)
        return (_noun(after, k + 1, n).lower(), k + 1 + n) if n else None
    n = W.CLASSIFIER.at(ahead, k)
    if n and _whole_noun(ahead, k, n):
        noun = _unit(after, k + n, before, fraction)
        if noun and noun[0] not in ("đồng", "%"):
            return f"{after.written(k, n)} {noun[0]}", noun[1]
        return after.written(k, n), k + n
    return None


def _titlecase(written: str) -> bool:
    """Whether a word is written with a capital and then small letters (``Công``, not ``CĐCS``)."""
    first = written.split(" ")[0]
    return first[0].isupper() and not first.isupper()


def _whole_noun(ahead: list[str], k: int, n: int) -> bool:
    """Whether the noun's words are not the start of another word (``tổ chức``, ``đội ngũ``)."""
    return not any(W.NOT_NOUNS.at(ahead, j) > k + n - j for j in range(k, k + n))


def _noun(after: _After, k: int, n: int) -> str:
    written = after.written(k, n)
    return W.WRITTEN_OUT.get(written.lower(), written)


def _after_action_verb(before: list[str]) -> bool:
    """Whether the words before a number end with an action verb (and fillers: ``kết nạp mới được``)."""
    end = len(before)
    while W.ACTION_FILLER.ending(before, end):
        end -= W.ACTION_FILLER.ending(before, end)
    return bool(W.ACTION_VERB.ending(before, end))


def _action_noun(after: _After, k: int, before: list[str]) -> tuple[str, int] | None:
    """Any noun counted after an action verb (``trao 300 mũ bảo hộ``), when it is no time, rank or function word."""
    if k >= len(after.words) or not _after_action_verb(before):
        return None
    taken = 0
    while taken < 2 and k + taken < len(after.words):
        written = after.written(k + taken, 1)
        if not (written.isalpha() and written.islower()) or W.NOT_COUNTED.at(after.words, k + taken):
            break
        taken += 1
    return (after.written(k, taken), k + taken) if taken else None


def _joined(low: str, numbers: list[re.Match[str]], readings: list[Reading | None], i: int) -> Reading | None:
    """A unitless number that starts a list or a range takes the unit of the next member."""
    if i + 1 >= len(numbers) or readings[i + 1] is None or _YEAR.fullmatch(numbers[i].group()):
        return None
    nxt = readings[i + 1]
    join = words(low, numbers[i].end(), numbers[i + 1].start())
    is_range = len(join) == 1 and bool(W.RANGE_JOIN.at(join, 0))
    if not is_range and not (join and W.LIST_JOIN.at(join, 0) == len(join)) and join != [",", "và"]:
        return None
    value = parse_number(numbers[i].group().split("/")[0])
    if value is None:
        return None
    if is_range:
        nxt.comparator = nxt.comparator or "<="
    return Reading(value, nxt.unit, numbers[i].start(), numbers[i].end(), nxt.tail, nxt.scale,
                    ">=" if is_range else None)


def _clause_noun(text: str, low: str, m: re.Match[str]) -> Reading | None:
    """A unitless number after ``là``/``được``/``đạt`` takes the counted noun its clause introduces."""
    clause = words(low, max(0, m.start() - _CLAUSE_LOOK), m.start())
    link = W.LINK_BEFORE.ending(clause)
    if not link:
        return None
    marks = [j for j, w in enumerate(clause) if w in CLAUSE_MARKS]
    first = marks[-1] + 1 if marks else 1  # the window's first word may be cut
    found = None
    for j in range(first, len(clause)):
        n = W.COUNTED.at(clause, j)
        if n and (W.CLAUSE_NOUN_CUE.ending(clause, j) or W.ACTION_VERB.ending(clause, j)):
            found = (j, n)
    value = parse_number(m.group().split("/")[0])
    if found is None or value is None:
        return None
    j, n = found
    noun_start = start_of(low, m.start(), len(clause) - j, _CLAUSE_LOOK)
    noun = " ".join(text[noun_start:end_of(low, noun_start, n)].split())
    subject = text[start_of(low, m.start(), len(clause) - max(first, j - 2), _CLAUSE_LOOK):
                   start_of(low, m.start(), link, _CLAUSE_LOOK)].strip()
    return Reading(value, W.WRITTEN_OUT.get(noun.lower(), noun), m.start(), m.end(), m.end(), subject=subject)
