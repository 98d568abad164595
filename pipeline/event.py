"""Stage: DATE spans (every date in the text) and the EVENT span (what the article reports).

Dates are read the way local portals write them: `Chiều ngày 20/6/2022`, `Sáng 2/6`, `ngày 15-7`,
`trưa nay (10/10)`, `ngày 5 tháng 3 năm 2024`, `từ ngày 6 đến 8/12/2023`, `từ 28/11 đến 2/12/2024`,
`trong các ngày 14, 15/3`, `Sáng thứ Hai (20/6)`, `2024-03-15T08:30`. A day and month without a year is
a date only after a cue (`ngày`, a part of the day, a weekday, `nay (`) or with a year, so `10/12 xã`
is not one. Each date gets a role from the words before it (`date_contexts.tsv`): `deadline` (`trước
ngày`), `cutoff` (`đến ngày 30/4 đã ...`), `since` (but `từ sáng sớm 23/5` is when the event starts),
`document` (`Quyết định số 12/QĐ-UBND ngày 3/1/2020`), `aside` (in brackets: `(19/8/1945 - 19/8/2024)`),
`dateline` (a line that is only a date, or a place and a date; a date in brackets closing the title)
or `event`.

The event's date is the first `event` date of the lead paragraph, one that opens a clause first
(`Sau trận mưa đêm 9/6, sáng 10/6, ...`); an unresolved `Chiều nay` gives way to the title's date;
else the first sentence that opens with a date; else the title's; else a date with a time of day in
the opening paragraphs. Without a year in the text the year comes from the publication date
(`doc.hints["date"]`, a dateline), then the file path or the page's URL (`.../2022/06/...`,
`x-2022-06-20.txt`, `...-20240315101530.htm`), then the years the text names most (a year reviewed
early in the next, `tổng kết năm 2023` in January, is the next), then a plan it cites dated in the
months before; each answer says where its year came from (`year_source`).

The EVENT span covers the sentence that reports the event; its value is the record of
`event_record`: date, time of day, type (`event_types.tsv`), online or not, organiser, chair.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from .directives import PhraseIndex, shared_scan
from .document import BYLINE, CAPTION, DATE, EVENT, OFFICIAL, PARAGRAPH, POSITION, TITLE, Document, Span
from .tables import build_automaton, load_table

DATELINE_MAX_CHARS = 80
LEAD_CHARS = 1500  # "Sáng nay, ..." without a date names the event's day only in the lead
DATELINE_MAX_WORDS = 4  # "Thứ Hai, 20/06/2022 08:30 (GMT+7)": what a line may hold besides the date
ORGANISER_MAX_WORDS = 25
OPENING_PARAGRAPHS = 3  # without a dated lead, a date with a time of day this early still dates the event
DOCUMENT_LAG_DAYS = 92  # "Thực hiện Kế hoạch ... ngày 2/3/2024, ngày 15/3 ...": an event follows its plan soon
ANNOUNCEMENT_LEAD_DAYS = 14  # an event announced ahead ("ngày 2/1, ... sẽ khai mạc") is at most this far off
PUBLICATION_LAG_DAYS = 31  # an event is reported at most this long before its publication date

_SINGLE_DATES = r"""
       # days of one month: "6 đến 8/12/2023", "14 - 15/3", "14, 15 và 16/3" (the first and the last)
       (?P<day>[0-3]?\d)(?:\s*,\s*[0-3]?\d)*\s*(?:-|–|,|và|đến(?:\s+ngày)?)\s*(?P<day_to>[0-3]?\d)\s*/\s*
           (?P<month>[01]?\d)(?:\s*/\s*(?P<year>\d{4}))?
       # ... with the month after a hyphen: "14 và 15-6-2020", "(20 và 21-5)" (not "14-15-6": no such writing)
     | (?P<day>[0-3]?\d)(?:\s*,\s*[0-3]?\d)*\s*(?:,|và)\s*(?P<day_to>[0-3]?\d)\s*-\s*
           (?P<month>[01]?\d)(?:\s*-\s*(?P<year>\d{4}))?
     | (?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)  # ISO: "2024-03-15T08:30"
     | (?P<day>[0-3]?\d)\s*/\s*(?P<month>[01]?\d)(?:\s*/\s*(?P<year>\d{4}))?
     | (?P<day>[0-3]?\d)\s*-\s*(?P<month>[01]?\d)(?:\s*-\s*(?P<year>\d{4}))?
     | (?P<day>[0-3]?\d)\.(?P<month>[01]?\d)(?:\.(?P<year>\d{4}))?  # "20.6.2022"; "Sáng 20.6" (cued)
     | (?P<day>[0-3]?\d)(?:\s*(?:-|–|,|và|đến(?:\s+ngày)?)\s*(?P<day_to>[0-3]?\d))?
           \s+tháng\s+(?P<month>[01]?\d)(?:\s*,?\s*năm\s+(?P<year>\d{4}))?  # "ngày 10 đến ngày 12 tháng 12"
