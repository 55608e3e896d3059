"""The stanza engine with real stanza models: the committed tiny set, always.

``tests/fixtures/stanza-tiny`` is a stanza resources folder trained here by
``tools/train_stanza_models.py --profile tiny`` on UD English EWT and GUM
(CC BY-SA 4.0; see its NOTICE). It is test-grade: small and quick to load,
with a weak tagger and parser, so these tests check what the engine does
with a real pipeline (offsets, types, the parse reaching the quote logic),
not the quality of the parse. Nothing is ever downloaded: every pipeline is
built with ``download_method=None``.

Only coreference can skip: stanza's coref model needs an XLM-RoBERTa base
through ``transformers``/``peft`` and cannot be trained or fetched here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

stanza = pytest.importorskip("stanza")

from conftest import data_file, load_jsonl

import quoteattr
from quoteattr.adapters import stanza as adapter
from quoteattr.annotations import Annotation
from quoteattr.model import Quote, Result, Span

pytestmark = [pytest.mark.stanza, pytest.mark.models, pytest.mark.issue(17)]

TINY = Path(__file__).resolve().parent.parent / "fixtures" / "stanza-tiny"

#: One sentence per parse shape the syntactic rules read (STANZA.md):
#: a ``ccomp`` of a speech verb, a fronted quote whose verb has the cue as
#: ``parataxis``, and an ``obl`` with "according to".
SHAPES = {
    "ccomp": "Peskov told reporters that Moscow would not wait for Washington.",
    "parataxis": '"We still hope to reach a deal," he said.',
    "according": "According to the ministry, the talks will resume next week.",
}

TEXT = (
    "Sergey Lavrov, the Russian foreign minister, spoke in Moscow on Friday.\n\n"
    '"We will respond to this robbery," he told reporters. '
    "Lavrov said that Moscow would not wait for Washington."
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    """The tiny set through the engine's own pipeline builder (no coref)."""
    return adapter.build_pipeline(coref=False, resources_dir=TINY)


def _check_spans(result: Result) -> None:
    """Every span of the result is a slice of the unchanged input."""
    text = result.text
    for q in result.quotes:
        spans: list[Span] = [q.content, *q.parts]
        if q.cue is not None:
            spans.append(q.cue)
        if q.speaker is not None:
            spans.append(q.speaker.mention)
        for s in spans:
            assert 0 <= s.start <= s.end <= len(text)
            assert text[s.start : s.end] == s.text


class TestTinyModelSet:
    """The committed folder loads like a downloaded one."""

    def test_stanza_models_tiny_folder_complete(self) -> None:
        """resources.json resolves to model files that exist; LICENSE/NOTICE name the data."""
        procs = adapter.engine_processors(TINY, coref=False)
        assert "tokenize,mwt,pos,lemma,depparse" == procs
        assert [] == adapter.missing_models(TINY, procs)
        notice = (TINY / "NOTICE").read_text(encoding="utf-8")
        assert "CC BY-SA 4.0" in notice and "English Web Treebank" in notice and "GUM" in notice
        assert (TINY / "LICENSE").exists()
        size = sum(f.stat().st_size for f in TINY.rglob("*") if f.is_file())
        assert size < 10_000_000

    def test_stanza_models_tiny_plain_stanza_pipeline(self) -> None:
        """stanza.Pipeline("en", dir=TINY, download_method=None) parses with no quoteattr involved."""
        nlp = stanza.Pipeline("en", dir=str(TINY), download_method=None, logging_level="WARN")
        doc = nlp(SHAPES["ccomp"])
        words = [w for s in doc.sentences for w in s.words]
        assert "Peskov" == words[0].text
        assert all(w.upos and w.deprel and w.head is not None for w in words)
        assert 1 == sum(w.head == 0 for w in words)


