"""Gold readers and the JSONL writer of quoteattr.corpora."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quoteattr import Quote, Result, SerializationError, Span, Speaker, SpeakerRef
from quoteattr.corpora import (
    CorpusFormatError,
    LabelledDocument,
    LabelledQuote,
    document_from_dict,
    document_to_dict,
    from_result,
    gold_kind,
    load,
    read_brat,
    read_jsonl,
    write_jsonl,
)
from quoteattr.errors import InputTypeError

from conftest import data_file

TEXT = 'Lavrov said that "it is robbery." Trump said he would decide.'


class TestDocumentFromDict:
    """The gold JSONL format, including LitBank's stringified meta."""

    @pytest.mark.parametrize(
        ("entities", "mentions"),
        [
            ({"Lavrov-1": ["Lavrov"]}, {"Lavrov-1": [[0, 6, "PROP"]]}),
            (json.dumps({"Lavrov-1": ["Lavrov"]}), json.dumps({"Lavrov-1": [[0, 6, "PROP"]]})),
            (repr({"Lavrov-1": ["Lavrov"]}), repr({"Lavrov-1": [[0, 6, "PROP"]]})),
        ],
    )
    def test_corpora_meta_entities_parsed_in_any_form(self, entities, mentions):
        d = {"id": "x", "text": TEXT, "quotes": [], "meta": {"entities": entities, "mentions": mentions}}
        doc = document_from_dict(d)
        assert ({"Lavrov-1": ("Lavrov",)}, {"Lavrov-1": ((0, 6, "PROP"),)}) == (doc.entities, doc.mentions)

    @pytest.mark.parametrize(
        ("quote", "expected"),
        [
            ({"start": 12, "end": 33}, ((12, 33),)),
            ({"start": 0, "end": 33, "spans": [[0, 6], [12, 33]]}, ((0, 6), (12, 33))),
        ],
    )
    def test_corpora_spans_default_to_start_end(self, quote, expected):
        doc = document_from_dict({"id": "x", "text": TEXT, "quotes": [quote]})
        assert expected == doc.quotes[0].spans

    @pytest.mark.parametrize(
        ("d", "message"),
        [
            ({"id": "x", "quotes": []}, "missing field 'text'"),
            ({"id": "x", "text": 3}, "'text' must be a string"),
            ({"id": "x", "text": "abc", "quotes": [{"start": 0, "end": 9}]}, "outside a text of 3"),
            ({"id": "x", "text": "abc", "quotes": [{"start": 2, "end": 1}]}, "0 <= start <= end"),
            ({"id": "x", "text": "abc", "quotes": [{"start": "a", "end": 1}]}, "int offsets"),
            ({"id": "x", "text": "abc", "quotes": [{"start": 0, "end": 3, "spans": [[2, 3], [0, 1]]}]}, "in order"),
            ({"id": "x", "text": "abc", "meta": {"entities": "{not a literal"}}, "neither JSON nor a Python literal"),
            (["not", "a", "dict"], "must be a JSON object"),
        ],
    )
    def test_corpora_bad_document_is_serialization_error(self, d, message):
        with pytest.raises(SerializationError, match=message) as info:
            document_from_dict(d)
        assert isinstance(info.value, ValueError)


class TestJsonl:
    """Reading, writing and file:line errors."""

    DOC = LabelledDocument(
        id="d1",
        text=TEXT,
        quotes=[
            LabelledQuote(
                spans=[(12, 33)],
                kind="mixed",
                cue=(7, 11),
                speaker=(0, 6),
                speaker_entity="Sergey Lavrov",
                optional=False,
            ),
            LabelledQuote(
                spans=[(45, 60)],
                kind="indirect",
                cue=(40, 44),
                speaker=(34, 39),
                confidence=0.7,
                speaker_mentions=[(34, 39)],
            ),
        ],
        entities={"Sergey Lavrov": ("Sergey Lavrov", "Lavrov")},
        source="test",
    )

    def test_corpora_write_read_round_trip(self, tmp_path):
        path = tmp_path / "out.jsonl"
        assert 1 == write_jsonl([self.DOC], path)
        assert [self.DOC] == read_jsonl(path)

    def test_corpora_writer_adds_covered_text(self):
        buf = io.StringIO()
        write_jsonl([self.DOC], buf)
        q = json.loads(buf.getvalue())["quotes"][0]
        assert ("Lavrov", "said", 12, 33) == (q["speaker_text"], q["cue_text"], q["start"], q["end"])

    @pytest.mark.parametrize(
        ("lines", "where"),
        [
            (['{"id": "a", "text": "x"}', "{oops"], ":2: not JSON"),
            (['{"id": "a", "text": "x"}', "", '{"id": "b"}'], ":3: missing field 'text'"),
            (['{"id": "a", "text": "x", "quotes": [{"start": 0}]}'], ":1: missing field 'end'"),
        ],
    )
    def test_corpora_malformed_line_names_file_and_line(self, tmp_path, lines, where):
        path = tmp_path / "bad.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        with pytest.raises(CorpusFormatError, match=str(path).replace("\\", "\\\\") + where):
            read_jsonl(path)

    def test_corpora_load_missing_file(self, tmp_path):
        with pytest.raises(FileNotFoundError, match=r"nope\.jsonl"):
            load(tmp_path / "nope.jsonl")


