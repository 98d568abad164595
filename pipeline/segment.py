"""Stage 2: paragraphs, title, byline, captions, sentences and word tokens, as spans.

- Paragraphs are the non-empty lines of the normalized text.
- The title is the first line when it reads like a headline (short, no final full stop).
- The byline is the run of short trailing lines that read like author names, byline prefixes
  (`Tin, ảnh:`, `CTV`) or the author's unit (`Trung tâm VHTTTT&DL huyện`), from `bylines.tsv`;
  and a portal's header line above the body with a time, date or bar by the names (`Lê Hoa - 21:30, 12/04/2023`).
- Captions are the other short lines without final punctuation (image captions between paragraphs).
- Sentences come from underthesea's `sent_tokenize` rules per paragraph (`split_sentences`), re-joined
  where it splits after an abbreviation (`TP.`, `TX.`; `sentence_abbreviations.txt`) or an enumeration number (`1.`).
- Tokens come from underthesea's `word_tokenize` over the whole article, aligned back to offsets,
  then the government terms of `fixed_words.txt` are joined into one token. The text is normalized
  before and token normalization is off, so underthesea returns substrings; if alignment still
  fails the article falls back to syllable tokens and the document records a warning.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import regex

from .document import BYLINE, CAPTION, PARAGRAPH, SENTENCE, TITLE, TOKEN, Document, Span
from .tables import build_automaton, load_table, load_words

MAX_TITLE_CHARS = 300
MAX_BYLINE_LINES = 4
MAX_BYLINE_CHARS = 90
MAX_CAPTION_WORDS = 40
FINAL_PUNCTUATION = ".!?…;:"

_LINE = regex.compile(r"[^\n]+")
_SYLLABLE_TOKEN = regex.compile(r"\w+(?:[.,/]\w+)*|[^\w\s]")
# a name word, or one written with initials in a byline: "Hà", "T.Hà", "N.H", "Đ."
_NAME_WORD = regex.compile(r"^(?:\p{Lu}\.)*[\p{Lu}][\p{L}\p{M}'’]*$|^(?:\p{Lu}\.)+$")
# "1." / "a." / "II." as a list mark: at the start of a sentence or right after ":" ";"
_ENUMERATION = regex.compile(r"(?:^|[:;]\s*)(?:\d{1,2}|[a-zđ]|[IVX]{1,4})\.$")


@functools.cache
def _byline_rows() -> tuple[tuple[str, str], ...]:
    rows = load_table("bylines.tsv", ("marker", "kind"))
    return tuple(sorted(((r["marker"], r["kind"]) for r in rows), key=lambda p: -len(p[0])))


@functools.cache
def byline_markers() -> tuple[tuple[str, str], ...]:
    """(marker, kind) pairs a byline line starts with (prefix, unit, source), longest marker first so `Tin, ảnh:`
    wins over `Tin:`."""
    return tuple(row for row in _byline_rows() if row[1] in ("prefix", "unit", "source"))


@functools.cache
def _byline_words(kind: str) -> tuple[str, ...]:
    """The bylines.tsv entries of one kind (`header`, `note`), lower case."""
    return tuple(marker.lower() for marker, found in _byline_rows() if found == kind)


def byline_marker(line: str) -> tuple[str, str] | None:
    """The byline marker a line starts with, as written (`TIN, ẢNH:` for `Tin, ảnh:`), and its kind; or None."""
    head = line[:_longest_marker()].lower()
    for marker, kind in byline_markers():
        if head.startswith(marker.lower()) and (len(line) == len(marker) or not line[len(marker)].isalnum()):
            return line[:len(marker)], kind
    return None


@functools.cache
def _longest_marker() -> int:
    return max((len(marker) for marker, _ in byline_markers()), default=0)


# compiled once: the module's pattern cache costs a lookup per call, and byline lines are read several times each
_FINAL_NOTE = regex.compile(r"\s*\([^)]*\)\s*$")  # "Văn Dũng (TTVH)": the note in brackets at the end
_NAME_SEPARATOR = regex.compile(r"\s*(?:[-–,&/]|\svà\s)\s*")  # between the names of a byline
_BAR_PIECE = regex.compile(r"[^|]+")  # a piece of a header line between bars


def looks_like_names(line: str) -> bool:
    """A line of one or more personal names: `Cao Dung`, `Hà Linh - Minh Tuấn`, `Văn Dũng (TTVH)`, `NGỌC HÂN`.

    A name in capitals is 2-5 Vietnamese syllables ("THANH TÚ"): a word of page chrome in capitals ("TOP", "TAGS")
    is none."""
    line = _FINAL_NOTE.sub("", line).strip()
    parts = [p.strip() for p in _NAME_SEPARATOR.split(line) if p.strip()]
    names = [p for p in parts if not _AGENCY.match(p)]  # "Thu Hà - TTXVN": the agency is no name, nor a reason
    if not names or _AGENCY.match(parts[0]):            # to doubt the line
        return False
    return all(1 <= len(p.split()) <= 5 and all(_NAME_WORD.match(w) for w in p.split()) and _capitals_are_syllables(p)
               for p in names)


# a news agency or paper by its acronym after the author's name: "TTXVN", "VOV", "QĐND"
_AGENCY = regex.compile(r"^\p{Lu}{2,8}$")


def is_agency(word: str) -> bool:
    """Whether a byline word is a news agency's acronym ("TTXVN", "VOV"), not a name in capitals ("HÀ")."""
    from .normalize import is_vietnamese_syllable

    return bool(_AGENCY.match(word)) and not is_vietnamese_syllable(word)


