#!/usr/bin/env python3
"""Check gold files against the annotation guide (shared/eval/GUIDE.md).

    python3 corpora/dev/check_gold.py corpora/dev      # every NAME.gold.json below the folder

Reports, per file: missing keys, wrong types, texts that are not substrings of the article,
unknown place types and units that do not follow the canonical list. Exit 1 if anything is wrong.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

PLACE_TYPES = {"tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn", "thôn",
               "other", "country", "foreign"}
CANONICAL_UNITS = {"VND", "USD", "%", "ha", "m2", "km2", "km", "m", "kg", "kg/ha", "m3", "MW", "kWh", "người"}
KEYS = {"id", "url", "event_date", "officials", "authors", "places", "indicators", "directives"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\u00a0", " ")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", nfc(text))


def check(gold_path: Path) -> list[str]:
    problems: list[str] = []
    name = gold_path.name[: -len(".gold.json")]
    txt = gold_path.with_name(name + ".txt")
    if not txt.exists():
        return [f"no article {txt.name}"]
    article = squash(txt.read_text(encoding="utf-8"))
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"invalid JSON: {exc}"]
    missing = KEYS - gold.keys()
    if missing:
        problems.append(f"missing keys {sorted(missing)}")
    if gold.get("id") != name:
        problems.append(f"id {gold.get('id')!r} != file name {name!r}")
    date = gold.get("event_date")
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(date)):
        problems.append(f"event_date {date!r} is not ISO")

    def inside(text: str, what: str) -> None:
        if squash(text) not in article:
            problems.append(f"{what} not in article: {text!r}")

    for off in gold.get("officials", []):
        inside(off.get("name", ""), "official name")
        if not off.get("titles"):
            problems.append(f"official without titles: {off.get('name')!r}")
        for title in off.get("titles", []):
            inside(title, "title")
    for author in gold.get("authors", []):
        inside(author, "author")
    seen = set()
    for place in gold.get("places", []):
        inside(place.get("name", ""), "place")
        if place.get("type") not in PLACE_TYPES:
            problems.append(f"place type {place.get('type')!r} of {place.get('name')!r}")
        pair = (nfc(place.get("name", "")).lower(), place.get("type"))
        if pair in seen:
            problems.append(f"place listed twice: {pair}")
        seen.add(pair)
    for ind in gold.get("indicators", []):
        inside(ind.get("text", ""), "indicator")
        if not isinstance(ind.get("value"), (int, float)):
            problems.append(f"indicator value not a number: {ind}")
        unit = ind.get("unit", "")
        if unit not in CANONICAL_UNITS and (unit != unit.lower() or not unit):
            problems.append(f"indicator unit {unit!r} is neither canonical nor a lower-case noun")
        if "of" in ind and not isinstance(ind["of"], (int, float)):
            problems.append(f"indicator 'of' not a number: {ind}")
    for d in gold.get("directives", []):
        inside(d.get("text", ""), "directive")
        if d.get("verb", "") != d.get("verb", "").lower() or not d.get("verb"):
            problems.append(f"directive verb must be lower case: {d.get('verb')!r}")
        if d.get("text", "").rstrip().endswith((";", ".")):
            problems.append(f"directive text ends with ; or . : {d.get('text')[-30:]!r}")
    return problems


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [Path(__file__).parent]
    bad = 0
    files = sorted(p for root in roots for p in root.rglob("*.gold.json"))
    for path in files:
        for problem in check(path):
            bad += 1
            print(f"{path}: {problem}")
    print(f"{len(files)} gold files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
