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

Only :func:`to_stanza_document` needs stanza; it imports it lazily.

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
from typing import Any

import attrs

from ..annotations import Annotation, CorefChain, EntityMention, Tokens
from ..errors import MissingAnnotationError, SerializationError, StanzaNotInstalledError

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

# Rule ``ner-from-mentions``: GUM entity types that a named-entity recogniser
# labels, with stanza's (OntoNotes) labels. "Cres Eastman" (person) -> PERSON.
NER_LABELS = {
    "event": "EVENT",
    "object": "PRODUCT",
    "organization": "ORG",
    "person": "PERSON",
    "place": "GPE",
    "time": "DATE",
}
# Words that may sit between proper nouns of one name: "University of Helsinki",
# "Food Standards Australia and New Zealand".
_NAME_JOINERS = frozenset({"of", "and", "&", "for", "de", "the"})


@attrs.frozen(kw_only=True)
class ConlluWord:
    """One syntactic word (not a multiword token) with its character span.

    ``head`` is the 1-based id of the head word within the sentence (0 for
    the root), as in CoNLL-U; ``index`` is the 0-based index within the
    sentence.
    """

    sentence: int
    index: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    misc: str
    start: int
    end: int


@attrs.frozen(kw_only=True)
class GoldMention:
    """A gold entity mention from the ``Entity=`` brackets.

    Args:
        entity: the coreference cluster id (``"12"``).
        etype: the entity type (``"person"``, ``"organization"`` ...).
        sentence: 0-based sentence index.
        start_word, end_word: 0-based word indices within the sentence,
            ``end_word`` exclusive (stanza's ``CorefMention`` convention).
        start, end: character span in the rebuilt text.
        link: the GUM link type (``coref``, ``ana``, ``appos``, ``sgl`` ...).
        identity: the Wikipedia identity, if annotated.
    """

    entity: str
    etype: str
    sentence: int
    start_word: int
    end_word: int
    start: int
    end: int
    link: str = ""
    identity: str = ""


@attrs.frozen(kw_only=True)
class GoldAttribution:
    """A gold attribution relation from GUM's discourse layer (``Discourse=``).

    GUM's RST analysis links an attributing clause ("researchers say") to the
    clause it reports with an ``attribution-positive`` or
    ``attribution-negative`` relation, and its signals mark the indicative
    words (the cue, ``lex-indwd``/``lex-indph``) and the source noun phrase
    (``sem-atsrc``) by document-level word numbers.

    Args:
        source: character span of the attributing unit ("researchers say.").
        content: character span of the unit it attributes (the head unit of
            the reported content).
        cue: character spans of the cue words ("say", "According to").
        holder: character spans of the source words ("researchers").
        polarity: ``"positive"`` or ``"negative"`` ("denied that").
    """

    source: tuple[int, int]
    content: tuple[int, int]
    cue: tuple[tuple[int, int], ...]
    holder: tuple[tuple[int, int], ...]
    polarity: str


