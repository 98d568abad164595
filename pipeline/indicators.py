"""Stage: INDICATOR spans, the article's quantities with their units (SCHEMA.md, GUIDE.md "indicators").

An indicator is a number (digits, `1.234,5`, scale words `5.600 tỷ`, `1 tỷ 200 triệu`, number words
`ba chương trình`) followed by a unit of measure (`units.tsv`: money, %, area, mass, yield, length,
volume, power, energy) or by a counted noun (`counted_nouns.tsv`: hộ, xã, dự án, lượt ...). Every
value is converted to the canonical unit (`58,2 tạ/ha` -> 5820 kg/ha). What is not a quantity is
left out by rule, each rule a table of words:

- a unit of time or age after the number (`6 tháng`, `trong 3 ngày`, `60 tuổi`: units.tsv unit `-`);
- a word before it that makes it a rank, a name or a date (`Kỳ họp thứ 12`, `Quốc lộ 217`, `ngày 20`,
  `Covid 19`, `Covid - 19`, `tinh thần 7 dám`: number_contexts.tsv); a share or a number with decimals is
  no day, month or year (`tăng bình quân năm 8,5%`);
- its own shape: dates `20/6/2022`, month-years `8/2025`, document numbers `12/NQ-HĐND`, codes glued
  to letters `12A` `J02` `8h30`, phone numbers with a leading zero `0277.3851.246`, times `8:30`;
- a bare number with no unit and no counted noun (`mức báo động 2`, `nhiệm kỳ 2021-2026`).

A number followed by a noun that is in neither table is still a count (`38 vụ`, `1.350 bao`) unless
that word is a function word or verb (not_counted.txt) or the number ends a name (`Lữ đoàn 147 hành
quân`) or opens a short quotation (`“3 không”`: a slogan); number words count only before a listed noun,
and not when they name the parties of a meeting (`giữa hai địa phương`, `Hai đoàn`: referential_nouns.txt).
A capitalized listed noun after digits is still counted (`thông qua 5 Nghị Quyết`) unless the number is a
year or ends a name. Numbers in words are read by numbers.py.

Number words are names too (`ông Bảy`, `Trần Văn Bảy đồng chủ trì`: capitalized inside the sentence, or the
end of a word token), and no sum of money is written in words without a scale word (`đầu năm đồng thời`).
The parties' nouns count when the number opens an enumeration after a word that places something (`địa bàn
hai huyện A và B`). The last of a list of bare numbers is a label, not a count, when the list numbers places
before an address (`thôn 1, 2, 3 xã A`) or lists years (`năm 2023, 2024 và 2025 huyện ...`); a map's scale
(`quy hoạch 1/500 khu dân cư`), a generation (`công nghiệp 4.0`) and a page's view counter (`1.018 lượt xem`
ending a line) count nothing; a count written with an English thousands comma (`1,018 lượt`) is read as such.

The counted thing is a whole word: a listed head that the word token goes on past is the token
(`2 nhà xưởng`, `hai nhà máy`, `8 khu vực`), except a classifier, which is the unit whatever follows
(`12 căn nhà` -> căn); a head that names no kind alone takes the syllable after it (`20 máy thở`).
A scale word multiplies counts as well as money (`112 triệu trái`). `gấp 1,7 lần` is a count of times
(a change of kind `times`), and `trên 1 ha` before a figure of its clause is that figure's divisor
(`giá trị trên 1 ha đạt 120 triệu đồng`: VND per ha), not a quantity; so is a count of one after a price
word before a sum of money (`trị giá 01 con bò 10 triệu đồng`: VND per cow).

Beyond the contract each record carries its offsets, the number and unit as written, a rate's
divisor (`per`), qualifiers (`hơn`, `ước đạt`: qualifiers.tsv), the measured thing (`measure`),
a change and its base (`tăng 5% so với cùng kỳ`: changes.tsv, comparisons.tsv), a range's two ends
(`6,5-7%`, `từ 5 đến 7 tấn`, `2-3 tổ`: two records in the range's unit and divisor, linked by `range`),
the reporting period (periods.tsv), and for a share or change that follows a figure, the figure it
`refers_to` (measure_words.tsv trims the measured thing).

Ages (`60 tuổi`) are left out on purpose: in these articles they state who is eligible (`người từ 80
tuổi trở lên`), not a result, and the gold never lists them.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import regex

from .document import INDICATOR, SENTENCE, TOKEN, Document, Span
from .errors import RuleDataError
from .numbers import NumberMatch, match_number, number_words, parse_digits, tidy
from .tables import build_automaton, finditer_at, load_table, load_words

NOT_A_QUANTITY = "-"  # units.tsv: a unit of time or age
HEAD_KINDS = frozenset({"", "classifier", "complement", "definite"})  # counted_nouns.tsv `head`
CONTEXT_KINDS = frozenset({"ordinal", "identifier", "date", "time", "date_if_ratio", "scale", "quantity",
                           "per_one", "price_of_one"})
MAX_MEASURE_WORDS = 12
WORDS_LOOKED_BACK = 8  # qualifiers, change verbs and contexts before a number fit in this many words
MAX_CLAUSE_CHARACTERS = 240  # a measure is read from at most this much text before its figure
MAX_BASE_WORDS = {"compare": 8, "target": 6}
YEARS = range(1900, 2101)
TITLE_CASE_WORDS = 4  # a line of at least this many words, nearly all capitalized, is in Title Case
PHONE_DIGITS = 8  # a leading zero before this many digits is a phone number; `06 trường` is a count
# A number in words may stand alone only before a unit of measure: "một" is mostly the article "a"
# (một số = some) and "năm" the word "year" (năm người dân = the year's people).
WORDS_NEEDING_A_MEASURE = frozenset({"một", "năm"})
BASIS_KINDS = frozenset({"per_one", "price_of_one"})  # number_contexts.tsv: one unit a later figure is per
MONEY = frozenset({"VND", "USD", "EUR"})
DASHES = frozenset("-–")
QUOTES_OPEN = "“\"‘'«"
QUOTES_CLOSE = "”\"’'»"
MAX_SLOGAN_CHARACTERS = 40  # a numbered slogan in quotes is a few words: `“3 không”`, `"5 không, 3 sạch"`
REFERENTIAL_OPENERS = frozenset({"giữa", "cả"})  # giữa hai địa phương, cả hai bên
# Words that place something in or next to the units a number word counts: after them `hai huyện A và B`
# counts two districts (see `_Finder.is_referential`).
ENUMERATION_OPENERS = frozenset({"và", "địa bàn", "giáp", "giáp với", "giáp ranh", "tiếp giáp", "tại", "ở",
                                 "thuộc", "gồm", "bao gồm", "gồm có", "có", "là", "qua", "đi qua", "chảy qua"})
# After the counted noun: optional words that qualify it, then two names joined by `,` or `và` (not by a dash)
_NAME = r"\p{Lu}[\p{L}\p{M}’'\-]*(?:[ ]\p{Lu}[\p{L}\p{M}’'\-]*)*"
_ENUMERATED_NAMES = regex.compile(rf"(?:[ ](?:bạn|láng giềng|lân cận))?[ ]{_NAME}(?:,|[ ]và)[ ]\p{{Lu}}")
LIST_JOINS = frozenset({",", "và"})  # between the numbers of a list of numbered places (`thôn 1, 2 và 3`)
_QUALIFIED_SLASH = regex.compile(r"(?:[ ]\p{Ll}[\p{Ll}\p{M}]*){1,3}/(?=\d)")  # `trẻ nhà trẻ/480 lớp`
_N_IN_ONE = regex.compile(r"(?<![\p{L}\p{N}])\d{1,2}[ ]trong[ ]$")  # `5 trong 1`, `3 trong 1`: a name
_NAME_AFTER = regex.compile(r"[ ]\p{Lu}\p{Ll}")  # a capitalized name right after a counted noun
# A count written with an English thousands comma (`1,018 lượt`, `12,636 người`): a comma before exactly three
# digits cannot be the decimal mark of a count of whole things (numbers.py reads `1,2` as 1.2 everywhere else).
_GROUPED_BY_COMMA = regex.compile(r"\d{1,3},\d{3}")
_VIEW_COUNTER = regex.compile(r"[ ](?:xem|đọc)[ ]*(?:\n|$)")  # `5.547 lượt xem` alone at a line's end
# The scales of maps and plans (`quy hoạch chi tiết 1/500`, `quy hoạch chung 1/10.000`): one of so many is never
# a count of the noun after it, whatever word stands before
MAP_SCALES = frozenset(Decimal(n) for n in (200, 500, 1000, 2000, 5000, 10000, 25000, 50000, 100000))
_VERSION = regex.compile(r"\d\.0")  # `4.0`, `2.0`: a generation (`công nghiệp 4.0`); no count is written so
SMALLEST_SUM_IN_WORDS = 1000  # a sum of money in words below this is no sum: `năm đồng` is `năm đồng thời`
COMPARISON_MARKERS = ("so với", "so với cùng kỳ", "cùng kỳ")
FRACTION_BAR = "phần"  # between two numbers: `hai phần ba` = 2/3 (`3 phần quà` counts gifts)
FRACTION_OF = " số "  # `1/3 số hộ`, `2/3 số xã`: X/Y of the noun, read as the ratio X of Y
VND_SCALE = Decimal(10**6)  # `5.600 tỷ`, `450 triệu` without a unit are money: the reader supplies đồng
PRICE_SCALE = Decimal(10**3)  # `65 nghìn/kg`: with a divisor after it, a thousand is money too (a price)

_WORD = regex.compile(r"[\p{L}\p{M}]+|\d+(?:[.,]\d+)*|[^\s\p{L}\p{M}\d]")
# A digit compound at a number's start: digit groups with `.`/`,`, and `/` between numbers.
_COMPOUND = regex.compile(r"\d+(?:[.,]\d+)*(?:/\d+(?:[.,]\d+)*)*")
_CLAUSE_BOUNDARY = regex.compile(r"[;:!?()\[\]\n“”\"]|[.,](?!\d)|\s[-–]\s")
_MEASURE_BOUNDARY = regex.compile(r"[;:!?\[\]\n“”\"]|[.,](?!\d)|\s[-–]\s")  # parentheses stay: `(GRDP)`
_DAY_MONTH = regex.compile(r"(\d{1,2})/(\d{1,2})(?!\d)")
_CODE_TAIL = regex.compile(r"[/\-–]\p{L}|:\d")
_BASE_HEAD = regex.compile(r"[ ]([\p{L}\p{M}]+)")
_RANGE_JOIN = regex.compile(r"[ ]?[-–][ ]?|[ ](?:đến|tới)[ ]")
_LOWER_WORD = regex.compile(r"[\p{Ll}\p{M}]+(?:[ _][\p{Ll}\p{M}]+)*")
_SYLLABLE = regex.compile(r"[\p{Ll}\p{M}]+")
_DIVISOR = regex.compile(r"/[ ]?")


@dataclass(frozen=True, slots=True)
class Unit:
    surface: str
    unit: str  # canonical unit, the counted noun, or NOT_A_QUANTITY
    factor: Decimal
    counted: bool  # from counted_nouns.tsv (never glued to digits, never Title Case)
    head: str = ""  # counted_nouns.tsv `head`: "classifier", "complement" or "" (see `_Finder.whole_word`)


@dataclass(frozen=True, slots=True)
class ChangeVerb:
    direction: str
    kind: str  # by | to
    in_text: bool


@dataclass(frozen=True)
class IndicatorData:
    """Everything the finder reads from the tables, compiled once."""

    units: Mapping[str, Unit]  # lower-case surface -> Unit
    unit_pattern: SurfacePattern  # any surface, longest first, at a word end
    glued_pattern: SurfacePattern  # units of measure only, for `70ha`
    contexts: Mapping[tuple[str, ...], str]  # words before a number -> kind
    qualifiers: Mapping[tuple[str, ...], str]  # words -> meaning
    changes: Mapping[tuple[str, ...], ChangeVerb]
    comparisons: Mapping[tuple[str, ...], str]
    comparison_starts: frozenset[tuple[str, ...]]
    measure_lead: frozenset[tuple[str, ...]]
    measure_trail: frozenset[tuple[str, ...]]
    measure_cut: frozenset[tuple[str, ...]]
    measure_cut_firsts: frozenset[str]
    not_counted: frozenset[str]
    referential: frozenset[str]
    number_start: regex.Pattern[str]
    period_pattern: regex.Pattern[str]
    longest_phrase: int = 4
    # the words that begin a number (bit 1) or a period (bit 2), case-folded: see `_starts`
    first_words: Any = None


class PhraseTable(dict):  # type: ignore[type-arg]
    """A table keyed by a phrase's lower-case words, which also knows the words its phrases end with: most words
    before a number end none, and `phrase_before` is done with them after one set lookup."""

    def __init__(self, entries: Mapping[tuple[str, ...], Any]) -> None:
        super().__init__(entries)
        self.last_words = frozenset(key[-1] for key in self if key)


def _phrases(rows: Iterable[str]) -> list[tuple[str, ...]]:
    return [tuple(row.lower().split()) for row in rows]


def _alternation(surfaces: Iterable[str]) -> str:
    return "|".join(regex.escape(s) for s in sorted(set(surfaces), key=len, reverse=True))


class SurfacePattern:
    """`(?:surface|...)` + `end`, any case, the longest surface first, as one pattern would match it; but tried
    only with the surfaces that start with the character at the position (one pattern per first character,
    chosen by a pattern of those characters). Half the time of the whole alternation of the units, whose match
    tries its alternatives one after the other."""

    def __init__(self, surfaces: Iterable[str], end: str) -> None:
        ordered = sorted(set(surfaces), key=len, reverse=True)
        self.whole = regex.compile(rf"(?:{_alternation(ordered)}){end}", regex.IGNORECASE)
        groups: list[tuple[str, list[str]]] = []  # (first character, its surfaces in the whole one's order)
        # first character -> its group; characters that are equal in any case share one (the pattern says which)
        group_of: dict[str, tuple[str, list[str]]] = {}
        for surface in ordered:
            if not surface:  # an empty surface matches anywhere: only the whole alternation says how
                self.first: regex.Pattern[str] | None = None
                return
            initial = surface[0]
            group = group_of.get(initial) or next(
                (g for g in groups if regex.fullmatch(regex.escape(g[0]), initial, regex.IGNORECASE)), None)
            if group is None:
                group = (initial, [])
                groups.append(group)
            group_of[initial] = group
            group[1].append(surface)
        self.first = regex.compile("|".join(f"({regex.escape(first)})" for first, _ in groups), regex.IGNORECASE)
        self.groups = [group for _, group in groups]
        self.end = end
        self.parts: list[regex.Pattern[str] | None] = [None] * len(groups)  # compiled when first needed

    def match(self, text: str, pos: int) -> regex.Match[str] | None:
        if self.first is None:
            return self.whole.match(text, pos)
        first = self.first.match(text, pos)
        if first is None:
            return None
        index = first.lastindex - 1  # type: ignore[operator]
        part = self.parts[index]
        if part is None:
            alternation = "|".join(regex.escape(s) for s in self.groups[index])
            part = self.parts[index] = regex.compile(rf"(?:{alternation}){self.end}", regex.IGNORECASE)
        return part.match(text, pos)


def _period_pattern() -> regex.Pattern[str]:
    year = r"(?:19|20)\d{2}"
    follows = {
        "year": rf"[ ]{year}(?![\d/])",
        "month": rf"[ ](?:1[0-2]|0?[1-9])(?:[ ]?/[ ]?{year}|[ ]năm[ ]{year})?(?![\d/])",
        "quarter": rf"[ ](?:IV|I{{1,3}}|[1-4])(?![\p{{L}}\d])(?:[ ]?/[ ]?{year}|[ ]năm[ ]{year})?",
        "year_range": rf"[ ]{year}[ ]?[-–][ ]?{year}",
        "season": rf"(?:(?:[ ]năm)?[ ]{year}(?:[ ]?[-–][ ]?{year})?)?",
        "alone": rf"(?:[ ]{year})?",
    }
    alternatives = []
    for row in load_table("periods.tsv", ("head", "takes")):
        if row["takes"] not in follows:
            raise RuleDataError(f"periods.tsv: {row['head']!r} takes {row['takes']!r}, not one of {sorted(follows)}")
        alternatives.append(regex.escape(row["head"]) + follows[row["takes"]])
    counts = "|".join(w for w, nw in number_words().items() if nw.role in ("digit", "ten")) + r"|\d{1,2}"
    # "6 tháng đầu năm 2022", "9 tháng năm 2024", "sáu tháng cuối năm": a count of months within a year
    alternatives.insert(0, rf"(?:{counts})[ ]tháng(?:[ ](?:đầu|cuối))?[ ]năm(?:[ ]{year})?")
    alternatives.sort(key=len, reverse=True)
    # No look-ahead for the alternatives' first characters in front: it only repeats what the alternatives
    # test first, and the engine is a fifth faster without it. It is tried only where a period can begin
    # (`_starts`).
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\d])(?:{'|'.join(alternatives)})(?![\p{{L}}\p{{M}}])",
                         regex.IGNORECASE)


@functools.cache
def load_indicator_data() -> IndicatorData:
    units: dict[str, Unit] = {}
    measure_surfaces = []
    for row in load_table("units.tsv", ("surface", "unit", "factor")):
        try:
            factor = Decimal(row["factor"])
        except ArithmeticError as exc:
            raise RuleDataError(f"units.tsv: factor {row['factor']!r} of {row['surface']!r} is not a number") from exc
        units[row["surface"].lower()] = Unit(row["surface"], row["unit"], factor, counted=False)
        measure_surfaces.append(row["surface"].lower())
    for row in load_table("counted_nouns.tsv", ("surface", "unit", "head?")):
        surface = row["surface"].lower()
        if surface in units:
            raise RuleDataError(f"counted_nouns.tsv: {surface!r} is already a unit in units.tsv")
        if row["head"] not in HEAD_KINDS:
            raise RuleDataError(f"counted_nouns.tsv: head {row['head']!r} of {surface!r} is not one of "
                                f"{sorted(HEAD_KINDS - {''})} or empty")
        units[surface] = Unit(row["surface"], row["unit"], Decimal(1), counted=True, head=row["head"])
    end = r"(?![\p{L}\p{M}\p{N}])"
    contexts = {}
    for row in load_table("number_contexts.tsv", ("surface", "kind")):
        if row["kind"] not in CONTEXT_KINDS:
            raise RuleDataError(f"number_contexts.tsv: kind {row['kind']!r} of {row['surface']!r} "
                                f"is not one of {sorted(CONTEXT_KINDS)}")
        contexts[tuple(row["surface"].lower().split())] = row["kind"]
    qualifiers = {tuple(r["surface"].lower().split()): r["meaning"]
                  for r in load_table("qualifiers.tsv", ("surface", "meaning"))}
    changes = {}
    for row in load_table("changes.tsv", ("surface", "direction", "kind", "in_text")):
        if row["kind"] not in ("by", "to", "times") or row["in_text"] not in ("yes", "no"):
            raise RuleDataError(f"changes.tsv: {row['surface']!r} needs kind by|to|times and in_text yes|no, "
                                f"not {row}")
        verb = ChangeVerb(row["direction"], row["kind"], in_text=row["in_text"] == "yes")
        changes[tuple(row["surface"].lower().split())] = verb
    comparisons = {tuple(r["surface"].lower().split()): r["kind"]
                   for r in load_table("comparisons.tsv", ("surface", "kind"))}
    measure = load_table("measure_words.tsv", ("surface", "role"))
    starts = [w for w, nw in number_words().items() if nw.role in ("digit", "ten") and nw.value > 0]
    number_start = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{N}}_])(?<![\p{{L}}\p{{M}}\p{{N}}][.\-–/,+])"
        rf"(?:\d|(?i:{_alternation(starts)}){end})")
    phrase_lengths = [len(k) for table in (contexts, qualifiers, changes, comparisons) for k in table]
    return IndicatorData(
        units=units,
        unit_pattern=SurfacePattern(units, end),
        glued_pattern=SurfacePattern(measure_surfaces, end),
        contexts=PhraseTable(contexts),
        qualifiers=PhraseTable(qualifiers),
        changes=PhraseTable(changes),
        comparisons=PhraseTable(comparisons),
        comparison_starts=frozenset(k[:1] for k in comparisons),
        measure_lead=frozenset(_phrases(r["surface"] for r in measure if r["role"] == "lead")),
        measure_trail=frozenset(_phrases(r["surface"] for r in measure if r["role"] == "trail")),
        measure_cut=frozenset(_phrases(r["surface"] for r in measure if r["role"] == "cut")),
        measure_cut_firsts=frozenset(p[0] for p in _phrases(r["surface"] for r in measure if r["role"] == "cut")),
        not_counted=frozenset(w.lower() for w in load_words("not_counted.txt")),
        referential=frozenset(w.lower() for w in load_words("referential_nouns.txt")),
        number_start=number_start,
        period_pattern=_period_pattern(),
        first_words=_first_words(starts),
        longest_phrase=max(phrase_lengths),
    )


@dataclass
class Figure:
    """One indicator being assembled: where its parts are, what they say."""

    start: int  # of the span (a directly attached change verb included)
    end: int
    number_start: int
    number_end: int
    value: Decimal  # in the canonical unit
    unit: str
    unit_start: int | None = None
    unit_end: int | None = None
    of: Decimal | None = None
    per: str | None = None
    qualifier: tuple[int, int] | None = None
    change: dict[str, Any] | None = None
    compared_to: tuple[int, int] | None = None
    range: dict[str, Any] | None = None
    extras: dict[str, Any] = field(default_factory=dict)


def _date_like(pos: int, text: str) -> bool:
    """`15/8`: a ratio that could be a day and month."""
    m = _DAY_MONTH.match(text, pos)
    return m is not None and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12


def _is_year(written: str) -> bool:
    """Four digits without a thousands dot that read as a year (`2024`; `2.024` is a count)."""
    return written.isdigit() and len(written) == 4 and int(written) in YEARS


def _opens_sentence(text: str, pos: int) -> bool:
    """The word at `pos` is the first of its sentence (capitalized for that reason alone)."""
    while pos and text[pos - 1] == " ":  # no copy of the text before it: this runs for every capital's number
        pos -= 1
    return not pos or text[pos - 1] in ".!?:;\n-–•*"


def _number(value: Decimal) -> int | float:
    value = tidy(value)
    return int(value) if value == value.to_integral_value() else float(value)


class _Finder:
    """Reads one document's figures; a class only to share the text, tables and indexes between steps."""

    def __init__(self, doc: Document, data: IndicatorData) -> None:
        self.doc, self.text, self.data = doc, doc.text, data
        self._tokens: dict[int, Span] | None = None
        self._token_ends: dict[int, Span] | None = None
        # several steps look at the same words: position -> (words read, the words)
        self._words_before: dict[int, tuple[int, list[tuple[int, int, str]]]] = {}
        self._title_case_lines: dict[int, bool] = {}  # line start -> written in Title Case

    # -- the words around a position -------------------------------------------------------------

    def words_before(self, pos: int, limit: int = WORDS_LOOKED_BACK) -> list[tuple[int, int, str]]:
        """Up to `limit` words (or punctuation marks) before `pos`, nearest last, as (start, end, lower text)."""
        limit_read = max(limit, WORDS_LOOKED_BACK)
        read, words = self._words_before.get(pos, (0, []))
        # read again when too few words were read (not when the same window would give the same words)
        if not read or (len(words) < limit and words and words[0][0] > 0 and read != limit_read):
            window_start = max(0, pos - 8 * limit_read)  # Vietnamese syllables are short: 8 characters is ample
            words = _last_words(self.text, window_start, pos, limit_read)
            self._words_before[pos] = (limit_read, words)
        return words[-limit:]

    def phrase_before(self, words: list[tuple[int, int, str]], table: Mapping[tuple[str, ...], Any]
                      ) -> tuple[int, Any] | None:
        """The longest entry of `table` that the words end with: (number of words, entry)."""
        last_words = getattr(table, "last_words", None)
        if not words or (last_words is not None and words[-1][2] not in last_words):
            return None
        lows = [w for _, _, w in words[-self.data.longest_phrase:]]
        for n in range(min(self.data.longest_phrase, len(words)), 0, -1):
            key = tuple(lows[-n:])
            if key in table:
                return n, table[key]
        return None

    def unit_at(self, pos: int, *, glued: bool = False, number: NumberMatch | None = None
                ) -> tuple[Unit, int, int] | None:
        pattern = self.data.glued_pattern if glued else self.data.unit_pattern
        m = pattern.match(self.text, pos)
        if m is None:
            return None
        unit = self.data.units[m.group().lower()]
        written = m.group()
        if (unit.counted and written[:1].isupper() and not written.isupper() and not self.in_title_case(pos)
                and not self.counts_a_capitalized_noun(number)):
            return None  # `2024 Hội An`: a Title-Case word after a number is a name, not a counted noun
        if not unit.counted:  # a unit of measure ends where it is written: `1,5 triệu đồng tiền mặt`
            return unit, m.start(), m.end()
        found = self.whole_word(unit, m.start(), m.end())
        if found[0] is not unit and found[0].unit in self.data.not_counted:
            return None  # a listed head inside a word that counts nothing: `1/2 dân số` is not `dân`
        return found

    def counts_a_capitalized_noun(self, number: NumberMatch | None) -> bool:
        """`thông qua 5 Nghị Quyết`, `có 12 Đảng bộ`: documents and bodies are often capitalized, and a count in
        digits before a listed noun still counts them; not a year (`2024 Hội An`), a number in words (`Ba Đồn`,
        `Hai Bà Trưng` are names) or the number of a name (`Bệnh viện 103 Quân đội`)."""
        if number is None or number.in_words or number.scale != 1:
            return False
        written = self.text[number.start:number.end]
        return not _is_year(written) and not self.follows_a_name(number)

    def whole_word(self, unit: Unit, start: int, end: int) -> tuple[Unit, int, int]:
        """The counted thing as the whole word that begins with the listed surface text[start:end].

        A listed head may be the first syllable of a longer word (`2 nhà xưởng`, `hai nhà máy`, `8 khu vực`,
        `3 ca sĩ`, `3 khách sạn`): the word token says where the word ends, and the whole word is the
        unit, unless the surface is a classifier (`12 căn nhà` counts căn). A `complement` head takes
        the next word when it is one lower-case syllable the segmenter left apart (`20 máy thở`).
        """
        if unit.head == "classifier":
            return unit, start, end
        units = self.data.units
        token = self.token_at(start)
        if token is not None and token.end > end:
            word = token.text.lower()
            if _LOWER_WORD.fullmatch(token.text) and word not in units:
                return Unit(token.text, word, Decimal(1), counted=True), start, token.end
            return unit, start, end
        if unit.head == "complement":
            after = self.token_at(end + 1)
            if (after is not None and self.text[end:end + 1] == " " and _SYLLABLE.fullmatch(after.text)
                    and after.text not in self.data.not_counted and after.text not in units):
                written = self.text[start:after.end]
                return Unit(written, written.lower(), Decimal(1), counted=True), start, after.end
        return unit, start, end

    def in_title_case(self, pos: int) -> bool:
        """The line at `pos` is written in Title Case (`Thu Ngân Sách Đạt 1.200 Tỷ Đồng`): there a capital
        says nothing about a name."""
        text = self.text
        line_start = text.rfind("\n", 0, pos) + 1
        known = self._title_case_lines.get(line_start)
        if known is None:
            line_end = text.find("\n", pos)
            words = [w for w in text[line_start:line_end if line_end >= 0 else len(text)].split() if w[0].isalpha()]
            capitals = sum(w[0].isupper() for w in words)
            known = self._title_case_lines[line_start] = len(words) >= TITLE_CASE_WORDS and capitals >= 0.8 * len(words)
        return known

    def token_at(self, pos: int) -> Span | None:
        if self._tokens is None:
            self._tokens = {t.start: t for t in self.doc.get(TOKEN)}
        return self._tokens.get(pos)

    def token_ending_at(self, pos: int) -> Span | None:
        if self._token_ends is None:
            self._token_ends = {t.end: t for t in self.doc.get(TOKEN)}
        return self._token_ends.get(pos)

    # -- one figure -------------------------------------------------------------------------------

    def context_before(self, pos: int) -> tuple[int, str] | None:
        """The number_contexts.tsv entry the words before `pos` end with: (number of words, kind).

        A name joined to its number by a dash keeps it across the dash (`Covid - 19`, `Covid -19`)."""
        words = self.words_before(pos, self.data.longest_phrase + 1)
        dashed = bool(words) and words[-1][2] in DASHES
        if dashed:
            words = words[:-1]
        found = self.phrase_before(words[-self.data.longest_phrase:], self.data.contexts)
        if found is None:
            return None
        n, kind = found
        token = self.token_ending_at(words[-1][1])
        if token is not None and token.start < words[-n][0]:
            # the word ends a longer word: `danh mục 12`, `khẩn cấp 68 hộ` are not `mục 3`, `cấp 2`
            kind = self.data.contexts.get(tuple(token.text.lower().split()), "quantity")
        if dashed and kind != "identifier":  # `tổ 3 - 5 người` is read from its low end; a dash ends the rest
            return None
        return n, kind

    def blocked_by_context(self, pos: int, *, ratio: bool, measured: bool = False, no_date: bool = False) -> bool:
        """A word before the number makes it a rank, a name, a date or a time (number_contexts.tsv).

        A number `measured` in a unit of measure is a quantity after a word that would make a bare number a
        name: `nền đường 17 m` is a width, where `đường 17` names a street; and a number that is `no_date`
        (decimals, a share) is no day, month or year: `tăng bình quân năm 8,5%`."""
        found = self.context_before(pos)
        if found is None:
            return False
        kind = found[1]
        if kind == "date_if_ratio":  # `trước 15/8 xã ...`, but `trước 300 hộ` is a count
            return ratio and _date_like(pos, self.text)
        if kind == "scale":  # `tỷ lệ 1/500`: a map's scale
            return ratio
        if kind == "identifier" and measured:
            return False
        if kind == "date" and no_date:
            return False
        return kind not in ("quantity", *BASIS_KINDS)

    def shape_is_not_a_quantity(self, pos: int) -> tuple[bool, int, Decimal | None]:
        """(skip, end of the digit compound, denominator of a ratio) for the digits at `pos`."""
        m = _COMPOUND.match(self.text, pos)
        if m is None:
            return True, pos + 1, None
        compound, end = m.group(), m.end()
        after = self.text[end:end + 2]
        if compound.count("/") >= 2:  # 20/6/2022, 05/2023/NQ-HĐND
            return True, end, None
        if _CODE_TAIL.match(after):  # 12/NQ-HĐND, 19-CT/TU, 8:30
            return True, end, None
        first = compound.split("/")[0]
        if first[:1] == "0" and sum(c.isdigit() for c in first) >= PHONE_DIGITS:  # 0277.3851.246, 069.2478.115
            return True, end, None
        if "/" not in compound:
            return False, end, None
        numerator, denominator = compound.split("/")
        try:
            top, bottom = parse_digits(numerator), parse_digits(denominator)
        except ValueError:
            return True, end, None
        if bottom in YEARS or bottom == 0 or top > bottom:  # tháng 8/2025; 15/8 is a date, not 15 of 8
            return True, end, None
        if top == 1 and bottom in MAP_SCALES:  # `quy hoạch chi tiết 1/500 khu dân cư`: a plan's scale
            return True, end, None
        return False, end, bottom

    def find_at(self, pos: int) -> tuple[list[Figure], int]:
        """The figures that start at `pos` (two for a range), and where reading stopped."""
        text = self.text
        of = None
        if (text[pos] == "1" and not text[pos + 1:pos + 2].isdigit()
                and _N_IN_ONE.search(text, max(0, pos - 12), pos) is not None):
            return [], pos + 1  # `vắc xin 5 trong 1 dịch vụ`: a product's name, not a count of what follows
        if text[pos].isdigit():
            skip, compound_end, of = self.shape_is_not_a_quantity(pos)
            if skip:
                return [], compound_end
        if of is not None:
            numerator = text[pos:text.index("/", pos)]
            number = NumberMatch(pos, pos + len(numerator), parse_digits(numerator), False, Decimal(1), False)
            after_number = compound_end
            glued = after_number < len(text) and text[after_number].isalpha()
        else:
            match = match_number(text, pos)
            if match is None:
                return [], pos + 1
            number, after_number, glued = match, match.end, match.glued
        low = self.read_unit(number, after_number, glued=glued, ratio=of is not None)
        if low is not None and low[0].unit == NOT_A_QUANTITY:
            return [], low[1]
        ranged = None
        if of is None and not number.in_words:
            ranged = self.read_range(number, low[0] if low else None)
        if low is None and ranged is None:
            term = self.term_of_years(number)
            return [], term if term is not None else after_number
        # the words before are read last: most numbers are already settled by what follows them
        measured = low is not None and not low[0].extras["counted"]
        # a number with decimals, or a share, is no day, month or year (`năm 8,5%`: `năm 2024` is)
        written = text[number.start:number.end]
        no_date = measured and ("," in written or "." in written or low[0].unit == "%")  # type: ignore[index]
        if (self.blocked_by_context(pos, ratio=of is not None, measured=measured, no_date=no_date)
                or self.is_named_year(number)
                or (ranged is None and low is not None and self.ends_a_list_of_labels(number, low[0]))):
            return [], after_number
        if ranged is None and low is not None and low[0].extras.get("unlisted") and self.is_quoted_slogan(low[0]):
            return [], low[1]
        if low is not None and low[0].extras["counted"] and _VERSION.fullmatch(written):
            return [], low[1]  # `công nghiệp 4.0 mở ra`: a version's number, not a count of what follows
        if ranged is not None:
            figures, reading_end = ranged
            self.read_context(figures[0], base_after=figures[1])
            for key in ("qualifier", "change", "compared_to"):
                setattr(figures[1], key, getattr(figures[0], key))
            figures[1].extras["context_start"] = figures[0].extras["context_start"]
            return figures, reading_end
        if low is None:
            return [], after_number
        figure, reading_end = low
        figure.of = of
        self.read_context(figure)
        return [figure], reading_end

    def term_of_years(self, number: NumberMatch) -> int | None:
        """`nhiệm kỳ 2016 – 2021 tổ chức hội nghị`: two years joined by a dash are a term; where the second
        ends, so that it is not read again alone as a count of what follows (`2021 tổ chức`)."""
        text = self.text
        if not _is_year(text[number.start:number.end]):
            return None
        join = _RANGE_JOIN.match(text, number.end)
        if join is None or join.group().strip() not in DASHES:
            return None
        m = _DIGITS.match(text, join.end())
        return m.end() if m is not None and _is_year(m.group()) else None

    def paired_after(self, figure: Figure) -> list[Figure]:
        """`2.100,5 ha/3.400 hộ`, `120 hộ/85 ha`: a slash between two figures of different units pairs them (the
        area and the households that farm it); the second is a figure of its own, not the first one's divisor.
        One after the slash is the divisor when it is a unit of measure or follows money (`3 tấn/1 ha`, `giá
        12.000 đồng/1 kg`, `500.000 đồng/1 người`); a count of one after a quantity pairs (`2,5 ha/1 hộ`)."""
        text, at = self.text, figure.end
        if text[at:at + 1] != "/" and figure.per is None and figure.extras["counted"]:
            # `10.500 trẻ nhà trẻ/480 lớp`: a few lower-case words qualify a count before its pair's slash
            qualified = _QUALIFIED_SLASH.match(text, at)
            if qualified is not None:
                at = qualified.end() - 1
        if text[at:at + 1] != "/" or not text[at + 1:at + 2].isdigit() or figure.per is not None:
            return []
        found, _ = self.find_at(at + 1)
        if len(found) != 1 or found[0].unit in (figure.unit, NOT_A_QUANTITY) or found[0].of is not None:
            return []
        if found[0].range is not None:
            return []
        if found[0].value == found[0].extras["factor"] and (figure.unit in MONEY or not found[0].extras["counted"]):
            return []
        return found

    def ends_a_list_of_labels(self, number: NumberMatch, figure: Figure) -> bool:
        """`thôn Tân Lập 1, 2, 3 xã Hòa Bình`, `tổ 4 và 5 phường An Khê`: the last number of a list of numbered
        places, followed by the unit they belong to and its name, is no count of that unit. The list is bare
        numbers joined by `,` or `và`, after an identifier context (`thôn`, `tổ`) or a name. So is the last
        year of a list of years (`năm 2023, 2024 và 2025 huyện có ...`)."""
        if not figure.extras["counted"] or number.in_words or figure.unit_end is None:
            return False
        year = _is_year(self.text[number.start:number.end])
        if not year and _NAME_AFTER.match(self.text, figure.unit_end) is None:
            return False
        words = self.words_before(number.start, WORDS_LOOKED_BACK)
        i = len(words) - 1
        listed = 0
        while i >= 1 and words[i][2] in LIST_JOINS and words[i - 1][2][:1].isdigit():
            i -= 2
            listed += 1
        if not listed:
            return False
        first = words[i + 1][0]
        found = self.context_before(first)
        if year:  # `năm 2023, 2024 và 2025 huyện có ...`: the last of a list of years
            return found is not None and found[1] == "date" and _is_year(words[i + 1][2])
        if found is not None and found[1] in ("identifier", "ordinal"):
            return True
        return self.follows_a_name(NumberMatch(first, words[i + 1][1], Decimal(0), False, Decimal(1), False))

    def is_quoted_slogan(self, figure: Figure) -> bool:
        """`“3 không”`, `"4 nhiều"`: a short quotation that opens with a count of a word of neither table names a
        slogan or a movement; the word is a verb or an adjective of the slogan, not a thing (`"15 hộ"` counts)."""
        text = self.text
        start = max(0, figure.number_start - MAX_SLOGAN_CHARACTERS)
        opening = max(text.rfind(q, start, figure.number_start) for q in QUOTES_OPEN)
        if opening < 0 or not text[opening + 1:opening + 2].isdigit():
            return False
        if any(q in text[opening + 1:figure.number_start] for q in QUOTES_CLOSE if q not in QUOTES_OPEN):
            return False
        limit = min(len(text), opening + 1 + MAX_SLOGAN_CHARACTERS)
        closings = [i for i in (text.find(q, figure.end, limit) for q in QUOTES_CLOSE) if i >= 0]
        return bool(closings) and "\n" not in text[opening:min(closings)]

    def basis_before(self, figure: Figure) -> str | None:
        """`trên 1 ha`, `mỗi 1 ha` (per_one), `trị giá 01 con bò` (price_of_one): one unit, which a later
        figure of its clause may be per; the kind of number_contexts.tsv entry before it, or None."""
        if figure.value != figure.extras["factor"] or figure.per is not None or figure.unit_start is None:
            return None
        written = self.text[figure.number_start:figure.number_end]
        if figure.of is not None or figure.range is not None or not written.isdigit() or int(written) != 1:
            return None  # `1`, `01`
        found = self.context_before(figure.number_start)
        return found[1] if found is not None and found[1] in BASIS_KINDS else None

    def take_divisors(self, figures: list[Figure]) -> list[Figure]:
        """`giá trị trên 1 ha đất canh tác đạt 120 triệu đồng`: the rate's divisor written in words. `trên 1 ha`
        followed in its clause (no comma between) by a figure of another unit is that figure's `per`, not a
        quantity; alone (`ngập sâu trên 1 m`) it is a figure, `trên` meaning `more than`.

        A count of one after a price word is the price's basis the same way: `trị giá 01 con bò 10 triệu
        đồng` is 10 million đồng a cow, not a count of cows.
        """
        kept: list[Figure] = []
        for i, figure in enumerate(figures):
            following = figures[i + 1] if i + 1 < len(figures) else None
            basis = None if following is None or following.unit == figure.unit else self.basis_before(figure)
            if basis == "price_of_one" and following is not None and following.unit not in MONEY:
                basis = None
            if basis is not None and following is not None:
                between = self.text[figure.end:following.start]
                if len(between) <= MAX_CLAUSE_CHARACTERS and not _CLAUSE_BOUNDARY.search(between):
                    per = self.text[figure.unit_start:figure.unit_end]  # type: ignore[index]
                    following.per = per if following.per is None else f"{per}/{following.per}"  # ha/năm
                    continue
            kept.append(figure)
        return kept

    def read_unit(self, number: NumberMatch, at: int, *, glued: bool, ratio: bool
                  ) -> tuple[Figure, int] | None:
        """The unit after a number (or the money a scale word implies); None when the number counts nothing."""
        text = self.text
        found = None
        if glued:
            found = self.unit_at(at, glued=True)
            if found is None:  # 12A, 8h30, 4G: a code, not a figure
                return None
        elif text[at:at + 1] == " ":
            found = self.unit_at(at + 1, number=number)
            if found is None and ratio and text.startswith(FRACTION_OF, at):
                found = self.unit_at(at + len(FRACTION_OF), number=number)  # `1/3 số hộ`: a fraction of the households
        elif text[at:at + 1] == "%":
            found = self.unit_at(at)
        if number.in_words:
            if found is None or found[0].unit == NOT_A_QUANTITY:
                return None
            words = text[number.start:number.end].lower().split()
            if (len(words) == 1 and words[0] in WORDS_NEEDING_A_MEASURE and found[0].counted
                    and found[0].head != "definite"):
                return None  # `một người dân cho biết` (a resident said); but `một người chết` (one dead)
            if found[0].counted and self.is_referential(number, found[0]):
                return None
            if found[0].unit in MONEY and number.value < SMALLEST_SUM_IN_WORDS:
                return None  # `đầu năm đồng thời`, `Bảy đồng chủ trì`: no sum is `năm đồng`
            if self.is_part_of_a_name(number):
                return None
        if found is not None and found[0].surface == FRACTION_BAR and self.data.number_start.match(text, found[2] + 1):
            return None  # `hai phần ba số hộ`, `1 phần 3`: a fraction written out, not a count of parts
        if found is not None:
            unit, unit_start, unit_end = found
            if unit.counted and _VIEW_COUNTER.match(text, unit_end):
                return None  # `1.018 lượt xem` closing a line: the page's view counter
            value = number.value
            if unit.counted and _GROUPED_BY_COMMA.fullmatch(text, number.start, number.end):
                value = Decimal(text[number.start:number.end].replace(",", ""))  # `1,018 lượt`: no count has decimals
            figure = Figure(number.start, unit_end, number.start, number.end, value * unit.factor,
                            unit.unit, unit_start, unit_end)
            figure.extras["factor"] = unit.factor
            figure.extras["counted"] = unit.counted
            return figure, self.read_divisor(figure, unit_end)
        if not ratio and (number.scale >= VND_SCALE
                          or (number.scale >= PRICE_SCALE and _DIVISOR.match(text, number.end) is not None)):
            # `5.600 tỷ`, `450 triệu` with no unit: money, as every reader takes it
            figure = Figure(number.start, number.end, number.start, number.end, number.value, "VND")
            figure.extras["factor"] = Decimal(1)
            figure.extras["counted"] = False
            return figure, self.read_divisor(figure, number.end)  # `50 triệu/hộ`
        noun = self.unknown_noun(number, at)
        if noun is None:
            return None
        unit_start, unit_end, unit_name = noun
        figure = Figure(number.start, unit_end, number.start, number.end, number.value, unit_name,
                        unit_start, unit_end)
        figure.extras["factor"] = Decimal(1)
        figure.extras["counted"] = True
        figure.extras["unlisted"] = True  # a word of neither table
        return figure, self.read_divisor(figure, unit_end)
    def is_part_of_a_name(self, number: NumberMatch) -> bool:
        """A number word that is a person's or a place's name, or the end of one: `ông Bảy`, `Trần Văn Bảy`,
        `Hai Bà Trưng`. It is capitalized inside its sentence (not in a Title-Case line), or it closes a word
        token that began before it (the segmenter joins a full name into one token)."""
        text = self.text
        if (text[number.start].isupper() and not _opens_sentence(text, number.start)
                and not self.in_title_case(number.start)):
            return True
        first_end = text.find(" ", number.start, number.end)
        token = self.token_ending_at(number.end if first_end < 0 else first_end)
        return token is not None and token.start < number.start

    def is_referential(self, number: NumberMatch, unit: Unit) -> bool:
        """`giữa hai địa phương`, `Hai đoàn`, `cả ba bên`: the parties of a meeting, not a count.

        The same nouns count when the number opens an enumeration of the places it counts, after a word that
        places something (`trên địa bàn hai huyện A và B`, `giáp với hai nước bạn C và D`): the parties of a
        meeting are named as a pair (`quan hệ hai nước Việt Nam - Lào`), after the noun of what they share."""
        before = self.words_before(number.start, 2)
        if before and before[-1][2] in REFERENTIAL_OPENERS:
            return True
        if unit.surface.lower() not in self.data.referential:
            return False
        opener = " ".join(w for _, _, w in before[-2:])
        placed = before and (before[-1][2] in ENUMERATION_OPENERS
                             or opener in ENUMERATION_OPENERS)
        return not (placed and self.names_follow(number))

    def names_follow(self, number: NumberMatch) -> bool:
        """The counted noun after `number` is followed by two or more names joined by `,` or `và`
        (`hai huyện A, B`, `hai nước bạn C và D`), not by a dash (`hai nước Việt Nam - Lào` is a pair)."""
        found = self.unit_at(number.end + 1)
        if found is None:
            return False
        m = _ENUMERATED_NAMES.match(self.text, found[2])
        return m is not None

    def is_named_year(self, number: NumberMatch) -> bool:
        """`Đông Xuân 2024 huyện ...`, `Ất Tỵ 2025`: a year after a name, not a count of what follows."""
        if not _is_year(self.text[number.start:number.end]):
            return False
        return self.follows_a_name(number)

    def follows_a_name(self, number: NumberMatch) -> bool:
        """The word before the number is part of a name (`Bệnh viện 103`, `Sư đoàn 316`, `Đông Xuân 2024`).

        Vietnamese names capitalize their first syllable only, so the whole word before the number (a
        word token when the document has them) is checked, not just its last syllable.
        """
        before = self.words_before(number.start, 1)
        if not before or not before[0][2][:1].isalpha():
            return False
        start = before[0][0]
        token = self.token_ending_at(before[0][1])
        if token is not None:
            start = token.start
        if not self.text[start].isupper():
            return False
        if not _opens_sentence(self.text, start):
            return True
        # first in its sentence: a name (`Công ty 26 ...`) unless a word that leads a figure (`Tăng 2 bậc`, `Có 5 hộ`)
        word = tuple(self.text[start:before[0][1]].lower().split())
        data = self.data
        return not (word in data.qualifiers or word in data.changes or word in data.measure_trail
                    or word in data.measure_lead or " ".join(word) in data.not_counted)

    def unknown_noun(self, number: NumberMatch, at: int) -> tuple[int, int, str] | None:
        """A word after digits that is neither a unit nor a listed noun, read as the counted thing."""
        text = self.text
        if number.in_words or text[at:at + 1] != " " or number.value != number.value.to_integral_value():
            return None
        if _is_year(text[number.start:number.end]):  # `2021-2026 khai mạc`, `năm 2024`
            return None
        token = self.token_at(at + 1)
        if token is not None:
            m = _LOWER_WORD.fullmatch(token.text)
            if m is None:
                return None
            start, end = token.start, token.end
        else:
            m = _SYLLABLE.match(text, at + 1)
            if m is None:
                return None
            start, end = m.start(), m.end()
        word = text[start:end].lower()
        if word.split()[0] in self.data.not_counted or word in self.data.not_counted or word in self.data.units:
            return None
        if self.follows_a_name(number):  # `Bệnh viện 103 tiếp nhận`: a name's number, then the verb
            return None
        return start, end, word

    def read_divisor(self, figure: Figure, at: int) -> int:
        """`/hộ`, `/người/năm` after a unit: the rate's divisor, kept apart from the unit."""
        parts = []
        while len(parts) < 2:
            slash = _DIVISOR.match(self.text, at)
            if slash is None:
                break
            found = self.unit_at(slash.end())
            if found is not None:
                end = found[2]
            else:
                m = _SYLLABLE.match(self.text, slash.end())
                if m is None:
                    break
                end = m.end()
            parts.append(self.text[slash.end():end])
            at = end
        if parts:
            figure.per = "/".join(parts)
            figure.end = at
        return at

    def read_range(self, number: NumberMatch, low: Figure | None) -> tuple[list[Figure], int] | None:
        """`6,5-7%`, `6,8%-7%`, `từ 5 đến 7 tấn`: the high end after the low one, both as figures.

        The low end may lack the unit and scale (`1,5-2 triệu đồng`): it borrows those of the high end, and
        its divisor (`80-100ha/vụ`, `7.000 - 7.500 đồng/kg`). Money written with a scale word alone is money
        at either end (`từ 5 tỷ đến 7 tỷ đồng`).
        """
        text = self.text
        low_end = low.end if low is not None else number.end
        if low is not None and (low.per is not None or (low.unit_start is None and low.unit not in MONEY)):
            return None
        join = _RANGE_JOIN.match(text, low_end)
        if join is None or join.end() >= len(text) or not text[join.end()].isdigit():
            return None
        high_start = join.end()
        skip, _, of = self.shape_is_not_a_quantity(high_start)
        if skip or of is not None:
            return None
        high_number = match_number(text, high_start)
        if high_number is None:
            return None
        read = self.read_unit(high_number, high_number.end, glued=high_number.glued, ratio=False)
        if read is None:
            return None
        high, end = read
        if high.unit == NOT_A_QUANTITY:
            return None
        if low is not None:
            if high.unit != low.unit or (high.unit_start is None and low.unit_start is not None):
                return None
        else:
            scale = high_number.scale if number.scale == 1 else Decimal(1)
            low = Figure(number.start, number.end, number.start, number.end,
                         number.value * scale * high.extras["factor"], high.unit)
        if not low.value < high.value:
            return None
        low.per = low.per or high.per
        if _is_year(text[number.start:number.end]) and _is_year(text[high_number.start:high_number.end]):
            return None  # `vụ Đông Xuân 2024-2025 huyện ...`: two years are a term, whatever follows
        start = low.start
        opener = self.words_before(low.start, 1)
        if opener and opener[0][2] == "từ" and join.group().strip() in ("đến", "tới"):
            start = opener[0][0]
        link = {"text": text[start:end], "start": start, "end": end,
                "low": _number(low.value), "high": _number(high.value)}
        low.range = {**link, "end_of_range": "low"}
        high.range = {**link, "end_of_range": "high"}
        return [low, high], end

    def read_context(self, figure: Figure, *, base_after: Figure | None = None) -> None:
        """Qualifiers and change verbs before the figure; what it is compared with after it."""
        words = self.words_before(figure.number_start, self.data.longest_phrase * 2)
        qualifier_start = qualifier_end = None
        first = True
        while words:
            change = self.phrase_before(words, self.data.changes)
            qualifier = self.phrase_before(words, self.data.qualifiers)
            if change is not None and (qualifier is None or change[0] >= qualifier[0]):
                n, verb = change
                verb_start = words[-n][0]
                if figure.change is None:  # the verb nearest the figure says the change: `tăng trưởng âm 2%`
                    figure.change = {"direction": verb.direction, "kind": verb.kind,
                                     "text": self.text[verb_start:words[-1][1]], "base": None}
                if first and verb.in_text and figure.unit == "%" and figure.range is None:
                    figure.start = verb_start
            elif qualifier is not None:
                n = qualifier[0]
                qualifier_start = words[-n][0]
                qualifier_end = qualifier_end or words[-1][1]
            else:
                break
            words = words[:-n]
            first = False
        if qualifier_start is not None and qualifier_end is not None:
            figure.qualifier = (qualifier_start, qualifier_end)
        figure.extras["context_start"] = words[-1][1] if words else figure.number_start
        base = self.read_base((base_after or figure).end)
        if base is not None:
            figure.compared_to = base
            if figure.change is not None:
                figure.change["base"] = self.text[base[0]:base[1]]

    def read_base(self, at: int) -> tuple[int, int] | None:
        """What the figure ending at `at` is compared with: `so với cùng kỳ`, `kế hoạch`, `dự toán ... giao`."""
        text = self.text
        head = _BASE_HEAD.match(text, at)
        if head is None or (head.group(1).lower(),) not in self.data.comparison_starts:
            return None
        words = _words_in(text, at, min(at + 100, len(text)))
        for n in range(min(3, len(words)), 0, -1):
            kind = self.data.comparisons.get(tuple(w for _, _, w in words[:n]))
            if kind is None:
                continue
            taken = words[:MAX_BASE_WORDS[kind]]
            for i, (start, _, word) in enumerate(taken):
                if i >= n and (_CLAUSE_BOUNDARY.match(text, start)
                               or (word[0].isdigit() and not (word.isdigit() and int(word) in YEARS))):
                    taken = taken[:i]  # the base ends at the clause's end or the next figure; `so với năm 2023` goes on
                    break
            return taken[0][0], taken[-1][1]
        return None


