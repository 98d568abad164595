from __future__ import annotations

import functools
import itertools
import sys
from typing import Any

import pytest

import pipeline
from pipeline import spacy as vn_spacy
from pipeline.document import TOKEN
from pipeline.frames import record_spans
from tests.sample_output import TEXT, at, corpus_articles, sample_output

ENT_LABELS = {"officials": "PER", "places": "LOC", "organisations": "ORG"}


@functools.cache
def nlp():
    return vn_spacy.load()


@functools.cache
def real_documents() -> tuple[pipeline.Document, ...]:
    return tuple(pipeline.extract_file(path) for path in corpus_articles())


def cases() -> list[Any]:
    """(record, spaCy Doc) pairs: the hand-built output, and what the pipeline makes of corpus articles."""
    return [pytest.param(lambda: (sample_output(), vn_spacy.to_spacy(sample_output())), id="hand-built"),
            *(pytest.param(lambda i=i: (real_documents()[i].to_dict(), vn_spacy.to_spacy(real_documents()[i])),
                           id=path.stem) for i, path in enumerate(corpus_articles()))]


def test_spacy_load_is_an_offline_vietnamese_pipeline() -> None:
    language = nlp()
    assert language.lang == "vi"
    assert language.pipe_names == [vn_spacy.COMPONENT]
    doc = language("Sáng 5/3/2024, UBND huyện Mường Khương tổ chức hội nghị.")
    assert [t.text for t in doc] == ["Sáng", "5/3/2024", ",", "UBND", "huyện", "Mường Khương", "tổ chức",
                                     "hội nghị", "."]
    assert "pyvi" not in sys.modules


@pytest.mark.parametrize("path", corpus_articles(), ids=lambda p: p.stem)
def test_spacy_tokens_are_the_pipeline_tokens(path) -> None:
    document = pipeline.extract_file(path)
    doc = nlp()(path.read_text(encoding="utf-8"))
    assert doc.text == document.text  # the normalized text: every offset indexes it
    tokens = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
    assert tokens == [(s.start, s.end) for s in document.get(TOKEN)]


@pytest.mark.parametrize("path", corpus_articles(), ids=lambda p: p.stem)
def test_spacy_component_finds_what_extract_finds(path) -> None:
    record = pipeline.extract_file(path).to_dict()
    doc = nlp()(path.read_text(encoding="utf-8"))
    for field in ("event", "authors", "officials", "places", "indicators", "directives"):
        assert doc._.record[field] == record[field], field


@pytest.mark.parametrize("make", cases())
def test_spacy_spans_keep_the_extractor_offsets(make) -> None:
    record, doc = make()
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t.text) for t in doc}
    groups = {name: iter(doc.spans[name]) for name in vn_spacy.GROUPS}
    dropped = iter(d for d in doc._.dropped if not d["reason"].startswith("overlaps"))
    checked = 0
    for found in record_spans(record):
        if found.group not in groups:
            continue
        if found.problem is not None:
            assert next(dropped) == {"group": found.group, "label": found.label, "start": found.start,
                                     "end": found.end, "reason": found.problem}
            continue
        span = next(groups[found.group])
        assert span.label_ == found.label
        assert span._.record == dict(found.item)
        if found.start in starts and found.end in ends:
            assert (span.start_char, span.end_char, span._.alignment) == (found.start, found.end, "exact")
        elif span._.alignment == "contract":
            assert found.start <= span.start_char < span.end_char <= found.end
        else:
            assert span._.alignment == "expand"
            assert span.start_char <= found.start < found.end <= span.end_char
        checked += 1
    for name, remaining in groups.items():
        assert next(remaining, None) is None, f"doc.spans[{name!r}] has a span no record made"
    assert next(dropped, None) is None
    if record["doc_id"] == sample_output()["doc_id"]:
        assert checked == 17  # every mention of the hand-built document: the check is not vacuous


