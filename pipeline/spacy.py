"""spaCy integration: `load()` a Language that runs this pipeline, `to_spacy()` a result, `render()` it with displaCy.

    >>> from pipeline import spacy as vn_spacy
    >>> nlp = vn_spacy.load()
    >>> doc = nlp("Sáng 5/3/2024, UBND huyện Mường Khương tổ chức hội nghị.")
    >>> doc[:3].text, nlp.pipe_names
    ('Sáng 5/3/2024,', ['vn_gov_news'])

- The tokenizer runs our own normalize and segment stages: its tokens are underthesea's words
  (`Lương Tiến Thành` is one token), aligned to the text with `spacy.util.get_words_and_spaces`.
  No pyvi, no model download: the Language is spaCy's Vietnamese class with this tokenizer in
  place of its pyvi one. The Doc's text is the *normalized* text (NFC, `hòa`/`Ủy` tone marks,
  collapsed spaces), the text every offset of the pipeline indexes.
- The `vn_gov_news` component runs the extractors and converts their records (the output JSON of
  `Document.to_dict()`, also in `doc._.record`) into spaCy annotations:
  `doc.ents` (officials `PER`, places `LOC`, organisations `ORG`: non-overlapping, the longest
  kept), and the span groups `officials`, `places`, `organisations` (every mention, overlaps
  allowed), `titles`, `indicators`, `directives`, with `Span._.value`, `._.unit`, `._.of`,
  `._.type`, `._.title`, `._.verb`, `._.person` and `._.record` (the record it came from).
- Char offsets become token spans with `Doc.char_span`: exactly where the tokens allow, else
  `expand`ed to the tokens that cover it (underthesea joined a word across the item's edge:
  `58,2 tạ` + `/` + `ha`), so nothing found is cut off. For `doc.ents`, exact spans win overlaps
  (the longest first, as `filter_spans`); an expanded one that would overlap one of them is
  `contract`ed to its whole tokens if that fits. `Span._.alignment` says which (`exact`, `expand`,
  `contract`), `._.record_start`/`._.record_end` keep the extractor's offsets. An entity left out
  of `doc.ents` is listed in `doc._.dropped` with the reason.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans, get_words_and_spaces
from spacy.vocab import Vocab

from .document import TOKEN, Document
from .frames import LABEL_COLORS, RecordSpan, record_spans
from .stages import STAGES, Stage, run_stages

COMPONENT = "vn_gov_news"
TOKENIZER = "vn_gov_news.tokenizer"
ENT_GROUPS = ("officials", "places", "organisations")  # the span groups whose spans compete for doc.ents
GROUPS = (*ENT_GROUPS, "titles", "indicators", "directives")
SPAN_EXTENSIONS = ("value", "unit", "of", "type", "title", "verb", "person", "record", "alignment",
                   "record_start", "record_end")
COLORS = LABEL_COLORS
_NOT_SPACE = regex.compile(r"\S+")


def _split_stages() -> tuple[tuple[Stage, ...], tuple[Stage, ...]]:
    """(the stages up to the one that makes tokens, the extractors after it)."""
    for index, stage in enumerate(STAGES):
        if TOKEN in stage.provides:
            return STAGES[: index + 1], STAGES[index + 1:]
    raise RuntimeError(f"no stage provides {TOKEN}; stages: {[s.name for s in STAGES]}")


ATTRIBUTES = "vn_gov_news.attributes"  # doc.user_data key: {span id: {attribute: value}}
# doc.user_data key of the segmented Document, from the tokenizer to the component, which removes it
# so that a Doc holds plain data only (DocBin, nlp.pipe(n_process=...) serialise user_data).
SEGMENTED = "vn_gov_news.segmented"


@functools.cache
def _getter(name: str) -> Any:
    """Span._.<name>, read from the Doc's attribute table by the span's id.

    spaCy keys a span's own `_` values by its characters only, so a title and the organisation that
    spans the same characters would share them; the span id (`officials:0`, `titles:3`) keeps them apart.
    """

    def get(span: Span) -> Any:
        attributes = span.doc.user_data.get(ATTRIBUTES, {}).get(span.id_)
        return None if attributes is None else attributes.get(name)

    return get


def register_extensions() -> None:
    """The custom attributes this module sets (idempotent)."""
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name) or Span.get_extension(name)[2] is not _getter(name):
            Span.set_extension(name, getter=_getter(name), force=True)
    for name in ("record", "dropped"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def words_of(document: Document) -> list[str]:
    """The document's TOKEN texts, plus any non-space text between them as words of its own."""
    text, words, cursor = document.text, [], 0
    for token in document.get(TOKEN):
        if token.start < cursor:  # overlapping tokens would break the alignment: skip the repeat
            continue
        words.extend(m.group() for m in _NOT_SPACE.finditer(text, cursor, token.start))
        words.append(token.text)
        cursor = token.end
    words.extend(m.group() for m in _NOT_SPACE.finditer(text, cursor))
    return words