def _words_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """`_WORD.finditer(text, start, end)` as (start, end, lower text), read piece by piece between spaces
    like `_last_words`."""
    words: list[tuple[int, int, str]] = []
    piece_start = start
    for piece in text[start:end].split(" "):
        piece_end = piece_start + len(piece)
        if not piece:
            pass
        elif piece.isalpha():
            words.append((piece_start, piece_end, piece.lower()))
        elif piece[-1] in ",;:" and piece[:-1].isalpha():
            words.append((piece_start, piece_end - 1, piece[:-1].lower()))
            words.append((piece_end - 1, piece_end, piece[-1]))
        else:
            words.extend((m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, piece_start, piece_end))
        piece_start = piece_end + 1
    return words


def _last_words(text: str, start: int, end: int, limit: int) -> list[tuple[int, int, str]]:
    """The last `limit` of `_WORD.finditer(text, start, end)`, as (start, end, lower text).

    Read from the end, piece by piece between spaces (no word holds one, and the pattern looks at nothing
    around its match): a piece of letters is one word and a word with a comma after it two, the other pieces
    go through the pattern. A few words are wanted, not the window's dozen."""
    words: list[tuple[int, int, str]] = []
    piece_end = end
    for piece in reversed(text[start:end].split(" ")):
        piece_start = piece_end - len(piece)
        if not piece:
            pass
        elif piece.isalpha():
            words.append((piece_start, piece_end, piece.lower()))
        elif piece[-1] in ",;:" and piece[:-1].isalpha():
            words.append((piece_end - 1, piece_end, piece[-1]))
            words.append((piece_start, piece_end - 1, piece[:-1].lower()))
        else:
            found = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, piece_start, piece_end)]
            words.extend(reversed(found))
        if len(words) >= limit:
            break
        piece_end = piece_start - 1
    del words[limit:]
    words.reverse()
    return words