def _capitals_are_syllables(name: str) -> bool:
    from .normalize import is_vietnamese_syllable

    words = name.split()
    if not name.isupper() or not all(w.isalpha() for w in words):
        return True  # mixed case, or initials ("T.HÀ", "V.T.")
    return len(words) >= 2 and all(is_vietnamese_syllable(w) for w in words)


def find_paragraphs(doc: Document) -> list[Span]:
    return [doc.span(m.start(), m.end(), PARAGRAPH) for m in _LINE.finditer(doc.text)]


# A first line that is only a dateline ("Thứ Năm, 14/03/2024 - 09:15"): portals print it above the title
_DATELINE = regex.compile(r"^(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?(?:\d{1,2}[:h]\d{2}\s*[-–|,]?\s*)?(?:ngày\s+)?"
                          r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
                          r"(?:\s*[-–|,]?\s*\d{1,2}[:h]\d{2}(?:\s*(?:GMT|\(GMT)[^\n]*)?)?\s*$", regex.IGNORECASE)


def find_title(doc: Document, paragraphs: list[Span]) -> Span | None:
    if paragraphs and _DATELINE.match(paragraphs[0].text):
        paragraphs = paragraphs[1:]
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0]
    hinted = doc.hints.get("title")
    if hinted and first.text.strip() == str(hinted).strip():
        return doc.span(first.start, first.end, TITLE)
    if len(first.text) <= MAX_TITLE_CHARS and not first.text.endswith((".", ";", ",")):
        return doc.span(first.start, first.end, TITLE)
    return None


def _byline_kind(line: str) -> str | None:
    """The kind of a trailing byline line (bylines.tsv: prefix, unit, source; or `name`), or None."""
    marker = byline_marker(line)
    if marker is not None:
        rest = line[len(marker[0]):].strip()
        if marker[1] == "prefix" and not marker[0].endswith(":") and rest and not rest.startswith(":") \
                and not looks_like_names(rest):
            return None  # "Tin và ảnh được gửi về ...": a sentence, where a prefix without a colon needs names
        return marker[1]
    if _SOURCE_LINK.match(line):
        return "source"  # "(http://www.baoxyz.vn)" under the author's name
    if len(line) <= MAX_BYLINE_CHARS and (not line.endswith(".") or _INITIALS.match(line)) and looks_like_names(line) \
            and names_a_person(line):
        return "name"
    return None


def names_a_person(line: str) -> bool:
    """Whether a name line holds a full name or initials: a lone word under an article ("Đoàn", "Bí") is a cut-off
    sentence or chrome far more often than a reporter signing with one syllable."""
    line = _FINAL_NOTE.sub("", line).strip()
    return len(line.split()) >= 2 or "." in line


