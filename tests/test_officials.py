"""The officials stage alone: hand-built documents (normalize + segment only), then `add_officials`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import officials, places
from pipeline.document import AUTHOR, BYLINE, OFFICIAL, POSITION, Document
from pipeline.normalize import normalize
from pipeline.segment import segment

ROOT = Path(__file__).resolve().parents[1]


def officials_of(text: str) -> Document:
    doc = Document(text)
    return officials.add_officials(segment(normalize(doc)))


def records(text: str) -> list[dict]:
    return officials.official_records(officials_of(text))


def titles_by_name(text: str) -> dict[str, list[str]]:
    return {r["name"]: [t["text"] for t in r["titles"]] for r in records(text)}


@pytest.fixture(autouse=True)
def _no_home_unit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The places stage is tested elsewhere; here no article has a home unit unless a test gives one."""
    monkeypatch.setattr(places, "home_unit", lambda doc: None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Đồng chí Lò Văn Pản - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện trao quà Tết cho hộ nghèo.",
     {"Lò Văn Pản": ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"]}),
    ("Ông Vi Hòe, Bí thư Đảng ủy xã cho biết.", {"Vi Hòe": ["Bí thư Đảng ủy xã"]}),
    ("Phó Chủ tịch UBND tỉnh Đặng Ngọc Sơn yêu cầu các sở rà soát.", {"Đặng Ngọc Sơn": ["Phó Chủ tịch UBND tỉnh"]}),
    ("Dự có đồng chí phó Chủ tịch UBND huyện Chiêm Hóa Vũ Đình Tân.",
     {"Vũ Đình Tân": ["phó Chủ tịch UBND huyện Chiêm Hóa"]}),
    ("Bà H'Lan Mlô, Trưởng phòng Tài nguyên và Môi trường huyện cho biết.",
     {"H'Lan Mlô": ["Trưởng phòng Tài nguyên và Môi trường huyện"]}),
])
def test_officials_name_and_titles(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "titles"), [
    ("Ông Hà Văn Lâm, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện phát biểu.",
     ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"]),
    ("Ông Hà Văn Lâm, Phó Chủ tịch UBND huyện kiêm Trưởng Công an huyện phát biểu.",
     ["Phó Chủ tịch UBND huyện", "Trưởng Công an huyện"]),
    ("Bà Hà Văn Lâm, Trưởng phòng Nghiệp vụ du lịch, Sở Văn hóa, Thể thao và Du lịch phát biểu.",
     ["Trưởng phòng Nghiệp vụ du lịch, Sở Văn hóa, Thể thao và Du lịch"]),
    ("Ông Hà Văn Lâm, Chủ tịch UBND xã Tân Lập, huyện Đan Phượng phát biểu.",
     ["Chủ tịch UBND xã Tân Lập, huyện Đan Phượng"]),
])
def test_officials_splits_a_chain_but_not_a_department(text: str, titles: list[str]) -> None:
    assert titles_by_name(text) == {"Hà Văn Lâm": titles}


@pytest.mark.parametrize("text", [
    "Các Phó Chủ tịch UBND huyện dự hội nghị.",
    "Kỳ họp có 54 đại biểu HĐND tỉnh tham dự.",
    "UBND huyện Quan Hóa tổ chức hội nghị tổng kết; khu tái định cư Nà Lầu đón 36 hộ.",
    "Ông Nguyễn Văn Bảy, trú tại thôn 3 cho biết gia đình đã được hỗ trợ.",
    "Kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh.",
    "",
])
def test_officials_finds_no_official(text: str) -> None:
    doc = Document(text)
    if text:
        doc = segment(normalize(doc))
    assert officials.official_records(officials.add_officials(doc)) == []


@pytest.mark.parametrize(("text", "mention", "person"), [
    ("Ông Y Bih Niê, Phó Chủ tịch UBND huyện chủ trì. Phó Chủ tịch UBND huyện giao các xã rà soát.",
     "Phó Chủ tịch UBND huyện", "Y Bih Niê"),
    ("Đồng chí Lê Minh Tuấn - Bí thư Tỉnh ủy chủ trì. Kết luận, đồng chí Bí thư Tỉnh ủy yêu cầu các cấp ủy rà soát.",
     "Bí thư Tỉnh ủy", "Lê Minh Tuấn"),
    ("Ông Hồ Văn Thiện, Chủ tịch UBND huyện Bến Cầu chủ trì. Chủ tịch UBND huyện yêu cầu các xã rà soát.",
     "Chủ tịch UBND huyện", "Hồ Văn Thiện"),
    ("Ông Trương Văn Kỷ, Chủ tịch UBND xã Nhơn Mỹ, huyện Chợ Mới chủ trì. Chủ tịch UBND xã yêu cầu các ấp rà soát.",
     "Chủ tịch UBND xã", "Trương Văn Kỷ"),
])
def test_officials_title_only_mention_links_to_its_holder(text: str, mention: str, person: str) -> None:
    doc = officials_of(text)
    linked = [s for s in doc.get(POSITION) if s.value["title_only"]]
    assert [(s.text, s.value["person"]) for s in linked] == [(mention, person)]
    record = officials.official_records(doc)[0]
    assert record["title_mentions"][0]["text"] == mention


@pytest.mark.parametrize(("text", "group"), [
    ("Dự có các Phó Chủ tịch UBND tỉnh.", "Phó Chủ tịch UBND tỉnh"),
    ("Tham dự có Chủ tịch UBND các huyện, thị xã.", "Chủ tịch UBND"),
])
def test_officials_group_title_is_no_person(text: str, group: str) -> None:
    doc = officials_of(text)
    assert [(s.text, s.value["person"], s.value["group"]) for s in doc.get(POSITION)] == [(group, None, True)]
    assert doc.get(OFFICIAL) == []