"""
# the look-ahead first, ten times faster over a whole article: a day and what may follow it, or an ISO year
_DATE_START = r"(?=\d)(?=[0-3]?\d(?:\s*[-/.–,]|\s+(?:tháng|và|đến)\s)|(?:19|20)\d\d-)(?<![\w/.,-])"
_DATE_END = r"(?:(?=T\d)|(?![\w/]|[.,]\d))"  # "T08:30" after an ISO date
_DATE_CORE = regex.compile(
    rf"""{_DATE_START}
    (?:
       # a span over two months: "từ ngày 28/11 đến ngày 2/12/2024", "28/11 - 2/12/2024"
       (?P<day>[0-3]?\d)\s*/\s*(?P<month>[01]?\d)(?:\s*/\s*(?P<year_from>\d{{4}}))?
           \s*(?:-|–|đến(?:\s+hết)?(?:\s+ngày)?)\s*
           (?P<day_to>[0-3]?\d)\s*/\s*(?P<month_to>[01]?\d)(?:\s*/\s*(?P<year>\d{{4}}))?{_DATE_END}
     | {_SINGLE_DATES}
    ){_DATE_END}""",
    regex.VERBOSE | regex.IGNORECASE,
)
# the same without spans over two months: where such a span is not one ("(27/7/1947 - 27/7/2024)")
_SINGLE_DATE = regex.compile(rf"{_DATE_START}(?:{_SINGLE_DATES}){_DATE_END}", regex.VERBOSE | regex.IGNORECASE)
RANGE_MAX_DAYS = 92  # "từ 28/11 đến 2/12": an event lasts days or weeks, not years
_YEAR_MENTION = regex.compile(  # "năm 2024", "tháng 5/2024", "quý II/2024", "5/2024" (not a range "2021-2026")
    r"(?<![\w/.,-])(?:năm|tháng\s+\d{1,2}\s*/|quý\s+[IV\d]+\s*/|\d{1,2}/)\s*((?:19|20)\d{2})(?![\d-])",
    regex.IGNORECASE)
# an anniversary and its span: "kỷ niệm 60 năm thành lập (1964 - 2024)", "15 năm tái lập huyện (2/9/2008-2/9/2023)";
# when the span's length is the anniversary's, its last year is the year of the ceremony
_ANNIVERSARY = regex.compile(
    r"(?<!\w)kỷ niệm\s+(?P<years>\d{1,3})\s+năm[^()\n]{0,120}?\(\s*(?:[0-3]?\d\s*/\s*[01]?\d\s*/\s*)?"
    r"(?P<first>(?:19|20)\d{2})\s*[-–]\s*(?:[0-3]?\d\s*/\s*[01]?\d\s*/\s*)?(?P<last>(?:19|20)\d{2})\s*\)",
    regex.IGNORECASE)
# a header with the publication month only, at a line's start: "date 2025-08" (not a full date, not "2021-2026")
_DATE_HEADER = regex.compile(r"[ \t]*date[ \t]+$")  # a page's "date 2025-08-15" header before a full date
_MONTH_STAMP = regex.compile(r"(?m)^[ \t]*date[ \t]+((?:19|20)\d{2})-(0[1-9]|1[0-2])(?![\d-])")
_PATH_DATE = regex.compile(r"(?<!\d)((?:19|20)\d{2})[-_/.]?(0[1-9]|1[0-2])(?:[-_/.]?(0[1-9]|[12]\d|3[01]))?(?!\d)")
# a time stamp in a page's address: "...-20240315101530123.htm" (year, month, day, then hour and minute)
_URL_STAMP = regex.compile(
    r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d\d{0,5}(?!\d)")
# a whole year looked back on: "tổng kết công tác năm 2023", "kết quả thực hiện nhiệm vụ năm 2023"
_REVIEW = regex.compile(
    r"(?<!\w)(?:tổng kết|kết quả|nhìn lại)(?!\w)(?:(?!tháng|quý|đầu)[^.;:\n]){0,60}?(?<!\w)năm\s+"
    r"(?P<year>(?:19|20)\d{2})(?![\d/-])",  # not "kết quả quý I năm 2024", "6 tháng đầu năm 2024"
    regex.IGNORECASE)
REVIEW_MONTHS = 3  # a year is reviewed in its last weeks or the first months of the next
SCHOOL_YEAR_START = 8  # a school year opens in September (teachers and pupils gather from mid-August)
PLAN_REACH = 120  # how far before a year its plan word may stand: "chỉ tiêu kế hoạch phát triển ... năm 2020"
_URL = regex.compile(r"https?://[^\s()<>\"']+")
_PATH_YEAR = regex.compile(r"(?:^|[/\\])((?:19|20)\d{2})(?:[/\\]|$)")
_CLOCK = regex.compile(r"(?<![\w/])([01]?\d|2[0-3])\s*(?:giờ|h|g)\s*([0-5]\d)?(?:\s*phút)?(?!\w)", regex.IGNORECASE)
_WORD = regex.compile(r"\w+")
# compiled once here rather than looked up in the regex module's cache at each call
_ISO_DATE = regex.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")
_BY = regex.compile(r"(?<!\w)do\s+")  # "do X tổ chức": X organises
_BY_ONE = regex.compile(r"(?<!\w)do\s")
_TENSE_TAIL = regex.compile(r"(?:\s+(?:đã|vừa|cũng|long trọng|chính thức|sẽ))+\s*$")
_PAREN_TAIL = regex.compile(r"\s*\([^()]*\)\s*$")
# "Thành phố Hồ Chí Minh, ngày 15/3/2024": a place, then the date, alone on a line
_PLACE_DATELINE = regex.compile(r"\s*\p{Lu}[\w.]*(?:\s+[\w.]+){0,5}\s*,\s*(?:ngày\s+)?$")
_TITLE_STAMP_END = regex.compile(r"[^()]*\)[\s.]*$")  # from the date: its closing bracket ends the title


def _words_pattern(phrases: list[str]) -> str:
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in unique)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class EventData:
    """Compiled rule data of the event tables."""

    cue: regex.Pattern[str]  # the words before a date: part of the day, relative day, weekday, "ngày", "("
    relative_only: regex.Pattern[str]  # "Sáng nay, ..." with no date after it
    part_of_day: dict[str, str]
    relative_offset: dict[str, int]
    roles: regex.Pattern[str]
    role_of: dict[str, str]
    document: regex.Pattern[str]
    types: regex.Pattern[str]
    type_of: dict[str, str]
    online: regex.Pattern[str]
    organise: regex.Pattern[str]
    co_organise: regex.Pattern[str]
    venue: regex.Pattern[str]  # "tại Trung tâm Hội nghị tỉnh": up to the next comma
    adverbial: regex.Pattern[str]
    people_words: regex.Pattern[str]  # chủ trì, đồng chủ trì, dẫn đầu, làm trưởng đoàn
    people_role: dict[str, str]
    honorific_name: regex.Pattern[str]
    name_before: regex.Pattern[str]
    list_name: regex.Pattern[str]
    other_year: regex.Pattern[str]  # the words before a date or `năm 2017` that make it of another time
    other_year_mention: regex.Pattern[str]  # ... before `năm 2017` only: `từ năm 2015`, `đến năm 2030`
    # a year named otherwise than `năm 2024`: a season (`xuân Ất Tỵ 2025`, `Tết Nguyên đán 2024`), or the first
    # year of a term whose first session this is (`kỳ họp thứ nhất HĐND xã, nhiệm kỳ 2021 - 2026`)
    named_year: regex.Pattern[str] | None = None
    plan: regex.Pattern[str] | None = None  # a plan's words before a year: "phương hướng, nhiệm vụ năm 2020"
    school_year: regex.Pattern[str] | None = None  # "năm học 2024-2025"
    # the phrase patterns above, tried only where their phrases begin (see directives.PhraseIndex)
    relative_index: PhraseIndex | None = None
    people_index: PhraseIndex | None = None
    cue_words: Any = None  # Aho-Corasick automaton of the first words that may open a cue


@functools.cache
def load_event_data() -> EventData:
    tod_rows = load_table("time_of_day.tsv", ("word", "part"))
    day_rows = load_table("day_words.tsv", ("word", "kind", "offset?"))
    context_rows = load_table("date_contexts.tsv", ("phrase", "role"))
    type_rows = load_table("event_types.tsv", ("surface", "type"))
    word_rows = load_table("event_words.tsv", ("word", "role"))
    person_rows = load_table("directive_words.tsv", ("word", "role"))

    def words(rows: tuple[dict[str, str], ...], column: str, role: str) -> list[str]:
        return [r["word"] for r in rows if r[column] == role]

    tod = _words_pattern([r["word"] for r in tod_rows])
    weekday = _words_pattern(words(day_rows, "kind", "weekday"))
    relative = {_key(r["word"]): int(r["offset"] or 0) for r in day_rows if r["kind"] == "relative"}
    after_part = _words_pattern([w for w in relative if len(w.split()) == 1])
    alone = _words_pattern([w for w in relative if len(w.split()) > 1])
    day_ref = (rf"(?:(?<!\w)(?P<part>{tod})(?:\s+(?P<rel>{after_part}))?(?!\w)"
               rf"|(?<!\w)(?P<rel2>{alone})(?!\w))")
    cue = regex.compile(
        rf"(?:{day_ref})?\s*,?\s*(?:(?<!\w)(?P<weekday>{weekday})(?!\w))?\s*,?\s*"
        rf"(?:(?<!\w)(?P<ngay>ngày)(?!\w))?\s*(?P<paren>\()?\s*$", regex.IGNORECASE)
    relative_only = regex.compile(rf"{day_ref}(?!\s*,?\s*(?:ngày\s*)?\(?\s*\d)", regex.IGNORECASE)
    role_of = {_key(r["phrase"]): r["role"] for r in context_rows}
    roles = regex.compile(rf"(?<!\w)({_words_pattern(list(role_of))})\s*$", regex.IGNORECASE)
    documents = _words_pattern(words(word_rows, "role", "document"))
    document = regex.compile(
        rf"(?:(?<!\w)(?:{documents})(?:\s+số)?\s*[\w/.-]*\d[\w/.-]*|(?<!\w)số\s+\d[\w/.-]*)"
        rf"(?:\s+(?:của|do)\s+[^.;]{{1,80}}?)?\s*$", regex.IGNORECASE)
    type_of = {_key(r["surface"]): r["type"] for r in type_rows}
    people_role = {_key(w): role for role in ("chair", "co_chair", "leader") for w in words(word_rows, "role", role)}
    titles = _words_pattern(words(person_rows, "role", "title") + words(person_rows, "role", "organisation"))
    pronouns = _words_pattern(words(person_rows, "role", "pronoun"))
    name = r"\p{Lu}[\p{Ll}\p{M}]*(?:['’]\p{Lu}?[\p{Ll}\p{M}]*)?"
    person = rf"(?!(?:{titles})(?!\w))({name}(?:\s+{name}){{1,4}})"
    types = regex.compile(rf"(?<!\w)(?:{_words_pattern(list(type_of))})(?!\w)", regex.IGNORECASE)
    people_words = regex.compile(rf"(?<!\w)(?:{_words_pattern(list(people_role))})(?!\w)", regex.IGNORECASE)
    day_phrases = [r["word"] for r in tod_rows] + [w for w in relative if len(w.split()) > 1]
    scan = shared_scan()  # the directives stage has read the same article with it
    other_year = words(word_rows, "role", "other_year")
    return EventData(
        cue=cue,
        relative_only=relative_only,
        part_of_day={_key(r["word"]): r["part"] for r in tod_rows},
        relative_offset=relative,
        roles=roles,
        role_of=role_of,
        document=document,
        types=types,
        type_of=type_of,
        online=regex.compile(rf"(?<!\w)(?:{_words_pattern(words(word_rows, 'role', 'online'))})(?!\w)",
                             regex.IGNORECASE),
        organise=regex.compile(rf"(?<!\w)(?:{_words_pattern(words(word_rows, 'role', 'organise'))})(?!\w)"),
        co_organise=regex.compile(rf"\s+(?:{_words_pattern(words(word_rows, 'role', 'co_organise'))})(?!\w)"),
        venue=regex.compile(rf"(?<!\w)(?:{_words_pattern(words(word_rows, 'role', 'venue'))})\s[^,;.]*",
                            regex.IGNORECASE),
        adverbial=regex.compile(rf"\s*(?:{_words_pattern(words(word_rows, 'role', 'adverbial'))})(?!\w)",
                                regex.IGNORECASE),
        people_words=people_words,
        people_role=people_role,
        honorific_name=regex.compile(rf"(?<!\w)(?i:{pronouns})\s+{person}"),
        name_before=regex.compile(rf"(?<![\w-])(?:(?i:{pronouns})\s+)?{person}\s*(?:[-–,]\s*)?$"),
        list_name=regex.compile(rf"(?:^|[:;]\s*|(?<!\w)(?i:{pronouns})\s+){person}"),
        other_year=regex.compile(rf"(?<!\w)(?:{_words_pattern(other_year)})(?:\s+(?:khoảng|từ|đến))?\s+$",
                                 regex.IGNORECASE),
        other_year_mention=regex.compile(
            rf"(?<!\w)(?:{_words_pattern(other_year + words(word_rows, 'role', 'other_year_mention'))})"
            r"(?:\s+(?:khoảng|từ|đến))?\s+$", regex.IGNORECASE),
        named_year=regex.compile(
            rf"(?<!\w)(?:(?:{_words_pattern(words(word_rows, 'role', 'season'))})"
            rf"(?:\s+(?:{_words_pattern(words(word_rows, 'role', 'stem'))})"
            rf"\s+(?:{_words_pattern(words(word_rows, 'role', 'branch'))}))?\s+(?P<year>(?:19|20)\d{{2}})(?![\d-])"
            rf"|(?:{_words_pattern(words(word_rows, 'role', 'term_start'))})(?!\w)[^.\n]{{0,120}}?nhiệm\s+kỳ\s+"
            r"(?P<year>(?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2})", regex.IGNORECASE),
        plan=regex.compile(rf"(?<!\w)(?:{_words_pattern(words(word_rows, 'role', 'plan'))})(?!\w)[^.;\n]*$",
                           regex.IGNORECASE),
        school_year=regex.compile(
            rf"(?<!\w)(?:{_words_pattern(words(word_rows, 'role', 'school_year'))})(?:\s+mới)?\s+"
            r"(?P<first>(?:19|20)\d{2})\s*[-–]\s*(?P<last>(?:19|20)\d{2})(?!\d)", regex.IGNORECASE),
        relative_index=PhraseIndex(relative_only, day_phrases, scan),
        people_index=PhraseIndex(people_words, list(people_role), scan),
        cue_words=_first_words([*day_phrases, *words(day_rows, "kind", "weekday"), "ngày"]),
    )


def _first_words(phrases: list[str]) -> Any:
    """An Aho-Corasick automaton of the phrases' first words, case-folded."""
    return build_automaton((word, len(word)) for word in (phrase.split()[0].casefold() for phrase in phrases))


