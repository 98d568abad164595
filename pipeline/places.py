"""Stage: PLACE spans: every place the article names, typed and resolved to the administrative hierarchy.

How a place is found (the tables in `lang/vi/` hold the words, this module the mechanism):

1. A trigger, then a name. Triggers are the administrative prefixes (`huyện`, `TP.`, `Huyện ủy`, `thôn`:
   admin_prefixes.tsv) and the kinds of other places (`khu công nghiệp`, `lòng hồ thủy điện`:
   place_kinds.tsv), found with one Aho-Corasick pass. The name is the run of capitalised syllables
   after the trigger (`Ia H'Drai`, `Cư M'gar`), cut where the gazetteer's longest known name ends or where
   the next phrase starts; a run that reads as a person (`UBND tỉnh Trần Quốc Khánh`) names no place.
   Lists under one trigger continue it: `các xã: Trung Hòa, Hòa An và Hòa Phú`, `cặp cửa khẩu Mộc Bài -
   Bavet`, `các huyện miền núi Kỳ Sơn, Tương Dương`, `7 xã, thị trấn gồm: A, B` (chained prefixes: each
   item typed by the gazetteer), `cửa biển Sông Đốc, Gành Hào` (one kind, names of two words or more that
   are not the place's parent province or district). Numbers name units too (`quận 1`, `thôn 3`): their
   mentions are spans, but a number names no place to list (`place_records` leaves them out). An introduced
   list may carry a figure after each name (`các xã ngập nhiều như: A 120 ha, B 80 ha`); in a list of
   villages a capitalised village word is part of the name (`3 làng: Kon Rơ, Plei Ktu`), and so after a
   bridge's or a market's word (`cầu treo Bản Khun`: other). After a plural prefix or a description one
   province's name is the province (`nhiều xã miền núi Nghệ An`).
   Address chains: the links after a prefixed unit written without prefix take the level the gazetteer gives
   them (`xã Tả Thanh Oai, Thanh Trì, Hà Nội`: huyện, thành phố; `xã A (Mường Khương)`), and a name right
   before its prefixed parent is the parent's unit (`Đăk Rong (huyện Kbang)`: xã).
   Roads between places: the ends (`trục đường Núi Đá - Nà Khoang`, `tỉnh lộ 99 từ A – B – C`) are other
   unless a province's or a country's name. A kind may take one describing word before the name (`đồi chè
   Khe Mát`, `bến đò Cây Gáo`).
2. Whole names from the tables: regions (`Tây Nguyên`), countries (`Việt Nam`, `Lào`), foreign places
   (`Xiềng Kho`, `Svay Rieng`), other names of units (`TP.HCM`). Compounds that hold a name but name no
   place are skipped (`khai thác`, `dịch tả lợn châu Phi`, `tiếng Lào`). Transliterations joined by hyphens
   (`Xa-van-na-khệt`, `Thà-khẹt`) are foreign: the table's in any spelling of the marks, or after `tại`/`đến`.
3. Bare gazetteer names (gazetteer.py's Aho-Corasick automaton): province names anywhere; district
   names (commune names after the 2025 reform) in the provinces the article names, bare ones included.
   A bare name must be a whole capitalised run (`Hồng Lĩnh` in `Nguyễn Hồng Lĩnh` is no place), not after
   an honorific or a photo credit, not in a person's name (OFFICIAL spans) or a firm's name; after a road
   word a province's or a district's name is the road's (`đường Điện Biên Phủ`: other).
4. Every name found is looked for again: its other, bare mentions (`Hội An` after `thành phố Hội An`).

The type comes from the trigger (`huyện` -> huyện, a kind -> other, a village word -> thôn), from the
tables (country, foreign), or from the gazetteer for a bare name. Abroad is what the tables know, the far
end of a border crossing (`cặp cửa khẩu Lóng Sập - Pa Háng`), and a province or district the gazetteer
does not know whose name is not Vietnamese (`tỉnh Gyeonggi`) or whose sentence is about abroad (`huyện
Mường Pẹc, tỉnh Xiêng Khoảng`). Administrative places are resolved to
gazetteer units, provinces first, then districts and communes inside the provinces and districts the
article names, in the units of the article's time (before or after 1 July 2025: its first full date);
that gives each its parent chain, province code and what it became in 2025. `home_unit(doc)` is the
unit the article is about.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from .document import BYLINE, OFFICIAL, PARAGRAPH, PLACE, SENTENCE, TITLE, TOKEN, Document
from .gazetteer import Gazetteer, Unit, fold_name, gazetteer, name_key, split_unit_name
from .normalize import is_vietnamese_syllable
from .tables import build_automaton, load_table, load_words

ADMIN_TYPES = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")
# The gazetteer levels a name after each prefix may be (`thành phố` is a province or a district-level city).
TYPE_LEVELS: dict[str, tuple[str, ...]] = {
    "tỉnh": ("province",), "thành phố": ("province", "district"), "huyện": ("district",),
    "quận": ("district",), "thị xã": ("district",), "xã": ("commune",), "phường": ("commune",),
    "thị trấn": ("commune",),
}
TYPE_RANK = {"tỉnh": 0, "thành phố": 1, "huyện": 1, "quận": 1, "thị xã": 1, "xã": 2, "phường": 2,
             "thị trấn": 2, "thôn": 3}
REFORM_DATE = (2025, 7, 1)
# The prefixes of the levels the gazetteer knows every Vietnamese unit of: an unknown name after one is abroad
# when it does not read as Vietnamese (`tỉnh Gyeonggi`); communes and villages may be missing from the data.
ABROAD_TYPES = frozenset({"tỉnh", "thành phố", "huyện", "quận", "thị xã"})
MAX_NAME_WORDS = 6
MAX_PARENTHESIS = 80
NAME_CHARS = "'’-"

_LETTERS = r"\p{L}\p{M}"
# A name word: a capital, then letters; apostrophes (H'Drai, M'gar) and hyphens (Xa-vẳn-na-khệt) inside.
_NAME_WORD = regex.compile(rf"\p{{Lu}}[{_LETTERS}]*(?:['’\-][{_LETTERS}]+)*")
_GLUED = regex.compile(r"\p{Ll}\p{M}*(?=\p{Lu})")  # a capital right after a lower-case letter: no name is written so
_CAPS_WORD = regex.compile(r"\p{Lu}[\p{Lu}\d&\-]*")  # VSIP, VSIP III: only after a kind of place
_ROMAN = regex.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_NUMBER_NAME = regex.compile(r"(\d{1,2})(?![\d/%]|[,.]\d)")  # quận 1, phường 3
_VILLAGE_NUMBER = regex.compile(r"(?:số )?(\d{1,2})(?![\d/%\p{L}]|[,.]\d)")  # thôn 3, tổ dân phố số 5
_NUMBER_AFTER = regex.compile(r" (\d{1,2}|[IVX]{1,4})(?![\p{L}\d/%]|[,.]\d)")  # Hà Giang 1, Quế Võ II
_NUMBERED = regex.compile(r" số (?:\d{1,2}|[IVX]{1,4})(?![\p{L}\d])")  # cửa khẩu quốc tế đường bộ số II
_LIST_MODIFIER = regex.compile(r"(?: [\p{Ll}\p{M}]+){1,3}? (?=\p{Lu})")  # các huyện miền núi Kỳ Sơn, ...
_LIST_SEPARATOR = regex.compile(r",? và |, |; ")
_PREFIX_CHAIN = regex.compile(r",? (?:và|hoặc) |, |/ ?")  # các xã, thị trấn; các xã và thị trấn; xã/phường
_DASH = regex.compile(r" ?[-–] ?")
_GLOSS = regex.compile(r"\(\p{Ll}+(?: \p{Ll}+)?\) (?=\p{Lu})")
# a figure after a list item, up to the next item: ` 120 ha`, ` 45 ha lúa và 25 ha đậu`, ` 230`, ` 12,5%`
_FIGURE_WORD = r"\d+(?:[.,]\d+)*[\p{Ll}\p{M}%/²³]*"
_FIGURE = regex.compile(
    rf" {_FIGURE_WORD}(?: (?:{_FIGURE_WORD}|[\p{{Ll}}\p{{M}}/]+)){{0,8}}?(?=,? và \p{{Lu}}|[,;] \p{{Lu}})")
_NUMBER_ONLY = regex.compile(r"(?:số )?(?:\d+|[IVX]+)")
_ROAD_NUMBER = regex.compile(r" (?:số )?(?:[A-ZĐ]{1,3}\.? ?)?\d+[A-Z]?(?:\.\d+)?(?![\p{L}\d])")  # tỉnh lộ 99, ĐT.741
_ROUTE_OPENING = regex.compile(r",? (?:đoạn từ|đoạn|từ|nối|nối liền|nối từ|đi)(?= \p{Lu})")
_ROUTE_TO = regex.compile(r" (?:đến|tới|đi) (?=\p{Lu})")
_DESCRIPTOR = regex.compile(r" ([\p{Ll}\p{M}]+)(?= \p{Lu})")  # one lower-case word between a kind and its name
# a transliterated foreign name: `Xa-van-na-khệt`, `Thà-khẹt`, maybe two of them (`Luông Pha-băng`)
_TRANSLITERATED = regex.compile(
    r"(?<![\p{L}\p{M}\-])(?:\p{Lu}[\p{Ll}\p{M}]* )?\p{Lu}[\p{Ll}\p{M}]*(?:-[\p{Ll}\p{M}]+)+(?![\p{L}\p{M}\-])")
# between the links of an address: `xã A, Thanh Trì, Hà Nội`, `xã A (Mường Khương)`
_CHAIN_GAP = regex.compile(r", | \(")
_COUNTRY_LIST_GAP = regex.compile(r",? và |, | ?[-–] ?| hoặc ")
_PARENT_GAP = regex.compile(r", | \(| thuộc | của ")
_SENTENCE_OPENING = regex.compile(r"[.!?:;…\"“(]\s*$")
_NEXT_WORD = regex.compile(rf" [{_LETTERS}]+")
_NEXT_CAPITAL = regex.compile(r" \p{Lu}")
_SPACED_DASH = regex.compile(r" [-–] ")
_WORD_CHARS = regex.compile(rf"[{_LETTERS}\d'’&\-]+")
# a photo's or a text's credit before a name: `(Ảnh: Thái Bình)`, `Nguồn: Hải Dương` name people, not provinces
_CREDIT = regex.compile(r"(?:ảnh|ảnh minh họa|nguồn|bài|tin|video|clip|thực hiện)\s*:\s*$", regex.IGNORECASE)
_DATELINE = regex.compile(r"(\p{Lu}{1,7}(?: \p{Lu}{1,7}){1,3}) ?[-–] ")  # ĐIỆN BIÊN - Sáng 5/3 ...
_DATE = regex.compile(r"(?<!\d)(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})(?!\d)")
_MONTH_YEAR = regex.compile(r"tháng\s+(\d{1,2})\s*[/\-]\s*(\d{4})", regex.IGNORECASE)
_COMMITTEE_TYPE = {"tỉnh ủy": "tỉnh", "huyện ủy": "huyện", "thành ủy": "thành phố", "thị ủy": "thị xã",
                   "quận ủy": "quận"}
_LEVEL_WORDS = ("tỉnh", "huyện", "thành phố", "thị xã", "quận", "xã", "phường", "thị trấn")
_GENERIC_LEVEL = regex.compile(  # `Huyện ủy` or `huyện ủy`, `huyện`: a level named without a name after it
    r"(?<![\p{L}\p{M}])(?:(?P<committee>"
    + "|".join(f"[{c[0].upper()}{c[0]}]{regex.escape(c[1:])}" for c in _COMMITTEE_TYPE)
    + r")|(?P<level>" + "|".join(regex.escape(w) for w in _LEVEL_WORDS) + r"))(?![\p{L}\p{M}])")


# ---------------------------------------------------------------------------------------------------- tables


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word before a place's name: an administrative prefix, a kind of place, a region's whole name, or a
    compound that contains one of those and names nothing (`hợp tác xã`, `miền núi`)."""

    surface: str
    role: str  # prefix, kind, route, region, compound
    type: str  # the place type a prefix gives; "other" for kinds and regions
    case: str  # any, lower, exact (see admin_prefixes.tsv)
    province: bool = False  # a facility named after a province is the province's (`Cảng hàng không ... Đà Nẵng`)
    caps: bool = False  # an acronym may be the name (`Khu công nghiệp VSIP III`)
    across: bool = False  # a border crossing: the far end of a pair is the neighbour's (`Lóng Sập - Pa Háng`)
    compass: bool = False  # a region named by compass points only: after `phía`, `hướng` a direction (`phía Tây Bắc`)
    named: bool = False  # a natural feature's word: capitalised inside a sentence it is the name's (`Kênh Mới`)
    begins: bool = False  # capitalised, the word begins the name even where a sentence opens (`Hòn Thơm có ...`)
    built: bool = False  # a structure called after a place (`cầu Cửa Lục 1`): a number after the name is its own

    def matches(self, written: str) -> bool:
        """Whether the text as written is this trigger: `lower` and `exact` as in the table; `any` in any
        capitalisation for a lower-case surface, else with its capitals kept (`đồng bằng sông Cửu Long`,
        `Đồng bằng Sông Cửu Long`; not `tây bắc`)."""
        if self.case in ("exact", "lower", "known"):
            return written == self.surface
        if self.role == "region" and written.endswith(" bộ") and self.surface.endswith(" Bộ"):
            written = written[:-2] + "Bộ"  # `Đông Nam bộ`, `Bắc Trung bộ`: the press writes the regions' `bộ` in
            # lower case as often as not (what follows is checked in `find_triggers`: `Nam bộ đội` is no region)
        if self.role == "compound" and written[0].islower() and any(
                w[0].isupper() and t[0].islower()
                for w, t in zip(written.split()[1:], self.surface.split()[1:], strict=False)):
            return False  # `xã Viên An`, `xã Hội Xuân`: a prefix and a name, not `xã viên`, `xã hội`
        if self.surface.islower():
            return written.lower() == self.surface
        # a capital of the table's stays one; a lower-case letter may be written capitalised (`Đồng bằng Sông Cửu Long`)
        return written.lower() == self.surface.lower() and all(
            w.isupper() for w, t in zip(written[1:], self.surface[1:], strict=True) if t.isupper())


@dataclass(frozen=True, slots=True)
class Foreign:
    """A place outside Viet Nam (foreign_places.tsv)."""

    name: str
    country: str
    level: str
    parent: str
    conflict: bool  # also a person's or a Vietnamese unit's name: foreign only with its country in the sentence


@dataclass(frozen=True, slots=True)
class Alias:
    """Another name of a unit (place_aliases.tsv): `TP.HCM`, `Thừa Thiên Huế`."""

    surface: str
    name: str  # the output name; empty: as written
    unit: str  # the gazetteer's full name, e.g. "Thành phố Hồ Chí Minh"
    type: str


