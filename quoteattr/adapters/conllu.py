"""CoNLL-U fixtures with gold parses, entities and coreference (GUM).

The GUM corpus ships gold Universal Dependencies parses and, in the MISC
column, CorefUD-style ``Entity=`` brackets. Its files store no character
offsets, so :func:`read_conllu` rebuilds the text from the word forms:

* tokens are joined by one space unless ``SpaceAfter=No``;
* sentences of one paragraph are joined the same way;
* ``# newpar`` starts a new paragraph, separated by a blank line (``\\n\\n``);
* a multiword token (``14-15  I've``) puts its *token* form in the text; its
  words get sub-spans when their forms spell the token exactly
  (``I`` + ``'ve``), otherwise the whole token's span;
* empty nodes (``12.1``) are dropped, as stanza does.

The ``Entity=`` brackets give every mention: ``(12-person-...`` opens a
mention of entity 12 on this word, ``12)`` closes the innermost open mention
of entity 12, and ``(12-person-...)`` is a one-word mention. Discontinuous
pieces (``(12[1/2]-...``) are read as separate pieces and merged into one
mention spanning them.

The result is a :class:`ConlluDocument` that gives both a stanza-free
:class:`~quoteattr.annotations.Annotation` (:meth:`ConlluDocument.annotation`)
and an annotated ``stanza.Document`` (:func:`to_stanza_document`), with
``doc.coref`` set exactly as stanza's coref processor would set it.

This module reads (lines, text, words, mention brackets);
:mod:`quoteattr.adapters.conllu_document` holds the records it builds and what
they derive, and :mod:`quoteattr.adapters.conllu_stanza` the conversion to
stanza, the only part that needs stanza (imported lazily). Their public names
are re-exported here.

Example:
    >>> d = read_conllu(text=SAMPLE)
    >>> d.text
    'He said: "I\\'ve won."'
    >>> [d.text[m.start:m.end] for m in d.mentions]
    ['He', 'I']
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import SerializationError
from .conllu_document import NER_LABELS, ConlluDocument, ConlluWord, GoldAttribution, GoldMention, _misc
from .conllu_stanza import to_stanza_document

__all__ = [
    "ConlluDocument",
    "ConlluWord",
    "GoldAttribution",
    "GoldMention",
    "NER_LABELS",
    "SAMPLE",
    "default_gum_dir",
    "iter_gum",
    "read_conllu",
    "to_stanza_document",
]

#: A tiny CoNLL-U document used in docstrings and tests: a multiword token
#: and two one-word mentions of the same entity.
SAMPLE = (
    "# newdoc id = sample\n"
    "# newpar\n"
    "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-s-cf1-1-coref)\n"
    "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t:\t:\tPUNCT\t:\t_\t2\tpunct\t_\t_\n"
    '4\t"\t"\tPUNCT\t``\t_\t7\tpunct\t_\tSpaceAfter=No\n'
    "5-6\tI've\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "5\tI\tI\tPRON\tPRP\t_\t7\tnsubj\t_\tEntity=(1-person-giv-s-cf1-1-coref)\n"
    "6\t've\thave\tAUX\tVBP\t_\t7\taux\t_\t_\n"
    "7\twon\twin\tVERB\tVBN\t_\t2\tccomp\t_\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\tSpaceAfter=No\n"
    "9\t\"\t\"\tPUNCT\t''\t_\t2\tpunct\t_\t_\n"
    "\n"
)

# Rule ``entity-bracket``: one opener ``(ID[i/n]-etype-...`` with an optional
# ``)`` right after it (a one-word mention), or one closer ``ID[i/n])``.
# Example: ``(5-time-new-sssss-cf2-1-coref)4)`` opens and closes a mention of
# entity 5 and closes one of entity 4.
_BRACKET_RE = re.compile(
    r"\((?P<oid>[^()\[\-]+)(?P<opart>\[\d+/\d+\])?-(?P<body>[^()]*)(?P<single>\))?|(?P<cid>[^()\[\-]+)(?P<cpart>\[\d+/\d+\])?\)"
)


def _parse_lines(raw: str, source: str) -> tuple[str, list[tuple[list[str], list[list[str]]]]]:
    """Split CoNLL-U into (doc id, [(comments, rows)]) with empty nodes dropped."""
    doc_id = ""
    sentences: list[tuple[list[str], list[list[str]]]] = []
    comments: list[str] = []
    rows: list[list[str]] = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        line = line.rstrip("\r")
        if not line.strip():
            if rows:
                sentences.append((comments, rows))
            elif comments and sentences:
                sentences[-1][0].extend(comments)
            comments, rows = [], []
            continue
        if line.startswith("#"):
            if rows:  # a comment inside a sentence: malformed, start a new one
                raise SerializationError(f"{source}:{lineno}: comment line inside a sentence")
            comments.append(line)
            if line.startswith("# newdoc id") and not doc_id:
                doc_id = line.split("=", 1)[1].strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise SerializationError(
                f"{source}:{lineno}: a CoNLL-U line needs 10 tab-separated columns (got {len(cols)})"
            )
        if "." in cols[0]:
            continue  # empty node (enhanced UD): not a surface word
        rows.append(cols)
    if rows:
        sentences.append((comments, rows))
    return doc_id, sentences


def read_conllu(path: str | os.PathLike[str] | None = None, *, text: str | None = None) -> ConlluDocument:
    """Read one CoNLL-U document, rebuilding its text and gold mentions.

    Args:
        path: a ``.conllu`` file holding one document.
        text: the CoNLL-U content itself, instead of *path*.

    Returns:
        The document with exact character offsets for every word and mention.

    Raises:
        SerializationError: when a line is not CoNLL-U or the entity brackets
            do not balance.
        FileNotFoundError: when *path* does not exist.
        TypeError: when neither or both of *path* and *text* are given.
    """
    if (path is None) == (text is None):
        raise TypeError("read_conllu() needs exactly one of path or text")
    source = "<string>" if path is None else str(path)
    if text is None:
        assert path is not None  # for mypy: the check above gives exactly one of them
        raw = Path(path).read_text(encoding="utf-8")
    else:
        raw = text
    doc_id, sents = _parse_lines(raw, source)
    if not doc_id and path is not None:
        doc_id = Path(path).stem
    text_, paragraphs, sentence_spans, words = _rebuild_text(sents)
    return ConlluDocument(
        id=doc_id,
        text=text_,
        paragraphs=tuple((a, b) for a, b in paragraphs),
        sentences=tuple(sentence_spans),
        words=tuple(words),
        mentions=tuple(_mentions(words, source)),
        source=source,
    )


def _rebuild_text(
    sents: list[tuple[list[str], list[list[str]]]],
) -> tuple[str, list[list[int]], list[tuple[int, int]], list[tuple[ConlluWord, ...]]]:
    """The text, paragraph spans, sentence spans and words of the parsed sentences.

    Sentences of one paragraph are joined by the last word's space (none
    after ``SpaceAfter=No``); ``# newpar`` starts a paragraph, two newlines on.
    """
    pieces: list[str] = []
    paragraphs: list[list[int]] = []
    sentence_spans: list[tuple[int, int]] = []
    words: list[tuple[ConlluWord, ...]] = []
    pos = 0
    prev_space = ""
    for si, (comments, rows) in enumerate(sents):
        newpar = si == 0 or any(c.strip() == "# newpar" or c.startswith("# newpar ") for c in comments)
        if si > 0:
            sep = "\n\n" if newpar else prev_space
            pieces.append(sep)
            pos += len(sep)
        if newpar:
            if paragraphs:
                paragraphs[-1][1] = sentence_spans[-1][1]
            paragraphs.append([pos, pos])
        sent_words, end, prev_space = _sentence_words(si, rows, pos, pieces, prev_space)
        sentence_spans.append((pos, end))
        words.append(tuple(sent_words))
        pos = end
    if paragraphs:
        paragraphs[-1][1] = sentence_spans[-1][1]
    return "".join(pieces), paragraphs, sentence_spans, words


def _sentence_words(
    si: int, rows: list[list[str]], pos: int, pieces: list[str], prev_space: str
) -> tuple[list[ConlluWord], int, str]:
    """The words of sentence *si*, its forms appended to *pieces* from offset *pos*.

    Returns the words, the offset after the sentence and the space that
    follows its last token (what joins it to the next sentence).
    """
    sent_words: list[ConlluWord] = []
    i = 0
    while i < len(rows):
        cols = rows[i]
        if "-" in cols[0]:
            sub, space_misc = _multiword(si, rows, i, pos, sent_words)
            i += 1 + len(sub)
        else:
            sent_words.append(_word(si, len(sent_words), cols, pos, pos + len(cols[1])))
            space_misc = _misc(cols[9])
            i += 1
        pieces.append(cols[1])
        pos += len(cols[1])
        space = "" if space_misc.get("SpaceAfter") == "No" else " "
        if i < len(rows):
            pieces.append(space)
            pos += len(space)
        prev_space = space if space else ""
    return sent_words, pos, prev_space


def _multiword(
    si: int, rows: list[list[str]], i: int, pos: int, sent_words: list[ConlluWord]
) -> tuple[list[list[str]], dict[str, str]]:
    """Append the words of the multiword token at ``rows[i]`` (text from *pos*).

    Its words get sub-spans when their forms spell the token exactly
    (``I've`` = ``I`` + ``'ve``), else the whole token's span. Returns the
    word rows and the MISC fields that say what space follows the token.
    """
    cols = rows[i]
    a, b = (int(x) for x in cols[0].split("-"))
    sub = rows[i + 1 : i + 1 + (b - a + 1)]
    form = cols[1]
    t_start, t_end = pos, pos + len(form)
    exact = "".join(r[1] for r in sub) == form
    off = t_start
    for r in sub:
        ws, we = (off, off + len(r[1])) if exact else (t_start, t_end)
        off += len(r[1])
        sent_words.append(_word(si, len(sent_words), r, ws, we))
    return sub, (_misc(cols[9]) if cols[9] != "_" else _misc(sub[-1][9]))


def _word(si: int, index: int, cols: list[str], start: int, end: int) -> ConlluWord:
    head = cols[6]
    return ConlluWord(
        sentence=si,
        index=index,
        form=cols[1],
        lemma=cols[2],
        upos=cols[3],
        xpos=cols[4],
        feats=cols[5],
        head=int(head) if head not in ("_", "") else 0,
        deprel=cols[7],
        misc=cols[9],
        start=start,
        end=end,
    )


def _mentions(words: list[tuple[ConlluWord, ...]], source: str) -> list[GoldMention]:
    """Gold mentions from the ``Entity=`` brackets (rule ``entity-bracket``)."""
    open_: dict[
        str, list[tuple[int, int, str, str, str]]
    ] = {}  # entity -> stack of (sent, word, etype, link, identity)
    pieces: dict[tuple[str, int, int], list[tuple[int, int, str, str, str, int]]] = {}
    out: list[
        tuple[int, int, int, str, str, str, str]
    ] = []  # sent, start_word, end_word, entity, etype, link, identity
    for si, ws in enumerate(words):
        for w in ws:
            value = _misc(w.misc).get("Entity")
            if not value:
                continue
            pos = 0
            for m in _BRACKET_RE.finditer(value):
                if m.start() != pos:
                    raise SerializationError(
                        f"{source}: sentence {si + 1}, word {w.index + 1}: cannot read Entity={value!r}"
                    )
                pos = m.end()
                if m.group("oid") is not None:
                    fields = m.group("body").split("-", 6)
                    etype = fields[0] if fields else ""
                    link = fields[5] if len(fields) > 5 else ""
                    identity = fields[6] if len(fields) > 6 else ""
                    eid = m.group("oid")
                    if m.group("single"):
                        _emit(out, pieces, eid, m.group("opart"), (si, w.index, etype, link, identity), w.index + 1)
                    else:
                        open_.setdefault(eid, []).append((si, w.index, etype, link, identity))
                else:
                    eid = m.group("cid")
                    stack = open_.get(eid)
                    if not stack:
                        raise SerializationError(
                            f"{source}: sentence {si + 1}, word {w.index + 1}: "
                            f"closing bracket of entity {eid} with no opener"
                        )
                    start = stack.pop()
                    if start[0] != si:
                        raise SerializationError(f"{source}: mention of entity {eid} crosses a sentence boundary")
                    _emit(out, pieces, eid, m.group("cpart"), start, w.index + 1)
            if pos != len(value):
                raise SerializationError(
                    f"{source}: sentence {si + 1}, word {w.index + 1}: cannot read Entity={value!r}"
                )
    left = [e for e, st in open_.items() if st]
    if left:
        raise SerializationError(f"{source}: mentions of entities {left} are never closed")
    for (eid, si, _n), ps in pieces.items():
        ps.sort()
        out.append((si, ps[0][1], ps[-1][5], eid, ps[0][2], ps[0][3], ps[0][4]))
    result = []
    for si, a, b, eid, etype, link, identity in out:
        ws = words[si]
        result.append(
            GoldMention(
                entity=eid, etype=etype, sentence=si, start_word=a, end_word=b,
                start=ws[a].start, end=ws[b - 1].end, link=link, identity=identity,
            )
        )  # fmt: skip
    result.sort(key=lambda m: (m.start, -m.end, m.entity))
    return result


def _emit(
    out: list[tuple[int, int, int, str, str, str, str]],
    pieces: dict[tuple[str, int, int], list[tuple[int, int, str, str, str, int]]],
    eid: str,
    part: str | None,
    start: tuple[int, int, str, str, str],
    end_word: int,
) -> None:
    si, a, etype, link, identity = start
    if part:  # a piece of a discontinuous mention: merged by entity and sentence
        n = int(part.strip("[]").split("/")[1])
        pieces.setdefault((eid, si, n), []).append((si, a, etype, link, identity, end_word))
        return
    out.append((si, a, end_word, eid, etype, link, identity))


def default_gum_dir() -> Path:
    """``$QUOTEATTR_DATA/gum``, else ``../shared/data/gum`` beside the checkout."""
    env = os.environ.get("QUOTEATTR_DATA")
    if env:
        return Path(env) / "gum"
    return Path(__file__).resolve().parents[3] / "shared" / "data" / "gum"


def iter_gum(folder: str | os.PathLike[str] | None = None, *, genre: str | None = "news") -> Iterator[ConlluDocument]:
    """Read the GUM documents of *folder*, sorted by name.

    Args:
        folder: the folder of ``GUM_*.conllu`` files (default
            :func:`default_gum_dir`).
        genre: ``"news"``, ``"interview"`` or ``None`` for every file.

    Raises:
        FileNotFoundError: when the folder does not exist.
    """
    d = Path(folder) if folder is not None else default_gum_dir()
    if not d.is_dir():
        raise FileNotFoundError(f"no GUM folder at {d} (set QUOTEATTR_DATA to the folder holding gum/)")
    pattern = f"GUM_{genre}_*.conllu" if genre else "*.conllu"
    for p in sorted(d.glob(pattern)):
        yield read_conllu(p)
