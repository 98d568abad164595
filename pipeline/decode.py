"""Bytes to text: detect the encoding of an article file, or say clearly why it cannot be read.

Vietnamese articles still circulate in the encodings of the 1990s-2000s. We read:

- UTF-8 (with or without BOM) and UTF-16/32 (with a BOM, or UTF-16 recognised by its NUL bytes);
- Windows-1258 (tone marks as combining characters);
- TCVN3 (ABC, the `.VnTime` fonts) and VNI Windows (the `VNI-Times` fonts), whose bytes only look
  like Vietnamese through the right font; `lang/vi/encodings/*.tsv` map them to Unicode;
- the same two legacy encodings stored *as characters* in a UTF-8 file (`ViÖt Nam`, `Vieät Nam`),
  and UTF-8 read once as Windows-1252 and saved again (`Há»™i nghá»‹`).

Detection is explicit, not a blind guess: each candidate decoding is scored by the share of its
accented words that are well-formed Vietnamese syllables (`normalize.is_vietnamese_syllable`), and
the legacy reading is chosen only when it is clearly better. Binary data and text that no candidate
reads plausibly raise an `InputError` naming the file.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
from dataclasses import dataclass

import regex

from .errors import BinaryInputError, EmptyArticleError, InputDecodingError
from .normalize import is_vietnamese_syllable
from .tables import load_table

BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\x1f\x8b",
                b"MZ", b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"BZh", b"\x00\x00\x01\x00")
MIN_PLAUSIBILITY = 0.6  # below this share of well-formed syllables no reading is trusted
LEGACY_MARGIN = 0.15  # a legacy reading of valid UTF-8 must beat the plain reading by this much
SAMPLE_CHARS = 8_000  # scoring reads this much of the text: enough to decide, cheap on huge files
# Precomposed Vietnamese letters (ạ ả ấ ... ỹ) live in U+1EA0-U+1EF9; legacy bytes read as Windows-1252
# never produce them. Text with many of them that reads well is UTF-8 Vietnamese: no need to try others.
_PRECOMPOSED = regex.compile(r"[\u1ea0-\u1ef9]")
SURE_PRECOMPOSED = 20

_WORD = regex.compile(r"[\p{L}\p{M}]+")
_SUSPICIOUS = regex.compile(r"[\u00a1-\u00bf\u00d7\u00f7\u0080-\u009f]")  # Latin-1 symbols inside words
_MOJIBAKE_UTF8 = regex.compile(r"(?:Ã[\u0080-\u00bf]|á»|áº|Ä[\u0080-\u00bf]|Æ°|Æ¡)")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


@functools.cache
def _tcvn3_table() -> dict[int, str]:
    """Byte -> character; bytes not in the table keep their Windows-1252 meaning."""
    table = {b: bytes([b]).decode("cp1252", errors="replace") for b in range(256)}
    for row in load_table("encodings/tcvn3.tsv", ("byte", "char")):
        table[int(row["byte"], 16)] = row["char"]
    return table


@functools.cache
def _vni_pattern() -> tuple[regex.Pattern[str], dict[str, str]]:
    mapping = {row["sequence"]: row["char"] for row in load_table("encodings/vni.tsv", ("sequence", "char"))}
    alternatives = sorted(mapping, key=len, reverse=True)  # longest sequence first
    return regex.compile("|".join(regex.escape(a) for a in alternatives)), mapping


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes to Unicode.

    >>> decode_tcvn3("Hµ Néi".encode("cp1252"))
    'Hà Nội'
    """
    table = _tcvn3_table()
    return "".join(table[b] for b in data)


def decode_vni_text(text: str) -> str:
    """VNI Windows text, as read through Windows-1252, to Unicode.

    >>> decode_vni_text("Vieät Nam, UÛy ban nhaân daân")
    'Việt Nam, Ủy ban nhân dân'
    """
    pattern, mapping = _vni_pattern()
    return pattern.sub(lambda m: mapping[m.group()], text)


def plausibility(text: str) -> float:
    """Share of accented words that are Vietnamese syllables, with stray Latin-1 symbols counted as misses.

    >>> plausibility("Ủy ban nhân dân huyện") > 0.9, plausibility("Uû ban nh©n d©n huyÖn") < 0.5
    (True, True)
    """
    sample = text[:SAMPLE_CHARS]
    accented = good = 0
    for match in _WORD.finditer(sample):
        word = match.group()
        if word.isascii():
            continue
        accented += 1
        # one-letter syllables ("ở", "ý") are rare in prose but make up most of a misread byte soup
        good += is_vietnamese_syllable(word) and len(word) > 1
    misses = len(_SUSPICIOUS.findall(sample))
    if accented + misses == 0:
        return 1.0  # plain ASCII: nothing to doubt
    return good / (accented + misses)


