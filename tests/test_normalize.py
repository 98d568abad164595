from __future__ import annotations

import unicodedata

import pytest

from pipeline.document import Document
from pipeline.errors import EmptyArticleError
from pipeline.normalize import is_vietnamese_syllable, normalize, normalize_text, place_tone_mark


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("Hoá", "Hóa"), ("Uỷ", "Ủy"), ("UỶ", "ỦY"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"),
     ("tuỳ", "tùy"), ("xoà", "xòa"), ("Nhuỵ", "Nhụy"), ("ngòai", "ngoài"), ("gìa", "già")],
)
def test_normalize_moves_old_style_tone_marks(old: str, new: str) -> None:
    assert place_tone_mark(old) == new


@pytest.mark.parametrize(
    "word",
    ["hòa", "hoàng", "quý", "quả", "giữa", "gì", "người", "thuở", "khuỷu", "huỳnh", "Việt", "Covid", "OCOP", "J02",
     "H'Mông", "Xay", "Ksor"],
)
def test_normalize_keeps_words_already_canonical(word: str) -> None:
    assert place_tone_mark(word) == word


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        (unicodedata.normalize("NFD", "Ủy ban hòa giải"), "Ủy ban hòa giải"),
        ("huyện\u00a0Quan\u00a0Hóa", "huyện Quan Hóa"),
        ("Ngày14/6/2018, tháng12", "Ngày 14/6/2018, tháng 12"),  # a date word typed against its number
        ("Quốc lộ 1A, H5N1, năm2024x", "Quốc lộ 1A, H5N1, năm 2024x"),
        ("08/02/2020Chiều nay, 2/3/2024ha", "08/02/2020 Chiều nay, 2/3/2024 ha"),  # a date against the next word
        ("xã\u200b Tân\u2009Lập\u00ad", "xã Tân Lập"),
        ("ÐẠI HỘI Ðảng bộ", "ĐẠI HỘI Đảng bộ"),
        ("a\r\n\r\n\r\n\r\nb", "a\n\nb"),
        ("   thụt lề   nhiều   khoảng trắng  ", "thụt lề nhiều khoảng trắng"),
        ("\ttab\tvà\x07chuông", "tab vàchuông"),
        ("“trích dẫn” giữ nguyên", "“trích dẫn” giữ nguyên"),
    ],
    ids=["old-tone", "nfd", "nbsp", "glued-date-word", "glued-only-date-words", "glued-after-date", "zero-width",
         "eth", "blank-lines", "spaces", "controls", "curly-quotes"],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_is_idempotent_on_the_seed(seed_path) -> None:
    once = normalize_text(seed_path.read_text(encoding="utf-8"))
    assert normalize_text(once) == once
    assert "Uỷ" not in once and "Ủy viên Ban Thường vụ" in once


def test_normalize_old_and_new_spelling_give_the_same_text() -> None:
    assert normalize_text("Uỷ ban nhân dân tỉnh Hoà Bình") == normalize_text("Ủy ban nhân dân tỉnh Hòa Bình")


def test_normalize_stage_rejects_blank_article() -> None:
    with pytest.raises(EmptyArticleError):
        normalize(Document(text=" \u00a0\u200b\n\n "))


@pytest.mark.parametrize(("word", "valid"), [("nghiêng", True), ("khuỷu", True), ("Néi", False), ("ViÖt", False)])
def test_normalize_recognises_vietnamese_syllables(word: str, valid: bool) -> None:
    assert is_vietnamese_syllable(word) is valid


@pytest.mark.parametrize(("text", "expected"), [
    ("Uỷ ban nhân dân xã Hoà Bình, thuỷ lợi", "Ủy ban nhân dân xã Hòa Bình, thủy lợi"),
    ("hoàhoà hoà-hoà Hoà\u0301 hoàng", "hoàhoà hòa-hòa Hoà\u0301 hoàng"),  # only whole words, each one
    ("Ủy ban đã hòa giải", "Ủy ban đã hòa giải"),  # already in underthesea's style: the same text
    ("\u0301hoà khoẻ", "\u0301hòa khỏe"),  # a stray mark before a word does not join it
])
def test_normalize_fix_tone_marks_word_by_word(text: str, expected: str) -> None:
    import regex

    from pipeline.normalize import fix_tone_marks, place_tone_mark

    assert fix_tone_marks(text) == expected
    assert regex.sub(r"\p{L}[\p{L}\p{M}]*", lambda m: place_tone_mark(m.group()), text) == expected
