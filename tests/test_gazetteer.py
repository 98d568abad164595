"""The gazetteer of administrative units built from underthesea's mapping.json (pipeline/gazetteer.py)."""

from __future__ import annotations

import importlib.util

import pytest

from pipeline import gazetteer as gazetteer_module
from pipeline.errors import RuleDataError
from pipeline.gazetteer import Gazetteer, fold_name, gazetteer, name_key, split_unit_name
from pipeline.normalize import normalize_text


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


@pytest.mark.parametrize(("level", "era", "at_least", "at_most"), [
    ("province", "old", 63, 63),
    ("province", "new", 34, 34),
    ("district", "old", 690, 720),
    ("commune", "old", 9900, 10700),
    ("commune", "new", 3200, 3400),
])
def test_gazetteer_has_every_level(gaz: Gazetteer, level: str, era: str, at_least: int, at_most: int) -> None:
    count = sum(1 for u in gaz.units.values() if u.level == level and u.era == era)
    assert at_least <= count <= at_most


def test_gazetteer_is_built_once() -> None:
    assert gazetteer() is gazetteer()


@pytest.mark.parametrize(("name", "level", "era", "unit_type", "chain"), [
    ("Sa Thầy", "district", "old", "huyện", ["Sa Thầy", "Kon Tum"]),
    ("Mô Rai", "commune", "old", "xã", ["Mô Rai", "Sa Thầy", "Kon Tum"]),
    ("Kỳ Anh", "district", "old", "thị xã", ["Kỳ Anh", "Hà Tĩnh"]),
    ("Hội An", "district", "old", "thành phố", ["Hội An", "Quảng Nam"]),
    ("Quy Nhơn", "commune", "new", "phường", ["Quy Nhơn", "Gia Lai"]),
    ("Cần Thơ", "province", "new", "thành phố", ["Cần Thơ"]),
    ("Bà Rịa - Vũng Tàu", "province", "old", "tỉnh", ["Bà Rịa - Vũng Tàu"]),
])
def test_gazetteer_lookup_gives_type_and_chain(gaz: Gazetteer, name: str, level: str, era: str, unit_type: str,
                                               chain: list[str]) -> None:
    units = [u for u in gaz.lookup(name, levels=(level,), era=era) if u.type == unit_type]  # type: ignore[arg-type]
    assert units, f"{name} not found as {unit_type}"
    assert [u.name for u in gaz.chain(units[0])] == chain


@pytest.mark.parametrize(("written", "data_name"), [("Đăk Dục", "Đắk Dục"), ("Ia H' Drai", "Ia H'Drai"),
                                                    ("KBang", "Kbang"), ("Krông Pắk", "Krông Pắc")])
def test_gazetteer_lookup_loose_matches_other_spellings(gaz: Gazetteer, written: str, data_name: str) -> None:
    names = {u.name for u in gaz.lookup_loose(written)} | {u.name for u in gaz.lookup(written)}
    assert fold_name(data_name) in {fold_name(n) for n in names}


@pytest.mark.parametrize(("name", "code"), [("Thanh Hóa", "38"), ("Hà Nội", "01"), ("Cà Mau", "96")])
def test_gazetteer_provinces_have_codes(gaz: Gazetteer, name: str, code: str) -> None:
    assert {u.code for u in gaz.lookup(name, levels=("province",))} == {code}


@pytest.mark.parametrize(("name", "new_province", "mapping"), [
    ("Bình Định", "Gia Lai", "merged"),
    ("Hà Giang", "Tuyên Quang", "merged"),
    ("Thanh Hóa", "Thanh Hóa", "unchanged"),
])
def test_gazetteer_after_2025_province(gaz: Gazetteer, name: str, new_province: str, mapping: str) -> None:
    old = gaz.lookup(name, levels=("province",), era="old")[0]
    after = gaz.after_2025(old)
    assert (after["province"], after["mapping"]) == (new_province, mapping)