@attrs.frozen(kw_only=True)
class ConlluDocument:
    """A CoNLL-U document with its rebuilt text and gold mentions."""

    id: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    words: tuple[tuple[ConlluWord, ...], ...]
    mentions: tuple[GoldMention, ...]
    source: str = ""

    def chains(self, *, min_mentions: int = 2) -> list[list[GoldMention]]:
        """Mentions grouped by entity, in order of first mention.

        Args:
            min_mentions: drop entities with fewer mentions (2 drops
                singletons, as stanza's coref output has none).
        """
        groups: dict[str, list[GoldMention]] = {}
        for m in self.mentions:
            groups.setdefault(m.entity, []).append(m)
        return [ms for ms in groups.values() if len(ms) >= min_mentions]

    def representative(self, chain: list[GoldMention]) -> int:
        """Index of the chain's representative mention, by stanza's rule.

        Rule ``representative-longest``: the mention with the most words; ties
        go to the one with more proper nouns, then to the earliest (as in
        ``stanza.pipeline.coref_processor``).
        """
        best, best_len, best_propn = 0, -1, -1
        for i, m in enumerate(chain):
            n = m.end_word - m.start_word
            propn = sum(w.upos == "PROPN" for w in self.words[m.sentence][m.start_word : m.end_word])
            if n > best_len or (n == best_len and propn > best_propn):
                best, best_len, best_propn = i, n, propn
        return best

    def named_entities(self) -> list[EntityMention]:
        """Flat named-entity mentions derived from the gold mentions.

        Rule ``ner-from-mentions``: a mention whose syntactic head is a proper
        noun and whose type is in :data:`NER_LABELS` gives the run of proper
        nouns around the head ("the University of Helsinki" -> "University
        of Helsinki"); overlapping runs keep the earlier, longer one.
        """
        out: list[tuple[int, int, str, int, int, int]] = []
        for m in sorted(self.mentions, key=lambda m: (m.start, -m.end)):
            label = NER_LABELS.get(m.etype)
            if label is None:
                continue
            run = self._name_run(m)
            if run is None:
                continue
            a, b = run
            ws = self.words[m.sentence]
            s, e = ws[a].start, ws[b - 1].end
            if any(s < oe and os_ < e for os_, oe, *_ in out):
                continue
            out.append((s, e, label, m.sentence, a, b))
        return [EntityMention(start=s, end=e, label=lab) for s, e, lab, *_ in out]

    def named_entity_words(self) -> list[tuple[int, int, int, str]]:
        """``(sentence, start_word, end_word, label)`` of :meth:`named_entities`."""
        spans = {(e.start, e.end): e.label for e in self.named_entities()}
        out = []
        for si, ws in enumerate(self.words):
            starts = {w.start: w.index for w in ws}
            ends = {w.end: w.index for w in ws}
            for (s, e), lab in spans.items():
                if (
                    s in starts
                    and e in ends
                    and ws[starts[s]].start >= self.sentences[si][0]
                    and e <= self.sentences[si][1]
                ):
                    out.append((si, starts[s], ends[e] + 1, lab))
        return sorted(out)

    def _name_run(self, m: GoldMention) -> tuple[int, int] | None:
        ws = self.words[m.sentence]
        lo, hi = m.start_word, m.end_word
        head = None
        for w in ws[lo:hi]:
            if not lo < w.head <= hi:  # head outside the mention (1-based ids)
                head = w
                break
        if head is None or head.upos != "PROPN":
            return None
        a, b = head.index, head.index + 1
        while a > lo and (
            ws[a - 1].upos == "PROPN"
            or (ws[a - 1].form.lower() in _NAME_JOINERS and a - 2 >= lo and ws[a - 2].upos == "PROPN")
        ):
            a -= 1
        while b < hi and (
            ws[b].upos == "PROPN" or (ws[b].form.lower() in _NAME_JOINERS and b + 1 < hi and ws[b + 1].upos == "PROPN")
        ):
            b += 1
        return a, b

    def attributions(self) -> list[GoldAttribution]:
        """Gold attribution relations of GUM's ``Discourse=`` layer, in text order.

        Rule ``discourse-units``: a word whose MISC has ``Discourse=`` starts
        a discourse unit (``rel:ID->PARENT:...`` or ``ROOT:ID:...``); the unit
        runs to the word before the next start. Signal word numbers count
        syntactic words from 1 over the whole document. Several relations of
        one unit are separated by ``;``.

        Raises:
            SerializationError: when a relation points to a unit that does
                not exist.
        """
        words = [w for ws in self.words for w in ws]
        starts: list[tuple[int, int]] = []  # (word index, unit id)
        rels: list[tuple[int, int, str, list[str]]] = []  # (unit, parent, relation, signals)
        for wi, w in enumerate(words):
            value = _misc(w.misc).get("Discourse")
            if not value:
                continue
            for k, rel in enumerate(value.split(";")):
                fields = rel.split(":")
                if fields[0] == "ROOT":
                    unit = int(fields[1])
                elif "->" in fields[1]:
                    a, b = fields[1].split("->")
                    unit = int(a)
                    if fields[0].startswith("attribution"):
                        rels.append((unit, int(b), fields[0], fields[-1].split("+")))
                else:
                    continue
                if k == 0:
                    starts.append((wi, unit))
        starts.sort()
        spans: dict[int, tuple[int, int]] = {}
        for i, (wi, unit) in enumerate(starts):
            last = (starts[i + 1][0] if i + 1 < len(starts) else len(words)) - 1
            spans[unit] = (words[wi].start, words[last].end)
        out = []
        for unit, parent, rel, signals in rels:
            if unit not in spans or parent not in spans:
                raise SerializationError(
                    f"{self.source}: attribution between unknown discourse units {unit} and {parent}"
                )
            cue: list[tuple[int, int]] = []
            holder: list[tuple[int, int]] = []
            for sig in signals:
                parts = sig.split("-")
                if len(parts) < 4 or parts[0] not in ("lex", "sem"):
                    continue
                target = cue if parts[1] in ("indwd", "indph") else holder if parts[1] == "atsrc" else None
                if target is None:
                    continue
                for n in _numbers("-".join(parts[2:-1])):
                    if 1 <= n <= len(words):
                        target.append((words[n - 1].start, words[n - 1].end))
            out.append(
                GoldAttribution(
                    source=spans[unit],
                    content=spans[parent],
                    cue=tuple(_merge(cue)),
                    holder=tuple(_merge(holder)),
                    polarity=rel.rsplit("-", 1)[-1],
                )
            )
        return sorted(out, key=lambda g: (min(g.source[0], g.content[0]), g.source))

    def annotation(self) -> Annotation:
        """The gold :class:`Annotation` (no stanza needed).

        Tokens are the syntactic words with UPOS, XPOS, lemma, features,
        document-level heads and relations; entities come from
        :meth:`named_entities` and chains from :meth:`chains`.
        """
        starts, ends, sent, upos, xpos, lemma, feats, head, deprel = ([] for _ in range(9))
        base = 0
        for si, ws in enumerate(self.words):
            for w in ws:
                starts.append(w.start)
                ends.append(w.end)
                sent.append(si)
                upos.append(w.upos)
                xpos.append(w.xpos)
                lemma.append(w.lemma)
                feats.append(w.feats)
                head.append(-1 if w.head == 0 else base + w.head - 1)
                deprel.append(w.deprel)
            base += len(ws)
        tokens = Tokens(
            starts=starts,
            ends=ends,
            sentence=sent,
            upos=upos,
            xpos=xpos,
            lemma=lemma,
            feats=feats,
            head=head,
            deprel=deprel,
        )
        chains = []
        for ms in self.chains():
            chains.append(
                CorefChain(
                    id=ms[0].entity,
                    mentions=[(m.start, m.end) for m in ms],
                    representative=self.representative(ms),
                    label=ms[0].etype,
                )
            )
        return Annotation(
            text=self.text,
            paragraphs=self.paragraphs,
            sentences=self.sentences,
            tokens=tokens,
            entities=self.named_entities(),
            chains=chains,
            source="conllu",
        )


