"""Bytes to text: detect the encoding of an article file, or say clearly why it cannot be read.

Supported: UTF-8 (with or without BOM), UTF-16 (BOM, or NUL-byte pattern), Windows-1258.
Anything else that is not text raises an `InputError` naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import BinaryInputError, EmptyArticleError, InputDecodingError

BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\x1f\x8b")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> Decoded:
    if not data.strip():
        raise EmptyArticleError(f"{name}: the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16"), "utf-16")
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise BinaryInputError(f"{name}: this is binary data, not an article text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1258"), "cp1258")
    except UnicodeDecodeError as exc:
        raise InputDecodingError(f"{name}: not UTF-8, UTF-16 or Windows-1258 text ({exc})") from exc