def test_gazetteer_after_2025_commune_and_district(gaz: Gazetteer) -> None:
    commune = next(u for u in gaz.lookup("Mô Rai", levels=("commune",), era="old"))
    after = gaz.after_2025(commune)
    assert after["province"] == "Quảng Ngãi"  # Kon Tum went into Quảng Ngãi
    assert after["mapping"] in ("merged", "renamed", "divided", "unchanged")
    assert [u["name"] for u in after["units"]] == ["Mô Rai"]
    district = gaz.lookup("Sa Thầy", levels=("district",))[0]
    after = gaz.after_2025(district)
    assert after["mapping"] == "abolished"
    assert {"name": "Mô Rai", "type": "xã", "level": "commune"} in after["units"]


def test_gazetteer_new_unit_knows_what_it_was_formed_from(gaz: Gazetteer) -> None:
    ward = gaz.lookup("Quy Nhơn", levels=("commune",), era="new")[0]
    after = gaz.after_2025(ward)
    assert after["mapping"] == "current"
    assert all(item["district"] == "Quy Nhơn" for item in after["formed_from"])


def test_gazetteer_related_provinces_cross_the_reform(gaz: Gazetteer) -> None:
    old = gaz.lookup("Bình Định", levels=("province",), era="old")[0]
    new = gaz.lookup("Gia Lai", levels=("province",), era="new")[0]
    assert new.key in gaz.related_provinces(old)
    assert old.key in gaz.related_provinces(new)


def test_gazetteer_find_names_reports_offsets(gaz: Gazetteer) -> None:
    text = "Đoàn công tác của tỉnh Kon Tum đến huyện Sa Thầy."
    found = {(text[s:e], name) for s, e, name in gaz.find_names(text)}
    assert ("Kon Tum", "Kon Tum") in found
    assert ("Sa Thầy", "Sa Thầy") in found


def test_gazetteer_names_are_in_the_pipeline_tone_style(gaz: Gazetteer) -> None:
    # Names are compared with normalized article text: the data must already be in that style.
    odd = [u.name for u in gaz.units.values() if normalize_text(u.name) != u.name]
    assert odd == []


@pytest.mark.parametrize(("full", "expected"), [
    ("Huyện Quan Hóa", ("huyện", "Quan Hóa")), ("Thành Phố Bến Cát", ("thành phố", "Bến Cát")),
    ("Thị trấn Mường Lát", ("thị trấn", "Mường Lát")), ("Đặc khu Phú Quốc", ("đặc khu", "Phú Quốc")),
    ("Tây Nguyên", ("", "Tây Nguyên")),
])
def test_gazetteer_split_unit_name(full: str, expected: tuple[str, str]) -> None:
    assert split_unit_name(full) == expected


@pytest.mark.parametrize(("a", "b"), [("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("Kon  Tum", "kon tum")])
def test_gazetteer_name_key_folds_case_spaces_dashes(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_gazetteer_missing_data_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(RuleDataError, match="underthesea"):
        gazetteer_module.mapping_path()


@pytest.mark.parametrize(("name", "levels"), [("Sa Thầy", ("district",)), ("Quảng Nam", None), ("Không Có", None)])
def test_gazetteer_lookup_remembers_without_sharing_its_lists(gaz: Gazetteer, name: str, levels: tuple[str, ...] | None
                                                              ) -> None:
    first = gaz.lookup(name, levels=levels)  # type: ignore[arg-type]
    first.append(None)  # type: ignore[arg-type]  # a caller's list is its own
    assert gaz.lookup(name, levels=levels) == first[:-1]  # type: ignore[arg-type]
    assert gaz.lookup_loose(name, levels=levels) == gaz.lookup_loose(name, levels=levels)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["Làng Thử"])
def test_gazetteer_lookup_sees_units_added_after_it(name: str) -> None:
    gaz = Gazetteer()
    assert gaz.lookup(name) == []
    unit = gaz.add(gazetteer_module.Unit("old:x", name, "xã", "commune", "old"))
    assert gaz.lookup(name) == [unit]


def test_gazetteer_text_names_include_old_communes(gaz: Gazetteer) -> None:
    """Old communes are looked for too (places.py takes one only inside a district the article names)."""
    found = {name for _, _, name in gaz.find_names("Mưa lớn ở Lộc Thủy và An Thủy.")}
    assert {"Lộc Thủy", "An Thủy"} <= found


def test_gazetteer_final_k_spelling_needs_no_false_match(gaz: Gazetteer) -> None:
    assert gaz.lookup_loose("Không Có Nàok") == []
