"""Stage: officials (OFFICIAL name mentions, POSITION title mentions) and the byline's authors (AUTHOR).

How a title is read (a grammar over the tables in `lang/vi/`):

    title  = role head (titles.tsv)  organisation*  [level [place]]
             Phó Chủ tịch              UBND           huyện  Chiêm Hóa
    organisation = body (UBND, Công an, Ban Thường vụ)        complete in itself
                 | committee [place]   (Huyện ủy Ngọc Hồi)      a Party committee, its place follows directly
                 | unit name           (Sở Tài chính, Trung tâm Quản lý Bảo tồn di sản văn hóa Hội An)
                 | acronym             (Giám đốc VNPT tỉnh, Giám đốc Quốc gia UNDP tại Việt Nam)
                 | place               (UBND TPHCM; Sở Tài chính Gia Lai, Công an Nghệ An: a province, no level word)
                 | [state] country [tại place]  (Đại sứ Hàn Quốc tại Việt Nam, Đại sứ nước CHDCND Lào, Tổng Lãnh sự
                                        Lào tại Đà Nẵng, Bộ trưởng Bộ Ngoại giao Lào): a foreign post
                 | name country        (Bộ trưởng Năng lượng và Mỏ Lào, Chủ tịch Liên đoàn Bóng đá Lào):
                                        a body abroad no table knows, its name up to its country

A unit's name runs on through capitalised words and short lower-case runs that lead to another capitalised
word or a level ("Hợp tác xã Nông nghiệp dịch vụ cà phê bền vững Ea Tul"), and stops at a verb
(title_stops.txt), punctuation, an honorific or a person's name. A comma ends a title, except where the title
runs on into its department ("Trưởng phòng Nghiệp vụ du lịch, Sở Văn hóa, Thể thao và Du lịch") or its place
("Chủ tịch UBND xã Nhơn Mỹ, huyện Chợ Mới"); a comma followed by another role head starts the next title of the
same person ("Bí thư Đảng ủy, Chủ tịch HĐND xã").

How a person is found: a capitalised run of syllables (a name) after an honorific (honorifics.txt: `đồng chí`,
`ông`, `Thượng tá`, `TS.`), before `- title` or `, title` when it starts with a family name (surnames.txt), or
right after a title (`Phó Chủ tịch UBND tỉnh Đặng Ngọc Sơn`). Where a title's place slot runs into a name
(`UBND huyện Chiêm Hóa Vũ Đình Tân`) the split is where the gazetteer's place ends and a family name begins.
A foreign name (a word that is no Vietnamese syllable, or hyphenated: `Park Jun-hyuk`, `Xổm-phết Vông-pha-chăn`,
`Khamla Lorlonsy`) counts after an honorific, before `, title`, or after a foreign post's title; never a country or
a place abroad (`Đại sứ Hàn Quốc`). After a post abroad (a country in it, or a head only other countries have:
`Tỉnh trưởng`, titles.tsv `abroad`) any 2-5 capitalised syllables are the holder's name, however Vietnamese they look
(`Đại sứ Lào tại Việt Nam Sổm Xay Hùng Phăn`). Typing slips are read through: an honorific glued to the name
(`NgàiKen-ji Tanaka`, `ôngNguyễn Văn A`) and a title glued to the name by a bare hyphen (`Ksor Blơi-Phó Chủ tịch`).
A post taken (`giữ chức`, `được bầu làm`, `đắc cử`, official_words.tsv `holds`) is a title too. Lists (`các đồng
chí: A, title; B, title`) give each person their own titles; a post taken goes to all the people joined to the one
it follows (`bầu đồng chí A và đồng chí B giữ chức ...`), and after a plural
honorific a post several people hold (`các ông A, B - Phó Chủ tịch UBND huyện`) to the names before it. A title
before `, đồng chí X` is X's, unless a verb makes it its object (`Báo cáo với Phó Thủ tướng, bà X ...`). A title
with no name beside it (`đồng chí Chủ tịch UBND huyện`) is a POSITION linked to the person who holds that title in
the article; titles after `các` or a number (`các Phó Chủ tịch UBND tỉnh`, `54 đại biểu HĐND tỉnh`) are groups,
never people.

A dash may set the holder's full name apart after the title (`Chủ tịch UBND huyện Tân Hòa – Vi Văn Đức`); a line
break may part a name from its titles (`Đồng chí Lê Văn A –` / `Phó Bí thư ...`), the two lines then read as one. After
a name, `;` goes on with the same person's titles while a capitalised head follows (`X, Ủy viên Trung ương Đảng;
Giám đốc Học viện ...`); the titles after a `;` that end in a name are the next person's. A bare `đại biểu` before a
name is a deputy's seat only in an article about an elected body (official_words.tsv `deputy`, `assembly`), and only
for a person the text gives no other title.

Only people with at least one title are officials (SCHEMA.md: "a named person holding a position").

Beyond the contract, each record carries its titles' role and organisation (abbreviations expanded from
organisations.tsv, the place filled from `places.home_unit(doc)` when the text leaves it out), the title-only
mentions linked to the person, and the person's part in the event (official_parts.tsv: a verb after the person's
titles, "chủ trì", or the cue that opens the sentence, "Dự hội nghị có ..."; a later "Ông yêu cầu ..." adds to the
person named last). Only sentences with a role head or an honorific in them are read (an Aho-Corasick pass).

Authors come from the byline lines segment.py finds (bylines.tsv: the trailing lines, and a header line with a
portal's time, date or bar), without prefixes (`CTV`, `Tin, ảnh:`) or the author's unit; when those name nobody, a
last line of names followed by the unit ("Thanh Hà - Trung tâm VHTT&TT huyện") counts, then a name line right under
the headline.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from .document import AUTHOR, BYLINE, OFFICIAL, PARAGRAPH, POSITION, SENTENCE, TITLE, Document, Span
from .errors import RuleDataError
from .tables import build_automaton, load_table, load_words

MAX_NAME_SYLLABLES = 5  # Tôn Nữ Thị Ngọc Hân
MAX_LOWER_RUN = 10  # lower-case words in a name: "trình mục tiêu quốc gia xây dựng nông thôn mới"
MAX_TITLE_TOKENS = 40  # a runaway title is a parsing error, not a title
MAX_FOREIGN_ORGANISATION = 9  # words up to the country in a body abroad: "Bộ trưởng Năng lượng và Mỏ | Lào"
MAX_LOWER_TAIL = 5  # "Mặt trận Lào | xây dựng đất nước | Name"
MAX_BRACKET_TAIL = 8  # words a title in brackets runs on after the grammar stops: "(nguyên Trưởng Ban Chuẩn | bị)"
# A person's part in the event (official_parts.tsv), in the order records list them.
PARTS = ("led", "chaired", "attended", "reported", "spoke", "concluded", "directed")

# -------------------------------------------------------------------------------------------------- tables


@dataclass(frozen=True, slots=True)
class RoleHead:
    role: str
    org: str  # the organisation the head begins (its last words) or implies
    org_words: int  # how many of the head's last tokens begin the organisation (0: implied or none)
    alone: bool  # a complete title by itself
    bare: bool = True  # may stand without an organisation beside a name (abbreviations like "CT" may not)
    abroad: bool = False  # a post only other countries have (Tỉnh trưởng, Thị trưởng): its holder's name is foreign


@dataclass(frozen=True, slots=True)
class OrgWord:
    kind: str  # body, committee, unit, school, department, level
    expansion: str
    level: str


@dataclass(frozen=True, slots=True)
class Cue:
    part: str
    side: str


class Phrases:
    """Multi-word entries keyed by their lower-case tokens; `longest` finds the longest one starting at a token."""

    def __init__(self, entries: Iterable[tuple[tuple[str, ...], Any]]) -> None:
        self.entries: dict[tuple[str, ...], Any] = {}
        self.prefixes: set[tuple[str, ...]] = set()
        self.first_words: set[str] = set()
        self.longest_entry = 0
        for words, payload in entries:
            if not words:
                continue
            self.entries.setdefault(words, payload)
            self.first_words.add(words[0])
            self.longest_entry = max(self.longest_entry, len(words))
            for cut in range(1, len(words)):
                self.prefixes.add(words[:cut])

    def longest(self, tokens: Sequence[Token], start: int) -> tuple[int, Any] | None:
        if tokens[start].low not in self.first_words:  # most tokens: one set lookup
            return None
        found = None
        key: tuple[str, ...] = ()
        for index in range(start, min(len(tokens), start + self.longest_entry)):
            key += (tokens[index].low,)
            if key in self.entries:
                found = (index + 1, self.entries[key])
            if key not in self.prefixes:
                break
        return found


@dataclass(frozen=True)
class OfficialData:
    roles: Phrases
    organisations: Phrases
    departments: Phrases
    states: Phrases  # organisations.tsv `state`: the form of a state before a country ("nước CHDCND Lào")
    nations: Phrases  # organisations.tsv `nation`: a country named so only after a state's form ("Trung Hoa")
    honorifics: Phrases
    stops: Phrases
    cues_after: Phrases
    cues_before: Phrases
    words: Phrases  # official_words.tsv: word -> kind (group, adverb, joiner, and, of, former, collective, holds,
    #                 object)
    several: tuple[str, ...]  # official_words.tsv `several`: how the roles several people hold at once begin
    deputies: frozenset[str]  # official_words.tsv `deputy`: a bare head that is a seat in an elected body ("đại biểu")
    assembly: tuple[str, ...]  # official_words.tsv `assembly`: words of an article about an elected body's business
    surnames: frozenset[str]
    surname_prefixes: tuple[str, ...]
    token_pattern: regex.Pattern[str]
    triggers: Any  # Aho-Corasick automaton over the lower-cased role heads and honorifics
    scan_starts: frozenset[str]  # first words of honorifics, role heads and `former` words: where a title can begin
    split_at_spaces: bool  # no dotted abbreviation holds a space, so no token crosses one (see `tokenize`)
    dotted_firsts: frozenset[str]  # the first characters of the dotted abbreviations


# A foreign name written in hyphenated syllables is one word: Lao "Xổm-phết Vông-pha-chăn", Korean "Park Jun-hyuk".
# Only a capitalised word whose parts are letters in lower case ("Sủ-li-nha", "Ha-eun"): "KT-XH", "COVID-19" and a
# spaced "Văn hóa - Thể thao" stay apart.
_HYPHENATED_NAME = r"(?<![\p{L}\p{M}\p{N}-])\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]+)+(?![\p{L}\p{M}\p{N}])"
_WORD_TOKEN = _HYPHENATED_NAME + r"|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*['’]?"
_NAME_SYLLABLE = regex.compile(r"^\p{Lu}(?:['’]\p{L})?[\p{Ll}\p{M}]*(?:['’][\p{L}\p{M}]+)?(?:-\p{L}[\p{Ll}\p{M}]+)*$")


def _compile_tokenizer(dotted: Iterable[str]) -> regex.Pattern[str]:
    """Word tokens, with the dotted abbreviations of the tables (`TP.`, `PGS.TS.`) kept whole."""
    alternatives = sorted({regex.escape(d) for d in dotted}, key=len, reverse=True)
    # A guard before the alternation: an abbreviation's first character, and a dot within reach. It only skips
    # positions where no abbreviation can start (nearly all), so the tokens are the same, found a fifth faster.
    firsts = "".join(sorted({regex.escape(d[0]) for d in dotted}))
    reach = max((d.index(".") for d in dotted), default=0)
    guard = f"(?=[{firsts}])(?=[^.]{{0,{reach}}}\\.)"
    head = guard + "(?:" + "|".join(alternatives) + r")(?=\s|\p{L}|$)|" if alternatives else ""
    return regex.compile(head + _WORD_TOKEN + r"|\S")


def _words(text: str, pattern: regex.Pattern[str]) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in pattern.finditer(text))


@functools.cache
def load_official_data() -> OfficialData:
    """The officials tables, read and indexed once per process."""
    role_rows = load_table("titles.tsv", ("head", "role", "org?", "alone?", "abroad?"))
    org_rows = load_table("organisations.tsv", ("surface", "expansion?", "kind", "level?"))
    honorifics = load_words("honorifics.txt")
    kinds = {"body", "committee", "unit", "firm", "school", "department", "level", "place", "state", "nation"}
    for row in org_rows:
        if row["kind"] not in kinds:
            raise RuleDataError(f"organisations.tsv: kind {row['kind']!r} of {row['surface']!r} is not one of "
                                f"{sorted(kinds)}")
    # the dotted words of the tables, each kept whole by the tokenizer; an entry of several words ("ThS. BS.") is
    # matched word by word, so no token holds a space and the tokenizer may read the text piece by piece
    dotted = [word for entry in [r["surface"] for r in org_rows] + list(honorifics) if "." in entry
              for word in entry.split() if "." in word]
    pattern = _compile_tokenizer(dotted)

    def role_head(row: dict[str, str]) -> RoleHead:
        head_words = _words(row["head"], pattern)
        org_words = _words(row["org"], pattern)
        inside = bool(org_words) and head_words[-len(org_words):] == org_words
        if row["alone"] not in ("yes", "no", ""):
            raise RuleDataError(f"titles.tsv: alone={row['alone']!r} of {row['head']!r} must be yes, no or empty")
        if row["abroad"] not in ("yes", ""):
            raise RuleDataError(f"titles.tsv: abroad={row['abroad']!r} of {row['head']!r} must be yes or empty")
        return RoleHead(row["role"], row["org"], len(org_words) if inside else 0, row["alone"] == "yes",
                        row["alone"] != "no", row["abroad"] == "yes")

    parts = load_table("official_parts.tsv", ("cue", "part", "side"))
    for row in parts:
        if row["side"] not in ("after", "before") or row["part"] not in PARTS:
            raise RuleDataError(f"official_parts.tsv: {row['cue']!r}: side must be after/before and part one of "
                                f"{list(PARTS)}")
    words = load_table("official_words.tsv", ("word", "kind"))
    word_kinds = {"group", "adverb", "joiner", "and", "of", "former", "collective", "holds", "object", "several",
                  "given", "closes", "deputy", "assembly"}
    for row in words:
        if row["kind"] not in word_kinds:
            raise RuleDataError(f"official_words.tsv: kind {row['kind']!r} of {row['word']!r} is not one of "
                                f"{sorted(word_kinds)}")
    surnames = load_words("surnames.txt")
    roles = Phrases((_words(r["head"], pattern), role_head(r)) for r in role_rows)
    honorific_phrases = Phrases((_words(h, pattern), h) for h in honorifics)
    word_phrases = Phrases((_words(r["word"], pattern), r["kind"]) for r in words
                           if r["kind"] not in ("several", "deputy", "assembly"))
    former_firsts = {key[0] for key, kind in word_phrases.entries.items() if kind == "former"}
    return OfficialData(
        roles=roles,
        organisations=Phrases((_words(r["surface"], pattern), OrgWord(r["kind"], r["expansion"], r["level"]))
                              for r in org_rows if r["kind"] not in ("department", "state", "nation")),
        departments=Phrases((_words(r["surface"], pattern), OrgWord(r["kind"], r["expansion"], r["level"]))
                            for r in org_rows if r["kind"] == "department"),
        states=Phrases((_words(r["surface"], pattern), r["surface"]) for r in org_rows if r["kind"] == "state"),
        nations=Phrases((_words(r["surface"], pattern), r["surface"]) for r in org_rows if r["kind"] == "nation"),
        honorifics=honorific_phrases,
        stops=Phrases((_words(w.lstrip("!"), pattern), not w.startswith("!")) for w in load_words("title_stops.txt")),
        cues_after=Phrases((_words(r["cue"], pattern), Cue(r["part"], r["side"]))
                           for r in parts if r["side"] == "after"),
        cues_before=Phrases((_words(r["cue"], pattern), Cue(r["part"], r["side"]))
                            for r in parts if r["side"] == "before"),
        words=word_phrases,
        several=tuple(r["word"].lower() for r in words if r["kind"] == "several"),
        deputies=frozenset(r["word"].lower() for r in words if r["kind"] == "deputy"),
        assembly=tuple(r["word"].lower() for r in words if r["kind"] == "assembly"),
        surnames=frozenset(s for s in surnames if not s.endswith(("'", "’"))),
        surname_prefixes=tuple(s for s in surnames if s.endswith(("'", "’"))),
        token_pattern=pattern,
        triggers=_automaton([r["head"] for r in role_rows] + list(honorifics)),
        scan_starts=frozenset(roles.first_words | honorific_phrases.first_words | former_firsts),
        split_at_spaces=not any(" " in d for d in dotted),
        dotted_firsts=frozenset(d[0] for d in dotted if d),
    )


def _automaton(words: Iterable[str]) -> Any:
    return build_automaton((word.lower(), len(word)) for word in words)


# Place types of SCHEMA.md -> the gazetteer levels whose names may fill a place slot after that level word.
_GAZETTEER_LEVELS: dict[str, tuple[str, ...]] = {
    "tỉnh": ("province",), "thành phố": ("province", "district"), "huyện": ("district",),
    "thị xã": ("district",), "quận": ("district",), "xã": ("commune",), "phường": ("commune",),
    "thị trấn": ("commune",), "other": ("commune",),
}


@functools.lru_cache(maxsize=8192)
def is_known_place(name: str, level: str) -> bool:
    """Whether the gazetteer (underthesea's units, `gazetteer.py`) has a unit of this name at this level
    (any level when the level is unknown). Tells a place from a person where both are capitalised runs."""
    from .gazetteer import gazetteer

    levels = _GAZETTEER_LEVELS.get(level, ("province", "district", "commune"))
    return bool(gazetteer().lookup(name, levels=levels)) or is_foreign_place(name)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=4096)
def is_foreign_place(name: str) -> bool:
    """Whether a name is a country or a place abroad (places.py's countries.tsv, foreign_places.tsv): `Hàn Quốc`
    after "Đại sứ" is no person, `Luang Prabang` after "tỉnh" is a place. Names that are also Vietnamese units or
    people's names (`conflict` there) do not count."""
    from .gazetteer import name_key
    from .places import place_data

    data = place_data()
    if name in data.countries:
        return True
    place = data.foreign.get(name_key(name))
    return place is not None and not place.conflict


@functools.lru_cache(maxsize=4096)
def country_of(name: str) -> tuple[str, bool] | None:
    """(country, whether the name is also a common word or given name) of a country's name as written
    (countries.tsv: `Hàn Quốc`, `Anh`), or None."""
    from .places import place_data

    return place_data().countries.get(name)


@functools.lru_cache(maxsize=1024)
def _former(head: RoleHead, word: str) -> RoleHead:
    return dataclasses.replace(head, role=f"{word.lower()} {head.role}")


# -------------------------------------------------------------------------------------------------- tokens


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs 3x, and there are thousands per article
class Token:
    start: int
    end: int
    text: str
    low: str
    is_word: bool
    is_cap: bool  # starts with a capital letter
    is_name: bool  # a syllable of a personal name: "Lương", "H'Lan", "A"


# A token's attributes depend on its text alone, and a few thousand words make up most of the articles: reading
# them from a dict is 3x cheaper than lower() + isupper() + a regex match per token. Cleared when it grows big.
_WORD_ATTRIBUTES: dict[str, tuple[str, bool, bool, bool]] = {}
_MAX_CACHED_WORDS = 50_000


def _word_attributes(word: str) -> tuple[str, bool, bool, bool]:
    """(lower case, is_word, is_cap, is_name) of a token's text."""
    if len(_WORD_ATTRIBUTES) >= _MAX_CACHED_WORDS:
        _WORD_ATTRIBUTES.clear()
    first = word[0]
    found = _WORD_ATTRIBUTES[word] = (word.lower(), first.isalnum(), first.isupper(), bool(_NAME_SYLLABLE.match(word)))
    return found


def tokenize(text: str, offset: int, data: OfficialData, *, glued: Sequence[int] = ()) -> list[Token]:
    """The tokens of `text` (`data.token_pattern`), with offsets `offset` on.

    Read piece by piece between spaces, as no token holds a space. The pattern is needed only for the odd piece:
    letters and digits alone are one word token (`huyện`, `2024`), and so is a single mark (`-`); a word with a
    comma or the like after it (`huyện,`) is two tokens, and with a full stop too, unless it may be a dotted
    abbreviation (`TP.`). The tokens are those of one pass of the pattern over the whole text, found in half the
    time. `glued`: offsets in `text` where a word is cut in two (an honorific glued to a name, `_regions`)."""
    if not data.split_at_spaces:
        return _tokenize_span(text, 0, len(text), offset, data, [])
    tokens: list[Token] = []
    attributes = _WORD_ATTRIBUTES
    cursor = 0
    for piece in text.split(" "):
        end = cursor + len(piece)
        if not piece:
            pass  # two spaces in a row
        elif glued and any(cursor < cut < end for cut in glued):
            cut = next(cut for cut in glued if cursor < cut < end)
            _tokenize_span(text, cursor, cut, offset, data, tokens)
            _tokenize_span(text[cut:end], 0, end - cut, offset + cut, data, tokens)  # no look-behind into "Ngài"
        elif piece.isalnum() or (len(piece) == 1 and not piece.isspace()):
            # the common case, spelt out: naming the four attributes costs less than a `*found` call
            low, is_word, is_cap, is_name = attributes.get(piece) or _word_attributes(piece)
            tokens.append(Token(offset + cursor, offset + end, piece, low, is_word, is_cap, is_name))
        elif piece[-1] in _CLOSING and piece[:-1].isalnum() and (
                piece[-1] != "." or piece[0] not in data.dotted_firsts):
            word, mark = piece[:-1], piece[-1]
            found = attributes.get(word) or _word_attributes(word)
            tokens.append(Token(offset + cursor, offset + end - 1, word, *found))
            found = attributes.get(mark) or _word_attributes(mark)
            tokens.append(Token(offset + end - 1, offset + end, mark, *found))
        else:
            _tokenize_span(text, cursor, end, offset, data, tokens)
        cursor = end + 1
    return tokens


_CLOSING = frozenset(",.;:)!?")  # marks that end a word: a token of their own (never `'`, which a word may end in)


def _tokenize_span(text: str, start: int, end: int, offset: int, data: OfficialData, tokens: list[Token]
                   ) -> list[Token]:
    attributes = _WORD_ATTRIBUTES
    for m in data.token_pattern.finditer(text, start, end):
        word = m.group()
        token_start, token_end = m.span()
        cut = _role_after_hyphen(word, data) if "-" in word else None
        if cut is not None:  # "Ksor Blơi-Phó Chủ tịch ...": a name, a dash with no spaces, a title
            for piece_start, piece_end in ((0, cut), (cut, cut + 1), (cut + 1, len(word))):
                piece = word[piece_start:piece_end]
                found = attributes.get(piece) or _word_attributes(piece)
                at = offset + token_start
                tokens.append(Token(at + piece_start, at + piece_end, piece, *found))
            continue
        found = attributes.get(word) or _word_attributes(word)
        tokens.append(Token(offset + token_start, offset + token_end, word, *found))
    return tokens


def _role_after_hyphen(word: str, data: OfficialData) -> int | None:
    """Where a hyphenated word splits because a role head follows a name with no spaces around the dash
    ("Blơi-Phó", "Hùng-Chủ"): the index of the dash before a capitalised part that may begin a role head. A foreign
    name's own parts ("Jun-hyuk", "Sỉ-vi-lay", "Ha-Eun") begin no role head."""
    at = word.find("-", 1)
    while at > 0:
        part = word[at + 1:].split("-", 1)[0]
        if part[:1].isupper() and part.lower() in data.roles.first_words:
            return at
        at = word.find("-", at + 1)
    return None


# -------------------------------------------------------------------------------------------------- titles


@dataclass(slots=True)
class Segment:
    """A piece of an organisation: tokens [start, end) and what they expand to ("" = as written)."""

    start: int
    end: int
    kind: str
    expansion: str = ""
    level: str = ""


@dataclass(slots=True)
class Title:
    start: int  # token indices [start, end)
    end: int
    head: RoleHead
    segments: list[Segment] = field(default_factory=list)
    level: str = ""  # the level the organisation sits at (huyện), from a level word or a committee
    place: tuple[int, int] | None = None  # tokens of an explicit place name
    name: tuple[int, int] | None = None  # a person's name written right after the title
    abroad: bool = False  # a foreign post (a country in the organisation): a foreign name may follow
    after_semicolon: bool = False  # reached over a ";" in a person's chain ("X, Ủy viên Bộ Chính trị; Giám đốc ...")

    @property
    def has_organisation(self) -> bool:
        return bool(self.segments) or self.head.alone or self.head.org_words > 0


@dataclass(slots=True)
class Person:
    """One mention of a named person in a sentence, with the titles written beside it."""

    name: tuple[int, int]
    titles: list[Title]
    after: int  # token index where what the person does begins (after name and titles)
    list_id: int  # mentions in one list ("các đồng chí: A, ...; B, ...") share it
    short: bool = False  # a single syllable after an honorific ("ông Kiệt"): links, never creates
    held: list[Title] = field(default_factory=list)  # titles given by "giữ chức", "được bầu làm" (also in `titles`)


@dataclass(slots=True)
class TitleOnly:
    """A title with no name beside it: `đồng chí Chủ tịch UBND huyện`, or a group (`các Phó Chủ tịch`)."""

    title: Title
    group: bool
    after: int
    list_id: int


@dataclass(slots=True)
class Pronoun:
    """A sentence that opens on an honorific alone ("Ông yêu cầu ...", "Đồng chí cũng giao ..."): the person
    named last is the subject; it adds to that person's part in the event, never a new person."""

    start: int
    after: int
    list_id: int


class Parser:
    """Reads one sentence's tokens left to right into Person, TitleOnly and Pronoun mentions."""

    def __init__(self, tokens: list[Token], data: OfficialData, known_names: set[str], *,
                 assembly: bool = False) -> None:
        self.t = tokens
        self.assembly = assembly  # the article is about an elected body: a bare "đại biểu X" is a deputy
        self.n = len(tokens)
        self.data = data
        self.known_names = known_names
        self.mentions: list[Person | TitleOnly | Pronoun] = []
        self.list_id = 0

    # ---- small predicates

    def text(self, start: int, end: int) -> str:
        return " ".join(t.text for t in self.t[start:end]) if start < end else ""

    def low(self, i: int) -> str:
        return self.t[i].low if 0 <= i < self.n else ""

    def word_kind(self, i: int) -> tuple[int, str] | None:
        """(end, kind) of an official_words.tsv entry at token i."""
        return self.data.words.longest(self.t, i) if 0 <= i < self.n else None

    def is_kind(self, i: int, kind: str) -> bool:
        found = self.word_kind(i)
        return found is not None and found[1] == kind

    def role_at(self, i: int) -> tuple[int, RoleHead] | None:
        if i >= self.n or not self.t[i].is_word or self.t[i].low not in self.data.scan_starts:
            return None  # no role head or `nguyên` begins here: one set lookup, for the many tokens asked
        found = self.data.roles.longest(self.t, i)
        if found is None:
            former = self.word_kind(i)
            if former is None or former[1] != "former" or former[0] >= self.n or self.t[i].is_cap:
                return None  # a capitalised "Nguyên" is a given name
            found = self.data.roles.longest(self.t, former[0])  # "nguyên Chủ tịch UBND xã": a post held before
            if found is None:
                return None
            return found[0], _former(found[1], self.text(i, former[0]))
        if (i > 0 and self.t[i - 1].is_cap and self.word_kind(i - 1) == (i, "collective")) or \
                (i > 1 and self.t[i - 2].is_cap and self.word_kind(i - 2) == (i, "collective")):
            return None  # "Ban Giám đốc", "Tổ đại biểu HĐND", "Ủy ban Thường vụ Quốc hội": a body, not a post
        return found

    def honorific_at(self, i: int) -> int | None:
        """End of the honorifics starting at i ("đồng chí Đại tá", "Thiếu tướng, TS."), or None."""
        end = None
        j = i
        while j < self.n:
            found = self.data.honorifics.longest(self.t, j)
            if found is None:
                break
            end = j = found[0]
            if j + 1 < self.n and self.t[j].text == "," and self.data.honorifics.longest(self.t, j + 1):
                j += 1  # "Đại tá, TS. Nguyễn Văn A"
        return end

    def org_at(self, i: int, *, any_case: bool = False) -> tuple[int, OrgWord] | None:
        """An organisation word at i; in lower case only a level, or right after a role head (`any_case`:
        "Giám đốc hợp tác xã", "Trưởng phòng Kinh tế"), since "các phòng, ban" names no organisation."""
        if i >= self.n or not self.t[i].is_word:
            return None
        found = self.data.organisations.longest(self.t, i)
        if found is None:
            return None
        if found[1].kind != "level" and not self.t[i].is_cap and (not any_case or self.stop_at(i)):
            return None  # "ĐBQH báo cáo kết quả": a verb that ends the title, not "Báo" (a paper) in lower case
        return found

    def level_at(self, i: int) -> bool:
        """A level word used as one: followed by a place, punctuation, a verb or the end, not by a lower-case word
        it makes a compound with ("nông thôn mới", "xã hội", "văn bản")."""
        found = self.org_at(i)
        if found is None or found[1].kind != "level":
            return False
        k = found[0]
        return k >= self.n or not self.t[k].is_word or self.t[k].is_cap or self.t[k].text[0].isdigit() or \
            self.stop_at(k) or self.is_kind(k, "and")

    def stop_at(self, i: int) -> bool:
        found = self.data.stops.longest(self.t, i)
        return found is not None and found[1]  # False for a "!" compound: "dự án", "giao thông"

    def starts_with_surname(self, i: int) -> bool:
        word = self.t[i].text
        return word in self.data.surnames or word.startswith(self.data.surname_prefixes)

    def name_run(self, i: int, *, limit: int = MAX_NAME_SYLLABLES + 1) -> int:
        """End of the run of name syllables from i, stopping before a role head or honorific."""
        j = i
        while j < self.n and j - i < limit and self.t[j].is_name:
            if j > i and self.role_at(j):
                break  # "Hà Văn Lâm Phó Chủ tịch": a missing dash; "Anh", "Hội", "Khoa" are given names
            if j > i and self.t[j].low in self.data.honorifics.first_words and self.honorific_at(j) and \
                    not self.is_kind(j, "given"):
                break  # "Tiếp Ngài Ken-ji Tanaka": a capitalised verb opens the sentence, then the honorific
            if j > i and self.t[j].start != self.t[j - 1].end + 1:
                break  # names are single-spaced syllables
            j += 1
        return j

    def capitals_name_run(self, i: int) -> int:
        """End of a name written in capitals after an honorific ("đồng chí NGUYỄN VĂN AN"): 2-5 Vietnamese syllables
        in capitals, the first a family name; i when there is none."""
        from .normalize import is_vietnamese_syllable

        j = i
        while j < self.n and j - i < MAX_NAME_SYLLABLES and self.t[j].text.isupper() and self.t[j].is_word and \
                is_vietnamese_syllable(self.t[j].text):
            j += 1
        if j - i < 2 or self.t[i].text.capitalize() not in self.data.surnames:
            return i
        return j

    def is_person_name(self, start: int, end: int, *, foreign: bool = False) -> bool:
        """2-5 name syllables that start with a family name, or a name already met in the article; with `foreign`,
        also a foreign name (`is_foreign_name`), where the context says the person is from abroad."""
        if not 2 <= end - start <= MAX_NAME_SYLLABLES or not all(t.is_name for t in self.t[start:end]):
            return False
        if self.starts_with_surname(start) or self.text(start, end) in self.known_names:
            return True
        return foreign and self.is_foreign_name(start, end)

    def is_foreign_name(self, start: int, end: int) -> bool:
        """2-4 name words, one of them no Vietnamese syllable or hyphenated (`Park Jun-hyuk`, `Khamla Lorlonsy`,
        `Ito Naoki`), that name no place: how the press writes the names of foreign guests."""
        from .normalize import is_vietnamese_syllable

        if not 2 <= end - start <= 4 or not all(t.is_name for t in self.t[start:end]):
            return False
        if not any("-" in t.text or not is_vietnamese_syllable(t.text) for t in self.t[start:end]):
            return False
        if any(self.country_at(k) is not None for k in range(start, end)):
            return False  # a firm: "Samsung Display Việt Nam"
        # no place in it: "Tại Luang Prabang, Phó Thủ tướng ..." opens a sentence with a place abroad
        return not any(is_known_place(self.text(a, b), "")
                       for a in range(start, end - 1) for b in range(a + 2, end + 1))

    def posting_at(self, i: int, *, after_country: bool) -> bool:
        """Whether "tại" before token i names where a foreign post is: a country; after a country also a city
        (`Thành phố Hồ Chí Minh`, `TP. Đà Nẵng`, `Đà Nẵng`, a city abroad written in hyphenated syllables:
        `Pắc-xế`)."""
        if i >= self.n or not self.t[i].is_cap:
            return False
        if self.country_at(i) is not None:
            return True
        if not after_country:
            return False
        found = self.org_at(i)
        if found is not None:
            return found[1].kind == "level"
        if "-" in self.t[i].text:
            return True
        run = self.capital_run(i)
        return any(is_known_place(self.text(i, end), "") for end in range(run, i, -1))

    def country_at(self, i: int) -> int | None:
        """End of a country's name at token i (`Hàn Quốc`, `Lào`), or None. A country that is also a common word or
        given name (`Anh`, `Đức`) counts only when no Vietnamese name syllable follows (`Giám đốc Anh Tuấn`); none
        begins a longer place's name (`Lào Cai`)."""
        if i >= self.n or not self.t[i].is_cap:
            return None
        for end in range(min(self.n, i + 4), i, -1):
            found = country_of(self.text(i, end))
            if found is None:
                continue
            if found[1] and end < self.n and self.t[end].is_name:
                from .normalize import is_vietnamese_syllable

                if is_vietnamese_syllable(self.t[end].text):
                    return None
            longer = range(end + 1, min(self.n, end + 2) + 1)
            if end < self.n and self.t[end].is_cap and self.t[end].is_word and \
                    any(is_known_place(self.text(i, stop), "") for stop in longer):
                return None  # "Sở Ngoại vụ Lào Cai": a province whose name begins with a country's
            return end
        return None

    def is_acronym(self, i: int) -> bool:
        """An organisation's acronym at i ("UNDP", "VNPT", "TTYT"): 2-8 capitals that are no role head, honorific
        or Vietnamese word ("ĐẠI" in a headline in capitals)."""
        from .segment import is_agency

        return is_agency(self.t[i].text) and not self.role_at(i) and not self.honorific_at(i)

    def state_end(self, i: int) -> int:
        """Where a country's name begins after the form of its state at i ("nước CHDCND | Lào", "Vương quốc |
        Campuchia"), or i when there is none (or the words are the country's own: "Vương quốc Anh")."""
        if i >= self.n or self.country_at(i) is not None:
            return i
        found = self.data.states.longest(self.t, i)
        if found is None:
            return i
        end = found[0]
        if end < self.n and self.t[i].low == "nước" and self.country_at(end) is None:
            more = self.data.states.longest(self.t, end)  # "nước Cộng hòa Dân chủ Nhân dân | Lào"
            if more is not None:
                end = more[0]
        return end if self.country_at(end) is not None or self.nation_at(end) is not None else i

    def nation_at(self, i: int) -> int | None:
        """End of a country's name that only a state's form introduces ("Cộng hòa Nhân dân | Trung Hoa"), or None."""
        found = self.data.nations.longest(self.t, i) if i < self.n and self.t[i].is_cap else None
        return found[0] if found is not None else None

    def foreign_organisation_at(self, i: int) -> tuple[int, int] | None:
        """(start, end) of the country that ends an organisation's name beginning at i, for a body abroad whose
        name no table holds: "Năng lượng và Mỏ | Lào", "Nhân dân Cách mạng | Lào". The name is capitalised words and
        short links ("và", "-"), neither a person's name nor a verb; the country comes within a few words."""
        if i >= self.n or not self.t[i].is_cap or not self.t[i].is_word:
            return None
        if self.is_person_name(i, self.name_run(i)) or is_known_place(self.text(i, self.capital_run(i)), ""):
            return None  # "Chủ tịch Nguyễn Văn A và Đoàn Lào", "Chủ tịch tỉnh Sê Kông"
        for j in range(i + 1, min(self.n, i + MAX_FOREIGN_ORGANISATION)):
            tok = self.t[j]
            if tok.is_cap and tok.is_word:
                country_end = self.country_at(j)
                if country_end is not None:
                    return j, country_end
                if self.role_at(j) or self.honorific_at(j) or self.is_person_name(j, self.name_run(j)):
                    return None  # "Giám đốc Công an tỉnh Trần Văn A và đoàn Lào": a person, then the guests
                continue
            if tok.text in ("-", "–", "&") or (tok.is_word and not self.stop_at(j) and not tok.text[0].isdigit()):
                continue
            return None
        return None

    def lower_tail(self, i: int) -> int:
        """End of a short run of lower-case words at i that goes on after a country inside a foreign body's name
        ("Mặt trận Lào | xây dựng đất nước"), or i."""
        j = i
        while j < self.n and j - i < MAX_LOWER_TAIL and self.t[j].is_word and not self.t[j].is_cap and \
                not self.stop_at(j) and not self.t[j].text[0].isdigit():
            j += 1
        return j if j < self.n and self.t[j].is_cap else i

    def is_abroad_name(self, start: int, end: int) -> bool:
        """A name after a post abroad: 2-5 capitalised syllables, no place or country in them, however Vietnamese
        they look ("Sổm Xay Hùng Phăn Vông" in a Lao delegation)."""
        if not 2 <= end - start <= MAX_NAME_SYLLABLES or not all(t.is_name for t in self.t[start:end]):
            return False
        if any(self.country_at(k) is not None for k in range(start, end)):
            return False
        return not any(is_known_place(self.text(a, b), "") for a in range(start, end) for b in range(a + 2, end + 1))

    def capital_run(self, i: int) -> int:
        """End of the run of capitalised words (and numbers: "phường 5") that may name a place.

        A word in capitals passes only alone ("TP. HCM"): a headline in capitals is no place ("TỈNH KIỂM TRA").
        A dash joins words only inside a known place's name ("Bà Rịa - Vũng Tàu")."""
        j = i
        while j < self.n and self.t[j].is_word and (self.t[j].is_cap or self.t[j].text[0].isdigit()):
            if j > i and (self.role_at(j) or self.honorific_at(j)):
                break
            found = self.org_at(j) if j > i else None
            if found is not None and found[1].kind in ("body", "committee"):
                break
            j += 1
            if self.t[j - 1].text[0].isdigit():
                break
            if j + 1 < self.n and self.t[j].text in ("-", "–") and self.t[j + 1].is_cap:
                for k in range(min(self.n, j + 4), j + 1, -1):
                    if all(t.is_name for t in self.t[j + 1:k]) and is_known_place(self.text(i, k), ""):
                        j = k
                        break
        if i < self.n and self.honorific_at(i) and \
                not any(is_known_place(self.text(i, end), "") for end in range(j, i + 1, -1)):
            return i  # "Giám đốc Công an tỉnh Đại tá Phan Văn Long": a rank, then the holder (but "tỉnh Bà Rịa")
        if j - i > 1 and any(not t.is_name and t.text[0].isalpha() for t in self.t[i:j]):
            if not self.t[i].is_name and all(t.is_name for t in self.t[i + 1:j]):
                return i + 1  # "TP. HCM | Phan Văn Mãi": the abbreviation, then a name
            return i
        return j

    # ---- the place slot after a level word or a committee

    def split_place(self, start: int, end: int, level: str, want_name: bool, *, foreign: bool = False
                    ) -> tuple[int, int | None]:
        """Where the place in tokens [start, end) ends, and where a person's name there starts (or None).
        `foreign`: the post is abroad, so the name may be a foreign one."""
        text = self.text
        if not want_name:
            return end, None
        whole_name = end - start >= 3 and self.starts_with_surname(start) and self.is_person_name(start, end)
        for cut in range(end - 2, start, -1):  # a known place, then a name: "Chiêm Hóa | Vũ Đình Tân"
            if cut == start + 1 and whole_name:
                break  # "Huyện ủy | Mai Đức Lộc", not "Huyện ủy Mai | Đức Lộc": a one-word place is rarer than a name
            if not is_known_place(text(start, cut), level):
                continue
            abroad = foreign or is_foreign_place(text(start, cut))
            # abroad, a foreign name: "tỉnh Luang Prabang | Khamla Lorlonsy", "tỉnh Hủa Phăn | Sổm Phon Xay Nha Vông"
            if self.is_person_name(cut, end, foreign=abroad) or (abroad and self.is_abroad_name(cut, end)):
                return cut, cut
        if is_known_place(text(start, end), level):
            return end, None
        if self.is_person_name(start, end):  # no place written: "Phó Chủ tịch UBND tỉnh | Đặng Ngọc Sơn"
            return start, start
        # an unknown place, then a name: "Làng Mới | Nguyễn Văn An"; a province or city no table knows is abroad, and
        # so may be its head's name ("Thống đốc tỉnh Tottori | Hirai Shinji")
        foreign = foreign or level in ("tỉnh", "thành phố")
        for cut in range(start + 1, end - 1):
            if self.is_person_name(cut, end, foreign=foreign):
                return cut, cut
        return end, None

    # ---- organisations

    def continue_name(self, i: int, *, want_name: bool, named_after_people: bool) -> int:
        """End of a unit's name starting at token i (see the module docstring)."""
        j = i
        end = i
        scoped = False
        while j < self.n:
            tok = self.t[j]
            if self.role_at(j) or self.honorific_at(j):
                break
            found = self.org_at(j)
            if found is not None and (found[1].kind in ("body", "committee") or self.level_at(j)):
                break
            if tok.is_word and (tok.is_cap or tok.text[0].isdigit()):  # "Ban Chỉ đạo 389 tỉnh", "Tổ 5"
                if tok.is_name and want_name:
                    run = self.name_run(j)
                    if run - j >= 2 and (run >= self.n or not self.t[run].is_cap):
                        # "Công ty X | Nguyễn Văn A"; a school's run begins with its own (a person's) name
                        # (not after the scope that closes a name: "Học viện Hành chính quốc gia | Lê Văn A")
                        cut = self.person_in_run(j + 1 if named_after_people and not scoped else j, run)
                        if cut is not None:
                            return cut if cut > j else end
                j += 1
                end = j
                continue
            if tok.text in ("-", "–", "&") and j + 1 < self.n and self.t[j + 1].is_cap and not self.role_at(j + 1) \
                    and not (tok.text != "&" and self.full_name_at(j + 1)):
                j += 1  # (but "Giám đốc Sở Xây dựng - Lê Văn A": a dash then a full name sets the holder apart)
                continue
            if self.is_abbreviation_in_brackets(j):  # "Trung tâm Kiểm soát bệnh tật (CDC) tỉnh"
                j = end = j + 3
                continue
            if tok.text == "," and self.low(j - 1) == "phòng" and self.low(j + 1) == "chống":
                j += 1  # "Ban Chỉ huy phòng, chống thiên tai"
                continue
            if tok.is_word and not tok.is_cap:
                run_end = j
                while run_end < self.n and self.t[run_end].is_word and not self.t[run_end].is_cap:
                    if self.stop_at(run_end) or self.honorific_at(run_end) or (run_end > j and self.level_at(run_end)):
                        break
                    run_end += 1
                if run_end - j > MAX_LOWER_RUN or run_end >= self.n or run_end == j:
                    break
                following = self.t[run_end]
                if following.text == "," and self.low(run_end - 1) == "phòng" and self.low(run_end + 1) == "chống":
                    j = run_end
                    continue
                if self.is_abbreviation_in_brackets(run_end):
                    j = run_end
                    continue
                above = self.org_at(run_end + 1) if following.text == "," else None
                if above is not None and above[1].kind in ("unit", "firm", "body", "school"):
                    end = run_end  # "Trưởng phòng Nghiệp vụ du lịch, Sở ...": the name ends at its department
                    break
                next_org = self.org_at(run_end)
                if self.level_at(run_end) or (next_org is not None and next_org[1].kind in ("body", "committee")):
                    end = run_end  # "Phòng Cảnh sát giao thông | Công an tỉnh", "Phòng Kinh tế | huyện"
                    break
                if following.low == "tại" and self.posting_at(run_end + 1, after_country=False):
                    end = run_end  # "Tổ chức Y tế Thế giới | tại Việt Nam": the name ends where its post is
                    break
                leads_on = following.is_word and following.is_cap and not self.role_at(run_end) and \
                    not self.honorific_at(run_end)
                if not leads_on and not self.joins_more(run_end):
                    if any(self.word_kind(m) == (run_end, "closes") for m in range(j, run_end)):
                        end = run_end  # "Học viện Hành | chính quốc gia | dự": the name ends with its scope
                    break
                scoped = any(self.word_kind(m) == (run_end, "closes") for m in range(j, run_end))
                if scoped:
                    end = run_end  # "Học viện Hành chính quốc gia | Lê Văn A": a name may begin after the scope
                j = run_end  # "Hợp tác xã Nông nghiệp dịch vụ ... | Ea Tul", "Văn hóa | - Thể thao"
                continue
            break
        return end

    def is_abbreviation_in_brackets(self, k: int) -> bool:
        """"(CDC)", "(BQL)" at k: a unit's name followed by its abbreviation, which the name takes in."""
        return k + 2 < self.n and self.t[k].text == "(" and self.t[k + 2].text == ")" and \
            self.t[k + 1].is_word and self.t[k + 1].text.isupper() and len(self.t[k + 1].text) > 1

    def joins_more(self, k: int) -> bool:
        """Whether a name goes on after a known department: "Văn hóa - Thể thao | và Truyền thông"."""
        return k + 1 < self.n and (self.t[k].text in ("-", "–") or self.is_kind(k, "and")) and \
            self.t[k + 1].is_cap and not self.role_at(k + 1) and not self.honorific_at(k + 1) and \
            not (self.t[k].text in ("-", "–") and self.full_name_at(k + 1))  # "Sở Xây dựng - Lê Văn A": the holder

    def person_in_run(self, start: int, end: int) -> int | None:
        """Where a person's name begins in a capitalised run that ends a unit's name, or None.

        Company and school names look like people's ("Công ty TNHH Hoàng Long", "Trường THPT Lê Quý Đôn"):
        inside a unit's name only 3-5 syllables count, and never a run that ends in a province ("Hoàng Anh Gia Lai").
        A name of three syllables is tried first, the most frequent length: "Trường Tiểu học Kim Đồng | Nguyễn Thị
        Lan" (not "Đồng Nguyễn Thị Lan"), "Công ty Hoàng Long | Trần Văn Bình"."""
        if any(is_known_place(self.text(k, end), "tỉnh") for k in range(start, end - 1)):
            return None
        lengths = (2, 3, 4, 5) if "-" in self.t[end - 1].text else (3, 4, 5)  # "Seoul Tech Vina | Lee Jae-won"
        for length in lengths:
            cut = end - length
            if cut >= start and self.is_person_name(cut, end):
                # "Sở Thương mại Khu tự trị | Quảng Tây | Tạ Lượng": a place of two or more syllables closes the
                # unit's name; the name after it may then be a short one
                for place_end in range(cut + 2, end - 1):
                    if is_known_place(self.text(cut, place_end), "") and self.is_person_name(place_end, end):
                        return place_end
                return cut
        return None

    def parse_organisation(self, title: Title, k: int, *, want_name: bool) -> None:
        """Extend `title` with the organisation chain that starts at token k."""
        last = ""
        if self.is_abbreviation_in_brackets(k):  # "đại biểu (ĐB) X": the head's short form, then the title goes on
            k += 3
        first = k
        while k < self.n and k - title.start < MAX_TITLE_TOKENS:
            tok = self.t[k]
            if last and self.is_abbreviation_in_brackets(k):  # "Ủy ban nhân dân (UBND) tỉnh": the short form
                title.end = k = k + 3
                continue
            if tok.text == "," and k + 1 < self.n:
                nxt = self.org_at(k + 1)
                # "Trưởng phòng Nghiệp vụ du lịch, Sở Văn hóa...": a unit's name runs into its department
                if last == "name" and title.place is None and nxt and nxt[1].kind in ("unit", "firm", "body", "school"):
                    k += 1
                    continue
                # "Chủ tịch UBND xã Nhơn Mỹ, huyện Chợ Mới": the place runs into the unit above it
                if last == "place" and nxt and nxt[1].kind == "level" and nxt[0] < self.n and self.t[nxt[0]].is_cap:
                    run = self.capital_run(nxt[0])
                    if is_known_place(self.text(nxt[0], run), nxt[1].level) or not self.is_person_name(nxt[0], run):
                        k += 1
                        continue
                break
            found = self.org_at(k, any_case=k == first)
            if found is None and last == "body":
                found = self.org_at(k, any_case=True)  # "Ban Thường vụ huyện ủy": a Party committee in lower case
                if found is not None and found[1].kind != "committee":
                    found = None
            if found is None and last and self.is_kind(k, "of"):
                above = self.org_at(k + 1)
                if above is not None and above[1].kind in ("body", "committee"):
                    k += 1  # "Ủy ban Kinh tế của Quốc hội"
                    continue
            if found is None and k == first and self.t[k].is_cap:
                # "Bộ trưởng Quốc phòng", "Thứ trưởng Y tế": a ministry named without "Bộ"
                dept = self.data.departments.longest(self.t, k)
                if dept is not None and not self.joins_more(dept[0]):
                    title.segments.append(Segment(k, dept[0], "department", dept[1].expansion))
                    title.end = k = dept[0]
                    last = "department"
                    continue
                # "Giám đốc Quốc gia UNDP tại Việt Nam", "Giám đốc VNPT tỉnh": a body known by its acronym alone
                if self.is_acronym(k):
                    title.segments.append(Segment(k, k + 1, "name"))
                    title.end = k = k + 1
                    last = "body"
                    continue
            if found is None:
                # "Đại sứ Hàn Quốc", "Thủ tướng Chính phủ Lào", "Bộ trưởng Bộ Ngoại giao Lào", "Đại sứ nước CHDCND
                # Lào": a country is the organisation of a foreign post, or ends it
                country_end = None
                if k == first or last in ("body", "posting", "unit", "department", "name", "firm", "school"):
                    state_end = self.state_end(k)
                    country_end = self.country_at(state_end)
                    if country_end is None and state_end > k:
                        country_end = self.nation_at(state_end)  # "nước Cộng hòa nhân dân Trung Hoa"
                if country_end is not None:
                    title.segments.append(Segment(k, country_end, "country"))
                    title.end = k = country_end
                    title.abroad = True
                    last = "country"
                    continue
                # "Bộ trưởng Năng lượng và Mỏ Lào", "Chủ tịch Liên đoàn Bóng đá Lào": an
                # organisation abroad whose name the tables cannot know, up to its country
                foreign = self.foreign_organisation_at(k) if k == first or last == "body" else None
                if foreign is not None:
                    country_start, country_end = foreign
                    title.segments += [Segment(k, country_start, "name"),
                                       Segment(country_start, country_end, "country")]
                    title.end = k = country_end
                    title.abroad = title.abroad or self.text(country_start, country_end) != "Việt Nam"
                    last = "country"
                    continue
                # "... Hàn Quốc tại Thành phố Hồ Chí Minh", "Văn phòng JICA tại Việt Nam": where the post is
                if self.low(k) == "tại" and self.posting_at(k + 1, after_country=last == "country"):
                    title.segments.append(Segment(k, k + 1, "posting"))
                    title.end = k = k + 1
                    last = "posting"
                    continue
                if last in ("department", "body"):
                    # "Sở Tài chính Gia Lai | Trần Văn A", "Công an Nghệ An": the province without its level word
                    run = self.capital_run(k)
                    place_end, name_start = self.split_place(k, run, "", want_name) if run > k else (k, None)
                    if place_end > k and is_known_place(self.text(k, place_end), ""):
                        title.segments.append(Segment(k, place_end, "place"))
                        title.place = title.place or (k, place_end)
                        title.end = place_end
                        if name_start is not None:
                            title.name = (name_start, self.name_run(name_start))
                            return
                        k = place_end
                        last = "place"
                        continue
                if k == first and title.head.abroad and want_name:
                    # "Tỉnh trưởng Salavan | Pho Xay Nha Vông": a post abroad names its province without a level word
                    run = self.capital_run(k)
                    place_end, name_start = self.split_place(k, run, "", want_name, foreign=True)
                    # (a one-word place of a few letters is as often a syllable of the name: "Khăm", "Mai")
                    if name_start is not None and place_end > k and is_known_place(self.text(k, place_end), "") \
                            and (place_end - k >= 2 or len(self.t[k].text) >= 5):
                        title.segments.append(Segment(k, place_end, "place"))
                        title.place = (k, place_end)
                        title.end = place_end
                        title.name = (name_start, self.name_run(name_start))
                        return
                if last == "posting":
                    run = self.capital_run(k)
                    place_end, name_start = self.split_place(k, run, "", want_name, foreign=True)
                    if place_end > k:
                        title.segments.append(Segment(k, place_end, "place"))
                        title.end = place_end
                    if name_start is not None:
                        title.name = (name_start, self.name_run(name_start))
                        return
                break
            end, word = found
            if word.kind == "level" and last == "level":
                break
            if word.kind == "place":  # "UBND TPHCM": a level and its place in one abbreviation
                title.segments.append(Segment(k, end, "place", word.expansion, word.level))
                title.level = title.level or word.level
                if title.place is None:
                    title.place = (k, end)
                title.end = k = end
                last = "place"
                continue
            title.segments.append(Segment(k, end, word.kind, word.expansion, word.level))
            title.end = k = end
            last = word.kind
            if word.kind in ("unit", "firm", "school"):
                dept = self.data.departments.longest(self.t, k) if k < self.n and self.t[k].is_cap else None
                if dept is not None and word.kind == "firm" and self.brand_after(dept[0]):
                    dept = None  # a brand may begin with a department's words: "Tập đoàn Xây dựng Thái Bình Dương"
                if dept is not None and not self.joins_more(dept[0]):
                    title.segments.append(Segment(k, dept[0], "department", dept[1].expansion))
                    title.end = k = dept[0]
                    last = "department"
                else:
                    name_end = self.continue_name(k, want_name=want_name, named_after_people=word.kind == "school")
                    if name_end > k:
                        title.segments.append(Segment(k, name_end, "name"))
                        title.end = k = name_end
                        last = "name"
                continue
            if word.kind in ("level", "committee"):
                if word.level:
                    title.level = word.level
                level_next = self.org_at(k) if word.kind == "committee" else None
                if level_next is not None and level_next[1].kind in ("level", "place"):
                    continue  # "Thành ủy TP. Hồ Chí Minh", "Thành ủy TPHCM": the place follows its level word
                if level_next is not None and level_next[1].kind in ("unit", "firm", "school") and self.t[k].is_cap:
                    continue  # "Khu ủy | Khu tự trị ...", "Đảng ủy | Công ty X": the unit the committee belongs to
                run = self.capital_run(k)
                if run > k:
                    place_end, name_start = self.split_place(k, run, word.level, want_name, foreign=title.abroad)
                    if place_end > k:
                        title.segments.append(Segment(k, place_end, "place", "", word.level))
                        if title.place is None:  # the first is the most specific: "thôn Nà Lầu, xã Tân Dương"
                            title.place = (k, place_end)
                        title.end = k = place_end
                        last = "place"
                    if name_start is not None:
                        title.name = (name_start, self.name_run(name_start))
                        return
        if want_name and title.name is None and title.end < self.n:
            if last == "country":  # "Chủ tịch Mặt trận Lào | xây dựng đất nước | Xổm-phon Khăm-ma": the name goes on
                tail = self.lower_tail(title.end)
                if tail > title.end and self.is_abroad_name(tail, self.name_run(tail)):
                    title.segments.append(Segment(title.end, tail, "name"))
                    title.end = tail
            # (the name after "đại biểu (ĐB)": past the head's short form, which stays out of the title's text)
            at = first if not title.segments and first > title.end else title.end
            run = self.name_run(at)
            hyphenated = any("-" in t.text for t in self.t[at:run])  # "Tổng Giám đốc Choi Joo-ho"
            if (self.is_person_name(at, run, foreign=title.abroad or hyphenated) or
                    (title.abroad and self.is_abroad_name(at, run))) and \
                    not is_known_place(self.text(at, run), ""):
                title.name = (at, run)
            elif run == at:  # "Chủ tịch UBND tỉnh NGUYỄN VĂN HÙNG phát biểu", not a headline in capitals
                run = self.capitals_name_run(at)
                if run > at and (run >= self.n or not self.t[run].text.isupper()) and \
                        not is_known_place(self.text(at, run), ""):
                    title.name = (at, run)

    def title_at(self, i: int, *, want_name: bool) -> Title | None:
        found = self.role_at(i)
        if found is None:
            return None
        end, head = found
        title = Title(i, end, head, abroad=head.abroad)
        k = end - head.org_words if head.org_words else end
        if head.org_words:
            title.end = k  # the organisation's words are re-read as organisation
        self.parse_organisation(title, k, want_name=want_name)
        if title.end < end:
            title.end = end
        if not title.segments and self.is_deputy(title):
            # "đại biểu Lò Văn Kha", "các đại biểu A; B": a deputy's seat, where the article is about an elected body
            return title if self.assembly and want_name and title.name is not None else None
        if not title.segments and (not self.t[i].is_cap or not head.bare) and not (head.alone and head.org):
            # "chủ tịch" in running lower case or a bare "CT", with no organisation: no title; but a head with its
            # organisation inside the word is one in any case ("huyện ủy viên", "tỉnh ủy viên")
            return None
        return title

    def is_deputy(self, title: Title) -> bool:
        """A bare "đại biểu" (official_words.tsv `deputy`): a title only for a person the text gives no other."""
        return not title.segments and self.text(title.start, title.end).lower() in self.data.deputies

    def chain_at(self, i: int, *, want_name: bool, semicolons: bool = False) -> list[Title]:
        """Titles joined by commas ("Phó Bí thư Huyện ủy, Chủ tịch UBND huyện") or "kiêm", from token i; with
        `semicolons` (after a person's name) also by ";" ("X, Ủy viên Bộ Chính trị; Giám đốc Học viện ...")."""
        titles: list[Title] = []
        k = i
        semicolon = False
        while True:
            title = self.title_at(k, want_name=want_name)
            if title is None:
                break
            joined = self.joined_post(title, want_name=want_name)
            if joined is not None:  # "Phó Chủ tịch - Tổng Thư ký Hội X": one post of two heads
                joined.start = title.start
                title = joined
            title.after_semicolon, semicolon = semicolon, False
            titles.append(title)
            if title.name is not None:
                break
            k = title.end
            if k < self.n and self.t[k].text in (",", "-", "–"):
                k += 1
            elif semicolons and k + 1 < self.n and self.t[k].text == ";" and self.t[k + 1].is_cap and \
                    not self.is_group_before(k + 1):
                k += 1  # (a lower-case head there begins the other guests: "...; thành viên Ban Chỉ đạo huyện")
                semicolon = True
            if self.is_kind(k, "joiner"):  # "Phó Chủ tịch UBND huyện kiêm Trưởng Công an huyện"
                k = self.word_kind(k)[0]
            if k > title.end and self.role_at(k):
                continue
            further = self.further_organisation(k) if k > title.end and self.t[k - 1].text == "," else None
            if further is not None:  # "Người sáng lập Tập đoàn A, Tập đoàn B, Chủ tịch Viện C": B is A's head's too
                k = further
                continue
            break
        return titles

    def joined_post(self, title: Title, *, want_name: bool) -> Title | None:
        """The title after a dash that a bare head is joined to, as one post: "Phó Chủ tịch - Tổng Thư ký Ủy ban X",
        "Chủ tịch - Tổng Giám đốc Công ty Y" (the first head has no organisation of its own); or None."""
        k = title.end
        if title.segments or title.name is not None or title.head.alone or k + 1 >= self.n or \
                self.t[k].text not in ("-", "–") or not self.t[k + 1].is_cap:
            return None
        following = self.title_at(k + 1, want_name=want_name)
        return following if following is not None and following.has_organisation else None

    def close_bracket(self, title: Title) -> None:
        """A title in brackets runs to the bracket's end: "(nguyên Phó trưởng Ban Chuẩn | bị dự án KKT X)", where the
        grammar stopped at a word that is a verb elsewhere; only a few words, no other title or punctuation."""
        for k in range(title.end, min(self.n, title.end + MAX_BRACKET_TAIL + 1)):
            tok = self.t[k]
            if tok.text == ")":
                title.end = k
                return
            if not (tok.is_word or tok.text in ("-", "–")) or self.role_at(k) or self.honorific_at(k):
                return

    def brand_after(self, k: int) -> bool:
        """Whether capitalised words at k go on with a firm's name rather than begin a person's (a full name whose
        first syllables are no place: "Công ty Xây dựng | Lê Văn A", but "Tập đoàn Xây dựng | Thái Bình Dương")."""
        if k >= self.n or not self.t[k].is_cap or not self.t[k].is_word or self.org_at(k) or self.role_at(k):
            return False
        run = self.name_run(k)
        if run - k < 2:
            return run > k
        person = self.is_person_name(k, run) and \
            not any(is_known_place(self.text(k, m), "") for m in range(k + 2, run + 1))
        return not person

    def further_organisation(self, k: int) -> int | None:
        """After "title, ", a second organisation of the same head followed by ", " and the next title ("Tập đoàn A,
        | Tập đoàn B, | Chủ tịch ..."): where that title begins, or None."""
        found = self.org_at(k)
        if found is None or found[1].kind not in ("unit", "firm", "school", "body") or not self.t[k].is_cap:
            return None
        end = self.continue_name(found[0], want_name=False, named_after_people=found[1].kind == "school")
        end = max(end, found[0])
        if end + 1 < self.n and self.t[end].text == "," and self.t[end + 1].is_cap and self.role_at(end + 1):
            return end + 1
        return None

    # ---- the scan

    def new_list(self) -> int:
        self.list_id += 1
        return self.list_id

    def is_group_before(self, i: int) -> bool:
        """`các Phó Chủ tịch`, `54 đại biểu`, `một số Ủy viên`: a title for several people."""
        if i > 0 and self.t[i - 1].text[0].isdigit():
            return True
        return any(self.word_kind(i - back) == (i, "group") for back in (1, 2))

    def object_before(self, i: int) -> bool:
        """Whether the title at i is the object of what comes before it ("Báo cáo với Phó Thủ tướng", "Thay mặt Chủ
        tịch nước", "theo chỉ đạo của Chủ tịch UBND tỉnh"): then the name after the comma is another person."""
        return any(self.word_kind(i - back) in ((i, "object"), (i, "of")) for back in (1, 2, 3))

    def after_chain(self, k: int) -> int:
        if k < self.n and self.t[k].text == ")":
            return k + 1
        return k

    def skip_photo_note(self, k: int) -> int:
        """After a name in a caption, a note in brackets says where the person stands ("(giữa)", "(thứ 3 từ trái
        sang)", "(áo xanh)"): the titles come after it. A note of lower-case words and numbers, no title in it."""
        if k >= self.n or self.t[k].text != "(":
            return k
        for j in range(k + 1, min(self.n, k + 10)):
            token = self.t[j]
            if token.text == ")":
                return j + 1 if j > k + 1 else k
            if token.is_cap or self.role_at(j):
                return k
        return k

    def skip_adverbs(self, k: int) -> int:
        return _skip_adverbs(self.t, k, self.data)

    def holds_at(self, k: int) -> int | None:
        """Where the post begins after "giữ chức", "được bầu làm", "tiếp tục được tín nhiệm bầu giữ chức" at k."""
        k = self.skip_adverbs(k)
        found = self.word_kind(k)
        if found is None or found[1] != "holds":
            return None
        end = found[0]
        more = self.word_kind(end)  # "tái cử giữ chức", "tái đắc cử giữ chức vụ": taking office, then the post
        if more is not None and more[1] == "holds":
            end = more[0]
        return end if self.role_at(end) else None

    def holds_after_title(self, k: int) -> int | None:
        """A post taken after a person's titles: "X, Chủ tịch HĐND xã khóa IX | được bầu giữ chức ...", "X – Bí thư
        Đảng ủy, | giữ chức vụ ...": past the term of the last title and a comma."""
        if self.low(k) == "khóa" and k + 1 < self.n and \
                (self.t[k + 1].text[0].isdigit() or regex.fullmatch(r"[IVXL]+", self.t[k + 1].text)):
            k += 2
        if k < self.n and self.t[k].text == ",":
            k += 1
        return self.holds_at(k)

    def person_with_titles(self, name: tuple[int, int], list_id: int, *, short: bool = False) -> Person:
        """A name mention and the titles written after it: `X - title, title`, `X, title`, `X (title)`, and the
        post it takes (`X giữ chức title`, `X, title, được bầu giữ chức title`)."""
        k = self.skip_photo_note(name[1])
        titles: list[Title] = []
        held: list[Title] = []
        if k < self.n:
            sep = self.t[k].text
            start = k + 1 if sep in (",", "-", "–", "—", "(", ":") else k
            holds = self.holds_at(start) if sep not in ("(", ":") else None
            if holds is not None:  # "ông X giữ chức Phó Giám đốc Sở Nội vụ"
                start = holds
            titles = self.chain_at(start, want_name=True, semicolons=True) if self.role_at(start) else []
            last = titles[-1] if titles else None
            if last is not None and last.name is not None:
                in_slot = not last.segments or last.segments[-1].kind in ("level", "committee")
                if any(s.kind == "firm" for s in last.segments) or (in_slot and last.name[1] - last.name[0] < 3):
                    # a firm's name ("Công ty TNHH Hoàng Long Phát"), a village's ("Trưởng thôn A Đeng"): no person
                    titles = self.chain_at(start, want_name=False)
            if titles and titles[-1].name is not None:
                # "Giám đốc Sở Y tế A, Phó Giám đốc Sở B": the last title is the next person's; the list goes on there
                # (after a ";", all the titles written after it: "A, Bí thư Huyện ủy; Phó Bí thư, Chủ tịch UBND B")
                at = max((n for n, title in enumerate(titles) if title.after_semicolon), default=len(titles) - 1)
                cut = titles[at]
                del titles[at:]
                k = cut.start - 1 if cut.start > start else k
            if titles and sep == "(":
                self.close_bracket(titles[-1])
            if titles:
                k = self.after_chain(titles[-1].end)
                if holds is not None:
                    held = list(titles)
                else:  # "đồng chí X, Bí thư Huyện ủy tiếp tục được tín nhiệm bầu giữ chức Bí thư Huyện ủy khóa mới"
                    holds = self.holds_after_title(k)
                    more = self.chain_at(holds, want_name=False) if holds is not None else []
                    if more:
                        titles += more
                        held = more
                        k = self.after_chain(more[-1].end)
        person = Person(name, titles, k, list_id, short, held)
        self.mentions.append(person)
        return person

    def finish_list(self, k: int, list_id: int, *, plural: bool) -> int:
        """Titles that several people of one list share, from the person they are written after:

        - a post taken by people joined with "và" or ",": "bầu đồng chí A và đồng chí B giữ chức Phó Bí thư";
        - after a plural honorific, the titles of the next person, when several people may hold them (a deputy,
          a member): "các ông A, B - Phó Chủ tịch UBND huyện"; not a post one person holds ("các đồng chí A và B,
          Chủ tịch UBND huyện, ..." gives the chairmanship to B alone).
        A ";" ends what is shared. Returns k (where the scan goes on)."""
        people = [m for m in self.mentions if isinstance(m, Person) and m.list_id == list_id]
        held: list[Title] = []
        shared: list[Title] = []
        for index in range(len(people) - 1, -1, -1):
            person = people[index]
            if index + 1 < len(people) and any(t.text == ";" for t in self.t[person.after:people[index + 1].name[0]]):
                held, shared = [], []
            own = [t for t in person.titles if t not in person.held]
            if person.held:
                held = person.held
            elif held:
                person.titles += held
            if not plural:
                continue
            if own:
                shared = own if all(self.several_may_hold(t) for t in own) else []
            elif shared:
                person.titles[:0] = shared
        return k

    def full_name_at(self, i: int) -> bool:
        """A full personal name at i (a family name, then 2-4 capitalised syllables): "Lê Văn A", never "Xã hội"."""
        run = self.name_run(i)
        return run - i >= 2 and self.is_person_name(i, run)

    def dash_pair_at(self, i: int) -> bool:
        """Whether a "title - Full Name" pair begins at token i."""
        chain = self.chain_at(i, want_name=False)
        if not chain:
            return False
        end = self.after_chain(chain[-1].end)
        if end + 1 >= self.n or self.t[end].text not in ("-", "–", "—"):
            return False
        return self.full_name_at(end + 1)

    def untitled_before_titled(self, list_id: int) -> bool:
        """Full names with honorifics and no titles, then one with titles: "ông Lê Văn A và ông Trần Văn B, Phó
        Chủ tịch UBND huyện" names two deputies (finish_list shares only a post several people hold)."""
        people = [m for m in self.mentions if isinstance(m, Person) and m.list_id == list_id]
        return len(people) >= 2 and not any(p.titles for p in people[:-1]) and \
            all(p.name[1] - p.name[0] >= 2 for p in people)

    def share_forward(self, chain: list[Title], list_id: int) -> None:
        """A deputy's title before a name goes on to the bare full names joined after it: "Phó Chủ tịch UBND tỉnh
        Lê Văn A và Trần Văn B" names two deputies; not a post one person holds, nor a name with an honorific
        or titles of its own ("Chủ tịch UBND tỉnh A và ông B")."""
        if not all(self.several_may_hold(title) for title in chain):
            return
        people = [m for m in self.mentions if isinstance(m, Person) and m.list_id == list_id]
        for person in people[1:]:
            before = person.name[0] - 1
            if person.titles or person.name[1] - person.name[0] < 2 or \
                    not (self.t[before].text == "," or self.is_kind(before, "and")):
                break
            person.titles = [*chain]

    def several_may_hold(self, title: Title) -> bool:
        """A deputy's, a member's or a delegate's post: several people hold it at once (official_words.tsv)."""
        role = title.head.role.lower()
        former = self.word_kind(title.start)
        if former is not None and former[1] == "former":  # "nguyên Phó trưởng Ban": a deputy's post held before
            role = role.split(" ", 1)[-1]
        return role.startswith(self.data.several)

    def scan(self) -> list[Person | TitleOnly | Pronoun]:
        i = 0
        tokens, starts = self.t, self.data.scan_starts
        while i < self.n:
            token = tokens[i]
            if token.low not in starts:  # no honorific or role head starts here: scan_at would only try a name
                i = self.scan_name(i) if token.is_name else i + 1
                continue
            i = self.scan_at(i)
        return self.mentions

    def scan_at(self, i: int) -> int:
        tok = self.t[i]
        honorific_end = self.honorific_at(i) if tok.is_word else None
        if honorific_end is not None and honorific_end < self.n:
            plural = self.is_kind(i - 1, "group")
            j = honorific_end
            if self.t[j].text == ":":
                j += 1
            if self.role_at(j):  # "các đồng chí: Phó Chủ tịch UBND tỉnh A; ..." is a list, without ":" a group
                return self.scan_title(j, group=plural and self.t[j - 1].text != ":")
            run = self.name_run(j)
            if run == j:
                run = self.capitals_name_run(j)  # "đồng chí NGUYỄN VĂN AN"
            if run > j:
                list_id = self.new_list()
                person = self.person_with_titles((j, run), list_id)
                person.short = run - j == 1 and not person.titles  # "ông Kiệt" (but "K'Brơi, Chủ tịch ...")
                # an untitled name goes on into a list only with the next honorific: "đồng chí A và đồng chí B"
                k = self.scan_list(person.after, list_id, honorific_only=not (plural or person.titles))
                return self.finish_list(k, list_id, plural=plural or self.untitled_before_titled(list_id))
            if not plural and (i == 0 or self.t[i - 1].text in ".!?;:") and j < self.n and not self.t[j].is_cap:
                self.mentions.append(Pronoun(i, j, self.new_list()))
            return honorific_end
        if self.role_at(i) and tok.is_word:
            return self.scan_title(i, group=self.is_group_before(i))
        return self.scan_name(i)

    def scan_name(self, i: int) -> int:
        """A name at token i followed by its titles (`Nguyễn Văn A, Chủ tịch ...`); where the scan goes on."""
        tok = self.t[i]
        if tok.is_name and (i == 0 or not (self.t[i - 1].is_cap or self.org_at(i - 1))):
            run = self.name_run(i)
            # "Nông Thị Thu Hằng: Giám đốc Sở Y tế" in a list of guests; a foreign guest's name too ("Khamla
            # Lorlonsy, Phó Tỉnh trưởng"), but no place ("Tại Hà Nội, Phó Thủ tướng ...")
            sep = self.skip_photo_note(run)  # "Nguyễn Văn An (giữa), Bí thư Tỉnh ủy" in a caption
            role = self.role_at(sep + 1) if sep < self.n and self.t[sep].text in (",", "-", "–", "(", ":") else None
            if role is not None and (self.is_person_name(i, run, foreign=True) or
                                     (role[1].abroad and self.is_abroad_name(i, run))) and \
                    not is_known_place(self.text(i, run), ""):
                list_id = self.new_list()
                person = self.person_with_titles((i, run), list_id)
                return self.finish_list(self.scan_list(person.after, list_id), list_id, plural=False)
            return max(run, i + 1)
        return i + 1

    def scan_list(self, k: int, list_id: int, *, honorific_only: bool = False) -> int:
        """Further people of a list: `; B, title`, `, B` or `và B` (with or without an honorific; with
        `honorific_only`, only `và ông B`, `, bà B`)."""
        while k < self.n and (self.t[k].text in (";", ",") or self.is_kind(k, "and")):
            j = k + 1
            if self.is_kind(j, "and"):
                j += 1
            honorific_end = self.honorific_at(j) if j < self.n else None
            if honorific_end is not None:
                j = honorific_end
            elif honorific_only:
                break
            if self.role_at(j) and not self.is_group_before(j):  # "; Giám đốc Sở Tài chính Lê Văn A"
                chain = self.chain_at(j, want_name=True)
                if not chain or chain[-1].name is None:
                    break
                person = self.person_with_titles(chain[-1].name, list_id)
                person.titles[:0] = chain
                k = person.after
                continue
            run = self.name_run(j) if j < self.n else j
            if run == j or self.role_at(j):
                break
            if run - j == 1 and not (run + 1 < self.n and self.t[run].text in (",", "-", "–") and
                                     self.role_at(run + 1)):
                break  # a one-syllable name only with its title: "; K'Brơi, Chủ tịch Ủy ban MTTQ phường"
            if honorific_end is None and ((not self.is_person_name(j, run) and self.t[k].text != ";") or
                                          is_known_place(self.text(j, run), "")):
                break
            person = self.person_with_titles((j, run), list_id)
            k = person.after
        return k

    def scan_title(self, i: int, *, group: bool) -> int:
        chain = self.chain_at(i, want_name=True)
        if not chain:
            return i + 1
        end = self.after_chain(chain[-1].end)
        if chain[-1].name is None and self.is_kind(end, "group"):
            group = True  # "Chủ tịch UBND các huyện, thị xã"
        list_id = self.new_list()
        if group:
            named = chain[-1].name
            for title in chain:
                title.name = None
                self.mentions.append(TitleOnly(title, True, end, list_id))
            # the holders named after the group's title: "các Phó Chủ tịch UBND tỉnh: A, B", "hai Phó Chủ tịch
            # UBND huyện A và B"
            if named is not None:
                k = named[0]
            elif end < self.n and self.t[end].text == ":":
                k = end + 1
            else:
                return end
            first = True
            while k < self.n:
                run = self.name_run(k)
                if run - k < 2:
                    break
                if first and named is not None and run + 1 < self.n and self.t[run].text in (",", "-", "–") and \
                        self.role_at(run + 1):
                    # "các đại biểu Lê Văn A, Phó Chủ tịch HĐND tỉnh; Trần Thị B, Trưởng Ban ...": the name the group
                    # word stands before has titles of its own; the list goes on as a list of people with titles
                    person = self.person_with_titles((k, run), list_id)
                    person.titles[:0] = chain
                    return self.finish_list(self.scan_list(person.after, list_id), list_id, plural=False)
                first = False
                self.mentions.append(Person((k, run), [*chain], run, list_id))
                k = run
                if k + 1 < self.n and (self.t[k].text in (",", ";") or self.is_kind(k, "and")):
                    k += 2 if self.is_kind(k + 1, "and") else 1
                    continue
                break
            return k
        last = chain[-1]
        if last.name is not None:  # "đại biểu Quốc hội Vừ Thị Chá, Phó Trưởng Đoàn ...": titles on both sides
            person = self.person_with_titles(last.name, list_id)
            untitled = not person.titles
            if not (person.titles and all(self.is_deputy(title) for title in chain)):
                person.titles[:0] = chain  # (a bare "Đại biểu X, Chủ tịch Hội Nông dân xã": the seat says no more)
            k = self.scan_list(person.after, list_id)
            if untitled:
                self.share_forward(chain, list_id)
            return self.finish_list(k, list_id, plural=False)
        # "Bí thư Tỉnh ủy, đồng chí X ...", "Giám đốc Công an tỉnh Đại tá X": the title, then its holder; not after
        # a word that makes the title its object ("Báo cáo với Phó Thủ tướng, bà X cho biết": X reports to him)
        holder = end + 1 if end < self.n and self.t[end].text in (",", "-", "–") else end
        if holder < self.n and not self.object_before(i):
            honorific_end = self.honorific_at(holder)
            if honorific_end is not None and honorific_end < self.n:
                run = self.name_run(honorific_end)
                if run - honorific_end >= 2:
                    person = self.person_with_titles((honorific_end, run), list_id)
                    if not person.titles:
                        person.titles = chain
                        return self.finish_list(person.after, list_id, plural=False)
                    # "..., bà X, Chủ tịch UBND huyện": the person has titles of their own; the one before is another's
                    at = self.mentions.index(person)
                    self.mentions[at:at] = [TitleOnly(title, False, end, self.new_list()) for title in chain]
                    return self.finish_list(self.scan_list(person.after, list_id), list_id, plural=False)
            # "Chủ tịch UBND huyện Tân Hòa – Vi Văn Đức chủ trì": a dash sets the holder's name apart, without an
            # honorific; only a full name (a family name first) with no titles of its own after it
            if self.t[end].text in ("-", "–", "—") and holder < self.n:
                run = self.name_run(holder)
                after = run < self.n and self.t[run].text in (",", "-", "–", "—", "(") and run + 1 < self.n and \
                    self.role_at(run + 1)
                if after and run - holder >= 2 and self.t[run].text == "," and self.dash_pair_at(run + 1) and \
                        self.is_person_name(holder, run) and not is_known_place(self.text(holder, run), ""):
                    # "Phó Chủ tịch UBND huyện - Lê Văn A, Phó Chủ tịch UBND huyện - Trần Văn B": the next title is
                    # the next person's, written the same way
                    self.mentions.append(Person((holder, run), chain, run, list_id))
                    return run
                if run - holder >= 2 and self.is_person_name(holder, run) and not after and \
                        not is_known_place(self.text(holder, run), ""):
                    person = self.person_with_titles((holder, run), list_id)
                    person.titles = chain
                    return self.finish_list(person.after, list_id, plural=False)
        for title in chain:
            self.mentions.append(TitleOnly(title, False, end, list_id))
        return end


# -------------------------------------------------------------------------------------------------- stage


def _regions(doc: Document, data: OfficialData) -> tuple[list[Span], frozenset[int]]:
    """The sentences officials are read from: those with a role head or an honorific in them (most sentences of
    a report have neither; skipping them keeps the stage cheap), never the byline (authors, not officials); and the
    offsets where such a word is glued to the name after it for want of a space ("NgàiKen-ji Tanaka", "ôngNguyễn":
    a word that is not in capitals, a capital and a lower-case letter after it), where `tokenize` splits."""
    byline = [(s.start, s.end) for s in doc.get(BYLINE)]
    regions = doc.get(SENTENCE) or doc.get(PARAGRAPH) or ([doc.span(0, len(doc.text), PARAGRAPH)] if doc.text else [])
    regions = [r for r in regions if not any(s <= r.start < e for s, e in byline)]
    original = doc.text
    text = original.lower()
    size = len(text)
    hits = []
    glued = set()
    for end, length in data.triggers.iter(text):
        start = end + 1 - length
        if start > 0 and text[start - 1].isalnum():
            continue
        if end + 1 == size or not text[end + 1].isalnum():
            hits.append(start)
        elif end + 2 < size and original[end + 1].isupper() and original[end + 2].islower() and \
                not original[start:end + 1].isupper():
            hits.append(start)
            glued.add(end + 1)
    hits.sort()
    headline = doc.get(TITLE)
    chosen: list[Span] = []
    previous: Span | None = None
    for region in regions:
        k = bisect.bisect_left(hits, region.start)
        if k < len(hits) and hits[k] < region.end:
            if previous is not None and not any(t.start == previous.start for t in headline) and \
                    _title_on_next_line(original, previous, region, hits[k], data):
                if chosen and chosen[-1] is previous:
                    chosen.pop()
                region = doc.span(previous.start, region.end, region.label)
            chosen.append(region)
        previous = region
    return chosen, frozenset(glued)


_LINE_END = frozenset('.!?:;…"”)')


def _title_on_next_line(text: str, line: Span, following: Span, hit: int, data: OfficialData) -> bool:
    """Whether a line break parts a name from its titles ("Đồng chí Lê Văn A –" / "Phó Bí thư Huyện ủy, ..."): only a
    line break lies between, the next line begins with a role head, and the first ends in a dash or a comma, or is a
    short line of a name (a caption's "Đồng chí Lê Văn A") with a dash before the head."""
    gap = text[line.end:following.start]
    ending = line.text.rstrip()
    if not ending or ending[-1] in _LINE_END or gap.count("\n") != 1 or gap.strip():
        return False
    lead = text[following.start:hit]
    if lead.strip(" -–—"):
        return False
    head = tokenize(text[hit:min(following.end, hit + 60)], hit, data)
    if data.roles.longest(head, 0) is None:
        return False  # an honorific opens the next line: a new sentence ("... có tân Chủ tịch UBND xã" / "Ông X")
    words = ending.split()
    short_name_line = len(words) <= MAX_NAME_SYLLABLES + 3 and words[-1][0].isupper()
    return ending[-1] in "-–—," or bool(lead.strip()) or short_name_line


def role_and_organisation(title: Title, tokens: Sequence[Token], text: str) -> dict[str, Any]:
    """A title's parts: role, organisation as written and with its abbreviations expanded, explicit place, level."""
    organisation = ""
    expanded: list[str] = []
    if title.segments:
        first, last = title.segments[0], title.segments[-1]
        organisation = text[tokens[first.start].start:tokens[last.end - 1].end]
        cursor = tokens[first.start].start
        for segment in title.segments:
            seg_start, seg_end = tokens[segment.start].start, tokens[segment.end - 1].end
            expanded.append(text[cursor:seg_start])
            expanded.append(segment.expansion or text[seg_start:seg_end])
            cursor = seg_end
    head = title.head
    level = title.level
    if head.org and not head.org_words:  # implied by the head: "Thành ủy viên", "UVBTV Huyện ủy"
        if not organisation:
            organisation = head.org
            level = level or _implied_level(head.org)
        expanded[:0] = [head.org, " "] if expanded else [head.org]
    place = None
    if title.place is not None:
        place_type = next((s.level for s in title.segments if s.kind == "place" and s.start == title.place[0]),
                          "") or title.level
        place = {"name": text[tokens[title.place[0]].start:tokens[title.place[1] - 1].end],
                 "type": place_type or None, "source": "text"}
    return {"role": head.role, "organisation": organisation, "organisation_expanded": "".join(expanded),
            "place": place, "level": level or None}


@functools.lru_cache(maxsize=256)
def _implied_level(organisation: str) -> str:
    """The level of an organisation a head implies (Tỉnh ủy viên -> Tỉnh ủy -> tỉnh), from organisations.tsv."""
    data = load_official_data()
    tokens = tokenize(organisation, 0, data)
    found = data.organisations.longest(tokens, 0) if tokens else None
    return found[1].level if found is not None and found[0] == len(tokens) else ""


def _title_key(role: str, organisation: str) -> tuple[str, str]:
    return role.lower(), " ".join(organisation.lower().split())


def _organisation_without_place(value: Mapping[str, Any]) -> str:
    """The expanded organisation without its explicit place, so `UBND huyện Bến Cầu` matches `UBND huyện`."""
    expanded = str(value["organisation_expanded"])
    place = value.get("place")
    if place and place.get("source") == "text":
        cut = expanded.find(" " + place["name"])  # "xã Nhơn Mỹ, huyện Chợ Mới": from the first place on
        if cut >= 0:
            expanded = expanded[:cut]
    return expanded.rstrip(" ,")


class _Holders:
    """Who holds which title, to link title-only mentions (`đồng chí Chủ tịch UBND huyện`) to a person."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], list[tuple[int, str]]] = {}

    def add(self, value: Mapping[str, Any], start: int, person: str) -> None:
        key = _title_key(value["role"], _organisation_without_place(value))
        self.by_key.setdefault(key, []).append((start, person))

    def find(self, value: Mapping[str, Any], start: int) -> str | None:
        """The holder: the only one, else the nearest one named before the mention, else the first after."""
        found = self.by_key.get(_title_key(value["role"], _organisation_without_place(value)), [])
        if not found:
            return None
        before = [item for item in found if item[0] < start]
        return max(before)[1] if before else min(found)[1]


@dataclass
class _Paragraph:
    tokens: list[Token]
    mentions: list[Person | TitleOnly | Pronoun]


def _skip_adverbs(tokens: Sequence[Token], k: int, data: OfficialData) -> int:
    """The first token at or after k that is no adverb of official_words.tsv (`cũng`, `đã`, `nay`)."""
    while k < len(tokens):
        adverb = data.words.longest(tokens, k)
        if adverb is None or adverb[1] != "adverb":
            break
        k = adverb[0]
    return k


def _parts_of(item: _Paragraph, doc: Document, data: OfficialData) -> dict[int, list[str]]:
    """What each mention's person did (index of the mention -> parts): the cue after the person's titles, and
    for the sentence's first list of people the cue that opens the sentence ("Dự hội nghị có ...")."""
    tokens = item.tokens
    first_list = item.mentions[0].list_id if item.mentions else None  # a region is one sentence
    opening = _opening_cue(item, doc, data) if item.mentions else None
    parts: dict[int, list[str]] = {}
    for index, mention in enumerate(item.mentions):
        found = []
        k = mention.after
        if k < len(tokens) and tokens[k].text == ",":
            k += 1  # "Thượng tá X, Chỉ huy trưởng Ban CHQS huyện, báo cáo ..."
        k = _skip_adverbs(tokens, k, data)  # "đồng chí X ... cũng yêu cầu"
        cue = data.cues_after.longest(tokens, k) if k < len(tokens) else None
        if cue is not None:
            found.append(cue[1].part)
        if mention.list_id == first_list and opening is not None:
            found.append(opening)
        parts[index] = sorted(set(found), key=PARTS.index)
    return parts


def _opening_cue(item: _Paragraph, doc: Document, data: OfficialData) -> str | None:
    """The part named where the sentence opens, or where the list it belongs to opens: "Dự hội nghị có:" on a
    line of its own, then one line per person, each ending in ";"."""
    cue = data.cues_before.longest(item.tokens, 0) if item.tokens else None
    if cue is not None:
        return cue[1].part
    paragraphs = doc.get(PARAGRAPH)
    k = bisect.bisect_right([p.start for p in paragraphs], item.tokens[0].start) - 1
    if k < 0 or paragraphs[k].start != item.tokens[0].start:
        return None  # not the first sentence of its line
    while k > 0 and paragraphs[k - 1].text.rstrip().endswith((";", ":")):
        k -= 1
        if paragraphs[k].text.rstrip().endswith(":"):
            head = tokenize(paragraphs[k].text[:200], paragraphs[k].start, data)
            cue = data.cues_before.longest(head, 0) if head else None
            return cue[1].part if cue is not None else None
    return None


def find_officials(doc: Document) -> tuple[list[Span], list[Span]]:
    """OFFICIAL (name mentions) and POSITION (title mentions) spans of the article; see the module docstring."""
    data = load_official_data()
    paragraphs: list[_Paragraph] = []
    known: set[str] = set()
    regions, glued = _regions(doc, data)
    lowered = doc.text.lower()
    assembly = any(word in lowered for word in data.assembly)
    for region in regions:
        tokens = tokenize(region.text, region.start, data,
                          glued=[cut - region.start for cut in glued if region.start < cut < region.end])
        mentions = Parser(tokens, data, known, assembly=assembly).scan()
        paragraphs.append(_Paragraph(tokens, mentions))
        for m in mentions:
            if isinstance(m, Person) and m.titles and not m.short:
                known.add(_join(tokens, m.name))
    # one person, written in capitals in a heading or an interview's question and normally elsewhere
    # ("CHỦ TỊCH UBND TỈNH TRẦN VĂN AN:", "Chủ tịch UBND tỉnh Trần Văn An"): the name as normally written
    canonical: dict[str, str] = {}
    for name in sorted(known, key=lambda n: (n.isupper(), n)):
        canonical.setdefault(name.lower(), name)
    known = set(canonical.values())
    by_given_name: dict[str, set[str]] = {}
    for name in known:
        by_given_name.setdefault(name.split()[-1], set()).add(name)

    named: list[tuple[int, int, str, list[str]]] = []  # start, end, person, parts
    positions: list[Span] = []
    holders = _Holders()
    pending: list[tuple[_Paragraph, TitleOnly, list[str]]] = []
    pronouns: list[tuple[int, list[str]]] = []
    for item in paragraphs:
        tokens = item.tokens
        parts = _parts_of(item, doc, data)
        for index, m in enumerate(item.mentions):
            if isinstance(m, Pronoun):
                pronouns.append((tokens[m.start].start, parts[index]))
                continue
            if isinstance(m, TitleOnly):
                pending.append((item, m, parts[index]))
                continue
            name = _join(item.tokens, m.name)
            name = canonical.get(name.lower(), name)
            if m.short:  # "ông Kiệt": the one official whose given name it is
                candidates = by_given_name.get(name, set())
                if len(candidates) != 1:
                    continue
                name = next(iter(candidates))
            if name not in known:
                continue
            named.append((tokens[m.name[0]].start, tokens[m.name[1] - 1].end, name, list(parts[index])))
            for title in m.titles:
                span = _position(doc, title, tokens, name, group=False, parts=parts[index])
                positions.append(span)
                holders.add(span.value, span.start, name)
    linked: list[tuple[int, int, str | None, dict[str, Any]]] = []  # title-only mentions: start, end, person
    for item, m, found_parts in pending:
        if not m.group and not m.title.has_organisation:
            continue  # a bare "Chủ tịch" with no name beside it says nothing
        span = _position(doc, m.title, item.tokens, None, group=m.group, parts=list(found_parts))
        person = None if m.group else holders.find(span.value, span.start)
        linked.append((span.start, span.end, person, {**span.value, "person": person, "title_only": True}))
    # "Ông yêu cầu ...", "Đồng chí đề nghị ...": what the person named (or titled) last did
    subjects = sorted([(start, parts) for start, _, _, parts in named] +
                      [(start, value["parts"]) for start, _, person, value in linked if person], key=lambda x: x[0])
    for start, found_parts in pronouns:
        earlier = [parts for position, parts in subjects if position < start]
        if earlier:
            earlier[-1].extend(p for p in found_parts if p not in earlier[-1])
    positions += [doc.span(start, end, POSITION, {**value, "parts": sorted(set(value["parts"]), key=PARTS.index)})
                  for start, end, _, value in linked]
    officials = [doc.span(start, end, OFFICIAL, {"person": name, "parts": sorted(set(parts), key=PARTS.index)})
                 for start, end, name, parts in named]

    # the mentions read above and the byline, joined once (not per name found)
    covered = [(s.start, s.end) for s in officials] + [(s.start, s.end) for s in doc.get(BYLINE)]
    text = doc.text
    for name in sorted(known):  # the full name again without honorific or title (a caption, the headline)
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            whole = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if whole and not any(s < end and start < e for s, e in covered):
                officials.append(doc.span(start, end, OFFICIAL, {"person": name, "parts": []}))
            start = text.find(name, end)
    return officials, positions


def _join(tokens: Sequence[Token], span: tuple[int, int]) -> str:
    return " ".join(t.text for t in tokens[span[0]:span[1]])


def _position(doc: Document, title: Title, tokens: Sequence[Token], person: str | None, *, group: bool,
              parts: list[str]) -> Span:
    start, end = tokens[title.start].start, tokens[title.end - 1].end
    value = {"person": person, **role_and_organisation(title, tokens, doc.text), "text": doc.text[start:end],
             "group": group, "title_only": False, "parts": parts}
    return doc.span(start, end, POSITION, value)


def find_authors(doc: Document) -> list[Span]:
    """Author names of the byline (`Thu Hiền`, `CTV Đức Chí`, `Tin, ảnh: Lê Hoa`), without prefix or unit.

    The byline is what segment.py marks: the trailing lines, and a header line above the body that a portal's
    marks set apart ("Lê Hoa - 21:30, 12/04/2023", "VŨ HÀ - THANH TÚ |"). When they name nobody, a last line that
    gives names and then the author's unit ("Thanh Hà - Trung tâm VHTT&TT huyện") counts, and a plain name line right
    under the headline too (some portals put the author there: "Xã Long Cốc: ...", "Đinh Thu Trang", body). A name
    printed twice (above and below) is one author.
    """
    authors: list[Span] = []
    for line in doc.get(BYLINE):
        if line.value.get("kind") in ("name", "prefix"):
            authors.extend(_authors_of_line(doc, line))
    for find_line in (_names_before_unit, _leading_byline):
        if authors:
            break
        line = find_line(doc)
        if line is not None:
            authors.extend(_authors_of_line(doc, line))
    unique: dict[str, Span] = {}  # a portal may print the byline above the body and again below it
    for author in authors:
        unique.setdefault(author.value["name"], author)
    return list(unique.values())


# A separator between a byline's names and the author's unit: "Thanh Hà - Trung tâm ...", "Hồng Nhung, Văn phòng ..."
_UNIT_SEPARATOR = regex.compile(r"\s*[-–—,]\s*")


def _names_before_unit(doc: Document) -> Span | None:
    """The names of a last line that goes on into the author's unit (bylines.tsv `unit`), which segment.py does not
    take for a byline as a whole: "Thanh Hà - Trung tâm VHTT&TT huyện" -> the span of "Thanh Hà"."""
    from .segment import MAX_BYLINE_CHARS, byline_markers, looks_like_names

    paragraphs = doc.get(PARAGRAPH)
    titles = doc.get(TITLE)
    if len(paragraphs) < 2 or (titles and paragraphs[-1].start == titles[0].start) or doc.get(BYLINE):
        return None
    line = paragraphs[-1]
    text = line.text.rstrip()
    if len(text) > 2 * MAX_BYLINE_CHARS or text.endswith((".", ":", ";")):
        return None
    units = [marker.lower() for marker, kind in byline_markers() if kind == "unit"]
    for separator in _UNIT_SEPARATOR.finditer(text):
        rest = text[separator.end():].lower()  # "Văn Phòng HĐND-UBND huyện" as "Văn phòng"
        if not any(rest.startswith(unit) and rest[len(unit):len(unit) + 1] in ("", " ") for unit in units):
            continue
        names = text[:separator.start()]
        if names and looks_like_names(names):
            return doc.span(line.start, line.start + separator.start(), BYLINE, {"kind": "name"})
        return None
    return None


def _leading_byline(doc: Document) -> Span | None:
    """A line of names (or a byline prefix with names) between the headline and the body, if there is one."""
    from .segment import _is_place as _is_province
    from .segment import byline_marker, looks_like_names, names_a_person

    paragraphs = doc.get(PARAGRAPH)
    titles = doc.get(TITLE)
    # the line after the headline, which a date line may precede ("16:44, 04/10/2023" / headline / "AN HÀ - MINH TÚ")
    index = next((k + 1 for k, p in enumerate(paragraphs[:2]) if titles and p.start == titles[0].start), 0)
    if index + 1 >= len(paragraphs):
        return None
    line = paragraphs[index]
    marker = byline_marker(line.text)
    if marker is not None and marker[1] != "prefix":
        return None
    named = line.text[len(marker[0]):].lstrip(" :") if marker else line.text
    if not named or len(line.text) > 60 or any(c.isdigit() for c in line.text) or not looks_like_names(named) \
            or not (marker or names_a_person(named)):
        return None
    words = regex.sub(r"\([^)]*\)|[-–,&/]", " ", named).split()
    pieces = [p.strip() for p in regex.split(r"\s+[-–]\s+", named)]
    # names in capitals only as a list set apart by dashes ("AN HÀ - MINH TÚ"; a commune's name is a person's
    # often enough, a province's is a dateline: "HÀ NỘI - HẢI PHÒNG"); one line in capitals is a subhead
    capitals = len(pieces) >= 2 and named.isupper()
    if not all(_NAME_SYLLABLE.match(w) or w == "và" or (capitals and w.isupper()) for w in words) \
            or is_known_place(named, "") or (capitals and any(_is_province(p) for p in pieces)):
        return None  # a dateline in capitals ("HÀ NỘI") or a place, not an author
    return line


def _authors_of_line(doc: Document, line: Span) -> list[Span]:
    from .segment import byline_marker, is_agency, looks_like_names

    start, text = line.start, line.text
    prefix = None
    marker = byline_marker(text)
    if marker is not None:
        if marker[1] != "prefix":
            return []
        prefix = marker[0]
        cut = len(prefix)
        while cut < len(text) and text[cut] in " :":
            cut += 1
        start, text = start + cut, text[cut:]
    paren = text.find("(")  # "Văn Dũng (Trung tâm VH-TT huyện)": the unit is no author
    if paren >= 0:
        text = text[:paren]
    authors = []
    cuts = [0] + [x for m in _AUTHOR_SEPARATOR.finditer(text) for x in (m.start(), m.end())] + [len(text)]
    for piece_start, piece_end in zip(cuts[::2], cuts[1::2], strict=True):
        piece = text[piece_start:piece_end]
        name = piece.strip()
        marker = byline_marker(name) if name else None
        if marker is not None and marker[1] != "prefix":
            break  # "Văn Hiếu - Phòng VH-TT": the author's unit, to the end of the line
        if name and is_agency(name.split()[0]):
            break  # "Tuyết Mai/VOV-Tây Bắc", "Thực hiện: VOV Tây Bắc": the agency, then its bureau, to the line's end
        if not name or marker is not None or not looks_like_names(name):
            continue
        offset = start + piece_start + piece.find(name)
        authors.append(doc.span(offset, offset + len(name), AUTHOR, {"name": name, "prefix": prefix}))
    return authors


# Between the authors of a byline line: "-", ",", "&", "/" or "và".
_AUTHOR_SEPARATOR = regex.compile(r"\s*[,&/\-–—]\s*|\s+và\s+")


def add_officials(doc: Document) -> Document:
    """Stage: OFFICIAL, POSITION and AUTHOR spans."""
    officials, positions = find_officials(doc)
    doc.set(OFFICIAL, officials)
    doc.set(POSITION, positions)
    doc.set(AUTHOR, find_authors(doc))
    return doc


# -------------------------------------------------------------------------------------------------- records


def _fill_place(title: dict[str, Any], level: str | None, home: Mapping[str, Any] | None) -> None:
    """Fill a title's missing place from the unit the article is about (`UBND huyện` -> its district)."""
    if title["place"] is not None or not home or not level:
        return
    if home.get("type") == level:
        name = home.get("name")
    elif level == "tỉnh":
        name = home.get("province")
    else:
        name = None
    if not name:
        return
    title["place"] = {"name": name, "type": level, "source": "article"}
    title["organisation_expanded"] = f"{title['organisation_expanded']} {name}"


def _merge_title(titles: list[dict[str, Any]], record: dict[str, Any]) -> None:
    """Add a title unless the person has it already (same role, one organisation within the other)."""
    role, organisation = _title_key(record["role"], record["organisation_expanded"])
    for index, existing in enumerate(titles):
        other_role, other_organisation = _title_key(existing["role"], existing["organisation_expanded"])
        if role != other_role:
            continue
        if organisation in other_organisation:
            return
        if other_organisation in organisation:  # keep the fuller form: "Chủ tịch UBND tỉnh Gia Lai"
            titles[index] = record
            return
    titles.append(record)


def official_records(doc: Document) -> list[dict[str, Any]]:
    """One record per official: name, titles merged over all mentions, mentions, part in the event."""
    from . import places

    home = places.home_unit(doc)
    mentions: dict[str, list[Span]] = {}
    for span in doc.get(OFFICIAL):
        mentions.setdefault(span.value["person"], []).append(span)
    titles: dict[str, list[dict[str, Any]]] = {}
    levels: dict[int, str | None] = {}
    title_mentions: dict[str, list[Span]] = {}
    for span in doc.get(POSITION):
        person = span.value.get("person")
        if not person:
            continue
        if span.value.get("title_only"):
            title_mentions.setdefault(person, []).append(span)
            continue
        record = {"text": span.text, "start": span.start, "end": span.end, "role": span.value["role"],
                  "organisation": span.value["organisation"],
                  "organisation_expanded": span.value["organisation_expanded"],
                  "place": dict(span.value["place"]) if span.value["place"] else None}
        levels[id(record)] = span.value.get("level")
        _merge_title(titles.setdefault(person, []), record)
    records = []
    for person, spans in mentions.items():
        person_titles = titles.get(person, [])
        if not person_titles:
            continue
        for title in person_titles:
            _fill_place(title, levels.get(id(title)), home)
        parts: set[str] = set()
        for span in [*spans, *title_mentions.get(person, [])]:
            parts.update(span.value.get("parts", ()))
        first = min(spans, key=lambda s: s.start)
        records.append({
            "name": person, "start": first.start, "end": first.end,
            "titles": person_titles,
            "mentions": [{"start": s.start, "end": s.end} for s in sorted(spans, key=lambda s: s.start)],
            "title_mentions": [{"text": s.text, "start": s.start, "end": s.end}
                               for s in sorted(title_mentions.get(person, []), key=lambda s: s.start)],
            "parts": sorted(parts, key=PARTS.index),
        })
    return sorted(records, key=lambda r: r["start"])


def author_records(doc: Document) -> list[dict[str, Any]]:
    return [{"name": s.value["name"], "start": s.start, "end": s.end, "prefix": s.value.get("prefix")}
            for s in doc.get(AUTHOR)]
