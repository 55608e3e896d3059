"""A CoNLL-U document as an annotated ``stanza.Document`` (gold parse, NER, coref).

:func:`to_stanza_document` turns a :class:`~quoteattr.adapters.conllu.ConlluDocument`
into what stanza's own pipeline would have produced for its text: words with
character offsets, BIOES ``ner`` tags (so ``doc.ents`` is filled) and
``doc.coref`` set to the gold chains. It is the only part of the CoNLL-U
adapter that needs stanza, and it imports stanza lazily; it is re-exported by
:mod:`quoteattr.adapters.conllu`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import MissingAnnotationError, StanzaNotInstalledError
from .conllu_document import ConlluDocument

__all__ = ["to_stanza_document"]


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
