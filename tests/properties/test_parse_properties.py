"""The stanza engine's readings of a parse never crash, whatever the parse says (issue 17).

A trained model gives a tree for every sentence, but not the tree UD would:
"to" left off "according", a cue verb tagged NOUN, a clause hung from the
wrong word. The open ``full`` model set did exactly that on polnear-train,
and rule ``dep-according-to`` crashed. Here every sentence gets a random
tree (random heads, relations and tags) over words chosen to wake the
dependency rules, and both stanza modes must return a valid result.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import quoteattr
from quoteattr.annotations import Annotation, Tokens

# Words that the dependency rules look for, and quote marks and punctuation.
_WORDS = [
    "According",
    "according",
    "to",
    "said",
    "told",
    "reporters",
    "that",
    "Peskov",
    "he",
    "the",
    "talks",
    "would",
    "resume",
    "saying",
    "as",
    ",",
    ".",
    '"',
    "“",
    "”",
    ":",
]
_RELS = [
    "root",
    "nsubj",
    "obj",
    "iobj",
    "ccomp",
    "xcomp",
    "parataxis",
    "advcl",
    "obl",
    "nmod",
    "case",
    "fixed",
    "mark",
    "punct",
    "conj",
    "cc",
    "det",
    "appos",
    "acl:relcl",
    "nsubj:pass",
    "aux",
    "compound",
]
_LIKELY = {w: ["case", "case", "fixed", "mark"] for w in ("according", "to")}
_UPOS = ["VERB", "AUX", "NOUN", "PROPN", "PRON", "ADP", "SCONJ", "DET", "PUNCT", "ADJ", "ADV", "PART"]
_LEMMAS = {"According": "accord", "according": "accord", "said": "say", "told": "tell", "saying": "say"}


@st.composite
def _sentence(draw: st.DrawFn) -> tuple[list[str], list[int], list[str], list[str]]:
    """Words, heads (sentence-level, -1 for the root), relations and tags of one random tree."""
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14))
    n = len(words)
    order = draw(st.permutations(range(n)))
    heads = [-1] * n
    for k, i in enumerate(order[1:], 1):
        heads[i] = order[draw(st.integers(0, k - 1))]  # (a word already in the tree: a tree, no cycle)
    # (the relations a model gives these words most, then any: "according"
    # as a case of an obl whose "to" hangs elsewhere is the shape that crashed)
    rels = [
        "root" if heads[i] < 0 else draw(st.sampled_from(_LIKELY.get(words[i].lower(), []) + _RELS[1:]))
        for i in range(n)
    ]
    for i in range(n):
        if words[i].lower() == "according" and heads[i] >= 0 and draw(st.booleans()):
            rels[heads[i]] = draw(st.sampled_from(["obl", "nmod", "advcl"])) if heads[heads[i]] >= 0 else "root"
    tags = [draw(st.sampled_from(_UPOS)) for _ in range(n)]
    return words, heads, rels, tags


@st.composite
def _annotations(draw: st.DrawFn) -> Annotation:
    sentences = draw(st.lists(_sentence(), min_size=1, max_size=4))
    text = ""
    starts: list[int] = []
    ends: list[int] = []
    sent_of: list[int] = []
    heads: list[int] = []
    rels: list[str] = []
    tags: list[str] = []
    lemmas: list[str] = []
    spans = []
    for s, (words, h, r, t) in enumerate(sentences):
        base = len(starts)
        a = len(text)
        for w in words:
            starts.append(len(text))
            text += w
            ends.append(len(text))
            text += " "
        spans.append((a, len(text) - 1))
        sent_of += [s] * len(words)
        heads += [-1 if x < 0 else base + x for x in h]
        rels += r
        tags += t
        lemmas += [_LEMMAS.get(w, w.lower()) for w in words]
    text = text[:-1]
    tokens = Tokens(
        starts=starts, ends=ends, sentence=sent_of, upos=tags, xpos=None, lemma=lemmas, head=heads, deprel=rels
    )
    return Annotation(text=text, paragraphs=[(0, len(text))], sentences=spans, tokens=tokens, source="stanza")


@given(_annotations(), st.sampled_from(["dependency", "boundaries"]))
def test_parse_properties_any_tree_gives_a_valid_result(ann: Annotation, mode: str) -> None:
    """Any tree over any tags: a Result whose every span is its text's, in both stanza modes."""
    r = quoteattr.extract(ann, stanza_mode=mode, min_confidence=0.0)
    for q in r.quotes:
        for span in (q.content, *q.parts, *([q.cue] if q.cue else [])):
            assert ann.text[span.start : span.end] == span.text
        if q.speaker is not None:
            assert ann.text[q.speaker.mention.start : q.speaker.mention.end] == q.speaker.mention.text
