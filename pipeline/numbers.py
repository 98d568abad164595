"""Vietnamese numbers: digits in the Vietnamese convention, number words and scale words.

Vietnamese writing puts `.` between thousands and `,` before decimals (`1.234,5`), and mixes
digits with scale words (`5.600 tỷ`, `1,2 triệu`, `1 tỷ 200 triệu`). Numbers are also written in
words (`hai mươi lăm`, `một nghìn không trăm linh năm`), where the units digit after `mươi`
changes form (`mốt` = 1, `tư` = 4, `lăm` = 5). The words and their roles live in
`lang/vi/number_words.tsv`; this module holds the grammar.

    >>> parse_vietnamese_number("1.234,5")
    Decimal('1234.5')
    >>> parse_vietnamese_number("5.600 tỷ")
    Decimal('5600000000000')
    >>> parse_vietnamese_number("1 tỷ 200 triệu")
    Decimal('1200000000')
    >>> parse_vietnamese_number("hai mươi lăm")
    Decimal('25')
    >>> format_vietnamese_number(Decimal("1234567.5"))
    '1.234.567,5'
    >>> spell_vietnamese_number(1005)
    'một nghìn không trăm linh năm'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

import regex

from .errors import RuleDataError
from .tables import load_table

# One digit token: a run of digits with `.`/`,` between digit groups (`1.234,5`, `58,2`, `0277.3851.246`).
DIGITS = regex.compile(r"\d+(?:[.,]\d+)*")
_VIETNAMESE_DIGITS = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_ENGLISH_DECIMAL = regex.compile(r"\d+\.\d{1,2}")  # `2.5`, `4.0`: a dot before 1-2 digits is no thousands mark
_ENGLISH_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")  # `1,234,567`: two or more comma groups
# A token of a number expression: a digit token (not glued to a following letter or digit) or a word.
_TOKEN = regex.compile(r"(?P<digits>\d+(?:[.,]\d+)*)|(?P<word>\p{L}+)")
_SPACE_CHARACTERS = frozenset(" \t")  # between the tokens of a number expression: exactly one of these
MAX_EXPRESSION_TOKENS = 16

# Spoken short forms: one digit word after `trăm` is the tens (`một trăm tư` = 140) and after a scale word
# the next place down (`ba nghìn hai` = 3.200). Never `năm` (`hai nghìn năm` is two thousand years), `không`,
# or `lăm`; after `trăm` not `một` either (`một trăm một` is also read 101).
COLLOQUIAL_TENS = frozenset({"hai", "ba", "bốn", "tư", "sáu", "bảy", "bẩy", "tám", "chín", "mốt"})
COLLOQUIAL_TENTHS = COLLOQUIAL_TENS | {"một"}
COLLOQUIAL_DIGITS = frozenset(Decimal(d) for d in range(1, 10))  # `1 tỷ 2`: one digit, not `1 tỷ 200`
ROLES = frozenset({"digit", "unit", "ten", "tens", "hundred", "link", "scale", "half"})


@dataclass(frozen=True, slots=True)
class NumberWord:
    word: str
    value: Decimal
    role: str


@functools.cache
def number_words() -> dict[str, NumberWord]:
    """number_words.tsv as {word: NumberWord}; words are lower case."""
    words: dict[str, NumberWord] = {}
    for row in load_table("number_words.tsv", ("word", "value", "role")):
        if row["role"] not in ROLES:
            raise RuleDataError(f"number_words.tsv: role {row['role']!r} of {row['word']!r} "
                                f"is not one of {sorted(ROLES)}")
        try:
            value = Decimal(row["value"])
        except InvalidOperation as exc:
            raise RuleDataError(f"number_words.tsv: value {row['value']!r} of {row['word']!r} is not a number") from exc
        words[row["word"].lower()] = NumberWord(row["word"].lower(), value, row["role"])
    return words


@functools.lru_cache(maxsize=8192)  # the same figures recur (years, counts): a Decimal is immutable, safe to share
def parse_digits(token: str) -> Decimal:
    """A digit token in Vietnamese writing: `.` groups thousands, `,` marks decimals.

    Two foreign habits that Vietnamese pages copy are read too: `2.5` (a dot before one or two
    digits cannot group thousands) and `1,234,567` (several comma groups of three).

    >>> parse_digits("58,2"), parse_digits("135.000"), parse_digits("2.5"), parse_digits("1,234,567")
    (Decimal('58.2'), Decimal('135000'), Decimal('2.5'), Decimal('1234567'))
    >>> parse_digits("1.23.4")
    Traceback (most recent call last):
    ...
    ValueError: not a Vietnamese number: '1.23.4'
    """
    if _VIETNAMESE_DIGITS.fullmatch(token):
        return Decimal(token.replace(".", "").replace(",", "."))
    if _ENGLISH_DECIMAL.fullmatch(token):
        return Decimal(token)
    if _ENGLISH_THOUSANDS.fullmatch(token):
        return Decimal(token.replace(",", ""))
    raise ValueError(f"not a Vietnamese number: {token!r}")


def tidy(value: Decimal) -> Decimal:
    """The same number without trailing zeros or an exponent: 1200000.0 -> 1200000, 58.20 -> 58.2.

    >>> tidy(Decimal("99999999999999999999999999E+9"))  # past the default 28 digits: no exponent either
    Decimal('99999999999999999999999999000000000')
    """
    if value == value.to_integral_value():
        with localcontext() as context:
            context.prec = max(context.prec, value.adjusted() + 2)  # a 26-digit "number" is an id, not a crash
            return value.quantize(Decimal(1))
    return value.normalize()


# An item of a number expression: a Decimal for a digit token, a NumberWord for a word.
Item = Decimal | NumberWord


def _items(text: str) -> list[Item]:
    items: list[Item] = []
    for part in text.split():
        if part[0].isdigit():
            items.append(parse_digits(part))
            continue
        word = number_words().get(part.lower())
        if word is None:
            raise ValueError(f"not a Vietnamese number word: {part!r}")
        items.append(word)
    return items


def _role(item: Item, *roles: str) -> bool:
    return isinstance(item, NumberWord) and item.role in roles


def _read_below_thousand(items: list[Item], *, inner: bool) -> Decimal:
    """A number 0..999 in words (or one digit token) that uses all of `items`.

    `inner` allows the empty hundreds of a group after a scale word (`nghìn không trăm linh năm`).
    """
    if len(items) == 1 and isinstance(items[0], Decimal):
        return items[0]
    if any(isinstance(item, Decimal) for item in items):
        raise ValueError("digits and number words mixed inside one group")
    words: list[NumberWord] = items  # type: ignore[assignment]
    i, value, hundreds = 0, Decimal(0), False
    if len(words) >= 2 and words[0].role == "digit" and words[1].role == "hundred":
        if words[0].value == 0 and not inner:
            raise ValueError("'không trăm' only inside a larger number")
        value, hundreds, i = words[0].value * 100, True, 2
    rest = words[i:]
    if not rest:
        if not hundreds:
            raise ValueError("no number")
        return value
    head = rest[0]
    if head.role == "ten":  # mười, mười một, mười lăm
        tail = rest[1:]
        if not tail:
            return value + 10
        # "mười năm" is ten years, never 15: five after mười is lăm
        if len(tail) == 1 and ((tail[0].role == "digit" and tail[0].word not in ("năm", "không"))
                               or tail[0].word in ("lăm", "nhăm", "tư")):
            return value + 10 + tail[0].value
        raise ValueError("bad units after mười")
    if head.role == "digit" and len(rest) >= 2 and rest[1].role == "tens":
        if head.value < 2 and rest[1].word == "mươi":  # "một mươi" is not said; 10 is mười
            raise ValueError("mươi needs a digit of 2 or more")
        if head.value == 0:
            raise ValueError("không mươi")
        tail = rest[2:]
        if not tail:
            return value + head.value * 10
        # after mươi: mốt/một, hai, ba, bốn/tư, lăm/nhăm, sáu, bảy, tám, chín; never năm (hai mươi năm = 20 years)
        units_digit = tail[0] if len(tail) == 1 else None
        if units_digit and (units_digit.role == "unit"
                            or (units_digit.role == "digit" and units_digit.word not in ("năm", "không"))):
            return value + head.value * 10 + tail[0].value
        raise ValueError("bad units after mươi")
    if hundreds and len(rest) == 1 and head.word in COLLOQUIAL_TENS:
        return value + head.value * 10  # "một trăm tư" = 140, "ba trăm hai" = 320: the tens, spoken short
    if head.role == "link":
        if not hundreds or len(rest) != 2 or rest[1].role != "digit" or rest[1].value == 0:
            raise ValueError("linh/lẻ needs hundreds before and one digit after")
        return value + rest[1].value
    if head.role == "digit" and len(rest) == 1 and not hundreds:
        if head.value == 0 and not inner:
            raise ValueError("'không' alone is not a quantity")
        return head.value
    raise ValueError("not a number")


def _parse_items(items: list[Item], *, inner: bool = False) -> Decimal:
    """The value of a whole expression: split at its largest scale word, left × scale + right."""
    if not items:
        raise ValueError("empty number")
    scales = [(item.value, i) for i, item in enumerate(items) if _role(item, "scale")]
    if not scales:
        if any(_role(item, "half") for item in items):
            raise ValueError("rưỡi needs a scale word before it")
        return _read_below_thousand(items, inner=inner)
    largest = max(value for value, _ in scales)
    at = next(i for value, i in scales if value == largest)
    left, right = items[:at], items[at + 1:]
    if not left:
        raise ValueError("a scale word needs a number before it")
    if any(_role(item, "scale") and item.value == largest for item in right):
        raise ValueError("the same scale twice")
    total = _parse_items(left, inner=inner) * largest
    if not right:
        return total
    if len(right) == 1 and _role(right[0], "half"):
        return total + largest / 2
    if len(right) == 1:
        last = right[0]
        digit = last if isinstance(last, Decimal) and last in COLLOQUIAL_DIGITS else (
            last.value if isinstance(last, NumberWord) and last.word in COLLOQUIAL_TENTHS else None)
        if digit is not None:
            # "ba nghìn hai" = 3.200, "hai triệu tư" = 2.400.000, "1 tỷ 2" = 1,2 tỷ: one digit after a scale
            # word is the next place down, spoken short (in full, 3.002 is "ba nghìn không trăm linh hai")
            return total + digit * largest / 10
        if isinstance(last, NumberWord) and last.role == "digit":  # "hai nghìn năm" is two thousand years
            raise ValueError(f"'{last.word}' alone after a scale word")
    if len(right) == 1 and isinstance(right[0], Decimal):  # "1 tỷ 200" could be 1,2 tỷ or a slip: ambiguous
        raise ValueError("digits after a scale word need a scale of their own")
    rest = _parse_items(right, inner=True)
    if rest >= largest:
        raise ValueError("the part after a scale word must be smaller than it")
    return total + rest


def parse_vietnamese_number(text: str) -> Decimal:
    """The value of a Vietnamese number written in digits, words, or both.

    >>> parse_vietnamese_number("58,2"), parse_vietnamese_number("1,2 triệu")
    (Decimal('58.2'), Decimal('1200000'))
    >>> parse_vietnamese_number("135 nghìn tỷ")
    Decimal('135000000000000')
    >>> [int(parse_vietnamese_number(t)) for t in ("mười", "mười lăm", "hai mươi mốt", "năm mươi tư", "ba chục")]
    [10, 15, 21, 54, 30]
    >>> int(parse_vietnamese_number("một trăm linh năm")), parse_vietnamese_number("một triệu rưỡi")
    (105, Decimal('1500000'))
    >>> parse_vietnamese_number("hai mươi năm")
    Traceback (most recent call last):
    ...
    ValueError: not a Vietnamese number: 'hai mươi năm' (bad units after mươi)
    """
    try:
        return tidy(_parse_items(_items(text)))
    except ValueError as exc:
        raise ValueError(f"not a Vietnamese number: {text!r} ({exc})") from None


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number expression found in a text: `text[start:end]` reads `value`."""

    start: int
    end: int
    value: Decimal
    in_words: bool  # begins with a number word rather than digits
    scale: Decimal  # the product of the scale words of the first group (1 when none): `1,2 triệu` -> 10^6
    glued: bool  # the last token is digits glued to a following letter (`70ha`)