@pytest.mark.parametrize("make", cases())
def test_spacy_ents_drop_nothing_without_a_reason(make) -> None:
    _, doc = make()
    ents = {(e._.record_start, e._.record_end, e.label_) for e in doc.ents}
    overlaps = {(d["start"], d["end"], d["label"]): d["reason"] for d in doc._.dropped}
    for name, label in ENT_LABELS.items():
        for span in doc.spans[name]:
            key = (span._.record_start, span._.record_end, label)
            assert key in ents or "overlaps" in overlaps.get(key, ""), key
    spans = sorted(doc.ents, key=lambda e: e.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


def test_spacy_ents_and_attributes_of_the_hand_built_output() -> None:
    doc = vn_spacy.to_spacy(sample_output())
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("huyện Bắc Hà Lâm", "LOC"), ("huyện Bắc Hà Lâm", "LOC"), ("Nguyễn Văn Khải", "PER"), ("Huyện ủy", "ORG"),
        ("UBND huyện", "ORG"), ("xã Tân Phong Hạ", "LOC"), ("thôn Nà Lầu", "LOC"), ("Nguyễn Văn Khải", "PER")]
    (crossing,) = [d for d in doc._.dropped if d["reason"].startswith("overlaps")]
    assert (crossing["label"], TEXT[crossing["start"]:crossing["end"]]) == ("LOC", "huyện Bắc Hà Lâm")
    indicators = [(s.text, s._.value, s._.unit, s._.of) for s in doc.spans["indicators"]]
    assert indicators == [("58,2 tạ/ha", 5820, "kg/ha", None), ("10/12 xã", 10, "xã", 12),
                          ("40 triệu đồng/hộ", 40_000_000, "VND", None), ("36 hộ dân", 36, "hộ", None)]
    assert [(s._.verb, s.text[:6]) for s in doc.spans["directives"]] == [("yêu cầu", "các xã"), ("đề nghị", "Công t")]
    assert [(s._.title, s._.person) for s in doc.spans["titles"]] == [
        ("Phó Bí thư Huyện ủy", "Nguyễn Văn Khải"), ("Chủ tịch UBND huyện", "Nguyễn Văn Khải")]
    assert {s._.type for s in doc.spans["places"]} == {"huyện", "xã", "thôn"}
    assert doc.spans["officials"][0]._.title == "Phó Bí thư Huyện ủy; Chủ tịch UBND huyện"


@pytest.mark.parametrize(("piece", "shift", "alignment", "expected"), [
    ("58,2 tạ/ha", (1, 0), "expand", "58,2 tạ/ha"),    # starts inside the token "58,2 tạ"
    ("58,2 tạ/ha", (0, -1), "expand", "58,2 tạ/ha"),   # ends inside the token "ha"
    ("Bắc Hà Lâm", (2, -2), "expand", "Bắc Hà Lâm"),   # inside a single token
], ids=["start-inside", "end-inside", "inside-one-token"])
def test_spacy_offsets_inside_tokens_expand(piece, shift, alignment, expected) -> None:
    record = sample_output()
    offsets = at(piece)
    item = {"text": TEXT[offsets["start"] + shift[0]:offsets["end"] + shift[1]], "value": 1, "unit": "x",
            "start": offsets["start"] + shift[0], "end": offsets["end"] + shift[1]}
    record["indicators"] = [item]
    doc = vn_spacy.to_spacy(record)
    (span,) = doc.spans["indicators"]
    assert (span._.alignment, span.text) == (alignment, expected)


def test_spacy_ents_contract_an_expanded_span_that_overlaps_an_exact_one() -> None:
    record = sample_output()
    record["places"] = [{"name": "Bắc Hà Lâm", "type": "huyện", **at("Bắc Hà Lâm")}]
    # an organisation whose end falls inside the token "Bắc Hà Lâm": expanded, it would swallow the place
    record["organisations"] = [{"text": "UBND huyện Bắc", **at("UBND huyện Bắc")}]
    doc = vn_spacy.to_spacy(record)
    organisation = list(doc.spans["organisations"])[-1]
    assert (organisation.text, organisation._.alignment) == ("UBND huyện Bắc Hà Lâm", "expand")
    ents = {(e.text, e.label_, e._.alignment) for e in doc.ents}
    assert {("Bắc Hà Lâm", "LOC", "exact"), ("UBND huyện", "ORG", "contract")} <= ents