def is_chrome(line: str) -> bool:
    """Whether a line is a page's chrome below the article (bylines.tsv `footer`: "Chia sẻ", "Email: ...", a line
    in Chinese characters): no byline, and no reason to stop looking for one above it."""
    low = line.strip().lower()
    words, openings = _line_openings("footer", colon_alone=True)
    return bool(_HAN.search(line)) or low in words or low.startswith(openings)


@functools.cache
def _line_openings(kind: str, *, colon_alone: bool = False) -> tuple[frozenset[str], tuple[str, ...]]:
    """The bylines.tsv words of a kind (lower case), and how a line that opens with one begins: the word and a
    space, a comma or a colon; with `colon_alone`, also the word itself when it ends in a colon ("Email:abc").
    One `startswith` over them all is what a look at each word did, for every line near an article's ends."""
    words = _byline_words(kind)
    openings = [word + mark for word in words for mark in (" ", ":", ",")]
    if colon_alone:
        openings += [word for word in words if word.endswith(":")]
    return frozenset(words), tuple(openings)


_HAN = regex.compile(r"\p{Han}")
MAX_CHROME_LINES = 8  # footer lines skipped at the end of a page


# a source given as a link on a line of its own, in brackets or not
_SOURCE_LINK = regex.compile(r"^\(?\s*(?:https?://|www\.)\S+\s*\)?$", regex.IGNORECASE)
# an author signing with initials alone: "V.T.", "N.H."
_INITIALS = regex.compile(r"^(?:\p{Lu}\.){1,4}$")


def _trailing_line(doc: Document, paragraph: Span) -> Span | None:
    """A trailing line as a byline span, or None; a byline in brackets ("(CTV: Minh Thư)") is read inside them."""
    text = paragraph.text.rstrip()
    start, end = paragraph.start, paragraph.start + len(text)
    if len(text) > 2 and text[0] == "(" and text[-1] == ")" and text.count("(") == 1:
        inner = text[1:-1].strip()
        if not _SOURCE_LINK.match(text):
            start = paragraph.start + text.index(inner)
            end, text = start + len(inner), inner
    if text.endswith(".") and not _INITIALS.match(text) and len(text.split()) >= 2 and looks_like_names(text[:-1]):
        end, text = end - 1, text[:-1]  # "Minh Hà." : a full stop after the names
    kind = _byline_kind(text) if len(text) <= 2 * MAX_BYLINE_CHARS else None
    return doc.span(start, end, BYLINE, {"kind": kind}) if kind is not None else None


# A portal's header line around the author's name: a time or a date ("Lê Hoa - 21:30, 12/04/2023", "12/04/2023 |
# Lê Hoa"), where the names end or before a bar
_STAMP = regex.compile(r"(?:^|\s*[-–—,|•·]\s*|\s+)(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?(?:ngày\s+)?"
                       r"\d{1,2}(?:[:h]\d{2}|[/.-]\d{1,2}[/.-]\d{2,4})", regex.IGNORECASE)
_NOTE = regex.compile(r"\s*\(([^()]{1,30})\)\s*$")
# a date line that goes on into the author's names: "05/03/2024 08:10 GMT+7 Minh Khoa - Thu Hà - Đức Lâm"
_LEADING_STAMP = regex.compile(r"^(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?(?:ngày\s+)?(?:\d{1,2}[:h]\d{2}\s*[-–,]?\s*)?"
                               r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s*[-–,]?\s*\d{1,2}[:h]\d{2})?"
                               r"(?:\s*\(?GMT\s*[+-]\s*\d{1,2}\)?)?\s*[-–—,:•·]?\s+(?=\p{Lu})", regex.IGNORECASE)
MAX_HEADER_LINES = 8  # lines above the body where a portal prints the author (after chrome lines, if any)