def match_number(text: str, pos: int) -> NumberMatch | None:
    """The longest number expression that starts at `pos`, or None.

    Tokens are digit tokens and number words separated by single spaces; digits come first or right
    after a scale word (`1 tỷ 200 triệu`). Digits glued to a letter (`70ha`) end the expression.

    >>> m = match_number("đạt 1 tỷ 200 triệu đồng", 4)
    >>> m.value, m.end
    (Decimal('1200000000'), 18)
    >>> match_number("hai mươi năm qua", 0).value
    Decimal('20')
    """
    words = number_words()
    keys: list[str] = []  # each token as `_read_expression` takes it: digits as written, a word in lower case
    ends: list[int] = []
    previous: Item | None = None
    at = pos
    glued = False
    while len(keys) < MAX_EXPRESSION_TOKENS:
        m = _TOKEN.match(text, at)
        if m is None:
            break
        written = m.group()
        if m.lastgroup == "digits":
            if keys and not _role(previous, "scale"):  # type: ignore[arg-type]
                break
            if m.end() < len(text) and text[m.end()].isalnum():
                glued = True
            try:
                item: Item = parse_digits(written)
            except ValueError:
                break
        else:
            written = written.lower()
            word = words.get(written)
            if word is None:
                break
            item = word
        keys.append(written)
        ends.append(m.end())
        previous = item
        if glued:
            break
        at = m.end() + 1  # the next token follows one space or tab, never two
        if text[at - 1:at] not in _SPACE_CHARACTERS or text[at:at + 1] in _SPACE_CHARACTERS:
            break
    for n in range(len(keys), 0, -1):
        read = _read_expression(tuple(keys[:n]))
        if read is not None:
            value, in_words, scale = read
            return NumberMatch(pos, ends[n - 1], value, in_words, scale, glued and n == len(keys))
    return None


