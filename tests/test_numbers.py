"""Vietnamese numbers: digits, number words, scale words (pipeline/numbers.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.numbers import (
    format_vietnamese_number,
    match_number,
    parse_digits,
    parse_vietnamese_number,
    spell_vietnamese_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("58,2", "58.2"),
        ("1.234,5", "1234.5"),
        ("5.600", "5600"),
        ("135.000", "135000"),
        ("1.200.000", "1200000"),
        ("0,5", "0.5"),
        ("06", "6"),
        ("2.5", "2.5"),  # a dot before one or two digits is a foreign decimal mark
        ("1,234,567", "1234567"),  # several comma groups of three: foreign thousands
    ],
)
def test_numbers_parse_digits_reads_vietnamese_marks(text: str, value: str) -> None:
    assert parse_digits(text) == Decimal(value)


@pytest.mark.parametrize("text", ["1.23.4", "1,2,3", "12.34.567", ""])
def test_numbers_parse_digits_rejects_malformed_groups(text: str) -> None:
    with pytest.raises(ValueError, match="not a Vietnamese number"):
        parse_digits(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5.600 tỷ", 5_600_000_000_000),
        ("1,2 triệu", 1_200_000),
        ("1 tỷ 200 triệu", 1_200_000_000),
        ("135 nghìn tỷ", 135_000_000_000_000),
        ("12 ngàn tỷ", 12_000_000_000_000),
        ("3 tỉ", 3_000_000_000),
        ("2 triệu 500 nghìn", 2_500_000),
        ("ba", 3),
        ("mười", 10),
        ("mười một", 11),
        ("mười lăm", 15),
        ("hai mươi", 20),
        ("hai mươi mốt", 21),
        ("hai mươi tư", 24),
        ("hai mươi lăm", 25),
        ("hai mươi nhăm", 25),
        ("năm mươi tư", 54),
        ("ba chục", 30),
        ("một trăm", 100),
        ("một trăm linh năm", 105),
        ("một trăm lẻ năm", 105),
        ("hai trăm mười", 210),
        ("một nghìn", 1000),
        ("một nghìn không trăm linh năm", 1005),
        ("hai triệu năm trăm nghìn", 2_500_000),
        ("một triệu rưỡi", 1_500_000),
        ("một tỷ hai trăm triệu", 1_200_000_000),
        ("một nghìn hai trăm tỷ", 1_200_000_000_000),
        ("Hai Mươi Lăm", 25),
        # spoken short: one digit after trăm is the tens, after a scale word the next place down
        ("một trăm tư", 140),
        ("ba trăm hai", 320),
        ("ba nghìn hai", 3_200),
        ("hai triệu tư", 2_400_000),
        ("1 tỷ 2", 1_200_000_000),
        ("một tỷ hai", 1_200_000_000),
    ],
)
def test_numbers_parse_vietnamese_number_reads_words_and_scales(text: str, value: int) -> None:
    assert parse_vietnamese_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "hai mươi năm",  # twenty years: five after mươi is lăm
        "mười năm",  # ten years
        "tư",  # "fourth", never four alone
        "lăm",
        "một mươi",  # 10 is mười
        "nghìn",  # a scale needs a number before it
        "1 tỷ 200",  # colloquial 1,2 tỷ: ambiguous
        "hai triệu ba triệu",
        "không",
        "một trăm năm",  # a hundred years, not 105
        "hai nghìn năm",  # two thousand years
        "một trăm một",  # 101 or 110: said both ways
    ],
)
def test_numbers_parse_vietnamese_number_rejects_non_numbers(text: str) -> None:
    with pytest.raises(ValueError, match="not a Vietnamese number"):
        parse_vietnamese_number(text)


@pytest.mark.parametrize(
    ("text", "pos", "value", "matched"),
    [
        ("đạt 1 tỷ 200 triệu đồng", 4, 1_200_000_000, "1 tỷ 200 triệu"),
        ("hai mươi năm qua", 0, 20, "hai mươi"),
        ("70ha lúa", 0, 70, "70"),
        ("5 năm", 0, 5, "5"),
        ("1,02 triệu lượt", 0, 1_020_000, "1,02 triệu"),
        ("mười lăm xã", 0, 15, "mười lăm"),
    ],
)
def test_numbers_match_number_takes_the_longest_expression(text: str, pos: int, value: int, matched: str) -> None:
    m = match_number(text, pos)
    assert m is not None
    assert m.value == value
    assert text[m.start:m.end] == matched


@pytest.mark.parametrize(("text", "glued"), [("70ha", True), ("70 ha", False), ("12A", True)])
def test_numbers_match_number_notes_glued_letters(text: str, glued: bool) -> None:
    m = match_number(text, 0)
    assert m is not None and m.glued is glued


@pytest.mark.parametrize("text", ["đồng", "tư cách", "mươi năm", "nghìn người"])
def test_numbers_match_number_finds_nothing_without_a_number(text: str) -> None:
    assert match_number(text, 0) is None


@pytest.mark.parametrize(
    ("value", "written"),
    [(5600, "5.600"), (Decimal("58.2"), "58,2"), (1_234_567, "1.234.567"), (Decimal("2196.5"), "2.196,5"), (7, "7")],
)
def test_numbers_format_vietnamese_number_writes_marks(value: Decimal | int, written: str) -> None:
    assert format_vietnamese_number(value) == written


@given(st.integers(min_value=0, max_value=10**15))
def test_numbers_format_then_parse_gives_the_integer(n: int) -> None:
    assert parse_vietnamese_number(format_vietnamese_number(n)) == n


@given(st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
def test_numbers_format_then_parse_gives_the_decimal(value: Decimal) -> None:
    assert parse_vietnamese_number(format_vietnamese_number(value)) == value


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["nghìn", "triệu", "tỷ"]))
def test_numbers_format_with_a_scale_word_multiplies(n: int, scale: str) -> None:
    factor = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}[scale]
    assert parse_vietnamese_number(f"{format_vietnamese_number(n)} {scale}") == n * factor


@given(st.integers(min_value=1, max_value=10**15))
def test_numbers_spell_then_parse_gives_the_number(n: int) -> None:
    assert parse_vietnamese_number(spell_vietnamese_number(n)) == n


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (105, "một trăm linh năm"),
        (1005, "một nghìn không trăm linh năm"),
        (2_500_000, "hai triệu năm trăm nghìn"),
        (1_000_000_000_000, "một nghìn tỷ"),
    ],
)
def test_numbers_spell_vietnamese_number_reads_aloud(n: int, words: str) -> None:
    assert spell_vietnamese_number(n) == words


@pytest.mark.parametrize(("text", "matched"), [
    ("1 tỷ 200 triệu", "1 tỷ 200 triệu"), ("1 tỷ  200 triệu", "1 tỷ"), ("1 tỷ\t200 triệu", "1 tỷ\t200 triệu"),
    ("hai mươi", "hai mươi"), ("hai mươi ", "hai mươi"), ("5", "5"),
])
def test_numbers_match_number_reads_tokens_one_space_apart(text: str, matched: str) -> None:
    m = match_number(text, 0)
    assert m is not None and text[m.start:m.end] == matched