@pytest.mark.parametrize(("text", "parts"), [
    ("Đồng chí Lê Văn An - Chủ tịch UBND huyện chủ trì hội nghị.", ["chaired"]),
    ("Dự hội nghị có đồng chí Lê Văn An, Chủ tịch UBND huyện; đồng chí Hà Thị Mai, Phó Chủ tịch HĐND huyện.",
     ["attended"]),
    ("Kết luận hội nghị, đồng chí Lê Văn An, Chủ tịch UBND huyện yêu cầu các xã rà soát.", ["concluded", "directed"]),
    ("Phát biểu tại hội nghị, ông Lê Văn An, Chủ tịch UBND huyện đề nghị các xã rà soát.", ["spoke"]),
    ("Ông Lê Văn An, Chủ tịch UBND huyện dẫn đầu đoàn công tác.", ["led"]),
    ("Ông Lê Văn An, Chủ tịch UBND huyện tham quan mô hình.", []),
])
def test_officials_part_in_the_event(text: str, parts: list[str]) -> None:
    assert records(text)[0]["parts"] == parts


@pytest.mark.parametrize(("text", "titles"), [
    ("UBND tỉnh bổ nhiệm ông Hà Văn Lâm giữ chức Phó Giám đốc Sở Nội vụ.", ["Phó Giám đốc Sở Nội vụ"]),
    ("Ông Hà Văn Lâm, nguyên Chủ tịch UBND xã chia sẻ kinh nghiệm.", ["nguyên Chủ tịch UBND xã"]),
    ("Giám đốc Công an tỉnh, Đại tá Hà Văn Lâm cho biết.", ["Giám đốc Công an tỉnh"]),
    ("Đ/c Hà Văn Lâm – TUV, Bí thư Huyện ủy kết luận.", ["TUV", "Bí thư Huyện ủy"]),
])
def test_officials_other_ways_to_give_a_title(text: str, titles: list[str]) -> None:
    assert titles_by_name(text) == {"Hà Văn Lâm": titles}


def test_officials_pronoun_adds_to_the_last_person() -> None:
    text = "Ông Lê Văn An, Chủ tịch UBND huyện chủ trì hội nghị. Ông yêu cầu các xã rà soát."
    assert records(text)[0]["parts"] == ["chaired", "directed"]


@pytest.mark.parametrize(("text", "role", "organisation", "expanded"), [
    ("Ông Lê Văn An, Phó Chủ tịch UBND huyện chủ trì.", "Phó Chủ tịch", "UBND huyện",
     "Ủy ban nhân dân huyện Mường Lát"),
    ("Ông Lê Văn An, Ủy viên BTV Huyện ủy chủ trì.", "Ủy viên", "BTV Huyện ủy", "Ban Thường vụ Huyện ủy Mường Lát"),
    ("Ông Lê Văn An, Trưởng phòng TN&MT huyện chủ trì.", "Trưởng phòng", "phòng TN&MT huyện",
     "phòng Tài nguyên và Môi trường huyện Mường Lát"),
    ("Ông Lê Văn An, Chủ tịch UBND tỉnh chủ trì.", "Chủ tịch", "UBND tỉnh", "Ủy ban nhân dân tỉnh Thanh Hóa"),
    ("Ông Lê Văn An, Chủ tịch UBND xã Tà Xùa chủ trì.", "Chủ tịch", "UBND xã Tà Xùa", "Ủy ban nhân dân xã Tà Xùa"),
    ("Ông Lê Văn An, Thành ủy viên chủ trì.", "Ủy viên", "Thành ủy", "Thành ủy"),
])
def test_officials_role_organisation_and_place(monkeypatch: pytest.MonkeyPatch, text: str, role: str,
                                               organisation: str, expanded: str) -> None:
    monkeypatch.setattr(places, "home_unit",
                        lambda doc: {"name": "Mường Lát", "type": "huyện", "province": "Thanh Hóa"})
    title = records(text)[0]["titles"][0]
    assert (title["role"], title["organisation"], title["organisation_expanded"]) == (role, organisation, expanded)


def test_officials_place_stays_empty_without_home_unit() -> None:
    title = records("Ông Lê Văn An, Phó Chủ tịch UBND huyện chủ trì.")[0]["titles"][0]
    assert title["place"] is None
    assert title["organisation_expanded"] == "Ủy ban nhân dân huyện"


@pytest.mark.parametrize("text", [
    "Đồng chí Lò Văn Pản - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện thăm điểm trường. Ông Pản yêu cầu các xã rà soát.",
    "Chủ tịch UBND tỉnh Lê Quang Huy và Phó Chủ tịch UBND tỉnh Mai Xuân Định dự. Lê Quang Huy phát biểu.",
])
def test_officials_spans_and_offsets_match_the_text(text: str) -> None:
    doc = officials_of(text)
    for label in (OFFICIAL, POSITION):
        for span in doc.get(label):
            assert doc.text[span.start:span.end] == span.text
    for record in officials.official_records(doc):
        for mention in record["mentions"]:
            assert doc.text[mention["start"]:mention["end"]] in (record["name"], record["name"].split()[-1])
        for title in record["titles"]:
            assert doc.text[title["start"]:title["end"]] == title["text"]


def test_officials_short_mention_links_to_full_name() -> None:
    doc = officials_of("Đồng chí Lò Văn Pản - Chủ tịch UBND huyện chủ trì. Ông Pản yêu cầu các xã rà soát.")
    assert [(s.text, s.value["person"]) for s in doc.get(OFFICIAL)] == [("Lò Văn Pản", "Lò Văn Pản"),
                                                                         ("Pản", "Lò Văn Pản")]


@pytest.mark.parametrize(("byline", "names", "prefix"), [
    ("Thu Hiền", ["Thu Hiền"], None),
    ("CTV Đức Chí", ["Đức Chí"], "CTV"),
    ("Tin, ảnh: Lê Hoa", ["Lê Hoa"], "Tin, ảnh:"),
    ("Hoàng Yến - Quốc Thái", ["Hoàng Yến", "Quốc Thái"], None),
    ("Văn Dũng (Trung tâm VH-TT huyện)", ["Văn Dũng"], None),
    ("PV", [], "PV"),
])
def test_officials_authors_without_prefix(byline: str, names: list[str], prefix: str | None) -> None:
    body = "Sáng 5/3, UBND huyện tổ chức hội nghị."
    doc = Document(f"{body}\n{byline}")
    kind = "prefix" if prefix else "name"
    doc.set(BYLINE, [doc.span(len(body) + 1, len(doc.text), BYLINE, {"kind": kind})])
    authors = officials.find_authors(doc)
    assert [a.text for a in authors] == names
    assert all(a.label == AUTHOR and a.value["prefix"] == prefix for a in authors)


