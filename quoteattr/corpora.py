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
import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import attrs

from ._io import parse_json_line
from .errors import CorpusFormatError, SerializationError

__all__ = [
    "CorpusFormatError",
    "LabelledDocument",
    "LabelledQuote",
    "document_from_dict",
    "document_to_dict",
    "from_result",
    "iter_jsonl",
    "load",
    "read_brat",
    "read_jsonl",
    "write_jsonl",
]

Pair = tuple[int, int]


def _pair(value: Any) -> Pair:
    if (
        isinstance(value, (list, tuple))
        and len(value) >= 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value[:2])
    ):
        return int(value[0]), int(value[1])
    raise ValueError(f"a span must be [start, end] with int offsets (got {value!r})")


def _opt_pair(value: Any) -> Pair | None:
    return None if value is None else _pair(value)


def _labelled_quotes(value: Iterable[LabelledQuote]) -> tuple[LabelledQuote, ...]:
    # typed, unlike ``converter=tuple``, so mypy's attrs plugin knows the argument
    return tuple(value)


def _pairs(value: Any) -> tuple[Pair, ...]:
    return tuple(_pair(v) for v in value)


@attrs.frozen(kw_only=True)
class LabelledQuote:
    """One quote, gold or predicted, in the shape the scorer compares.

    Args:
        spans: the content pieces, in text order (several for a
            discontinuous or split quote).
        kind: ``"direct"``, ``"indirect"``, ``"mixed"`` or ``None``.
        cue: the cue span, if any.
        speaker: the speaker mention span, if any.
        speaker_entity: gold: the speaker's entity key (a canonical name for
            the seeds, a coreference id for LitBank); predicted: the resolved
            entity's name.
        speaker_mentions: predicted only: every mention of the speaker's
            entity, used to match LitBank's gold mentions.
        optional: a borderline gold quote that is neither rewarded nor
            penalised.
        cue_class: ``"speech"``, ``"thought"``, ``"other"`` or ``None``.
        confidence: predicted only: the system's confidence.
        id: an identifier within the document (PolNeAR's ``E<n>``).
        speaker_form: the heuristic form of the gold speaker, if given.

    Raises:
        ValueError: when a span is malformed or the spans are not in order.
    """

    spans: tuple[Pair, ...] = attrs.field(converter=_pairs)
    kind: str | None = None
    cue: Pair | None = attrs.field(default=None, converter=_opt_pair)
    speaker: Pair | None = attrs.field(default=None, converter=_opt_pair)
    speaker_entity: str | None = None
    speaker_mentions: tuple[Pair, ...] = attrs.field(default=(), converter=_pairs)
    optional: bool = False
    cue_class: str | None = None
    confidence: float | None = None
    id: str | None = None
    speaker_form: str | None = None

    @spans.validator
    def _check_spans(self, attribute: attrs.Attribute[Any], value: tuple[Pair, ...]) -> None:
        if not value:
            raise ValueError("a quote needs at least one content span")
        for a, b in value:
            if not 0 <= a <= b:
                raise ValueError(f"content span [{a}, {b}) must have 0 <= start <= end")
        for (_, b), (c, _) in itertools.pairwise(value):
            if c < b:
                raise ValueError(f"content spans must be in order and not overlap (got {value!r})")

    @property
    def start(self) -> int:
        """Start of the first content span."""
        return self.spans[0][0]

    @property
    def end(self) -> int:
        """End of the last content span."""
        return self.spans[-1][1]


@attrs.frozen(kw_only=True)
class LabelledDocument:
    """A text with its labelled quotes.

    Args:
        id: the document id; gold and predictions are paired by it.
        text: the text, verbatim.
        quotes: the quotes, in file order.
        entities: canonical entity key -> proper-name aliases.
        mentions: entity key -> ``(start, end, form)`` mentions (LitBank).
        source: the corpus or engine name.
        meta: anything else the file carried, kept as it was.

    Raises:
        ValueError: when a span lies outside the text.
    """

    id: str
    text: str
    quotes: tuple[LabelledQuote, ...] = attrs.field(default=(), converter=_labelled_quotes)
    entities: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    mentions: Mapping[str, tuple[tuple[int, int, str], ...]] = attrs.field(factory=dict)
    source: str | None = None
    meta: Mapping[str, Any] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        n = len(self.text)
        for q in self.quotes:
            pairs = list(q.spans) + [p for p in (q.cue, q.speaker) if p is not None] + list(q.speaker_mentions)
            for a, b in pairs:
                if b < a:
                    raise ValueError(
                        f"span [{a}, {b}) of quote {q.id or q.spans} ends before it starts (end {b} < start {a})"
                    )
                if not 0 <= a <= b <= n:
                    raise ValueError(
                        f"span [{a}, {b}) of quote {q.id or q.spans} lies outside a text of {n} characters"
                    )


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