def _header_names(line: str) -> tuple[int, int, str] | None:
    """(start, end, kind) of the author's names in a header line that a portal's marks make a byline: a time or a
    date after or before the names, a bar, or a note in brackets ("NGUYỄN AN (thực hiện) 08:15, 03/02/2023",
    "VŨ HÀ - THANH TÚ |", "12/04/2023 | Lê Hoa"); None for a line without such marks, a date line ("Thứ Hai,
    12/6/2023 - 09:40") or a place ("Hà Nội, 12/6/2023")."""
    if len(line) > MAX_BYLINE_CHARS:
        return None
    lead = _LEADING_STAMP.match(line)
    if lead is not None and "|" not in line:  # "05/03/2024 08:10 GMT+7 Minh Khoa - Thu Hà": the names after the stamp
        names = line[lead.end():].rstrip(" -–—,:•·")
        if _names_alone(names):
            return lead.end(), lead.end() + len(names), "name"
        return None
    for piece in _BAR_PIECE.finditer(line):
        start, end = piece.span()
        start += len(piece.group()) - len(piece.group().lstrip())
        strong = "|" in line
        stamp = _STAMP.search(line, start, end)
        if stamp is not None:
            end, strong = stamp.start(), True
        names = line[start:end].rstrip(" -–—,:•·")
        note = _NOTE.search(names)
        if note is not None and note.group(1).strip().lower() in _byline_words("note"):
            names, strong = names[:note.start()].rstrip(), True
        if not strong or not names:
            continue
        marker = byline_marker(names)
        kind, named = "name", names
        if marker is not None:
            if marker[1] != "prefix":
                continue  # "Báo Lạng Sơn | 12/04/2023": the source, not an author
            kind, named = "prefix", names[len(marker[0]):].lstrip(" :")
        if not named or not looks_like_names(named) or _opens_header(named) or _is_place(named):
            continue  # "Thứ Hai, 12/6/2023 - 09:40", "Hà Nội, 12/6/2023"
        return start, start + len(names), kind
    return None


def _names_set_apart(line: str, following: str) -> tuple[int, int, str] | None:
    """(start, end, kind) of a header line of names that the page sets apart otherwise than `_header_names` reads:
    the author's paper in brackets ("Quốc Huy (Đài TT huyện)"), or the next line a time stamp ("Ngọc Diệp -" /
    "14:20, 18/03/2021 ...") or chrome ("Xuân Mai - Hồng Nhung" / "Chia sẻ Zalo")."""
    if len(line) > MAX_BYLINE_CHARS or any(c.isdigit() for c in line):
        return None
    names = line.rstrip(" -–—|")
    note = _NOTE.search(names)
    unit_note = note is not None and (byline_marker(note.group(1).strip()) or ("", ""))[1] == "unit"
    if note is not None:
        names = names[:note.start()].rstrip()
    if not _names_alone(names):
        return None
    if unit_note or _STAMP.match(following) or is_chrome(following):
        return 0, len(names), "name"
    return None


def _names_alone(text: str) -> bool:
    """Whether a header's text is people's names and nothing else: full names or initials, not a header word
    ("Cập nhật"), a province ("Hà Nội") or a byline marker ("Báo ...")."""
    return bool(text) and looks_like_names(text) and names_a_person(text) and not _opens_header(text) \
        and not _is_place(text) and byline_marker(text) is None


def _opens_header(text: str) -> bool:
    """Whether a line opens with a word of a portal's header that names no one (bylines.tsv `header`)."""
    low = text.lower()
    words, openings = _line_openings("header")
    return low in words or low.startswith(openings)


def _is_place(name: str) -> bool:
    """Whether a name is a province's, as a dateline gives it ("Hà Nội, 12/6/2023"); a district's or a commune's
    name is also a person's often enough ("Thanh Hà", "Minh Hà") to be read as the author's."""
    from .gazetteer import gazetteer

    return bool(gazetteer().lookup(name.title() if name.isupper() else name, levels=("province",)))


def _header_byline(doc: Document, paragraphs: list[Span], title: Span | None) -> list[Span]:
    """The byline a portal prints above the body, with its header marks (`_header_names`): looked for among the
    lines after the headline (or from the top), up to the first line of body text."""
    first = 0
    if title is not None:
        first = next((k + 1 for k, p in enumerate(paragraphs) if p.start == title.start), 0)
    window = paragraphs[first:first + MAX_HEADER_LINES]
    for index, paragraph in enumerate(window):
        if len(paragraph.text) > 2 * MAX_BYLINE_CHARS:
            break  # the body has begun
        found = _header_names(paragraph.text)
        if found is None and first + index + 1 < len(paragraphs):
            found = _names_set_apart(paragraph.text, paragraphs[first + index + 1].text)
        if found is not None:
            start, end, kind = found
            return [doc.span(paragraph.start + start, paragraph.start + end, BYLINE, {"kind": kind})]
    return []