@pytest.mark.parametrize(("text", "expected"), [
    ("Đồng chí Xổm-phết Vông-pha-chăn, Phó Tỉnh trưởng tỉnh Hủa Phăn dẫn đầu.",
     {"Xổm-phết Vông-pha-chăn": ["Phó Tỉnh trưởng tỉnh Hủa Phăn"]}),
    ("Ngài Park Jun-hyuk, Đại sứ Hàn Quốc tại Việt Nam phát biểu.",
     {"Park Jun-hyuk": ["Đại sứ Hàn Quốc tại Việt Nam"]}),
    ("Đại sứ Hoa Kỳ Marc Knapper thăm tỉnh.", {"Marc Knapper": ["Đại sứ Hoa Kỳ"]}),
    ("Tổng Giám đốc Công ty Kim Long Choi Joo-ho cho biết.", {"Choi Joo-ho": ["Tổng Giám đốc Công ty Kim Long"]}),
    # a country after a title is its organisation, not a person's name ("Hàn" is a family name too)
    ("Đại sứ Hàn Quốc đánh giá cao tỉnh.", {}),
    # a foreign-looking name needs a foreign post or a title written after it
    ("Giám đốc Sở Công Thương Marc Knapper cho biết.", {}),
])
def test_officials_foreign_names(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a deputy's post after a plural honorific goes to every name of the list before it
    ("Dự có các ông Lò Văn Pản, Hà Văn Lâm - Phó Chủ tịch UBND huyện.",
     {"Lò Văn Pản": ["Phó Chủ tịch UBND huyện"], "Hà Văn Lâm": ["Phó Chủ tịch UBND huyện"]}),
    # a head's post does not; a ";" ends what is shared
    ("Dự có các ông Lò Văn Pản, Hà Văn Lâm - Chủ tịch UBND huyện.", {"Hà Văn Lâm": ["Chủ tịch UBND huyện"]}),
    ("Dự có các ông Lò Văn Pản, Bí thư Huyện ủy; Hà Văn Lâm, Lê Văn Tư, Ủy viên BTV Huyện ủy.",
     {"Lò Văn Pản": ["Bí thư Huyện ủy"], "Hà Văn Lâm": ["Ủy viên BTV Huyện ủy"],
      "Lê Văn Tư": ["Ủy viên BTV Huyện ủy"]}),
    # without a plural honorific, a deputy's title is shared by full names joined with "và", a chairman's is not
    ("Dự có ông Lò Văn Pản và ông Hà Văn Lâm, Phó Chủ tịch UBND huyện.",
     {"Lò Văn Pản": ["Phó Chủ tịch UBND huyện"], "Hà Văn Lâm": ["Phó Chủ tịch UBND huyện"]}),
    ("Dự có ông Lò Văn Pản và ông Hà Văn Lâm, Chủ tịch UBND huyện.", {"Hà Văn Lâm": ["Chủ tịch UBND huyện"]}),
    ("Dự có ông Pản và ông Hà Văn Lâm, Phó Chủ tịch UBND huyện.", {"Hà Văn Lâm": ["Phó Chủ tịch UBND huyện"]}),
    # a post taken ("giữ chức") goes to every person joined to the one it is written after
    ("Hội nghị bầu đồng chí Lò Văn Pản và đồng chí Hà Văn Lâm giữ chức Phó Bí thư Huyện ủy.",
     {"Lò Văn Pản": ["Phó Bí thư Huyện ủy"], "Hà Văn Lâm": ["Phó Bí thư Huyện ủy"]}),
    ("Đồng chí Hà Văn Lâm, Bí thư Huyện ủy tiếp tục được tín nhiệm bầu giữ chức Chủ tịch HĐND huyện.",
     {"Hà Văn Lâm": ["Bí thư Huyện ủy", "Chủ tịch HĐND huyện"]}),
])
def test_officials_titles_shared_in_a_list(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Báo cáo với Phó Thủ tướng, bà Hà Thị Lâm cho biết.", {}),
    ("Báo cáo với Phó Thủ tướng, bà Hà Thị Lâm, Chủ tịch UBND huyện cho biết.",
     {"Hà Thị Lâm": ["Chủ tịch UBND huyện"]}),
    ("Thay mặt Chủ tịch nước, ông Hà Văn Lâm trao Huân chương.", {}),
    ("Phát biểu tại hội nghị, Bí thư Tỉnh ủy, đồng chí Hà Văn Lâm biểu dương các xã.",
     {"Hà Văn Lâm": ["Bí thư Tỉnh ủy"]}),
])
def test_officials_title_before_a_comma_is_the_holders_unless_an_object(text: str,
                                                                         expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a school named after a person: the three-syllable name at the end is its head's
    ("Hiệu trưởng Trường Tiểu học Kim Đồng Nguyễn Thị Lan cho biết.",
     {"Nguyễn Thị Lan": ["Hiệu trưởng Trường Tiểu học Kim Đồng"]}),
    ("Giám đốc Công ty Hoàng Long Trần Văn Bình cho biết.", {"Trần Văn Bình": ["Giám đốc Công ty Hoàng Long"]}),
    # after a person's name, a firm's name that looks like a person's stays the firm's
    ("Ông Lê Văn Dũng, Giám đốc Công ty TNHH Hoàng Long Phát cho biết.",
     {"Lê Văn Dũng": ["Giám đốc Công ty TNHH Hoàng Long Phát"]}),
    # ... but another unit's title with a name after it is the next person's
    ("Dự có Giám đốc Sở Y tế Lê Văn Dũng, Phó Giám đốc Sở Trần Văn Bé.",
     {"Lê Văn Dũng": ["Giám đốc Sở Y tế"], "Trần Văn Bé": ["Phó Giám đốc Sở"]}),
    ("Ông Hồ Văn Pức, Trưởng thôn A Đeng đề nghị xã lắp đèn.", {"Hồ Văn Pức": ["Trưởng thôn A Đeng"]}),
])
def test_officials_person_after_a_units_name(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Nông Thị Thu Hằng: Giám đốc Sở Y tế dự.", {"Nông Thị Thu Hằng": ["Giám đốc Sở Y tế"]}),
    ("Đồng chí LÊ VĂN AN, Bí thư Huyện ủy phát biểu.", {"LÊ VĂN AN": ["Bí thư Huyện ủy"]}),
    ("Ông Lê Văn An (thứ hai từ trái sang), Bí thư Huyện ủy trao quà", {"Lê Văn An": ["Bí thư Huyện ủy"]}),
    ("Ông Lê Văn An (55 tuổi), Trưởng thôn Nà Lầu cho biết.", {"Lê Văn An": ["Trưởng thôn Nà Lầu"]}),
    ("Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu Lê Văn An dự.", {"Lê Văn An": ["Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu"]}),
    ("Giám đốc Trung tâm Kiểm soát bệnh tật (CDC) tỉnh Lê Văn An cho biết.",
     {"Lê Văn An": ["Giám đốc Trung tâm Kiểm soát bệnh tật (CDC) tỉnh"]}),
])
def test_officials_names_as_portals_write_them(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "tokens"), [
    ("Xổm-phết Vông-pha-chăn,", ["Xổm-phết", "Vông-pha-chăn", ","]),
    ("Park Jun-hyuk", ["Park", "Jun-hyuk"]),
    ("KT-XH COVID-19 Văn hóa-Thể thao", ["KT", "-", "XH", "COVID", "-", "19", "Văn", "hóa", "-", "Thể", "thao"]),
])
def test_officials_tokenize_keeps_a_hyphenated_name_whole(text: str, tokens: list[str]) -> None:
    assert [t.text for t in officials.tokenize(text, 0, officials.load_official_data())] == tokens