def _numbers(spec: str) -> list[int]:
    """Word numbers of a signal: ``"24-25,128"`` -> 24, 25, 128."""
    out: list[int] = []
    for item in spec.split(","):
        a, _, b = item.partition("-")
        if a.isdigit() and (not b or b.isdigit()):
            out.extend(range(int(a), int(b or a) + 1))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent word spans (one space apart at most) joined: "According", "to" -> "According to"."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(set(spans)):
        if out and a - out[-1][1] <= 1:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _misc(misc: str) -> dict[str, str]:
    out = {}
    if misc and misc != "_":
        for piece in misc.split("|"):
            k, _, v = piece.partition("=")
            out[k] = v
    return out


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

    pieces: list[str] = []
    pos = 0
    paragraphs: list[list[int]] = []
    sentence_spans: list[tuple[int, int]] = []
    words: list[tuple[ConlluWord, ...]] = []
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
        sent_words: list[ConlluWord] = []
        i = 0
        s_start = pos
        while i < len(rows):
            cols = rows[i]
            if "-" in cols[0]:
                a, b = (int(x) for x in cols[0].split("-"))
                sub = rows[i + 1 : i + 1 + (b - a + 1)]
                form = cols[1]
                t_start, t_end = pos, pos + len(form)
                forms = [r[1] for r in sub]
                exact = "".join(forms) == form
                off = t_start
                for r in sub:
                    ws, we = (off, off + len(r[1])) if exact else (t_start, t_end)
                    off += len(r[1])
                    sent_words.append(_word(si, len(sent_words), r, ws, we))
                space_misc = _misc(cols[9]) if cols[9] != "_" else _misc(sub[-1][9])
                i += 1 + len(sub)
            else:
                form = cols[1]
                t_start, t_end = pos, pos + len(form)
                sent_words.append(_word(si, len(sent_words), cols, t_start, t_end))
                space_misc = _misc(cols[9])
                i += 1
            pieces.append(form)
            pos = t_end
            space = "" if space_misc.get("SpaceAfter") == "No" else " "
            last = i >= len(rows)
            if not last:
                pieces.append(space)
                pos += len(space)
            prev_space = space if space else ""
        sentence_spans.append((s_start, pos))
        words.append(tuple(sent_words))
    if paragraphs:
        paragraphs[-1][1] = sentence_spans[-1][1]
    full = "".join(pieces)
    mentions = _mentions(words, source)
    return ConlluDocument(
        id=doc_id,
        text=full,
        paragraphs=tuple((a, b) for a, b in paragraphs),
        sentences=tuple(sentence_spans),
        words=tuple(words),
        mentions=tuple(mentions),
        source=source,
    )


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