def _brat(tmp_path: Path, text: str, anns: dict[str, str]) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art.txt").write_text(text, encoding="utf-8")
    for name, body in anns.items():
        (tmp_path / "attributions" / name).write_text(body, encoding="utf-8")
    return tmp_path


BRAT_TEXT = 'Trump said "we will win," adding that "it is over." Polls show a tie.'
BRAT_ANN = "\n".join(
    [
        "T1\tSource 0 5\tTrump",
        "T2\tCue 6 10\tsaid",
        'T3\tContent 11 25;33 51\t"we will win," that "it is over."',
        "T4\tAttribution 6 10\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tCue 58 62\tshow",
        "T6\tContent 63 67\ta ti",
        "T7\tContent 67 69\te.",
        "T8\tAttribution-no-source 58 62\tshow",
        "E2\tAttribution-no-source:T8 Cue:T5 Content:T6 Content2:T7",
        "T9\tAttribution-no-source 52 57\tPolls",
        "E3\tAttribution-no-source:T9",
        "",
    ]
)


class TestBrat:
    """brat standoff attribution files, PolNeAR layout."""

    def test_corpora_brat_events_become_quotes(self, tmp_path):
        docs = read_brat(_brat(tmp_path, BRAT_TEXT, {"art_b2.ann": BRAT_ANN}), id_prefix="p-")
        assert ["p-art"] == [d.id for d in docs]
        actual = [(q.id, q.spans, q.cue, q.speaker, q.kind) for q in docs[0].quotes]
        assert [
            ("E1", ((11, 25), (33, 51)), (6, 10), (0, 5), "mixed"),
            # Content and Content2 pieces that touch are merged; no source
            ("E2", ((63, 69),), (58, 62), None, "indirect"),
            # E3 has no content and is skipped
        ] == actual

    @pytest.mark.parametrize(
        ("annotator", "expected"),
        [(None, ("a1", [((0, 5),)])), ("b2", ("b2", [((11, 25), (33, 51)), ((63, 69),)]))],
    )
    def test_corpora_brat_annotator_choice(self, tmp_path, annotator, expected):
        one = "T1\tContent 0 5\tTrump\nT2\tCue 6 10\tsaid\nE1\tAttribution:T2 Content:T1\n"
        folder = _brat(tmp_path, BRAT_TEXT, {"art_b2.ann": BRAT_ANN, "art_a1.ann": one})
        doc = read_brat(folder, annotator=annotator)[0]
        assert expected == (doc.meta["annotator"], [q.spans for q in doc.quotes])

    @pytest.mark.parametrize(
        ("ann", "message"),
        [
            ("T1\tContent five 9\tx\n", ":1: malformed text-bound"),
            ("T1\tContent 0 500\tx\n", "outside the text"),
            ("E1\tAttribution:T9 Content:T8\n", "refers to T8"),
            ("T1\tContent 0 5\tTrump\nE1\tAttribution Content:T1\n", ":2: malformed event argument"),
        ],
    )
    def test_corpora_brat_malformed(self, tmp_path, ann, message):
        folder = _brat(tmp_path, BRAT_TEXT, {"art_a1.ann": ann})
        with pytest.raises(CorpusFormatError, match=message):
            read_brat(folder)

    def test_corpora_brat_needs_both_folders(self, tmp_path):
        with pytest.raises(FileNotFoundError, match="attributions"):
            (tmp_path / "text").mkdir()
            read_brat(tmp_path)

    @pytest.mark.shared_data
    def test_corpora_brat_reproduces_polnear_jsonl(self):
        """Every quote's id, spans, cue and speaker, in order, for all 84 dev articles."""
        gold = {d.id: d for d in read_jsonl(data_file("polnear-dev.jsonl"))}
        docs = load(data_file("polnear-dev-brat"))
        assert sorted(gold) == [d.id for d in docs]
        for d in docs:
            g = gold[d.id]
            assert g.text == d.text
            assert [(q.id, q.spans, q.cue, q.speaker) for q in g.quotes] == [
                (q.id, q.spans, q.cue, q.speaker) for q in d.quotes
            ]

    @pytest.mark.shared_data
    def test_corpora_brat_kinds_mostly_agree_with_polnear_jsonl(self):
        """Kinds come from rule gold-kind (not the engine); the converter's rules differ slightly (95.3% agree)."""
        gold = {d.id: d for d in read_jsonl(data_file("polnear-dev.jsonl"))}
        pairs = [
            (g.kind, b.kind)
            for d in load(data_file("polnear-dev-brat"))
            for g, b in zip(gold[d.id].quotes, d.quotes, strict=True)
        ]
        agree = sum(a == b for a, b in pairs) / len(pairs)
        assert agree >= 0.95, f"only {agree:.1%} of kinds agree"


