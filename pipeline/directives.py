"""Stage: DIRECTIVE spans, one per instruction, request or assignment (GUIDE.md "directives").

How a directive is read, in the order a reader does it:

1. A *directive verb* of `directive_verbs.tsv` (`yêu cầu`, `đề nghị`, `giao`, ...) in a context that
   `directive_contexts.tsv` does not rule out: a past report (`đã chỉ đạo`), a passive (`được giao`),
   a noun (`theo yêu cầu`, `hồ sơ đề nghị`, `Ban Chỉ đạo`, `15 kiến nghị`), a compound (`giao thông`,
   `bàn giao`), what a body assigned (`chỉ tiêu tỉnh giao`), an intention (`sẽ chỉ đạo`), or the past of
   a clause carried over `và` (`phòng đã tham mưu ... và đề xuất tỉnh ...`).
   Some verbs need more: `nhấn mạnh ... cần`, `giao <addressee>`, a person as the subject.
2. Each sentence is cut into *tasks* at `;` and `:` (not inside brackets or quotes). A directive runs
   from after its verb to the end of its task, or to the closing quote of a quote it stands in; a verb
   inside that stretch belongs to it (`đề nghị UBND tỉnh chỉ đạo các sở ...` is one directive) unless
   `đồng thời` opens a new one, or a comma or `và` comes before a verb that is said (`..., đề nghị huyện`,
   `nhấn mạnh ... và yêu cầu ...`).
3. A task after `;` without a verb of its own inherits the last verb (`giao A; giao B; C`), unless
   it reads as a report (`...; một số ý kiến phản ánh ...`). After a request (`đề nghị UBND xã A; chỉ
   đạo các ấp B`) a task that opens with what the one asked directs down is still that request.
   A sentence opening with `Đồng thời,` goes on with the directive before it, unless it has a verb of
   its own (`Đồng thời, Bộ trưởng giao ...`).
4. A colon after a verb makes what precedes it an *introducer* (`chỉ đạo một số nhiệm vụ trọng tâm
   sau:`): it is no directive itself, every task after it is one, governed by that verb; a task
   opening with a verb of its own takes that verb (`sau: Đề nghị A; B` gives đề nghị A, chỉ đạo B).
   A colon after a clause without a verb (`đóng góp ý kiến ... như: Đề nghị A; B; C`) opens a list
   whose first explicit verb carries on. A list may continue over bullet paragraphs (`- ...`, `1. ...`,
   `a) ...`) and over paragraphs that each open with what to do (`Tiếp tục đẩy mạnh ...`).

Each span's text is the directive's `text` (SCHEMA.md); its value holds the verb, the issuer (the
subject, resolved to a person through OFFICIAL/POSITION spans or a pronoun), the addressees, the
action and the deadline, each with offsets into `doc.text`.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import functools
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from .document import (
    BYLINE,
    CAPTION,
    DIRECTIVE,
    EVENT,
    OFFICIAL,
    PARAGRAPH,
    POSITION,
    SENTENCE,
    TITLE,
    Document,
    Span,
)
from .tables import build_automaton, finditer_at, load_table

MAX_ADDRESSEE_WORDS = 20
MAX_NAMES_WORDS = 40  # "Giao Giám đốc Sở A, Sở B; thành viên Ban C; Chủ tịch UBND huyện D; ...": addressees between `;`
MAX_NAMES_CHARS = 300
MAX_ISSUER_WORDS = 12
MAX_ASSIGNER_WORDS = 3  # "chỉ tiêu UBND tỉnh giao": the body between the thing assigned and `giao`
MAX_SUBJECT_WORDS = 6  # "phòng đã ...", "Sở Nông nghiệp và Môi trường đã ...": a clause's subject before its tense
TASK_ADDRESSEE_CHARS = 90  # a task paragraph names who acts, then what, within this many characters
BREAKER_WINDOW_WORDS = 8  # a carried task is a report when a reporting verb comes this early
SUBJECT_CLAUSE_CHARS = 80  # "..., riêng địa bàn huyện B đề nghị ...": a comma-clause that names who asks next
MAX_SUBJECT_CLAUSE_WORDS = 10
MODAL_WINDOW_CHARS = 200  # "nhấn mạnh <addressee> cần": the modal follows within the task, soon

_WORD = regex.compile(r"\w+")
_LINE = regex.compile(r"[^\n]+")
_WORD_AT_END = regex.compile(r"\w\s*$")
_CLAUSE_MARK = regex.compile(r"[,:]")
_CAPITAL_START = regex.compile(r"\s*\p{Lu}")
_JOINED_END = regex.compile(r"(?<!\w)(?:và|đồng thời)\s*$")  # "X đánh giá ... và chỉ đạo": the subject is X
_COMMA_BEFORE = regex.compile(r",\s*$")
_AND_BEFORE = regex.compile(r"\s*(?<!\w)và(?:\s+cũng)?\s*$")
_LIST_JOINT = regex.compile(r",\s*|\s+và\s+")
_CHO = regex.compile(r"(?:nhiệm vụ\s+|trách nhiệm\s+)?cho\s+")  # "giao nhiệm vụ cho X": X is the addressee
_SPLIT_MARK = regex.compile(r"[;:()\[\]{}“”«»‘’\"']")
_LEADING = regex.compile(r"[\s:;,.…\-–—]+")
_BULLET = regex.compile(r"(?:[-–—+•*▪●]+\s*|\(?\d{1,2}[.)]\s+|\(?[a-zđ]\)\s+|[IVX]{1,4}[.)]\s+|\(\d{1,2}\)\s*)")
_NAME_WORD = r"\p{Lu}[\p{Ll}\p{M}]*(?:['’]\p{Lu}?[\p{Ll}\p{M}]*)?"  # "Nguyễn", "H'Linh", "K'Brơi"
_QUOTES = {"“": "”", '"': '"', "«": "»", "‘": "’", "'": "'"}
_OPENERS = "([{“«‘"
_CLOSERS = ")]}”»’"


class PhraseScan:
    """One Aho-Corasick pass over a case-folded text that finds where the phrases of several `PhraseIndex`es
    begin (their first words); remembered for the last text, since the indexes of a stage read the same one."""

    def __init__(self) -> None:
        self.words: dict[str, set[int]] = {}  # first word -> the indexes with a phrase that begins with it
        self.bounds: dict[int, tuple[bool, bool]] = {}  # index -> its first words stand at a word's start, end
        self.automaton: Any = None
        # (text, its hits), replaced whole, so that two threads reading at once never mix two texts
        self._last: tuple[str | None, dict[int, set[int]] | None] = (None, None)

    def add(self, first_words: Iterable[str], *, word_start: bool, word_end: bool) -> int:
        """Register an index's first words (case-folded); its number in `hits`."""
        number = len(self.bounds) + 1
        self.bounds[number] = (word_start, word_end)
        for word in first_words:
            self.words.setdefault(word, set()).add(number)
        self.automaton = None
        self._last = (None, None)
        return number

    def hits(self, text: str) -> dict[int, set[int]] | None:
        """Index number -> where its first words begin in `text`; None when case folding changes the text's
        length (`ß` -> `ss`): then offsets in the folded text are not offsets in the text."""
        last_text, last_hits = self._last
        if text is last_text:
            return last_hits
        automaton = self.automaton
        if automaton is None:
            automaton = self.automaton = build_automaton(
                (word, (len(word), tuple(numbers))) for word, numbers in self.words.items())
        folded = text.casefold()
        found: dict[int, set[int]] | None = None
        if len(folded) == len(text):
            found = {}
            size = len(text)
            for end, (length, numbers) in automaton.iter(folded):
                start = end + 1 - length
                # most hits are inside longer words (`huy` in `huyện`), where the patterns never match
                at_start = start == 0 or not text[start - 1].isalnum()
                at_end = end + 1 == size or not text[end + 1].isalnum()
                for number in numbers:
                    word_start, word_end = self.bounds[number]
                    if (at_start or not word_start) and (at_end or not word_end):
                        found.setdefault(number, set()).add(start)
        self._last = (text, found)
        return found


@functools.cache
def shared_scan() -> PhraseScan:
    """The `PhraseScan` of the directives and event stages: one pass over an article serves both."""
    return PhraseScan()


class PhraseIndex:
    r"""A pattern over the phrases of a table (`(?<!\w)(?:phrase|...)(?!\w)`, words joined by `\s+`), searched
    without running it over the whole text.

    Every match of the pattern begins with the first word of one of its phrases. An Aho-Corasick pass over the
    case-folded text (`PhraseScan`, shared by the indexes of a stage) finds where those words occur, a handful
    of places in an article, and the pattern is tried there only: the matches are those of the pattern's own
    search, at a fraction of its cost (an alternation of a hundred phrases is tried at every character of the
    text otherwise). Texts whose case folding changes their length are searched with the pattern itself.
    """

    def __init__(self, pattern: regex.Pattern[str], phrases: Iterable[str], scan: PhraseScan, *,
                 word_start: bool = True, word_end: bool = True) -> None:
        r"""`word_start`: the pattern opens with `(?<!\w)`, so no match begins right after a letter or digit;
        `word_end`: a phrase's first word is followed by `\s` or, at the phrase's end, by `(?!\w)`."""
        self.pattern = pattern
        self.scan = scan
        firsts = {phrase.split()[0].casefold() if phrase.split() else "" for phrase in phrases}
        # an empty phrase matches anywhere: no word to look for, the pattern searches alone
        self.number = scan.add(firsts, word_start=word_start, word_end=word_end) \
            if firsts and "" not in firsts else None
        self._last: tuple[str | None, list[int] | None] = (None, None)  # (text, its starts), replaced whole

    def starts(self, text: str) -> list[int] | None:
        """Where the phrases' first words start in `text` (None: search with the pattern itself)."""
        last_text, last_starts = self._last
        if text is last_text:
            return last_starts
        hits = self.scan.hits(text) if self.number is not None else None
        starts = sorted(hits.get(self.number, ())) if hits is not None else None  # type: ignore[arg-type]
        self._last = (text, starts)
        return starts

    def search(self, text: str, pos: int = 0, endpos: int | None = None, *,
               pattern: regex.Pattern[str] | None = None) -> regex.Match[str] | None:
        """The pattern's `search(text, pos, endpos)`; or that of `pattern`, whose matches begin with one of the
        same phrases, at a word's start (`deadlines`: a deadline phrase, then a date)."""
        return next(self.finditer(text, pos, endpos, pattern=pattern), None)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, *,
                 pattern: regex.Pattern[str] | None = None) -> Iterator[regex.Match[str]]:
        """The pattern's `finditer(text, pos, endpos)` (its matches are never empty), or `pattern`'s."""
        yield from finditer_at(pattern or self.pattern, text, self.starts(text), pos, endpos)


@dataclass(frozen=True)
class VerbRule:
    surface: str
    verb: str
    conditions: frozenset[str]


