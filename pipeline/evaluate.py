"""Scoring against gold files: precision, recall and F1 per field.

The matching follows the shared evaluation (`shared/eval/score.py`) so that the figures agree:
comparison is indifferent to Unicode form, case, spacing, tone-mark placement and common
administrative abbreviations; officials match by name, titles by containment, indicators by value
(1e-6 relative), unit and ratio denominator, directives by token overlap (Jaccard >= 0.5) or
containment, places by name (and their type is scored among matched places).
Gold files are `NAME.gold.json` beside `NAME.txt`, in the format of `shared/eval/GUIDE.md`.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

FIELDS = ("officials", "official_titles", "authors", "places", "place_types", "indicators",
          "directives", "directive_verbs", "event_date")
MAIN_FIELDS = ("officials", "official_titles", "places", "indicators", "directives", "event_date")

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# The abbreviations the shared scorer expands; kept identical so our figures equal its figures.
SCORER_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "btv": "ban thường vụ",
    "mttq": "mặt trận tổ quốc", "ubmttq": "ủy ban mặt trận tổ quốc", "đbqh": "đại biểu quốc hội",
    "tn&mt": "tài nguyên và môi trường", "tc-kh": "tài chính - kế hoạch", "ktxh": "kinh tế - xã hội",
    "kt-xh": "kinh tế - xã hội", "gd&đt": "giáo dục và đào tạo",
    "nn&ptnt": "nông nghiệp và phát triển nông thôn", "lđtb&xh": "lao động - thương binh và xã hội",
    "vh,tt&dl": "văn hóa, thể thao và du lịch", "tp": "thành phố", "tp.": "thành phố", "tx": "thị xã",
    "tt": "thị trấn",
}


def comparison_key(text: Any) -> str:
    """Lower case, single-spaced, abbreviations expanded, each syllable's tone mark moved to its end."""
    text = unicodedata.normalize("NFC", str(text)).lower().replace("\u00a0", " ")
    syllables = []
    for word in text.split():
        for part in SCORER_ABBREVIATIONS.get(word, word).split():
            decomposed = unicodedata.normalize("NFD", part)
            tones = "".join(c for c in decomposed if c in _TONES)
            bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
            syllables.append(bare + tones)
    return " ".join(syllables)


def _words(text: Any) -> set[str]:
    return set(regex.findall(r"\w+", comparison_key(text)))


def _number(x: Any) -> float | None:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _text(item: Any, key: str = "text") -> str:
    return str(item.get(key, "")) if isinstance(item, Mapping) else str(item)


def same_title(gold: str, predicted: str) -> bool:
    g, p = comparison_key(gold), comparison_key(predicted)
    return bool(g and p) and (g in p or p in g)


