"""Orchestration only: input checks, annotation, rules, coreference, result.

No rule lives here. :func:`extract` is the one entry point; everything it
does is delegated to the stage modules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from . import coref, defaults, parsed, rules
from .annotations import Annotation
from .candidates import Candidate, CandidateTable, kind_of
from .errors import InputTypeError, InvalidArgumentError, UnknownEngineError
from .index import DocIndex
from .marks import find_quotes
from .model import Quote, Result
from .tables import QuoteTable
from .text import segment

__all__ = ["DEFAULT_MIN_CONFIDENCE", "annotate", "extract", "extract_many"]

from .defaults import DEFAULT_MIN_CONFIDENCE, ENGINES


def _check_text(text: Any) -> None:
    if isinstance(text, str):
        return
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise InputTypeError(
            f"extract() needs str, got {type(text).__name__}: decode it first, e.g. data.decode('utf-8')"
        )
    raise InputTypeError(
        f"extract() needs str, a stanza.Document or an Annotation, got {type(text).__name__}: {text!r:.60}"
    )


def _check_options(min_confidence: Any, id: Any) -> None:
    """Reject option values that would silently give a wrong result.

    ``min_confidence=nan`` compares false with every score and ``2`` keeps
    nothing, so both returned no quote without a word; an ``id`` that is not
    a string broke ``json.dumps(result.to_dict())`` later.
    """
    if isinstance(min_confidence, bool) or not isinstance(min_confidence, (int, float)):
        raise InputTypeError(
            f"'min_confidence' must be a number in [0, 1] (got {type(min_confidence).__name__}: {min_confidence!r:.60})"
        )
    if not 0.0 <= min_confidence <= 1.0:  # (False for nan too)
        raise InvalidArgumentError(f"'min_confidence' must be in [0, 1] (got {min_confidence!r})")
    if id is not None and not isinstance(id, str):
        raise InputTypeError(f"'id' must be a str or None (got {type(id).__name__}: {id!r:.60})")


def _check_count(name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputTypeError(f"{name!r} must be an int >= 1 (got {type(value).__name__}: {value!r:.60})")
    if value < 1:
        raise InvalidArgumentError(f"{name!r} must be >= 1 (got {value})")


def annotate(
    text: Any, *, engine: str = "rules", pipeline: Any = None, model_dir: Any = None, coref: bool = True
) -> Annotation:
    """The :class:`~quoteattr.annotations.Annotation` the quote logic will read.

    Args:
        text: a ``str``, an :class:`Annotation` (returned as is) or an
            annotated ``stanza.Document``.
        engine: ``"rules"`` (no model) or ``"stanza"``.
        pipeline: a ``stanza.Pipeline`` to use with the stanza engine.
        model_dir: the stanza engine's model folder (default
            ``$QUOTEATTR_STANZA_DIR``, ``$STANZA_RESOURCES_DIR`` or stanza's).
        coref: run stanza's coreference (the stanza engine only).

    Raises:
        InputTypeError: for any other input type (bytes included).
        UnknownEngineError: for an unknown engine name.
        MissingModelsError: when the stanza engine has no models.
    """
    if isinstance(text, Annotation):
        return text
    if _is_stanza_document(text):
        from .adapters.stanza import document_to_annotation

        return document_to_annotation(text)
    _check_text(text)
    if pipeline is not None:
        engine = "stanza"
    if engine == "rules":
        return segment(text)
    if engine == "stanza":
        from .adapters.stanza import annotate_text

        return annotate_text(text, pipeline=pipeline, model_dir=model_dir, coref=coref)
    raise UnknownEngineError(f"engine must be one of {ENGINES} (got {engine!r})")


def _is_stanza_document(obj: Any) -> bool:
    cls = type(obj)
    return cls.__name__ == "Document" and cls.__module__.startswith("stanza.")


def extract(
    text: Any,
    *,
    engine: str = "rules",
    pipeline: Any = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    id: str | None = None,
    model_dir: Any = None,
    coref: bool = True,
    stanza_mode: str | None = None,
) -> Result:
    """Find every quote in *text* with its cue and speaker.

    Args:
        text: the article as ``str``; or an :class:`Annotation`; or an
            annotated ``stanza.Document``.
        engine: ``"rules"`` (default, no model needed) or ``"stanza"``.
        pipeline: your own ``stanza.Pipeline`` (implies ``engine="stanza"``).
        min_confidence: drop quotes scored below this (0 keeps every
            candidate, scare quotes included).
        id: a document id, kept in the result.
        model_dir: the stanza engine's model folder: a downloaded one or one
            written by ``tools/train_stanza_models.py`` (default
            ``$QUOTEATTR_STANZA_DIR``, ``$STANZA_RESOURCES_DIR`` or stanza's).
        coref: run stanza's coreference (stanza engine; needs transformers,
            peft and the coref model). Without it, speakers are resolved by
            quoteattr's own rules.
        stanza_mode: how a parsed text is read: ``"dependency"`` (the
            default: the dependency rules) or ``"boundaries"`` (the rule
            engine's quotes, clause boundaries from the parse); see
            ``docs/engines.md``.

    Returns:
        A :class:`Result` whose spans index *text* unchanged.

    Raises:
        InputTypeError: when *text* is not ``str`` (a ``TypeError``); bytes
            get a hint to decode them.
        UnknownEngineError: for an engine name other than rules or stanza.
        MissingModelsError: when the stanza engine's models are not installed.
        MissingPackageError: when coref's Python packages are not installed.
        InvalidArgumentError: for *min_confidence* outside ``[0, 1]`` or nan
            (an :class:`InputTypeError`, as for a non-number, or an ``id``
            that is not a ``str``).

    Example:
        >>> r = extract('"It is robbery," Lavrov said.')
        >>> [(q.kind.value, q.content.text, q.speaker.entity.name) for q in r.quotes]
        [('direct', 'It is robbery,', 'Lavrov')]
    """
    _check_options(min_confidence, id)
    # (the annotation is handed over, not kept in this frame, so that
    # extract_annotation can free it before the result is built: issue 18)
    return extract_annotation(
        annotate(text, engine=engine, pipeline=pipeline, model_dir=model_dir, coref=coref),
        min_confidence=min_confidence,
        id=id,
        stanza_mode=stanza_mode,
    )


def extract_annotation(
    ann: Annotation,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    id: str | None = None,
    stanza_mode: str | None = None,
) -> Result:
    """Run the quote logic on an annotation (the engines' common path)."""
    text = ann.text
    regions, diags = find_quotes(text, ann.paragraphs)
    # The document's index, built once: both engines read it.
    index = DocIndex(ann, regions)
    if ann.tokens is not None and ann.tokens.has_parse:
        cands = parsed.find_candidates(ann, regions, index, mode=stanza_mode)
    else:
        cands = rules.find_candidates(ann, regions, index)
    # Each candidate's kind now, from the outermost regions alone: the
    # index (its cue matches, a tenth of the working set on a text of short
    # quotes) and the nested regions go first, and the outermost ones before
    # speaker resolution.
    outer, outer_starts = index.regions, index.region_starts
    del index, regions
    # The settled candidates go into columns as their kinds are set, each
    # object freed as it is stored (issue 18); speaker resolution reads them
    # from there.
    # (guard tables-from: a list of objects for the usual article)
    table: Sequence[Candidate] = CandidateTable() if defaults.use_tables(len(cands), len(text)) else cands
    for i, c in enumerate(cands):
        if c.kind is None:
            c.kind = kind_of(text, c.parts, outer, outer_starts)
        if isinstance(table, CandidateTable):
            table.append(c)
            cands[i] = None  # type: ignore[call-overload]
    del cands
    quoted = coref.quoted_spans(outer, table)
    del outer, outer_starts
    # Speakers are resolved over every candidate, low-confidence ones
    # included: a bare quote still takes its turn in a dialogue, so the
    # quotes that are kept get the same speakers at any threshold.
    speakers, rows = coref.resolve_rows(ann, table, quoted)
    engine = "stanza" if ann.source == "stanza" else ann.source
    del ann, quoted  # (the segmentation is a tenth of the memory held on a long document)
    # The speakers of the quotes that are kept, renumbered among themselves
    # (their ids stay: "e0", "e2" when "e1" spoke only below the threshold).
    used = sorted(
        {row[2] for c, row in zip(table, rows, strict=True) if row is not None and c.confidence >= min_confidence}
    )
    new_index = {old: new for new, old in enumerate(used)}
    kept = tuple(speakers[i] for i in used)
    del speakers
    quotes: QuoteTable[Quote] = QuoteTable(text, kept)
    for i, (c, row) in enumerate(zip(table, rows, strict=True)):
        if c.confidence >= min_confidence:
            assert c.kind is not None  # (set above)
            spk = None if row is None else (row[0], row[1], new_index[row[2]], row[3], row[4])
            # (a registry.Rule member's str() is its name)
            quotes.append((c.kind, c.parts, c.cue, c.cue_class, spk, round(c.confidence, 4), str(c.rule)))
        rows[i] = None  # (converted: freed as the quotes grow)
    return Result(text=text, quotes=quotes.freeze(), speakers=kept, diagnostics=diags, engine=engine, id=id)


def extract_many(texts: Iterable[Any], *, n_process: int = 1, batch_size: int = 64, **kwargs: Any) -> Iterator[Result]:
    """:func:`extract` over many texts, results in input order.

    Args:
        texts: strings (or annotations).
        n_process: worker processes; 1 runs in this process.
        batch_size: texts sent to a worker at a time.
        **kwargs: passed to :func:`extract`.

    Raises:
        InputTypeError: at once (not at the first result) for a bad
            *n_process*, *batch_size* or :func:`extract` option; the
            :class:`InvalidArgumentError` subclass for a value out of range.
    """
    _check_count("n_process", n_process)
    _check_count("batch_size", batch_size)
    _check_options(kwargs.get("min_confidence", DEFAULT_MIN_CONFIDENCE), kwargs.get("id"))
    return _extract_many(texts, n_process, batch_size, kwargs)


def _extract_many(texts: Iterable[Any], n_process: int, batch_size: int, kwargs: dict[str, Any]) -> Iterator[Result]:
    if n_process == 1:
        for t in texts:
            yield extract(t, **kwargs)
        return
    import functools
    from concurrent.futures import ProcessPoolExecutor

    from ._workers import die_with_parent

    with ProcessPoolExecutor(max_workers=n_process, initializer=die_with_parent) as ex:
        yield from ex.map(functools.partial(_extract_kw, kwargs), texts, chunksize=max(1, batch_size))


def _extract_kw(kwargs: dict[str, Any], text: Any) -> Result:
    return extract(text, **kwargs)