# The spaces, commas and brackets between the words of a cue (`re`'s `\s` holds all of `regex`'s).
_CUE_GAPS = re.compile(r"[\s,(]+")


def search_cue(data: EventData, before: str) -> regex.Match[str] | None:
    """`data.cue.search(before)`: the cue that ends the text before a date (`Chiều ngày `, `Sáng thứ Hai (`).

    The cue pattern is anchored at the end and all of it is optional, so its search tries every position of
    the text (eighty characters) in turn. A match covers the text from where it begins to the end, with the
    cue's words and the gaps between them: it begins at one of its words, at the end, or in a gap that leads
    to one of those. Those places alone are tried, in order: the first that matches is the search's match."""
    folded = before.casefold()
    if data.cue_words is None or len(folded) != len(before):
        return data.cue.search(before)
    leads = {end + 1 - length for end, length in data.cue_words.iter(folded)}
    leads.add(len(before))
    starts = set(leads)
    for gap in _CUE_GAPS.finditer(before):
        if gap.end() in leads:
            starts.update(range(gap.start(), gap.end()))
    for start in sorted(starts):
        match = data.cue.match(before, start)
        if match is not None:
            return match
    return None


# ---------------------------------------------------------------------------------------------
# Dates


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        datetime.date(year or 2024, month, day)  # 2024: a leap year, so 29/2 stands without a year
    except ValueError:
        return False
    return True