class TestExtract:
    """extract(text, engine="stanza", model_dir=TINY) end to end."""

    def test_stanza_models_extract_model_dir(self) -> None:
        """The model_dir keyword reaches the pipeline; the result has the rule engine's types."""
        r = quoteattr.extract(TEXT, engine="stanza", model_dir=TINY, coref=False)
        rules = quoteattr.extract(TEXT)
        assert "stanza" == r.engine and "rules" == rules.engine
        assert isinstance(r, Result) and all(isinstance(q, Quote) for q in r.quotes)
        assert set(rules.to_dict()) == set(r.to_dict())
        _check_spans(r)
        direct = [q for q in r.quotes if q.content.text == "We will respond to this robbery,"]
        assert 1 == len(direct) and "direct" == direct[0].kind.value

    def test_stanza_models_env_var(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """QUOTEATTR_STANZA_DIR names the folder when no model_dir is given."""
        monkeypatch.setenv("QUOTEATTR_STANZA_DIR", str(TINY))
        r = quoteattr.extract(SHAPES["parataxis"], engine="stanza", coref=False)
        assert "stanza" == r.engine
        _check_spans(r)

    @pytest.mark.parametrize("shape", sorted(SHAPES))
    def test_stanza_models_parse_shapes(self, nlp: Any, shape: str) -> None:
        """Each shape goes through the parse path; spans index the input."""
        text = SHAPES[shape]
        ann = quoteattr.annotate(text, pipeline=nlp)
        assert isinstance(ann, Annotation) and ann.tokens is not None and ann.tokens.has_parse
        r = quoteattr.extract(text, pipeline=nlp)
        _check_spans(r)
        assert "stanza" == r.engine and isinstance(r, Result)
        if shape == "parataxis":  # the quoted region is found whatever the tiny parser does with it
            assert ["We still hope to reach a deal,"] == [q.content.text for q in r.quotes]

    def test_stanza_models_seeds(self, nlp: Any) -> None:
        """The two seed articles: valid spans, and the direct quotes the marks give are found."""
        docs = load_jsonl("seeds-gold.jsonl")
        for d in docs:
            r = quoteattr.extract(d["text"], pipeline=nlp, id=d["id"])
            _check_spans(r)
            assert r.quotes, d["id"]

    def test_stanza_models_document_input(self, nlp: Any) -> None:
        """An annotated stanza.Document (here serialized and read back) gives the same result as the text."""
        doc = nlp(TEXT)
        again = stanza.Document.from_serialized(doc.to_serialized())
        from_doc = quoteattr.extract(again)
        from_text = quoteattr.extract(TEXT, pipeline=nlp)
        assert json.dumps(from_text.to_dict(), sort_keys=True) == json.dumps(from_doc.to_dict(), sort_keys=True)


class TestBoundariesMode:
    """stanza_mode="boundaries": the rule engine's quotes, boundaries from the tiny set's parse."""

    def test_stanza_models_boundaries_mode(self, nlp: Any) -> None:
        """Rule-engine rules only (no dep- rule), valid spans, the direct quote kept whole."""
        r = quoteattr.extract(TEXT, pipeline=nlp, stanza_mode="boundaries")
        _check_spans(r)
        assert r.quotes and not [q.rule for q in r.quotes if q.rule.startswith("dep-")]
        assert "We will respond to this robbery," in [q.content.text for q in r.quotes]

    def test_stanza_models_boundaries_seeds(self, nlp: Any) -> None:
        """On the seed articles the mode keeps the rule engine's candidates (on the same annotation) and cues."""
        from quoteattr import rules, syntax
        from quoteattr.marks import find_quotes

        for d in load_jsonl("seeds-gold.jsonl"):
            ann = quoteattr.annotate(d["text"], pipeline=nlp)
            regions, _ = find_quotes(ann.text, ann.paragraphs)
            surface = rules.find_candidates(ann, regions)
            bounded = syntax.find_candidates(ann, regions, mode="boundaries")
            assert [(c.rule, c.cue, c.speaker) for c in surface] == [(c.rule, c.cue, c.speaker) for c in bounded]
            _check_spans(quoteattr.extract(ann, stanza_mode="boundaries"))

    def test_stanza_models_cli_stanza_mode(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """quoteattr extract --engine stanza --stanza-mode boundaries."""
        from quoteattr.cli import main

        f = tmp_path / "a.txt"
        f.write_text(TEXT, encoding="utf-8")
        argv = ["extract", "--engine", "stanza", "--model-dir", str(TINY), "--no-coref", "--jsonl"]
        assert 0 == main([*argv, "--stanza-mode", "boundaries", str(f)])
        r = Result.from_dict(json.loads(capsys.readouterr().out))
        assert r.quotes and not [q.rule for q in r.quotes if q.rule.startswith("dep-")]


class TestCommandLine:
    """``--model-dir`` and ``--no-coref`` on the commands that take ``--engine``."""

    def test_stanza_models_cli_extract(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """quoteattr extract --engine stanza --model-dir TINY --no-coref --jsonl."""
        from quoteattr.cli import main

        f = tmp_path / "a.txt"
        f.write_text(TEXT, encoding="utf-8")
        assert 0 == main(["extract", "--engine", "stanza", "--model-dir", str(TINY), "--no-coref", "--jsonl", str(f)])
        [line] = capsys.readouterr().out.splitlines()
        r = Result.from_dict(json.loads(line))
        assert "stanza" == r.engine and TEXT == r.text
        assert "We will respond to this robbery," in [q.content.text for q in r.quotes]

    def test_stanza_models_cli_evaluate(self, capsys: pytest.CaptureFixture[str]) -> None:
        """quoteattr evaluate --engine stanza --model-dir TINY --no-coref on the seeds."""
        from quoteattr.cli import main

        gold = data_file("seeds-gold.jsonl")
        assert 0 == main(
            ["evaluate", str(gold), "--engine", "stanza", "--model-dir", str(TINY), "--no-coref", "--json"]
        )
        report = json.loads(capsys.readouterr().out)
        assert "engine stanza" == report["predictions"]

    def test_stanza_models_cli_without_no_coref(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --no-coref the tiny folder lacks coref: one error line naming the folder and --no-coref, status 2."""
        from quoteattr.cli import main

        f = tmp_path / "a.txt"
        f.write_text(TEXT, encoding="utf-8")
        assert 2 == main(["extract", "--engine", "stanza", "--model-dir", str(TINY), str(f)])
        err = capsys.readouterr().err
        assert str(TINY) in err and "--no-coref" in err


def test_stanza_models_default_engine_with_coref() -> None:
    """engine="stanza" with coref: "he" resolves to Lavrov's entity (stanza's own models only)."""
    procs = adapter.PROCESSORS
    missing = adapter.missing_packages(procs) + adapter.missing_models(processors=procs)
    if missing:
        pytest.skip(
            "stanza coreference needs stanza's downloaded coref model (an XLM-RoBERTa base through transformers/peft), "
            f"which cannot be trained or downloaded here; missing in {adapter.model_dir()}: {', '.join(missing)}"
        )
    r = quoteattr.extract(TEXT, engine="stanza")
    [q] = [q for q in r.quotes if q.content.text.startswith("We will respond")]
    assert "he" == q.speaker.mention.text
    assert "Lavrov" in (q.speaker.entity.name or "")
