"""A hand-built output document with every kind of record, for the frames, spaCy and report tests.

The names and places are invented. Offsets are computed from the text, so they are right by
construction; the records carry the contract keys plus the kinds of extras stages add (offsets,
mentions, role and organisation, issuer, divisor), some as nested objects, and a few awkward cases:
an official and a title known without offsets (gold style), a place mention that crosses a title's
end, an organisation inside a place mention, and HTML-special characters inside a directive.
"""

from __future__ import annotations

import copy
from typing import Any

TEXT = (
    "Hội nghị giao ban tháng 3 của UBND huyện Bắc Hà Lâm\n"
    "Sáng 5/3/2024, UBND huyện Bắc Hà Lâm tổ chức hội nghị giao ban. Đồng chí Nguyễn Văn Khải, "
    "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Bắc Hà Lâm chủ trì hội nghị.\n"
    "Năm 2023, năng suất lúa đạt 58,2 tạ/ha; toàn huyện có 10/12 xã đạt chuẩn nông thôn mới, "
    "hỗ trợ 40 triệu đồng/hộ cho 36 hộ dân tại xã Tân Phong Hạ, thôn Nà Lầu.\n"
    "Đồng chí Nguyễn Văn Khải yêu cầu các xã đẩy mạnh tuyên truyền về phòng chống thiên tai; "
    "đề nghị Công ty A&B \"Xanh\" <mới> hoàn thành dự án trước ngày 30/4.\n"
    "Trần Thị Mai"
)


def at(piece: str, nth: int = 0, *, within: str | None = None) -> dict[str, int]:
    """{"start", "end"} of the nth occurrence of `piece` (inside the first `within` if given)."""
    base = TEXT.index(within) if within else 0
    start = base - 1
    for _ in range(nth + 1):
        start = TEXT.index(piece, start + 1)
    return {"start": start, "end": start + len(piece)}


def sample_output() -> dict[str, Any]:
    """A fresh copy (tests may edit it)."""
    chain = "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Bắc Hà Lâm"
    record: dict[str, Any] = {
        "schema_version": "1",
        "pipeline_version": "0.0.test",
        "doc_id": "bac-ha-lam-2024-03-05",
        "source": {"path": "corpora/x/bac-ha-lam-2024-03-05.txt", "sha256": "0" * 64, "encoding": "utf-8",
                   "format": "txt", "url": None},
        "title": TEXT.split("\n", 1)[0],
        "title_offsets": at(TEXT.split("\n", 1)[0]),
        "event": {"date": "2024-03-05", "type": "hội nghị", "online": False, **at("hội nghị giao ban"),
                  "organiser": {"text": "UBND huyện Bắc Hà Lâm", **at("UBND huyện Bắc Hà Lâm", 1)},
                  "chair": "Nguyễn Văn Khải"},
        "home_unit": {"name": "Bắc Hà Lâm", "type": "huyện", "province": "Hà Sơn Bình", **at("huyện Bắc Hà Lâm")},
        "authors": [{"name": "Trần Thị Mai", **at("Trần Thị Mai")}],
        "officials": [
            {"name": "Nguyễn Văn Khải", **at("Nguyễn Văn Khải"),
             "mentions": [at("Nguyễn Văn Khải"), at("Nguyễn Văn Khải", 1)],
             "part": "chaired",
             "titles": [
                 {"text": "Phó Bí thư Huyện ủy", **at("Phó Bí thư Huyện ủy"), "role": "Phó Bí thư",
                  "organisation": {"text": "Huyện ủy", "expanded": "Huyện ủy Bắc Hà Lâm",
                                   **at("Huyện ủy", within=chain)}},
                 {"text": "Chủ tịch UBND huyện", **at("Chủ tịch UBND huyện"), "role": "Chủ tịch",
                  "organisation": {"text": "UBND huyện", "expanded": "Ủy ban nhân dân huyện Bắc Hà Lâm",
                                   **at("UBND huyện", within=chain)}},
             ]},
            {"name": "Lê Hoàng Sơn", "titles": ["Giám đốc Sở Tài chính"]},  # gold style: no offsets
        ],
        "places": [
            {"name": "Bắc Hà Lâm", "type": "huyện", "text": "huyện Bắc Hà Lâm", **at("huyện Bắc Hà Lâm"),
             "mentions": [at("huyện Bắc Hà Lâm", n) for n in range(3)],  # the third crosses "Chủ tịch UBND huyện"
             "prefix": "huyện", "resolved": True,
             "hierarchy": [{"name": "Bắc Hà Lâm", "type": "huyện", "level": "district"},
                           {"name": "Hà Sơn Bình", "type": "tỉnh", "level": "province"}]},
            {"name": "Tân Phong Hạ", "type": "xã", "text": "xã Tân Phong Hạ", **at("xã Tân Phong Hạ")},
            {"name": "Nà Lầu", "type": "thôn", "text": "thôn Nà Lầu", **at("thôn Nà Lầu")},
        ],
        "indicators": [
            {"text": "58,2 tạ/ha", "value": 5820, "unit": "kg/ha", "measure": "năng suất lúa",
             "unit_text": "tạ/ha", **at("58,2 tạ/ha")},
            {"text": "10/12 xã", "value": 10, "of": 12, "unit": "xã", **at("10/12 xã")},
            {"text": "40 triệu đồng/hộ", "value": 40_000_000, "unit": "VND", "per": "hộ",
             **at("40 triệu đồng/hộ")},
            {"text": "36 hộ dân", "value": 36, "unit": "hộ", "qualifier": None, **at("36 hộ dân")},
        ],
        "directives": [
            {"verb": "yêu cầu", "text": "các xã đẩy mạnh tuyên truyền về phòng chống thiên tai",
             **at("các xã đẩy mạnh tuyên truyền về phòng chống thiên tai"),
             "issuer": {"name": "Nguyễn Văn Khải", **at("Nguyễn Văn Khải", 1)}, "addressees": ["các xã"]},
            {"verb": "đề nghị", "text": "Công ty A&B \"Xanh\" <mới> hoàn thành dự án trước ngày 30/4",
             **at("Công ty A&B \"Xanh\" <mới> hoàn thành dự án trước ngày 30/4"),
             "deadline": "30/4", "issuer": None},
        ],
        "stats": {"characters": len(TEXT), "paragraphs": 5, "sentences": 6, "tokens": 90},
        "warnings": ["a warning kept as it is"],
        "text": TEXT,
    }
    return copy.deepcopy(record)


def error_output() -> dict[str, Any]:
    """What a batch run writes for an article it could not read."""
    return {"schema_version": "1", "pipeline_version": "0.0.test", "doc_id": "broken",
            "source": {"path": "corpora/x/broken.txt"},
            "error": {"type": "BinaryInputError", "message": "corpora/x/broken.txt: binary"}}


def corpus_articles(limit: int = 4) -> list:
    """The seed article and the first few train articles (whatever the corpus holds today)."""
    from pathlib import Path

    corpora = Path(__file__).resolve().parents[1] / "corpora"
    train = sorted((corpora / "dev" / "train").glob("*.txt"))[:limit]
    return [corpora / "seed" / "quan-son-2022-06-20.txt", *train]
