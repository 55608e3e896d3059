"""The stanza adapter without models: missing-model errors, download, documents.

No model is ever loaded here: missing-model checks run against empty or
fake resource folders, ``stanza.download`` and ``stanza.Pipeline`` are
replaced by recorders, and documents are built by hand as STANZA.md shows.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

stanza = pytest.importorskip("stanza")
# The imports below follow importorskip, so the module skips cleanly without stanza (E402).

from stanza.models.common.doc import Document  # noqa: E402
from stanza.models.coref.coref_chain import CorefChain, CorefMention  # noqa: E402
from stanza.utils.conll import CoNLL  # noqa: E402

import quoteattr  # noqa: E402
from quoteattr.adapters import stanza as adapter  # noqa: E402
from quoteattr.errors import (  # noqa: E402
    MissingAnnotationError,
    MissingModelsError,
    MissingPackageError,
    ModelHostUnreachableError,
    QuoteattrError,
)
from quoteattr.model import Resolution  # noqa: E402

pytestmark = pytest.mark.stanza

_CHARLM = [
    {"model": "pretrain", "package": "conll17"},
    {"model": "forward_charlm", "package": "1billion"},
    {"model": "backward_charlm", "package": "1billion"},
]
#: The shape of stanza 1.15's resources.json entry for English, cut down to
#: the processors the engine uses.
RESOURCES = {
    "en": {
        "lang_name": "English",
        "packages": {
            "default": {
                "tokenize": "combined",
                "mwt": "combined",
                "pos": "combined_charlm",
                "lemma": "combined_nocharlm",
                "depparse": "combined_charlm",
                "ner": "ontonotes-ww-multi_charlm",
                "optional": {"coref": "udcoref_xlm-roberta-lora"},
            }
        },
        "tokenize": {"combined": {}},
        "mwt": {"combined": {}},
        "pos": {"combined_charlm": {"dependencies": _CHARLM}},
        "lemma": {"combined_nocharlm": {}},
        "depparse": {"combined_charlm": {"dependencies": _CHARLM}},
        "ner": {"ontonotes-ww-multi_charlm": {"dependencies": _CHARLM}},
        "coref": {"udcoref_xlm-roberta-lora": {}},
        "pretrain": {"conll17": {}},
        "forward_charlm": {"1billion": {}},
        "backward_charlm": {"1billion": {}},
    }
}
NO_COREF_FILES = sorted(
    [
        "tokenize/combined.pt",
        "mwt/combined.pt",
        "pos/combined_charlm.pt",
        "lemma/combined_nocharlm.pt",
        "depparse/combined_charlm.pt",
        "ner/ontonotes-ww-multi_charlm.pt",
        "pretrain/conll17.pt",
        "forward_charlm/1billion.pt",
        "backward_charlm/1billion.pt",
    ]
)


def _resources(tmp_path: Path, resources: dict[str, Any] | None = RESOURCES, files: list[str] = ()) -> Path:
    if resources is not None:
        (tmp_path / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    for f in files:
        p = tmp_path / "en" / f
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"")
    return tmp_path


@pytest.fixture(autouse=True)
def _no_cached_pipelines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(adapter, "_PIPELINES", {})
    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)


@pytest.fixture
def no_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if a stanza.Pipeline is ever built (it would try to load models)."""

    def boom(*a: Any, **k: Any) -> None:
        raise AssertionError("stanza.Pipeline must not be built when models are missing")

    monkeypatch.setattr(stanza, "Pipeline", boom)