@dataclass(frozen=True)
class DirectiveData:
    """Compiled rule data of the directive tables."""

    verbs: regex.Pattern[str]  # every surface, longest first, whole words, any case
    rules: dict[str, VerbRule]  # by lower-case surface with single spaces
    before: dict[str, regex.Pattern[str]]  # verb -> "ruled out" when the text before it matches
    after: dict[str, regex.Pattern[str]]  # verb -> "ruled out" when the text after it matches
    addressee: regex.Pattern[str]
    body: regex.Pattern[str]
    addressee_words: regex.Pattern[str]
    new_addressee: regex.Pattern[str]  # begins a further addressee after `,` or `và`
    person_name: regex.Pattern[str]  # "ông Nguyễn Văn A": a name after an honorific (no officials stage)
    adverbial: regex.Pattern[str]
    action: regex.Pattern[str]
    action_first: regex.Pattern[str]
    modal: regex.Pattern[str]
    connector_before: regex.Pattern[str]
    opener: regex.Pattern[str]  # bullets, numbering words and connectors at the start of a task
    connector_start: regex.Pattern[str]  # "Đồng thời, ..." opening a sentence
    list_opener: regex.Pattern[str]  # "... các nhiệm vụ sau" at a paragraph's end
    bullet_start: regex.Pattern[str]  # a task that is numbered: "- ...", "(2) ...", "Hai là, ..."
    numbering: regex.Pattern[str]  # a task numbered in words: "Thứ nhất, ...", "Một là, ..."
    task_addressee: regex.Pattern[str]  # who a task paragraph opens with: "Các xã ...", "Phòng Nông nghiệp ..."
    not_task: frozenset[str]  # action words that open reports as often as tasks: "Có 15 xã", "Tăng 5%"
    says: regex.Pattern[str]  # a verb of saying, after which a clause of its own begins: "bà X cho biết phòng đã"
    breaker: regex.Pattern[str]
    pronoun_word: regex.Pattern[str]
    pronoun_clause: regex.Pattern[str]
    deadlines: tuple[tuple[str, regex.Pattern[str]], ...]
    deadline_any: regex.Pattern[str]  # any deadline phrase: most texts have none, and are done with at once
    # the same patterns, searched in an article through the places where their phrases can begin
    verb_index: PhraseIndex | None = None
    deadline_index: PhraseIndex | None = None
    # "phòng đã tham mưu ... và đề xuất tỉnh ...": the tense word that opens a clause's predicate, after its
    # subject; it carries over `và` to a directive verb (directive_contexts.tsv, side `clause`)
    clause_tense: dict[str, regex.Pattern[str]] = field(default_factory=dict)  # by verb
    before_words: Any = None  # Aho-Corasick automaton of the first words of the `before` phrases, case-folded
    before_indexed: frozenset[str] = frozenset()  # the verbs whose `before` pattern may be searched with it
    # "kiến nghị (với đại biểu) các vấn đề về ...": topics, no request (the `concrete` condition)
    topic: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))
    # "lưu ý một số nhiệm vụ cần ...": tasks announced, none given (a `modal` verb without a colon)
    agenda: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))
    # "cử tri có các ý kiến, kiến nghị như:": a clause that frames a list of proposals (its colon excluded)
    frame: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))
    handled: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))
    # "đã chỉ đạo", "đang tập trung chỉ đạo": the tense of a report, right before a verb
    report_tense: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))
    # "tập trung chỉ đạo", "quan tâm chỉ đạo": a report when the paragraph reports results (lower case, for
    # `str.endswith` on the text before a verb: most verbs follow none, and are done with at once)
    report_adverbs: tuple[str, ...] = ()
    conclusion: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))
    # "Trong đó, ...", "Cụ thể, ..." opening a sentence: it details the directive before it when it asks
    # "được", "được UBND tỉnh" right before a verb: a passive, with its agent (directive_words.tsv `body`)
    passive_agent: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))
    # the head of a body's name opening a clause: "Sở ...", "UBND huyện ...", "Công an tỉnh ..."
    organisation_start: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))
    # "tương xứng với tiềm năng và": a list of standards measured against, ending before "yêu cầu" (a noun there)
    standard: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))
    # "... xoay quanh một số vấn đề như": a frame that lists topics, not proposals (its colon excluded); not
    # "kiến nghị một số nội dung sau:", whose items are what is asked
    topic_list: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))
    elaboration_start: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))
    # "sẽ ...", "cam kết ...": what the speaker promises to do himself, opening a clause
    promise: regex.Pattern[str] = field(default_factory=lambda: regex.compile(r"(?!)"))


