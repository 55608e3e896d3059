"""Labelled quotes: one plain shape for gold data and predictions.

Gold corpora and system output are both turned into
:class:`LabelledDocument` objects holding :class:`LabelledQuote` objects, so
that :mod:`quoteattr.evaluate` compares like with like. Three ways in and one
way out:

* :func:`read_jsonl` reads the gold JSONL format of the shared data README
  (``seeds-gold.jsonl``, ``polnear-dev.jsonl``, ``litbank-dev.jsonl``) and
  prediction files written by :func:`write_jsonl`;
* :func:`read_brat` reads brat standoff attribution files in the PolNeAR
  layout (a ``text/`` folder and an ``attributions/`` folder);
* :func:`from_result` converts a :class:`quoteattr.Result`;
* :func:`write_jsonl` writes documents back in the gold JSONL format.

This module holds the dict and JSONL forms, :func:`load` and
:func:`from_result`; the two record types live in :mod:`quoteattr.labelled`
and the brat reader with rule ``gold-kind`` in :mod:`quoteattr.brat`, and
all of them are re-exported here.

Offsets are half-open Python ``str`` indices into the document text, exactly
as annotated: content spans may include quotation marks or a leading "that";
:func:`quoteattr.evaluate.normalise` strips them when scoring.

Example:
    >>> from quoteattr.corpora import document_from_dict
    >>> doc = document_from_dict({"id": "d1", "text": '"We will respond," Peskov said.',
    ...     "quotes": [{"start": 1, "end": 16, "kind": "direct", "cue": [26, 30], "speaker": [19, 25]}]})
    >>> q = doc.quotes[0]
    >>> doc.text[q.start:q.end], doc.text[slice(*q.speaker)]
    ('We will respond', 'Peskov')
"""

from __future__ import annotations

import ast
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ._io import parse_json_line
from .brat import gold_kind, read_brat
from .errors import CorpusFormatError, SerializationError
from .labelled import LabelledDocument, LabelledQuote, _pair, _pairs

__all__ = [
    "CorpusFormatError",
    "LabelledDocument",
    "LabelledQuote",
    "document_from_dict",
    "document_to_dict",
    "from_result",
    "gold_kind",
    "iter_jsonl",
    "load",
    "read_brat",
    "read_jsonl",
    "write_jsonl",
]


# ---------------------------------------------------------------------------
# dicts <-> documents


