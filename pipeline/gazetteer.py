"""Vietnam's administrative units before and after the 1 July 2025 reform, from underthesea's data.

underthesea's wheel ships `underthesea/address/data/mapping.json` (from vietnamadminunits, MIT):
every commune of the 63 old provinces with its district and province, and the new commune and new
province (34) it became, with the kind of change (`merged`, `renamed`, `divided`, `unchanged`).
From it this module builds, once per process and only when first asked (`gazetteer()`):

- `Unit`s: old provinces, old districts, old communes (3 levels), new provinces, new communes
  (2 levels), each with its name without the prefix (`Mường Lát`), its type (`huyện`), its parent
  and the province code (the data has no district or commune codes);
- the old -> new mapping per unit (`after_2025`), and per new commune the old ones it was formed from;
- a name index (`lookup`) and an Aho-Corasick automaton over the names for finding them in text
  (`find_names`), built lazily too (places.py adds its own tables' names to its own automaton).

The file is found through underthesea's package path (never downloaded). Build: ~0.2 s; a lookup is
a dict access. Keys are stable strings: `old:tinhthanhhoa/huyenmuonglat/xatamchung`, `new:tinhgialai`.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import regex

from .errors import RuleDataError
from .tables import build_automaton

Level = Literal["province", "district", "commune"]
Era = Literal["old", "new"]

# The administrative words the data writes before a name, longest first; `Thành Phố` occurs too.
UNIT_TYPES: tuple[tuple[str, str], ...] = (
    ("thành phố", "thành phố"), ("thị trấn", "thị trấn"), ("thị xã", "thị xã"), ("đặc khu", "đặc khu"),
    ("huyện", "huyện"), ("quận", "quận"), ("phường", "phường"), ("tỉnh", "tỉnh"), ("xã", "xã"),
)
_DASHES = regex.compile(r"\s*[-–—]\s*")
_FINAL_K = regex.compile(r"(?<=\p{L})k(?![\p{L}\p{M}])")


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit. `name` has no prefix; `type` is the prefix (`huyện`, `thành phố`)."""

    key: str
    name: str
    type: str
    level: Level
    era: Era
    parent: str | None = None
    code: str | None = None  # provinces only: the data has no district or commune codes

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "level": self.level,
                **({"code": self.code} if self.code else {})}


@dataclass(frozen=True, slots=True)
class Succession:
    """What an old commune became: one new commune (several when the old one was divided)."""

    new_key: str
    mapping: str  # merged / renamed / divided / unchanged
    default: bool = True  # for a divided commune: the part the data names as the main successor


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """How names are compared: NFC, lower case, one space, dashes as ` - `.

    Tone-mark placement needs no folding here: the article text is normalized to underthesea's
    style (`hòa`, `thủy`) and the data is written in that style too (tests/test_gazetteer.py checks).

    >>> name_key("Hòa  Bình"), name_key("Bà Rịa – Vũng Tàu")
    ('hòa bình', 'bà rịa - vũng tàu')
    """
    return " ".join(_DASHES.sub(" - ", unicodedata.normalize("NFC", name).lower()).split())


@functools.lru_cache(maxsize=65536)
def split_unit_name(full: str) -> tuple[str, str]:
    """`Huyện Mường Lát` -> (`huyện`, `Mường Lát`); a name without a known prefix -> (``, name).

    >>> split_unit_name("Thành Phố Bến Cát"), split_unit_name("Xã Ea M'Droh")
    (('thành phố', 'Bến Cát'), ('xã', "Ea M'Droh"))
    """
    full = unicodedata.normalize("NFC", full).strip()
    lowered = full.lower()
    for surface, unit_type in UNIT_TYPES:
        if lowered.startswith(surface + " "):
            return unit_type, full[len(surface) + 1:].strip()
    return "", full