def publication_date(doc: Document, datelines: list[Span]) -> tuple[datetime.date, str] | None:
    """The publication date from the input's metadata or a dateline, with its source."""
    hinted = str(doc.hints.get("date") or "")
    match = _ISO_DATE.match(hinted)
    if match and _valid(int(match[1]), int(match[2]), int(match[3])):
        return datetime.date(int(match[1]), int(match[2]), int(match[3])), "publication"
    for span in datelines:
        iso = span.value.get("date")
        if iso:
            return datetime.date.fromisoformat(iso), "dateline"
    return None


def _addresses(doc: Document) -> Iterator[str]:
    """Where the article was found: its file path and id, then its page's URL (given with the input, or
    written in the text: `Nguồn: https://...`)."""
    yield doc.source.path or ""
    yield doc.doc_id or ""
    yield str(doc.hints.get("url") or "")
    yield doc.source.url or ""
    if "http" in doc.text:
        yield from (m.group() for m in _URL.finditer(doc.text))


def path_date(doc: Document) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) from the file path, id or URL, when it carries a date (`2022/06/`, `x-2022-06-20`,
    `...-20240315101530.htm`)."""
    for where in _addresses(doc):
        if not where:
            continue
        found = list(_PATH_DATE.finditer(where)) or list(_URL_STAMP.finditer(where))
        if found:
            last = found[-1]
            return int(last[1]), int(last[2]), int(last[3]) if last[3] else None
        year = _PATH_YEAR.search(where)
        if year:
            return int(year[1]), None, None
    return None


def text_year(doc: Document, dated: list[Span], regions: list[tuple[int, int]] | None = None) -> int | None:
    """The year the title and lead name most (`regions`; the whole text when None): in full dates first, else
    in `năm 2024`, `tháng 5/2024`, `quý II/2024`, else in dates in brackets; a tie goes to the latest year.
    A year of another time (`thành lập năm 1925`, `đến năm 2030`) is not counted."""
    found = _text_year(doc, dated, regions)
    return found[0] if found else None


def _text_year(doc: Document, dated: list[Span], regions: list[tuple[int, int]] | None = None,
               *, attached: bool = False) -> tuple[int, str] | None:
    """`text_year`, and what named it: `dates`, `mentions` or `asides`; with `attached`, only the years that
    qualify a word (`6 tháng cuối năm 2024`), not those that open a clause (`Năm 2017, xã đạt chuẩn ...`)."""
    regions = regions if regions is not None else [(0, len(doc.text))]
    inside = [s for s in dated if any(a <= s.start < b for a, b in regions)
              and not _other_year(doc.text, 0, s.start, date=True)]
    years = Counter(int(s.value["year"]) for s in inside
                    if s.value.get("year") and s.value["role"] not in ("document", "aside"))
    kind = "dates"
    if not years:
        years, kind = Counter(int(m[1]) for a, b in regions for m in _YEAR_MENTION.finditer(doc.text, a, b)
                              if not _other_year(doc.text, a, m.start())
                              and not (attached and _opens_clause_at(doc.text, m.start()))), "mentions"
        data = load_event_data()
        if data.named_year is not None:
            years.update(int(m["year"]) for a, b in regions for m in data.named_year.finditer(doc.text, a, b)
                         if not (attached and _opens_clause_at(doc.text, m.start())))
        if "niệm" in doc.text:
            years.update(int(m["last"]) for a, b in regions for m in _ANNIVERSARY.finditer(doc.text, a, b)
                         if int(m["last"]) - int(m["first"]) == int(m["years"]))
    if not years:  # last, the years of remarks in brackets: "(19/8/1945 - 19/8/2024)"
        years = Counter(int(s.value["year"]) for s in inside if s.value.get("year") and s.value["role"] == "aside")
        kind = "asides"
    if not years:
        return None
    top = max(years.values())
    return max(year for year, count in years.items() if count == top), kind  # ties: the latest (news is recent)


def _opens_clause_at(text: str, at: int) -> bool:
    """Whether `at` starts a sentence or a clause: nothing but a line break or a mark before it."""
    before = text[max(0, at - 3):at].rstrip(" ")
    return not before or before[-1] in "\n,.;:-–"


def _other_year(text: str, start: int, mention: int, *, date: bool = False) -> bool:
    """Whether the words right before a year's mention (or a date's, `date`) make it a year of another time
    than the article's: `thành lập năm 1925`, `từ năm 2015`, `đến năm 2030` (event_words.tsv `other_year`)."""
    data = load_event_data()
    pattern = data.other_year if date else data.other_year_mention
    return pattern.search(text, max(start, mention - 40), mention) is not None


def reviewed_year(doc: Document, year: int) -> bool:
    """Whether the text looks back on `year` as a whole (`tổng kết công tác năm 2023`) and names no later
    year: a meeting early in a year that reviews a year is held in the year after it."""
    return bool(_REVIEW.search(doc.text)) and any(
        int(m["year"]) == year for m in _REVIEW.finditer(doc.text)) and not any(
        int(m[1]) > year for m in _YEAR_MENTION.finditer(doc.text))


def _school_year(doc: Document, month: int) -> tuple[int, str] | None:
    """The year a school year gives a day/month (`năm học 2024-2025`: from August in 2024, before it in 2025);
    a text that names two school years gives none."""
    data = load_event_data()
    found = {(int(m["first"]), int(m["last"])) for m in data.school_year.finditer(doc.text)
             if int(m["last"]) == int(m["first"]) + 1} if data.school_year is not None else set()
    if len(found) != 1:
        return None
    first, last = found.pop()
    return (first if month >= SCHOOL_YEAR_START else last), "mentions"


def planned_year(doc: Document, year: int) -> bool:
    """Whether the text names `year` only as a plan's (`phương hướng, nhiệm vụ năm 2020`, event_words.tsv `plan`)
    and also names the year before it: a meeting late in a year that reviews it and plans the next."""
    data = load_event_data()
    if data.plan is None:
        return False
    mentions = list(_YEAR_MENTION.finditer(doc.text))  # "đến tháng 9/2019" counts here: the year reviewed
    named = [m for m in mentions if int(m[1]) == year and not _other_year(doc.text, 0, m.start())]
    return bool(named) and any(int(m[1]) == year - 1 for m in mentions) and all(
        data.plan.search(doc.text, max(0, m.start() - PLAN_REACH), m.start()) for m in named)


def _relative(anchor: datetime.date, offset: int) -> datetime.date:
    return anchor + datetime.timedelta(days=offset)