@pytest.mark.parametrize(("text", "tokens"), [
    ("Ông Rơ Châm Tuấn-Phó Chủ tịch", ["Ông", "Rơ", "Châm", "Tuấn", "-", "Phó", "Chủ", "tịch"]),
    ("Lò Văn A-Bí thư", ["Lò", "Văn", "A", "-", "Bí", "thư"]),
    ("Kim Ha-Eun, Sỉ-vi-lay", ["Kim", "Ha-Eun", ",", "Sỉ-vi-lay"]),
])
def test_officials_tokenize_splits_a_title_off_a_hyphenated_name(text: str, tokens: list[str]) -> None:
    assert [t.text for t in officials.tokenize(text, 0, officials.load_official_data())] == tokens


@pytest.mark.parametrize(("text", "expected"), [
    ("Chiều 6/5, lãnh đạo tỉnh tiếp NgàiKen-ji Yamada - Đại sứ Nhật Bản tại Việt Nam.",
     {"Ken-ji Yamada": ["Đại sứ Nhật Bản tại Việt Nam"]}),
    ("Có mặt ôngNguyễn Văn Tâm, Chủ tịch UBND xã.", {"Nguyễn Văn Tâm": ["Chủ tịch UBND xã"]}),
    ("Tiếp Ngài Ken-ji Yamada, Đại sứ Nhật Bản.", {"Ken-ji Yamada": ["Đại sứ Nhật Bản"]}),
    ("Ông Nguyễn Tuấn Anh, Chủ tịch UBND xã phát biểu.", {"Nguyễn Tuấn Anh": ["Chủ tịch UBND xã"]}),
    ("Ông Lê Văn Bảo, Phó Chủ tịch UBND xã. BÀNG GIANG là xã vùng cao.", {"Lê Văn Bảo": ["Phó Chủ tịch UBND xã"]}),
])
def test_officials_honorific_glued_or_after_a_capitalised_word(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ông Bình gặp Bộ trưởng Bộ Ngoại giao Lào Khamsouk Vilaythong.",
     {"Khamsouk Vilaythong": ["Bộ trưởng Bộ Ngoại giao Lào"]}),
    ("Ông Bình hội đàm với Phó Thủ tướng, Bộ trưởng Bộ Quốc phòng Lào Khamsouk Vilaythong và ký biên bản.",
     {"Khamsouk Vilaythong": ["Phó Thủ tướng", "Bộ trưởng Bộ Quốc phòng Lào"]}),
    ("Ông Bình gặp Bộ trưởng Năng lượng và Mỏ Lào Khamsouk Vilaythong.",
     {"Khamsouk Vilaythong": ["Bộ trưởng Năng lượng và Mỏ Lào"]}),
    ("Ông Bình chúc mừng Chủ tịch Mặt trận Lào xây dựng đất nước Khamsouk Vilaythong.",
     {"Khamsouk Vilaythong": ["Chủ tịch Mặt trận Lào xây dựng đất nước"]}),
    ("Lãnh đạo tỉnh tiễn Đại sứ đặc mệnh toàn quyền nước CHDCND Lào tại Việt Nam Bua Phết Keo La Vông về nước.",
     {"Bua Phết Keo La Vông": ["Đại sứ đặc mệnh toàn quyền nước CHDCND Lào tại Việt Nam"]}),
    ("Thống đốc tỉnh Tottori Hirai Shinji phát biểu.", {"Hirai Shinji": ["Thống đốc tỉnh Tottori"]}),
    ("Bà Caroline Nguyen, Giám đốc Quốc gia UNDP tại Việt Nam phát biểu.",
     {"Caroline Nguyen": ["Giám đốc Quốc gia UNDP tại Việt Nam"]}),
    ("Chủ tịch Quốc hội Lào Xay Som Phon phát biểu.", {"Xay Som Phon": ["Chủ tịch Quốc hội Lào"]}),
])
def test_officials_post_abroad_ends_in_its_country(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize("text", [
    "Giám đốc Công an tỉnh Trần Văn Ánh và đoàn Lào dự buổi làm việc.",
    "Chủ tịch Nguyễn Văn Ánh cùng đoàn Lào dự buổi làm việc.",
])
def test_officials_guests_after_a_person_are_not_a_post_abroad(text: str) -> None:
    assert all(not title.endswith("Lào") for titles in titles_by_name(text).values() for title in titles)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ông Nguyễn Văn Hải, Giám đốc Sở Ngoại vụ Lào Cai phát biểu.",
     {"Nguyễn Văn Hải": ["Giám đốc Sở Ngoại vụ Lào Cai"]}),
    ("Giám đốc Sở Tài chính Gia Lai Trần Văn Bình phát biểu.", {"Trần Văn Bình": ["Giám đốc Sở Tài chính Gia Lai"]}),
    ("Chủ tịch UBND Hà Nội Trần Sỹ Thanh dự.", {"Trần Sỹ Thanh": ["Chủ tịch UBND Hà Nội"]}),
    ("Phó Chủ tịch UBND TPHCM Võ Văn Lợi dự.", {"Võ Văn Lợi": ["Phó Chủ tịch UBND TPHCM"]}),
    ("Đồng chí Bí thư Huyện ủy Mai Đức Lộc trao quà.", {"Mai Đức Lộc": ["Bí thư Huyện ủy"]}),
    ("Chủ tịch UBND TP Vinh Nguyễn Văn An phát biểu.", {"Nguyễn Văn An": ["Chủ tịch UBND TP Vinh"]}),
])
def test_officials_place_after_a_body_and_the_name_after_it(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ông Phan Văn Tú cũng được tín nhiệm giữ chức danh Phó Bí thư Đảng ủy xã.",
     {"Phan Văn Tú": ["Phó Bí thư Đảng ủy xã"]}),
    ("Đồng chí Lý Thị Hằng đắc cử Bí thư Đảng ủy xã.", {"Lý Thị Hằng": ["Bí thư Đảng ủy xã"]}),
    ("Ông Lê Văn Bảo được điều động, bổ nhiệm giữ chức vụ Chánh Văn phòng UBND huyện.",
     {"Lê Văn Bảo": ["Chánh Văn phòng UBND huyện"]}),
    ("Bà Lê Thị Hoa được Chủ tịch UBND tỉnh khen thưởng.", {}),
])
def test_officials_post_taken_after_a_predicate(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "titles"), [
    ("Đồng chí Hà Văn Lâm, Uỷ viên Dự khuyết BCH Trung ương Đảng, Bí thư Tỉnh uỷ, Chủ tịch HĐND tỉnh dự.",
     ["Ủy viên Dự khuyết BCH Trung ương Đảng", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]),
    ("Đồng chí Hà Văn Lâm - Phó BTTT Thành ủy, Chủ tịch HĐND thành phố dự.",
     ["Phó BTTT Thành ủy", "Chủ tịch HĐND thành phố"]),
    ("Đồng chí Hà Văn Lâm - Thường vụ Huyện ủy - Phó chủ tịch thường trực HĐND huyện dự.",
     ["Thường vụ Huyện ủy", "Phó chủ tịch thường trực HĐND huyện"]),
    ("Ông Hà Văn Lâm, Ủy viên Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy dự.",
     ["Ủy viên Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"]),
    ("Ông Hà Văn Lâm, Tổng Giám đốc, kiêm cố vấn đặc biệt tập đoàn Hà Kogyo dự.",
     ["Tổng Giám đốc", "cố vấn đặc biệt tập đoàn Hà Kogyo"]),
    ("Đồng chí Hà Văn Lâm - UV BCH Đảng bộ tỉnh, Bí thư Huyện ủy dự.", ["UV BCH Đảng bộ tỉnh", "Bí thư Huyện ủy"]),
])
def test_officials_chain_through_abbreviations_and_bare_heads(text: str, titles: list[str]) -> None:
    assert titles_by_name(text) == {"Hà Văn Lâm": titles}


