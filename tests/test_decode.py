from __future__ import annotations

import codecs
import unicodedata

import pytest

from pipeline.decode import decode_bytes, decode_tcvn3, decode_vni_text, plausibility
from pipeline.errors import BinaryInputError, EmptyArticleError, InputDecodingError
from pipeline.normalize import normalize_text
from tests.legacy import to_cp1258, to_tcvn3, to_vni

SAMPLE = ("Sáng ngày 12/3/2024, Ủy ban nhân dân huyện Mường Khương tổ chức hội nghị đánh giá kết quả "
          "phát triển kinh tế - xã hội. Đồng chí Nguyễn Thị Hồng Vân, Phó Chủ tịch UBND huyện chủ trì; "
          "giá trị sản xuất nông nghiệp ước đạt 1.234,5 tỷ đồng, năng suất lúa bình quân 58,2 tạ/ha.")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-32"), "utf-32"),
        (to_cp1258(SAMPLE), "cp1258"),
        (to_vni(SAMPLE), "vni"),
        (to_vni(SAMPLE).decode("cp1252").encode("utf-8"), "vni-as-utf-8"),
        (SAMPLE.encode("utf-8").decode("latin-1").encode("utf-8"), "utf-8-double-encoded"),
        (unicodedata.normalize("NFD", SAMPLE).encode("utf-8"), "utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "windows-1258", "vni",
         "vni-as-utf-8", "double-encoded", "nfd"],
)
def test_decode_reads_every_supported_encoding(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, name="sample.txt")
    assert decoded.encoding == encoding
    assert normalize_text(decoded.text) == normalize_text(SAMPLE)


@pytest.mark.parametrize("as_utf8", [False, True], ids=["bytes", "as-utf-8"])
def test_decode_reads_tcvn3_lower_casing_capitals(as_utf8: bool) -> None:
    data = to_tcvn3(SAMPLE)
    if as_utf8:
        data = data.decode("cp1252", errors="strict").encode("utf-8")
    decoded = decode_bytes(data, name="tcvn3.txt")
    assert decoded.encoding == ("tcvn3-as-utf-8" if as_utf8 else "tcvn3")
    # TCVN3 has no upper-case toned letters: "Ủy" comes back as "ủy"
    assert normalize_text(decoded.text).lower() == normalize_text(SAMPLE).lower()


def test_decode_tcvn3_and_vni_tables() -> None:
    assert decode_tcvn3("§éc lËp - Tù do - H¹nh phóc".encode("cp1252")) == "Độc lập - Tự do - Hạnh phúc"
    assert decode_vni_text("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyArticleError),
        (b"  \r\n\t ", EmptyArticleError),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", BinaryInputError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInputError),
        (b"PK\x03\x04\x14\x00\x06\x00", BinaryInputError),
        (bytes(range(256)) * 8, BinaryInputError),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100, BinaryInputError),
        ("Привет, это русский текст без вьетнамских букв".encode("cp1251") * 5, InputDecodingError),
    ],
    ids=["empty", "blank", "pdf", "png", "zip", "all-bytes", "controls", "cp1251"],
)
def test_decode_rejects_bad_input_with_named_error(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error, match=r"bad\.txt"):
        decode_bytes(data, name="bad.txt")


def test_decode_plausibility_separates_vietnamese_from_mojibake() -> None:
    assert plausibility(SAMPLE) > 0.95
    assert plausibility(to_tcvn3(SAMPLE).decode("cp1252")) < 0.5
    assert plausibility("plain ASCII text only") == 1.0
