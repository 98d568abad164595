"""Stage 1: one canonical text for every spelling of the same article.

Everything after this stage reads `doc.text` and nothing edits it again, so the choices made here
are the ones every offset refers to:

- Unicode NFC (never NFKD + strip: that destroys the diacritics that carry the meaning);
- look-alike and invisible characters from `lang/vi/characters.tsv` (Icelandic `Ð` for `Đ`,
  no-break and zero-width spaces, soft hyphens), other control characters dropped;
- line ends unified, indentation and runs of spaces collapsed, runs of blank lines collapsed to one;
- one tone-mark placement: the style underthesea's models were trained on (`hòa`, `Ủy`, `thủy`,
  `khỏe`), so `hoà`/`Uỷ` extract the same as `hòa`/`Ủy` and underthesea's own token normalization
  has nothing left to do.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from .document import Document
from .errors import EmptyArticleError
from .tables import load_table, load_words

# Combining tone marks in NFD: huyền, sắc, ngã, hỏi, nặng.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
VOWELS = frozenset("aăâeêioôơuưy")
MODIFIED_VOWELS = frozenset("ăâêôơư")  # a vowel with a hat, breve or horn takes the tone mark
CODAS = frozenset({"", "c", "ch", "m", "n", "ng", "nh", "p", "t"})
LETTERS = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*")
_SPACES = regex.compile(r"[ ]{2,}")
_BLANK_LINES = regex.compile(r"\n{3,}")
# a date word typed against its number: "Ngày14/6/2018", "tháng12" (read as "Ngày 14/6/2018"); matched at the
# digit, looking back for the word: a fifth of the cost of trying the words (in any case) at every character
_GLUED_DATE_DIGIT = regex.compile(r"(?<=(?<!\w)(?:ngày|tháng|năm))\d", regex.IGNORECASE)
_CONTROL = regex.compile(r"[\p{Cc}--[\n]]", regex.V1)
# a full date typed against the next word, as a page's date line runs into the lead: "08/02/2020Chiều nay, ..."
_GLUED_AFTER_DATE = regex.compile(r"(?<![\d/])([0-3]?\d/[01]?\d/(?:19|20)\d\d)(?=\p{L})")  # from the digits: fast


@functools.cache
def character_map() -> dict[int, str]:
    """`str.translate` table from characters.tsv."""

    def char(cell: str) -> str:
        return chr(int(cell[2:], 16)) if cell.upper().startswith("U+") else cell

    return {ord(char(row["source"])): char(row["target"]) if row["target"] else ""
            for row in load_table("characters.tsv", ("source", "target?"))}


@functools.cache
def _mapped_characters() -> regex.Pattern[str]:
    """One character of `character_map`: replacing the few that occur is 5x cheaper than `str.translate`,
    which looks every character of the text up in the table."""
    characters = "".join(regex.escape(chr(code)) for code in character_map())
    return regex.compile(f"[{characters}]" if characters else "(?!)")


def _map_character(match: regex.Match[str]) -> str:
    return character_map()[ord(match.group())]


@functools.cache
def _syllable_parts() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(load_words("consonant_onsets.txt")), frozenset(load_words("vowel_nuclei.txt"))


def split_syllable(letters: str) -> tuple[str, str, str] | None:
    """(onset, vowel run, coda) of a lower-case, tone-less syllable; None if it cannot be Vietnamese.

    "qu" and "gi" before a vowel are onsets: quý, già, giữa (but gì, gìn have i as the vowel).

    >>> split_syllable("nghieng"), split_syllable("quy"), split_syllable("gin"), split_syllable("covid")
    (('ngh', 'ie', 'ng'), ('qu', 'y', ''), ('g', 'i', 'n'), None)
    """
    if not letters or any(c not in LETTERS for c in letters):
        return None
    if letters[:2] in ("qu", "gi") and len(letters) > 2 and letters[2] in VOWELS:
        onset = 2
    else:
        onset = 0
        while onset < len(letters) and letters[onset] not in VOWELS:
            onset += 1
    end = onset
    while end < len(letters) and letters[end] in VOWELS:
        end += 1
    nucleus, coda = letters[onset:end], letters[end:]
    if not nucleus or coda not in CODAS or len(nucleus) > 3:
        return None
    return letters[:onset], nucleus, coda


@functools.lru_cache(maxsize=1 << 16)  # decoding scores every word of a sample: the vocabulary repeats
def is_vietnamese_syllable(word: str) -> bool:
    """Whether a word is a well-formed Vietnamese syllable (onset, vowel cluster, coda, at most one tone).

    >>> [is_vietnamese_syllable(w) for w in ("Nội", "nghiêng", "Néi", "Hµ", "Covid", "khuỷu")]
    [True, True, False, False, False, True]
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in TONE_MARKS for c in decomposed) > 1:
        return False
    letters = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    parts = split_syllable(letters)
    if parts is None:
        return False
    onsets, nuclei = _syllable_parts()
    onset, nucleus, _ = parts
    return (not onset or onset in onsets) and nucleus in nuclei