def doc_of(document: Document, vocab: Vocab) -> Doc:
    """A spaCy Doc over `document.text` whose tokens are the document's TOKEN spans."""
    register_extensions()
    words, spaces = get_words_and_spaces(words_of(document), document.text)
    return Doc(vocab, words=words, spaces=spaces)


class Tokenizer:
    """Text -> Doc through our normalize and segment stages (underthesea's word segmentation)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        if not text.strip():  # spaCy's convention: an empty text is an empty Doc, not an error
            register_extensions()
            words, spaces = get_words_and_spaces([text] if text else [], text)
            return Doc(self.vocab, words=words, spaces=spaces)
        document = run_stages(Document(text=text), _split_stages()[0])
        doc = doc_of(document, self.vocab)
        doc.user_data[SEGMENTED] = document  # for the component; it takes it out again
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # Nothing to save: the tokenizer's data are the package's tables.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> Tokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> Tokenizer:
        return self


@spacy.registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Any:
    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def _char_span(doc: Doc, start: int, end: int, label: str, span_id: str,
               modes: tuple[str, ...] = ("strict", "expand")) -> tuple[Span | None, str]:
    """The token span for [start, end): exact if the tokens allow, else expanded to the tokens that
    cover it (nothing the extractor found is cut off), or in the first other mode that gives one."""
    for mode in modes:
        span = doc.char_span(start, end, label=label, alignment_mode=mode, span_id=span_id)
        if span is not None and len(span):
            return span, "exact" if mode == "strict" else mode
    return None, "none"


def _choose_ents(candidates: list[Span]) -> tuple[list[Span], list[tuple[Span, Span]]]:
    """Non-overlapping entities: exact spans first (longest wins, as spaCy's filter_spans), then the
    expanded ones where they fit, else contracted to their whole tokens where that fits.
    Returns (kept, [(dropped, the kept span it overlaps)])."""
    exact = [span for span in candidates if span._.alignment == "exact"]
    kept = filter_spans(exact)
    taken = {i for span in kept for i in range(span.start, span.end)}
    kept_keys = {(s.start, s.end, s.label_) for s in kept}
    dropped: list[tuple[Span, Span]] = []

    def winner(span: Span) -> Span:
        return next(k for k in kept if k.start < span.end and span.start < k.end)

    for span in exact:
        if (span.start, span.end, span.label_) not in kept_keys:
            dropped.append((span, winner(span)))
            kept_keys.add((span.start, span.end, span.label_))  # an identical repeat is not dropped twice
    for span in sorted((s for s in candidates if s._.alignment != "exact"), key=lambda s: (-len(s), s.start)):
        if (span.start, span.end, span.label_) in kept_keys:
            continue
        choice: Span | None = span
        if taken.intersection(range(span.start, span.end)):
            choice, _ = _char_span(span.doc, span._.record_start, span._.record_end, span.label_,
                                   f"{span.id_}/contract", ("contract",))
            if choice is None or taken.intersection(range(choice.start, choice.end)):
                dropped.append((span, winner(span)))
                continue
            table = span.doc.user_data[ATTRIBUTES]
            table[choice.id_] = {**table[span.id_], "alignment": "contract"}
        kept.append(choice)
        kept_keys.add((span.start, span.end, span.label_))
        taken.update(range(choice.start, choice.end))
    return kept, dropped


def _attributes(found: RecordSpan, alignment: str) -> dict[str, Any]:
    """The Span._ values of one record span."""
    item, owner = found.item, found.owner or {}
    values: dict[str, Any] = {"record": dict(item), "alignment": alignment,
                              "record_start": found.start, "record_end": found.end}
    group = found.group
    if group == "officials":
        titles = [t.get("text") if isinstance(t, Mapping) else t for t in item.get("titles") or ()]
        values.update(title="; ".join(str(t) for t in titles if t), person=item.get("name"))
    elif group == "titles":
        values.update(title=item.get("text"), person=owner.get("name"))
    elif group == "organisations":
        values.update(person=owner.get("name"))
    elif group == "places":
        values.update(type=item.get("type"))
    elif group == "indicators":
        values.update(value=item.get("value"), unit=item.get("unit"), of=item.get("of"))
    elif group == "directives":
        values.update(verb=item.get("verb"))
    return values


def annotate(doc: Doc, record: Mapping[str, Any]) -> Doc:
    """Set doc.ents, the span groups and `doc._.dropped` from an output document whose text is `doc.text`."""
    register_extensions()
    if record.get("text") not in (None, doc.text):
        raise ValueError(f"{record.get('doc_id')}: the record's text is not this Doc's text; "
                         f"build the Doc with pipeline.spacy.to_spacy(record)")
    groups: dict[str, list[Span]] = {name: [] for name in GROUPS}
    dropped: list[dict[str, Any]] = []
    table: dict[str, dict[str, Any]] = {}
    doc.user_data[ATTRIBUTES] = table
    for number, found in enumerate(record_spans(record)):
        if found.group not in groups:
            continue  # authors and the event are shown by render(), not stored as spaCy annotations
        if found.problem is not None:
            dropped.append({"group": found.group, "label": found.label, "start": found.start, "end": found.end,
                            "reason": found.problem})
            continue
        span, alignment = _char_span(doc, found.start, found.end, found.label, f"{found.group}:{number}")
        if span is None:
            dropped.append({"group": found.group, "label": found.label, "start": found.start, "end": found.end,
                            "reason": "no token inside or around the offsets"})
            continue
        table[span.id_] = _attributes(found, alignment)
        groups[found.group].append(span)
    for name, spans in groups.items():
        doc.spans[name] = SpanGroup(doc, name=name, spans=spans)
    kept, overlapping = _choose_ents([span for name in ENT_GROUPS for span in groups[name]])
    for span, winner in overlapping:
        dropped.append({"group": next(n for n in ENT_GROUPS if span in groups[n]), "label": span.label_,
                        "start": span._.record_start, "end": span._.record_end,
                        "reason": f"overlaps {winner.label_} {winner.text!r} at {winner.start_char}:{winner.end_char}, "
                                  f"kept in doc.ents; still in doc.spans"})
    doc.ents = sorted(kept, key=lambda s: s.start)
    doc._.record = dict(record)
    doc._.dropped = dropped
    return doc


class Extractors:
    """The pipeline component: runs the stages after segmentation and annotates the Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        if not doc.text.strip():
            doc._.record, doc._.dropped = None, []
            return doc
        document = doc.user_data.pop(SEGMENTED, None)
        if document is None:  # a Doc made by another tokenizer: its text must already be normalized
            document = run_stages(Document(text=doc.text), _split_stages()[0])
            if document.text != doc.text:
                raise ValueError(f"the {COMPONENT} component needs the Doc's text normalized; use "
                                 f"pipeline.spacy.load(), whose tokenizer normalizes it")
        document = run_stages(document, _split_stages()[1])
        return annotate(doc, document.to_dict())


@Language.factory(COMPONENT)
def create_extractors(nlp: Language, name: str) -> Extractors:
    return Extractors(nlp, name)


def load() -> Language:
    """A spaCy Language (Vietnamese) with our tokenizer and the `vn_gov_news` component. Offline, no model."""
    register_extensions()
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.add_pipe(COMPONENT)
    return nlp


@functools.cache
def _vocab() -> Vocab:
    return load().vocab


def to_spacy(document: Document | Mapping[str, Any]) -> Doc:
    """A processed Document or an output document (a run's JSON) as an annotated spaCy Doc, without re-extracting.

    An output document carries no tokens: its text is segmented again (underthesea, ~30 ms).
    """
    if isinstance(document, Document):
        if not document.get(TOKEN):
            document = run_stages(document, _split_stages()[0][1:])  # segment: the text is normalized already
        record = document.to_dict()
        doc = doc_of(document, _vocab())
    else:
        record = document
        text = record.get("text")
        if not isinstance(text, str):
            raise ValueError(f"{record.get('doc_id')}: the output document has no `text`; it cannot be shown")
        segmented = run_stages(Document(text=text, doc_id=str(record.get("doc_id"))), _split_stages()[0][1:])
        doc = doc_of(segmented, _vocab())
    doc.user_data["title"] = record.get("doc_id")  # displaCy shows it above the text
    return annotate(doc, record)


def render(document: Document | Mapping[str, Any] | Doc, *, style: Literal["ent", "span"] = "ent") -> str:
    """displaCy HTML of an article: `ent` shows doc.ents, `span` every group at once (overlaps allowed).

    Returns markup (a `<div>`), not a page: show it with IPython's `HTML(...)` or put it in a page.
    """
    from spacy import displacy

    doc = document if isinstance(document, Doc) else to_spacy(document)
    if style == "ent":
        return displacy.render(doc, style="ent", options={"colors": COLORS}, page=False, jupyter=False)
    if style != "span":
        raise ValueError(f"style must be 'ent' or 'span', not {style!r}")
    spans = [span for name in GROUPS if name in doc.spans for span in doc.spans[name]]
    doc.spans["display"] = SpanGroup(doc, name="display", spans=sorted(spans, key=lambda s: (s.start, -s.end)))
    markup = displacy.render(doc, style="span", options={"colors": COLORS, "spans_key": "display"},
                             page=False, jupyter=False)
    del doc.spans["display"]
    return markup


def legend() -> str:
    """A line of HTML naming each label in its colour."""
    return " ".join(f'<span style="background:{colour};padding:0 .3em;border-radius:.3em">{html.escape(label)}</span>'
                    for label, colour in COLORS.items())