def find_byline(doc: Document, paragraphs: list[Span], title: Span | None) -> list[Span]:
    """The byline: a header line above the body (`_header_byline`), and the trailing lines, of which at least one
    names a person or carries a prefix. A trailing line that gives the source ("Theo ...", a link) may follow."""
    header = _header_byline(doc, paragraphs, title)
    lines: list[Span] = []
    for paragraph in reversed(paragraphs[-(MAX_BYLINE_LINES + MAX_CHROME_LINES):]):
        if title is not None and paragraph.start == title.start:
            break
        if header and paragraph.start <= header[0].start:
            break
        if is_chrome(paragraph.text):
            continue
        line = _trailing_line(doc, paragraph)
        if line is None and not lines:
            line = _run_on_byline(doc, paragraph)
            if line is not None:
                lines.append(line)
            break
        if line is None or len(lines) == MAX_BYLINE_LINES:
            break
        lines.append(line)
    lines.reverse()
    if not any(s.value["kind"] in ("name", "prefix") for s in lines):
        lines = []
    return header + lines


# a name in capitals run on after the last sentence, where a page lost the byline's line break: "... năm 2020. AN HÒA"
_RUN_ON_NAME = regex.compile(r'[.!?…”"]\s+((?:\p{Lu}+\s+){1,3}\p{Lu}+)\s*$')


def _run_on_byline(doc: Document, paragraph: Span) -> Span | None:
    """The author's name in capitals at the very end of the last paragraph, after its final stop (2-4 Vietnamese
    syllables, not an acronym such as "UBND"), as a byline span; or None."""
    found = _RUN_ON_NAME.search(paragraph.text)
    if found is None or not looks_like_names(found[1]) or byline_marker(found[1]) is not None or _is_place(found[1]):
        return None  # "... năm 2020. HÀ NỘI" is a dateline's place, not a name
    return doc.span(paragraph.start + found.start(1), paragraph.start + found.end(1), BYLINE, {"kind": "name"})


def find_captions(doc: Document, paragraphs: list[Span], skip: set[int]) -> list[Span]:
    captions = []
    for paragraph in paragraphs:
        if paragraph.start in skip:
            continue
        text = paragraph.text.rstrip("\"”'’)» ")
        if text and text[-1] not in FINAL_PUNCTUATION and len(text.split()) <= MAX_CAPTION_WORDS:
            captions.append(doc.span(paragraph.start, paragraph.end, CAPTION))
    return captions


@functools.cache
def _sentence_abbreviations() -> frozenset[str]:
    return frozenset(load_words("sentence_abbreviations.txt"))


def _joins_next(sentence: str, following: str) -> bool:
    """Whether underthesea split a sentence where it should not have."""
    last_word = sentence.rsplit(None, 1)[-1] if sentence.split() else ""
    if last_word in _sentence_abbreviations():
        return True
    if _ENUMERATION.search(sentence):
        return True  # "... sau: 1." ends in a list mark: the item follows
    return bool(following) and following[0].islower()


@functools.cache
def _punkt_abbreviations() -> frozenset[str] | None:
    """The abbreviations of underthesea's sentence tokenizer (loaded once), for `split_sentences`; None if a
    future underthesea moves its internals (then its public function is used)."""
    import importlib

    try:
        module = importlib.import_module("underthesea.pipeline.sent_tokenize")
        module._load_model()
        tokenizer = module.sentence_tokenizer
        abbreviations = frozenset(tokenizer.abbrev_types)
    except (ImportError, AttributeError, TypeError):
        return None
    if type(tokenizer).__name__ != "PunktSentenceTokenizer":
        return None
    return abbreviations


_SENTENCE_END = re.compile(r"[.?!]")