class TestMissingModels:
    """The cheap check names what is missing, where, and how to install it."""

    @pytest.mark.parametrize(
        ("resources", "files", "expected"),
        [
            (None, [], ["resources.json"]),
            ({"fr": {}}, [], ["en (not in resources.json)"]),
            (RESOURCES, [], NO_COREF_FILES),
            (RESOURCES, NO_COREF_FILES[:4], NO_COREF_FILES[4:]),
            (RESOURCES, NO_COREF_FILES, []),
        ],
    )
    def test_stanza_adapter_missing_models(
        self, tmp_path: Path, resources: Any, files: list[str], expected: list[str]
    ) -> None:
        """Stanza's own processor resolution gives the exact model files."""
        d = _resources(tmp_path, resources, files)
        assert expected == sorted(adapter.missing_models(d, adapter.PROCESSORS_NO_COREF))

    @pytest.mark.issue(17)
    def test_stanza_adapter_missing_coref_model(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """With coref, its model file is a missing model; peft is a missing package, not a model."""
        monkeypatch.setattr(adapter.importlib.util, "find_spec", lambda name: None if name == "peft" else object())
        d = _resources(tmp_path, files=NO_COREF_FILES)
        assert ["coref/udcoref_xlm-roberta-lora.pt"] == adapter.missing_models(d)
        assert ["peft"] == adapter.missing_packages(adapter.PROCESSORS)
        assert [] == adapter.missing_packages(adapter.PROCESSORS_NO_COREF)

    @pytest.mark.issue(17)
    def test_stanza_adapter_missing_package_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_pipeline: None
    ) -> None:
        """With every model in place, a missing Python package raises MissingPackageError with its pip command."""
        monkeypatch.setattr(
            adapter.importlib.util, "find_spec", lambda name: None if name in ("peft", "transformers") else object()
        )
        files = [*NO_COREF_FILES, "coref/udcoref_xlm-roberta-lora.pt"]
        with pytest.raises(MissingPackageError) as info:
            adapter.build_pipeline(resources_dir=_resources(tmp_path, files=files))
        err = info.value
        assert isinstance(err, ImportError) and isinstance(err, QuoteattrError)
        assert ("transformers", "peft") == err.packages
        assert "pip install transformers peft" == err.install
        assert "pip install transformers peft" in str(err) and "--no-coref" in str(err)
        assert "models are missing" not in str(err)

    @pytest.mark.parametrize(
        ("resources", "missing"),
        [(None, "resources.json"), (RESOURCES, "tokenize/combined.pt")],
    )
    def test_stanza_adapter_extract_raises_typed_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_pipeline: None, resources: Any, missing: str
    ) -> None:
        """extract(engine="stanza") with STANZA_RESOURCES_DIR at an empty or half-empty folder."""
        d = _resources(tmp_path, resources)
        monkeypatch.setenv("STANZA_RESOURCES_DIR", str(d))
        with pytest.raises(MissingModelsError) as info:
            quoteattr.extract("Lavrov said it was robbery.", engine="stanza")
        err = info.value
        assert isinstance(err, FileNotFoundError) and isinstance(err, QuoteattrError)
        assert str(d) == err.resources_dir
        assert missing in err.missing
        message = str(err)
        for part in (
            missing,
            str(d),
            "STANZA_RESOURCES_DIR",
            "python -m quoteattr download",
            "coref=False",
            "--model-dir",
        ):
            assert part in message

    def test_stanza_adapter_no_coref_hint_without_coref(self, tmp_path: Path, no_pipeline: None) -> None:
        """A pipeline asked for without coref gets no coref advice."""
        d = _resources(tmp_path, None)
        with pytest.raises(MissingModelsError) as info:
            adapter.build_pipeline(coref=False, resources_dir=d)
        assert "coref=False" not in str(info.value) and "transformers" not in str(info.value)
        assert f"python -m quoteattr download --dir {d}" in str(info.value)

    def test_stanza_adapter_default_dir(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """QUOTEATTR_STANZA_DIR, then STANZA_RESOURCES_DIR, then stanza's DEFAULT_MODEL_DIR.

        An argument wins over all.
        """
        assert stanza.resources.common.DEFAULT_MODEL_DIR == adapter.model_dir()
        monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
        assert str(tmp_path) == adapter.model_dir()
        monkeypatch.setenv("QUOTEATTR_STANZA_DIR", str(tmp_path / "q"))
        assert str(tmp_path / "q") == adapter.model_dir()
        assert "/x" == adapter.model_dir("/x")

    @pytest.mark.issue(17)
    def test_stanza_adapter_env_var_named_in_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_pipeline: None
    ) -> None:
        """extract() reads QUOTEATTR_STANZA_DIR and names it when the folder is empty."""
        monkeypatch.setenv("QUOTEATTR_STANZA_DIR", str(tmp_path))
        with pytest.raises(MissingModelsError) as info:
            quoteattr.extract("Lavrov said it was robbery.", engine="stanza", coref=False)
        assert str(tmp_path) == info.value.resources_dir
        assert "QUOTEATTR_STANZA_DIR" in str(info.value)

    @pytest.mark.issue(17)
    @pytest.mark.parametrize(
        ("resources", "coref", "expected"),
        [
            (RESOURCES, True, adapter.PROCESSORS),
            (RESOURCES, False, adapter.PROCESSORS_NO_COREF),
            ({"en": {"tokenize": {"p": {}}, "pos": {"p": {}}}}, False, "tokenize,mwt,pos,lemma,depparse"),
            (None, False, adapter.PROCESSORS_NO_COREF),
        ],
    )
    def test_stanza_adapter_engine_processors(self, tmp_path: Path, resources: Any, coref: bool, expected: str) -> None:
        """NER is asked for only when the folder offers it (a locally trained folder has none)."""
        assert expected == adapter.engine_processors(_resources(tmp_path, resources), coref=coref)