@functools.lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """Letters only, no diacritics, `đ` -> `d`: how the data's keys are written (`xacamgiang`), and a loose
    key for spellings that differ in their marks or spacing (`Đăk Dục` = `Đắk Dục`, `Ka Lừm` = `Kà Lừm`).

    >>> fold_name("Ia H'Drai"), fold_name("Đăk Dục") == fold_name("Đắk Dục")
    ('iahdrai', True)
    """
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def mapping_path() -> Path:
    """underthesea's mapping.json, found through the installed package (never downloaded)."""
    spec = importlib.util.find_spec("underthesea")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / "address" / "data" / "mapping.json"
        if path.is_file():
            return path
    raise RuleDataError("underthesea/address/data/mapping.json not found: install underthesea>=9.0 "
                        "(the gazetteer of administrative units is read from its wheel)")


@dataclass
class Gazetteer:
    """The administrative units, their names, parents and the 2025 mapping (see the module docstring)."""

    units: dict[str, Unit] = field(default_factory=dict)
    successors: dict[str, tuple[Succession, ...]] = field(default_factory=dict)
    predecessors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    province_successor: dict[str, str] = field(default_factory=dict)  # old province key -> new
    _by_name: dict[str, list[str]] = field(default_factory=dict)
    _children: dict[str, list[str]] = field(default_factory=dict)
    # lookup answers by (name key, levels, era): the places stage asks the same few names many times per article;
    # valid for as many units as `_answered` (a unit added later starts them afresh)
    _answers: dict[tuple[Any, ...], tuple[Unit, ...]] = field(default_factory=dict, repr=False, compare=False)
    _answered: int = field(default=0, repr=False, compare=False)

    # -- building -------------------------------------------------------------------------------

    def add(self, unit: Unit) -> Unit:
        known = self.units.get(unit.key)
        if known is not None:
            return known
        self.units[unit.key] = unit
        self._by_name.setdefault(name_key(unit.name), []).append(unit.key)
        if unit.parent:
            self._children.setdefault(unit.parent, []).append(unit.key)
        return unit

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Gazetteer:
        gaz = cls()
        old_names = data.get("old_province_names", {})
        new_names = data.get("province_names", {})
        for key, info in old_names.items():
            unit_type, name = split_unit_name(info["name"])
            gaz.add(Unit(f"old:{key}", info.get("short") or name, unit_type or "tỉnh", "province", "old",
                         None, info.get("code")))
        for key, info in new_names.items():
            unit_type, name = split_unit_name(info["name"])
            gaz.add(Unit(f"new:{key}", info.get("short") or name, unit_type or "tỉnh", "province", "new",
                         None, info.get("code")))
        gaz.province_successor = {f"old:{old}": f"new:{new}" for old, new in data.get("province_mapping", {}).items()}

        records = data.get("ward_mapping", [])
        # Some records carry an empty new commune name and a key with diacritics (`xãcẩmgiang`);
        # the same commune is named in other records of its province, found by the folded key.
        named_new: dict[tuple[str, str], str] = {}
        for record in records:
            if record.get("new_ward"):
                named_new[(record["new_province_key"], fold_name(record["new_ward_key"]))] = record["new_ward"]
        successors: dict[str, list[Succession]] = defaultdict(list)
        predecessors: dict[str, list[str]] = defaultdict(list)
        for record in records:
            old_province = f"old:{record['old_province_key']}"
            new_province = f"new:{record['new_province_key']}"
            district = None
            if record.get("old_district"):
                unit_type, name = split_unit_name(record["old_district"])
                district = gaz.add(Unit(f"{old_province}/{record['old_district_key']}", name, unit_type or "huyện",
                                        "district", "old", old_province)).key
            new_name = record.get("new_ward") or named_new.get((record["new_province_key"],
                                                                 fold_name(record.get("new_ward_key", ""))))
            new_key = None
            if new_name:
                unit_type, name = split_unit_name(new_name)
                new_key = gaz.add(Unit(f"{new_province}/{fold_name(new_name)}", name, unit_type or "xã", "commune",
                                       "new", new_province)).key
            if not record.get("old_ward") or district is None:
                continue  # a district without communes (Hoàng Sa) or a record without the old name
            unit_type, name = split_unit_name(record["old_ward"])
            old = gaz.add(Unit(f"{district}/{record['old_ward_key']}", name, unit_type or "xã", "commune", "old",
                               district))
            if new_key is not None:
                successors[old.key].append(Succession(new_key, record.get("mapping_type", "merged"),
                                                      bool(record.get("is_default", True))))
                if old.key not in predecessors[new_key]:
                    predecessors[new_key].append(old.key)
        gaz.successors = {k: tuple(v) for k, v in successors.items()}
        gaz.predecessors = {k: tuple(v) for k, v in predecessors.items()}
        return gaz

    # -- queries --------------------------------------------------------------------------------

    def lookup(self, name: str, *, levels: Iterable[Level] | None = None, era: Era | None = None) -> list[Unit]:
        """Units with this name (compared by `name_key`), optionally of some levels or one era."""
        levels = tuple(levels) if levels is not None else None
        key = ("name", name_key(name), levels, era)
        answer = self._answers.get(key) if self._answered == len(self.units) else None
        if answer is None:
            wanted = set(levels) if levels is not None else None
            found = [self.units[k] for k in self._by_name.get(key[1], ())]
            answer = self._remember(key, [u for u in found if (wanted is None or u.level in wanted)
                                          and (era is None or u.era == era)])
        return list(answer)

    def lookup_loose(self, name: str, *, levels: Iterable[Level] | None = None) -> list[Unit]:
        """Units whose name matches without diacritics and spacing (`Đăk Dục` = `Đắk Dục`, `Ia H' Drai`)."""
        levels = tuple(levels) if levels is not None else None
        key = ("fold", fold_name(name), levels)
        answer = self._answers.get(key) if self._answered == len(self.units) else None
        if answer is None:
            wanted = set(levels) if levels is not None else None
            found = [self.units[k] for k in self._by_fold.get(key[1], ())]
            if not found and _FINAL_K.search(name):
                # the Highlands' spelling writes a final `k` where the data writes `c` (`Krông Pắk` = `Krông Pắc`)
                found = [self.units[k] for k in self._by_fold.get(fold_name(_FINAL_K.sub("c", name)), ())]
            answer = self._remember(key, [u for u in found if wanted is None or u.level in wanted])
        return list(answer)

    def _remember(self, key: tuple[Any, ...], units: list[Unit]) -> tuple[Unit, ...]:
        if len(self._answers) >= 65536 or self._answered != len(self.units):
            self._answers.clear()  # names come from the texts: the memory stays bounded over a long batch
            self._answered = len(self.units)
        answer = self._answers[key] = tuple(units)
        return answer

    @functools.cached_property
    def _by_fold(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for unit in self.units.values():
            index.setdefault(fold_name(unit.name), []).append(unit.key)
        return index

    def knows(self, name: str) -> bool:
        return name_key(name) in self._by_name

    def related_provinces(self, province: Unit) -> frozenset[str]:
        """The province's key with its counterparts across the reform: an old province and the new one it
        went into; a new province and the old ones it was formed from."""
        return self._related[province.key]

    @functools.cached_property
    def _related(self) -> dict[str, frozenset[str]]:
        related: dict[str, set[str]] = {k: {k} for k, u in self.units.items() if u.level == "province"}
        for old, new in self.province_successor.items():
            related.setdefault(old, {old}).add(new)
            related.setdefault(new, {new}).add(old)
        return {k: frozenset(v) for k, v in related.items()}

    def parent(self, unit: Unit) -> Unit | None:
        return self.units.get(unit.parent) if unit.parent else None

    def province_of(self, unit: Unit) -> Unit:
        while unit.parent:
            unit = self.units[unit.parent]
        return unit

    def chain(self, unit: Unit) -> list[Unit]:
        """The unit and its parents up to the province: [xã, huyện, tỉnh] or [xã, tỉnh]."""
        chain = [unit]
        while chain[-1].parent:
            chain.append(self.units[chain[-1].parent])
        return chain

    def children(self, unit: Unit) -> list[Unit]:
        return [self.units[k] for k in self._children.get(unit.key, ())]

    def is_within(self, unit: Unit, ancestor: Unit) -> bool:
        return any(u.key == ancestor.key for u in self.chain(unit))

    def after_2025(self, unit: Unit) -> dict[str, Any]:
        """What the unit became on 1 July 2025 (for a new unit: itself, and what it was formed from)."""
        if unit.era == "new":
            formed_from = [self.units[k] for k in self.predecessors.get(unit.key, ())]
            result: dict[str, Any] = {"mapping": "current"}
            if unit.level == "province":
                old = [k for k, v in self.province_successor.items() if v == unit.key]
                result["formed_from"] = [self.units[k].name for k in old if k in self.units]
            elif formed_from:
                result["formed_from"] = [{"name": u.name, "type": u.type,
                                          "district": self.units[u.parent].name if u.parent else None}
                                         for u in formed_from]
            return result
        old_province = self.province_of(unit)
        new_province = self.units.get(self.province_successor.get(old_province.key, ""))
        result = {"province": new_province.name if new_province else None,
                  "province_type": new_province.type if new_province else None,
                  "province_code": new_province.code if new_province else None}
        if unit.level == "province":
            merged = [k for k, v in self.province_successor.items() if new_province and v == new_province.key]
            result["mapping"] = "merged" if len(merged) > 1 else "unchanged"
            if len(merged) > 1:
                result["merged_with"] = [self.units[k].name for k in merged if k != unit.key and k in self.units]
        elif unit.level == "district":
            # the district level was abolished; its communes went into these new communes
            new_keys = dict.fromkeys(s.new_key for child in self._children.get(unit.key, ())
                                     for s in self.successors.get(child, ()))
            result["mapping"] = "abolished"
            result["units"] = [self.units[k].to_dict() for k in new_keys]
        else:
            steps = self.successors.get(unit.key, ())
            result["mapping"] = steps[0].mapping if steps else None
            result["units"] = [{**self.units[s.new_key].to_dict(), **({} if s.default else {"default": False})}
                               for s in steps]
        return result

    # -- finding names in text ------------------------------------------------------------------

    def names(self, *, levels: Iterable[Level], era: Era | None = None, min_words: int = 2) -> Iterator[str]:
        """Distinct unit names (as the data writes them) of these levels, for building a text matcher."""
        wanted = set(levels)
        seen: set[str] = set()
        for unit in self.units.values():
            if unit.level in wanted and (era is None or unit.era == era) and len(unit.name.split()) >= min_words \
                    and unit.name not in seen:
                seen.add(unit.name)
                yield unit.name

    @functools.cached_property
    def old_commune_names(self) -> dict[str, frozenset[str]]:
        """The names only old communes have (no province, district or new commune), with their districts' keys:
        a bare one is a place only inside a district the article names (places.py)."""
        parents: dict[str, set[str]] = {}
        others: set[str] = set()
        for unit in self.units.values():
            if unit.level == "commune" and unit.era == "old":
                parents.setdefault(unit.name, set()).add(unit.parent or "")
            else:
                others.add(unit.name)
        return {name: frozenset(keys) for name, keys in parents.items() if name not in others}

    def text_names(self) -> Iterator[str]:
        """The names `find_names` looks for: provinces, districts and communes of both eras (two words or more;
        the caller takes an old commune only inside a district the article names)."""
        yield from self.names(levels=("province", "district"))
        yield from self.names(levels=("commune",))

    @functools.cached_property
    def automaton(self) -> Any:
        """Aho-Corasick automaton over `text_names`."""
        return build_automaton((name, name) for name in self.text_names())

    def find_names(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of every gazetteer name occurring in `text` (substrings included:
        the caller checks word boundaries and context)."""
        for end, name in self.automaton.iter(text):
            yield end + 1 - len(name), end + 1, name

    def __hash__(self) -> int:  # cached_property needs no hash, but keep instances usable as cache keys
        return id(self)


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built at first use from underthesea's mapping.json and kept for the process."""
    path = mapping_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RuleDataError(f"{path}: cannot read the administrative units ({exc}); reinstall underthesea") from exc
    return Gazetteer.from_mapping(data)