@functools.lru_cache(maxsize=8192)
def _read_expression(keys: tuple[str, ...]) -> tuple[Decimal, bool, Decimal] | None:
    """(value, begins with a word, scale of the first group) of the tokens `keys`, or None when they are no number.

    A function of the tokens alone, so it is remembered: most numbers of an article are a few shapes
    (`15`, `2024`, `1,5 triệu`), and reading them once saves match_number most of its time."""
    words = number_words()
    items: list[Item] = [parse_digits(key) if key[0].isdigit() else words[key] for key in keys]
    try:
        value = _parse_items(items)
    except ValueError:
        return None
    scale = Decimal(1)
    for item in items[1:]:
        if not _role(item, "scale"):
            break
        scale *= item.value  # type: ignore[union-attr]
    return tidy(value), isinstance(items[0], NumberWord), scale


def format_vietnamese_number(value: Decimal | int, *, decimals: int | None = None) -> str:
    """`value` written the Vietnamese way: `.` between thousands, `,` before decimals.

    >>> format_vietnamese_number(5600), format_vietnamese_number(Decimal("58.2"))
    ('5.600', '58,2')
    >>> format_vietnamese_number(Decimal("2196.5"), decimals=2)
    '2.196,50'
    """
    number = Decimal(value)
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals))
    sign = "-" if number < 0 else ""
    whole, _, fraction = format(abs(number), "f").partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    grouped = ".".join([whole, *groups])
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


_DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _spell_group(n: int, *, leading: bool) -> list[str]:
    """0 < n < 1000 in words; a group after a scale word keeps its empty hundreds (`không trăm`)."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or not leading:
        words += [_DIGIT_WORDS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += ["linh", _DIGIT_WORDS[units]] if words else [_DIGIT_WORDS[units]]
        return words
    if tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGIT_WORDS[units])
        return words
    words += [_DIGIT_WORDS[tens], "mươi"]
    if units:
        words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(units, _DIGIT_WORDS[units]))
    return words


def spell_vietnamese_number(n: int) -> str:
    """A whole number 1 <= n in Vietnamese words, as read aloud (beyond 10^12: `nghìn tỷ`).

    >>> spell_vietnamese_number(25), spell_vietnamese_number(2_500_000), spell_vietnamese_number(1_200_000_000_000)
    ('hai mươi lăm', 'hai triệu năm trăm nghìn', 'một nghìn hai trăm tỷ')
    """
    if n < 1:
        raise ValueError("only numbers from 1 are spelled")
    return " ".join(_spell(n, leading=True))


def _spell(n: int, *, leading: bool) -> list[str]:
    billions, rest = divmod(n, 10**9)
    words: list[str] = []
    if billions:
        words += [*_spell(billions, leading=leading), "tỷ"]
        leading = False
    for scale, name in ((10**6, "triệu"), (10**3, "nghìn"), (1, "")):
        group = rest // scale % 1000
        if group:
            words += _spell_group(group, leading=leading)
            if name:
                words.append(name)
            leading = False
    return words
