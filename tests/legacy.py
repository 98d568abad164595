"""Encoders into the legacy Vietnamese encodings, built by inverting the package's decoding tables.

Tests use them to make fixture files from our own Unicode text: what an old CMS or a 1990s font
would have saved. Upper-case toned letters do not exist in TCVN3 and go out as lower case.
"""

from __future__ import annotations

import unicodedata

from pipeline.tables import load_table

TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_tcvn3(text: str) -> bytes:
    table = {r["char"]: int(r["byte"], 16) for r in load_table("encodings/tcvn3.tsv", ("byte", "char"))}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        code = table.get(ch, table.get(ch.lower()))
        out += bytes([code]) if code is not None else ch.encode("cp1252", errors="replace")
    return bytes(out)


def to_vni(text: str) -> bytes:
    table = {r["char"]: r["sequence"] for r in load_table("encodings/vni.tsv", ("sequence", "char"))}
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252")


def to_cp1258(text: str) -> bytes:
    """Windows-1258: letters with hat/breve/horn precomposed, tone marks as combining characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        try:
            out.append(ch.encode("cp1258"))  # precomposed in 1258 itself (e.g. "á" is not; "Đ" is)
        except UnicodeEncodeError:
            out.append(base.encode("cp1258") + tones.encode("cp1258"))
    return b"".join(out)