def same_indicator(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    g, p = _number(gold.get("value")), _number(predicted.get("value"))
    if g is None or p is None or abs(g - p) > 1e-6 * max(1.0, abs(g)):
        return False
    if comparison_key(gold.get("unit", "")) != comparison_key(predicted.get("unit", "")):
        return False
    return gold.get("of") is None or _number(gold.get("of")) == _number(predicted.get("of"))


def same_directive(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    a, b = _words(_text(gold)), _words(_text(predicted))
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= 0.5 or comparison_key(_text(gold)) in comparison_key(_text(predicted))


def _same_name(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    return comparison_key(gold["name"]) == comparison_key(predicted.get("name", ""))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.misses.extend(other.misses)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def greedy_match(gold: list[Any], predicted: list[Any], same: Callable[[Any, Any], bool]
                 ) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """One-to-one matching in gold order: (pairs, unmatched gold, unmatched predictions)."""
    free = list(predicted)
    pairs, missed = [], []
    for g in gold:
        hit = next((p for p in free if same(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            pairs.append((g, hit))
    return pairs, missed, free


def score_document(gold: Mapping[str, Any], doc: Mapping[str, Any]) -> dict[str, Tally]:
    """Tallies per field for one article's prediction (`doc`, as written by the pipeline)."""
    name = str(gold.get("id", "?"))
    t = {f: Tally() for f in FIELDS}

    def tally(fieldname: str, pairs: int, extra: int, missed: int, notes: Iterable[str] = ()) -> None:
        t[fieldname].tp += pairs
        t[fieldname].fp += extra
        t[fieldname].fn += missed
        t[fieldname].misses.extend(f"{name}: {n}" for n in notes)

    g_off = list(gold.get("officials", []))
    p_off = [o for o in doc.get("officials", []) if isinstance(o, Mapping)]
    pairs, miss, extra = greedy_match(g_off, p_off, _same_name)
    tally("officials", len(pairs), len(extra), len(miss),
          [f"missed {m['name']}" for m in miss] + [f"extra {e.get('name')}" for e in extra])
    g_pairs = [(o["name"], title) for o in g_off for title in o.get("titles", [])]
    p_pairs = [(o.get("name", ""), _text(title)) for o in p_off for title in o.get("titles", [])]
    pairs, miss, extra = greedy_match(
        g_pairs, p_pairs, lambda g, p: comparison_key(g[0]) == comparison_key(p[0]) and same_title(g[1], p[1]))
    tally("official_titles", len(pairs), len(extra), len(miss),
          [f"missed {n}: {x}" for n, x in miss] + [f"extra {n}: {x}" for n, x in extra])

    g_auth = list(gold.get("authors", []))
    p_auth = [_text(a, "name") for a in doc.get("authors", [])]
    pairs, miss, extra = greedy_match(g_auth, p_auth, lambda g, p: comparison_key(g) == comparison_key(p))
    tally("authors", len(pairs), len(extra), len(miss), [f"missed {m}" for m in miss] + [f"extra {e}" for e in extra])

    g_pl = list(gold.get("places", []))
    p_pl = [p for p in doc.get("places", []) if isinstance(p, Mapping)]
    pairs, miss, extra = greedy_match(g_pl, p_pl, _same_name)
    tally("places", len(pairs), len(extra), len(miss),
          [f"missed {m['name']} ({m['type']})" for m in miss]
          + [f"extra {e.get('name')} ({e.get('type')})" for e in extra])
    wrong = [(g, p) for g, p in pairs if comparison_key(g["type"]) != comparison_key(p.get("type", ""))]
    tally("place_types", len(pairs) - len(wrong), len(wrong), 0,
          [f"{g['name']}: gold {g['type']}, got {p.get('type')}" for g, p in wrong])

    g_ind = list(gold.get("indicators", []))
    p_ind = [i for i in doc.get("indicators", []) if isinstance(i, Mapping)]
    pairs, miss, extra = greedy_match(g_ind, p_ind, same_indicator)
    extra = [e for e in extra if not any(same_indicator(g, e) for g, _ in pairs)]  # repeats are not false hits
    tally("indicators", len(pairs), len(extra), len(miss),
          [f"missed {m['text']!r} = {m['value']} {m['unit']}" for m in miss]
          + [f"extra {e.get('text')!r} = {e.get('value')} {e.get('unit')}" for e in extra])

    g_dir = list(gold.get("directives", []))
    p_dir = [d for d in doc.get("directives", []) if isinstance(d, Mapping)]
    pairs, miss, extra = greedy_match(g_dir, p_dir, same_directive)
    tally("directives", len(pairs), len(extra), len(miss),
          [f"missed [{m['verb']}] {m['text'][:90]}" for m in miss]
          + [f"extra [{e.get('verb')}] {_text(e)[:90]}" for e in extra])
    right = sum(comparison_key(g["verb"]) == comparison_key(p.get("verb", "")) for g, p in pairs)
    tally("directive_verbs", right, len(pairs) - right, 0,
          [f"verb: gold {g['verb']}, got {p.get('verb')}: {g['text'][:50]}" for g, p in pairs
           if comparison_key(g["verb"]) != comparison_key(p.get("verb", ""))])

    g_date = gold.get("event_date")
    p_date = (doc.get("event") or {}).get("date")
    if g_date or p_date:
        ok = g_date == p_date
        tally("event_date", int(ok), int(bool(p_date) and not ok), int(bool(g_date) and not ok),
              [] if ok else [f"gold {g_date}, got {p_date}"])
    return t


@dataclass
class Report:
    """Tallies per field over a set of articles, with the macro F1 the shared scorer prints."""

    articles: int = 0
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    missing: list[str] = field(default_factory=list)

    def add(self, tallies: Mapping[str, Tally]) -> None:
        self.articles += 1
        for name, tally in tallies.items():
            self.fields[name].add(tally)

    @property
    def macro_f1(self) -> float:
        return sum(self.fields[f].f1 for f in MAIN_FIELDS) / len(MAIN_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "macro_f1": round(self.macro_f1, 4), "missing_predictions": self.missing,
                "fields": {n: {"precision": round(t.precision, 4), "recall": round(t.recall, 4), "f1": round(t.f1, 4),
                               "tp": t.tp, "fp": t.fp, "fn": t.fn} for n, t in self.fields.items()}}

    def format(self, *, show: bool = False) -> str:
        lines = [f"{'field':<16} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
        for name, t in self.fields.items():
            lines.append(f"{name:<16} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}   {t.tp}/{t.fp}/{t.fn}")
            if show:
                lines.extend(f"    {m}" for m in t.misses)
        if self.missing:
            lines.append("no prediction for: " + ", ".join(self.missing))
        lines.append(f"macro F1 over {self.articles} articles: {self.macro_f1:.3f}")
        return "\n".join(lines)


PLACE_TYPES = frozenset({"tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn", "thôn",
                         "other", "country", "foreign"})
CANONICAL_UNITS = frozenset({"VND", "USD", "%", "ha", "m2", "km2", "km", "m", "kg", "kg/ha", "m3", "MW", "kWh",
                             "người"})
GOLD_KEYS = frozenset({"id", "url", "event_date", "officials", "authors", "places", "indicators", "directives"})


def check_gold(path: Path) -> list[str]:
    """Problems of one gold file against the annotation guide (empty when it is well-formed).

    Checks the keys and types, that every name, title, indicator text and directive text is a
    substring of the article (the guide copies them exactly), place types, canonical units and
    lower-case directive verbs.
    """
    name = path.name[: -len(".gold.json")]
    article_path = path.with_name(name + ".txt")
    if not article_path.exists():
        return [f"no article {article_path.name}"]

    def squash(text: str) -> str:
        return regex.sub(r"\s+", " ", unicodedata.normalize("NFC", text))

    from .decode import decode_bytes

    article = squash(decode_bytes(article_path.read_bytes(), name=article_path.name).text)  # a legacy encoding too
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"invalid JSON: {exc}"]
    problems = [f"missing keys {sorted(GOLD_KEYS - gold.keys())}"] if GOLD_KEYS - gold.keys() else []
    if gold.get("id") != name:
        problems.append(f"id {gold.get('id')!r} is not the file name {name!r}")
    date = gold.get("event_date")
    if date is not None and not regex.fullmatch(r"\d{4}-\d{2}-\d{2}", str(date)):
        problems.append(f"event_date {date!r} is not ISO")

    def inside(text: Any, what: str) -> None:
        if not isinstance(text, str) or not text or squash(text) not in article:
            problems.append(f"{what} not in the article: {text!r}")

    for official in gold.get("officials", []):
        inside(official.get("name"), "official name")
        if not official.get("titles"):
            problems.append(f"official without titles: {official.get('name')!r}")
        for title in official.get("titles", []):
            inside(title, "title")
    for author in gold.get("authors", []):
        inside(author, "author")
    seen = set()
    for place in gold.get("places", []):
        inside(place.get("name"), "place")
        if place.get("type") not in PLACE_TYPES:
            problems.append(f"place type {place.get('type')!r} of {place.get('name')!r}")
        key = (comparison_key(place.get("name", "")), place.get("type"))
        if key in seen:
            problems.append(f"place listed twice: {place.get('name')!r} ({place.get('type')})")
        seen.add(key)
    for indicator in gold.get("indicators", []):
        inside(indicator.get("text"), "indicator")
        if _number(indicator.get("value")) is None or isinstance(indicator.get("value"), str):
            problems.append(f"indicator value is not a number: {indicator}")
        unit = str(indicator.get("unit", ""))
        if unit not in CANONICAL_UNITS and (not unit or unit != unit.lower()):
            problems.append(f"indicator unit {unit!r} is neither canonical nor a lower-case noun")
        if "of" in indicator and _number(indicator["of"]) is None:
            problems.append(f"indicator 'of' is not a number: {indicator}")
    for directive in gold.get("directives", []):
        inside(directive.get("text"), "directive")
        verb = str(directive.get("verb", ""))
        if not verb or verb != verb.lower():
            problems.append(f"directive verb must be lower case: {verb!r}")
        if str(directive.get("text", "")).rstrip().endswith((";", ".")):
            problems.append(f"directive text ends with ';' or '.': {directive.get('text', '')[-30:]!r}")
    return problems


def gold_files(root: Path) -> list[Path]:
    """Every `*.gold.json` below `root` (recursive), sorted."""
    return sorted(root.rglob("*.gold.json")) if root.is_dir() else [root]


def load_gold(path: Path) -> dict[str, Any]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    gold.setdefault("id", path.name[: -len(".gold.json")])
    return gold


def evaluate(gold_root: Path, predict: Callable[[Path], Mapping[str, Any] | None]) -> dict[str, Report]:
    """Reports per folder below `gold_root` (key: folder relative to the root) and in total ('all').

    `predict(article_txt_path)` returns the pipeline's output for an article, or None if missing.
    """
    reports: dict[str, Report] = {"all": Report()}
    for path in gold_files(gold_root):
        gold = load_gold(path)
        group = str(path.parent.relative_to(gold_root)) if gold_root.is_dir() else "."
        article = path.with_name(path.name[: -len(".gold.json")] + ".txt")
        doc = predict(article)
        report = reports.setdefault(group, Report())
        if doc is None:
            for r in (report, reports["all"]):
                r.missing.append(str(gold["id"]))
            doc = {}
        tallies = score_document(gold, doc)
        report.add(tallies)
        reports["all"].add(tallies)
    return reports