def _tone_position(letters: str) -> int | None:
    """Where the tone mark belongs in a lower-case, tone-less syllable; None if not Vietnamese.

    A modified vowel (â ă ê ô ơ ư) takes the mark (the last one: ươ → ơ);
    else with a final consonant, the last vowel (hoàng, huỳnh);
    else three vowels, the middle one (ngoài, khuỷu);
    else two vowels, the first one (hòa, thủy, khỏe, mùa: underthesea's style);
    else the only vowel.
    """
    parts = split_syllable(letters)
    if parts is None:
        return None
    onset, nucleus, coda = (len(parts[0]), parts[1], parts[2])
    modified = [i for i, c in enumerate(nucleus) if c in MODIFIED_VOWELS]
    if modified:
        return onset + modified[-1]
    if coda:
        return onset + len(nucleus) - 1
    if len(nucleus) == 3:
        return onset + 1
    return onset


@functools.lru_cache(maxsize=1 << 16)  # a news vocabulary is a few thousand syllables: cache, don't recompute
def place_tone_mark(word: str) -> str:
    """The word with its tone mark on the vowel underthesea's style puts it on.

    >>> place_tone_mark("hoà"), place_tone_mark("Uỷ"), place_tone_mark("THUỶ"), place_tone_mark("khoẻ")
    ('hòa', 'Ủy', 'THỦY', 'khỏe')
    >>> place_tone_mark("hoàng"), place_tone_mark("quý"), place_tone_mark("Covid")
    ('hoàng', 'quý', 'Covid')
    """
    decomposed = unicodedata.normalize("NFD", word)
    bases: list[str] = []  # each letter with its hat/breve/horn, without tone
    tones: list[tuple[int, str]] = []
    for ch in decomposed:
        if ch in TONE_MARKS:
            if not bases:
                return word
            tones.append((len(bases) - 1, ch))
        elif unicodedata.combining(ch):
            if not bases:
                return word
            bases[-1] += ch
        else:
            bases.append(ch)
    if len(tones) != 1:
        return word
    letters = "".join(unicodedata.normalize("NFC", b).lower() for b in bases)
    if len(letters) != len(bases):
        return word
    target = _tone_position(letters)
    current, tone = tones[0]
    if target is None or target == current:
        return word
    bases[target] += tone
    return unicodedata.normalize("NFC", "".join(bases))


def fix_tone_marks(text: str) -> str:
    """Every word with its tone mark where `place_tone_mark` puts it.

    The distinct words are looked at once, and the text is rewritten only when one of them changes: most
    articles are already in underthesea's style, and a call per word of the text was half of this stage."""
    changed = {word: fixed for word in set(_WORD.findall(text))
               if not word.isascii() and (fixed := place_tone_mark(word)) != word}
    if not changed:
        return text
    return _WORD.sub(lambda match: changed.get(match.group(), match.group()), text)


def normalize_text(text: str) -> str:
    """The canonical form of an article's text (see the module docstring).

    >>> normalize_text("  Uỷ ban\\u00a0nhân dân  huyện \\r\\n\\r\\n\\r\\n\\tHoà Bình ")
    'Ủy ban nhân dân huyện\\n\\nHòa Bình'
    """
    text = unicodedata.normalize("NFC", text)
    text = _mapped_characters().sub(_map_character, text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    text = fix_tone_marks(text)
    text = _GLUED_DATE_DIGIT.sub(r" \g<0>", text)
    text = _GLUED_AFTER_DATE.sub(r"\1 ", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines))
    return text.strip()


def normalize(doc: Document) -> Document:
    """Stage: replace the document's raw text by its normalized form (before any span exists)."""
    if doc.spans:
        raise RuntimeError("normalize must run before any other stage: spans index the normalized text")
    doc.text = normalize_text(doc.text)
    if not doc.text:
        raise EmptyArticleError(f"{doc.source.path or doc.doc_id}: the article has no text")
    return doc