def _words_pattern(phrases: Sequence[str]) -> str:
    """An alternation of phrases, longest first, each space matching any run of spaces."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in unique)


@functools.cache
def load_directive_data() -> DirectiveData:
    verb_rows = load_table("directive_verbs.tsv", ("surface", "verb", "condition"))
    rules = {" ".join(r["surface"].lower().split()): VerbRule(
        r["surface"], r["verb"], frozenset(c for c in r["condition"].split("+") if c and c != "-"))
        for r in verb_rows}
    verbs = regex.compile(rf"(?<!\w)(?:{_words_pattern(list(rules))})(?!\w)", regex.IGNORECASE)

    word_rows = load_table("directive_words.tsv", ("word", "role"))
    by_role: dict[str, list[str]] = {}
    for row in word_rows:
        by_role.setdefault(row["role"], []).append(row["word"])

    def role(name: str) -> str:
        return _words_pattern(by_role.get(name, []))

    context_rows = load_table("directive_contexts.tsv", ("phrase", "side", "verbs", "why"))
    skips = [r["phrase"] for r in context_rows if r["side"] == "skip"]
    skip = rf"(?:\s+(?:{_words_pattern(skips)}))*" if skips else ""
    before: dict[str, regex.Pattern[str]] = {}
    after: dict[str, regex.Pattern[str]] = {}
    before_firsts: set[str] = set()
    before_indexed: set[str] = set()
    clause_tense: dict[str, regex.Pattern[str]] = {}
    for verb in sorted({rule.verb for rule in rules.values()}):
        def applies(row: dict[str, str], verb: str = verb) -> bool:
            return row["verbs"] == "*" or verb in {v.strip() for v in row["verbs"].split(",")}
        befores = [r["phrase"] for r in context_rows if r["side"] == "before" and applies(r)]
        if befores and all(p.split() for p in befores):  # with an empty phrase the pattern matches anywhere
            before_indexed.add(verb)
            before_firsts.update(p.split()[0].casefold() for p in befores)
        afters = [r["phrase"] for r in context_rows if r["side"] == "after" and applies(r)]
        tenses = [r["phrase"] for r in context_rows if r["side"] == "clause" and applies(r)]
        if tenses:
            clause_tense[verb] = regex.compile(
                rf"\s*(?P<subject>(?:[\w/&.-]+\s+){{1,{MAX_SUBJECT_WORDS}}}?)(?:{_words_pattern(tenses)})\s"
                rf"[^,;:.()]*(?<!\w)và(?:\s+(?:cũng|đồng thời))?\s*$", regex.IGNORECASE)
        # "chỉ tiêu tỉnh giao", "kế hoạch vốn UBND huyện giao cho xã": what a body assigned, not an assignment
        assigned = [r["phrase"] for r in context_rows if r["side"] == "assigned" and applies(r)]
        if assigned:
            before_firsts.update(p.split()[0].casefold() for p in assigned)
            befores_pattern = rf"{_words_pattern(befores)}|(?:{_words_pattern(assigned)})(?:\s+(?:{role('body')}))" \
                              rf"{{1,{MAX_ASSIGNER_WORDS}}}"
        else:
            befores_pattern = _words_pattern(befores)
        before[verb] = regex.compile(rf"(?:^|(?<=[^\w]))(?:{befores_pattern}){skip}\s*$", regex.IGNORECASE)
        # "nhấn mạnh, mỗi cấp ủy ... cần": a comma may follow a verb whose modal shows the instruction
        modal_only = all("modal" in r.conditions for r in rules.values() if r.verb == verb)
        punctuation = r"[.;)!?…”\"]" if modal_only else r"[,.;)!?…”\"]"
        after[verb] = regex.compile(rf"^\s*(?:(?:{_words_pattern(afters)})(?!\w)|{punctuation}|$)")

    skip_words = rf"(?:\s+(?:{_words_pattern(skips)}))*" if skips else ""
    openers = rf"(?:{role('bullet')})\s*[,:.]?\s*|(?:{role('connector')}|và|cũng|ngoài ra|bên cạnh đó)(?!\w)\s*,?\s*" \
              rf"|(?:{role('elaboration')})\s*,\s*"
    deadline_rows = load_table("deadline_phrases.tsv", ("phrase", "kind"))
    scan = shared_scan()
    action = regex.compile(rf"(?<!\w)(?:{role('action')})(?!\w)")  # lower case only: "Đầu tư" is a name
    deadline_any = regex.compile(rf"(?<!\w)(?:{_words_pattern([r['phrase'] for r in deadline_rows])})(?!\w)",
                                 regex.IGNORECASE)
    deadlines = []
    for kind, number in _DEADLINE_NUMBERS.items():
        phrases = [r["phrase"] for r in deadline_rows if r["kind"] == kind]
        if phrases:
            deadlines.append((kind, regex.compile(rf"(?<!\w)(?:{_words_pattern(phrases)}){number}", regex.IGNORECASE)))
    return DirectiveData(
        verbs=verbs,
        rules=rules,
        before=before,
        after=after,
        addressee=regex.compile(rf"\s*(?:(?i:{role('addressee')})(?!\w)|\p{{Lu}})"),
        addressee_words=regex.compile(rf"(?<!\w)(?:{role('addressee')})(?!\w)", regex.IGNORECASE),
        new_addressee=regex.compile(
            rf"(?:các|những|mỗi)(?!\w)|(?:{role('organisation')})(?!\w)|(?:{role('level')})\s+\p{{Lu}}"),
        person_name=regex.compile(
            rf"(?<!\w)(?i:{role('pronoun')})\s+(?!(?:{role('title')})(?!\w))"
            rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})"),
        adverbial=regex.compile(rf"\s*(?:{role('adverbial')})(?!\w)", regex.IGNORECASE),
        body=regex.compile(rf"\s*(?:{role('body')})(?!\w)", regex.IGNORECASE),
        action=action,
        action_first=regex.compile(rf"\s*(?:{role('action')})(?!\w)", regex.IGNORECASE),  # "Rà soát, ..."
        modal=regex.compile(rf"(?<!\w)(?!(?:{role('not_modal')})(?!\w))(?:{role('modal')})(?!\w)"),
        connector_before=regex.compile(rf"(?<!\w)(?:{role('connector')})(?:\s+cũng)?\s*,?\s*$", regex.IGNORECASE),
        opener=regex.compile(rf"\s*(?:{_BULLET.pattern}|{openers})", regex.IGNORECASE),
        connector_start=regex.compile(rf"\s*(?:{role('connector')})\s*,", regex.IGNORECASE),
        passive_agent=regex.compile(rf"(?<!\w)được(?:\s+(?:{role('body')})(?!\w)){{0,3}}\s*$", regex.IGNORECASE),
        organisation_start=regex.compile(rf"\s*(?:{role('organisation')})(?!\w)"),
        standard=regex.compile(rf"(?<!\w)(?:{role('standard')})\s+[\p{{Ll}}\p{{M}}]+(?:\s*,?\s+[\p{{Ll}}\p{{M}}]+){{0,6}}"
                               rf"\s*(?:,|và)\s*$", regex.IGNORECASE),
        topic_list=regex.compile(
            rf"(?<!\w)(?:{role('topic_about')})\s+(?:(?:các|những|một số|nhiều|mấy)\s+)?(?:{role('topic_head')})"
            rf"(?:\s+[\p{{Ll}}\p{{M}}]+){{0,3}}?\s+(?:{role('list_opener')})\s*$",
            regex.IGNORECASE),
        elaboration_start=regex.compile(rf"\s*(?:{role('elaboration')})\s*,", regex.IGNORECASE),
        promise=regex.compile(rf"\s*(?:{role('promise')})(?!\w)", regex.IGNORECASE),
        list_opener=regex.compile(rf"(?<!\w)(?:{role('list_opener')})\s*[:.]?\s*$", regex.IGNORECASE),
        task_addressee=regex.compile(rf"(?i:các|những|mỗi|toàn)\s|(?:{role('organisation')})(?!\w)"),
        numbering=regex.compile(rf"\s*(?:{role('bullet')})\s*[,:.]", regex.IGNORECASE),
        bullet_start=regex.compile(rf"\s*(?:{_BULLET.pattern}|(?:{role('bullet')})\s*[,:.])", regex.IGNORECASE),
        says=regex.compile(rf"(?<!\w)(?:{role('says')})(?!\w)", regex.IGNORECASE),
        not_task=frozenset(" ".join(w.casefold().split()) for w in by_role.get("not_task", [])),
        breaker=regex.compile(rf"(?<!\w)(?:{role('breaker')}|đã)(?!\w)", regex.IGNORECASE),
        pronoun_word=regex.compile(rf"(?<!\w)(?:{role('pronoun')})(?!\w)", regex.IGNORECASE),
        pronoun_clause=regex.compile(
            rf"^\s*(?:{role('pronoun')})(?:\s+(?:{role('adverb')}))*\s*$", regex.IGNORECASE),
        deadlines=tuple(deadlines),
        deadline_any=deadline_any,
        clause_tense=clause_tense,
        verb_index=PhraseIndex(verbs, rules, scan),
        before_words=_automaton(before_firsts),
        before_indexed=frozenset(before_indexed),
        # word_end=False: the `deadlines` patterns searched through it let a date follow at once (`trước15/6`)
        deadline_index=PhraseIndex(deadline_any, [r["phrase"] for r in deadline_rows], scan, word_end=False),
        topic=regex.compile(rf"\s*(?P<with>với\s+(?:[^\s,;:.()]+\s+){{1,6}}?)?(?:{role('topic')})(?!\w)",
                            regex.IGNORECASE),
        agenda=regex.compile(rf"\s*(?:{role('agenda')})(?!\w)", regex.IGNORECASE),
        frame=regex.compile(
            rf"(?<!\w)(?P<noun>{role('proposal')})(?!\w)[^:;]*?(?<!\w)(?:{role('list_opener')}|cụ thể|là)\s*$",
            regex.IGNORECASE),
        handled=regex.compile(rf"(?<!\w)(?:{role('handled')})(?!\w)", regex.IGNORECASE),
        report_tense=regex.compile(rf"(?<!\w)(?:đã|đang|từng){skip_words}\s*$", regex.IGNORECASE),
        report_adverbs=tuple(" ".join(w.lower().split()) for w in by_role.get("report_adverb", [])),
        conclusion=regex.compile(rf"\s*(?:{role('conclusion')})(?!\w)", regex.IGNORECASE),
    )


# What must follow a deadline phrase of each kind (deadline_phrases.tsv).
_YEAR_AFTER = r"(?:\s*/\s*(?P<year>\d{4})|\s+năm\s+(?P<year2>\d{4}))?"
_DEADLINE_NUMBERS = {
    "date": r"\s*(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{2}(?:\s*phút)?)?\s*,?\s*)?"  # "trước 17 giờ ngày 6/9"
            r"(?:ngày\s+)?(?:(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})(?:\s*[/.-]\s*(?P<year>\d{4}))?"
            r"|(?P<day2>\d{1,2})\s+tháng\s+(?P<month2>\d{1,2})(?:\s+năm\s+(?P<year2>\d{4}))?)(?![\d/])",
    "month": rf"\s+(?P<month>\d{{1,2}}){_YEAR_AFTER}(?![\d/])",
    "month_before": rf"\s+(?P<month>\d{{1,2}}){_YEAR_AFTER}(?![\d/])",
    "quarter": rf"\s+(?P<quarter>IV|I{{1,3}}|[1-4]){_YEAR_AFTER}(?![\w/])",
    "quarter_before": rf"\s+(?P<quarter>IV|I{{1,3}}|[1-4]){_YEAR_AFTER}(?![\w/])",
    "year": r"\s+(?P<year>\d{4})(?!\d)",
    "year_before": r"\s+(?P<year>\d{4})(?!\d)",
    "monthly": r"\s+(?P<day>\d{1,2})\s+(?:hằng|hàng|mỗi)\s+(?:tháng|quý)(?!\w)",  # "trước ngày 10 hằng tháng"
    # "trong thời hạn 15 ngày"; not a period of a year ("trong 6 tháng cuối năm") or one past ("trong 3 tháng qua")
    "duration": r"\s+(?P<amount>\d{1,3}\s+(?:ngày làm việc|ngày|tuần|tháng))(?!\w)(?!\s+(?:cuối|đầu|qua|vừa|gần))",
    "this_month": r"(?!\w)",
    "this_week": r"(?!\w)",
    "year_end": r"(?:\s+(?:năm\s+)?(?P<year>\d{4}))?(?!\w)",
    "text": r"(?!\w)",
}
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


# ---------------------------------------------------------------------------------------------
# Units and tasks


@dataclass(frozen=True)
class Segment:
    """A stretch of a sentence between `;`/`:` marks; `mark` is the mark that ends it ("" at the end)."""

    start: int
    end: int
    mark: str
    bullet: bool = False  # a bullet paragraph of a list


def split_tasks(text: str, start: int, end: int) -> list[Segment]:
    """Cut text[start:end] at `;` and at `:` followed by a space, outside brackets and quotes.

    >>> [(s.start, s.end, s.mark) for s in split_tasks("sau: A; B", 0, 9)]
    [(0, 3, ':'), (4, 6, ';'), (7, 9, '')]
    """
    segments = []
    depth = 0
    quote: str | None = None
    cut = start
    for found in _SPLIT_MARK.finditer(text, start, end):
        i = found.start()
        ch = text[i]
        if quote is not None:
            if ch == _QUOTES[quote] and (ch not in "'\"" or i + 1 >= end or not text[i + 1].isalnum()):
                quote = None
            continue
        if ch in _QUOTES and ch not in "'’" and (ch != '"' or i == start or not text[i - 1].isalnum()):
            quote = ch
        elif ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == ";" or (ch == ":" and (i + 1 >= end or text[i + 1].isspace()))):
            segments.append(Segment(cut, i, ch))
            cut = i + 1
    segments.append(Segment(cut, end, ""))
    return segments


@dataclass(frozen=True)
class Unit:
    """A sentence, or a bullet paragraph that continues the list its previous unit opened."""

    start: int
    end: int
    continues_list: bool = False
    opens_list: bool = False  # "... các nhiệm vụ sau" with bullet lines next: read as if it ended in a colon
    paragraph: int = 0


def _skipped_paragraphs(doc: Document) -> list[tuple[int, int]]:
    return [(s.start, s.end) for label in (TITLE, BYLINE, CAPTION) for s in doc.get(label)]


_ABBREVIATED_CODE = regex.compile(r"(?<!\w)\p{Lu}{1,4}\.$")


def _rejoin(doc: Document, sentences: Sequence[Span]) -> list[tuple[int, int]]:
    """Sentences, re-joined where a road or document code was cut at its dot (`ĐT.` | `305 bị sụt lún`)."""
    joined: list[tuple[int, int]] = []
    for sentence in sentences:
        # the cheap test first: few sentences open with a digit, and the pattern scans the whole sentence before
        if joined and sentence.text[:1].isdigit() and _ABBREVIATED_CODE.search(doc.text, joined[-1][0], joined[-1][1]):
            joined[-1] = (joined[-1][0], sentence.end)
        else:
            joined.append((sentence.start, sentence.end))
    return joined


def _covers(start: int, end: int, paragraph: Span) -> bool:
    """Whether a skipped stretch (title, byline, caption) opens a paragraph and covers at least half of it."""
    return start <= paragraph.start < end and 2 * (end - paragraph.start) >= paragraph.end - paragraph.start


def iter_units(doc: Document, data: DirectiveData) -> Iterator[Unit]:
    """The sentences of the body, with bullet paragraphs that follow a sentence ending in `:` (or in a
    list opener such as `các nhiệm vụ sau`)."""
    skipped = _skipped_paragraphs(doc)
    headings = [(s.start, s.end) for label in (TITLE, BYLINE) for s in doc.get(label)]
    paragraphs = doc.get(PARAGRAPH) or [doc.span(m.start(), m.end(), PARAGRAPH)
                                        for m in _LINE.finditer(doc.text)]
    by_paragraph: dict[int, list[Span]] = {}
    index = 0
    for sentence in doc.get(SENTENCE):  # both sorted by position
        while index < len(paragraphs) and paragraphs[index].end <= sentence.start:
            index += 1
        if index < len(paragraphs) and paragraphs[index].start <= sentence.start:
            by_paragraph.setdefault(index, []).append(sentence)
    list_open = False  # the list a colon opened goes on over bullet paragraphs
    after_colon = False  # ... or, without bullets, into the first sentence of the next paragraph
    for index, paragraph in enumerate(paragraphs):
        if list_open and (_BULLET.match(paragraph.text) or _is_task_paragraph(doc, paragraph, data)) and not any(
                s <= paragraph.start < e for s, e in headings):  # a short bullet without a stop reads as a caption
            # "sau:" then "- Tăng cường ...", or paragraphs that each open with what to do ("Tiếp tục đẩy mạnh
            # ...", "Rà soát ..."): one task each, while they last
            yield Unit(paragraph.start, paragraph.end, continues_list=True, paragraph=index)
            after_colon = False
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        opener = bool(following is not None and (
            (_BULLET.match(following.text) and data.list_opener.search(doc.text, paragraph.start, paragraph.end))
            or data.numbering.match(following.text)))  # "... nhiệm vụ trọng tâm." then "Thứ nhất, ..."
        # a title, caption or byline that covers most of the paragraph (not one that only opens its line)
        heading = any(_covers(s, e, paragraph) for s, e in headings)
        if heading or (not opener and any(_covers(s, e, paragraph) for s, e in skipped)):
            list_open = after_colon = False  # a caption is skipped, unless it opens a list of bullets
            continue
        pieces = _rejoin(doc, by_paragraph.get(index) or [paragraph])
        for position, (start, end) in enumerate(pieces):
            # a sentence followed in its paragraph by "Thứ nhất, ...", "Một là, ..." announces that list
            numbered_next = position + 1 < len(pieces) and bool(data.numbering.match(doc.text, pieces[position + 1][0]))
            yield Unit(start, end, continues_list=after_colon and position == 0,
                       opens_list=(opener and position == len(pieces) - 1) or numbered_next, paragraph=index)
        list_open = after_colon = opener or doc.text[paragraph.start:paragraph.end].rstrip().endswith(":")


def _is_task_paragraph(doc: Document, paragraph: Span, data: DirectiveData) -> bool:
    """A paragraph that opens with what to do (`Tiếp tục đẩy mạnh ...`, `Rà soát, ...`) or with who is to do
    it and then what (`Phòng Nông nghiệp chủ động ...`): a task of the list before it. Not a report
    (`Theo báo cáo, ...`, `Có 15 xã ...`, `Tăng 5% ...`, `UBND huyện đã ...`, `Phòng cho biết ...`)."""
    text = doc.text
    start = paragraph.start
    while start < paragraph.end and text[start].isspace():
        start += 1
    if start >= paragraph.end or not text[start].isupper() or data.adverbial.match(text, start, paragraph.end):
        return False
    action = data.action_first.match(text, start, paragraph.end)  # the longest: "Tăng cường", not "Tăng"
    if action is not None:
        return " ".join(action.group().casefold().split()) not in data.not_task
    # "Phòng Nông nghiệp chủ động hướng dẫn ...": who is to act, then what, with nothing reported between
    return _addressee_then_action(doc, start, paragraph.end, data, data.task_addressee, no_verb=True)


def _addressee_then_action(doc: Document, start: int, end: int, data: DirectiveData,
                           addressee: regex.Pattern[str], *, no_verb: bool) -> bool:
    """Whether text opens with who is to act (`addressee`) and then, close after it, what to do, with no
    reporting verb, tense (or, with `no_verb`, directive verb) between: "Phòng Tài nguyên chủ động rà soát ..."."""
    text = doc.text
    if not addressee.match(text, start, end):
        return False
    action = _first_action(doc, start + 1, min(end, start + TASK_ADDRESSEE_CHARS), data)
    return action is not None and not data.breaker.search(text, start, action.start()) and not \
        (no_verb and data.verbs.search(text, start, action.start())) and not _TENSE.search(text, start, action.start())


# ---------------------------------------------------------------------------------------------
# Verbs


@dataclass(frozen=True)
class VerbHit:
    start: int
    end: int
    rule: VerbRule

    @property
    def verb(self) -> str:
        return self.rule.verb


def find_verb_hits(doc: Document, start: int, end: int, data: DirectiveData) -> list[VerbHit]:
    """Directive verbs in doc.text[start:end] whose context does not rule them out (conditions aside)."""
    text = doc.text
    hits = []
    for match in (data.verb_index or data.verbs).finditer(text, start, end):
        rule = data.rules[" ".join(match.group().lower().split())]
        before = text[max(start, match.start() - 60):match.start()]
        after = text[match.end():match.end() + 40]  # past the task's end: "yêu cầu:" opens a list
        if _ruled_out_before(data, rule.verb, before) and not _asked_in_conclusion(doc, match.start(), before, data) \
                and not _issued_now(data, before, text, match.end(), end) \
                and not _assigned_to_body(doc, rule, start, match.start(), match.end(), end, data):
            continue
        if rule.verb == "yêu cầu" and before.rstrip().endswith(("và", ",")) and data.standard.search(before):
            continue  # "kém ngang tầm với thế mạnh, tiềm lực và yêu cầu đổi mới": a standard, a noun
        if before[-2:-1].isdigit() and _COUNT_BEFORE.search(before):
            continue  # a count makes a noun too: "cử tri có 15 kiến nghị", "3 đề xuất"
        if rule.verb in _PROPOSAL_VERBS and before.rstrip().endswith(",") and _NOUN_LIST.search(before) and not (
                data.addressee.match(after) or data.action_first.match(after)):
            continue  # "các đề xuất, kiến nghị và giải pháp ...": a list of nouns; not "kiến nghị, đề nghị tỉnh ..."
        if _after_report_adverb(data, before) and _reports_results(doc, match.start(), data):
            continue  # "Đảng ủy xã tập trung chỉ đạo sản xuất ...; diện tích ... được duy trì": a report
        if rule.verb in data.clause_tense and before.rstrip().endswith(_JOINERS) and _coordinated_with_tense(
                text, start, match.start(), data.clause_tense[rule.verb], data):
            continue
        if data.after[rule.verb].match(after) and not (
                after.lstrip().startswith(",")
                and data.modal.search(text, match.end(), min(end, match.end() + MODAL_WINDOW_CHARS))):
            continue  # but "yêu cầu, thời gian tới các địa phương cần ...": a comma, then the instruction
        if match.group()[0].isupper() and _WORD_AT_END.search(before):
            continue  # "Ban Chỉ đạo", "Chỉ thị số 15": a name, not a verb, mid-clause
        hits.append(VerbHit(match.start(), match.end(), rule))
    return hits


_CLAUSE_BREAK = regex.compile(r"[,;:.()]")
_PROPOSAL_VERBS = ("kiến nghị", "đề xuất", "đề nghị")
_TENSE = regex.compile(r"(?<!\w)(?:đã|đang|vừa|sẽ|được|bị)(?!\w)", regex.IGNORECASE)
_JOINERS = ("và", "đồng thời", "cũng")  # the words `_JOINED_END` and the clause patterns end with
# "15 kiến nghị"; not a year ("HĐND khóa VI, nhiệm kỳ 2016 – 2021 yêu cầu ...": a clause fronted before the verb)
_COUNT_BEFORE = regex.compile(r"(?<![\d/.,])(?!(?:19|20)\d\d\s)\d+\s+$")
_NOUN_LIST = regex.compile(r"(?<!\w)(?:ý kiến|kiến nghị|đề xuất|đề nghị|nguyện vọng|phản ánh|tâm tư),\s*$",
                           regex.IGNORECASE)
_PAST_MARK = regex.compile(r"(?<!\w)(?:đã|được|đạt|đến nay)(?!\w)", regex.IGNORECASE)


def _paragraph_at(doc: Document, offset: int) -> tuple[int, int]:
    for paragraph in doc.get(PARAGRAPH):
        if paragraph.start <= offset < paragraph.end:
            return paragraph.start, paragraph.end
    start = doc.text.rfind("\n", 0, offset) + 1
    end = doc.text.find("\n", offset)
    return start, end if end >= 0 else len(doc.text)


def _after_report_adverb(data: DirectiveData, before: str) -> bool:
    """Whether the text before a verb ends with `tập trung`, `quan tâm`, `tiếp tục` (a whole word)."""
    tail = before.rstrip().lower()
    return any(tail.endswith(word) and (len(tail) == len(word) or not tail[-len(word) - 1].isalnum())
               for word in data.report_adverbs)


def _reports_results(doc: Document, verb_start: int, data: DirectiveData) -> bool:
    """Whether "tập trung/quan tâm/tiếp tục chỉ đạo" reports what a body did: its paragraph tells results (`đã`,
    `được`, `đạt`, `đến nay`) and no person is the subject ("Trong 6 tháng, Đảng ủy thị trấn tập trung chỉ đạo
    ..."). Not a plan of the month ("Trong tháng 11, Chi bộ thôn tiếp tục chỉ đạo Hội Phụ nữ ...")."""
    start, end = _paragraph_at(doc, verb_start)
    sentence = doc.sentence_of(verb_start)
    clause_start = sentence.start if sentence is not None else start
    if _has_official_subject(doc, clause_start, verb_start, data):
        return False
    return _PAST_MARK.search(doc.text, start, end) is not None


_ISSUED_DOCUMENT = regex.compile(r"(?<!\w)(?:có|ban hành|gửi|ký)\s+(?:văn bản|công văn)\s*$", regex.IGNORECASE)


def _issued_now(data: DirectiveData, before: str, text: str, verb_end: int, end: int) -> bool:
    """`UBND tỉnh vừa có văn bản chỉ đạo các sở, ngành ...`: the document directs someone, and the news is that it
    was issued (`văn bản chỉ đạo` alone is a noun; `đã có văn bản chỉ đạo` a report)."""
    return before.rstrip().endswith(("bản", "văn")) and bool(_ISSUED_DOCUMENT.search(before)) and \
        not data.report_tense.search(before) and bool(
        data.addressee_words.match(text, verb_end + 1, end))


_PASSIVE_SUBJECT_END = regex.compile(r"(?<!\w)(?:đã|đang|sẽ|từng|cũng|bị|được|không|chưa|là|mà|do)\s*$",
                                     regex.IGNORECASE)
_CLAUSE_CUT = regex.compile(r"[,;:.()\n]")
_TASK_NOUN = regex.compile(r"\s*(?:nhiệm vụ|trách nhiệm)\s+")
PASSIVE_SUBJECT_WORDS = 14
_ALLOTMENT = regex.compile(r"(?<![\w/])\d")  # a quantity right after the action: what is allotted
ALLOTMENT_CHARS = 30


def _assigned_to_body(doc: Document, rule: VerbRule, start: int, verb_start: int, verb_end: int, end: int,
                      data: DirectiveData) -> bool:
    """`Phòng Y tế huyện được giao cùng các xã phun thuốc diệt muỗi ...; lập chốt ...`: an assignment told
    in the passive, its addressee the body that opens the clause, its action right after the verb. Not what a
    body has been allotted (`năm 2025 thị trấn được giao hỗ trợ 32 nhà`: no body opens the clause), a post
    (`được giao nhiệm vụ, trọng trách`: no action), nor a report (`Sở đã được giao ...`)."""
    if rule.verb != "giao":  # "đồng chí A được phân công phụ trách ...": a post, reported
        return False
    text = doc.text
    before = text[max(start, verb_start - 60):verb_start]
    agent = data.passive_agent.search(before)
    if agent is None:
        return False
    passive = verb_start - len(before) + agent.start()
    cut = start
    for mark in _CLAUSE_CUT.finditer(text, max(start, passive - 150), passive):
        cut = mark.end()
    subject = text[cut:passive]
    if not data.organisation_start.match(subject) or _PASSIVE_SUBJECT_END.search(subject) or \
            len(_WORD.findall(subject)) > PASSIVE_SUBJECT_WORDS:
        return False
    task = _TASK_NOUN.match(text, verb_end, end)
    action = data.action_first.match(text, task.end() if task else verb_end, end)
    # "được giao làm chủ đầu tư", "được giao quản lý, bảo vệ 1.200 ha rừng": a role or an allotment, not a task
    return action is not None and " ".join(action.group().casefold().split()) not in data.not_task and \
        not _ALLOTMENT.search(text, action.end(), min(end, action.end() + ALLOTMENT_CHARS))


def _asked_in_conclusion(doc: Document, verb_start: int, before: str, data: DirectiveData) -> bool:
    """`đã yêu cầu` in the meeting's own conclusion: "Kết luận phiên họp, đồng chí Chủ tịch HĐND huyện đã yêu
    cầu ..." asks then and there; not what a body did ("Kết luận ..., ông cho biết UBND tỉnh đã giao ...")."""
    if not before.rstrip().endswith("đã"):
        return False
    sentence = doc.sentence_of(verb_start)
    if sentence is None or not data.conclusion.match(doc.text, sentence.start, verb_start):
        return False
    region = doc.text[sentence.start:verb_start]
    comma = region.find(",")
    if comma < 0:
        return False
    subject_start = sentence.start + comma + 1
    tense = doc.text.rfind("đã", subject_start, verb_start)
    subject = doc.text[subject_start:tense]
    if data.says.search(subject) or data.action.search(subject) or data.verbs.search(subject):
        return False
    return _has_official_subject(doc, subject_start, tense, data)


def _coordinated_with_tense(text: str, start: int, verb_start: int, clause_tense: regex.Pattern[str],
                            data: DirectiveData) -> bool:
    """Whether the verb shares the past or future of the clause's first verb through `và`: "phòng đã tham
    mưu UBND huyện di dời ... và đề xuất tỉnh ..." reports what was done; "Đồng chí đánh giá cao những kết
    quả đã đạt được và yêu cầu ..." does not (the tense word there stands inside the object, after a verb)."""
    clause_start = max(start, verb_start - 300)
    for mark in _CLAUSE_BREAK.finditer(text, clause_start, verb_start):
        clause_start = mark.end()
    for said in data.says.finditer(text, clause_start, verb_start):  # "bà X cho biết phòng đã ...": what she says
        clause_start = said.end()
    match = clause_tense.match(text, clause_start, verb_start)
    if match is None:
        return False
    subject = match["subject"]
    return not (data.breaker.search(subject) or data.action.search(subject) or data.verbs.search(subject))


def _ruled_out_before(data: DirectiveData, verb: str, before: str) -> bool:
    """`data.before[verb].search(before)`: a context before the verb that rules it out (`đã`, `theo`).

    The pattern ends at the end of `before` and begins with one of its phrases, at a word's start, so it is
    tried where those phrases' first words stand (found by one Aho-Corasick pass) rather than at each of the
    sixty characters."""
    pattern = data.before[verb]
    folded = before.casefold()
    if verb not in data.before_indexed or data.before_words is None or len(folded) != len(before):
        return bool(pattern.search(before))
    starts = sorted({end + 1 - length for end, length in data.before_words.iter(folded)})
    return any(pattern.match(before, start) for start in starts if start == 0 or not before[start - 1].isalnum())


def _automaton(words: Iterable[str]) -> Any:
    return build_automaton((word, len(word)) for word in words)


def _content_start(text: str, segment: Segment, data: DirectiveData) -> int:
    """Where a task's words begin: after spaces, bullets, numbering words and connectors."""
    position = segment.start
    while True:
        while position < segment.end and text[position].isspace():
            position += 1
        match = data.opener.match(text, position, segment.end)
        if match is None or match.end() == position:
            return position
        position = match.end()


def _meets_conditions(doc: Document, hit: VerbHit, task_end: int, next_segment: Segment | None,
                      has_official_subject: bool, data: DirectiveData) -> bool:
    """Whether the verb's conditions (directive_verbs.tsv) hold; `a|b` holds when either does. An introducer
    (`giao:`, `lưu ý:`) is read with the task after its colon: who is told and the modal may stand before
    the colon or in that task (`lưu ý một số nhiệm vụ sau: các xã cần ...`); what it asks for, before it."""
    text = doc.text
    following = text[hit.end:task_end]
    places = [following]
    if next_segment is not None:
        task = text[next_segment.start:next_segment.end]
        places = [following, task] if following.strip() else [task]

    def holds(condition: str) -> bool:
        if condition == "addressee":  # or the passive's subject: "Sở A được giao phối hợp ..." (find_verb_hits)
            return any(data.addressee.match(place) for place in places) or bool(
                data.passive_agent.search(text, max(0, hit.start - 60), hit.start))
        if condition == "modal":
            # "lưu ý một số nhiệm vụ cần ...": the tasks' own modal, none of them given (without a colon)
            return any(data.modal.search(place[:MODAL_WINDOW_CHARS]) for place in places) and not (
                next_segment is None and data.agenda.match(following))
        if condition == "body":
            return bool(data.body.match(places[0]))
        if condition == "concrete":  # "kiến nghị với Tổ đại biểu các vấn đề về ..."; not "với Bộ sớm mở đường về xã"
            topic = data.topic.match(places[0])
            return topic is None or bool(topic.group("with") and data.action.search(topic.group("with")))
        if condition == "official":
            return has_official_subject
        return True  # delegate, restart, request, relay, joined: how tasks go on, not whether this is one

    return all(any(holds(part) for part in condition.split("|")) for condition in hit.rule.conditions)


# ---------------------------------------------------------------------------------------------
# Issuer, addressees, action, deadline


def _organisation(span: Span) -> str | None:
    organisation = span.value.get("organisation_expanded") or span.value.get("organisation")
    return " ".join(str(organisation).lower().split()) if organisation else None


def _person_of(doc: Document, span: Span) -> str | None:
    """The person an OFFICIAL or POSITION span names; a title-only POSITION is resolved by its title."""
    person = span.value.get("person")
    if person:
        return str(person)
    if span.label != POSITION:
        return None
    if span.value.get("group"):
        return None  # "các đồng chí Phó Chủ tịch UBND huyện": several people
    role, organisation = span.value.get("role"), _organisation(span)
    same_title = [p for p in doc.get(POSITION) if p.value.get("person") and (
        (role and organisation and p.value.get("role") == role and _organisation(p) == organisation)
        or " ".join(p.text.lower().split()) == " ".join(span.text.lower().split()))]
    if not same_title:
        return None
    before = [p for p in same_title if p.start < span.start]
    return str((before[-1] if before else same_title[0]).value["person"])


# the OFFICIAL and POSITION lists last read, and their spans sorted: one tuple, swapped whole, as PhraseScan's
_PEOPLE_CACHE: tuple[Any, Any, list[Span]] = (None, None, [])


def _people(doc: Document) -> list[Span]:
    """OFFICIAL and POSITION spans by position (remembered for the lists last read: the stage reads them often)."""
    officials, positions = doc.get(OFFICIAL), doc.get(POSITION)
    global _PEOPLE_CACHE
    last_officials, last_positions, people = _PEOPLE_CACHE
    if last_officials is not officials or last_positions is not positions or (not officials and not positions):
        people = sorted(officials + positions, key=lambda s: (s.start, s.end))
        _PEOPLE_CACHE = (officials, positions, people)
    return people


def _issuer_record(doc: Document, start: int, end: int, person: str | None) -> dict[str, Any]:
    return {"text": doc.text[start:end], "start": start, "end": end, "person": person}


def _outside(span_start: int, excluded: Sequence[tuple[int, int]]) -> bool:
    return not any(a <= span_start < b for a, b in excluded)


def _subject_bounds(text: str, clause_start: int, verb_start: int, data: DirectiveData) -> tuple[int, int] | None:
    """The words right before the verb that read as its subject (`Cử tri phường A, phường B`).

    Comma-clauses are taken from the verb backwards while they read as one noun phrase: none opens
    with an adverbial (`Tại hội nghị`), reports (`cho biết`, `đã`) or acts; a clause that starts with a
    capital letter is where a subject begins.
    """
    bounds = [clause_start, *(clause_start + m.end() for m in _CLAUSE_MARK.finditer(text[clause_start:verb_start]))]
    start = None
    for cut in reversed(bounds):
        clause = text[cut:verb_start if start is None else start]
        if data.adverbial.match(clause) or data.breaker.search(clause) or (
                start is not None and data.action.search(clause)):
            break
        start = cut
        if len(_WORD.findall(text[start:verb_start])) > MAX_ISSUER_WORDS:
            return None
        if _CAPITAL_START.match(clause):
            break
    if start is None:
        return None
    while start < verb_start and text[start].isspace():
        start += 1
    end = verb_start
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def find_issuer(doc: Document, clause_start: int, verb_start: int, found: Sequence[_Found],
                data: DirectiveData) -> dict[str, Any] | None:
    """Who gives the directive: the subject before the verb, resolved to a person where the text allows.

    The last OFFICIAL/POSITION span (or, with no officials stage, `ông`/`đồng chí` + name) before the
    verb in its sentence; else a pronoun (`Ông`, `Đồng chí`) or no subject at all (`Đồng thời, yêu
    cầu ...`), standing for the last person named before (outside other directives' texts); else
    the words before the verb (`Cử tri huyện Bình Sơn`), when they read as a short noun phrase.
    """
    text = doc.text
    excluded = [(f.start, f.end) for f in found]
    people = [s for s in _people(doc)
              if clause_start <= s.start and s.end <= verb_start and _outside(s.start, excluded)]
    if people:
        return _issuer_record(doc, people[-1].start, people[-1].end, _person_of(doc, people[-1]))
    names = [m for m in data.person_name.finditer(text, clause_start, verb_start) if _outside(m.start(), excluded)]
    if names:
        return _issuer_record(doc, names[-1].start(1), names[-1].end(1), names[-1].group(1))
    region = text[clause_start:verb_start]
    last_clause = region[max(region.rfind(","), region.rfind(":")) + 1:]
    report = data.breaker.search(text, clause_start, verb_start)
    if not last_clause.strip() and report is not None:  # "Cử tri X phản ánh ..., đề nghị ...": X asks
        bounds = _subject_bounds(text, clause_start, report.start(), data)
        if bounds:
            return _issuer_record(doc, *bounds, None)
    if not last_clause.strip() or data.pronoun_clause.match(last_clause):
        return _antecedent(doc, clause_start, verb_start, last_clause, found, data)
    if _JOINED_END.search(region):
        return None  # "X đánh giá cao ... và chỉ đạo": the subject is further back, the list's issuer
    bounds = _subject_bounds(text, clause_start, verb_start, data)
    return _issuer_record(doc, *bounds, None) if bounds else None


def _antecedent(doc: Document, clause_start: int, verb_start: int, last_clause: str, found: Sequence[_Found],
                data: DirectiveData) -> dict[str, Any] | None:
    """Who a pronoun (`Ông`, `Đồng chí cũng`) or a missing subject stands for: the person named last,
    or the one who gave the directive before, whichever comes later."""
    text = doc.text
    excluded = [(f.start, f.end) for f in found]
    people: list[tuple[int, str | None]] = [
        (s.start, _person_of(doc, s)) for s in _people(doc)
        if s.end <= clause_start and _outside(s.start, excluded) and _person_of(doc, s)]
    if not people:
        people = [(m.start(), m.group(1)) for m in data.person_name.finditer(text, 0, clause_start)
                  if _outside(m.start(), excluded)]
    person = max(people, key=lambda c: c[0]) if people else None
    earlier = [f for f in found if f.issuer and f.verb_start < clause_start]
    speaker = earlier[-1] if earlier else None
    if speaker is not None and (person is None or person[0] < speaker.verb_start):
        if not last_clause.strip():  # no subject at all: the same speaker goes on
            return dict(speaker.issuer)  # type: ignore[arg-type]
        antecedent = speaker.issuer.get("person")  # type: ignore[union-attr]
    else:
        antecedent = person[1] if person else None
    if not last_clause.strip():
        return _issuer_record(doc, verb_start, verb_start, antecedent) if antecedent else None
    pronoun = data.pronoun_word.search(text, verb_start - len(last_clause), verb_start)
    start, end = (pronoun.start(), pronoun.end()) if pronoun else (verb_start - len(last_clause.lstrip()), verb_start)
    return _issuer_record(doc, start, end, antecedent)


def _has_official_subject(doc: Document, clause_start: int, verb_start: int, data: DirectiveData) -> bool:
    if any(clause_start <= s.start and s.end <= verb_start for s in _people(doc)):
        return True
    region = doc.text[clause_start:verb_start]
    last_clause = region[max(region.rfind(","), region.rfind(":")) + 1:]
    return bool(data.pronoun_clause.match(last_clause) or data.person_name.search(region))


def _addressee_split(text: str, start: int, end: int, data: DirectiveData) -> list[tuple[int, int]]:
    """`các xã, các ngành` -> two addressees; `các sở, ngành`, `Sở Kế hoạch và Đầu tư` stay one."""
    parts = []
    cut = start
    for match in _LIST_JOINT.finditer(text[start:end]):
        if data.new_addressee.match(text, start + match.end(), end):
            parts.append((cut, start + match.start()))
            cut = start + match.end()
    parts.append((cut, end))
    return [(a, b) for a, b in parts if b > a]


def _first_action(doc: Document, start: int, end: int, data: DirectiveData) -> regex.Match[str] | None:
    """The first action word that is not inside an addressee's name (`chủ đầu tư` is not `đầu tư`)."""
    # not through a PhraseIndex: action words begin a hundred words of an article (`công`, `tổ`), searched in
    # a few short directive texts
    for action in data.action.finditer(doc.text, start, end):
        around = data.addressee_words.finditer(doc.text, max(start, action.start() - 24), min(end, action.end() + 1))
        if not any(m.start() <= action.start() and action.end() <= m.end() and m.end() - m.start() > len(action.group())
                   for m in around):
            return action
    return None


def split_addressee(doc: Document, start: int, end: int, data: DirectiveData
                    ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A directive text's addressees (the words before its first action word) and its action."""
    text = doc.text
    begin = start
    cho = _CHO.match(text[start:end])
    if cho:
        begin = start + cho.end()
    addressees: list[dict[str, Any]] = []
    action_start = start
    if data.addressee.match(text, begin, end) and not data.action_first.match(text, begin, end):
        action = _first_action(doc, begin + 1, end, data)
        if action is not None:
            stop = action.start()
            while stop > begin and text[stop - 1] in " ,":
                stop -= 1
            words = len(_WORD.findall(text[begin:stop]))
            if 0 < words <= MAX_ADDRESSEE_WORDS:
                addressees = [{"text": text[a:b], "start": a, "end": b}
                              for a, b in _addressee_split(text, begin, stop, data)]
                action_start = action.start()
    return addressees, {"text": text[action_start:end], "start": action_start, "end": end}


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def deadline_date(kind: str, parts: dict[str, Any], default_year: int | None, *,
                  anchor: datetime.date | None = None) -> str | None:
    """The ISO date a deadline falls on, or None when it cannot be computed.

    `anchor` is the event's date: a deadline without a year falls after the meeting that sets it
    (`trước 31/1` said in December is next January), and `trong tháng này` is the anchor's month.

    >>> deadline_date("quarter", {"quarter": "III"}, 2024)
    '2024-09-30'
    >>> deadline_date("month_before", {"month": "1"}, 2025)
    '2024-12-31'
    >>> deadline_date("date", {"day": "31", "month": "1"}, None, anchor=datetime.date(2024, 12, 20))
    '2025-01-31'
    >>> deadline_date("this_month", {}, None, anchor=datetime.date(2024, 2, 5))
    '2024-02-29'
    """
    written = parts.get("year")
    year = written or default_year or (anchor.year if anchor else None)
    if year is None or kind in ("text", "monthly", "duration"):
        return None
    found = _deadline(kind, parts, int(year), anchor)
    if found is not None and anchor is not None and not written and found < anchor and kind not in (
            "this_month", "this_week"):
        found = _deadline(kind, parts, int(year) + 1, anchor)  # "trước 31/1" said on 20/12
    return found.isoformat() if found is not None else None


def _deadline(kind: str, parts: dict[str, Any], year: int, anchor: datetime.date | None) -> datetime.date | None:
    try:
        if kind == "date":
            return datetime.date(year, int(parts["month"]), int(parts["day"]))
        if kind == "month":
            return _month_end(year, int(parts["month"]))
        if kind == "month_before":
            return datetime.date(year, int(parts["month"]), 1) - datetime.timedelta(days=1)
        if kind in ("quarter", "quarter_before"):
            quarter = _QUARTERS[str(parts["quarter"]).upper()] - (kind == "quarter_before")
            return _month_end(year, 3 * quarter) if quarter else datetime.date(year - 1, 12, 31)
        if kind in ("year", "year_end"):
            return datetime.date(year, 12, 31)
        if kind == "year_before":
            return datetime.date(year - 1, 12, 31)
        if kind == "this_month" and anchor is not None:
            return _month_end(anchor.year, anchor.month)
        if kind == "this_week" and anchor is not None:
            return anchor + datetime.timedelta(days=6 - anchor.weekday())  # its Sunday
    except (ValueError, KeyError):
        return None
    return None


def find_deadline(doc: Document, start: int, end: int, data: DirectiveData) -> dict[str, Any] | None:
    """The first deadline phrase in a directive's text, with the parts of its date."""
    text = doc.text
    if not (data.deadline_index or data.deadline_any).search(text, start, end):
        return None
    best = None
    starts = data.deadline_index.starts(text) if data.deadline_index else None
    if starts is not None:  # the first place where a phrase begins and a deadline of some kind follows it
        for position in starts[bisect.bisect_left(starts, start):]:
            if position >= end:
                break
            for kind, pattern in data.deadlines:
                match = pattern.match(text, position, end)
                if match and (best is None or match.end() > best[1].end()):
                    best = (kind, match)
            if best is not None:
                break
    else:
        for kind, pattern in data.deadlines:
            match = pattern.search(text, start, end)
            if match and (best is None or (match.start(), -match.end()) < (best[1].start(), -best[1].end())):
                best = (kind, match)
    if best is None:
        return None
    kind, match = best
    groups = {k: v for k, v in match.groupdict().items() if v}
    parts = {"day": groups.get("day") or groups.get("day2"), "month": groups.get("month") or groups.get("month2"),
             "quarter": groups.get("quarter"), "year": groups.get("year") or groups.get("year2"),
             "amount": groups.get("amount")}
    return {"text": match.group(), "start": match.start(), "end": match.end(), "kind": kind,
            **{k: v for k, v in parts.items() if v}}


# ---------------------------------------------------------------------------------------------
# The reader


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and final punctuation (`;`, `.`, `;...`), and quotes that wrap the whole text."""
    lead = _LEADING.match(text, start, end)
    if lead:
        start = lead.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;,:…"):
        end -= 1
    if end - start >= 2 and text[start] in _QUOTES and text[end - 1] == _QUOTES[text[start]]:
        start, end = _trim(text, start + 1, end - 1)
    return start, end


_COPULA = regex.compile(r"[^;]*?(?<!\w)là(?!\w)")  # an action as the subject of "là" (before any ";"): a statement
_STOPPED = regex.compile(r"[.;!…]\s*$")  # a sentence that ends as one; a subheading has no stop
_CLOSING_QUOTE = regex.compile(r"[”»\"]")


def _quote_end(text: str, start: int, end: int) -> int:
    """Where a quoted directive ends: at a closing quote the text never opened (`"Chúng tôi đề nghị tỉnh sớm
    đầu tư ...", ông A nói` gives `tỉnh sớm đầu tư ...`); quotes opened inside it stay (`phương châm "4 tại
    chỗ"`)."""
    for mark in _CLOSING_QUOTE.finditer(text, start, end):
        quote, at = mark.group(), mark.start()
        before = text[start:at]
        if quote == '"':  # straight: a closer follows a word or a stop, and none is open inside the text
            closes = at > start and not text[at - 1].isspace() and (at + 1 >= len(text) or not text[at + 1].isalnum())
            if closes and before.count('"') % 2 == 0:
                return at
        elif before.count("“" if quote == "”" else "«") <= before.count(quote):
            return at
    return end


@dataclass
class _ListState:
    """What governs the tasks of one sentence (or one list over bullet paragraphs)."""

    list_verb: VerbRule | None = None  # the introducer's verb: every task after the colon
    in_list: bool = False
    list_addressed: bool = False  # the introducer names who is to act: "yêu cầu các đơn vị ... sau:"
    carry: VerbRule | None = None  # the last explicit verb, for `;`-tasks without one
    issuer: dict[str, Any] | None = None
    clause_start: int = 0
    # "UBND huyện đã chỉ đạo A; chỉ đạo B; C": the sentence reports, and so do its `;`-tasks
    report: bool = False
    # "cử tri có các ý kiến, kiến nghị như: cần A; cần B; đề nghị C": a list of proposals without a verb before
    # its colon; its items that ask take the first verb written in the list, else the frame's noun
    frame: VerbRule | None = None


@dataclass
class _Found:
    verb_start: int
    verb_end: int
    verb: str
    start: int
    end: int
    issuer: dict[str, Any] | None
    inherited: bool = False


@dataclass
class DirectiveReader:
    doc: Document
    data: DirectiveData
    found: list[_Found] = field(default_factory=list)
    # an introducer that names who is to act, and the number of directives found before it (flushed at list end)
    pending: tuple[_Found, int] | None = None

    def read(self) -> list[_Found]:
        state = _ListState()
        previous: Unit | None = None
        found_before = 0
        for unit in iter_units(self.doc, self.data):
            # "sau: Một là, A. Hai là, B.": a numbered sentence goes on with the list before it
            numbered = bool(self.data.bullet_start.match(self.doc.text, unit.start, unit.end))
            continues = (unit.continues_list or numbered) and state.in_list
            # "Ông yêu cầu A. Đồng thời, đẩy mạnh B.": a sentence opening with a connector, without a verb of
            # its own, goes on with the directive of the sentence before it in the paragraph
            carried = (not continues and previous is not None and len(self.found) > found_before
                       and state.carry is not None
                       and (self.goes_on(unit) if previous.paragraph == unit.paragraph
                            else self.bare_task(unit, previous))
                       # "Đồng thời, Bộ trưởng giao Tổng cục ...": a verb of its own gives its own directive
                       and not find_verb_hits(self.doc, unit.start, unit.end, self.data))
            previous, found_before = unit, len(self.found)
            if not continues:
                self.flush_unanswered_list()
            if carried:
                state = _ListState(carry=state.carry, issuer=state.issuer, clause_start=unit.start)
            elif not continues:
                state = _ListState(clause_start=unit.start)
                verb = (self.data.verb_index or self.data.verbs).search(self.doc.text, unit.start, unit.end)
                if not verb and ":" not in self.doc.text[unit.start:unit.end]:
                    continue  # no verb and no list: nothing to read
                state.report = verb is not None and self.is_reported(verb.start(), unit.start)
            segments = _merge_routes(self.doc, _merge_addressee_runs(
                self.doc, split_tasks(self.doc.text, unit.start, unit.end), self.data))
            if unit.opens_list and segments[-1].mark == "":
                last = segments[-1]
                segments[-1] = Segment(last.start, _trim(self.doc.text, last.start, last.end)[1], ":")
            if state.in_list:  # inside a list, a colon separates an addressee from its task
                segments = _merge_inner_colons(segments)
            for index, segment in enumerate(segments):
                following = segments[index + 1] if index + 1 < len(segments) else None
                self.read_segment(segment, following, state, first=index == 0 and not (continues or carried))
                if segment.mark == ":" and not state.in_list:
                    state.in_list = True
                    segments[index + 1:] = _merge_inner_colons(segments[index + 1:])
                    if state.frame is not None:  # the first verb written in the list governs the items before it
                        state.frame = self.first_list_verb(segments[index + 1:]) or state.frame
        self.flush_unanswered_list()
        return self.found

    def flush_unanswered_list(self) -> None:
        """An introducer that names who is to do what (`yêu cầu các trường học khẩn trương áp dụng mấy biện
        pháp:`) is the directive itself when no task of its list was read (the list is cut off, or not
        written as tasks); one without (`chỉ đạo một số nhiệm vụ sau:`) says nothing alone."""
        if self.pending is not None and len(self.found) == self.pending[1]:
            self.found.append(self.pending[0])
        self.pending = None

    def read_segment(self, segment: Segment, following: Segment | None, state: _ListState, *, first: bool) -> None:
        text = self.doc.text
        content = _content_start(text, segment, self.data)
        if content >= segment.end:
            return
        hits = find_verb_hits(self.doc, content, segment.end, self.data)
        starts: list[tuple[VerbRule, int, int, bool]] = []  # rule, verb start, text start, inherited
        leading = hits[0] if hits and hits[0].start == content else None
        if state.report and not first and (leading is not None or not hits):
            return  # "UBND huyện đã chỉ đạo A; chỉ đạo B": the task goes on with the report
        if state.frame is not None and state.in_list and leading is None and not self.asks(content, segment.end):
            return  # "như: cần A; hệ thống điện gây mất mỹ quan; ...": an item that asks nothing
        if (leading is not None and not first and not state.in_list and state.carry is not None
                and "request" in state.carry.conditions and "relay" in leading.rule.conditions):
            # "đề nghị UBND xã sớm triển khai ...; chỉ đạo các ấp tuyên truyền ...": who is asked relays the
            # instruction down; the task goes on with the request (a request gives no orders of its own)
            leading = None
        if leading is not None and state.in_list and state.list_verb is not None and (
                not self.data.addressee.match(text, leading.end, segment.end)
                or (state.list_addressed and "delegate" in leading.rule.conditions)):
            # "sau: - Chỉ đạo gieo cấy ...", or "yêu cầu các đơn vị ... sau: - Chỉ đạo các đồn ...": the
            # task's own action (what the addressees are to do), not a verb of the speaker's that takes over
            leading = None
        if leading is not None:
            starts.append((leading.rule, leading.start, leading.end, False))
        elif state.in_list and (state.list_verb or state.carry or state.frame) and not (
                hits and "delegate" not in hits[0].rule.conditions and self.has_speaker(content, hits[0].start)):
            starts.append((state.list_verb or state.carry or state.frame, content, content, True))  # type: ignore[arg-type]
        elif not first and state.carry is not None and not self.is_report(content, segment.end) and not (
                hits and "delegate" not in hits[0].rule.conditions):
            starts.append((state.carry, content, content, True))
        elif hits:
            starts.append((hits[0].rule, hits[0].start, hits[0].end, False))
        if starts:  # later verbs belong to the first directive, unless a connector opens a new one
            for hit in hits:
                if hit.start > starts[0][1] and self.cut_before(hit, content) is not None:
                    starts.append((hit.rule, hit.start, hit.end, False))
        previous_issuer: dict[str, Any] | None = None
        accepted = False  # a verb of the segment met its conditions
        for number, (rule, verb_start, text_start, inherited) in enumerate(starts):
            if number + 1 < len(starts):
                following_rule, next_verb = starts[number + 1][0], starts[number + 1][1]
                cut = self.cut_before(VerbHit(next_verb, next_verb, following_rule), content)
                text_end = cut if cut is not None else next_verb
            else:
                text_end = segment.end
            is_introducer = segment.mark == ":" and number == len(starts) - 1 and not state.in_list
            region_start = state.clause_start if first else content
            if inherited or number > 0 or (verb_start == content and not first):
                issuer = previous_issuer or state.issuer or find_issuer(
                    self.doc, state.clause_start, verb_start, self.found, self.data)
            else:
                issuer = find_issuer(self.doc, region_start, verb_start, self.found, self.data) or state.issuer
            if not inherited:
                official = _has_official_subject(self.doc, region_start, verb_start, self.data) or bool(
                    issuer and issuer.get("person"))
                hit = VerbHit(verb_start, text_start, rule)
                if not _meets_conditions(self.doc, hit, text_end, following if is_introducer else None,
                                         official, self.data):
                    continue
            accepted = True
            previous_issuer = issuer
            if state.issuer is None or is_introducer:
                state.issuer = issuer
            if is_introducer:
                state.list_verb = rule
                state.list_addressed = bool(split_addressee(self.doc, text_start, text_end, self.data)[0])
                start, end = _trim(text, text_start, text_end)
                if state.list_addressed and not state.report and end > start:
                    self.pending = (_Found(verb_start, text_start, rule.verb, start, end, issuer), len(self.found))
                continue
            start, end = _trim(text, text_start, _quote_end(text, text_start, text_end))
            if end > start and _WORD.search(text, start, end):
                self.found.append(_Found(verb_start, text_start if not inherited else verb_start, rule.verb,
                                         start, end, issuer, inherited))
            if not inherited and not (state.in_list and state.list_verb):
                state.carry = rule
        if not accepted and segment.mark == ":" and not state.in_list:
            # a list without a verb of its own: "đóng góp ý kiến ... như: Đề nghị ...", "kiến nghị một số vấn đề
            # như: ..." (a verb whose object is topics)
            state.list_verb = None
            state.frame = None if state.report else self.frame_verb(content, segment.end)
            state.issuer = state.issuer or find_issuer(self.doc, state.clause_start, segment.end, self.found,
                                                       self.data)

    def bare_task(self, unit: Unit, previous: Unit) -> bool:
        """Whether the first sentence of a paragraph goes on with the directive that ended the paragraph before:
        it opens with what to do, and no one does it (`Thông báo, cắm biển cảnh báo ...; bố trí cán bộ trực ...`
        after `Chủ tịch giao Sở A chủ trì ...`); not a report (`Tăng 5% ...`, `Có 12 xã ...`)."""
        if previous.paragraph + 1 != unit.paragraph:
            return False
        text = self.doc.text
        if self.data.adverbial.match(text, unit.start, unit.end) or not _STOPPED.search(text, unit.start, unit.end):
            return False  # "Phát biểu tại ...": a clause before its subject; a subheading without a stop
        action = self.data.action_first.match(text, unit.start, unit.end)
        return action is not None and text[action.end() - len(action.group().lstrip())].isupper() and \
            " ".join(action.group().casefold().split()) not in self.data.not_task and \
            not self.data.breaker.search(text, action.end(), unit.end) and \
            not self.data.says.search(text, action.end(), unit.end) and \
            not _COPULA.match(text, action.end(), unit.end)  # "Tổ chức thành công lễ hội là niềm tự hào ..."

    def goes_on(self, unit: Unit) -> bool:
        """Whether a sentence opens with a connector that carries the directive before it on: `Đồng thời, ...`
        (`Đồng thời, đẩy mạnh ...`), or `Trong đó, ...`/`Cụ thể, ...` when what follows asks (`Trong đó, cần ưu
        tiên ...; tổ chức ...`, not `Trong đó, 12 xã đạt chuẩn`). Not the speaker's own words (`Đồng thời,
        khẳng định sẽ ...`, `Đồng thời, cảm ơn ...`): a report or a promise."""
        text = self.doc.text
        connector = self.data.connector_start.match(text, unit.start, unit.end)
        elaboration = None if connector else self.data.elaboration_start.match(text, unit.start, unit.end)
        opened = connector or elaboration
        if opened is None or self.is_report(opened.end(), unit.end) or self.data.promise.match(text, opened.end()):
            return False
        return elaboration is None or self.asks(opened.end(), unit.end)

    def cut_before(self, hit: VerbHit, content: int) -> int | None:
        """Where the directive before a later verb ends, if that verb opens a new one: after `đồng thời`
        (`..., đồng thời giao B ...`), after a comma for a verb that restarts (`..., đề nghị huyện ...`), or
        after `và` for one that is said rather than done (`nhấn mạnh ... và yêu cầu các cấp ủy ...`)."""
        window = max(content, hit.start - 30)
        connector = self.data.connector_before.search(self.doc.text, window, hit.start)
        if connector is not None:
            return connector.start()
        if "restart" in hit.rule.conditions:
            comma = _COMMA_BEFORE.search(self.doc.text, window, hit.start)
            if comma is not None:
                return comma.start()
            subject = self.subject_after_comma(hit, content)
            if subject is not None:
                return subject
        if "joined" in hit.rule.conditions:
            joint = _AND_BEFORE.search(self.doc.text, window, hit.start)
            if joint is not None:
                return joint.start()
        return None

    def subject_after_comma(self, hit: VerbHit, content: int) -> int | None:
        """Where a comma ends the directive before a verb that has a subject of its own after that comma:
        "đề nghị huyện A bố trí ..., riêng huyện B đề nghị bố trí ...", "..., UBND xã cũng đề nghị ..." (a short
        noun phrase, no action and no report between the comma and the verb)."""
        text = self.doc.text
        comma = text.rfind(",", max(content, hit.start - SUBJECT_CLAUSE_CHARS), hit.start)
        if comma < 0:
            return None
        words = _WORD.findall(text, comma + 1, hit.start)
        if not 0 < len(words) <= MAX_SUBJECT_CLAUSE_WORDS or _TENSE.search(text, comma + 1, hit.start) or \
                self.data.breaker.search(text, comma + 1, hit.start) or \
                _first_action(self.doc, comma + 1, hit.start, self.data) is not None or \
                self.data.verbs.search(text, comma + 1, hit.start) or \
                not (self.data.addressee_words.search(text, comma + 1, hit.start)
                     or self.data.pronoun_clause.match(text[comma + 1:hit.start])):
            return None
        return comma

    def is_reported(self, verb_start: int, unit_start: int) -> bool:
        """Whether the first directive verb of a sentence reports what was done (`đã chỉ đạo`, `đang chỉ đạo`,
        `tập trung chỉ đạo` in a paragraph of results), so that its `;`-tasks report too."""
        before = self.doc.text[max(unit_start, verb_start - 60):verb_start]
        if self.data.report_tense.search(before):
            return not _asked_in_conclusion(self.doc, verb_start, before, self.data)
        return _after_report_adverb(self.data, before) and _reports_results(self.doc, verb_start, self.data)

    def frame_verb(self, start: int, end: int) -> VerbRule | None:
        """If a clause frames a list of proposals (`cử tri có các ý kiến, kiến nghị như`, `cử tri kiến nghị một
        số vấn đề như`), the verb its items take when the list writes none: its first proposal noun
        (`ý kiến` alone asks as `đề nghị`). No frame for proposals answered (`trả lời các kiến nghị như`) or made
        in the past (`đã đề xuất các giải pháp như`), nor for topics (`kiến nghị các vấn đề về:`)."""
        text = self.doc.text
        frame = self.data.frame.search(text, start, end)
        if frame is None or self.data.handled.search(text, start, frame.start()) or \
                self.data.topic_list.search(text, frame.start(), end):
            return None  # answered, or topics: "ý kiến ... tập trung vào một số vấn đề như: giá cả ...; ..."
        nouns = [m for m in self.data.verbs.finditer(text, frame.start(), end)
                 if self.data.rules[" ".join(m.group().lower().split())].verb in _PROPOSAL_VERBS]
        if nouns and self.data.report_tense.search(text, max(start, nouns[0].start() - 60), nouns[0].start()):
            return None
        verb = self.data.rules[" ".join(nouns[0].group().lower().split())].verb if nouns else "đề nghị"
        return VerbRule(verb, verb, frozenset({"request"}))

    def first_list_verb(self, segments: Sequence[Segment]) -> VerbRule | None:
        """The verb that opens the first item of a list that has one (`như: cần A; cần B; đề nghị C`)."""
        for segment in segments:
            content = _content_start(self.doc.text, segment, self.data)
            hits = find_verb_hits(self.doc, content, segment.end, self.data)
            if hits and hits[0].start == content:
                return hits[0].rule
        return None

    def asks(self, start: int, end: int) -> bool:
        """Whether a list item asks for something: it opens with an action (`nâng cấp ...`, `sớm ...`), holds a
        modal (`việc cấp giấy ... cần nhanh hơn`), or names who is to act and then what (`Phòng Tài nguyên và
        các đơn vị đẩy mạnh ...`); not a topic (`vấn đề ô nhiễm môi trường`, `đường xá xuống cấp`)."""
        text = self.doc.text
        if self.data.action_first.match(text, start, end) or self.data.modal.search(text, start, end):
            return True
        return _addressee_then_action(self.doc, start, end, self.data, self.data.addressee, no_verb=False)

    def has_speaker(self, start: int, end: int) -> bool:
        """Whether the words before a verb name who speaks (`Đồng chí đề nghị ...` inside a list)."""
        clause = self.doc.text[start:end]
        return bool(self.data.pronoun_clause.match(clause) or self.data.person_name.search(clause)
                    or any(start <= s.start and s.end <= end for s in _people(self.doc)))

    def is_report(self, start: int, end: int) -> bool:
        """A `;`-task that reports ("một số ý kiến phản ánh ...") rather than carrying the directive on."""
        window = self.doc.text[start:end]
        words = list(_WORD.finditer(window))[:BREAKER_WINDOW_WORDS]
        if not words:
            return True
        limit = words[-1].end()
        breaker = self.data.breaker.search(window, 0, limit)
        if breaker is None:
            return False
        action = self.data.action.search(window, 0, limit)
        return action is None or breaker.start() < action.start()




def _merge_addressee_runs(doc: Document, segments: list[Segment], data: DirectiveData) -> list[Segment]:
    """Join `;`-segments that only name addressees to the task after them: "Giao Giám đốc Sở Tài chính; Chủ
    tịch UBND huyện A; thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành ..." is one task."""
    if len(segments) < 2:
        return segments
    merged = [segments[0]]
    for previous, segment in itertools.pairwise(segments):
        if previous.mark == ";" and _names_only(doc, previous, data) and _opens_with_addressee(doc, segment, data):
            merged[-1] = Segment(merged[-1].start, segment.end, segment.mark, segment.bullet)
        else:
            merged.append(segment)
    return merged


_ROUTE = regex.compile(r"\s*(?:(?:đoạn|tuyến)\s+)?từ\s+\S", regex.IGNORECASE)
_ROUTE_INSIDE = regex.compile(r"(?<!\w)từ\s+\S[^;]*?\s(?:đến|sang|tới|về|ra)\s", regex.IGNORECASE)


def _merge_routes(doc: Document, segments: list[Segment]) -> list[Segment]:
    """Join a `;`-segment that names one more stretch of the object before it: "mở mới các tuyến đường từ thôn A
    sang xã B; từ thôn C sang xã D để ..." is one request (`từ` opens no task of its own)."""
    if len(segments) < 2:
        return segments
    text = doc.text
    merged = [segments[0]]
    for segment in segments[1:]:
        last = merged[-1]
        if last.mark == ";" and _ROUTE.match(text, segment.start, segment.end) and \
                _ROUTE_INSIDE.search(text, last.start, last.end):
            merged[-1] = Segment(last.start, segment.end, segment.mark, segment.bullet)
        else:
            merged.append(segment)
    return merged


def _opens_with_addressee(doc: Document, segment: Segment, data: DirectiveData) -> bool:
    text = doc.text
    start = _content_start(text, segment, data)
    return (any(s.start == start for s in _people(doc)) or bool(data.addressee.match(text, start, segment.end))) \
        and not data.action_first.match(text, start, segment.end)


def _names_only(doc: Document, segment: Segment, data: DirectiveData) -> bool:
    """Whether a segment after its verb (or all of it, without one) is a short list of addressees, with no action:
    "Giao Giám đốc Sở Tài chính", "Chủ tịch UBND huyện A và thành phố B"."""
    text = doc.text
    if segment.end - segment.start > MAX_NAMES_CHARS:
        return False
    # the verb is an action word; not a syllable of another word ("bàn giao toàn bộ mặt bằng", "ngoại giao Việt
    # Nam - Lào" are tasks, not an assignment to whoever follows)
    verb = (data.verb_index or data.verbs).search(text, segment.start, segment.end)
    hits = find_verb_hits(doc, segment.start, verb.end(), data) if verb else []  # that verb only, in its context
    start = hits[0].end if hits else _content_start(text, segment, data)
    action = data.action.search(text, start, segment.end)
    people = _people(doc)
    if action is not None and not any(s.start <= action.start() < s.end for s in people):
        return False  # most tasks: an action, and no title around it
    titles = [(s.start, s.end) for s in people if start <= s.start and s.end <= segment.end]
    while start < segment.end and text[start].isspace():
        start += 1
    titled = any(a == start for a, _ in titles)
    if not (titled or data.addressee.match(text, start, segment.end)) or data.action_first.match(
            text, start, segment.end):
        return False
    if not 0 < len(_WORD.findall(text, start, segment.end)) <= MAX_NAMES_WORDS:
        return False
    # an action word inside a title is part of its name: "Trưởng Ban Quản lý dự án đầu tư xây dựng huyện"
    return all(any(a <= m.start() < b for a, b in titles) for m in data.action.finditer(text, start, segment.end))


def _merge_inner_colons(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].mark == ":":
            merged[-1] = Segment(merged[-1].start, segment.end, segment.mark, segment.bullet)
        else:
            merged.append(segment)
    return merged


_QUOTE_SENTENCE = regex.compile(r"[^.!?…]+(?:[.!?…]+(?!\s+\p{Lu})[^.!?…]*)*")  # cut at a stop before a capital
_OPENING_QUOTE = regex.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*\K[“\"]", regex.MULTILINE)  # opens a sentence
_PROHIBITION = regex.compile(r"(?<!\w)(?:không được|không để|nghiêm cấm|tuyệt đối không)(?!\w)", regex.IGNORECASE)


@functools.cache
def _attributed_quote() -> regex.Pattern[str]:
    """A quote at the start of a paragraph or sentence, said to be someone's instruction after it:
    `“Các xã phải ...” – đó là chỉ đạo của Bí thư Tỉnh ủy ...`, `"Các xã phải ...", Chủ tịch UBND tỉnh yêu cầu.`"""
    data = load_directive_data()
    verbs = _words_pattern([r.surface for r in data.rules.values() if r.verb == " ".join(r.surface.split())])
    return regex.compile(  # tried at each opening quote that starts a line or follows a stop
        rf"(?P<open>[“\"])(?P<quote>[^“”\"\n]{{10,1500}})[”\"]\s*(?:[-–—,]\s*)?"
        rf"(?:(?:đó|đây)\s+là\s+(?:lời\s+|ý\s+kiến\s+|nội\s+dung\s+)?(?P<verb>{verbs})\s+(?:của|từ)(?!\w)"
        rf"|(?P<subject>[^.;:“”\"\n]{{1,100}}?)\s+(?P<verb2>{verbs})(?:\s+(?:rõ|thêm))?\s*[.!])",
        regex.IGNORECASE)


def find_attributed_quotes(doc: Document, data: DirectiveData, found: Sequence[_Found]) -> list[_Found]:
    """Directives quoted first and attributed after: each sentence of the quote that asks (a modal, a ban, or
    an action first) is one, governed by the attribution's verb (`đó là chỉ đạo của ...` gives chỉ đạo)."""
    text = doc.text
    if "“" not in text and '"' not in text:
        return []
    skipped = _skipped_paragraphs(doc)
    pattern = _attributed_quote()
    quotes = []
    for opening in _OPENING_QUOTE.finditer(text):
        match = pattern.match(text, opening.start())
        if match is None or any(a <= match.start("quote") < b for a, b in skipped):
            continue
        verb = match.group("verb") or match.group("verb2")
        verb_start, verb_end = match.span("verb") if match.group("verb") else match.span("verb2")
        if match.group("subject") is not None and not _has_official_subject(
                doc, match.start("subject"), verb_start, data):
            continue  # `"...", ông A yêu cầu.`: a person says it
        rule = data.rules[" ".join(verb.lower().split())]
        attribution = [p for p in _people(doc) if match.end("quote") <= p.start < match.end()]
        issuer = _issuer_record(doc, attribution[-1].start, attribution[-1].end, _person_of(doc, attribution[-1])) \
            if attribution else None
        for sentence in _QUOTE_SENTENCE.finditer(text, match.start("quote"), match.end("quote")):
            start, end = _trim(text, sentence.start(), sentence.end())
            if end <= start or any(f.start < end and start < f.end for f in found):
                continue
            if data.modal.search(text, start, end) or _PROHIBITION.search(text, start, end) or \
                    data.action_first.match(text, start, end):
                quotes.append(_Found(verb_start, verb_end, rule.verb, start, end, issuer))
    return quotes


def find_directives(doc: Document, data: DirectiveData) -> list[Span]:
    """DIRECTIVE spans over each directive's text; the value carries verb, issuer, addressees, action, deadline."""
    spans = []
    seen: set[tuple[str, str]] = set()
    read = DirectiveReader(doc, data).read()
    quoted = find_attributed_quotes(doc, data, read)
    for found in sorted(read + quoted, key=lambda f: f.start) if quoted else read:
        key = (found.verb, " ".join(doc.text[found.start:found.end].lower().split()))
        if key in seen:
            continue  # the same sentence twice (a lead repeated as a list item, a caption printed twice)
        seen.add(key)
        addressees, action = split_addressee(doc, found.start, found.end, data)
        value = {
            "verb": found.verb,
            "verb_start": found.verb_start if not found.inherited else None,
            "verb_end": found.verb_end if not found.inherited else None,
            "inherited": found.inherited,
            "issuer": found.issuer,
            "addressees": addressees,
            "action": action,
            "deadline": find_deadline(doc, found.start, found.end, data),
        }
        spans.append(doc.span(found.start, found.end, DIRECTIVE, value))
    return spans


def add_directives(doc: Document) -> Document:
    """Stage: DIRECTIVE spans (requires SENTENCE; uses OFFICIAL and POSITION spans for the issuer)."""
    return doc.set(DIRECTIVE, find_directives(doc, load_directive_data()))


def _event_date(doc: Document) -> datetime.date | None:
    for span in doc.get(EVENT):
        date = span.value.get("date")
        if date:
            try:
                return datetime.date.fromisoformat(str(date))
            except ValueError:
                return None
    return None


def directive_records(doc: Document) -> list[dict[str, Any]]:
    """SCHEMA.md `directives`: verb and text, plus offsets, issuer, addressees, action and deadline."""
    anchor = _event_date(doc)
    records = []
    for span in doc.get(DIRECTIVE):
        value = span.value
        deadline = value.get("deadline")
        if deadline:
            deadline = {"text": deadline["text"], "start": deadline["start"], "end": deadline["end"],
                        "kind": deadline["kind"], "date": deadline_date(deadline["kind"], deadline, None,
                                                                        anchor=anchor)}
        records.append({
            "verb": value["verb"],
            "text": span.text,
            "start": span.start,
            "end": span.end,
            "verb_offsets": ({"start": value["verb_start"], "end": value["verb_end"]}
                             if value.get("verb_start") is not None else None),
            "verb_inherited": bool(value.get("inherited")),
            "issuer": value.get("issuer"),
            "addressees": list(value.get("addressees", [])),
            "action": value.get("action"),
            "deadline": deadline,
        })
    return records