class TestBuildPipeline:
    """With every model in place the pipeline is built offline; load failures stay typed."""

    def test_stanza_adapter_pipeline_offline(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """stanza.Pipeline gets the folder, the processors and download_method=None."""
        calls: list[tuple[Any, ...]] = []
        monkeypatch.setattr(stanza, "Pipeline", lambda *a, **k: calls.append((a, k)) or "nlp")
        d = _resources(tmp_path, files=NO_COREF_FILES)
        assert "nlp" == adapter.build_pipeline(coref=False, resources_dir=d)
        assert [
            (
                ("en",),
                {
                    "dir": str(d),
                    "processors": adapter.PROCESSORS_NO_COREF,
                    "download_method": None,
                    "logging_level": "WARN",
                },
            )
        ] == calls

    @pytest.mark.parametrize(
        ("exc", "error", "hint"),
        [
            (
                ImportError("Please install the transformers and peft libraries before using coref!"),
                MissingPackageError,
                "coref=False",
            ),
            (
                FileNotFoundError(2, "No such file", "/m/en/pos/x.pt"),
                MissingModelsError,
                "python -m quoteattr download",
            ),
        ],
    )
    def test_stanza_adapter_load_errors_typed(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: Exception, error: type[Exception], hint: str
    ) -> None:
        """Errors stanza raises while loading become MissingPackageError / MissingModelsError with a hint."""

        def fail(*a: Any, **k: Any) -> None:
            raise exc

        monkeypatch.setattr(stanza, "Pipeline", fail)
        d = _resources(tmp_path, files=NO_COREF_FILES)
        with pytest.raises(error, match=hint):
            adapter.build_pipeline(coref=False, resources_dir=d)


class TestPipelineReuse:
    """The engine's pipeline is built once per folder and coref switch; torch threads only on request."""

    @pytest.mark.issue(17)
    def test_stanza_adapter_resources_read_once(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Three documents read resources.json once (it was read for every document) and build one pipeline."""
        reads: list[str] = []
        load = adapter._resources.load_resources_json
        monkeypatch.setattr(adapter._resources, "load_resources_json", lambda d: reads.append(d) or load(d))
        built: list[Any] = []
        monkeypatch.setattr(stanza, "Pipeline", lambda *a, **k: built.append(k) or "nlp")
        d = _resources(tmp_path, files=NO_COREF_FILES)
        pipelines = [adapter._default_pipeline(d, coref=False) for _ in range(3)]
        assert ["nlp"] * 3 == pipelines
        assert 1 == len(built)
        # engine_processors once, missing_models once: both when the pipeline is built
        assert 2 == len(reads)

    def test_stanza_adapter_coref_switch_keys_pipeline(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """coref=True and coref=False over one folder are two pipelines."""
        built: list[str] = []
        monkeypatch.setattr(stanza, "Pipeline", lambda *a, **k: built.append(k["processors"]) or k["processors"])
        monkeypatch.setattr(adapter, "missing_packages", lambda names: [])
        d = _resources(tmp_path, files=[*NO_COREF_FILES, "coref/udcoref_xlm-roberta-lora.pt"])
        assert adapter.PROCESSORS_NO_COREF == adapter._default_pipeline(d, coref=False)
        assert adapter.PROCESSORS == adapter._default_pipeline(d, coref=True)
        assert [adapter.PROCESSORS_NO_COREF, adapter.PROCESSORS] == built

    @pytest.mark.parametrize(("value", "expected"), [("1", 1), ("2", 2)])
    def test_stanza_adapter_torch_threads_from_env(
        self, monkeypatch: pytest.MonkeyPatch, value: str, expected: int
    ) -> None:
        """$QUOTEATTR_TORCH_THREADS sets torch's thread count."""
        import torch

        monkeypatch.setenv(adapter.TORCH_THREADS_VAR, value)
        before = torch.get_num_threads()
        try:
            assert expected == adapter.set_torch_threads()
            assert expected == torch.get_num_threads()
        finally:
            torch.set_num_threads(before)

    def test_stanza_adapter_torch_threads_unset_untouched(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the variable or an argument torch keeps its own setting."""
        import torch

        monkeypatch.delenv(adapter.TORCH_THREADS_VAR, raising=False)
        assert torch.get_num_threads() == adapter.set_torch_threads()

    @pytest.mark.parametrize("value", ["0", "two", "-1", "1.5"])
    def test_stanza_adapter_torch_threads_invalid(self, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
        """A value that is not a whole number >= 1 is an InvalidArgumentError naming the variable."""
        monkeypatch.setenv(adapter.TORCH_THREADS_VAR, value)
        with pytest.raises(quoteattr.errors.InvalidArgumentError, match="QUOTEATTR_TORCH_THREADS"):
            adapter.set_torch_threads()


class TestDownload:
    """``download`` asks stanza for exactly the engine's processors."""

    @pytest.mark.parametrize("processors", [adapter.PROCESSORS, adapter.PROCESSORS_NO_COREF])
    def test_stanza_adapter_download_arguments(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, processors: str
    ) -> None:
        """stanza.download(lang, model_dir=DIR, package=None, processors=...) and nothing else."""
        calls: list[tuple[Any, ...]] = []

        def fake_download(*a: Any, **k: Any) -> None:
            calls.append((a, k))
            _resources(Path(k["model_dir"]), files=NO_COREF_FILES)

        monkeypatch.setattr(stanza, "download", fake_download)
        missing = adapter.download(tmp_path, processors)
        assert [(("en",), {"model_dir": str(tmp_path), "package": None, "processors": processors})] == calls
        expected_missing = [] if processors == adapter.PROCESSORS_NO_COREF else ["coref/udcoref_xlm-roberta-lora.pt"]
        assert expected_missing == [m for m in missing if not m.startswith("python package")]

    @pytest.mark.parametrize(
        ("argv", "processors", "status"),
        [
            (["download", "--no-coref"], adapter.PROCESSORS_NO_COREF, 0),
            (["download"], adapter.PROCESSORS, 1),
        ],
    )
    def test_stanza_adapter_download_subcommand(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], processors: str, status: int
    ) -> None:
        """``quoteattr download [--dir D] [--no-coref]`` via add_parser/run; 1 while coref is still missing."""
        calls: list[dict[str, Any]] = []

        def fake_download(*a: Any, **k: Any) -> None:
            calls.append(k)
            _resources(Path(k["model_dir"]), files=NO_COREF_FILES)

        monkeypatch.setattr(stanza, "download", fake_download)
        parser = argparse.ArgumentParser()
        adapter.add_parser(parser.add_subparsers())
        args = parser.parse_args([*argv, "--dir", str(tmp_path)])
        assert status == args.func(args)
        assert [processors] == [k["processors"] for k in calls]


def _refused_url() -> str:
    """A local URL nothing listens on: connecting to it is refused at once, with no network involved."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/stanza-resources"


@pytest.mark.issue(17)
class TestDownloadOffline:
    """``quoteattr download`` with the model host out of reach: one line, status 2, nothing left behind."""

    def test_stanza_adapter_download_offline_cli(self, tmp_path: Path) -> None:
        """The real command with stanza's own STANZA_RESOURCES_URL at a refused port."""
        target = tmp_path / "cache" / "stanza" / "resources"
        env = {**os.environ, "STANZA_RESOURCES_URL": _refused_url(), "PYTHONPATH": os.pathsep.join(sys.path)}
        proc = subprocess.run(
            [sys.executable, "-m", "quoteattr", "download", "--no-coref", "--dir", str(target)],
            capture_output=True,
            check=False,
            text=True,
            env=env,
            timeout=120,
        )
        assert 2 == proc.returncode
        assert "" == proc.stdout
        lines = proc.stderr.strip().splitlines()
        assert 1 == len(lines), proc.stderr
        [line] = lines
        assert line.startswith("quoteattr: error: cannot reach the stanza model host")
        assert str(target) in line and "--model-dir" in line and "QUOTEATTR_STANZA_DIR" in line
        assert "Traceback" not in proc.stderr
        assert [] == list(tmp_path.iterdir())  # not even the cache/ parent was left

    def test_stanza_adapter_download_offline_keeps_existing_folder(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A folder that existed before the failed download stays, with what it held."""
        monkeypatch.setattr(adapter._resources, "DEFAULT_RESOURCES_URL", _refused_url())
        url = adapter._resources.DEFAULT_RESOURCES_URL
        real = stanza.download
        monkeypatch.setattr(stanza, "download", lambda *a, **k: real(*a, resources_url=url, **k))
        (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
        with pytest.raises(ModelHostUnreachableError) as info:
            adapter.download(tmp_path, adapter.PROCESSORS_NO_COREF)
        assert isinstance(info.value, ConnectionError)
        assert str(tmp_path) == info.value.resources_dir
        assert ["keep.txt"] == sorted(p.name for p in tmp_path.iterdir())


# Offsets:  0         1         2         3         4
#           0123456789012345678901234567890123456789012345678
TEXT = 'Dmitry Peskov spoke. "We will respond," he said.'


def _w(i: int, text: str, lemma: str, upos: str, head: int, deprel: str, start: int, ner: str = "O") -> dict[str, Any]:
    return {"id": i, "text": text, "lemma": lemma, "upos": upos, "xpos": "_", "head": head, "deprel": deprel,
            "ner": ner, "start_char": start, "end_char": start + len(text)}  # fmt: skip


def peskov_document(coref: bool = True) -> Document:
    """The text above, annotated by hand in stanza's own shapes."""
    s1 = [
        _w(1, "Dmitry", "Dmitry", "PROPN", 3, "nsubj", 0, "B-PERSON"),
        _w(2, "Peskov", "Peskov", "PROPN", 1, "flat", 7, "E-PERSON"),
        _w(3, "spoke", "speak", "VERB", 0, "root", 14),
        _w(4, ".", ".", "PUNCT", 3, "punct", 19),
    ]
    s2 = [
        _w(1, '"', '"', "PUNCT", 4, "punct", 21),
        _w(2, "We", "we", "PRON", 4, "nsubj", 22),
        _w(3, "will", "will", "AUX", 4, "aux", 25),
        _w(4, "respond", "respond", "VERB", 8, "ccomp", 30),
        _w(5, ",", ",", "PUNCT", 4, "punct", 37),
        _w(6, '"', '"', "PUNCT", 4, "punct", 38),
        _w(7, "he", "he", "PRON", 8, "nsubj", 40),
        _w(8, "said", "say", "VERB", 0, "root", 43),
        _w(9, ".", ".", "PUNCT", 8, "punct", 47),
    ]
    doc = Document([s1, s2], text=TEXT)
    if coref:
        doc.coref = [CorefChain(0, [CorefMention(0, 0, 2), CorefMention(1, 6, 7)], "Dmitry Peskov", 0)]
    return doc


class TestDocuments:
    """stanza Documents become Annotations; extract() reads them directly."""

    def test_stanza_adapter_document_to_annotation(self) -> None:
        """Tokens, doc-level heads, sentences, entities and chains as character spans."""
        ann = adapter.document_to_annotation(peskov_document())
        t = ann.tokens
        assert ["Dmitry", "Peskov", "spoke", "."] == [TEXT[a:b] for a, b in zip(t.starts[:4], t.ends[:4], strict=False)]
        assert (2, 0, -1, 2, 7, 7, 7, 11, 7, 7, 11, -1, 11) == t.head
        assert ["Dmitry Peskov spoke.", '"We will respond," he said.'] == [TEXT[a:b] for a, b in ann.sentences]
        assert [("Dmitry Peskov", "PERSON")] == [(TEXT[e.start : e.end], e.label) for e in ann.entities]
        assert [("0", ((0, 13), (40, 42)), 0, "person")] == [
            (c.id, c.mentions, c.representative, c.label) for c in ann.chains
        ]
        assert {"tokenize", "pos", "lemma", "depparse", "ner", "coref"} == ann.layers

    def test_stanza_adapter_multiword_token(self) -> None:
        """Words of a hand-built multiword token (no word offsets) get the token's span."""
        text = "I've won."
        doc = Document(
            [[
                {"id": (1, 2), "text": "I've", "start_char": 0, "end_char": 4},
                {"id": 1, "text": "I", "lemma": "I", "upos": "PRON", "head": 3, "deprel": "nsubj"},
                {"id": 2, "text": "'ve", "lemma": "have", "upos": "AUX", "head": 3, "deprel": "aux"},
                {
                    "id": 3, "text": "won", "lemma": "win", "upos": "VERB", "head": 0, "deprel": "root",
                    "start_char": 5, "end_char": 8,
                },
                {
                    "id": 4, "text": ".", "lemma": ".", "upos": "PUNCT", "head": 3, "deprel": "punct",
                    "start_char": 8, "end_char": 9,
                },
            ]],
            text=text,
        )  # fmt: skip
        t = adapter.document_to_annotation(doc).tokens
        assert ((0, 4), (0, 4), (5, 8), (8, 9)) == tuple(zip(t.starts, t.ends, strict=False))
        assert (2, 2, -1, 2) == t.head

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (lambda: Document([[{"id": 1, "text": "Hi", "start_char": 0, "end_char": 2}]]), "no text"),
            (lambda: _no_offsets(), "no character offsets"),
        ],
    )
    def test_stanza_adapter_document_without_offsets(self, make: Any, message: str) -> None:
        """A document with no text or no offsets (plain conll2doc) gets a typed error."""
        with pytest.raises(MissingAnnotationError, match=message):
            quoteattr.extract(make())

    def test_stanza_adapter_extract_document_speaker_from_chain(self) -> None:
        """extract(doc): the quote's speaker "he" is resolved through doc.coref to Dmitry Peskov."""
        r = quoteattr.extract(peskov_document())
        assert "stanza" == r.engine
        [q] = r.quotes
        assert ("direct", "We will respond,", "said", "he") == (
            q.kind.value,
            q.content.text,
            q.cue.text,
            q.speaker.mention.text,
        )
        assert Resolution.COREF == q.speaker.resolution
        assert {(0, 13), (40, 42)} <= {(m.start, m.end) for m in q.speaker.entity.mentions}

    def test_stanza_adapter_own_pipeline(self) -> None:
        """extract(text, pipeline=nlp) runs the user's pipeline (here one without coref)."""
        seen: list[str] = []

        def nlp(text: str) -> Document:
            seen.append(text)
            return peskov_document(coref=False)

        r = quoteattr.extract(TEXT, pipeline=nlp)
        assert [TEXT] == seen
        assert ["We will respond,"] == [q.content.text for q in r.quotes]
        assert "he" == r.quotes[0].speaker.mention.text


def _no_offsets() -> Document:
    doc = CoNLL.conll2doc(input_str="1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n")
    doc.text = "Hi"
    return doc


def test_stanza_adapter_import_needs_no_network() -> None:
    """Importing the adapter touches no model folder (it exists or not, import works)."""
    assert adapter.PROCESSORS.split(",")[-1] == "coref"
    assert not os.environ.get("STANZA_RESOURCES_DIR")


class TestNotInstalled:
    """Without the stanza package the errors are typed and say what to install."""

    @pytest.fixture
    def no_stanza(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import sys

        for name in [m for m in sys.modules if m == "stanza" or m.startswith("stanza.")]:
            monkeypatch.setitem(sys.modules, name, None)
        monkeypatch.delitem(sys.modules, "quoteattr.adapters.stanza")

    def test_stanza_adapter_engine_without_stanza(self, no_stanza: None) -> None:
        """engine="stanza" raises StanzaNotInstalledError, an ImportError, with the install line."""
        from quoteattr.errors import StanzaNotInstalledError

        with pytest.raises(StanzaNotInstalledError, match=r"pip install 'quoteattr\[stanza\]'") as info:
            quoteattr.extract("Lavrov said it was robbery.", engine="stanza")
        assert isinstance(info.value, ImportError)

    def test_stanza_adapter_conllu_without_stanza(self, no_stanza: None) -> None:
        """The CoNLL-U loader works without stanza; only to_stanza_document needs it."""
        from quoteattr.adapters.conllu import SAMPLE, read_conllu, to_stanza_document
        from quoteattr.errors import StanzaNotInstalledError

        d = read_conllu(text=SAMPLE)
        assert ["I've won."] == [q.content.text for q in quoteattr.extract(d.annotation()).quotes]
        with pytest.raises(StanzaNotInstalledError, match="needs stanza"):
            to_stanza_document(d, conllu=SAMPLE)