@pytest.mark.parametrize(("text", "expected"), [
    ("Giám đốc Sở Y tế LÊ VĂN AN cho biết.", {"LÊ VĂN AN": ["Giám đốc Sở Y tế"]}),
    ("Chủ tịch UBND tỉnh Lê Văn An dự.\n\n• CHỦ TỊCH UBND TỈNH LÊ VĂN AN: Tỉnh đã nỗ lực vượt khó.",
     {"Lê Văn An": ["Chủ tịch UBND tỉnh"]}),
    ("BÍ THƯ TỈNH ỦY HÀ GIANG: Tập trung phát triển kinh tế", {}),
    ("PHÓ CHỦ TỊCH UBND TỈNH KIỂM TRA CÔNG TÁC PHÒNG CHỐNG LỤT BÃO", {}),
])
def test_officials_name_in_capitals_after_a_title(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize("text", [
    "Ủy ban Thường vụ Quốc hội cho ý kiến về dự án luật.",
    "Ban Thường vụ Huyện ủy họp cho ý kiến về nhân sự.",
])
def test_officials_standing_committee_is_a_body(text: str) -> None:
    assert officials.add_officials(segment(normalize(Document(text)))).get(POSITION) == []


@pytest.mark.parametrize(("text", "name"), [
    ("BS. CKII Hoàng Thị Hương", "Hoàng Thị Hương"), ("ThS. BS. Lê Văn An", "Lê Văn An"),
    ("TS.BS. Lê Văn An", "Lê Văn An"),
])
def test_officials_tokenizer_reads_piece_by_piece(text: str, name: str) -> None:
    """No token of the tables holds a space (a dotted honorific of two words is matched word by word), so the
    tokenizer keeps its fast path; the honorific still comes off the name."""
    assert officials.load_official_data().split_at_spaces
    assert titles_by_name(f"Dự có {text}, Giám đốc Sở Y tế.") == {name: ["Giám đốc Sở Y tế"]}


@pytest.mark.parametrize(("last_lines", "names"), [
    ("T.Hà", ["T.Hà"]),
    ("Tin, ảnh: NGỌC HÂN", ["NGỌC HÂN"]),
    ("Văn Hiếu - Phòng VH-TT huyện", ["Văn Hiếu"]),
    ("Thanh Hà - Trung tâm VHTT&TT huyện", ["Thanh Hà"]),
    ("Hồng Nhung, Văn Phòng HĐND-UBND huyện", ["Hồng Nhung"]),
    ("Trung tâm VHTT&TT huyện Mường Lát", []),
])
def test_officials_authors_of_the_last_line(last_lines: str, names: list[str]) -> None:
    doc = officials_of(f"Hội nghị tổng kết\n\nSáng 5/3, UBND huyện tổ chức hội nghị tổng kết.\n\n{last_lines}")
    assert [a.value["name"] for a in doc.get(AUTHOR)] == names


@pytest.mark.parametrize(("text", "names"), [
    ("Họp phiên thường kỳ\n\nLê Hoa - 21:30, 12/04/2023\n\nSáng 12/4, UBND huyện họp phiên thường kỳ.\n\nLê Hoa",
     ["Lê Hoa"]),
    ("Họp phiên thường kỳ\n\nVŨ HÀ - THANH TÚ |\n\nSáng 12/4, UBND huyện họp phiên thường kỳ.", ["VŨ HÀ", "THANH TÚ"]),
    ("Họp phiên thường kỳ\n\nSáng 12/4, UBND huyện họp phiên thường kỳ.\n\n(CTV: Minh Thư)", ["Minh Thư"]),
])
def test_officials_authors_of_a_header_byline_once(text: str, names: list[str]) -> None:
    assert [a.value["name"] for a in officials_of(text).get(AUTHOR)] == names


def test_officials_byline_names_are_not_officials() -> None:
    doc = officials_of("Ông Lò Văn Pản, Chủ tịch UBND huyện chủ trì hội nghị.\n\nLò Văn Pản")
    assert [s.start for s in doc.get(OFFICIAL)] == [4]


def test_officials_seed_matches_gold(seed_doc: Document) -> None:
    from pipeline.evaluate import comparison_key as key

    gold = json.loads((ROOT / "corpora" / "seed" / "quan-son-2022-06-20.gold.json").read_text(encoding="utf-8"))
    found = {key(r["name"]): [key(t["text"]) for t in r["titles"]] for r in officials.official_records(seed_doc)}
    assert found == {key(o["name"]): [key(t) for t in o["titles"]] for o in gold["officials"]}
    assert [a["name"] for a in officials.author_records(seed_doc)] == gold["authors"]


@pytest.mark.parametrize(("table", "line", "message"), [
    ("titles.tsv", "Chủ tịch\tChủ tịch\t\tmaybe", "alone"),
    ("organisations.tsv", "UBND\tỦy ban nhân dân\tthing\t", "kind"),
])
def test_officials_rejects_a_malformed_table(monkeypatch: pytest.MonkeyPatch, table: str, line: str,
                                             message: str) -> None:
    from pipeline import tables
    from pipeline.errors import RuleDataError

    real = tables._read

    def patched(name: str) -> str:
        text = real(name)
        return text + line + "\n" if name == table else text

    officials.load_official_data.cache_clear()
    tables.load_table.cache_clear()
    monkeypatch.setattr(tables, "_read", patched)
    try:
        with pytest.raises(RuleDataError, match=message):
            officials.load_official_data()
    finally:
        monkeypatch.undo()
        officials.load_official_data.cache_clear()
        tables.load_table.cache_clear()


# -- the tokenizer's fast paths give the tokens of one pass of the pattern (speed is measured by `bench`)

TOKENIZER_TEXTS = [
    "Phó Chủ tịch UBND huyện, ông Lò Văn Minh; bà H'Lan Niê: đồng chí K'Brơi.",
    "TP. Hồ Chí Minh, TP.HCM, Tp. Vinh, PGS.TS. Trần Văn An, ThS.BS. Lê Thu, TS.Nguyễn Hòa.",
    "Ngày 20/6/2022, 1.234,5 tỷ đồng (58,2%) - Sở Văn hóa – Thể thao & Du lịch  hai  khoảng trắng",
    "ông\u00a0Hà, bà\u2003Lan\x1ctổ 5 ; x’, y' (Quốc lộ 217) 12A kết thúc.",
    " đầu có khoảng trắng, cuối cũng có ",
    "Đồng chí Xổm-phết Vông-pha-chăn, Park Jun-hyuk; KT-XH, COVID-19, -Ha-eun, Kim Ha-eun-.",
    "Hòa\u0301 dấu rời, ²³ số mũ, ½ phân số, ٣ chữ số khác",
    "",
]


@pytest.mark.parametrize("text", TOKENIZER_TEXTS + [
    line for line in (ROOT / "corpora" / "seed" / "quan-son-2022-06-20.txt").read_text(encoding="utf-8").splitlines()
    if line.strip()
])
def test_officials_tokenize_matches_one_pass_of_the_pattern(text: str) -> None:
    data = officials.load_official_data()
    expected = [(m.start() + 7, m.end() + 7, m.group()) for m in data.token_pattern.finditer(text)]
    assert [(t.start, t.end, t.text) for t in officials.tokenize(text, 7, data)] == expected


# -- fourth round: classes from real text (every sentence invented)

@pytest.mark.parametrize(("text", "expected"), [
    # a dash sets the holder's full name apart after the title, without an honorific
    ("Ngày 7/5, Chủ tịch UBND huyện Tân Hòa – Vi Văn Đức chủ trì phiên họp thường kỳ.",
     {"Vi Văn Đức": ["Chủ tịch UBND huyện Tân Hòa"]}),
    ("Sáng nay, Phó Chủ tịch UBND tỉnh - Lò Văn Kha kiểm tra công trình thủy lợi.",
     {"Lò Văn Kha": ["Phó Chủ tịch UBND tỉnh"]}),
    # a place abroad closes a unit's name and is no part of the name after it, however short that name
    ("Phát biểu tại buổi tiếp, Giám đốc Sở Thương mại Khu tự trị Quảng Tây Tạ Lượng cho biết sẽ mở thêm chợ.",
     {"Tạ Lượng": ["Giám đốc Sở Thương mại Khu tự trị Quảng Tây"]}),
    # a post abroad names its province without a level word
    ("Bí thư Tỉnh ủy, Tỉnh trưởng Salavan Khăm Phon Vi La Xỏn đón đoàn.",
     {"Khăm Phon Vi La Xỏn": ["Bí thư Tỉnh ủy", "Tỉnh trưởng Salavan"]}),
    ("Tỉnh trưởng Khăm Phon Xỏn tiếp đoàn.", {"Khăm Phon Xỏn": ["Tỉnh trưởng"]}),
    # a country named only after its state's form
    ("Bộ trưởng Bộ Thương mại nước Cộng hòa nhân dân Trung Hoa Lý Minh Quang gửi thư chúc mừng.",
     {"Lý Minh Quang": ["Bộ trưởng Bộ Thương mại nước Cộng hòa nhân dân Trung Hoa"]}),
    # a national body's name ends with its scope; a firm's brand may begin with a department's words
    ("Đồng chí Hoàng Văn Tám, Giám đốc Học viện Hành chính quốc gia dự hội nghị.",
     {"Hoàng Văn Tám": ["Giám đốc Học viện Hành chính quốc gia"]}),
    ("Giám đốc Bệnh viện Nhi trung ương Hoàng Văn Tám cho biết.",
     {"Hoàng Văn Tám": ["Giám đốc Bệnh viện Nhi trung ương"]}),
    ("Hiệu trưởng Trường THPT Chu Văn An cho biết nhà trường có 650 học sinh.", {}),
    ("Ông Lê Văn Ba, Giám đốc Công ty Xây dựng Hưng Thịnh cho biết.",
     {"Lê Văn Ba": ["Giám đốc Công ty Xây dựng Hưng Thịnh"]}),
    ("Giám đốc Công ty Xây dựng Lê Văn Ba cho biết.", {"Lê Văn Ba": ["Giám đốc Công ty Xây dựng"]}),
    # founders; a second organisation of the same head before the next title
    ("Đoàn do ông Lý Văn Sơn - Người sáng lập Tập đoàn Xây dựng Hòa Bình, Chủ tịch Viện nghiên cứu Minh Tâm dẫn đầu.",
     {"Lý Văn Sơn": ["Người sáng lập Tập đoàn Xây dựng Hòa Bình", "Chủ tịch Viện nghiên cứu Minh Tâm"]}),
    # an abbreviation followed by the word it stands for in part
    ("Dự có ông Lê Văn Bốn, UVTW Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh.",
     {"Lê Văn Bốn": ["UVTW Đảng", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]}),
])
def test_officials_real_text_classes(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # after a name, ";" goes on with the same person's titles while a capitalised head follows
    ("Lớp học có đồng chí Mai Văn Tư, Ủy viên Trung ương Đảng; Giám đốc Học viện Hành chính quốc gia; "
     "Chủ tịch Hội đồng Khoa học tỉnh; đồng chí Vũ Văn Hai, Ủy viên Trung ương Đảng.",
     {"Mai Văn Tư": ["Ủy viên Trung ương Đảng", "Giám đốc Học viện Hành chính quốc gia",
                     "Chủ tịch Hội đồng Khoa học tỉnh"],
      "Vũ Văn Hai": ["Ủy viên Trung ương Đảng"]}),
    # ... and the titles after a ";" that end in a name are that next person's
    ("Dự có các đồng chí: Mai Văn Tư, Bí thư Huyện ủy; Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Vũ Văn Hai.",
     {"Mai Văn Tư": ["Bí thư Huyện ủy"], "Vũ Văn Hai": ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"]}),
    # a lower-case head after ";" begins the other guests
    ("Dự họp có ông Hà Văn Lộc, Phó Chi cục trưởng Chi cục Thủy lợi tỉnh; thành viên Ban Chỉ đạo huyện.",
     {"Hà Văn Lộc": ["Phó Chi cục trưởng Chi cục Thủy lợi tỉnh"]}),
])
def test_officials_semicolon_chain(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


def test_officials_appointment_list_with_brackets() -> None:
    text = ("Chủ tịch UBND tỉnh đã ký quyết định bổ nhiệm các ông: Lê Văn An (nguyên Chủ tịch UBND huyện Tuy Phước), "
            "Hà Minh Bảo và Đỗ Văn Cường (nguyên Phó trưởng Ban Chuẩn bị dự án Khu kinh tế Vân Phong) giữ chức vụ "
            "Phó trưởng Ban Quản lý Khu kinh tế Vân Phong. Riêng ông Lê Văn An được bổ nhiệm chức danh Phó trưởng "
            "Ban Thường trực.")
    post = "Phó trưởng Ban Quản lý Khu kinh tế Vân Phong"
    former = "nguyên Phó trưởng Ban Chuẩn bị dự án Khu kinh tế Vân Phong"
    assert titles_by_name(text) == {
        "Lê Văn An": ["nguyên Chủ tịch UBND huyện Tuy Phước", post, "Phó trưởng Ban Thường trực"],
        "Hà Minh Bảo": [former, post],
        "Đỗ Văn Cường": [former, post],
    }


@pytest.mark.parametrize(("text", "expected"), [
    ("Tổ đại biểu Quốc hội số 2 gồm các đại biểu Lò Văn Kha; Hà Thị Mây; Vi Văn Đức tiếp xúc cử tri.",
     {"Lò Văn Kha": ["đại biểu"], "Hà Thị Mây": ["đại biểu"], "Vi Văn Đức": ["đại biểu"]}),
    ("Tại kỳ họp, đại biểu Lò Văn Kha đề nghị tỉnh quan tâm đầu tư đường giao thông.", {"Lò Văn Kha": ["đại biểu"]}),
    # the seat says no more where the person has a title of their own
    ("Tại kỳ họp, đại biểu Lò Văn Kha, Chủ tịch Hội Nông dân xã Tân Lập đề nghị tỉnh quan tâm đầu tư.",
     {"Lò Văn Kha": ["Chủ tịch Hội Nông dân xã Tân Lập"]}),
    # outside an elected body's business a delegate is any guest
    ("Tại hội nghị, đại biểu Lò Văn Kha, nông dân xã Tân Lập chia sẻ kinh nghiệm trồng chè.", {}),
])
def test_officials_deputy_named_bare(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Hội nghị tổng kết năm 2024.\n\nĐồng chí Lê Văn Ba -\nPhó Bí thư Huyện ủy, Chủ tịch UBND huyện phát biểu.",
     {"Lê Văn Ba": ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"]}),
    ("Hội nghị tổng kết năm 2024.\n\nĐồng chí Lê Văn Ba\n– Phó Bí thư Huyện ủy phát biểu.",
     {"Lê Văn Ba": ["Phó Bí thư Huyện ủy"]}),
    # a headline is no line of a name; a line that opens with an honorific is a new sentence
    ("Xã Tân Lập có tân Chủ tịch UBND xã\nÔng Lê Văn Ba được bầu giữ chức Chủ tịch UBND xã Tân Lập.",
     {"Lê Văn Ba": ["Chủ tịch UBND xã Tân Lập"]}),
])
def test_officials_titles_on_the_next_line(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a head with its committee inside the word counts in lower case
    ("Ông Nghiêm Văn Tú – huyện ủy viên, Bí thư Đảng ủy xã phát biểu.",
     {"Nghiêm Văn Tú": ["huyện ủy viên", "Bí thư Đảng ủy xã"]}),
    # the post taken: after a comma, after a former post's term, after two verbs of taking office
    ("Kỳ họp bầu bà Lù Thị Dung – Phó Bí thư Đảng ủy, giữ chức Chủ tịch UBND xã.",
     {"Lù Thị Dung": ["Phó Bí thư Đảng ủy", "Chủ tịch UBND xã"]}),
    ("Ông Giàng A Sử, Trưởng Công an thị trấn khóa XV nay được bầu giữ chức Phó Chủ tịch UBND thị trấn.",
     {"Giàng A Sử": ["Trưởng Công an thị trấn", "Phó Chủ tịch UBND thị trấn"]}),
    ("Đồng chí Mông Văn Lý tiếp tục tái cử giữ chức Phó Chủ tịch HĐND xã.",
     {"Mông Văn Lý": ["Phó Chủ tịch HĐND xã"]}),
    # a rank, a deputy head written before the post, a dash-joined post, a short form in brackets
    ("Đại úy Lường Văn Khải, Phó Chính trị viên Đồn Biên phòng Tam Hợp tặng quà học sinh.",
     {"Lường Văn Khải": ["Phó Chính trị viên Đồn Biên phòng Tam Hợp"]}),
    ("Dự lễ có bà Kiều Thị Hạnh - UVTƯ Đảng; Phó Chủ tịch - Tổng Thư ký Hội Nông dân tỉnh.",
     {"Kiều Thị Hạnh": ["UVTƯ Đảng", "Phó Chủ tịch - Tổng Thư ký Hội Nông dân tỉnh"]}),
    ("Tại kỳ họp HĐND huyện, đại biểu (ĐB) Cầm Văn Thái chất vấn về tiến độ giải ngân.",
     {"Cầm Văn Thái": ["đại biểu"]}),
    ("Ông Hứa Văn Cường, Chủ tịch Ủy ban nhân dân (UBND) huyện cho biết.",
     {"Hứa Văn Cường": ["Chủ tịch Ủy ban nhân dân (UBND) huyện"]}),
])
def test_officials_elected_and_written_forms(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a dash after a head WITH its organisation parts two titles, as a comma does
    ("Ông Lý Văn Hưng, Chủ tịch HĐQT - Tổng Giám đốc Công ty cổ phần Sao Mai cho biết.",
     {"Lý Văn Hưng": ["Chủ tịch HĐQT", "Tổng Giám đốc Công ty cổ phần Sao Mai"]}),
    # a lower-case head with no organisation inside it is no title
    ("Ông Lý Văn Hưng được bầu làm chủ tịch.", {}),
    # a term with no verb of taking office after it adds no post
    ("Ông Lý Văn Hưng, Chủ tịch HĐND xã khóa IX, phát biểu khai mạc.", {"Lý Văn Hưng": ["Chủ tịch HĐND xã"]}),
])
def test_officials_elected_and_written_forms_negative(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a deputy's title before bare full names joined with "và": both are deputies
    ("Cùng đi có Phó Chủ tịch UBND tỉnh Hồ Văn Khải và Chu Thị Nguyệt.",
     {"Hồ Văn Khải": ["Phó Chủ tịch UBND tỉnh"], "Chu Thị Nguyệt": ["Phó Chủ tịch UBND tỉnh"]}),
    # honorific names joined with "và", then a deputy's title: both are deputies
    ("Ông Hồ Văn Khải và ông Chu Văn Nguyệt, Phó Chủ tịch UBND huyện cùng dự.",
     {"Hồ Văn Khải": ["Phó Chủ tịch UBND huyện"], "Chu Văn Nguyệt": ["Phó Chủ tịch UBND huyện"]}),
    # a post one person holds is never shared, nor given to a name with an honorific
    ("Chủ tịch UBND tỉnh Hồ Văn Khải và Chu Văn Nguyệt cùng dự.", {"Hồ Văn Khải": ["Chủ tịch UBND tỉnh"]}),
    ("Ông Hồ Văn Khải và ông Chu Văn Nguyệt, Chủ tịch UBND huyện cùng dự.",
     {"Chu Văn Nguyệt": ["Chủ tịch UBND huyện"]}),
    ("Cùng dự có Phó Chủ tịch UBND huyện Hồ Văn Khải và ông Chu Văn Nguyệt.",
     {"Hồ Văn Khải": ["Phó Chủ tịch UBND huyện"]}),
    # two "title - Name" pairs in a row, each title its own holder's
    ("Dự có Phó Chủ tịch UBND huyện - Hồ Văn Khải, Phó Chủ tịch UBND huyện - Liêu Văn Nguyệt và cử tri.",
     {"Hồ Văn Khải": ["Phó Chủ tịch UBND huyện"], "Liêu Văn Nguyệt": ["Phó Chủ tịch UBND huyện"]}),
    ("Trưởng phòng Nội vụ - Hồ Văn Khải, Trưởng phòng Tài chính - Kế hoạch - Chu Văn Nguyệt cùng dự.",
     {"Hồ Văn Khải": ["Trưởng phòng Nội vụ"], "Chu Văn Nguyệt": ["Trưởng phòng Tài chính - Kế hoạch"]}),
    ("Giám đốc Sở Xây dựng - Chu Văn Nguyệt kiểm tra công trình.", {"Chu Văn Nguyệt": ["Giám đốc Sở Xây dựng"]}),
    # the group word before a name with its own chain: the chain is that person's; the list goes on
    ("Tổ gồm các đại biểu Hồ Văn Khải, Phó Chủ tịch HĐND tỉnh; Chu Thị Nguyệt, Trưởng Ban Pháp chế HĐND tỉnh "
     "tiếp xúc cử tri.",
     {"Hồ Văn Khải": ["đại biểu", "Phó Chủ tịch HĐND tỉnh"], "Chu Thị Nguyệt": ["Trưởng Ban Pháp chế HĐND tỉnh"]}),
    ("Tổ gồm các đại biểu Hồ Văn Khải và Chu Thị Nguyệt tiếp xúc cử tri.",
     {"Hồ Văn Khải": ["đại biểu"], "Chu Thị Nguyệt": ["đại biểu"]}),
])
def test_officials_titles_shared_and_paired(text: str, expected: dict[str, list[str]]) -> None:
    assert titles_by_name(text) == expected