@functools.cache
def _byte_of_char() -> dict[str, int]:
    """Character -> byte under Windows-1252, with Latin-1 for the five bytes 1252 leaves undefined."""
    table = {bytes([b]).decode("latin-1"): b for b in range(256)}
    for b in range(256):
        with contextlib.suppress(UnicodeDecodeError):
            table[bytes([b]).decode("cp1252")] = b
    return table


def _to_cp1252_bytes(text: str) -> bytes | None:
    """The bytes a Windows-1252 (or Latin-1) reading turned into `text`, if it was one."""
    table = _byte_of_char()
    try:
        return bytes(table[c] for c in text)
    except KeyError:
        return None


def _legacy_readings(text: str) -> list[tuple[str, str]]:
    """Other readings of valid UTF-8 text that was really a legacy encoding seen as characters."""
    readings = []
    raw = _to_cp1252_bytes(text)
    if raw is not None:
        readings.append(("tcvn3-as-utf-8", decode_tcvn3(raw)))
        if _MOJIBAKE_UTF8.search(text):
            with contextlib.suppress(UnicodeDecodeError):
                readings.append(("utf-8-double-encoded", raw.decode("utf-8")))
    readings.append(("vni-as-utf-8", decode_vni_text(text)))
    return readings


def _looks_like_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:SAMPLE_CHARS]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return controls / max(1, len(sample))


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> Decoded:
    """The text of an article file and the encoding it was read in.

    >>> decode_bytes("Ủy ban".encode("utf-16")).encoding
    'utf-16'
    >>> decode_bytes("Uû ban nh©n d©n huyÖn Hµ Néi".encode("cp1252")).text
    'Uỷ ban nhân dân huyện Hà Nội'
    """
    if not data.strip(b" \t\r\n\x00"):
        raise EmptyArticleError(f"{name}: the file is empty; nothing to extract")
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(Decoded(data.decode(codec), codec), name)
            except UnicodeDecodeError as exc:
                raise InputDecodingError(f"{name}: starts with a {codec} byte-order mark but is not {codec} "
                                         f"({exc.reason} at byte {exc.start})") from exc
    utf16 = _looks_like_utf16(data)
    if utf16 is not None:
        try:
            return _checked(Decoded(data.decode(utf16), utf16), name)
        except UnicodeDecodeError:
            pass
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise BinaryInputError(f"{name}: binary data (a {_kind(data)}), not an article text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        plain = plausibility(text)
        if plain >= MIN_PLAUSIBILITY and len(_PRECOMPOSED.findall(text[:SAMPLE_CHARS])) >= SURE_PRECOMPOSED:
            return _checked(Decoded(text, "utf-8"), name)
        best = max(_legacy_readings(text), key=lambda r: plausibility(r[1]))
        if plausibility(best[1]) >= max(MIN_PLAUSIBILITY, plain + LEGACY_MARGIN):
            return _checked(Decoded(best[1], best[0]), name)
        return _checked(Decoded(text, "utf-8"), name)
    candidates = [("cp1258", data.decode("cp1258", errors="replace")), ("tcvn3", decode_tcvn3(data)),
                  ("vni", decode_vni_text(data.decode("cp1252", errors="replace")))]
    encoding, text = max(candidates, key=lambda c: plausibility(c[1]))
    if plausibility(text) < MIN_PLAUSIBILITY:
        raise InputDecodingError(f"{name}: not UTF-8, and no Vietnamese encoding (Windows-1258, TCVN3, VNI) "
                                 f"reads it plausibly; convert the file to UTF-8")
    return _checked(Decoded(text, encoding), name)


def _kind(data: bytes) -> str:
    kinds = {b"%PDF": "PDF document", b"PK\x03\x04": "ZIP archive or Office document", b"\x89PNG": "PNG image",
             b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image", b"\x7fELF": "program", b"\x1f\x8b": "gzip archive",
             b"MZ": "Windows program", b"\xd0\xcf\x11\xe0": "legacy Office document"}
    return next((kind for magic, kind in kinds.items() if data.startswith(magic)), "file with NUL bytes")


def _checked(decoded: Decoded, name: str) -> Decoded:
    if not decoded.text.strip():
        raise EmptyArticleError(f"{name}: the file has no text")
    if _control_share(decoded.text) > 0.05:
        raise BinaryInputError(f"{name}: mostly control characters after decoding as {decoded.encoding}; "
                               "this is binary data, not an article text")
    return decoded