def _in_year(anchor: datetime.date, month: int, day: int) -> int:
    """The year that puts day/month at or before the anchor (a publication date), give or take a month; or
    just after it, for an event announced at the turn of a year (`ngày 2/1` published on 28 December)."""
    year = anchor.year
    if _valid(year, month, day) and datetime.date(year, month, day) > anchor + datetime.timedelta(
            days=PUBLICATION_LAG_DAYS):
        year -= 1
    elif _valid(year + 1, month, day) and datetime.date(year + 1, month, day) <= anchor + datetime.timedelta(
            days=ANNOUNCEMENT_LEAD_DAYS):
        year += 1
    return year


def _days_before(anchor: datetime.date, month: int, day: int) -> int:
    """How far day/month, in the year `_in_year` gives it, lies from the anchor (a year when it cannot)."""
    year = _in_year(anchor, month, day)
    return abs((anchor - datetime.date(year, month, day)).days) if _valid(year, month, day) else 366


@dataclass
class _DateContext:
    doc: Document
    dated: list[Span]
    publication: tuple[datetime.date, str] | None
    path: tuple[int, int | None, int | None] | None

    datelines: list[datetime.date] = field(default_factory=list)  # every dated stamp: a page may show two
    lead: list[tuple[int, int]] | None = None  # the title and the lead paragraph: where a year may be taken
    opening: list[tuple[int, int]] | None = None  # the opening paragraphs: a date's own there lends its year too
    _years: dict[tuple[tuple[int, int], ...], tuple[int, str] | None] = field(default_factory=dict)

    def text_year(self, at: int) -> tuple[int, str] | None:  # read only when a date lacks its year
        """The year the title and lead name, with the paragraph of the date at `at` when it opens the article."""
        own = next(((a, b) for a, b in self.opening or [] if a <= at < b), None)
        regions = tuple(self.lead or []) + ((own,) if own is not None and own not in (self.lead or []) else ())
        if regions not in self._years:
            found = _text_year(self.doc, self.dated, list(regions) if self.lead is not None else None)
            if found is None and self.lead is not None:  # a lead without a year: the years the whole text names
                found = _text_year(self.doc, self.dated, attached=True)
            self._years[regions] = found
        return self._years[regions]

    @functools.cached_property
    def month_stamp(self) -> datetime.date | None:
        """The last day of the publication month a header gives (`date 2025-08`)."""
        stamp = _MONTH_STAMP.search(self.doc.text) if "date" in self.doc.text else None
        if stamp is None:
            return None
        year, month = int(stamp[1]), int(stamp[2])
        return datetime.date(year, month, calendar.monthrange(year, month)[1])

    @functools.cached_property
    def documents(self) -> list[datetime.date]:
        """The dates of the documents the text cites (`Kế hoạch số 45/KH-UBND ngày 2/3/2024`)."""
        return [datetime.date(s.value["year"], s.value["month"], s.value["day"]) for s in self.dated
                if s.value["role"] == "document" and s.value.get("year")]


def iter_date_matches(text: str) -> Iterator[regex.Match[str]]:
    """The date mentions of a text, left to right; a span over two months that cannot be one event
    (`(27/7/1947 - 27/7/2024)`) is read as its first date, and the scan goes on after it."""
    position = 0
    while True:
        for match in _DATE_CORE.finditer(text, position):
            if match["month_to"] and _span_to(match) is None:
                single = _SINGLE_DATE.match(text, match.start())
                if single is not None:
                    yield single
                    position = single.end()
                    break  # a new scan from there: the span's second date is one of its own
            yield match
        else:
            return


def _span_to(match: regex.Match[str]) -> tuple[int | None, int | None] | None:
    """(the first day's year, the last day's year) of a span over two months (`28/12/2024 - 3/1/2025`,
    `28/12 đến 3/1/2025`), or None when the match is no such span or no event lasts that long."""
    if "month_to" not in match.re.groupindex or not match["month_to"]:  # _SINGLE_DATE has no such group
        return None
    day, month, day_to, month_to = (int(match[g]) for g in ("day", "month", "day_to", "month_to"))
    year_to = int(match["year"]) if match["year"] else None
    year = int(match["year_from"]) if match["year_from"] else None
    if year is None:  # the first day's year is the last's, or the one before across a new year
        year = None if year_to is None else year_to - ((month, day) > (month_to, day_to))
    first_year = year if year is not None else 2023
    last_year = year_to if year_to is not None else first_year + ((month, day) > (month_to, day_to))
    if not (_valid(first_year, month, day) and _valid(last_year, month_to, day_to)):
        return None
    length = (datetime.date(last_year, month_to, day_to) - datetime.date(first_year, month, day)).days
    return (year, year_to) if 0 < length <= RANGE_MAX_DAYS else None


def find_dates(doc: Document, data: EventData) -> list[Span]:
    """Every date mention, with its parts, role and part of the day (years not yet resolved)."""
    text = doc.text
    spans: list[Span] = []
    for match in iter_date_matches(text):
        day, month = int(match["day"]), int(match["month"])
        year = int(match["year"]) if match["year"] else None
        span_to = _span_to(match)
        if span_to is not None:
            year = span_to[0]
        if not _valid(year, month, day):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        window_start = max(line_start, match.start() - 80)
        before = text[window_start:match.start()]
        cue = search_cue(data, before)
        part = cue["part"] if cue else None
        relative = (cue["rel"] or cue["rel2"]) if cue else None
        cued = bool(cue and (part or cue["weekday"] or cue["ngay"] or (cue["paren"] and relative)))
        if not cued and year is None:
            continue  # "10/12 xã": a ratio, not a date
        if match["day_to"] is None and "-" in match.group() and not cued and year is None:
            continue  # "15-7" alone is a range of numbers; "15-03-2024" is a date
        prefix = before[:cue.start()] if cue else before
        cue_words = [cue.start(g) for g in ("part", "rel2", "weekday", "ngay") if cue and cue[g]]
        start = window_start + min(cue_words) if cue_words else match.start()
        end = match.end()
        if cue and cue["paren"] and text[end:end + 1] == ")":
            end += 1  # "trưa nay (10/10)"
        role = "event"
        line_before = text[line_start:match.start()]
        if not relative and not cue_words and line_before.count("(") > line_before.count(")"):
            role = "aside"  # "(19/8/1945 - 19/8/2024)": a date in brackets is a remark, not the event
        elif match["day_to"] is None:
            found_role = data.roles.search(prefix)
            if found_role:
                role = data.role_of.get(_key(found_role[1]), "event")
            if role == "since" and part:
                role = "event"  # "Từ sáng sớm 23/5, cử tri ...": the event's start, not a status since a day
            if data.document.search(prefix):
                role = "document"
        value = {"day": day, "month": month, "year": year, "role": role, "cued": cued,
                 "time_of_day": data.part_of_day.get(_key(part)) if part else None,
                 "relative": data.relative_offset.get(_key(relative)) if relative else None}
        if match["day_to"]:
            value["day_to"] = int(match["day_to"])
        if span_to is not None:
            value["month_to"], value["year_to"] = int(match["month_to"]), span_to[1]
        spans.append(doc.span(start, end, DATE, value))
    relative_only = data.relative_index or data.relative_only
    for match in relative_only.finditer(text, 0, LEAD_CHARS):  # "Sáng nay, ..." with no date written
        relative = match["rel"] or match["rel2"]
        if relative and not any(s.start <= match.start() < s.end for s in spans):
            spans.append(doc.span(match.start(), match.end(), DATE, {
                "day": None, "month": None, "year": None, "role": "event", "cued": True,
                "time_of_day": data.part_of_day.get(_key(match["part"])) if match["part"] else None,
                "relative": data.relative_offset.get(_key(relative))}))
    return sorted(spans, key=lambda s: s.start)