def _sentence_bounds(doc: Document) -> tuple[list[int], list[Span]]:
    sentences = doc.get(SENTENCE) or [doc.span(0, len(doc.text), SENTENCE)]
    return [s.start for s in sentences], sentences


def _trim_measure(data: IndicatorData, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The measured thing within text[start:end]: after the last `cut` phrase, without lead and trail words."""
    start = max(start, end - MAX_CLAUSE_CHARACTERS)
    words = _words_in(text, start, end)
    lower = [w for _, _, w in words]
    for i in range(len(lower) - 1, -1, -1):  # the thing measured comes after the last `cho biết`, `với`, `tại`
        if lower[i] not in data.measure_cut_firsts:
            continue
        cut = next((n for n in (3, 2, 1) if tuple(lower[i:i + n]) in data.measure_cut), 0)
        if cut:
            words, lower = words[i + cut:], lower[i + cut:]
            break
    first, last = 0, len(lower)
    changed = True
    while first < last and changed:
        changed = False
        for n in (3, 2, 1):
            if last - first >= n and tuple(lower[first:first + n]) in data.measure_lead:
                first, changed = first + n, True
                break
            if last - first >= n and tuple(lower[last - n:last]) in data.measure_trail:
                last, changed = last - n, True
                break
    kept = words[first:min(last, first + MAX_MEASURE_WORDS)]  # a long clause names its thing first
    if not kept or all(w in data.not_counted or not w[0].isalpha() for _, _, w in kept):
        return None
    return kept[0][0], kept[-1][1]


def find_indicators(doc: Document, data: IndicatorData | None = None) -> list[Span]:
    """Numeric quantities with units, as INDICATOR spans whose value is the record (offsets index doc.text)."""
    data = data or load_indicator_data()
    finder = _Finder(doc, data)
    text = doc.text
    figures: list[Figure] = []
    reading_end = 0
    begins = _starts(text, data)  # where numbers and periods may begin
    for start in _numbers(text, data, begins[0] if begins else None):
        if start < reading_end:
            continue
        found, reading_end = finder.find_at(start)
        figures.extend(found)
        if found:  # the number after a slash is no number's start (`1/2`): a pair of figures is read here
            paired = finder.paired_after(found[-1])
            if paired:
                figures.extend(paired)
                reading_end = max(reading_end, paired[-1].end)
    figures = finder.take_divisors(figures)
    starts, sentences = _sentence_bounds(doc)
    periods_of: dict[int, list[tuple[int, int]]] = {}  # per sentence, read only where a figure is
    spans = []
    previous: dict[str, Any] | None = None
    previous_sentence = -1
    for figure in figures:
        index = max(0, bisect.bisect_right(starts, figure.start) - 1)
        sentence = sentences[index]
        if index != previous_sentence:
            previous, previous_sentence = None, index
        record = _record(doc, figure)
        record.update(_measure_of(data, text, sentence, figure, previous))
        if index not in periods_of:
            periods_of[index] = _periods_in(data, text, sentence, begins[1] if begins else None)
        record["period"] = _period_for(text, periods_of[index], sentence, figure)
        spans.append(doc.span(figure.start, figure.end, INDICATOR, record))
        previous = record
    return spans


def _periods_in(data: IndicatorData, text: str, sentence: Span, starts: list[int] | None
                ) -> list[tuple[int, int]]:
    """(start, end) of the period phrases of a sentence: `data.period_pattern.finditer` over it, tried only
    where `_starts` says a period may begin."""
    return [(p.start(), p.end()) for p in finditer_at(data.period_pattern, text, starts, sentence.start, sentence.end)]


def _first_words(number_starts: list[str]) -> Any:
    """Aho-Corasick automaton: case-folded word -> (length, roles); role 1: a number word of `number_start`,
    role 2: a word a period of `_period_pattern` begins with (a head's first word, a count of months)."""
    roles: dict[str, int] = {word.casefold(): 1 for word in number_starts}
    counts = [w for w, nw in number_words().items() if nw.role in ("digit", "ten")]
    heads = [row["head"].split()[0] for row in load_table("periods.tsv", ("head", "takes")) if row["head"].split()]
    for word in [*counts, *heads]:
        roles[word.casefold()] = roles.get(word.casefold(), 0) | 2
    return build_automaton((word, (len(word), role)) for word, role in roles.items())


_DIGITS = regex.compile(r"\d+")  # a run of digits: where a number (or `N tháng`) may begin
_MONTHS_AFTER = " tháng"  # what follows the one or two digits of a count of months (`_period_pattern`)


def _starts(text: str, data: IndicatorData) -> tuple[list[int], list[int]] | None:
    """Where a number (`number_start`) and where a period (`period_pattern`) may begin: at the first digit
    of a run, or where one of their first words stands as a word, found by one Aho-Corasick pass over the
    case-folded text. The two patterns are tried there only: a scan of every character by each of them was a
    fifth of the stage. None when case folding changes the text's length: then the patterns scan the text.

    A number word stands between no letters or digits (number_start's look-behind and look-ahead); a
    period's first word has no letter or decimal digit before it and no letter after it, and a period begins
    with digits only as a count of months (`6 tháng đầu năm`: one or two digits, then `tháng`)."""
    folded = text.casefold()
    if data.first_words is None or len(folded) != len(text):
        return None
    numbers: list[int] = []
    periods: list[int] = []
    for m in _DIGITS.finditer(text):
        numbers.append(m.start())
        if m.end() - m.start() <= 2 and folded.startswith(_MONTHS_AFTER, m.end()):
            periods.append(m.start())
    size = len(text)
    for end, (length, roles) in data.first_words.iter(folded):
        start = end + 1 - length
        before = text[start - 1] if start else ""
        after = text[end + 1] if end + 1 < size else ""
        if roles & 1 and not before.isalnum() and not after.isalnum():
            numbers.append(start)
        if roles & 2 and not (before.isalpha() or before.isdecimal()) and not after.isalpha():
            periods.append(start)
    return sorted(set(numbers)), sorted(set(periods))


def _numbers(text: str, data: IndicatorData, starts: list[int] | None) -> Iterator[int]:
    """Where `data.number_start.finditer(text)` matches, trying the pattern only at `starts` when known."""
    return (m.start() for m in finditer_at(data.number_start, text, starts))


def _measure_of(data: IndicatorData, text: str, sentence: Span, figure: Figure,
                previous: dict[str, Any] | None) -> dict[str, Any]:
    """`measure` (and `refers_to`): the thing measured, from the clause before the figure.

    A range's high end shares its low end's measure; a share or change with no clause of its own
    (`190 tỷ đồng, tăng 5%`, `2.196,5 tỷ đồng, bằng 57,3% dự toán`) takes the measure of the figure
    before it in the sentence and refers to that figure.
    """
    if figure.range is not None and figure.range["end_of_range"] == "high" and previous is not None:
        return {"measure": previous["measure"]}
    clause_start = max(sentence.start, previous["end"] if previous else sentence.start)
    context_start = figure.extras["context_start"]
    for boundary in _MEASURE_BOUNDARY.finditer(text, clause_start, context_start):
        clause_start = boundary.end()
    measure = _trim_measure(data, text, clause_start, context_start)
    if measure is not None:
        return {"measure": {"text": text[measure[0]:measure[1]], "start": measure[0], "end": measure[1]}}
    if (previous is not None and (figure.change is not None or figure.unit == "%")
            and ";" not in text[previous["end"]:figure.start]):
        return {"measure": previous["measure"],
                "refers_to": previous["refers_to"] or {"text": previous["text"], "start": previous["start"],
                                                       "end": previous["end"]}}
    return {}


def _period_for(text: str, periods: list[tuple[int, int]], sentence: Span, figure: Figure) -> dict[str, Any] | None:
    # `periods`: those of the figure's sentence
    """The reporting period that governs a figure, from its sentence.

    Within the figure's `;`-part: the nearest period before it, else the first after it (`trồng mới
    17ha trong năm 2022`). Else a period that opens an earlier part of the sentence and is followed by
    a comma (`6 tháng đầu năm 2024, tổng thu ...; giải ngân ...`): it governs the parts after it.
    """
    part_start = text.rfind(";", sentence.start, figure.start) + 1 or sentence.start
    part_end = text.find(";", figure.end, sentence.end)
    part_end = sentence.end if part_end < 0 else part_end
    # `so với năm 2022` is the base of a comparison, not the figure's period
    inside = [(s, e) for s, e in periods if not text[max(0, s - 16):s].rstrip().endswith(COMPARISON_MARKERS)]
    before = [p for p in inside if part_start <= p[0] and p[1] <= figure.start]
    after = [p for p in inside if p[0] >= figure.end and p[1] <= part_end]
    openers = [p for p in inside if p[1] <= part_start and text[p[1]:p[1] + 1] == ","]
    chosen = before[-1] if before else after[0] if after else openers[-1] if openers else None
    if chosen is None:
        return None
    return {"text": text[chosen[0]:chosen[1]], "start": chosen[0], "end": chosen[1]}


def _record(doc: Document, figure: Figure) -> dict[str, Any]:
    text = doc.text
    record: dict[str, Any] = {
        "text": text[figure.start:figure.end],
        "value": _number(figure.value),
        "unit": figure.unit,
    }
    if figure.of is not None:
        record["of"] = _number(figure.of)
    record.update({
        "start": figure.start,
        "end": figure.end,
        "raw_value": text[figure.number_start:figure.number_end],
        "raw_unit": text[figure.unit_start:figure.unit_end] if figure.unit_start is not None else None,
        "per": figure.per,
        "qualifier": text[figure.qualifier[0]:figure.qualifier[1]] if figure.qualifier else None,
        "measure": None,
        "change": figure.change,
        "compared_to": ({"text": text[figure.compared_to[0]:figure.compared_to[1]],
                         "start": figure.compared_to[0], "end": figure.compared_to[1]}
                        if figure.compared_to else None),
        "range": figure.range,
        "period": None,
        "refers_to": None,  # the figure a share or change is of (`2.196,5 tỷ đồng, bằng 57,3% dự toán`)
    })
    return record


def add_indicators(doc: Document) -> Document:
    """Stage: INDICATOR spans (requires SENTENCE; uses TOKEN when present for unknown counted nouns)."""
    doc.set(INDICATOR, find_indicators(doc))
    return doc


def indicator_records(doc: Document) -> list[dict[str, Any]]:
    """The `indicators` field: one record per INDICATOR span, in text order."""
    return [dict(span.value) for span in doc.get(INDICATOR)]