@dataclass(frozen=True)
class PlaceData:
    """The place tables, compiled: what the finder reads the text with."""

    triggers: dict[str, tuple[Trigger, ...]]  # lower-case surface -> the triggers written so
    trigger_automaton: Any
    qualifiers: tuple[str, ...]
    unit_qualifiers: tuple[str, ...]
    directions: frozenset[str]
    regions: frozenset[str]  # name keys
    countries: dict[str, tuple[str, bool]]  # surface -> (country, needs a cue)
    foreign: dict[str, Foreign]  # name_key(surface) -> place
    foreign_folded: dict[str, Foreign]  # the same without diacritics: transliterations vary (Kà Lừm, Ka Lừm)
    aliases: dict[str, Alias]  # name_key(surface) -> alias
    words: dict[str, frozenset[str]]  # guard role -> words
    name_automaton: Any  # countries, foreign places and aliases, for the bare-name pass
    org_pattern: regex.Pattern[str]  # a firm's or an institution's name opens
    list_intro: regex.Pattern[str]  # `các xã ven biển như ...`: lower-case words, then the list
    village_count: regex.Pattern[str]  # `bản Na Mèo 16 hộ`: the number counts, it is no part of the name
    after_reform: regex.Pattern[str]  # wording only articles after the 2025 reform use
    kind_list_intro: regex.Pattern[str]  # `hai cửa khẩu là ...`: a plural kind's list, introduced
    # (lower-case surface, as written) -> the trigger it is (`trigger_written`), filled as texts are read
    written: dict[tuple[str, str], Trigger | None] = field(default_factory=dict, compare=False, repr=False)


def _lower(text: str) -> str:
    """Lower case with one character per character, so offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@functools.cache
def place_data() -> PlaceData:
    """The place tables, loaded and compiled once per process (never at import)."""
    triggers: dict[str, list[Trigger]] = {}
    for row in load_table("admin_prefixes.tsv", ("surface", "type", "case")):
        compound = row["type"] == "-"
        trigger = Trigger(row["surface"], "compound" if compound else "prefix", row["type"],
                          "any" if compound else row["case"])
        triggers.setdefault(_lower(row["surface"]), []).append(trigger)
    qualifiers: list[str] = []
    unit_qualifiers: list[str] = []
    directions: set[str] = set()
    regions: set[str] = set()
    for row in load_table("place_kinds.tsv", ("surface", "role", "case", "flags?")):
        flags = {f.strip() for f in row["flags"].split(",") if f.strip()}
        if row["role"] == "qualifier":
            qualifiers.append(row["surface"])
        elif row["role"] == "unit_qualifier":
            unit_qualifiers.append(row["surface"])
        elif row["role"] == "direction":
            directions.add(row["surface"].lower())
        else:
            if row["role"] == "region":
                regions.add(name_key(row["surface"]))
            trigger = Trigger(row["surface"], row["role"], "other", row["case"], "province" in flags, "caps" in flags,
                              "across" in flags, "compass" in flags, "named" in flags,
                              "begins" in flags, "built" in flags)
            triggers.setdefault(_lower(row["surface"]), []).append(trigger)
    trigger_automaton = build_automaton((surface, surface) for surface in triggers)

    countries = {row["surface"]: (row["country"], row["cue"] == "yes")
                 for row in load_table("countries.tsv", ("surface", "country", "cue?"))}
    foreign: dict[str, Foreign] = {}
    foreign_folded: dict[str, Foreign] = {}
    table_names: list[str] = []  # the words of `name_automaton`
    for row in load_table("foreign_places.tsv", ("name", "country", "level", "parent?", "variants?", "conflict?")):
        place = Foreign(row["name"], row["country"], row["level"], row["parent"], row["conflict"] == "conflict")
        for surface in (row["name"], *(v.strip() for v in row["variants"].split(","))):
            if surface:
                foreign.setdefault(name_key(surface), place)
                foreign_folded.setdefault(fold_name(surface), place)
                if len(surface.split()) >= 2 or len(surface) >= 5:
                    # short one-word names (Mai, Kham, Et) are Vietnamese words too: only after a prefix
                    table_names.append(surface)
    alias_rows = load_table("place_aliases.tsv", ("surface", "name?", "unit", "type"))
    aliases = {name_key(row["surface"]): Alias(row["surface"], row["name"], row["unit"], row["type"])
               for row in alias_rows}
    for surface in [*countries, *(row["surface"] for row in alias_rows)]:
        table_names.append(surface)
        for dash in ("-", "–", " – "):  # `Thừa Thiên-Huế`, `Bà Rịa – Vũng Tàu`: the table writes ` - `
            if " - " in surface:
                table_names.append(surface.replace(" - ", dash))
    name_automaton = build_automaton((surface, surface) for surface in table_names)

    words: dict[str, set[str]] = {"honorific": {w.lower() for w in load_words("honorifics.txt")},
                                  "surname": set(load_words("surnames.txt"))}
    for row in load_table("place_guards.tsv", ("word", "role")):
        exact = ("given", "stop", "org", "middle", "firm_end", "named_after_person", "building", "branch_word")
        word = row["word"] if row["role"] in exact else row["word"].lower()
        words.setdefault(row["role"], set()).add(word)

    def alternatives(role: str) -> str:
        return "|".join(regex.escape(w) for w in sorted(words.get(role, ()), key=len, reverse=True))

    org_pattern = regex.compile(rf"(?<![{_LETTERS}])(?:{alternatives('org')})(?![{_LETTERS}])")
    list_intro = regex.compile(  # `các xã ven biển như A`, `7 xã, thị trấn gồm: A`, `các xã sau: A`
        rf"(?: [\p{{Ll}}\p{{M}}]+){{0,5}}?(?: (?:{alternatives('list_intro')}):?|:) (?=\p{{Lu}})")
    village_count = regex.compile(rf" (?:{alternatives('count_noun')})(?![{_LETTERS}])", regex.IGNORECASE)
    after_reform = regex.compile(alternatives("after_reform"), regex.IGNORECASE)
    return PlaceData({k: tuple(v) for k, v in triggers.items()}, trigger_automaton,
                     tuple(sorted(qualifiers, key=len, reverse=True)),
                     tuple(sorted(unit_qualifiers, key=len, reverse=True)), frozenset(directions),
                     frozenset(regions), countries, foreign, foreign_folded, aliases,
                     {k: frozenset(v) for k, v in words.items()}, name_automaton, org_pattern, list_intro,
                     village_count, after_reform,
                     regex.compile(rf"(?: (?:{alternatives('list_intro')}):?|:) (?=\p{{Lu}})"))


# ------------------------------------------------------------------------------------------------ text helpers


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word right before `start` (one space between), and where it starts; ("", -1) if none."""
    if start <= 0 or text[start - 1] != " ":
        return "", -1
    end = begin = start - 1
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "'’-.&/"):
        begin -= 1
    return text[begin:end], begin


@functools.lru_cache(maxsize=4096)  # the same places are asked about by several checks (honorific, cue, street)
def _words_before(text: str, start: int, count: int) -> str:
    """Up to `count` words before `start` on the same line, lower case, one space apart."""
    words: list[str] = []
    position = start
    for _ in range(count):
        word, position = _word_before(text, position)
        if not word:
            break
        words.insert(0, word)
    return " ".join(words).lower()


def _word_after(text: str, end: int) -> str:
    if end < len(text) and text[end] == " ":
        match = _WORD_CHARS.match(text, end + 1)
        return match.group() if match else ""
    return ""


@functools.lru_cache(maxsize=16384)  # asked of the same words again and again (every run, every bare name)
def is_name_word(word: str) -> bool:
    """A capitalised syllable of a name: `Kon`, `H'Drai`, `KBang`; not an acronym (`UBND`) or a lower-case word.

    >>> is_name_word("H'Drai"), is_name_word("UBND"), is_name_word("huyện"), is_name_word("A")
    (True, False, False, True)
    """
    if not word or not _NAME_WORD.fullmatch(word):
        return False
    letters = [c for c in word if c.isalpha()]
    return len(letters) == 1 or any(c.islower() for c in letters)


Words = list[tuple[int, int]]  # a run of words as (start, end) offsets


def read_run(text: str, position: int, *, allow_caps: bool = False) -> Words:
    """The capitalised words from `position` on, one space apart, at most MAX_NAME_WORDS.

    After a kind of place (`allow_caps`), acronyms and a trailing Roman numeral count too (`VSIP III`).
    """
    words: Words = []
    cursor = position
    while len(words) < MAX_NAME_WORDS:
        match = _NAME_WORD.match(text, cursor)
        if match and is_name_word(match.group()):
            end = match.end()
        elif allow_caps and (caps := _CAPS_WORD.match(text, cursor)) and (
                len(caps.group()) >= 2 if not words else _ROMAN.fullmatch(caps.group()) is not None):
            end = caps.end()
        else:
            break
        if not text[cursor + 1:end].islower() and (glued := _glued_at(text, cursor, end)) is not None:
            words.append((cursor, glued))  # `tỉnh SalavanThừa Thiên Huế`: two texts run together
            break
        if end < len(text) and (text[end].isalnum() or text[end] in "'’"):
            break  # glued to something that is not a name (a number, a symbol)
        words.append((cursor, end))
        if end + 1 < len(text) and text[end] == " " and text[end + 1].isupper():
            cursor = end + 1
            continue
        break
    return words


def _glued_at(text: str, start: int, end: int) -> int | None:
    """Where, inside [start, end), a text runs into the next without a space (`SalavanThừa Thiên Huế`, `liệt
    sĩSở`): a capital right after a lower-case letter that begins a Vietnamese syllable; brands are written so
    too (`YouTube`, `TikTok`), but their second part is no Vietnamese syllable."""
    for match in _GLUED.finditer(text, start, end):
        following = _NAME_WORD.match(text, match.end())
        if following is not None and is_vietnamese_syllable(following.group()):
            return match.end()
    return None


def _joined(text: str, words: Words) -> str:
    return text[words[0][0]:words[-1][1]] if words else ""


# ----------------------------------------------------------------------------------------------- candidates


@dataclass(eq=False)
class Candidate:
    """One mention of a place: where its name is, how it was written, what it was resolved to."""

    start: int
    end: int
    name: str
    type: str
    source: str  # prefix, list, kind, region, country, foreign, alias, bare, mention
    prefix: str | None = None  # the trigger as written (`UBND huyện` -> "huyện")
    prefix_start: int | None = None  # where the written prefix starts (None for list items)
    unit: Unit | None = None
    foreign: Foreign | None = None
    country: str | None = None
    alias: Alias | None = None
    parent_hint: Candidate | None = None  # the place written right after it: `xã Mô Rai, huyện Sa Thầy`
    record: int | None = None  # the place (record) this mention belongs to

    @property
    def span_start(self) -> int:
        return self.prefix_start if self.prefix_start is not None else self.start

    @property
    def is_admin(self) -> bool:
        return self.type in TYPE_LEVELS and self.foreign is None


