"""The stanza engine: stanza pipelines and documents as :class:`Annotation`.

This is the only module of quoteattr that imports stanza at import time;
importing it without stanza installed raises
:class:`~quoteattr.errors.StanzaNotInstalledError`.

Three ways in, one way out:

* ``quoteattr.extract(text, engine="stanza")`` builds (once, then reuses) a
  pipeline with :data:`PROCESSORS` and ``download_method=None``: nothing is
  ever downloaded behind the user's back;
* ``quoteattr.extract(text, pipeline=nlp)`` runs the user's own pipeline
  (for instance one built by :func:`build_pipeline` with ``coref=False``);
* ``quoteattr.extract(doc)`` reads an already annotated ``stanza.Document``.

Each gives an :class:`~quoteattr.annotations.Annotation` through
:func:`document_to_annotation`; the quote logic reads only that.

Before a pipeline is built, :func:`missing_models` checks cheaply, with
stanza's own resolution of processors to packages and no model loading,
which model files are absent, so the user gets a
:class:`~quoteattr.errors.MissingModelsError` naming them, the folder that
was searched and the command that installs them (``python -m quoteattr
download``, i.e. :func:`download`).
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Sequence
from typing import Any

from ..errors import (
    InvalidArgumentError,
    MissingAnnotationError,
    MissingModelsError,
    MissingPackageError,
    StanzaNotInstalledError,
)

try:
    import stanza
    from stanza.resources import common as _resources
except ImportError as _exc:  # pragma: no cover - exercised only without stanza
    raise StanzaNotInstalledError(
        "the stanza engine needs the stanza package: install the torch CPU build first "
        "(pip install torch --index-url https://download.pytorch.org/whl/cpu), then pip install 'quoteattr[stanza]'",
        packages=("stanza",),
        install="pip install 'quoteattr[stanza]'",
    ) from _exc

from ..annotations import Annotation, CorefChain, EntityMention, Tokens
from ..text import paragraph_spans

__all__ = [
    "ENV_VAR",
    "INSTALL_HINT",
    "OPTIONAL_PROCESSORS",
    "PROCESSORS",
    "PROCESSORS_NO_COREF",
    "TORCH_THREADS_VAR",
    "add_parser",
    "annotate_text",
    "build_pipeline",
    "check_models",
    "document_to_annotation",
    "download",
    "engine_processors",
    "missing_models",
    "missing_packages",
    "model_dir",
    "run",
    "set_torch_threads",
]

#: The processors of the stanza engine.
PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner,coref"
#: The same without coreference (no transformers/peft, no 135 MB coref model).
PROCESSORS_NO_COREF = "tokenize,mwt,pos,lemma,depparse,ner"
#: Processors used only when the model folder has them: a folder trained by
#: ``tools/train_stanza_models.py`` has no NER (no ``ner`` entry in its
#: ``resources.json``), and the quote logic runs without entities.
OPTIONAL_PROCESSORS = ("ner",)
#: The command that installs the models.
INSTALL_HINT = "python -m quoteattr download"
#: The environment variable naming the model folder (before STANZA_RESOURCES_DIR).
ENV_VAR = "QUOTEATTR_STANZA_DIR"
#: Python packages that processors need beyond stanza, with their install command.
PACKAGES_NEEDED = {"coref": ("transformers", "peft")}
#: The environment variable that sets torch's thread count for the engine
#: (see :func:`set_torch_threads`).
TORCH_THREADS_VAR = "QUOTEATTR_TORCH_THREADS"
LANG = "en"

_PIPELINES: dict[tuple[str, bool], Any] = {}
_LOCK = threading.Lock()


def model_dir(path: str | os.PathLike[str] | None = None) -> str:
    """The folder stanza reads models from.

    *path* if given, else ``$QUOTEATTR_STANZA_DIR``, else
    ``$STANZA_RESOURCES_DIR``, else stanza's ``DEFAULT_MODEL_DIR``
    (``~/.cache/stanza/<version>/resources``). A downloaded folder and one
    written by ``tools/train_stanza_models.py`` are read the same way.
    """
    if path is not None:
        return os.fspath(path)
    return os.environ.get(ENV_VAR) or os.environ.get("STANZA_RESOURCES_DIR") or _resources.DEFAULT_MODEL_DIR


def _where(resources_dir: str | os.PathLike[str] | None) -> str:
    if resources_dir is not None:
        return "the folder given"
    for var in (ENV_VAR, "STANZA_RESOURCES_DIR"):
        if os.environ.get(var):
            return var
    return "stanza's DEFAULT_MODEL_DIR"


def _processor_names(processors: str | Sequence[str]) -> list[str]:
    if isinstance(processors, str):
        return [p.strip().lower() for p in processors.split(",") if p.strip()]
    return [p.strip().lower() for p in processors]


def engine_processors(
    resources_dir: str | os.PathLike[str] | None = None, *, coref: bool = True, lang: str = LANG
) -> str:
    """The processors the engine asks for in this model folder.

    :data:`PROCESSORS` (or :data:`PROCESSORS_NO_COREF`) less each of
    :data:`OPTIONAL_PROCESSORS` that the folder's ``resources.json`` does not
    list for *lang* (a locally trained folder has no NER). A folder without a
    readable ``resources.json`` keeps them all, so the missing-model check
    reports it.
    """
    names = _processor_names(PROCESSORS if coref else PROCESSORS_NO_COREF)
    try:
        resources = _resources.load_resources_json(model_dir(resources_dir))
    except (OSError, ValueError):
        return ",".join(names)
    offered = resources.get(lang, {})
    return ",".join(n for n in names if n not in OPTIONAL_PROCESSORS or n in offered)


def missing_packages(processors: str | Sequence[str] = PROCESSORS) -> list[str]:
    """The Python packages *processors* need that are not importable (``["peft"]``)."""
    return [
        pkg
        for name in _processor_names(processors)
        for pkg in PACKAGES_NEEDED.get(name, ())
        if importlib.util.find_spec(pkg) is None
    ]


def missing_models(
    resources_dir: str | os.PathLike[str] | None = None,
    processors: str | Sequence[str] = PROCESSORS,
    *,
    lang: str = LANG,
) -> list[str]:
    """The model files the pipeline for *processors* would miss, without loading anything.

    Follows stanza's own resolution (``load_resources_json``,
    ``process_pipeline_parameters``, ``maintain_processor_list``,
    ``add_dependencies``, ``flatten_processor_list``) and checks that each
    ``DIR/en/<processor>/<package>.pt`` exists. Python packages are not
    models: :func:`missing_packages` lists those.

    Returns:
        Human-readable descriptions of what is missing (empty when nothing is):
        ``"resources.json"``, ``"en (not in resources.json)"`` or
        ``"pos/combined_charlm.pt"``-style paths relative to ``DIR/en``.
    """
    d = model_dir(resources_dir)
    names = _processor_names(processors)
    try:
        resources = _resources.load_resources_json(d)
    except FileNotFoundError:
        return ["resources.json"]
    except ValueError as exc:  # a damaged resources.json
        return [f"resources.json (unreadable: {exc})"]
    if lang not in resources:
        return [f"{lang} (not in resources.json)"]
    lang_, _d, package, procs = _resources.process_pipeline_parameters(lang, d, "default", ",".join(names))
    plist = _resources.maintain_processor_list(resources, lang_, package, procs)
    plist = _resources.add_dependencies(resources, lang_, plist)
    missing = []
    for processor, pkg in _resources.flatten_processor_list(plist):
        rel = os.path.join(processor, f"{pkg}.pt")
        if not os.path.exists(os.path.join(d, lang_, rel)):
            missing.append(rel)
    return missing


_NO_COREF_HINT = (
    "; to run without coreference, pass coref=False (command line: --no-coref), e.g. "
    "quoteattr.extract(text, engine='stanza', coref=False)"
)


def check_models(
    resources_dir: str | os.PathLike[str] | None = None,
    processors: str | Sequence[str] = PROCESSORS,
    *,
    lang: str = LANG,
) -> None:
    """Raise unless every package and model file of *processors* is in place.

    Raises:
        MissingModelsError: naming the missing models, the folder searched and
            the install command (and how to run without coref); it also names
            the pip command when coref's Python packages are missing too.
        MissingPackageError: when every model is there but a Python package
            is not, with the pip command that installs it.
    """
    names = _processor_names(processors)
    no_coref = _NO_COREF_HINT if "coref" in names else ""
    packages = missing_packages(names)
    install = "pip install " + " ".join(packages)
    missing = missing_models(resources_dir, names, lang=lang)
    if missing:
        d = model_dir(resources_dir)
        also = f". Coreference also needs Python packages that are not installed: {install}" if packages else ""
        raise MissingModelsError(
            f"stanza's {lang} models are missing: {', '.join(missing)}. Looked in {d} ({_where(resources_dir)}). "
            f"Install them with: {INSTALL_HINT}"
            + (f" --dir {d}" if resources_dir is not None else "")
            + f", or name a folder of models (a downloaded one or one from tools/train_stanza_models.py) "
            f"with model_dir= / --model-dir / ${ENV_VAR}" + also + no_coref,
            missing=tuple(missing),
            resources_dir=d,
        )
    if packages:
        raise MissingPackageError(
            f"the stanza engine's coreference needs the Python package(s) {', '.join(packages)}, "
            f"which are not installed: {install}" + no_coref,
            packages=tuple(packages),
            install=install,
        )


def build_pipeline(
    processors: str | Sequence[str] | None = None,
    *,
    coref: bool = True,
    resources_dir: str | os.PathLike[str] | None = None,
    **kwargs: Any,
) -> Any:
    """A ``stanza.Pipeline`` for the stanza engine, never downloading anything.

    Args:
        processors: stanza processors; default :func:`engine_processors`
            (:data:`PROCESSORS`, or :data:`PROCESSORS_NO_COREF` when *coref*
            is false, less the optional ones the folder lacks).
        coref: include the coreference processor.
        resources_dir: the model folder (default :func:`model_dir`).
        **kwargs: passed to ``stanza.Pipeline`` (``use_gpu``, ``logging_level``).

    Raises:
        MissingPackageError: when coref's Python packages are not installed.
        MissingModelsError: when models are missing, found by the cheap check
            or when stanza fails to load a file.
    """
    if processors is None:
        processors = engine_processors(resources_dir, coref=coref)
    names = ",".join(_processor_names(processors))
    d = model_dir(resources_dir)
    check_models(resources_dir, names)
    kwargs.setdefault("logging_level", "WARN")
    try:
        return stanza.Pipeline(LANG, dir=d, processors=names, download_method=None, **kwargs)
    except ImportError as exc:  # coref without transformers / peft
        raise MissingPackageError(
            f"stanza could not load its processors ({exc}); pip install transformers peft" + _NO_COREF_HINT,
            packages=("transformers", "peft"),
            install="pip install transformers peft",
        ) from exc
    except OSError as exc:  # a model file (or the coref base model in the HuggingFace cache) is absent
        raise MissingModelsError(
            f"stanza could not load a model from {d}: {exc}. Install the models with: {INSTALL_HINT}; "
            f"coref also needs its base model in the HuggingFace cache (run the download once with network access)",
            missing=(str(getattr(exc, "filename", "") or exc),),
            resources_dir=d,
        ) from exc


def _default_pipeline(resources_dir: str | os.PathLike[str] | None = None, coref: bool = True) -> Any:
    """The engine's pipeline for a folder, built on first use and then reused.

    Keyed by folder and coref switch, so a document costs one dictionary
    look-up here: the folder's ``resources.json`` (about 1 MB for a
    downloaded set) is read once, when the pipeline is built, not once per
    document as before.
    """
    key = (model_dir(resources_dir), coref)
    nlp = _PIPELINES.get(key)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _PIPELINES.get(key)
        if nlp is None:
            set_torch_threads()
            processors = engine_processors(key[0], coref=coref)
            nlp = _PIPELINES[key] = build_pipeline(processors, resources_dir=resources_dir)
    return nlp


def set_torch_threads(threads: int | str | None = None) -> int:
    """Set torch's intra-op threads from *threads* or ``$QUOTEATTR_TORCH_THREADS``.

    Nothing changes when both are unset (torch's default: one thread per
    core). torch's setting is process-wide, so the engine only applies it
    when you ask. One thread is what a shared or small machine wants: on 2
    cores shared with other jobs, torch's default of 2 threads parsed the
    tiny set at 250 chars/s and one thread at 2,115 (6 polnear-dev
    documents; the two threads wait for each other whenever one of them is
    descheduled).

    Returns:
        torch's thread count afterwards.

    Raises:
        InvalidArgumentError: for a value that is not a whole number >= 1.
    """
    import torch

    value = threads if threads is not None else os.environ.get(TORCH_THREADS_VAR)
    if value is None or value == "":
        return int(torch.get_num_threads())
    try:
        n = int(value)
    except (TypeError, ValueError):
        n = 0
    if n < 1 or isinstance(value, bool):
        raise InvalidArgumentError(f"torch threads ({TORCH_THREADS_VAR}) must be a whole number >= 1 (got {value!r})")
    torch.set_num_threads(n)
    return n


def annotate_text(
    text: str,
    *,
    pipeline: Any = None,
    model_dir: str | os.PathLike[str] | None = None,
    coref: bool = True,
) -> Annotation:
    """Run a stanza pipeline on *text* and convert the result.

    Args:
        text: the document (never changed: offsets index it as given).
        pipeline: a ``stanza.Pipeline``; default: one from
            :func:`build_pipeline` over *model_dir*, built on first use and
            reused.
        model_dir: the model folder (default :func:`model_dir`).
        coref: include coreference in the default pipeline.

    Raises:
        MissingPackageError: when coref's Python packages are missing.
        MissingModelsError: when the default pipeline's models are missing.
        MissingAnnotationError: when the pipeline gives no tokens.
    """
    nlp = _default_pipeline(model_dir, coref) if pipeline is None else pipeline
    doc = nlp(text)
    if doc.text is None:
        doc.text = text
    return document_to_annotation(doc)


def document_to_annotation(doc: Any) -> Annotation:
    """Convert an annotated ``stanza.Document`` to an :class:`Annotation`.

    Words become tokens (a multiword token's words get the word offsets
    stanza gives them, else the token's); heads become document-level
    indices (``-1`` for a root); ``doc.ents`` become entities; ``doc.coref``
    chains become character-span chains (zero-anaphora mentions, which have
    no text, are left out). Paragraphs come from blank lines in ``doc.text``.

    Raises:
        MissingAnnotationError: when the document has no text or no
            character offsets (a document read from CoNLL-U without them).
    """
    text = doc.text
    if text is None:
        raise MissingAnnotationError(
            "the stanza Document has no text: build it with Document(..., text=TEXT) or set doc.text"
        )
    words = _Words()
    for si, s in enumerate(doc.sentences):
        words.add_sentence(si, s)
    entities = [_entity(e) for e in (doc.ents or [])]
    return Annotation(
        text=text,
        paragraphs=paragraph_spans(text),
        sentences=words.sentences,
        tokens=words.tokens(),
        entities=entities,
        chains=_chains(getattr(doc, "coref", None) or [], words.spans, entities),
        source="stanza",
    )


_WORD_FIELDS = ("upos", "xpos", "lemma", "feats", "deprel")


class _Words:
    """The word columns of a document, gathered sentence by sentence."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.sent: list[int] = []
        self.cols: dict[str, list[Any]] = {k: [] for k in ("head", *_WORD_FIELDS)}
        self.has = dict.fromkeys(self.cols, False)
        self.sentences: list[tuple[int, int]] = []
        #: Per sentence, each word's character span (for coref mentions).
        self.spans: list[list[tuple[int, int]]] = []
        self.base = 0

    def add_sentence(self, si: int, s: Any) -> None:
        spans: list[tuple[int, int]] = []
        for tok in s.tokens:
            ts, te = tok.start_char, tok.end_char
            if ts is None or te is None:
                raise MissingAnnotationError(
                    f"token {tok.text!r} of sentence {si + 1} has no character offsets (start_char/end_char); "
                    "for CoNLL-U input use quoteattr.adapters.conllu.to_stanza_document"
                )
            for w in tok.words:
                ws, we = w.start_char, w.end_char
                if ws is None or we is None or not ts <= ws <= we <= te:
                    ws, we = ts, te
                spans.append((ws, we))
                self._add_word(si, ws, we, w)
        if spans:
            self.sentences.append((spans[0][0], spans[-1][1]))
        self.spans.append(spans)
        self.base += len(s.words)

    def _add_word(self, si: int, ws: int, we: int, w: Any) -> None:
        self.starts.append(ws)
        self.ends.append(we)
        self.sent.append(si)
        head = w.head
        self.cols["head"].append(-1 if not head else self.base + head - 1)
        self.has["head"] |= head is not None
        for k in _WORD_FIELDS:
            v = getattr(w, k)
            self.has[k] |= v is not None
            self.cols[k].append(v if v is not None else "_")

    def tokens(self) -> Tokens:
        has = dict(self.has)
        has["head"] = has["head"] and has["deprel"]
        return Tokens(
            starts=self.starts,
            ends=self.ends,
            sentence=self.sent,
            **{k: (v if has[k] else None) for k, v in self.cols.items()},
        )


def _chains(coref: Any, word_spans: list[list[tuple[int, int]]], entities: list[EntityMention]) -> list[CorefChain]:
    """stanza's coref chains as character-span chains (zero anaphora left out)."""
    chains = []
    for chain in coref:
        mentions: list[tuple[int, int]] = []
        rep = 0
        for i, m in enumerate(chain.mentions):
            if isinstance(m.start_word, tuple):
                continue  # zero anaphora: no surface text
            spans = word_spans[m.sentence]
            if i == chain.representative_index:
                rep = len(mentions)
            mentions.append((spans[m.start_word][0], spans[m.end_word - 1][1]))
        if mentions:
            chains.append(
                CorefChain(
                    id=str(chain.index), mentions=mentions, representative=rep, label=_chain_label(mentions, entities)
                )
            )
    return chains


# Rule ``ner-trim-possessive``: stanza tags tokens, so an entity ending in the
# multiword token "Google's" would include the possessive; it ends before the
# possessive word instead ("Google's headquarters" -> "Google").
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def _entity(e: Any) -> EntityMention:
    start, end = e.start_char, e.end_char
    toks = getattr(e, "tokens", None) or []
    if toks:
        words = toks[-1].words
        if len(words) > 1 and words[-1].text in _POSSESSIVES:
            prev = words[-2]
            if prev.end_char is not None and start < prev.end_char < end:
                end = prev.end_char
    return EntityMention(start=start, end=end, label=e.type)


# Rule ``chain-label-from-ner``: a chain takes the type of a named entity
# that one of its mentions covers ("Professor Cres Eastman" PERSON -> person).
_CHAIN_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "NORP": "organization"}


def _chain_label(mentions: list[tuple[int, int]], entities: list[EntityMention]) -> str | None:
    for a, b in mentions:
        for e in entities:
            if a <= e.start and e.end <= b and e.label in _CHAIN_LABELS:
                return _CHAIN_LABELS[e.label]
    return None


# The model download and the ``download`` subcommand live in
# :mod:`quoteattr.adapters._download`; they are part of this module's API.
from ._download import add_parser, download, run  # noqa: E402  (needs the names above)