def split_sentences(text: str) -> list[str]:
    """underthesea's `sent_tokenize(text)`: the same rules, but the scan jumps from one `.`, `?` or `!` to the
    next instead of looking at every character in Python (that look was half of the sentence step's time).
    A test checks that both agree; if underthesea's internals move, its public function is used.
    """
    abbreviations = _punkt_abbreviations()
    if abbreviations is None:
        from underthesea import sent_tokenize

        return list(sent_tokenize(text))
    if not text or not text.strip():
        return []
    sentences: list[str] = []
    size = len(text)
    start = 0
    found = _SENTENCE_END.search(text)
    while found is not None:
        i = found.start()
        resume = i + 1
        if text[i] == ".":
            dots_end = i
            while dots_end < size and text[dots_end] == ".":
                dots_end += 1
            if dots_end - i >= 3:  # an ellipsis ends a sentence at the end or before a capital
                after = dots_end
                while after < size and text[after] in " \t":
                    after += 1
                if after >= size or text[after].isupper():
                    sentence = text[start:dots_end].strip()
                    if sentence:
                        sentences.append(sentence)
                    while dots_end < size and text[dots_end] in " \t\n\r":
                        dots_end += 1
                    start = dots_end
                found = _SENTENCE_END.search(text, dots_end)
                continue
        if _punkt_boundary(text, i, abbreviations):
            end = i + 1
            while end < size and text[end] in ".?!":
                end += 1
            sentence = text[start:end].strip()
            if sentence:
                sentences.append(sentence)
            while end < size and text[end] in " \t\n\r":
                end += 1
            start = resume = end
        found = _SENTENCE_END.search(text, resume)
    final = text[start:].strip()
    if final:
        sentences.append(final)
    return sentences


def _punkt_boundary(text: str, pos: int, abbreviations: frozenset[str]) -> bool:
    """Whether the `.?!` at `pos` ends a sentence for underthesea: not a `.` between digits or after an
    abbreviation (the word before it, with its own dots, in any case)."""
    if text[pos] != ".":
        return True
    if pos > 0 and text[pos - 1].isdigit() and pos + 1 < len(text) and text[pos + 1].isdigit():
        return False
    start = pos - 1
    while start >= 0 and (text[start].isalnum() or text[start] == "."):
        start -= 1
    word = text[start + 1:pos]
    return not (word and word.lower() in abbreviations)


def find_sentences(doc: Document, paragraphs: list[Span]) -> list[Span]:
    sentences: list[Span] = []
    for paragraph in paragraphs:
        pieces = [p for p in split_sentences(paragraph.text) if p.strip()]
        bounds: list[list[int]] = []
        cursor = 0
        for piece in pieces:
            piece = piece.strip()
            found = paragraph.text.find(piece, cursor)
            if found < 0:  # underthesea changed the text: keep the paragraph whole
                bounds = [[0, len(paragraph.text)]]
                doc.warnings.append(f"sentence split not aligned at {paragraph.start}; paragraph kept whole")
                break
            bounds.append([found, found + len(piece)])
            cursor = found + len(piece)
        if not bounds:
            continue
        bounds[0][0] = 0
        bounds[-1][1] = len(paragraph.text)
        merged = [bounds[0]]
        for start, end in bounds[1:]:
            previous = paragraph.text[merged[-1][0]:merged[-1][1]]
            if _joins_next(previous, paragraph.text[start:end]):
                merged[-1][1] = end
            else:
                merged.append([start, end])
        for start, end in merged:
            sentences.append(doc.span(paragraph.start + start, paragraph.start + end, SENTENCE))
    return sentences