class Intervals:
    """(start, end) intervals, kept sorted by start, with an overlap test that looks only at the few intervals that
    can reach the query: `any(...)` over all of them, thousands of times per article, was a tenth of the stage."""

    def __init__(self, intervals: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0
        for interval in intervals:
            self.append(interval)

    def append(self, interval: tuple[int, int]) -> None:
        start, end = interval
        k = bisect.bisect_right(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some interval (s, e) has s < end and start < e, as `any(...)` over them all would say."""
        if not self.starts:
            return False  # no person's name in the text: the usual case for `blocked`
        # e - s <= longest, so an interval that reaches past `start` begins after start - longest
        first = bisect.bisect_right(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        return first < last and max(self.ends[first:last]) > start


@dataclass
class Context:
    """The document as the finder sees it."""

    doc: Document
    data: PlaceData
    gaz: Gazetteer
    era: str  # "old" (before 1 July 2025) or "new"
    blocked: Intervals = field(default_factory=Intervals)  # person names (OFFICIAL): no place inside
    bylines: list[tuple[int, int]] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc.text

    @functools.cached_property
    def token_starts(self) -> frozenset[int]:
        """Where the word segmenter starts a word; built only if asked (a bare name at a sentence's start)."""
        return frozenset(s.start for s in self.doc.get(TOKEN))

    def is_blocked(self, start: int, end: int) -> bool:
        return self.blocked.overlaps(start, end)

    def in_byline(self, start: int) -> bool:
        return any(s <= start < e for s, e in self.bylines)

    def sentence(self, offset: int) -> str:
        """The sentence around `offset` (its line when the document has no sentences)."""
        start, end = self.sentence_bounds(offset)
        return self.text[start:end]

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        spans = self.doc.get(SENTENCE)
        if 0 <= index < len(spans) and spans[index].start <= offset < spans[index].end:
            return spans[index].start, spans[index].end
        line_start = self.text.rfind("\n", 0, offset) + 1
        line_end = self.text.find("\n", offset)
        return line_start, line_end if line_end >= 0 else len(self.text)


class Finder:
    """Reads one document's places (see the module docstring)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.data = ctx.data
        self.gaz = ctx.gaz
        self.candidates: list[Candidate] = []
        self.covered = Intervals()  # text read as a trigger or a name: not read again
        self._scope: tuple[int, set[str]] | None = None
        self._alias_ends: dict[int, int] | None = None
        self.read_early: set[int] = set()  # triggers read ahead of their turn (a list item's bracketed parent)
        self.triggers = self.find_triggers()
        self.trigger_starts = {start: (end, trigger) for start, end, trigger in self.triggers}
        self.kind_ends = {end for _, end, trigger in self.triggers if trigger.role == "kind"}

    # -- triggers -------------------------------------------------------------------------------------------

    def find_triggers(self) -> list[tuple[int, int, Trigger]]:
        """Every trigger in the text, longest first where they overlap, left to right."""
        text = self.text
        lowered = _lower(text)
        found: dict[int, tuple[int, Trigger]] = {}
        for last, surface in self.data.trigger_automaton.iter(lowered):
            start, end = last + 1 - len(surface), last + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in NAME_CHARS) and not (
                    text[start - 1] == "-" and start > 1 and text[start - 2].isupper()
                    and self.data.triggers[surface][0].role == "region"):
                continue  # inside a word; but `VOV-Tây Bắc`: an outlet's regional office names the region
            if end < len(text) and text[end].isalnum() and not self.data.triggers[surface][0].surface.endswith("."):
                continue
            trigger = _trigger_written(self.data, surface, text[start:end])
            if trigger is not None and trigger.role == "region" and text.endswith(" bộ", start, end) and \
                    _word_after(text, end).lower() in self.data.words.get("bo_compound", frozenset()):
                continue  # `Nam bộ đội`: a name, then `bộ đội`
            if trigger is not None and (start not in found or found[start][0] < end):
                found[start] = (end, trigger)
        ordered: list[tuple[int, int, Trigger]] = []
        reach = -1
        for start in sorted(found):
            end, trigger = found[start]
            if start >= reach:
                ordered.append((start, end, trigger))
                reach = end
        return ordered

    def trigger_at(self, position: int) -> Trigger | None:
        found = self.trigger_starts.get(position)
        return found[1] if found else None

    def read_triggers(self) -> None:
        position = 0
        for start, end, trigger in self.triggers:
            if start < position or start in self.read_early or self.ctx.is_blocked(start, end):
                continue
            if trigger.role == "compound":
                self.covered.append((start, end))
                position = end
            elif trigger.role == "prefix":
                position = max(end, self.read_prefixed(start, end, trigger))
            elif trigger.role == "kind":
                position = max(end, self.read_kind(start, end, trigger))
            elif trigger.role == "region":
                position = max(end, self.read_region(start, end, trigger))
            elif trigger.role == "route":
                position = max(end, self.read_route(end, trigger))
        self.candidates = [c for c in self.candidates if not self.ctx.is_blocked(c.start, c.end)]

    # -- names after a prefix -------------------------------------------------------------------------------

    def known_prefix(self, words: Words, place_type: str) -> int:
        """How many words of the run make the longest name the gazetteer or the tables know (0: none)."""
        levels = TYPE_LEVELS.get(place_type)
        for count in range(len(words), 0, -1):
            name = _joined(self.text, words[:count])
            if name_key(name) in self.data.aliases or self.foreign_name(name, place_type):
                return count
            if levels and self.known_units(name, levels):
                return count
        return 0

    def foreign_name(self, name: str, place_type: str) -> bool:
        """Whether the foreign table knows the name: after an administrative prefix in any spelling of its
        marks (`huyện Ka Lừm`); elsewhere only as written and if long enough (`sông Mai` is no Lao `Mai`)."""
        if place_type in TYPE_LEVELS:
            return name_key(name) in self.data.foreign or fold_name(name) in self.data.foreign_folded
        return name_key(name) in self.data.foreign and (len(name.split()) >= 2 or len(name) >= 5)

    def looks_like_person(self, words: Words, *, place_type: str) -> bool:
        """A run that reads as a person's name: `Trần Quốc Khánh`, `Y Bih Niê`, `H'Lan Mlô`, `Lò Văn Pản`.

        Called for runs the gazetteer does not know. After an administrative prefix the gazetteer knows
        nearly every real name, so two words that start with a family name are a person already
        (`Chủ tịch UBND xã Vi Hòe`); a village's unknown name is cut only before `Văn`/`Thị` names.
        """
        names = [self.text[s:e].replace("’", "'") for s, e in words]  # H’Bé is H'Bé
        given = self.data.words.get("given", frozenset())
        # a village's name may begin like a Central Highlands given name (`thôn A Đeng`): there, 3 words or more
        if len(names) >= (3 if place_type == "thôn" else 2) and (
                names[0] in given or any(names[0].startswith(g) and g.endswith("'") for g in given)):
            return True
        if names[0] not in self.data.words["surname"] or len(names) < 2:
            return False
        if place_type in TYPE_LEVELS:
            return True
        return len(names) >= 3 and names[1] in self.data.words.get("middle", frozenset())

    def stop_index(self, words: Words) -> int:
        """Where a stop phrase (`Phó`, `Chủ tịch`, `Văn hóa`) starts in the run (len(words) if nowhere)."""
        return self.stop_indexes(words)[0]

    def stop_indexes(self, words: Words) -> tuple[int, int]:
        """Where the first stop phrase starts in the run, and where the first one whose second word is in lower
        case starts (`Chủ tịch`, `Đảng bộ`): no name's syllables are that, so it ends even a name the gazetteer
        knows (`xã Chủ` is no `phường Chũ`); len(words) where there is none."""
        stops = self.data.words.get("stop", frozenset())
        openings = _stop_openings()
        first = len(words)
        for index, (start, end) in enumerate(words):
            word = self.text[start:end]
            if word not in openings:
                continue  # the usual case: no stop starts with this word
            if word in stops:
                first = min(first, index)
            following = _NEXT_WORD.match(self.text, end)
            if following and word + following.group() in stops:
                first = min(first, index)
                if following.group()[1].islower():
                    return first, index
        return first, len(words)

    def cut_name(self, words: Words, place_type: str) -> Words:
        """The words of a run that are the place's name; empty when the run is a person or a title."""
        if not words:
            return []
        words = self.extend_numbered(words, place_type)
        stop, phrase_stop = self.stop_indexes(words)
        words = words[:phrase_stop]  # Đảng bộ xã A, Đảng bộ xã B: `Đảng` is no name, whatever the gazetteer knows
        if not words:
            return words
        known = self.known_prefix(words, place_type)
        if not known and len(words) == 1 and place_type in TYPE_LEVELS and \
                self.text[words[0][0]:words[0][1]] in self.data.words.get("branch_word", frozenset()):
            return []  # `tỉnh Hội, huyện Hội`: an association's provincial and district branches
        if known:
            if known < len(words) and self.person_with_place_start(words, known):
                return []
            return words[:known]
        words = words[:stop]
        if not words:
            return words
        if place_type == "other":
            return words[:self.person_after_place(words)]
        if self.text.startswith(" (cũ)", words[-1][1]):
            return words  # tỉnh Hà Tây (cũ): a unit of old, which no person's name is followed by
        if self.looks_like_person(words, place_type=place_type):
            return []
        for index in range(1, len(words)):
            rest = words[index:]
            if len(rest) >= 3 and self.looks_like_person(rest, place_type="thôn"):
                return words[:index]  # bản Na Mèo Lò Văn Pản
        return words

    def person_with_place_start(self, words: Words, known: int) -> bool:
        """Whether a run whose first words make a known name is a person's name as a whole: `Huyện ủy Mai Hồng
        Hà` (a family name, then given names that are neither a place's nor a second person's); not `huyện Mai
        Sơn Hà Văn Tú` (a place, then its official) or `huyện Lâm Hà Lâm Đồng` (a place, then its province; given
        names are often a commune's name too: `Hồng Phong`)."""
        names = [self.text[s:e] for s, e in words]
        rest = words[known:]
        if len(words) < 3 or names[0] not in self.data.words["surname"] or len(rest) > 2:
            return False
        if known == 1 and not self.gaz.knows(names[0]):
            return True  # a one-word name only the foreign table knows (`Mai`, `Kham`) is a family name here
        rest_name = _joined(self.text, rest)
        if self.gaz.lookup(rest_name, levels=("province",)) or name_key(rest_name) in self.data.foreign or \
                self.stop_index(rest) == 0:
            return False
        return not self.looks_like_person(rest, place_type="xã")

    def person_after_place(self, words: Words) -> int:
        """Where a person's name starts after a known place's name in a run (len(words) if nowhere):
        `Phó Giám đốc Vườn quốc gia Ba Bể Nông Thế Luân` -> Ba Bể; a title's name runs into its holder's."""
        for index in range(len(words) - 2, 0, -1):
            rest = words[index:]
            if len(rest) > 3 or not all(is_name_word(self.text[s:e]) for s, e in rest) or \
                    not self.looks_like_person(rest, place_type="xã"):
                continue  # `Quế Võ II` is no `Quế` and a person
            name = _joined(self.text, words[:index])
            if (index >= 2 and self.gaz.knows(name)) or name_key(name) in self.data.regions or \
                    name_key(name) in self.data.foreign:
                return index
        return len(words)

    def extend_numbered(self, words: Words, place_type: str) -> Words:
        """`phường Hà Giang 1`, `thôn Cốc 2`: a number after the run is part of the name when the gazetteer
        knows the whole, or for a village or another place when it does not count what follows
        (`bản Na Mèo 16 hộ`, `thủy điện Trung Sơn 260 MW`)."""
        number = _NUMBER_AFTER.match(self.text, words[-1][1])
        if not number:
            return words
        levels = TYPE_LEVELS.get(place_type)
        known = bool(levels and self.gaz.lookup(self.text[words[0][0]:number.end()], levels=levels))
        numbered = place_type in ("thôn", "other")  # thôn Cốc 2, Thủy điện Bá Thước 1, Khu công nghiệp Quế Võ II
        if known or (numbered and not self.data.village_count.match(self.text, number.end())):
            return [*words, (number.start() + 1, number.end())]
        return words

    def extend_dashed(self, words: Words, place_type: str) -> Words:
        """`tỉnh Bà Rịa - Vũng Tàu`: a run, a dash and more words, when the gazetteer knows the whole."""
        if not words:
            return words
        dash = _DASH.match(self.text, words[-1][1])
        more = read_run(self.text, dash.end()) if dash else []
        if not more:
            return words
        joined = self.text[words[0][0]:more[-1][1]]
        levels = TYPE_LEVELS.get(place_type, ("province", "district", "commune"))
        if self.gaz.lookup(joined, levels=levels) or name_key(joined) in self.data.aliases:
            return [(words[0][0], more[-1][1])]
        return words

    def plural_before(self, start: int) -> bool:
        return _is_plural_word(_word_before(self.text, start)[0], self.data)

    def prefix_chain(self, end: int, trigger: Trigger) -> tuple[tuple[str, ...], int]:
        """`các xã, thị trấn gồm: ...`, `các xã, phường và thị trấn A, B`: the types of the administrative prefixes
        chained after a plural one, and where the last ends (the list that follows may hold units of each)."""
        types = (trigger.type,)
        if trigger.type not in TYPE_LEVELS:
            return types, end
        for _ in range(3):
            link = _PREFIX_CHAIN.match(self.text, end)
            following = self.trigger_starts.get(link.end()) if link else None
            if following is None or following[1].role != "prefix" or following[1].type not in TYPE_LEVELS:
                break
            types += (following[1].type,)
            end = following[0]
        return types, end

    def chain_type(self, name: str, types: tuple[str, ...]) -> str:
        """Which of the chained prefixes a list item is: the type of a unit of that name the gazetteer knows, in
        the article's provinces and of its era first; else the first prefix's."""
        if len(types) == 1:
            return types[0]
        known = self.gaz.lookup(name, levels=("province", "district", "commune"))
        units = [u for u in known if u.type in types]
        if known and not units:
            # `các huyện, thị xã Long Khánh` where the data has the city it became: the prefix of its level that is
            # written nearest the name
            levels = {u.level for u in known}
            return next((t for t in reversed(types) if set(TYPE_LEVELS.get(t, ())) & levels), types[0])
        scope = self.scope_provinces()
        local = [u for u in units if self.gaz.province_of(u).key in scope]
        pool = local or units
        return min(pool, key=lambda u: u.era != self.ctx.era).type if pool else types[0]

    def read_prefixed(self, start: int, end: int, trigger: Trigger) -> int:
        """A prefix and the name(s) after it; returns where reading stopped."""
        text = self.text
        plural = self.plural_before(start)
        types = (trigger.type,)
        if plural:
            types, end = self.prefix_chain(end, trigger)
        position = end
        colon = text.startswith(":", position)
        if colon:
            position += 1
        if text.startswith(" ", position):
            position += 1
        elif not (trigger.surface.endswith(".") and position < len(text) and text[position].isupper()):
            return end  # "TP.Vinh" is glued; anything else right after the prefix is no name
        if trigger.case == "known":
            return self.read_abbreviated(start, end, trigger)
        if trigger.type == "thôn" and (gloss := _GLOSS.match(text, position)) is not None and \
                (glossed := self.trigger_at(position + 1)) is not None and glossed.type == "thôn":
            position = gloss.end()  # bon (buôn) Bu Krắc: another word for the village, in brackets
        following = self.trigger_at(position)
        if following is not None and following.role == "region" and not self.unit_named_as_region(position, trigger):
            return end  # các tỉnh Tây Nguyên: the region, read as such
        if trigger.type == "thôn" and text[start].isupper() and self.on_street(start):
            return self.read_named_after_village(start)  # cầu treo Bản Khun: the bridge's name keeps `Bản`
        unqualified = position
        position = self.skip_qualifiers(position, self.data.unit_qualifiers)  # xã vùng cao Mường Lý
        words = self.extend_lower(self.extend_dashed(read_run(text, position), trigger.type), trigger.type)
        if colon and not plural and (not words or not self.known_prefix(words, trigger.type)):
            return end  # `UBND huyện: Kiểm tra ...` (a headline): after a singular prefix a colon opens a list only
            # of names the gazetteer knows at that level
        plural = plural or colon
        if not words and plural:
            words = self.list_after_modifier(position, trigger)
        if not words:
            number = self.numbered_name(position, trigger) if not plural else None
            if number:  # quận 1, phường 3 (Hồ Chí Minh City before 2025); thôn 3, tổ dân phố số 5
                numbered = self.add(Candidate(number.start(1), number.end(1), number.group(1), trigger.type, "prefix",
                                              text[start:end], start))
                return max(number.end(), self.read_parents(numbered))  # thôn 3, Ea Tul, Cư M'gar
            return end
        if text[start].isupper() and trigger.type == "thôn" and \
                self.gaz.lookup(text[start:words[-1][1]], levels=("province", "district", "commune")):
            return start + 1  # `Buôn Ma Thuột`, `Bản Hồ`: the village word begins a unit's own name
        name_words = self.cut_name(words, trigger.type)
        if not name_words or _joined(text, name_words) in self.data.countries:
            return words[-1][1]  # a person, a title, or a country (`tỉnh bạn Lào`: the table pass reads it)
        if (plural or position > unqualified) and (higher := self.higher_unit(name_words, trigger.type)) is not None:
            return higher  # các xã miền núi Thanh Hóa: the communes of the province, which is the place named
        first = self.make_prefixed(start, end, trigger, name_words, item=False, types=types)
        last = name_words[-1][1]
        if not plural and (parents_end := self.read_parents(first)) > last:
            return parents_end  # xã Tả Thanh Oai, Thanh Trì, Hà Nội; xã Nậm Chảy (Mường Khương)
        if not plural and trigger.type == "thôn" and self.village_list(last):
            plural = True  # thôn Khe A, Đồng B và Bãi C: one village word before a closed list of villages
        while (item_start := self.list_continues(last, dash=False, levels=TYPE_LEVELS.get(trigger.type),
                                                 figures=plural, village=trigger.type == "thôn")) is not None:
            words = self.extend_lower(self.extend_dashed(read_run(text, item_start), trigger.type), trigger.type)
            name_words = self.cut_name(words, trigger.type)
            if not name_words or (len(name_words) < len(words) and not plural):
                break
            name = _joined(text, name_words)
            if name in self.data.countries or name_key(name) in self.data.regions:
                break  # tỉnh Tây Ninh, Việt Nam
            if not plural and self.known_prefix(name_words, trigger.type) < len(name_words):
                break  # after a singular prefix only names the gazetteer knows at that level continue it
            item = self.make_prefixed(start, end, trigger, name_words, item=True, types=types)
            last = max(name_words[-1][1], self.read_parents(item, brackets_only=True))
        return last

    def read_abbreviated(self, start: int, end: int, trigger: Trigger) -> int:
        """A one-letter abbreviation glued to a name (`H.Đắk Glong`, `X.Quảng Sơn`): a place only when the
        gazetteer knows the name at that level, and never inside initials (`N.H.Lan`, `H.Lan.`)."""
        text = self.text
        if (start > 0 and text[start - 1] == ".") or end >= len(text) or text[end] == " ":
            return end
        words = read_run(text, end)
        levels = TYPE_LEVELS[trigger.type]
        known = next((count for count in range(len(words), 0, -1)
                      if self.known_units(_joined(text, words[:count]), levels)), 0)
        if not known or text.startswith(".", words[known - 1][1]):
            return end
        self.make_prefixed(start, end, trigger, words[:known], item=False, types=(trigger.type,))
        return words[known - 1][1]

    def village_list(self, end: int) -> bool:
        """Whether names follow a village's name as a list closed by `và` (`thôn Khe A, Đồng B và Bãi C`): each one
        neither a province's or a district's name nor a unit of the article's provinces (an address: `thôn A, Pha
        Long`), nor a firm's or a person's name."""
        text = self.text
        position = end
        for _ in range(8):
            gap = _LIST_SEPARATOR.match(text, position)
            words = read_run(text, gap.end()) if gap else []
            name = _joined(text, words) if words else ""
            if not words or self.gaz.lookup(name, levels=("province", "district")) or self.is_local_unit(name) \
                    or self.data.org_pattern.match(text, words[0][0]) \
                    or self.looks_like_person(words, place_type="thôn") or gap.end() in self.trigger_starts:
                return False
            if "và" in gap.group():
                return True
            position = words[-1][1]
        return False

    def unit_named_as_region(self, position: int, trigger: Trigger) -> bool:
        """Whether the region's name after a prefix is the unit's own (`xã Trường Sơn`, `thôn Trường Sơn`, `các thôn
        Trường Sơn, Hiền Ninh`): a unit of that name the gazetteer knows at the prefix's level, or after a village
        word that never pairs with a region (`thôn`, `xóm`; not `buôn làng Tây Nguyên`) or before a list."""
        words = read_run(self.text, position)
        if not words:
            return False
        levels = TYPE_LEVELS.get(trigger.type)
        if levels:
            return bool(self.gaz.lookup(_joined(self.text, words), levels=levels))
        if trigger.type != "thôn":
            return False
        separator = _LIST_SEPARATOR.match(self.text, words[-1][1])
        return trigger.surface in self.data.words.get("village_alone", frozenset()) or (
            separator is not None and _NEXT_CAPITAL.match(self.text, separator.end() - 1) is not None)

    def extend_lower(self, words: Words, place_type: str) -> Words:
        """`tỉnh Cao bằng`, `xã Nông thượng`: a unit's name whose later syllable is written in lower case, when the
        gazetteer knows the whole at that level and not the capitalised part alone; or, for a commune the data may
        lack, one unknown syllable and a syllable of position (`xã Bản thượng`: no commune is called `Bản`)."""
        if not words or place_type not in TYPE_LEVELS:
            return words
        end = words[-1][1]
        if not (end + 1 < len(self.text) and self.text[end] == " " and self.text[end + 1].islower()):
            return words  # the usual case, decided without the gazetteer
        levels = TYPE_LEVELS[place_type]
        if self.gaz.lookup(_joined(self.text, words), levels=levels):
            return words
        for _ in range(2):
            following = _NEXT_WORD.match(self.text, end)
            if following is None or not following.group()[1].islower():
                break
            end = following.end()
            if self.gaz.lookup(self.text[words[0][0]:end], levels=levels):
                return [*words[:-1], (words[-1][0], end)]
        following = _NEXT_WORD.match(self.text, words[-1][1])
        if len(words) == 1 and following is not None and \
                following.group()[1:] in self.data.words.get("position_syllable", frozenset()):
            return [(words[0][0], following.end())]
        return words

    def higher_unit(self, words: Words, place_type: str) -> int | None:
        """After a plural prefix (`các xã`, `nhiều huyện`) or a description (`xã biên giới`), one name that is a
        province's and not followed by a list is the province the units are in (`nhiều xã miền núi Thanh Hóa`,
        `một xã vùng cao Lào Cai`): a province candidate is added; returns where it ends, or None."""
        if place_type not in TYPE_LEVELS or "province" in TYPE_LEVELS[place_type]:
            return None
        name = _joined(self.text, words)
        provinces = self.gaz.lookup(name, levels=("province",))
        separator = _LIST_SEPARATOR.match(self.text, words[-1][1])
        if not provinces or (separator and _NEXT_CAPITAL.match(self.text, separator.end() - 1)):
            return None  # hai xã Thanh Hóa và Thanh Thạch: a list of the units
        unit = min(provinces, key=lambda u: u.era != self.ctx.era)
        self.add(Candidate(words[0][0], words[-1][1], name, unit.type, "chain", unit=unit))
        return words[-1][1]

    def units_of(self, candidate: Candidate) -> list[Unit]:
        """The gazetteer units a mention may be (its own if resolved), those of its written type first."""
        if candidate.unit is not None:
            return [candidate.unit]
        if not candidate.is_admin:
            return []
        levels = TYPE_LEVELS[candidate.type]
        units = self.known_units(candidate.name, levels)
        return [u for u in units if u.type == candidate.type] or units

    def known_units(self, name: str, levels: tuple[str, ...]) -> list[Unit]:
        """The gazetteer's units of that name at those levels, or, for a name long enough (`_loose_ok`), those
        whose name differs only in its tone marks' spelling."""
        return self.gaz.lookup(name, levels=levels) or (
            self.gaz.lookup_loose(name, levels=levels) if _loose_ok(name) else [])

    def read_parents(self, child: Candidate, *, brackets_only: bool = False) -> int:
        """An address chain after a prefixed unit, its links written without prefix: `xã Tả Thanh Oai, Thanh Trì,
        Hà Nội`, `phường Phú Hòa, Thủ Dầu Một, Bình Dương`, `xã Nậm Chảy (Mường Khương)`, `(xã Zuôih, Nam Giang)`.
        A link is a unit of the gazetteer that contains the one before it (typed by its own level, not the
        child's prefix), or a province's name. Adds the links; returns where the last ends (child.end if none)."""
        text = self.text
        last = child.end
        units: list[Unit] | None = None
        previous = child
        for _ in range(3):
            gap = _CHAIN_GAP.match(text, last)
            if gap is None or (brackets_only and "(" not in gap.group()) or gap.end() in self.trigger_starts:
                break
            words = self.extend_lower(read_run(text, gap.end()), "tỉnh")
            if not words:
                break
            if units is None:
                units = self.units_of(child)
            name = _joined(text, words)
            after = text[words[-1][1]:words[-1][1] + 1]
            if "(" in gap.group() and after not in (")", ","):
                break  # xã A (nay là ...): a bracket that holds more than the parent's name
            bracket = "(" in gap.group()
            parents = [a for u in units for a in self.gaz.chain(u)[1:] if name_key(a.name) == name_key(name)]
            if not parents:
                parents = self.gaz.lookup(name, levels=("province",)) or self.only_district(name, previous)
                if parents and not bracket and units and self.gaz.lookup(name, levels=TYPE_LEVELS.get(previous.type,
                                                                                                      ())):
                    break  # a name that is also a unit at the level before: a list item (`xã A, B`), or unsure
            if not parents and not units:
                parents = self.link_before_parent(name, previous, words[-1][1])
            if self.ctx.is_blocked(words[0][0], words[-1][1]) or self.covered.overlaps(words[0][0], words[-1][1]):
                break
            if parents:
                parent: Unit | None = min(parents, key=lambda u: (u.era != self.ctx.era, u.level == "commune"))
                parent_type = parent.type
            elif bracket and self.ctx.era == "old" and previous.type in ("xã", "phường", "thị trấn") and \
                    len(words) >= 2 and self.gaz.knows(name):
                # the press writes a commune's district in brackets: `xã Ea Tul (Cư M'gar)`, even where the
                # data's district is another (a district split off later)
                parent, parent_type = None, "huyện"
            else:
                break
            link = self.add(Candidate(words[0][0], words[-1][1], name, parent_type, "chain", unit=parent))
            if previous.prefix_start is not None:
                previous.parent_hint = link
            previous, units, last = link, [parent] if parent else [], words[-1][1]
            if "(" in gap.group() and after == ")":
                break
        return last

    def link_before_parent(self, name: str, child: Candidate, end: int) -> list[Unit]:
        """After a unit the gazetteer does not know (a village, a missing commune), a link is known by the link
        after it: `thôn Nà Sành, Pha Long, Mường Khương` (Pha Long is a commune of the district Mường Khương).
        The units of that name above the child's level that the next link contains."""
        rank = TYPE_RANK.get(child.type, 9)
        levels = tuple(level for level, level_rank in (("district", 1), ("commune", 2)) if level_rank < rank)
        gap = _CHAIN_GAP.match(self.text, end)
        following = read_run(self.text, gap.end()) if gap and gap.end() not in self.trigger_starts else []
        if not levels or not following:
            return []
        after = name_key(_joined(self.text, following))
        return [u for u in self.gaz.lookup(name, levels=levels)
                if any(name_key(a.name) == after for a in self.gaz.chain(u)[1:])]

    def only_district(self, name: str, child: Candidate) -> list[Unit]:
        """The district a commune's unknown parent may be (`xã Tân Lập (Mường Khương)` where the data lacks that
        commune): the one district of that name, or the one in the article's provinces."""
        if child.type not in ("xã", "phường", "thị trấn"):
            return []
        districts = self.gaz.lookup(name, levels=("district",))
        if len(districts) > 1:
            districts = [u for u in districts if self.in_scope(u)]
        return districts if len(districts) == 1 else []

    def read_named_after_village(self, start: int) -> int:
        """`cầu treo Bản Khun`, `chợ Bản Lầu`, `cầu treo Bản Na - Bản Tà`: after a bridge's, a road's or a market's
        word, the capitalised village word is the first syllable of the name it is called by (other)."""
        words = read_run(self.text, start)
        end = start
        while len(words) >= 2:
            self.add(Candidate(words[0][0], words[-1][1], _joined(self.text, words), "other", "kind"))
            end = words[-1][1]
            dash = _SPACED_DASH.match(self.text, end)
            words = read_run(self.text, dash.end()) if dash else []
        return end

    def numbered_name(self, position: int, trigger: Trigger) -> regex.Match[str] | None:
        """A unit named by a number: `quận 1`, `phường 3`, and at the village level `thôn 3`, `khu phố 2`,
        `tổ dân phố số 5` (the number is the name, as `1` is Quận 1's), unless the number counts something
        (`tổ 3 người`, `thôn 4 hộ`)."""
        if trigger.type not in ("quận", "phường", "thôn"):
            return None
        number = (_VILLAGE_NUMBER if trigger.type == "thôn" else _NUMBER_NAME).match(self.text, position)
        if number is None or self.data.village_count.match(self.text, number.end()):
            return None
        return number

    def skip_qualifiers(self, position: int, qualifiers: tuple[str, ...]) -> int:
        """Past the qualifiers (`vùng cao`, `quốc tế`) at `position`, when a capitalised word follows them."""
        text = self.text
        skipped = position
        for _ in range(3):
            starting = _starting_with(qualifiers, text[skipped:skipped + 1])
            if not starting:
                break  # the usual case (a capitalised name): no qualifier starts with its letter, no generator built
            qualifier = next((q for q in starting
                              if text.startswith(q, skipped) and text.startswith(" ", skipped + len(q))), None)
            if qualifier is None:
                break
            skipped += len(qualifier) + 1
        return skipped if skipped < len(text) and text[skipped].isupper() else position

    def list_after_modifier(self, position: int, trigger: Trigger) -> Words:
        """`các xã ven biển như Thụy Trường, Thụy Xuân`, `các huyện miền núi Kỳ Sơn, Tương Dương`: a plural
        prefix, a few lower-case words, then the list (without `như`/`gồm`/`:` only if the gazetteer knows
        the first name at that level, and never across a kind of place: `các xã ven hồ Thác Bà`)."""
        intro = self.data.list_intro.match(self.text, position - 1)
        if intro:
            return self.extend_dashed(read_run(self.text, intro.end()), trigger.type)
        intro = _long_list_intro().match(self.text, position - 1)
        if intro:  # một số xã đã hoàn thành thu hoạch lúa xuân sớm là: A, B: a long description, a colon, known names
            run = self.extend_dashed(read_run(self.text, intro.end()), trigger.type)
            return run if run and self.known_prefix(run, trigger.type) == len(run) else []
        modifier = _LIST_MODIFIER.match(self.text, position - 1)
        if not modifier or not TYPE_LEVELS.get(trigger.type):
            return []
        if any(position <= s < modifier.end() for s in self.trigger_starts):
            return []
        run = read_run(self.text, modifier.end())
        return run if run and self.known_prefix(run, trigger.type) else []

    def list_continues(self, end: int, *, dash: bool, levels: tuple[str, ...] | None = None, figures: bool = False,
                       village: bool = False) -> int | None:
        """Where the next item of a list starts after `end`, or None.

        Separators: `, `, ` và `, `, và `, `; ` (and ` - ` between kinds: `Mộc Bài - Bavet`); a short
        parenthesis between items is skipped (`Sekong (Lào) và Ratanakiri`). A new trigger ends the list
        (`các xã A, B và thị trấn C`), except a capitalised village word in a list of villages (`4 làng: Kon
        Rơ, Plei Ktu`: the word is part of the name). `figures`: an introduced list may give a figure after each
        item (`các xã ngập nhiều như: Tân Mỹ 120 ha, Hòa An 80 ha lúa và 10 ha màu, Phú Lộc`).
        """
        text = self.text
        position = end
        if figures and (figure := _FIGURE.match(text, position)):
            position = figure.end()
        if text.startswith(" (", position):
            close = text.find(")", position, position + MAX_PARENTHESIS)
            if close < 0:
                return None
            inner = self.trigger_starts.get(position + 2)
            if inner is not None and inner[1].role == "prefix" and position + 2 not in self.read_early:
                self.read_early.add(position + 2)  # read once: `read_triggers` skips it
                self.read_prefixed(position + 2, inner[0], inner[1])  # `A, B (huyện X); C (huyện Y)`: the parent
            position = close + 1
        separator = _LIST_SEPARATOR.match(text, position)
        dashed = False
        if separator is None and dash:
            separator = _DASH.match(text, position)
            dashed = separator is not None
        if not separator:
            return None
        position = separator.end()
        if position >= len(text) or not text[position].isupper():
            return None
        following = self.trigger_at(position)
        if following is None or (dashed and following.type == "thôn"):
            return position  # a pair's far end may begin with a village word (`Chiềng Khương - Bản Đán`)
        if village and following.type == "thôn" and " " not in following.surface and read_run(text, position)[1:]:
            return position  # 4 làng: Kon Rơ, Plei Ktu và Plei Jơr
        if levels and following.role in ("kind", "prefix") and " " not in following.surface:
            run = read_run(text, position)
            if len(run) >= 2 and self.gaz.lookup(_joined(text, run), levels=levels):
                return position  # các xã Pà Cò, Hang Kia; các xã Bản Hon, Bản Giang: a unit's own name
        return None  # a new trigger: `các xã A, B và thị trấn C`

    def make_prefixed(self, start: int, end: int, trigger: Trigger, words: Words, *, item: bool,
                      types: tuple[str, ...] = ()) -> Candidate:
        name = _joined(self.text, words)
        alias = self.data.aliases.get(name_key(name))
        place_type, place = self.type_for(name, self.chain_type(name, types) if types else trigger.type, words[0][0])
        return self.add(Candidate(words[0][0], words[-1][1], alias.name or name if alias else name, place_type,
                                  "list" if item else "prefix", self.text[start:end], None if item else start,
                                  foreign=place, alias=alias))

    def type_for(self, name: str, written_type: str, position: int) -> tuple[str, Foreign | None]:
        """A name in the foreign table is foreign, unless it is also a Vietnamese unit of the written level
        (or marked as a conflict) and nothing in the sentence says where abroad (`Phú Ninh`, `Đông Hưng`).
        After a prefix, a spelling that differs only in its marks counts too (`huyện Ka Lừm` = Kà Lừm)."""
        levels = TYPE_LEVELS.get(written_type)
        place = self.data.foreign.get(name_key(name))
        if place is None and written_type != "other" and not (levels and self.gaz.lookup_loose(name, levels=levels)):
            place = self.data.foreign_folded.get(fold_name(name))
        if place is None:
            return ("foreign" if self.abroad(name, written_type, position) else written_type), None
        vietnamese = bool(levels and self.gaz.lookup(name, levels=levels))
        if (vietnamese or place.conflict) and not self.foreign_context(place, position):
            return written_type, None
        return "foreign", place

    def abroad(self, name: str, written_type: str, position: int) -> bool:
        """A province or a district the gazetteer does not know (in any spelling of its marks) is abroad when its
        name is not Vietnamese (`tỉnh Gyeonggi`), when it is the neighbour's (`huyện bạn Mường Pẹc`), or when
        its sentence names a foreign country or place (`huyện Mường Pẹc, tỉnh Xiêng Khoảng`): the gazetteer
        knows every Vietnamese unit of those levels."""
        if written_type not in ABROAD_TYPES or name_key(name) in self.data.aliases:
            return False
        levels = TYPE_LEVELS[written_type]
        if self.gaz.lookup(name, levels=levels) or self.gaz.lookup_loose(name, levels=levels):
            return False
        if not all(is_vietnamese_syllable(word) or word.isdigit() for word in name.replace("-", " ").split()):
            return True
        if regex.search(r"-\p{Ll}", name):
            return True  # tỉnh Xa-van-na-khệt: syllables joined by hyphens transliterate a foreign name
        if _word_before(self.text, position)[0] in self.data.words.get("neighbour", ()):
            return True
        if self.said_vietnamese(name):
            return False
        start, end = self.ctx.sentence_bounds(position)
        for found_start, _, surface in text_names(self.text).table:
            if start <= found_start < end and (name_key(surface) in self.data.foreign or (
                    surface in _sure_countries() and self.data.countries[surface][0] != "Việt Nam")):
                return True
        return False

    def said_vietnamese(self, name: str) -> bool:
        """Whether the text writes, after some mention of the name, that it is Vietnamese: `huyện A (Việt Nam)`,
        `huyện A, tỉnh Cao Bằng`, `huyện A (tỉnh Cao Bằng, Việt Nam)` (a district merged away before the
        gazetteer's data, in a text that names the neighbour's districts too)."""
        pattern = rf"(?<![\p{{L}}\p{{M}}]){regex.escape(name)}(?:, | \()(?:tỉnh )?(\p{{Lu}}[\p{{L}}\p{{M}}]*" \
            rf"(?: \p{{Lu}}[\p{{L}}\p{{M}}]*){{0,3}})"
        for match in regex.finditer(pattern, self.text):
            parent = match.group(1)
            if parent == "Việt Nam" or self.gaz.lookup(parent, levels=("province",)):
                return True
        return False

    def foreign_context(self, place: Foreign, position: int) -> bool:
        """Whether the sentence names the foreign place's country or parent."""
        sentence = name_key(self.ctx.sentence(position))
        names = {place.country, place.parent}
        parent = self.data.foreign.get(name_key(place.parent)) if place.parent else None
        if parent is not None:
            names.add(parent.parent)
        return any(_contains_words(sentence, name_key(n)) for n in names - {"", "-"})

    def add(self, candidate: Candidate) -> Candidate:
        self.candidates.append(candidate)
        self.covered.append((candidate.span_start, candidate.end))
        return candidate

    # -- kinds of places ------------------------------------------------------------------------------------

    def read_kind(self, start: int, end: int, trigger: Trigger) -> int:
        """A kind of place, qualifiers, and the name(s): `khu kinh tế cửa khẩu quốc tế Bờ Y`."""
        text = self.text
        plural = self.plural_before(start)
        if trigger.named and text[start].isupper() and (trigger.begins or not self.opens_sentence(start)):
            whole = read_run(text, start)
            if len(whole) >= 2 and not self.gaz.knows(_joined(text, whole)):
                # `cống Kênh Mới`, `về Vàm Xoáy`: written capitalised inside a sentence, the feature's word is the
                # first syllable of the name it is called by (a unit's such name is read as the unit: `Sông Mã`)
                name_words = self.cut_name(whole, "other")
                return self.read_kind_names(start, end, trigger, name_words, plural) if len(name_words) >= 2 \
                    else whole[-1][1]
        position = end
        for _ in range(4):  # qualifiers and further kinds between the kind and the name
            if not text.startswith(" ", position):
                break
            qualifier = next((q for q in _starting_with(self.data.qualifiers, text[position + 1:position + 2])
                              if text.startswith(q, position + 1) and not _continues_word(text, position + 1 + len(q))),
                             None) or self.capitalised_qualifier(position + 1)
            if qualifier:
                position += 1 + len(qualifier)
                continue
            if numbered := _NUMBERED.match(text, position):
                position = numbered.end()
                continue
            chained = self.trigger_starts.get(position + 1)
            if chained and chained[1].role == "region":
                return end  # vùng Đồng bằng sông Cửu Long: the region, read as such
            # a further kind: lower case (`khu di tích lịch sử`), or a capitalised kind of two words or more,
            # which no name begins with (`Khu di tích Địa đạo Vịnh Mốc`; but `sông Rạch Cát`)
            if chained and chained[1].role == "kind" and (text[position + 1].islower() or " " in chained[1].surface):
                position = chained[0]
                trigger = chained[1] if chained[1].across or chained[1].caps else trigger
                continue
            break
        described = False
        if (descriptor := _DESCRIPTOR.match(text, position)) is not None and position + 1 not in self.trigger_starts \
                and descriptor.end() + 1 not in self.trigger_starts \
                and descriptor.group(1) not in self.data.words.get("function", frozenset()):
            position, described = descriptor.end(), True  # đồi chè Hồ Sen, rừng thông Đà Lạt: what grows or stands
        intro = self.data.kind_list_intro.match(text, position) if plural else None
        if intro:  # hai cửa khẩu quốc tế là Hữu Nghị và Đồng Đăng; các sông: Mã, Chu
            position = intro.end() - 1
        if not text.startswith(" ", position):
            return end
        words = read_run(text, position + 1, allow_caps=trigger.caps)
        if trigger.province and words:
            words = self.skip_brand(words)
        if words and text[start].isupper() and position == end and \
                self.gaz.lookup(text[start:words[-1][1]], levels=("province", "district", "commune")):
            return start + 1  # `Sông Mã`, `Núi Thành`: the capitalised kind begins a unit's own name
        name_words = self.cut_name(words, "other")
        if trigger.built and name_words:
            name_words = self.built_name(name_words)
            if not name_words:
                return words[-1][1]
        if described and name_words and (len(name_words) < 2 or (
                self.looks_like_person(name_words, place_type="xã") and not self.gaz.knows(_joined(text, name_words)))):
            return name_words[-1][1]  # `mực nước sông dâng Báo động 2`, `hang ổ Nguyễn Văn A`: no feature's name
        if described and name_words and self.gaz.lookup(_joined(text, name_words), levels=("province", "district")):
            return end  # `vùng lũ Quảng Bình`, `vùng trồng cam Cao Phong`: the province's, the district's (bare pass)
        if not name_words:
            return words[-1][1] if words else end
        return self.read_kind_names(start, end, trigger, name_words, plural)

    def capitalised_qualifier(self, position: int) -> str | None:
        """A qualifier of two words or more written with its first capital only (`Khu du lịch Quốc gia A`, `Cửa khẩu
        Quốc tế B`): no name is written so (a name capitalises every syllable)."""
        initial = self.text[position:position + 1]
        if not initial.isupper():
            return None
        return next((q for q in _starting_with(self.data.qualifiers, initial.lower())
                     if " " in q and self.text.startswith(initial + q[1:], position)
                     and not _continues_word(self.text, position + len(q))), None)

    def built_name(self, words: Words) -> Words:
        """The place a structure is called after (`cầu Cửa Lục 1`, `công viên nước Hòn Thơm`): its name without the
        structure's number; none when the name is one word (`cầu Rồng`, `công viên Yersin`) or a person's (`cầu Trần
        Thị Lý`) that no unit bears."""
        if len(words) >= 2 and _NUMBER_ONLY.fullmatch(self.text[slice(*words[-1])]):
            words = words[:-1]
        if len(words) < 2:
            return []
        if self.looks_like_person(words, place_type="xã") and not self.gaz.knows(_joined(self.text, words)):
            return []
        return words

    def skip_brand(self, words: Words) -> Words:
        """`Khu công nghiệp Becamex Bình Định`, `Khu công nghiệp Becamex VSIP Bình Định`: a developer's brand (words
        that are no Vietnamese syllables and no unit's) before a province's or a district's name is the firm's,
        the zone is named by the place; a brand alone, cut before another brand word, names no place."""
        text = self.text
        head = 0
        while head < len(words) and not is_vietnamese_syllable(text[slice(*words[head])]):
            head += 1
        if head == 0 or self.gaz.knows(_joined(text, words[:head])):
            return words
        if head == len(words):
            following = _CAPS_WORD.match(text, words[-1][1] + 1) if text.startswith(" ", words[-1][1]) else None
            if following is None:
                return words  # `Khu công nghiệp VSIP III`: the zone's own name
            return [] if not (rest := read_run(text, following.start(), allow_caps=True)) else \
                ([] if rest == words else self.skip_brand(rest))
        rest = words[head:]
        return rest if self.gaz.lookup(_joined(text, rest), levels=("province", "district")) else words

    def opens_sentence(self, start: int) -> bool:
        """Whether `start` is where a sentence, a line or a bracket opens (a capital there says nothing)."""
        return start == 0 or self.text[start - 1] == "\n" or \
            _SENTENCE_OPENING.search(self.text, max(0, start - 3), start) is not None

    def read_kind_names(self, start: int, end: int, trigger: Trigger, name_words: Words, plural: bool) -> int:
        """The named place(s) of a kind, from the first name's words: a dashed pair, a list."""
        text = self.text
        before, _ = _word_before(text, start)
        pairs = self.data.words.get("pair", frozenset())
        pair = before.lower() in pairs or any(text[start:end].lower().startswith(w + " ") for w in pairs)
        glued = self.glued_pair(name_words) if pair else None
        if glued is not None:  # `cặp cửa khẩu Tân Nam-Meun Chey`: the pair's dash written without spaces (without
            # `cặp`, `cửa khẩu A-B` is written as one crossing's name)
            name_words, far_words = glued
        name_words = self.join_dashed(name_words, pair or trigger.across, trigger)
        near = self.make_kind(start, end, trigger, name_words, item=False)
        last = name_words[-1][1]
        if glued is not None and far_words:
            self.make_kind(start, end, trigger, far_words, item=True, across=trigger.across and (
                near is None or near.foreign is None))
            last = far_words[-1][1]
        while (item_start := self.list_continues(last, dash=True)) is not None:
            gap = text[last:item_start]
            dashed = "-" in gap or "–" in gap
            name_words = self.cut_name(read_run(text, item_start, allow_caps=trigger.caps), "other")
            if not name_words or _joined(text, name_words) in self.data.countries:
                break
            if not dashed and not plural and not self.kind_list_item(name_words, pair=pair, across=trigger.across):
                break  # after one kind, a comma starts something else
            far = dashed and trigger.across and (near is None or near.foreign is None)
            candidate = self.make_kind(start, end, trigger, name_words, item=True, across=far)
            near = candidate if not dashed else near
            last = name_words[-1][1]
        return last

    def glued_pair(self, words: Words) -> tuple[Words, Words] | None:
        """A pair's two names joined by a dash without spaces (`Lóng Sập-Pa Háng`): a hyphen before a capital inside
        a word (a transliteration's hyphens come before lower case: `Xa-vẳn-na-khệt`); the near and the far end."""
        for index, (start, end) in enumerate(words):
            hyphen = regex.search(r"[-–](?=\p{Lu})", self.text[start:end])
            if hyphen is None:
                continue
            near = [*words[:index], (start, start + hyphen.start())]
            far = self.cut_name(read_run(self.text, start + hyphen.end()), "other")
            return near, far
        return None

    def kind_list_item(self, words: Words, *, pair: bool, across: bool) -> bool:
        """Whether a name after `, ` or ` và ` continues the list of one kind (`cửa biển Sông Đốc, Gành Hào`;
        `cặp cửa khẩu Lóng Sập - Pa Háng và Chiềng Khương - Bản Đán`): after a pair, only another pair;
        else a name of two words or more that is neither a province's or a district's (the place's parent:
        `sông Hồng, Hà Nội`), nor a firm's or a person's."""
        text = self.text
        another_pair = _SPACED_DASH.match(text, words[-1][1]) is not None
        if pair or (across and another_pair):
            return another_pair
        name = _joined(text, words)
        if len(words) < 2 or name_key(name) in self.data.aliases or name_key(name) in self.data.regions:
            return False
        buildings = self.data.words.get("building", frozenset())
        if any(name == b or name.startswith(b + " ") for b in buildings):
            return False  # `Miếu Bà X`: a shrine's name
        if self.gaz.lookup(name, levels=("province", "district")) or self.data.org_pattern.match(name):
            return False
        return not self.looks_like_person(words, place_type="xã")

    def join_dashed(self, words: Words, pair: bool, trigger: Trigger | None = None) -> Words:
        """`Khu bảo tồn thiên nhiên Bình Châu - Phước Bửu` is one place; `cặp cửa khẩu Mộc Bài - Bavet`,
        `tuyến cảng Sa Kỳ - Lý Sơn`, `hệ thống thủy lợi Nha Trinh - Lâm Cấm` (a pair, a route, a system of
        parts) and a foreign far end (`cửa khẩu Lao Bảo - Đen Sa Vẳn`) are two."""
        dash = _SPACED_DASH.match(self.text, words[-1][1])
        if pair or not dash:
            return words
        following = self.trigger_at(dash.end())
        if following is not None and following.role == "kind" and following.named:
            return words  # `Kênh Năm - Kênh Chùm`: a stretch between two features, each named in full
        more = self.cut_name(read_run(self.text, dash.end(), allow_caps=bool(trigger and trigger.caps)), "other")
        if not more:
            return words
        far = _joined(self.text, more)
        if name_key(far) in self.data.foreign or far in self.data.countries:
            return words
        return [(words[0][0], more[-1][1])]

    def make_kind(self, start: int, end: int, trigger: Trigger, words: Words, *, item: bool,
                  across: bool = False) -> Candidate | None:
        """A named place of a kind is other; a foreign name stays foreign, and so does the far end of a border
        crossing (`across`); a province's name after a facility (or inside a firm's name) is the province; the
        far end of a pair may be a district (`Sa Kỳ - Lý Sơn`)."""
        name = _joined(self.text, words)
        place_type, place = self.type_for(name, "other", words[0][0])
        unit = None
        if across and place is None:
            place_type = "foreign"
        elif place is None:
            in_firm = self.in_firm_name(start)
            provinces = self.gaz.lookup(name, levels=("province",)) if trigger.province or in_firm else []
            districts = [u for u in self.gaz.lookup(name, levels=("district",)) if self.in_scope(u)] if item else []
            unit = next(iter(provinces or districts), None)
            if unit is not None:
                place_type = unit.type
            elif in_firm and self.text[start].isupper():  # Công ty TNHH Khu nghỉ dưỡng Sông Biển: the firm's name
                self.covered.append((start, words[-1][1]))
                return None
        written = self.text[start:words[0][0]].strip() if not item else self.text[start:end]
        return self.add(Candidate(words[0][0], words[-1][1], name, place_type, "kind", written,
                                  None if item else start, unit=unit, foreign=place))

    def in_scope(self, unit: Unit) -> bool:
        return self.gaz.province_of(unit).key in self.scope_provinces()

    def scope_provinces(self) -> set[str]:
        """Keys (both eras) of the provinces of the places found so far (recomputed when more are found)."""
        if self._scope is not None and self._scope[0] == len(self.candidates):
            return self._scope[1]
        keys: set[str] = set()
        for candidate in self.candidates:
            if candidate.unit is not None:
                keys |= self.gaz.related_provinces(self.gaz.province_of(candidate.unit))
            elif candidate.type in ("tỉnh", "thành phố") and candidate.foreign is None:
                for unit in self.gaz.lookup(candidate.name, levels=("province",)):
                    keys |= self.gaz.related_provinces(unit)
        self._scope = (len(self.candidates), keys)
        return keys

    def scope_districts(self) -> set[str]:
        """Keys of the districts the article names with their prefix (resolved)."""
        return {c.unit.key for c in self.candidates if c.unit is not None and c.unit.level == "district"
                and c.prefix_start is not None}

    def read_route(self, end: int, trigger: Trigger) -> int:
        """A road or a route between places: `đoạn Mũi Né - Hòn Rơm`, `tuyến Hà Nội - Hải Phòng`, `trục đường Núi
        Đá - Nà Khoang`, `tỉnh lộ 99 từ Bản Phủ – Nậm Pồ – Mường Lay` (a number and `từ` may stand before the
        ends). Each end is a place when each is a known name or has two words or more and none reads as a person
        (`đường Trần Phú - Lê Lợi` is a crossroads of streets); `tuyến Bắc - Nam` names directions. Written
        without prefix, an end is a province, a country or a place abroad when the tables say so, else other."""
        text = self.text
        position = end
        if trigger.surface not in ("đoạn", "tuyến") and (number := _ROAD_NUMBER.match(text, position)):
            position = number.end()
        if (opening := _ROUTE_OPENING.match(text, position)) is not None:
            position = opening.end()
        if not text.startswith(" ", position):
            return end
        aliases = self.alias_ends()
        ends = [self.route_end(position + 1, aliases)]
        while ends[-1] and len(ends) < 8:
            dash = _DASH.match(text, ends[-1][-1][1])
            if dash is None and opening is not None and "từ" in opening.group():
                dash = _ROUTE_TO.match(text, ends[-1][-1][1])  # từ A đến B
            if dash is None:
                break
            ends.append(self.route_end(dash.end(), aliases))
        ends = [words for words in ends if words]
        if len(ends) < 2:
            return end
        typed = [self.bare_type(_joined(text, words), words[0][0], route=True) for words in ends]
        for words, found in zip(ends, typed, strict=True):
            if found is None and words[0][0] not in aliases and (
                    len(words) < 2 or self.looks_like_person(words, place_type="xã")) and not (
                    trigger.surface in ("đoạn", "tuyến") and len(words) == 2 and self.rural_unit(_joined(text, words))):
                return end
        for words, found in zip(ends, typed, strict=True):
            if words[0][0] in aliases:
                continue  # `cao tốc TP.HCM - Mộc Bài`: the city's other name, read with the tables' names
            place_type, unit, place = found or ("other", None, None)
            self.add(Candidate(words[0][0], words[-1][1], _joined(text, words), place_type, "bare",
                               unit=unit, foreign=place))
        return ends[-1][-1][1]

    def rural_unit(self, name: str) -> bool:
        """Whether the gazetteer knows the name as a commune or district and never as a ward: a road section's end
        that starts like a person's name is then the place (`đoạn Cao Bồ - Mai Sơn`); a name that wards bear
        too is a street's, after a person (`đoạn Trần Phú - Lê Lợi`)."""
        units = self.gaz.lookup(name, levels=("district", "commune"))
        return bool(units) and all(u.type not in ("phường", "quận") for u in units)

    def route_end(self, position: int, aliases: dict[int, int]) -> Words:
        """One end of a route: a name, or another name of a unit written with capitals and dots (`TP.HCM`)."""
        words = self.cut_name(read_run(self.text, position), "other")
        if not words and position in aliases:
            return [(position, aliases[position])]
        return words

    def alias_ends(self) -> dict[int, int]:
        """Where the tables' other names of units (`TP.HCM`, `TPHCM`) start in the text, and where they end."""
        if self._alias_ends is None:
            self._alias_ends = {start: end for start, end, surface in text_names(self.text).table
                                if name_key(surface) in self.data.aliases}
        return self._alias_ends

    def bare_type(self, name: str, position: int, *, route: bool = False) -> tuple[str, Unit | None,
                                                                                   Foreign | None] | None:
        """The type of a name written without a prefix, when the tables or the gazetteer know it here; a foreign
        name that is also a unit of the article's provinces is the unit unless the sentence says where abroad
        (`đoạn Quảng Phú - Quảng Đông` in Quảng Bình). `route`: the end of a road, whose level only a province's
        name tells (`Nậm Pồ` on a road is a point of the road: other)."""
        place = self.data.foreign.get(name_key(name))
        if place is not None and not ((place.conflict or self.is_local_unit(name))
                                      and not self.foreign_context(place, position)):
            return "foreign", None, place
        if name in self.data.countries:
            return "country", None, None
        units = self.gaz.lookup(name)
        provinces = [u for u in units if u.level == "province"]
        if provinces:
            unit = next((u for u in provinces if u.era == self.ctx.era), provinces[0])
            return unit.type, unit, None
        scope = self.scope_provinces()
        local = [u for u in units if self.gaz.province_of(u).key in scope]
        if local:
            return ("other", None, None) if route else (local[0].type, local[0], None)
        return None

    def read_children(self) -> None:
        """A name without prefix right before its parent unit: `Đăk Rong (huyện Kbang)`, `Ia Dom, huyện Ia H'Drai`:
        a unit of the gazetteer inside that parent, typed by its own level."""
        text = self.text
        for parent in [c for c in self.candidates if c.prefix_start is not None and c.is_admin]:
            gap = parent.prefix_start - 2
            if gap < 1 or text[gap:parent.prefix_start] not in (", ", " ("):
                continue
            run = _run_before(text, gap)
            if not run:
                continue
            below = ("district", "commune") if parent.type in ("tỉnh", "thành phố") else ("commune",)
            if parent.type == "thành phố" and not self.gaz.lookup(parent.name, levels=("province",)):
                below = ("commune",)
            homes: set[str] | None = None
            for first in range(len(run)):  # `Tại Đăk Rong, huyện Kbang`: a sentence's first word may stand before
                words = run[first:]
                name = _joined(text, words)
                units = self.gaz.lookup(name, levels=below)
                if not units:
                    continue
                homes = {u.key for u in self.units_of(parent)} if homes is None else homes
                units = [u for u in units if self.inside(u, homes)]
                if units and self.bare_ok(words[0][0], words[-1][1]):
                    unit = min(units, key=lambda u: (u.era != self.ctx.era, u.level != below[0]))
                    self.add(Candidate(words[0][0], words[-1][1], name, unit.type, "chain", unit=unit))
                    break

    def read_abroad_children(self) -> None:
        """A place written right before its parent abroad is abroad too: `bản Na Mương (Noọng Hét)`, `Meun Chey
        (Campuchia)`, `Lao Phu Chai (Phong Sa Ly, Lào)`, `Phố Cũ, trấn Thủy Khẩu`. A name found without a type of
        its own there becomes foreign (a Vietnamese unit the gazetteer resolved stays); a name no trigger read is
        one when its parent is a place (not a country alone), it has two words or more, and it is neither a
        person's, a firm's nor a Vietnamese province's."""
        ends = {c.end: c for c in self.candidates}
        for parent in sorted(self.candidates, key=lambda c: -c.span_start):
            for _ in range(4):  # a name read here may be the parent of the name before it (`A (B, Lào)`)
                child = self.abroad_child(parent, ends)
                if child is None:
                    break
                parent = ends[child.end] = child

    def abroad_child(self, parent: Candidate, ends: dict[int, Candidate]) -> Candidate | None:
        """The name right before `parent` made or read as abroad (see `read_abroad_children`): a new candidate, or
        None (also when an existing one was retyped: the outer loop reaches it as a parent in its turn)."""
        text = self.text
        start = parent.span_start
        gap = text[start - 2:start]
        if not self.abroad_parent(parent) or gap not in (", ", " ("):
            return None
        if gap == " (" and text[parent.end:parent.end + 1] not in (")", ","):
            return None  # `A (nay là ...)`: the bracket says more than the parent
        child = ends.get(start - 2)
        if child is not None:
            if child.type not in ("foreign", "country") and child.unit is None and child.source != "mention":
                child.type, child.foreign = "foreign", None
            return None
        run = _run_before(text, start - 2)
        if not 2 <= len(run) <= 4 or (parent.type == "country" and gap == " ("):
            return None  # `ông A (Lào)`: a country in brackets follows people as often as places
        before = text[run[0][0] - 1:run[0][0]]
        if gap == ", " and parent.prefix_start is None and before != "(":
            return None  # `các nước Campuchia, Lào`: a list; `(Phong Sa Ly, Lào)`: a place and its country
        word = _word_before(text, run[0][0])[0]
        honorifics = self.data.words["honorific"]
        if not (before == "(" or (before == " " and word[:1].islower())) or \
                word in honorifics or _words_before(text, run[0][0], 2) in honorifics:
            return None
        name = _joined(text, run)
        if self.ctx.is_blocked(run[0][0], run[-1][1]) or self.covered.overlaps(run[0][0], run[-1][1]) or \
                self.stop_index(run) < len(run) or self.looks_like_person(run, place_type="xã") or \
                self.data.org_pattern.match(name) or self.gaz.lookup(name, levels=("province",)) or \
                name in self.data.countries or name_key(name) in self.data.regions:
            return None
        return self.add(Candidate(run[0][0], run[-1][1], name, "foreign", "chain"))

    def abroad_parent(self, candidate: Candidate) -> bool:
        """Whether a place is abroad for the place written before it: a foreign one, or a country not Viet Nam's."""
        if candidate.type == "country":
            return candidate.source == "country" and candidate.country not in (None, "Việt Nam")
        return candidate.type == "foreign"

    def inside(self, unit: Unit, keys: set[str]) -> bool:
        """Whether one of the units `keys` names contains `unit` (walks the parents; no chain is built)."""
        key = unit.parent
        while key:
            if key in keys:
                return True
            key = self.gaz.units[key].parent
        return False

    def read_region(self, start: int, end: int, trigger: Trigger) -> int:
        word, _ = _word_before(self.text, start)
        direction = trigger.compass and word.lower() in self.data.directions  # phía Tây Bắc; not phía Đông Bắc Bộ
        if not direction and not self.on_street(start) and self.whole_run(start, end):
            name = self.text[start:end]
            unit_named = start - 1 not in self.kind_ends and any(
                c.is_admin and name_key(c.name) == name_key(name) for c in self.candidates)
            # `xã Ngọc Linh ... sâm Ngọc Linh`: after the unit, its name is the unit's mention (`núi Ngọc Linh`: the
            # mountain)
            self.add(Candidate(start, end, name, "", "mention") if unit_named else
                     Candidate(start, end, name, "other", "region"))
        return end

    # -- bare names -----------------------------------------------------------------------------------------

    def whole_run(self, start: int, end: int, *, after_name: bool = False) -> bool:
        """Whether [start, end) is a whole capitalised run: no name word glued before or after it (`Hồng Lĩnh`
        in `Nguyễn Hồng Lĩnh`, `Lào` in `Lào Cai`). A sentence's capitalised first word may stand before it
        when the word segmenter starts a word at `start` (`Tại Hà Nội`)."""
        text = self.text
        after = _word_after(text, end)
        if after and is_name_word(after):
            return False
        before, begin = _word_before(text, start)
        if not before or not is_name_word(before):
            return True
        if before in self.data.words["surname"] or before in self.data.words.get("given", ()):
            return False
        if after_name:
            return True
        opening = begin == 0 or text[begin - 1] == "\n" or _SENTENCE_OPENING.search(text, max(0, begin - 3), begin)
        return bool(opening) and start in self.ctx.token_starts

    def bare_ok(self, start: int, end: int, *, after_name: bool = False) -> bool:
        """Whether a name found without a trigger may be a place mention here."""
        text = self.text
        # glued to a word before or after it (`SalavanThừa Thiên Huế`: two texts run together) is still a name
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in NAME_CHARS) and \
                _glued_at(text, start - 1, start + 1) != start:
            return False
        if end < len(text) and (text[end].isalnum() or text[end] in "'’") and _glued_at(text, end - 1, end + 1) != end:
            return False
        if self.ctx.is_blocked(start, end) or self.ctx.in_byline(start):
            return False
        if self.covered.overlaps(start, end):
            return False
        honorifics = self.data.words["honorific"]
        before = _words_before(text, start, 1)
        if before in honorifics or _words_before(text, start, 2) in honorifics:
            return False
        if before in self.data.words.get("term_before", ()):
            return False  # tiếng Lào: a language
        if text[start - 2:start] == ": " and _CREDIT.search(text, max(0, start - 20), start):
            return False  # (Ảnh: Thái Bình): a photographer
        return self.whole_run(start, end, after_name=after_name)

    def in_firm_name(self, start: int) -> bool:
        """Whether a firm's or an institution's name opens earlier in the clause (`Công ty TNHH Lương thực ...`)
        and runs on to `start`: a verb or a preposition between them ends the firm's name (`Công ty X hiện đang
        vận hành nhà máy tại Khu công nghiệp Hựu Thạnh`)."""
        clause_start = max(self.text.rfind(c, 0, start) for c in ",;.:()\n") + 1
        ends = self.data.words.get("firm_end", frozenset())
        for match in self.data.org_pattern.finditer(self.text, clause_start, start):
            if is_name_word(_word_before(self.text, match.start())[0]):
                continue  # not `Khu công nghiệp Cây Trường`
            if not any(word in ends for word in self.text[match.end():start].split()):
                return True
        return False

    def on_road(self, start: int, end: int) -> bool:
        """Whether a name is a road's: right after `đường`, `phố`, `đại lộ` and not one end of a route
        (`đường Hà Nội - Hải Phòng` joins two places). SCHEMA: a road named after a place is `other`."""
        roads = self.data.words.get("road", frozenset())
        two = _words_before(self.text, start, 2)
        return (_words_before(self.text, start, 1) in roads or two in roads) and not _DASH.match(self.text, end) \
            and not two.endswith("thành phố")  # `thành phố Hưng Yên`: the city, no `phố`

    def on_street(self, start: int) -> bool:
        streets = self.data.words.get("street", frozenset())
        return _words_before(self.text, start, 1) in streets or _words_before(self.text, start, 2) in streets

    def read_table_names(self) -> None:
        """Countries, foreign places and other names of units, without a trigger."""
        found = sorted(text_names(self.text).table, key=lambda m: (m[0], -m[1]))
        countries: list[Candidate] = []
        reach = -1
        for start, end, surface in found:
            # a sure country's name of two words closes an organisation's name (`Tổng Công ty Giấy Việt Nam`)
            sure_country = surface in _sure_countries() and " " in surface
            if start < reach or not self.bare_ok(start, end, after_name=sure_country):
                continue
            key = name_key(surface)
            if key in self.data.aliases:
                alias = self.data.aliases[key]
                units = [u for u in self.gaz.lookup(split_unit_name(alias.unit)[1]) if u.level == "province"]
                unit = next((u for u in units if u.era == self.ctx.era), units[0] if units else None)
                self.add(Candidate(start, end, alias.name or surface, alias.type, "alias", alias=alias, unit=unit))
            elif surface in self.data.countries:
                country, needs_cue = self.data.countries[surface]
                # a short name alone in parentheses says where the place before it is: `bang Queensland (Úc)`
                bracketed = self.text[start - 1:start] == "(" and self.text[end:end + 1] == ")"
                sure = not needs_cue or bracketed or self.after_cue(start, "country_cue")
                countries.append(Candidate(start, end, surface, "country", "country" if sure else "country?",
                                           country=country))
                self.covered.append((start, end))
            else:
                place = self.data.foreign[key]
                if (place.conflict or self.is_local_unit(surface)) and not self.foreign_context(place, start):
                    continue
                self.add(Candidate(start, end, surface, "foreign", "foreign", foreign=place))
            reach = end
        self.candidates.extend(self.settle_countries(countries))

    def read_transliterations(self) -> None:
        """Foreign names written the Vietnamese way, syllables joined by hyphens with the later ones in lower case
        (`Xa-van-na-khệt`, `Thà-khẹt`, `Luông Pha-băng`): a place of the foreign table in any spelling of its
        marks, or an unknown one after a location word (`tại`, `đến`); elsewhere such names are people's
        (`Cay-xỏn`). Looked for only where a letter, a hyphen and a lower-case letter meet: most hyphens are
        in dates and ranges, and a scan of every character would cost more than the rest of the pass."""
        text = self.text
        reach = 0
        hyphen = text.find("-")
        while hyphen > 0:
            if hyphen > reach and hyphen + 1 < len(text) and text[hyphen + 1].islower() and text[hyphen - 1].isalpha():
                begin = hyphen
                while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "-"):
                    begin -= 1
                before, word_start = _word_before(text, begin)
                match = None
                if word_start >= 0 and "-" not in before and is_name_word(before):
                    match = _TRANSLITERATED.match(text, word_start)  # Luông Pha-băng: a word before it
                match = match or _TRANSLITERATED.match(text, begin)
                if match is not None:
                    reach = match.end()
                    self.read_transliteration(match.start(), match.end())
            hyphen = text.find("-", hyphen + 1)

    def read_transliteration(self, start: int, end: int) -> None:
        if not self.bare_ok(start, end):
            return
        name = self.text[start:end]
        place = self.data.foreign_folded.get(fold_name(name))
        if place is None and not self.after_cue(start, "location_cue"):
            return
        if place is not None and place.conflict and not self.foreign_context(place, start):
            return
        self.add(Candidate(start, end, name, "foreign", "foreign", foreign=place))

    def is_local_unit(self, name: str) -> bool:
        """A Vietnamese unit of this name that a bare mention could mean here (in the article's provinces, of
        either era: an article after the reform still names the old communes)."""
        scope = self.scope_provinces()
        return any(self.gaz.province_of(u).key in scope for u in self.gaz.lookup(name))

    def after_cue(self, start: int, role: str) -> bool:
        cues = self.data.words.get(role, frozenset())
        return _words_before(self.text, start, 1) in cues or _words_before(self.text, start, 2) in cues

    def settle_countries(self, countries: list[Candidate]) -> list[Candidate]:
        """A short country name that needs a cue counts beside a sure one in its list (`Mỹ, Úc, Pháp`
        after `thị trường`; `Hàn Quốc, Mỹ`)."""
        groups: list[list[Candidate]] = []
        for candidate in countries:
            if groups and _COUNTRY_LIST_GAP.fullmatch(self.text, groups[-1][-1].end, candidate.start):
                groups[-1].append(candidate)
            else:
                groups.append([candidate])
        settled = []
        for group in groups:
            if any(c.source == "country" for c in group):
                for candidate in group:
                    candidate.source = "country"
                    settled.append(candidate)
        return settled

    def read_gazetteer_names(self) -> None:
        """Province names anywhere; district names (commune names after the reform) in the article's provinces,
        those found so far and the provinces named bare (`Kim Liên, Nam Đàn, Nghệ An`): two passes, the second
        over what the first left. A three-word name that starts like a person's (`Hồ Chí Minh`) needs a
        location word before it."""
        districts = self.scope_districts()
        old_communes = self.gaz.old_commune_names
        # an old commune's name counts only inside a district the article names: the others are dropped at once
        found = sorted((m for m in text_names(self.text).gazetteer
                        if m[2] not in old_communes or not old_communes[m[2]].isdisjoint(districts)),
                       key=lambda m: (m[0], -m[1]))
        for provinces_only in (True, False):
            scope = self.scope_provinces()
            reach = -1
            rest: list[tuple[int, int, str]] = []
            for start, end, name in found:
                if start < reach:
                    rest.append((start, end, name))  # inside a longer name the second pass may not take
                    continue
                if not self.bare_ok(start, end):
                    continue  # not in the second pass either: what is covered stays covered
                words = name.split()
                if len(words) >= 3 and words[0] in self.data.words["surname"] and \
                        not self.after_cue(start, "location_cue"):
                    continue
                units = self.gaz.lookup(name)
                provinces = [u for u in units if u.level == "province"]
                if provinces_only and not provinces:
                    rest.append((start, end, name))
                    reach = end  # the longest name here is no province's: the second pass reads it
                    continue
                if self.on_road(start, end):
                    if name not in self.data.words.get("named_after_person", ()) and any(
                            u.level == "province" or (u.level == "district" and u.era == "old") for u in units):
                        self.add(Candidate(start, end, name, "other", "street"))  # đường Điện Biên Phủ, phố Huế
                        reach = end
                    continue
                chosen = next((u for u in provinces if u.era == self.ctx.era), provinces[0] if provinces else None)
                if chosen is None and not self.in_firm_name(start) and not self.on_street(start):
                    wanted = "district" if self.ctx.era == "old" else "commune"
                    chosen = next((u for u in units if u.level == wanted and (u.era == "new" or wanted == "district")
                                   and self.gaz.province_of(u).key in scope), None)
                    if chosen is None and wanted == "district" and len(words) >= 2:
                        # `huyện Lệ Thủy ... như Lộc Thủy, An Thủy`: a commune of a district the article names
                        chosen = next((u for u in units if u.level == "commune" and u.era == "old"
                                       and u.parent in districts), None)
                if chosen is not None:
                    self.add(Candidate(start, end, name, chosen.type, "bare", unit=chosen))
                    reach = end
            found = rest

    def read_datelines(self) -> None:
        """`ĐIỆN BIÊN - Sáng 5/3, ...`: a paragraph that opens with a province's or a district's name in capitals
        and a dash names where it was written (the press's dateline)."""
        for paragraph in self.ctx.doc.get(PARAGRAPH):
            match = _DATELINE.match(self.text, paragraph.start)
            if match is None or self.covered.overlaps(match.start(1), match.end(1)):
                continue
            name = match.group(1).title()
            units = [u for u in self.gaz.lookup(name, levels=("province", "district"))
                     if u.level == "province" or u.era == "old"]
            unit = min(units, key=lambda u: (u.level != "province", u.era != self.ctx.era), default=None)
            if unit is not None:
                self.add(Candidate(match.start(1), match.end(1), unit.name, unit.type, "bare", unit=unit))

    def read_mentions(self) -> None:
        """Further bare mentions of the names found so far (`Hội An` after `thành phố Hội An`)."""
        names = {c.name for c in self.candidates if len(c.name) > 2 and c.source != "alias"}
        for name in sorted(names, key=len, reverse=True):
            position = self.text.find(name)
            while position >= 0:
                end = position + len(name)
                if self.bare_ok(position, end):
                    self.add(Candidate(position, end, name, "", "mention"))
                position = self.text.find(name, end)


@functools.cache
def _stop_openings() -> frozenset[str]:
    """The first words of the stop phrases (`Chủ` of `Chủ tịch`, `Phó`): a word that is none of them starts none."""
    return frozenset(w.split()[0] for w in place_data().words.get("stop", ()))


@functools.cache
def _long_list_intro() -> regex.Pattern[str]:
    """`các xã đã hoàn thành thu hoạch lúa xuân sớm là: A`: six to nine lower-case words before the list's word and
    a colon."""
    words = "|".join(regex.escape(w) for w in sorted(place_data().words.get("list_intro", ()), key=len, reverse=True))
    return regex.compile(rf"(?: [\p{{Ll}}\p{{M}}]+){{6,9}}? (?:{words}): (?=\p{{Lu}})")


def _trigger_written(data: PlaceData, surface: str, written: str) -> Trigger | None:
    """The first trigger of that lower-case surface that the text as written is (`Trigger.matches`), remembered per
    spelling: an article writes `xã`, `huyện`, `UBND tỉnh` dozens of times."""
    key = (surface, written)
    if key in data.written:
        return data.written[key]
    if len(data.written) >= 16384:
        data.written.clear()
    trigger = data.written[key] = next((t for t in data.triggers[surface] if t.matches(written)), None)
    return trigger


@functools.lru_cache(maxsize=64)
def _initials(words: tuple[str, ...]) -> dict[str, tuple[str, ...]] | None:
    """The words by their first character, in their order; None when one is empty (it starts anywhere)."""
    if not all(words):
        return None
    grouped: dict[str, list[str]] = {}
    for word in words:
        grouped.setdefault(word[0], []).append(word)
    return {initial: tuple(group) for initial, group in grouped.items()}


def _starting_with(words: tuple[str, ...], initial: str) -> tuple[str, ...]:
    """The words that may start at a character (all of them when that is unknown): only these can match there,
    so testing them alone, in their order, finds the same first match as testing every word."""
    grouped = _initials(words)
    return words if grouped is None else grouped.get(initial, ())


def _run_before(text: str, end: int) -> Words:
    """The capitalised name words that end at `end`, one space apart (at most MAX_NAME_WORDS)."""
    words: Words = []
    position = end
    while len(words) < MAX_NAME_WORDS and position > 0:
        begin = position
        while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in NAME_CHARS):
            begin -= 1
        if begin == position or not is_name_word(text[begin:position]):
            break
        words.insert(0, (begin, position))
        if begin < 2 or text[begin - 1] != " ":
            break
        position = begin - 1
    return words


def _loose_ok(name: str) -> bool:
    """Whether a name may match the gazetteer loosely (`Gazetteer.lookup_loose`): names of two words or more
    (`Đăk Dục` = `Đắk Dục`) and names with an apostrophe (`H’Drai` = `H'Drai`); one plain syllable with other
    marks is another word (`Đảng` is no `Đăng`, `Chủ` no `Chũ`)."""
    return " " in name or "'" in name or "’" in name


def _is_plural_word(word: str, data: PlaceData) -> bool:
    return word.lower() in data.words.get("plural", frozenset()) or word.isdigit()


def _continues_word(text: str, position: int) -> bool:
    return position < len(text) and text[position].isalnum()


def _contains_words(haystack: str, needle: str) -> bool:
    """Whether `needle` occurs in `haystack` as whole words."""
    position = haystack.find(needle)
    while position >= 0:
        end = position + len(needle)
        if (position == 0 or not haystack[position - 1].isalnum()) and \
                (end == len(haystack) or not haystack[end].isalnum()):
            return True
        position = haystack.find(needle, end)
    return False


# --------------------------------------------------------------------------------------- era and resolution


def article_era(doc: Document) -> str:
    """`new` when the article was written after the 1 July 2025 reform, else `old`.

    The first full date in the text (the dateline comes first), else the date given with the input,
    else wording only the new units have (`tỉnh Bình Định (cũ)`, `chính quyền địa phương 2 cấp`).
    """
    text = doc.text[:3000]
    dates: list[tuple[int, tuple[int, int, int]]] = []  # the first of each kind: the earliest one decides
    for match in _DATE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        if 1 <= day <= 31 and 1 <= month <= 12 and 1990 <= year <= 2100:
            dates.append((match.start(), (year, month, day)))
            break
    for match in _MONTH_YEAR.finditer(text):
        month, year = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12 and 1990 <= year <= 2100:
            dates.append((match.start(), (year, month, 1)))
            break
    if dates:
        return "new" if min(dates)[1] >= REFORM_DATE else "old"
    hinted = regex.match(r"(\d{4})-(\d{2})-(\d{2})", str(doc.hints.get("date") or ""))
    if hinted:
        return "new" if tuple(int(g) for g in hinted.groups()) >= REFORM_DATE else "old"
    return "new" if place_data().after_reform.search(doc.text) else "old"


def link_parents(text: str, candidates: list[Candidate]) -> None:
    """`xã Mô Rai, huyện Sa Thầy`, `xã Kỳ Lợi (thị xã Kỳ Anh)`: a prefixed mention right after another, of
    a higher level, is its parent in the text (it decides between communes of the same name)."""
    ordered = sorted((c for c in candidates if c.prefix_start is not None), key=lambda c: c.start)
    for here, following in itertools.pairwise(ordered):
        gap_matches = _PARENT_GAP.fullmatch(text, here.end, following.span_start)
        if gap_matches and TYPE_RANK.get(following.type, 9) < TYPE_RANK.get(here.type, 9):
            here.parent_hint = following


class Resolver:
    """Administrative mentions to gazetteer units: provinces, then districts, then communes, each inside the
    provinces and districts resolved before, in the units of the article's era."""

    def __init__(self, gaz: Gazetteer, era: str) -> None:
        self.gaz = gaz
        self.era = era
        self.provinces: set[str] = set()  # keys, both eras
        self.districts: set[str] = set()

    def resolve(self, candidates: list[Candidate]) -> None:
        admin = [c for c in candidates if c.is_admin]
        for level in ("province", "district", "commune"):
            for candidate in admin:
                if candidate.unit is None and level in TYPE_LEVELS[candidate.type]:
                    units = [u for u in self.units_for(candidate) if u.level == level]
                    candidate.unit = self.choose(units, candidate)
                if candidate.unit is not None and candidate.unit.level == level:
                    self.note(candidate.unit)

    def units_for(self, candidate: Candidate) -> list[Unit]:
        """The units the name may be at the written level, those of the written type first (`thành phố Hà
        Tĩnh` is the city, not the province)."""
        if candidate.alias is not None:
            return [u for u in self.gaz.lookup(split_unit_name(candidate.alias.unit)[1]) if u.level == "province"]
        levels = TYPE_LEVELS[candidate.type]
        units = self.gaz.lookup(candidate.name, levels=levels) or self.gaz.lookup_loose(candidate.name, levels=levels)
        same_type = [u for u in units if u.type == candidate.type]
        return same_type or units

    def choose(self, units: list[Unit], candidate: Candidate) -> Unit | None:
        """The unit meant: inside the parent written beside it, else inside the provinces named (a unit of the
        article's era first, then one inside a district named), else the only one of that name."""
        if not units:
            return None
        hint = candidate.parent_hint.unit if candidate.parent_hint is not None else None
        if hint is not None:
            inside = [u for u in units if self.gaz.is_within(u, hint) or (
                hint.level == "province" and self.gaz.province_of(u).key in self.gaz.related_provinces(hint))]
            units = inside or units
        pool = [u for u in units if self.gaz.province_of(u).key in self.provinces]
        pool = [u for u in pool if u.era == self.era] or pool
        if pool:
            in_districts = [u for u in pool if u.parent in self.districts]
            if not in_districts and len({u.parent for u in pool}) > 1 and pool[0].level == "commune":
                return None  # communes of that name in several districts of the province
            pool = in_districts or pool
        else:
            provinces = {self.gaz.related_provinces(self.gaz.province_of(u)) for u in units}
            if len(provinces) > 1 and units[0].level != "province":
                return None  # the same name in several provinces and nothing to tell them apart
            pool = units
        return min(pool, key=lambda u: (u.era != self.era, u.level != "province"))

    def note(self, unit: Unit) -> None:
        self.provinces |= self.gaz.related_provinces(self.gaz.province_of(unit))
        if unit.level == "district":
            self.districts.add(unit.key)
        elif unit.level == "commune" and unit.parent and self.gaz.units[unit.parent].level == "district":
            self.districts.add(unit.parent)


# -------------------------------------------------------------------------------------------------- the stage


@functools.cache  # the same set for every article: built once, not per document
def _sure_countries() -> frozenset[str]:
    """The countries' surfaces that are a country with no cue beside them (countries.tsv `cue` not `yes`)."""
    return frozenset(s for s, (_, cue) in place_data().countries.items() if not cue)


def find_places(doc: Document, *, era: str | None = None) -> list[Candidate]:
    """Every place mention in the document, typed, resolved where the gazetteer allows, grouped into places
    (`Candidate.record`; None for a mention that belongs to no place). `era`: `article_era(doc)`, if known."""
    ctx = Context(doc, place_data(), gazetteer(), era or article_era(doc))
    sure_countries = _sure_countries()
    # a person's name is no place; a name span that is a whole country's name (`Hàn Quốc` before a title) is no person
    ctx.blocked = Intervals((s.start, s.end) for s in doc.get(OFFICIAL) if s.text not in sure_countries)
    ctx.bylines = [(s.start, s.end) for s in doc.get(BYLINE)]
    ctx.sentence_starts = [s.start for s in doc.get(SENTENCE)]
    finder = Finder(ctx)
    finder.read_triggers()
    finder.read_children()
    link_parents(doc.text, finder.candidates)
    Resolver(ctx.gaz, ctx.era).resolve(finder.candidates)
    finder.read_table_names()
    finder.read_transliterations()
    finder.read_gazetteer_names()
    finder.read_datelines()
    finder.read_mentions()
    finder.read_abroad_children()
    candidates = sorted(finder.candidates, key=lambda c: (c.start, -c.end))
    settle_abroad(candidates)
    assign_records(candidates)
    return candidates


def settle_abroad(candidates: list[Candidate]) -> None:
    """A unit found abroad once (`huyện Mã Quan (tỉnh Vân Nam, Trung Quốc)`) is abroad wherever the text names it
    again without that context (`Đoàn đại biểu huyện Mã Quan ...`), as long as no Vietnamese unit is resolved by it."""
    abroad = {name_key(c.name): c for c in candidates if c.type == "foreign" and c.unit is None}
    for candidate in candidates:
        found = abroad.get(name_key(candidate.name)) if candidate.type in ABROAD_TYPES and candidate.unit is None \
            else None
        if found is not None:
            candidate.type, candidate.foreign = "foreign", found.foreign


def assign_records(candidates: list[Candidate]) -> None:
    """One place per (name, type); a bare mention joins the first place of its name and takes its type."""
    records: dict[tuple[str, str], int] = {}
    owners: dict[str, tuple[int, Candidate]] = {}
    for candidate in sorted(candidates, key=lambda c: (c.source in ("bare", "mention"), c.start)):
        key = name_key(candidate.name)
        if candidate.source == "bare" and key in owners and _province_beside_city(candidate, owners[key][1]):
            # `TP Hà Tĩnh` ... `Hà Tĩnh có 535 trường`: the province, a place of its own
            candidate.record = records.setdefault((key, candidate.type), len(records))
            continue
        if candidate.source in ("bare", "mention") and key in owners:
            candidate.record, owner = owners[key]
            candidate.name, candidate.type = owner.name, owner.type
            candidate.unit = candidate.unit or owner.unit
            continue
        if candidate.source == "mention":
            continue  # the name it repeats was dropped (inside a person's name)
        candidate.record = records.setdefault((key, candidate.type), len(records))
        if candidate.source != "street":  # `Huế` elsewhere is the city, not `phố Huế`
            owners.setdefault(key, (candidate.record, candidate))


def _province_beside_city(candidate: Candidate, owner: Candidate) -> bool:
    """Whether a bare province's name is the province, though the text named the city of that name first (`TP Hà
    Tĩnh`): a province and its capital share the name, and only the prefix `thành phố` makes it the city."""
    return candidate.unit is not None and candidate.unit.level == "province" and owner.is_admin and \
        owner.unit is not None and owner.unit.level != "province"


def add_places(doc: Document) -> Document:
    """Stage: one PLACE span per mention (with its prefix when written); its value names the place it belongs to."""
    era = article_era(doc)
    candidates = [c for c in find_places(doc, era=era) if c.record is not None]
    home = infer_home(doc, candidates)
    ctx_data = place_data()
    spans = []
    for candidate in candidates:
        value: dict[str, Any] = {"name": candidate.name, "type": candidate.type, "record": candidate.record,
                                 "source": candidate.source, "era": era}
        if candidate.prefix:
            value["prefix"] = candidate.prefix
        if candidate.unit is not None:
            value["unit"] = candidate.unit.key
        if candidate.foreign is not None:
            place = candidate.foreign
            parent = ctx_data.foreign.get(name_key(place.parent)) if place.parent else None
            value["foreign"] = {"name": place.name, "country": place.country, "level": place.level,
                                "parent": place.parent, "parent_level": parent.level if parent else None}
        if candidate.country:
            value["country"] = candidate.country
        if home is not None and candidate.record == home.record:
            value["home"] = True
        spans.append(doc.span(candidate.span_start, candidate.end, PLACE, value))
    doc.set(PLACE, spans)
    return doc


# ----------------------------------------------------------------------------------------------- home unit


def level_votes(text: str, data: PlaceData) -> dict[str, int]:
    """How often the article names a level without a name (`UBND huyện`, `toàn huyện`, `Huyện ủy`): an
    article about a district says `huyện` that way again and again."""
    votes: dict[str, int] = {}
    for match in _generic_levels(text):
        if _NEXT_CAPITAL.match(text, match.end()):
            continue  # a named unit: a candidate of its own
        if _is_plural_word(_word_before(text, match.start())[0], data):
            continue  # các huyện: a group
        place_type = _COMMITTEE_TYPE[match.group().lower()] if match.group("committee") else match.group()
        votes[place_type] = votes.get(place_type, 0) + 1
    return votes


@dataclass
class TextNames:
    """What one Aho-Corasick pass over the text as written finds for the stage's three searches of names."""

    table: list[tuple[int, int, str]]  # (start, end, surface) of the tables' names (`PlaceData.name_automaton`)
    gazetteer: list[tuple[int, int, str]]  # (start, end, name) of the gazetteer's names (`Gazetteer.find_names`)
    levels: list[int]  # where one of the words of `_GENERIC_LEVEL` begins, in order


_TABLE_NAME, _GAZETTEER_NAME, _LEVEL_WORD = 1, 2, 4


@functools.cache
def _text_automaton() -> Any:
    """The tables' names, the gazetteer's and the words of `_GENERIC_LEVEL` in one automaton: one pass
    over an article instead of three (each pass costs as much as the next, whatever it finds)."""
    roles: dict[str, int] = {}
    for surface in place_data().name_automaton:  # its words
        roles[surface] = roles.get(surface, 0) | _TABLE_NAME
    for name in gazetteer().text_names():
        roles[name] = roles.get(name, 0) | _GAZETTEER_NAME
    # the words of the pattern as it is written (case-sensitive): `Tỉnh ủy`, `tỉnh ủy`, `tỉnh`, `thành phố`
    for word in (*_COMMITTEE_TYPE, *(c[0].upper() + c[1:] for c in _COMMITTEE_TYPE), *_LEVEL_WORDS):
        roles[word] = roles.get(word, 0) | _LEVEL_WORD
    return build_automaton((word, (word, role)) for word, role in roles.items())


@functools.lru_cache(maxsize=1)  # three steps of the stage ask, of the same text
def text_names(text: str) -> TextNames:
    """The names in `text` (see `TextNames`); read only, it is shared."""
    found = TextNames([], [], [])
    levels = set()
    for last, (word, role) in _text_automaton().iter(text):
        start, end = last + 1 - len(word), last + 1
        if role & _TABLE_NAME:
            found.table.append((start, end, word))
        if role & _GAZETTEER_NAME:
            found.gazetteer.append((start, end, word))
        if role & _LEVEL_WORD:
            levels.add(start)
    found.levels = sorted(levels)
    return found


def _generic_levels(text: str) -> Iterator[regex.Match[str]]:
    """`_GENERIC_LEVEL.finditer(text)`, with the pattern tried only where one of its words starts (`text_names`):
    the same matches, without the pattern's scan of every character."""
    reach = 0
    for start in text_names(text).levels:
        if start < reach:
            continue
        match = _GENERIC_LEVEL.match(text, start)
        if match is not None:
            yield match
            reach = match.end()


def infer_home(doc: Document, candidates: list[Candidate]) -> Candidate | None:
    """The administrative unit the article is about: the Vietnamese unit named most, in the title and the
    first paragraph most of all, at the level the article keeps referring to (`UBND huyện`, `toàn huyện`)."""
    text = doc.text
    titles = doc.get(TITLE)
    title_end = titles[0].end if titles else -1
    first_break = text.find("\n", title_end + 2 if titles else 0)
    lead_end = len(text) if first_break < 0 else first_break
    scores: dict[int, float] = {}
    best: dict[int, Candidate] = {}
    for candidate in candidates:
        if candidate.record is None or not candidate.is_admin:
            continue
        record = candidate.record
        weight = 3.0 if candidate.start < title_end else 2.0 if candidate.start < lead_end else 1.0
        scores[record] = scores.get(record, 0.0) + weight
        if record not in best or (best[record].unit is None and candidate.unit is not None):
            best[record] = candidate
    if not scores:
        return None
    votes = level_votes(text, place_data())
    for record, candidate in best.items():
        scores[record] += 0.5 * votes.get(candidate.type, 0)
    return best[max(scores, key=lambda r: (scores[r], -best[r].start))]


def home_unit(doc: Document) -> dict[str, Any] | None:
    """The administrative unit the article is about (inferred), e.g. {"name": "Mường Lát", "type": "huyện",
    "province": "Thanh Hóa"}; None when the text does not tell.

    Read from the PLACE spans once the places stage has run; before it (the officials stage asks to resolve
    `UBND huyện`), the places are found on the spot.
    """
    gaz = gazetteer()
    if PLACE in doc.spans:
        spans = [s for s in doc.get(PLACE) if s.value.get("home")]
        if not spans:
            return None
        span = next((s for s in spans if s.value.get("unit")), spans[0])
        return _home_record(span.value["name"], span.value["type"], gaz.units.get(span.value.get("unit", "")),
                            span.start, span.end, span.value.get("era", "old"))
    candidates = [c for c in find_places(doc) if c.record is not None]
    home = infer_home(doc, candidates)
    if home is None:
        return None
    return _home_record(home.name, home.type, home.unit, home.span_start, home.end, article_era(doc))


def _home_record(name: str, place_type: str, unit: Unit | None, start: int, end: int, era: str) -> dict[str, Any]:
    result: dict[str, Any] = {"name": name, "type": place_type, "level": None, "province": None, "district": None,
                              "code": None, "era": "after_2025" if era == "new" else "before_2025",
                              "resolved": unit is not None, "start": start, "end": end}
    if unit is not None:
        chain = gazetteer().chain(unit)
        district = next((u for u in chain if u.level == "district"), None)
        result.update(level=unit.level, province=chain[-1].name, province_type=chain[-1].type, code=chain[-1].code,
                      district=district.name if district else None)
    return result


# -------------------------------------------------------------------------------------------------- records


def place_records(doc: Document) -> list[dict[str, Any]]:
    """One record per (name, type), in order of first mention: SCHEMA's `name` and `type`, the first mention's
    offsets, every mention, the prefix as written, and for a resolved place its hierarchy, province code and
    what it became on 1 July 2025 (`after_2025`)."""
    entries: dict[int, dict[str, Any]] = {}
    for span in doc.get(PLACE):
        value = span.value
        if value.get("record") is None or _NUMBER_ONLY.fullmatch(value["name"]):
            continue  # `thôn 3`, `quận 1`, `xã vùng I`: a number is the unit's name but names no place to list
        mention = {"start": span.start, "end": span.end, "text": span.text}
        entry = entries.get(value["record"])
        if entry is None:
            name_start = span.end - len(value["name"]) if span.text.endswith(value["name"]) else span.start
            entries[value["record"]] = {"name": value["name"], "type": value["type"], "start": name_start,
                                        "end": span.end, "mentions": [mention], "prefix": value.get("prefix"),
                                        "unit": value.get("unit"), "foreign": value.get("foreign"),
                                        "country": value.get("country")}
            continue
        entry["mentions"].append(mention)
        entry["unit"] = entry["unit"] or value.get("unit")
        entry["prefix"] = entry["prefix"] or value.get("prefix")
    return [_record(entry) for entry in entries.values()]


def _record(entry: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {"name": entry["name"], "type": entry["type"], "start": entry["start"],
                              "end": entry["end"], "mentions": entry["mentions"], "prefix": entry["prefix"],
                              "resolved": False, "country": None, "hierarchy": [], "code": None, "after_2025": None}
    if entry["unit"]:
        gaz = gazetteer()
        unit = gaz.units[entry["unit"]]
        chain = gaz.chain(unit)
        record.update(resolved=True, country="Việt Nam", hierarchy=[u.to_dict() for u in chain], code=chain[-1].code,
                      unit_era="before_2025" if unit.era == "old" else "after_2025", after_2025=gaz.after_2025(unit))
    elif entry["foreign"]:
        place = entry["foreign"]
        country = place["country"] if place["country"] != "-" else None
        chain = [{"name": place["name"], "type": place["level"]}]
        chain += [{"name": place["parent"], "type": place.get("parent_level")}] if place["parent"] else []
        chain += [{"name": country, "type": "country"}] if country else []
        record.update(resolved=True, country=country, hierarchy=chain)
    elif entry["country"]:
        record.update(resolved=True, country=entry["country"], hierarchy=[{"name": entry["country"],
                                                                           "type": "country"}])
    return record