def _title_stamp(doc: Document, span: Span) -> bool:
    """A date in brackets that closes the title (`Yên Thế họp khẩn ... (14/6/2023)`): the article's date."""
    title = next((t for t in doc.get(TITLE) if t.start <= span.start < t.end), None)
    if title is None:
        return False
    opening = doc.text.rfind("(", title.start, span.start)
    return (opening >= 0 and not doc.text[opening + 1:span.start].strip()
            and _TITLE_STAMP_END.match(doc.text, span.start, title.end) is not None)


def _mark_datelines(doc: Document, spans: list[Span]) -> list[Span]:
    """A line that holds a dated stamp and little else is a dateline (the publication date); so is a
    date in brackets at the end of the title, or, without a year, the date the title gives the event."""
    marked = []
    for span in spans:
        if span.value.get("year") and _DATE_HEADER.match(doc.text, doc.text.rfind("\n", 0, span.start) + 1, span.start):
            marked.append(doc.span(span.start, span.end, DATE, {**span.value, "role": "dateline"}))
            continue  # "date 2025-08-15 Trong hai ngày 14-15/8, ...": the page's date, run into the lead
        if span.value["role"] == "aside" and _title_stamp(doc, span):
            role = "dateline" if span.value.get("year") else "event"
            marked.append(doc.span(span.start, span.end, DATE, {**span.value, "role": role}))
            continue
        line_start = doc.text.rfind("\n", 0, span.start) + 1
        line_end = doc.text.find("\n", span.end)
        line = doc.text[line_start:line_end if line_end >= 0 else len(doc.text)]
        if len(line) > DATELINE_MAX_CHARS:
            marked.append(span)
            continue
        rest = line.replace(span.text, " ")
        words = [w for w in _WORD.findall(_CLOCK.sub(" ", rest)) if not w.isdigit()]
        placed = _PLACE_DATELINE.match(doc.text, line_start, span.start) is not None and not _CLOCK.sub(
            " ", doc.text[span.end:line_start + len(line)]).strip(" -–|,()GMT+:0123456789")
        if span.value.get("year") and (len(words) <= DATELINE_MAX_WORDS or placed) and not line.rstrip().endswith("."):
            span = doc.span(span.start, span.end, DATE, {**span.value, "role": "dateline"})
        marked.append(span)
    return marked


def resolve_dates(doc: Document, spans: list[Span]) -> list[Span]:
    """Give every date its ISO form, the year taken from where the text allows (see module doc)."""
    datelines = [s for s in spans if s.value["role"] == "dateline"]
    for index, span in enumerate(datelines):
        value = span.value
        iso = datetime.date(value["year"], value["month"], value["day"]).isoformat()
        datelines[index] = doc.span(span.start, span.end, DATE, {**value, "date": iso, "year_source": "text"})
    context = _DateContext(doc, [s for s in spans if s.value["role"] != "dateline"],
                           publication_date(doc, datelines), path_date(doc),
                           [datetime.date.fromisoformat(s.value["date"]) for s in datelines],
                           *lead_regions(doc, datelines))
    resolved = []
    by_start = {s.start: s for s in datelines}
    for span in spans:
        if span.start in by_start:
            resolved.append(by_start[span.start])
            continue
        date, source = _resolve(span.value, context, span.start)
        value = {**span.value, "date": date.isoformat() if date else None, "year_source": source}
        day_to = span.value.get("day_to")
        if date and day_to:
            month_to = span.value.get("month_to") or date.month
            year_to = span.value.get("year_to") or date.year + (month_to < date.month)  # "28/12 - 3/1"
            if _valid(year_to, month_to, day_to):
                value["date_to"] = datetime.date(year_to, month_to, day_to).isoformat()
        resolved.append(doc.span(span.start, span.end, DATE, value))
    return resolved