@functools.cache
def fixed_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Government terms by first syllable, each as its syllables, longest first (for merging tokens)."""
    terms: dict[str, list[tuple[str, ...]]] = {}
    for term in load_words("fixed_words.txt"):
        syllables = tuple(term.split())
        terms.setdefault(syllables[0], []).append(syllables)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in terms.items()}


def align_tokens(text: str, tokens: list[str], offset: int = 0) -> list[tuple[int, int]]:
    """Character offsets of each token in `text`; raises ValueError if a token is not found in order.

    underthesea joins a word's syllables with one space; in the text they may be separated by any
    white space. A word that straddles a line break is cut there: a paragraph ends a word.

    >>> align_tokens("Đồng chí Lương Tiến Thành chủ trì", ["Đồng chí", "Lương Tiến Thành", "chủ trì"])
    [(0, 8), (9, 25), (26, 33)]
    >>> align_tokens("họp\\nthường kỳ", ["họp thường", "kỳ"])
    [(0, 3), (4, 10), (11, 13)]
    """
    spans = []
    cursor = 0
    for token in tokens:
        start = None
        for syllable in token.split(" "):
            found = text.find(syllable, cursor)
            if found < 0 or text[cursor:found].strip():
                raise ValueError(f"token {token!r} not found at {offset + cursor}")
            if start is None:
                start = found
            elif "\n" in text[cursor:found]:
                spans.append((offset + start, offset + cursor))
                start = found
            cursor = found + len(syllable)
        if start is not None:
            spans.append((offset + start, offset + cursor))
    return spans


def merge_fixed_words(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join consecutive tokens that spell a term of fixed_words.txt (`Phó` + `Chủ tịch` → `Phó Chủ tịch`).

    Done after segmentation rather than through underthesea's `fixed_words` option, which rebuilds
    its whole tokenizer regex on every call. Tokens that join spell the term with single spaces, so only
    tokens where a term stands in the text (one Aho-Corasick pass) are tried: a look at every token's
    first syllable was three quarters of this step's time.
    """
    terms = fixed_words()
    automaton = _fixed_word_automaton()
    if automaton is None:
        return list(bounds)
    term_starts = sorted({end + 1 - length for end, length in automaton.iter(text)})
    token_starts = [start for start, _ in bounds]
    merged: list[tuple[int, int]] = []
    copied = 0  # bounds[:copied] are in `merged`
    for term_start in term_starts:
        i = bisect.bisect_left(token_starts, term_start)
        if i < copied or i == len(bounds) or token_starts[i] != term_start:
            continue  # inside a term joined before, or not where a token begins
        start, end = bounds[i]
        joined = _fixed_word_end(text, bounds, i, terms.get(text[start:end].split(" ", 1)[0], ()))
        if joined > i:
            merged.extend(bounds[copied:i])
            merged.append((start, bounds[joined][1]))
            copied = joined + 1
    merged.extend(bounds[copied:])
    return merged


def _fixed_word_end(text: str, bounds: list[tuple[int, int]], i: int, candidates: tuple[tuple[str, ...], ...]
                    ) -> int:
    """The index of the last token of the longest candidate term that bounds[i:] spell, one space apart; i if none."""
    start = bounds[i][0]
    for syllables in candidates:
        j, cursor, k = i, start, 0
        while j < len(bounds) and k < len(syllables):
            pieces = text[bounds[j][0]:bounds[j][1]].split(" ")
            if tuple(pieces) != syllables[k:k + len(pieces)] or (j > i and text[cursor:bounds[j][0]] != " "):
                break
            k += len(pieces)
            cursor = bounds[j][1]
            j += 1
        if k == len(syllables) and j - 1 > i:
            return j - 1
    return i


@functools.cache
def _fixed_word_automaton() -> Any:
    """Aho-Corasick automaton of the fixed_words.txt terms as written (value: the term's length); None if empty."""
    spelled = {" ".join(syllables) for group in fixed_words().values() for syllables in group}
    return build_automaton((term, len(term)) for term in spelled) if spelled else None


@functools.cache
def _crf_segmenter() -> tuple[Any, re.Pattern[str]] | None:
    """underthesea's CRF word-segmentation model and its regex pre-tokenizer, loaded once per process; None if a
    future underthesea moves its internals (then its public function is used).

    The pre-tokenizer is underthesea's pattern as group 1 after `\\s*`: none of its alternatives begins with
    white space or matches nothing, so the pre-tokens (group 1) are the very same, and the engine steps over the
    spaces between words at once instead of trying each of its dozens of alternatives there and failing (40%
    of the pattern's time). A test checks both patterns agree."""
    from underthesea import word_tokenize

    try:
        import underthesea.pipeline.word_tokenize as module
        from underthesea.pipeline.word_tokenize.regex_tokenize import regex_patterns_combine

        word_tokenize("khởi động")  # loads the CRF model into the module
        model = module.word_tokenize_model
        pretokens = re.compile(r"\s*" + regex_patterns_combine, re.VERBOSE | re.UNICODE)
    except (ImportError, AttributeError):
        return None
    if model is None or not hasattr(model, "predict"):
        return None
    return model, pretokens


