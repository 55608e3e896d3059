"""The records of a CoNLL-U document: words, gold mentions and attributions.

:func:`quoteattr.adapters.conllu.read_conllu` builds a
:class:`ConlluDocument`; this module holds what it builds and what can be
derived from it without stanza: mention chains and their representatives,
named entities (rule ``ner-from-mentions``), GUM's attribution relations
(rule ``discourse-units``) and the stanza-free
:class:`~quoteattr.annotations.Annotation` (:meth:`ConlluDocument.annotation`).
The names are re-exported by :mod:`quoteattr.adapters.conllu`.

Example:
    >>> from quoteattr.adapters.conllu import SAMPLE, read_conllu
    >>> d = read_conllu(text=SAMPLE)
    >>> [[d.text[m.start:m.end] for m in chain] for chain in d.chains()]
    [['He', 'I']]
"""

from __future__ import annotations

import attrs

from ..annotations import Annotation, CorefChain, EntityMention, Tokens
from ..errors import SerializationError

__all__ = ["NER_LABELS", "ConlluDocument", "ConlluWord", "GoldAttribution", "GoldMention"]

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