class TestSharedData:
    """The shared gold files read cleanly and round-trip through the writer."""

    @pytest.mark.shared_data
    @pytest.mark.parametrize(
        ("name", "docs", "quotes"),
        [("seeds-gold.jsonl", 2, 26), ("polnear-dev.jsonl", 84, 2192), ("litbank-dev.jsonl", 50, 935)],
    )
    def test_corpora_shared_files_round_trip(self, tmp_path, name, docs, quotes):
        read = read_jsonl(data_file(name))
        assert (docs, quotes) == (len(read), sum(len(d.quotes) for d in read))
        write_jsonl(read, tmp_path / name)
        assert read == read_jsonl(tmp_path / name)

    @pytest.mark.shared_data
    def test_corpora_litbank_entities_and_mentions(self):
        docs = read_jsonl(data_file("litbank-dev.jsonl"))
        with_quotes = [d for d in docs if d.quotes]
        for d in with_quotes:
            for q in d.quotes:
                assert q.speaker_entity in d.entities
                assert q.speaker_entity in d.mentions
        assert all(m[2] in ("PROP", "NOM", "PRON") for d in docs for ms in d.mentions.values() for m in ms)


class TestFromResult:
    """A quoteattr.Result in the labelled shape."""

    def test_corpora_from_result(self):
        text = '"It is robbery," Sergey Lavrov said. Lavrov left.'
        lavrov = Speaker(
            id="e0",
            name="Sergey Lavrov",
            kind="person",
            mentions=[Span.of(text, 17, 30), Span.of(text, 37, 43)],
            aliases=["Sergey Lavrov", "Lavrov"],
        )
        quote = Quote(
            kind="direct",
            content=Span.of(text, 1, 15),
            cue=Span.of(text, 31, 35),
            cue_class="speech",
            speaker=SpeakerRef(mention=Span.of(text, 17, 30), entity=lavrov),
            confidence=0.9,
            rule="direct-cue",
        )
        doc = from_result(Result(text=text, quotes=[quote], speakers=[lavrov], id="r1"))
        assert (
            LabelledDocument(
                id="r1",
                text=text,
                quotes=[
                    LabelledQuote(
                        spans=[(1, 15)],
                        kind="direct",
                        cue=(31, 35),
                        speaker=(17, 30),
                        speaker_entity="Sergey Lavrov",
                        speaker_mentions=[(17, 30), (37, 43)],
                        cue_class="speech",
                        confidence=0.9,
                        id="direct-cue",
                    )
                ],
                entities={"Sergey Lavrov": ("Sergey Lavrov", "Lavrov")},
                source="rules",
            )
            == doc
        )

    @pytest.mark.parametrize("value", [None, "text", {"text": "x"}])
    def test_corpora_from_result_rejects_other_types(self, value):
        with pytest.raises(InputTypeError):
            from_result(value)

    def test_corpora_document_dict_round_trip(self):
        doc = TestJsonl.DOC
        assert doc == document_from_dict(json.loads(json.dumps(document_to_dict(doc))))


class TestGoldKind:
    """Rule gold-kind: the reader's own pairing of quotation marks (issue 15)."""

    @pytest.mark.issue(15)
    @pytest.mark.parametrize(
        ("text", "span", "expected"),
        [
            ('The mayor said "the budget is closed" on Monday.', (16, 36), "direct"),
            ("The mayor said “the budget is closed” on Monday.", (15, 37), "direct"),  # content with its marks
            ("The mayor said the budget was “closed for good”.", (15, 47), "mixed"),
            ("The mayor said the budget was closed.", (15, 36), "indirect"),
            ("Critics call it ‘a tax on work’, and she agreed.", (16, 30), "direct"),
            ("She said she wouldn’t sign it.", (9, 29), "indirect"),  # an apostrophe opens nothing
            ("“Unclosed quote runs to the end\n\nof the paragraph only.", (33, 55), "indirect"),
            ("«Nous verrons», a-t-il dit.", (1, 13), "direct"),
        ],
    )
    def test_corpora_gold_kind(self, text: str, span: tuple[int, int], expected: str) -> None:
        """Hand-written sentences, none from the corpora."""
        assert expected == gold_kind(text, [span])

    @pytest.mark.issue(15)
    def test_corpora_brat_kinds_do_not_run_the_engine(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """read_brat labels kinds without quoteattr.marks or quoteattr.candidates.

        The system under test does not label its own gold.
        """
        import quoteattr.candidates
        import quoteattr.marks

        def refuse(*args: object, **kwargs: object) -> None:
            raise AssertionError("the gold reader called the engine")

        monkeypatch.setattr(quoteattr.marks, "find_quotes", refuse)
        monkeypatch.setattr(quoteattr.candidates, "kind_of", refuse)
        folder = _brat(tmp_path, BRAT_TEXT, {"art_a1.ann": BRAT_ANN})
        assert [q.kind for q in read_brat(folder)[0].quotes]