def test_spacy_spans_on_the_same_characters_keep_their_own_attributes() -> None:
    record = sample_output()
    title = record["officials"][0]["titles"][1]
    record["organisations"] = [{"text": title["text"], "start": title["start"], "end": title["end"], "kind": "x"}]
    doc = vn_spacy.to_spacy(record)
    (same_title,) = [s for s in doc.spans["titles"] if s.start_char == title["start"]]
    (same_organisation,) = [s for s in doc.spans["organisations"] if s._.record.get("kind") == "x"]
    assert (same_title.start_char, same_title.end_char) == (same_organisation.start_char, same_organisation.end_char)
    assert same_title._.title == "Chủ tịch UBND huyện" and same_title._.record["role"] == "Chủ tịch"
    assert same_organisation._.title is None and same_organisation._.record["kind"] == "x"


def test_spacy_doc_serialises_with_its_annotations() -> None:
    from spacy.tokens import Doc

    doc = nlp()("Chủ tịch UBND huyện Mường Khương Nguyễn Văn An yêu cầu các xã hoàn thành 10/12 công trình.")
    restored = Doc(nlp().vocab).from_bytes(doc.to_bytes())
    assert restored.text == doc.text
    assert [(e.text, e.label_) for e in restored.ents] == [(e.text, e.label_) for e in doc.ents]
    for name in vn_spacy.GROUPS:
        assert [(s.text, s._.record) for s in restored.spans[name]] == [(s.text, s._.record) for s in doc.spans[name]]
    assert restored._.record == doc._.record


def test_spacy_document_and_output_dict_give_the_same_doc(seed_doc) -> None:
    from_document = vn_spacy.to_spacy(seed_doc)
    from_dict = vn_spacy.to_spacy(seed_doc.to_dict())
    assert [t.text for t in from_document] == [t.text for t in from_dict]
    for name in vn_spacy.GROUPS:
        assert [(s.start_char, s.end_char, s.label_) for s in from_document.spans[name]] == \
            [(s.start_char, s.end_char, s.label_) for s in from_dict.spans[name]]
    assert from_document.ents == tuple(from_document.ents)


@pytest.mark.parametrize("text", ["", "   ", "\n"], ids=["empty", "spaces", "newline"])
def test_spacy_empty_text_is_an_empty_doc(text) -> None:
    doc = nlp()(text)
    assert doc.text == text and not doc.ents and doc._.record is None


def test_spacy_pipe_processes_several_texts() -> None:
    texts = ["UBND huyện Mường Khương tổ chức hội nghị.", "Hội nghị kết thúc lúc 11 giờ."]
    docs = list(nlp().pipe(texts))
    assert [d.text for d in docs] == texts
    assert all(d._.record is not None for d in docs)


@pytest.mark.parametrize("style", ["ent", "span"])
def test_spacy_render_shows_every_entity_in_its_colour(style) -> None:
    markup = vn_spacy.render(sample_output(), style=style)
    doc = vn_spacy.to_spacy(sample_output())
    shown = doc.ents if style == "ent" else [s for name in vn_spacy.GROUPS for s in doc.spans[name]]
    for span in shown:
        assert vn_spacy.COLORS[span.label_] in markup
    for entity in doc.ents:  # displaCy's span style writes each token on its own
        assert all(token.text in markup for token in entity) if style == "span" else entity.text in markup
    assert "&lt;" in markup and "A&amp;B" in markup and "<mới" not in markup
    if style == "span":
        assert "INDICATOR" in markup and "DIRECTIVE" in markup and "TITLE" in markup


def test_spacy_render_refuses_an_unknown_style() -> None:
    with pytest.raises(ValueError, match="style must be"):
        vn_spacy.render(sample_output(), style="dep")  # type: ignore[arg-type]


def test_spacy_annotate_refuses_another_text() -> None:
    doc = nlp().make_doc("Một văn bản khác.")
    with pytest.raises(ValueError, match="not this Doc's text"):
        vn_spacy.annotate(doc, sample_output())


def test_spacy_pipeline_saves_and_loads_back(tmp_path) -> None:
    import spacy

    text = "Chủ tịch UBND huyện Mường Khương Nguyễn Văn An yêu cầu các xã hoàn thành 10/12 công trình."
    nlp().to_disk(tmp_path / "model")
    reloaded = spacy.load(tmp_path / "model")
    assert (reloaded.lang, reloaded.pipe_names) == ("vi", [vn_spacy.COMPONENT])
    doc, expected = reloaded(text), nlp()(text)
    assert [(t.text, t.idx) for t in doc] == [(t.text, t.idx) for t in expected]
    assert doc._.record == expected._.record