def _read_utf8(path: Path) -> str:
    """The whole file as UTF-8 text, newlines untouched; a bad byte is a CorpusFormatError naming line and column."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CorpusFormatError(
            f"{path}:{line}: not valid UTF-8 "
            f"(byte {data[exc.start : exc.start + 1]!r} at column {col}, byte offset {exc.start})"
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


# ---------------------------------------------------------------------------
# brat standoff (PolNeAR layout)

# An annotation file is named after its article plus "_<annotator id>":
# "politico_2016-09-08_flynn-says_4b22.ann" annotates "politico_2016-09-08_flynn-says.txt".
_ANN_NAME_RE = re.compile(r"^(?P<stem>.+)_(?P<annotator>[0-9A-Za-z]+)\.ann$")
# A text-bound line: "T3\tContent 115 290;300 310\tcovered text".
_T_LINE_RE = re.compile(r"^(?P<id>T\d+)\t(?P<type>[^\s]+) (?P<offsets>\d+ \d+(?:;\d+ \d+)*)\t?(?P<covered>.*)$")
# An event line: "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1".
_E_LINE_RE = re.compile(r"^(?P<id>E\d+)\t(?P<args>.*)$")


def _merge_touching(spans: list[Pair]) -> tuple[Pair, ...]:
    """Sort spans and merge those that touch or overlap: (0, 5), (5, 9) -> (0, 9)."""
    out: list[Pair] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)


def _read_ann(path: Path, text: str) -> list[LabelledQuote]:
    tb: dict[str, tuple[str, list[Pair]]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for n, raw in enumerate(_read_utf8(path).split("\n"), 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if line.startswith("T"):
            m = _T_LINE_RE.match(line)
            if m is None:
                raise CorpusFormatError(f"{path}:{n}: malformed text-bound annotation {line[:80]!r}")
            try:
                spans = [(int(a), int(b)) for a, b in (p.split() for p in m["offsets"].split(";"))]
            except ValueError:  # (an offset of over 4,300 digits)
                raise CorpusFormatError(f"{path}:{n}: offsets too large in {line[:80]!r}") from None
            for a, b in spans:
                if not 0 <= a <= b <= len(text):
                    raise CorpusFormatError(
                        f"{path}:{n}: span [{a}, {b}) lies outside the text ({len(text)} characters)"
                    )
            tb[m["id"]] = (m["type"], spans)
        elif line.startswith("E"):
            m = _E_LINE_RE.match(line)
            if m is None:
                raise CorpusFormatError(f"{path}:{n}: malformed event {line[:80]!r}")
            roles: dict[str, str] = {}
            for arg in m["args"].split():
                role, sep, target = arg.partition(":")
                if not sep:
                    raise CorpusFormatError(f"{path}:{n}: malformed event argument {arg!r}")
                roles[role] = target
            events.append((m["id"], roles))
        # Relations (R), notes (#), attributes (A/M) carry nothing we score.
    quotes = []
    for eid, roles in events:
        content: list[Pair] = []
        # "Content", "Content2", ...: the pieces of a discontinuous content.
        for role in sorted(r for r in roles if r.startswith("Content")):
            content.extend(_target(tb, roles[role], path, eid)[1])
        if not content:
            continue  # a relation with no content cannot be scored
        cue = _hull(_target(tb, roles["Cue"], path, eid)[1]) if "Cue" in roles else None
        source = _hull(_target(tb, roles["Source"], path, eid)[1]) if "Source" in roles else None
        quotes.append(LabelledQuote(spans=_merge_touching(content), cue=cue, speaker=source, id=eid))
    # Text order; the event number breaks ties.
    return sorted(quotes, key=lambda q: (q.start, q.end, int(q.id[1:]) if q.id and q.id[1:].isdigit() else 0))


def _target(tb: Mapping[str, tuple[str, list[Pair]]], tid: str, path: Path, eid: str) -> tuple[str, list[Pair]]:
    try:
        return tb[tid]
    except KeyError:
        raise CorpusFormatError(f"{path}: event {eid} refers to {tid}, which the file does not define") from None


def _hull(spans: list[Pair]) -> Pair:
    return min(a for a, _ in spans), max(b for _, b in spans)


# Rule ``gold-kind`` (this module's own, independent of the engine under
# evaluation): a gold quote's kind comes from the double quotation marks of
# its paragraph, read with the simplest pairing there is. Curly and
# angle marks open (“ „ «) or close (” »), and ” opens at the start of a
# line (a paragraph that goes on quoting); a straight " opens when nothing
# is open and closes otherwise. Of the single marks, ‘ opens after a
# non-letter and ’ closes before a non-letter ("don’t" closes nothing);
# straight ' is not read, being mostly an apostrophe. A paragraph ends
# at a blank line, and an opener
# left open there covers the rest of its paragraph. Letters and digits of
# the content all inside marks: direct; some: mixed; none: indirect.
#   'He said "we will win" today.' with content [9, 20): direct;
#   content 'he would "win big"' (partly inside): mixed.
_GOLD_OPENERS = "“„«"
_GOLD_CLOSERS = "”»"
_GOLD_PARAGRAPH_RE = re.compile(r"\n[ \t\r]*\n")


def gold_kind(text: str, spans: Iterable[Pair]) -> str:
    """The kind of a gold quote with these content *spans* (rule ``gold-kind``).

    Example:
        >>> t = 'He said "we will win" today, and that he would "win big".'
        >>> gold_kind(t, [(9, 20)]), gold_kind(t, [(37, 56)]), gold_kind(t, [(0, 7)])
        ('direct', 'mixed', 'indirect')
    """
    spans = list(spans)
    if not spans:
        return "indirect"
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    # from the start of the first span's paragraph to the end of the last span
    pa = max((m.end() for m in _GOLD_PARAGRAPH_RE.finditer(text, 0, lo)), default=0)
    resets = {m.end() for m in _GOLD_PARAGRAPH_RE.finditer(text, pa, hi)}
    inside = bytearray(max(0, hi - pa))
    depth = single = 0
    for i in range(pa, hi):
        if i in resets:
            depth = single = 0
        c = text[i]
        prev = text[i - 1] if i > 0 else "\n"
        if c in _GOLD_OPENERS or (c == '"' and depth == 0) or (c == "”" and depth == 0 and prev == "\n"):
            depth += 1
        elif (c in _GOLD_CLOSERS or c == '"') and depth > 0:
            depth -= 1
        elif c == "‘" and not prev.isalnum():
            single += 1
        elif c == "’" and single > 0 and not text[i + 1 : i + 2].isalpha():
            single -= 1
        elif depth > 0 or single > 0:
            inside[i - pa] = 1
    n_in = n_out = 0
    for a, b in spans:
        for i in range(max(a, pa), min(b, hi)):
            if text[i].isalnum():
                if inside[i - pa]:
                    n_in += 1
                else:
                    n_out += 1
    if n_in and not n_out:
        return "direct"
    return "mixed" if n_in else "indirect"


def _with_kinds(text: str, quotes: list[LabelledQuote]) -> list[LabelledQuote]:
    return [attrs.evolve(q, kind=gold_kind(text, q.spans)) for q in quotes]


def read_brat(
    folder: str | os.PathLike[str], *, annotator: str | None = None, id_prefix: str = ""
) -> list[LabelledDocument]:
    """Read brat standoff attribution files in the PolNeAR layout.

    *folder* holds ``text/<article>.txt`` and
    ``attributions/<article>_<annotator>.ann``. Each ``E`` event with a
    ``Content`` argument becomes a quote: its content spans are the pieces of
    ``Content``, ``Content2``, ... sorted, with touching pieces merged; its cue
    and speaker are the hulls of ``Cue`` and ``Source`` (absent for
    ``Attribution-no-source``). Events without content are skipped. The kind
    is computed by rule ``gold-kind`` (:func:`gold_kind`), a pairing of
    double quotation marks that belongs to this module: the engine under
    evaluation does not label its own gold. ``cue_class`` is not annotated in brat and is left ``None``.

    Args:
        folder: the folder holding ``text/`` and ``attributions/``.
        annotator: use this annotator's file for each article; by default
            the lexicographically first annotator id of each article.
        id_prefix: prepended to the article name to make the document id
            (``"polnear-dev-"`` gives the ids of ``polnear-dev.jsonl``).

    Returns:
        One document per article that has an annotation file, sorted by name.

    Raises:
        CorpusFormatError: for a malformed line, a missing text or a span
            outside the text.
        FileNotFoundError: when *folder* lacks ``text/`` or ``attributions/``.
    """
    root = Path(folder)
    text_dir, ann_dir = root / "text", root / "attributions"
    for d in (text_dir, ann_dir):
        if not d.is_dir():
            raise FileNotFoundError(f"{root} is not a brat attribution folder: {d} is missing")
    chosen: dict[str, tuple[str, Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        m = _ANN_NAME_RE.match(ann.name)
        stem, who = (m["stem"], m["annotator"]) if m else (ann.stem, "")
        if not (text_dir / f"{stem}.txt").exists() and (text_dir / f"{ann.stem}.txt").exists():
            stem, who = ann.stem, ""
        if annotator is not None and who != annotator:
            continue
        if stem not in chosen or who < chosen[stem][0]:
            chosen[stem] = (who, ann)
    docs = []
    for stem in sorted(chosen):
        who, ann = chosen[stem]
        txt = text_dir / f"{stem}.txt"
        if not txt.exists():
            raise CorpusFormatError(f"{ann}: no text file {txt} for this annotation file")
        text = _read_utf8(txt)
        quotes = _with_kinds(text, _read_ann(ann, text))
        docs.append(
            LabelledDocument(
                id=f"{id_prefix}{stem}",
                text=text,
                quotes=quotes,
                source="brat",
                meta={"filename": stem, "annotator": who},
            )
        )
    return docs


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