def lead_regions(doc: Document, datelines: list[Span]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The title and the lead (the first paragraph of the body), and the opening paragraphs: where the article
    names its own time, the only places a year may be taken from for a date without one (a year further on is
    often another's: `năm 2017 xã được công nhận ...`, a teaser of a related article)."""
    regions = [(t.start, t.end) for t in doc.get(TITLE)]
    paragraphs = body_paragraphs(doc, datelines)
    if paragraphs:
        regions.append((paragraphs[0].start, paragraphs[0].end))
    return regions, [(p.start, p.end) for p in paragraphs[:OPENING_PARAGRAPHS]]


def _resolve(value: dict[str, Any], context: _DateContext, at: int) -> tuple[datetime.date | None, str | None]:
    day, month, year = value["day"], value["month"], value["year"]
    if day is None:  # a relative day alone: only with a known publication date, or one in the page's address
        if value.get("relative") is None:
            return None, None
        if context.publication:
            return _relative(context.publication[0], value["relative"]), context.publication[1]
        path_year, path_month, path_day = context.path or (None, None, None)
        if path_year and path_month and path_day and _valid(path_year, path_month, path_day):
            return _relative(datetime.date(path_year, path_month, path_day), value["relative"]), "path"
        return None, None
    if year is not None:
        return datetime.date(year, month, day), "text"
    if context.publication:
        anchor, source = context.publication
        if source == "dateline" and len(context.datelines) > 1:  # a page's date and the article's: the nearer
            anchor = min(context.datelines, key=lambda stamp: _days_before(stamp, month, day))
        year = _in_year(anchor, month, day)
        return (datetime.date(year, month, day), source) if _valid(year, month, day) else (None, None)
    if context.month_stamp:  # "date 2025-08": the month of publication
        year = _in_year(context.month_stamp, month, day)
        return (datetime.date(year, month, day), "dateline") if _valid(year, month, day) else (None, None)
    if context.path:
        path_year, path_month, path_day = context.path
        anchor = datetime.date(path_year, path_month, path_day or 28) if path_month else None
        year = _in_year(anchor, month, day) if anchor else path_year
        return (datetime.date(year, month, day), "path") if _valid(year, month, day) else (None, None)
    named = context.text_year(at) or _school_year(context.doc, month)
    if named:
        year, kind = named
        if kind == "mentions" and month <= REVIEW_MONTHS and reviewed_year(context.doc, year):
            year += 1  # "Sáng 15/1, huyện tổng kết công tác năm 2023": held in 2024
        elif kind == "mentions" and month > REVIEW_MONTHS + 3 and planned_year(context.doc, year):
            year -= 1  # "Ngày 12/12, ... kết quả năm 2019, nhiệm vụ năm 2020": held in the year reviewed
        return (datetime.date(year, month, day), "text") if _valid(year, month, day) else (None, None)
    for document in sorted(context.documents, reverse=True):  # "Kế hoạch số 45 ngày 2/3/2024 ...; ngày 15/3, ..."
        for year in (document.year, document.year + 1):
            if _valid(year, month, day) and 0 <= (datetime.date(year, month, day) - document).days <= DOCUMENT_LAG_DAYS:
                return datetime.date(year, month, day), "text"
    return None, None


# ---------------------------------------------------------------------------------------------
# The event


def _skipped(doc: Document) -> list[tuple[int, int]]:
    return [(s.start, s.end) for label in (TITLE, BYLINE, CAPTION) for s in doc.get(label)]


def body_paragraphs(doc: Document, dates: list[Span]) -> list[Span]:
    skipped = _skipped(doc)
    datelines = [s for s in dates if s.value["role"] == "dateline"]
    paragraphs = doc.get(PARAGRAPH) or [doc.span(m.start(), m.end(), PARAGRAPH)
                                        for m in regex.finditer(r"[^\n]+", doc.text)]
    # a title, caption or byline that covers most of a paragraph skips it; one that only opens it (a byline
    # printed before the lead on the same line) does not
    # a dateline skips its paragraph, unless it only opens it ("date 2025-08-15 Ngày 14/8, ..." runs into the lead)
    return [p for p in paragraphs if not any(a <= p.start < b and 2 * (b - p.start) >= p.end - p.start
                                             for a, b in skipped)
            and not any(p.start <= d.start < p.end and 2 * (d.end - p.start) >= p.end - p.start for d in datelines)]


def _sentence_at(doc: Document, offset: int, paragraphs: list[Span]) -> Span | None:
    sentence = doc.sentence_of(offset)
    if sentence is not None:
        return sentence
    return next((p for p in paragraphs if p.start <= offset < p.end), None)


_CLAUSE_LEAD = r"\s*(?:(?:vào|trong|từ|tới|đến|hôm|nay|ngày)\s+)?"  # "vào sáng 20/12"
_CLAUSE_OPENING = regex.compile(rf"[,:;–-]{_CLAUSE_LEAD}$", regex.IGNORECASE)
_SENTENCE_OPENING = regex.compile(rf"{_CLAUSE_LEAD}$", regex.IGNORECASE)


def _opens_clause(doc: Document, date: Span, paragraphs: list[Span]) -> bool:
    """Whether a date stands at the start of its sentence or of a comma-clause (`Sáng 10/6, ...`, `..., ngày
    15/3, đoàn ...`), rather than inside a phrase (`sau trận mưa đêm 9/6`)."""
    sentence = _sentence_at(doc, date.start, paragraphs)
    start = sentence.start if sentence is not None else max(0, date.start - 80)
    if _SENTENCE_OPENING.match(doc.text, start, date.start) is not None:  # `$` at endpos: nothing else before
        return True
    return _CLAUSE_OPENING.search(doc.text, max(start, date.start - 80), date.start) is not None


def choose_event_date(doc: Document, dates: list[Span], paragraphs: list[Span]) -> Span | None:
    """The main event's date: the lead's first event date (one that opens a clause first), else a sentence
    that opens with a date, else the title's, else a date with a time of day in the opening paragraphs, else
    the day a situation report in the lead is made up to (`Tính đến ngày 22/2/2016, ...`)."""
    events = [d for d in dates if d.value["role"] == "event"]
    titles = doc.get(TITLE)
    in_title = [d for d in events if titles and titles[0].start <= d.start < titles[0].end]
    if paragraphs:
        lead = paragraphs[0]
        in_lead = [d for d in events if lead.start <= d.start < lead.end]
        if in_lead:
            # "Sau trận mưa lớn đêm 9/6, sáng 10/6, đoàn ... kiểm tra": the date that opens a clause dates its act
            opening = [d for d in in_lead if _opens_clause(doc, d, paragraphs)]
            first = opening[0] if opening else in_lead[0]
            if first.value["day"] is None and not first.value.get("date") and in_title:
                return in_title[0]  # "Chiều nay, ..." with no publication date: the day the title names
            return first
    body = [d for d in events if any(p.start <= d.start < p.end for p in paragraphs)]
    for date in body:
        sentence = _sentence_at(doc, date.start, paragraphs)
        if sentence is not None and date.value["cued"] and not doc.text[sentence.start:date.start].strip():
            return date
    if in_title:
        return in_title[0]
    # "Tại hội nghị tổng kết diễn ra sáng 15/1/2024, ...": a time of day names when something took place
    early = paragraphs[:OPENING_PARAGRAPHS]
    timed = [d for d in body if d.value.get("time_of_day") and any(p.start <= d.start < p.end for p in early)]
    if timed:
        return timed[0]
    # a situation report with no event of its own is the report of a day: "Tính đến ngày 22/2, toàn tỉnh có ..."
    lead = paragraphs[:1]
    status = [d for d in dates if d.value["role"] == "cutoff" and d.value.get("date")
              and any(p.start <= d.start < p.end for p in lead)]
    return status[0] if status else None


def find_event_type(doc: Document, sentence: Span | None, after: int, data: EventData) -> Span | None:
    """The first kind of event named after the date in the event's sentence (the main clause: "Nhân dịp kỷ
    niệm ..., ngày 17/8, lãnh đạo tỉnh thăm ..."), else anywhere in that sentence, else in the title."""
    places = [(max(sentence.start, after), sentence.end), (sentence.start, sentence.end)] if sentence else []
    places += [(title.start, title.end) for title in doc.get(TITLE)]
    for start, end in places:
        venues = [(m.start(), m.end()) for m in data.venue.finditer(doc.text, start, end)]
        for match in data.types.finditer(doc.text, start, end):  # a sentence or two: the pattern's own scan
            if not any(a <= match.start() < b for a, b in venues):
                return doc.span(match.start(), match.end(), EVENT, {"type": data.type_of[_key(match.group())]})
    return None


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:-–":
        start += 1
    while end > start and text[end - 1] in " ,;:-–":
        end -= 1
    return start, end


def find_organiser(doc: Document, sentence: Span | None, after: int, data: EventData
                   ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The body that organises the event (`X tổ chức`, `do X tổ chức`), and those it works with."""
    if sentence is None:
        return None, []
    text = doc.text
    region_start = max(sentence.start, after)
    verb = data.organise.search(text, region_start, sentence.end)
    if verb is None:
        return None, []
    region = text[region_start:verb.start()]
    by = list(_BY.finditer(region))
    if by:
        start = region_start + by[-1].end()
    else:
        start = region_start
        depth = 0
        clause_start = region_start
        for offset, ch in enumerate(region):
            depth += ch == "("
            depth -= ch == ")"
            if ch == "," and depth <= 0:
                clause = text[clause_start:region_start + offset]
                if clause.strip() and not data.adverbial.match(clause):
                    break
                clause_start = region_start + offset + 1
        start = clause_start
    end = verb.start()
    tail = _TENSE_TAIL.search(text[start:end])
    if tail:
        end = start + tail.start()
    co_organisers = []
    co = data.co_organise.search(text, start, end)
    if co:
        co_start, co_end = _strip_span(text, co.end(), end)
        if co_end > co_start:
            co_organisers.append({"text": text[co_start:co_end], "start": co_start, "end": co_end})
        end = co.start()
    paren = _PAREN_TAIL.search(text[start:end])
    if paren:
        end = start + paren.start()
    start, end = _strip_span(text, start, end)
    if end <= start or len(_WORD.findall(text[start:end])) > ORGANISER_MAX_WORDS or data.adverbial.match(
            text, start, end):
        return None, co_organisers
    return {"text": text[start:end], "start": start, "end": end}, co_organisers


def _title_key(span: Span) -> tuple[str, str]:
    organisation = span.value.get("organisation_expanded") or span.value.get("organisation") or ""
    return " ".join(str(span.value.get("role") or "").lower().split()), " ".join(str(organisation).lower().split())


def _person_of(doc: Document, span: Span) -> str | None:
    """The person an OFFICIAL/POSITION span names; a title-only mention is resolved through the same title."""
    person = span.value.get("person")
    if person:
        return str(person)
    if span.label == POSITION and span.value.get("role") and not span.value.get("group"):
        for other in doc.get(POSITION):
            if other.value.get("person") and _title_key(other) == _title_key(span):
                return str(other.value["person"])
    return None


def _people_spans(doc: Document, start: int, end: int) -> list[tuple[int, int, str]]:
    found = []
    for span in sorted(doc.get(OFFICIAL) + doc.get(POSITION), key=lambda s: s.start):
        if start <= span.start and span.end <= end:
            person = _person_of(doc, span)
            if person:
                found.append((span.start, span.end, person))
    return found


def find_chairs(doc: Document, paragraphs: list[Span], data: EventData) -> list[dict[str, Any]]:
    """Who chairs (`chủ trì`), co-chairs (`đồng chủ trì`, `cùng chủ trì có ...`) or leads (`dẫn đầu`) the event."""
    text = doc.text
    chairs: list[dict[str, Any]] = []
    for paragraph in paragraphs[:2]:
        for match in (data.people_index or data.people_words).finditer(text, paragraph.start, paragraph.end):
            role = data.people_role[_key(match.group())]
            sentence = _sentence_at(doc, match.start(), paragraphs) or paragraph
            before = (sentence.start, match.start())
            after = (match.end(), sentence.end)
            if role == "leader" and _BY_ONE.search(text[sentence.start:match.start()]):
                by = list(_BY_ONE.finditer(text[sentence.start:match.start()]))[-1]
                before = (sentence.start + by.end(), match.start())
            if role == "co_chair" or not text[slice(*before)].strip():
                names = _people_spans(doc, *after) or [
                    (m.start(1), m.end(1), m[1]) for m in data.list_name.finditer(text, *after)]
                people = names
            else:
                people = _people_spans(doc, *before)[-1:] or [
                    (m.start(1), m.end(1), m[1]) for m in data.honorific_name.finditer(text, *before)][-1:] or [
                    (m.start(1), m.end(1), m[1]) for m in [data.name_before.search(text, *before)] if m]
            for start, end, name in people:
                if not any(c["name"] == name for c in chairs):
                    chairs.append({"name": name, "role": role, "start": start, "end": end})
    return chairs


def _clock_time(doc: Document, sentence: Span | None) -> str | None:
    if sentence is None:
        return None
    match = _CLOCK.search(doc.text, sentence.start, sentence.end)
    return f"{int(match[1]):02d}:{int(match[2] or 0):02d}" if match else None


def find_event(doc: Document, data: EventData) -> tuple[list[Span], Span | None]:
    """DATE spans and the EVENT span (over the sentence that reports the event, its record as value)."""
    dates = resolve_dates(doc, _mark_datelines(doc, find_dates(doc, data)))
    paragraphs = body_paragraphs(doc, dates)
    date = choose_event_date(doc, dates, paragraphs)
    sentence = _sentence_at(doc, date.start, paragraphs) if date is not None else None
    if sentence is None and paragraphs:
        sentence = doc.sentence_of(paragraphs[0].start) or paragraphs[0]
    kind = find_event_type(doc, sentence, date.end if date is not None else 0, data)
    organiser, co_organisers = find_organiser(doc, sentence, date.end if date is not None else 0, data)
    chairs = find_chairs(doc, paragraphs, data)
    lead_text = " ".join(s.text for s in doc.get(TITLE)) + " " + (paragraphs[0].text if paragraphs else "")
    chair = next((c["name"] for role in ("chair", "leader", "co_chair") for c in chairs if c["role"] == role), None)
    record = {
        "date": date.value.get("date") if date is not None else None,
        "date_to": date.value.get("date_to") if date is not None else None,
        "date_text": date.text if date is not None else None,
        "start": date.start if date is not None else None,
        "end": date.end if date is not None else None,
        "year_source": date.value.get("year_source") if date is not None and date.value.get("date") else None,
        "time_of_day": date.value.get("time_of_day") if date is not None else None,
        "time": _clock_time(doc, sentence) if date is not None else None,
        "type": kind.value["type"] if kind is not None else None,
        "type_text": kind.text if kind is not None else None,
        "type_offsets": {"start": kind.start, "end": kind.end} if kind is not None else None,
        "online": bool(data.online.search(lead_text)),
        "organiser": organiser,
        "co_organisers": co_organisers,
        "chair": chair,
        "chairs": chairs,
    }
    event = doc.span(sentence.start, sentence.end, EVENT, record) if sentence is not None else None
    return dates, event


def add_event(doc: Document) -> Document:
    """Stage: DATE spans and the EVENT span (requires SENTENCE and TITLE; uses OFFICIAL/POSITION for the chair)."""
    dates, event = find_event(doc, load_event_data())
    doc.set(DATE, dates)
    doc.set(EVENT, [event] if event is not None else [])
    return doc


EMPTY_RECORD: dict[str, Any] = {
    "date": None, "date_to": None, "date_text": None, "start": None, "end": None, "year_source": None,
    "time_of_day": None, "time": None, "type": None, "type_text": None, "type_offsets": None, "online": False,
    "organiser": None, "co_organisers": [], "chair": None, "chairs": [],
}


def event_record(doc: Document) -> dict[str, Any]:
    """SCHEMA.md `event`: the ISO `date`, plus time of day, type, online, organiser and chair, with offsets."""
    events = doc.get(EVENT)
    if not events:
        return {**EMPTY_RECORD, "co_organisers": [], "chairs": []}
    value = events[0].value
    return {key: value.get(key, default) for key, default in EMPTY_RECORD.items()}