def to_stanza_document(doc: ConlluDocument, conllu: str | None = None) -> Any:
    """An annotated ``stanza.Document`` for *doc*.

    The words come from ``stanza.utils.conll.CoNLL.conll2dict`` (so stanza
    reads the file itself), with ``start_char``/``end_char`` taken from the
    rebuilt text, ``doc.text`` set, BIOES ``ner`` tags from
    :meth:`ConlluDocument.named_entities` (so ``doc.ents`` is filled) and
    ``doc.coref`` set to the gold chains as ``CorefChain``/``CorefMention``.

    Args:
        doc: a document from :func:`read_conllu`.
        conllu: the CoNLL-U content; read from ``doc.source`` when omitted.

    Raises:
        StanzaNotInstalledError: when stanza is not installed.
        MissingAnnotationError: when stanza reads a different number of
            words than :func:`read_conllu` did.
    """
    try:
        from stanza.models.common.doc import Document
        from stanza.models.coref.coref_chain import CorefChain as StanzaChain
        from stanza.models.coref.coref_chain import CorefMention
        from stanza.utils.conll import CoNLL
    except ImportError as exc:
        raise StanzaNotInstalledError(
            "to_stanza_document() needs stanza: pip install 'quoteattr[stanza]' (install the torch CPU build first)"
        ) from exc
    raw = conllu if conllu is not None else Path(doc.source).read_text(encoding="utf-8")
    doc_dict, doc_comments, doc_empty = CoNLL.conll2dict(input_str=raw)
    if len(doc_dict) != len(doc.words):
        raise MissingAnnotationError(f"stanza read {len(doc_dict)} sentences, read_conllu {len(doc.words)}")
    ner = {(si, i): tag for si, a, b, lab in doc.named_entity_words() for i, tag in _bioes(a, b, lab)}
    for si, (sent, ws) in enumerate(zip(doc_dict, doc.words, strict=False)):
        wi = 0
        pending: list[dict[str, Any]] = []  # an MWT token entry and the words it still covers
        for entry in sent:
            ids = entry["id"]
            if len(ids) == 2:
                pending = [entry]
                n = ids[1] - ids[0] + 1
                sub = ws[wi : wi + n]
                entry["start_char"], entry["end_char"] = sub[0].start, sub[-1].end
                tags = [ner.get((si, w.index), "O") for w in sub]
                entry["ner"] = _token_tag(tags)
                continue
            w = ws[wi]
            if entry["text"] != w.form:
                raise MissingAnnotationError(
                    f"sentence {si + 1}: stanza read word {entry['text']!r}, read_conllu {w.form!r}"
                )
            entry["start_char"], entry["end_char"] = w.start, w.end
            if not (pending and ids[0] <= pending[0]["id"][1]):
                entry["ner"] = ner.get((si, wi), "O")
            wi += 1
        if wi != len(ws):
            raise MissingAnnotationError(f"sentence {si + 1}: stanza read {wi} words, read_conllu {len(ws)}")
    sdoc = Document(doc_dict, text=None, comments=doc_comments, empty_sentences=doc_empty)
    sdoc.text = doc.text
    for sentence, (a, b) in zip(sdoc.sentences, doc.sentences, strict=False):
        sentence.text = doc.text[a:b]
    sdoc.build_ents()
    chains: list[Any] = []  # stanza's CorefChain; stanza has no type information
    for ms in doc.chains():
        rep = doc.representative(ms)
        r = ms[rep]
        chains.append(
            StanzaChain(
                len(chains),
                [CorefMention(m.sentence, m.start_word, m.end_word) for m in ms],
                doc.text[r.start : r.end],
                rep,
            )
        )
    sdoc.coref = chains
    return sdoc


def _bioes(a: int, b: int, label: str) -> list[tuple[int, str]]:
    if b - a == 1:
        return [(a, f"S-{label}")]
    return [(a, f"B-{label}")] + [(i, f"I-{label}") for i in range(a + 1, b - 1)] + [(b - 1, f"E-{label}")]


def _token_tag(tags: list[str]) -> str:
    """One BIOES tag for a multiword token from its words' tags."""
    inside = [t for t in tags if t != "O"]
    if not inside:
        return "O"
    first, last = inside[0], inside[-1]
    label = first[2:]
    begins = first[0] in "BS"
    ends = last[0] in "ES"
    return {(True, True): "S-", (True, False): "B-", (False, True): "E-", (False, False): "I-"}[(begins, ends)] + label