def _parse_mapping(value: Any, what: str) -> dict[str, Any]:
    """A mapping stored as a mapping, a JSON string or a Python-repr string."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except RecursionError:
            raise ValueError(f"{what} is JSON nested too deeply to read") from None
        except ValueError:
            try:
                parsed = ast.literal_eval(value)
            except (ValueError, SyntaxError, RecursionError, MemoryError) as exc:
                raise ValueError(f"{what} is a string that is neither JSON nor a Python literal") from exc
        if isinstance(parsed, Mapping):
            return dict(parsed)
    raise ValueError(f"{what} must be a mapping (got {type(value).__name__})")


def _quote_from_dict(q: Mapping[str, Any]) -> LabelledQuote:
    if not isinstance(q, Mapping):
        raise ValueError(f"a quote must be an object (got {type(q).__name__})")
    spans = _pairs(q["spans"]) if q.get("spans") else (_pair([q["start"], q["end"]]),)
    conf = q.get("confidence")
    return LabelledQuote(
        spans=spans,
        kind=q.get("kind"),
        cue=q.get("cue"),
        speaker=q.get("speaker"),
        speaker_entity=q.get("speaker_entity"),
        speaker_mentions=q.get("speaker_mentions") or (),
        optional=bool(q.get("optional", False)),
        cue_class=q.get("cue_class"),
        confidence=None if conf is None else float(conf),
        id=q.get("id"),
        speaker_form=q.get("speaker_form"),
    )


def document_from_dict(d: Mapping[str, Any]) -> LabelledDocument:
    """A document from one parsed line of the gold JSONL format.

    ``entities`` and ``mentions`` are read from the top level or, failing
    that, from ``meta`` (LitBank), where they may be JSON strings or
    Python-repr strings.

    Raises:
        SerializationError: when *d* does not describe a document.
    """
    if not isinstance(d, Mapping):
        raise SerializationError(f"a document must be a JSON object (got {type(d).__name__})")
    try:
        text = d["text"]
        if not isinstance(text, str):
            raise ValueError(f"'text' must be a string (got {type(text).__name__})")
        meta = dict(d.get("meta") or {})
        ents = _parse_mapping(d["entities"] if "entities" in d else meta.get("entities"), "entities")
        ments = _parse_mapping(d["mentions"] if "mentions" in d else meta.get("mentions"), "mentions")
        quotes = d.get("quotes") or []
        if not isinstance(quotes, list):
            raise ValueError("'quotes' must be a list")
        return LabelledDocument(
            id=str(d.get("id", "")),
            text=text,
            quotes=[_quote_from_dict(q) for q in quotes],
            entities={str(k): tuple(v or ()) for k, v in ents.items()},
            mentions={
                str(k): tuple((int(m[0]), int(m[1]), str(m[2]) if len(m) > 2 else "") for m in v or ())
                for k, v in ments.items()
            },
            source=d.get("source"),
            meta=meta,
        )
    except SerializationError:
        raise
    except KeyError as exc:
        raise SerializationError(f"missing field {exc}") from exc
    except (TypeError, ValueError, IndexError, OverflowError) as exc:
        raise SerializationError(str(exc)) from exc
    except RecursionError:
        raise SerializationError("a value is nested too deeply to read") from None


def _quote_to_dict(text: str, q: LabelledQuote) -> dict[str, Any]:
    out: dict[str, Any] = {
        "start": q.start,
        "end": q.end,
        "kind": q.kind,
        "cue": None if q.cue is None else list(q.cue),
        "speaker": None if q.speaker is None else list(q.speaker),
        "speaker_text": None if q.speaker is None else text[q.speaker[0] : q.speaker[1]],
        "id": q.id,
        "spans": [list(s) for s in q.spans],
        "cue_text": None if q.cue is None else text[q.cue[0] : q.cue[1]],
        "cue_class": q.cue_class,
        "speaker_entity": q.speaker_entity,
        "speaker_form": q.speaker_form,
        "optional": q.optional,
    }
    if q.confidence is not None:
        out["confidence"] = q.confidence
    if q.speaker_mentions:
        out["speaker_mentions"] = [list(m) for m in q.speaker_mentions]
    return out


def document_to_dict(doc: LabelledDocument) -> dict[str, Any]:
    """One line of the gold JSONL format; :func:`document_from_dict` inverts it."""
    out: dict[str, Any] = {
        "id": doc.id,
        "source": doc.source,
        "text": doc.text,
        "quotes": [_quote_to_dict(doc.text, q) for q in doc.quotes],
        "entities": {k: list(v) for k, v in doc.entities.items()},
        "mentions": {k: [list(m) for m in v] for k, v in doc.mentions.items()},
    }
    if doc.meta:
        out["meta"] = dict(doc.meta)
    return out


# ---------------------------------------------------------------------------
# JSONL


def iter_jsonl(path: str | os.PathLike[str]) -> Iterator[LabelledDocument]:
    """The documents of a gold-format JSONL file, one per non-blank line.

    Raises:
        CorpusFormatError: naming the file and line of a malformed line.
        FileNotFoundError: when the file does not exist.
    """
    # Lines end at b"\n" only (a text may hold U+2028, U+2029 or U+0085),
    # and each is decoded alone, so a bad byte is reported with its line.
    for _, doc in _numbered(path):
        yield doc


def _decode_line(raw: bytes, path: Path, lineno: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusFormatError(
            f"{path}:{lineno}: not valid UTF-8 (byte {raw[exc.start : exc.start + 1]!r} at column {exc.start + 1})"
        ) from None


def read_jsonl(path: str | os.PathLike[str]) -> list[LabelledDocument]:
    """All documents of a gold-format JSONL file (see :func:`iter_jsonl`).

    Raises:
        CorpusFormatError: naming the file and line of a malformed line.
        FileNotFoundError: when the file does not exist.
    """
    return list(iter_jsonl(path))


def check_unique_ids(path: str | os.PathLike[str], role: str = "gold") -> None:
    """Raise when two lines of a JSONL file hold the same document id.

    Args:
        path: a JSONL corpus file.
        role: what the file is, for the message (``"gold"``, ``"prediction"``).

    Raises:
        CorpusFormatError: ``"<path>: gold file holds document id 'd1' twice
            (line 3, first on line 1)"``.
    """
    first: dict[str, int] = {}
    for n, doc in _numbered(path):
        if doc.id in first:
            raise CorpusFormatError(
                f"{path}: {role} file holds document id {doc.id!r} twice (line {n}, first on line {first[doc.id]})"
            )
        first[doc.id] = n


def _numbered(path: str | os.PathLike[str]) -> Iterator[tuple[int, LabelledDocument]]:
    p = Path(path)
    with p.open("rb") as f:
        for n, raw in enumerate(f, 1):
            line = _decode_line(raw, p, n)
            if line.strip():
                try:
                    d = parse_json_line(line)
                except ValueError as exc:
                    raise CorpusFormatError(f"{p}:{n}: {exc}") from None
                try:
                    yield n, document_from_dict(d)
                except SerializationError as exc:
                    raise CorpusFormatError(f"{p}:{n}: {exc}") from exc


def write_jsonl(docs: Iterable[LabelledDocument], out: str | os.PathLike[str] | IO[str]) -> int:
    """Write *docs* in the gold JSONL format; returns the number written.

    Predictions written this way can be read back by :func:`read_jsonl` and
    scored with ``quoteattr evaluate GOLD --pred FILE``.
    """
    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8") as f:
            return write_jsonl(docs, f)
    n = 0
    for doc in docs:
        out.write(json.dumps(document_to_dict(doc), ensure_ascii=False) + "\n")
        n += 1
    return n


def load(path: str | os.PathLike[str], *, id_prefix: str | None = None) -> list[LabelledDocument]:
    """Read a gold or prediction corpus: a brat folder or a JSONL file.

    Args:
        path: a JSONL file, or a folder with ``text/`` and ``attributions/``.
        id_prefix: for brat folders, the document id prefix; by default
            ``"polnear-dev-"`` when the folder is named ``polnear-dev-brat``
            (so that ids match ``polnear-dev.jsonl``), else none.

    Raises:
        CorpusFormatError: for malformed content.
        FileNotFoundError: when *path* does not exist.
    """
    p = Path(path)
    if p.is_dir():
        if id_prefix is None:
            id_prefix = p.name[: -len("brat")] if p.name.endswith("-brat") else ""
        return read_brat(p, id_prefix=id_prefix)
    if not p.exists():
        raise FileNotFoundError(f"no such gold or prediction file: {p}")
    return read_jsonl(p)


# ---------------------------------------------------------------------------
# results


def from_result(result: Any, *, id: str | None = None, source: str | None = None) -> LabelledDocument:
    """Convert a :class:`quoteattr.Result` into a labelled document.

    Each quote's parts become the spans, its cue and speaker mention the cue
    and speaker, its entity's name the ``speaker_entity`` and the entity's
    mentions ``speaker_mentions``; confidence and kind are kept. The
    document's ``entities`` map each named entity to its aliases.

    Args:
        result: a :class:`quoteattr.Result`.
        id: the document id (default: ``result.id`` or ``""``).
        source: the source name (default: the result's engine).

    Raises:
        InputTypeError: when *result* is not a :class:`quoteattr.Result`.
    """
    from .errors import InputTypeError
    from .model import Result

    if not isinstance(result, Result):
        raise InputTypeError(f"from_result() needs a quoteattr.Result (got {type(result).__name__})")
    quotes = []
    for q in result.quotes:
        sp = q.speaker
        quotes.append(
            LabelledQuote(
                spans=[(p.start, p.end) for p in q.parts],
                kind=q.kind.value,
                cue=None if q.cue is None else (q.cue.start, q.cue.end),
                speaker=None if sp is None else (sp.mention.start, sp.mention.end),
                speaker_entity=None if sp is None else sp.entity.name,
                speaker_mentions=() if sp is None else [(m.start, m.end) for m in sp.entity.mentions],
                cue_class=None if q.cue_class is None else q.cue_class.value,
                confidence=q.confidence,
                id=q.rule or None,
            )
        )
    entities = {s.name: tuple(s.aliases) or (s.name,) for s in result.speakers if s.name}
    return LabelledDocument(
        id=id if id is not None else (result.id or ""),
        text=result.text,
        quotes=quotes,
        entities=entities,
        source=source if source is not None else result.engine,
    )
