"""Brat standoff attribution files in the PolNeAR layout, and rule ``gold-kind``.

:func:`read_brat` reads a folder holding ``text/<article>.txt`` and
``attributions/<article>_<annotator>.ann`` into
:class:`~quoteattr.labelled.LabelledDocument` objects; :func:`gold_kind`
labels each gold quote direct, indirect or mixed from the quotation marks
around it, with a pairing of its own (the engine under evaluation does not
label its own gold). Both are re-exported by :mod:`quoteattr.corpora`, whose
:func:`~quoteattr.corpora.load` picks this reader for a folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from .errors import CorpusFormatError
from .labelled import LabelledDocument, LabelledQuote, Pair

__all__ = ["gold_kind", "read_brat"]

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