@functools.cache
def word_segmenter() -> Callable[[str], list[str]]:
    """underthesea's word segmentation as a function of normalized text, loaded once per process.

    The same regex pre-tokenizer and CRF model as `underthesea.word_tokenize`, called directly:
    the public function re-normalizes characters (our text already is) and looks up each
    pre-token's regex group in Python, about 1 ms of an 18 ms article. Falls back to the public
    function if a future underthesea moves its internals; tests check both agree.
    """
    crf = _crf_segmenter()
    if crf is None:
        from underthesea import word_tokenize

        return lambda text: word_tokenize(text, use_token_normalize=False)
    return lambda text: [" ".join(m.group(1) for m in word) for word in _crf_words(text, *crf)]


@functools.cache
def word_bounds() -> Callable[[str], list[tuple[int, int]]]:
    """Word offsets in normalized text: the pre-tokens' own offsets, joined as the CRF tags them (no search for
    the words in the text again), or `word_segmenter`'s words aligned with the text."""
    crf = _crf_segmenter()
    if crf is None:
        segmenter = word_segmenter()
        return lambda text: align_tokens(text, segmenter(text))
    return lambda text: _crf_bounds(text, *crf)


def _crf_words(text: str, model: Any, pretokens: re.Pattern[str]) -> list[list[re.Match[str]]]:
    """The pre-tokens (group 1 of `pretokens`) of each word: joined while the CRF tags `I-W`."""
    matches = list(pretokens.finditer(text))
    words: list[list[re.Match[str]]] = []
    for tag, match in zip(model.predict([[m.group(1)] for m in matches]), matches, strict=True):
        if tag == "I-W" and words:
            words[-1].append(match)
        else:
            words.append([match])
    return words


def _crf_bounds(text: str, model: Any, pretokens: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of each word of `_crf_words`, from its pre-tokens' own offsets; a line break ends a word, as a
    paragraph does."""
    bounds: list[tuple[int, int]] = []
    for word in _crf_words(text, model, pretokens):
        start, end = word[0].span(1)
        for match in word[1:]:
            if text.find("\n", end, match.start(1)) >= 0:
                bounds.append((start, end))
                start = match.start(1)
            end = match.end(1)
        bounds.append((start, end))
    return bounds


def find_tokens(doc: Document) -> list[Span]:
    """Word tokens of the whole text, one segmentation call per article (calls have a fixed cost)."""
    text = doc.text
    try:
        bounds = word_bounds()(text)
    except ValueError as exc:
        doc.warnings.append(f"word segmentation not aligned ({exc}); syllable tokens used")
        bounds = [(m.start(), m.end()) for m in _SYLLABLE_TOKEN.finditer(text)]
    # bounds come from find() in this very text: no need for doc.span's checks
    return [Span(start, end, TOKEN, text[start:end], _NO_VALUE) for start, end in merge_fixed_words(text, bounds)]


_NO_VALUE: Mapping[str, Any] = MappingProxyType({})  # one shared empty value for the many token spans


def segment(doc: Document) -> Document:
    """Stage: PARAGRAPH, TITLE, BYLINE, CAPTION, SENTENCE and TOKEN spans."""
    paragraphs = find_paragraphs(doc)
    title = find_title(doc, paragraphs)
    byline = find_byline(doc, paragraphs, title)
    skip = {s.start for s in byline} | ({title.start} if title else set())
    doc.set(PARAGRAPH, paragraphs)
    doc.set(TITLE, [title] if title else [])
    doc.set(BYLINE, byline)
    doc.set(CAPTION, find_captions(doc, paragraphs, skip))
    doc.set(SENTENCE, find_sentences(doc, paragraphs))
    doc.set(TOKEN, find_tokens(doc))
    return doc
