"""Parse-informed boundaries: the rule engine's quotes, clause ends from the parse.

The stanza engine's ``mode="boundaries"`` (issue 17, item 5). The rule
engine finds the candidates -- its quote marks, cue lexicon, speaker and
(later) coreference logic are kept whole -- and, where the annotation has a
dependency parse, the start and end of each indirect or mixed content are
taken from the clause the parse attaches to the cue. The surface rules run
an indirect content on to the end of its sentence ("Peskov told reporters
that ⟦Moscow would respond, and the talks ended on Friday⟧"); the parse says
where the reported clause stops ("that ⟦Moscow would respond⟧, and ...").

Shapes (UD / GUM conventions; examples are the tests' sentences):

* ``parse-boundary-ccomp``: the cue verb's ``ccomp`` subtree, its leading
  "that" left out: "The minister said ⟦the talks would resume⟧, and prices
  fell." (``fell`` is a ``conj`` of ``said``, so it stays out);
* ``parse-boundary-parataxis``: the cue hangs from the content's verb as
  ``parataxis`` (a fronted clause): "⟦The plan will fail⟧, he said, and the
  vote was delayed." -- the head's subtree minus the cue clause;
* ``parse-boundary-cue-parataxis``: the content hangs from the cue as
  ``parataxis`` after it: "He said: ⟦the plan will fail⟧.";
* ``parse-boundary-according-to``: the clause that the ``obl`` "according to
  X" modifies, minus the ``obl``: "According to the ministry, ⟦the economy
  grew⟧, but analysts doubt it." stops before the ``conj`` only if the parse
  attaches "doubt" to "grew"'s head, which it does not.

Guards (rule ``parse-boundary-fallback``): the rule boundary is kept when
the parse gives nothing usable -- no cue verb in the parse, no clause of
these shapes, a clause that does not overlap the rule's content, lies on the
other side of the cue, or holds the cue or the speaker -- and each end is
kept separately when the parse would put it inside a quoted region (a mixed
quote is never cut inside its quotation marks) or grow the content over
another quote's cue (``parse-boundary-no-second-cue``) or cut a pair of
brackets (``parse-boundary-brackets``). Direct quotes, quotes
without a cue and quotes in several pieces keep the rule engine's content.
"""

from __future__ import annotations

import bisect


from .candidates import Candidate, kind_of
from .model import QuoteKind
from .syntax import ParseFinder, cue_class_of

__all__ = ["parse_parts", "refine"]

Pair = tuple[int, int]

# Lemmas of the first word of an "according to" cue (UD EWT lemmatises it
# "accord", GUM keeps "according").
_ACCORDING = frozenset({"accord", "according"})
# Relations by which "according to X" attaches X to the reported clause.
_ACCORDING_RELS = ("obl", "nmod", "advcl")


def refine(finder: ParseFinder, cands: list[Candidate]) -> list[Candidate]:
    """The rule engine's *cands* with indirect and mixed boundaries from the parse.

    Args:
        finder: the parse of the document (with its index of quoted regions).
        cands: the rule engine's settled candidates, in text order.

    Returns:
        The same candidates, each indirect or mixed one with a cue and a
        single content part re-bounded where :func:`parse_parts` finds a
        usable clause; the others unchanged.
    """
    text, index = finder.text, finder.doc
    cues = [c.cue for c in cands if c.cue is not None]
    out = []
    for c in cands:
        if c.cue is not None and len(c.parts) == 1:
            kind = c.kind or kind_of(text, c.parts, index.regions, index.region_starts)
            if kind is not QuoteKind.DIRECT:
                parts = parse_parts(finder, c, [q for q in cues if q != c.cue])
                if parts is not None:
                    c = c.evolve(parts=parts)
        out.append(c)
    return out


def parse_parts(f: ParseFinder, c: Candidate, cues: list[Pair] | None = None) -> list[Pair] | None:
    """The content parts the parse gives for candidate *c*, or ``None`` (keep the rule's).

    *cues* are the other candidates' cues, which the content never grows over.
    """
    assert c.cue is not None  # (refine passes only candidates with a cue)
    clause = _clause_of(f, c.cue)
    if clause is None:
        return None
    head, exclude = clause
    p = f.p
    # Rule ``parse-boundary-no-parataxis``: a clause hanging from the
    # reported one as parataxis is another statement, not part of it:
    # "According to the ministry, exports have risen; ⟨analysts expect more⟩."
    asides = {j for k in p.kids(head, "parataxis") for j in p.subtree(k)}
    parts = f.clause_content(head, exclude=exclude | asides)
    if parts is None:
        return None
    # only the pieces on the rule content's side of the cue: "The plan is
    # 'a disaster,' the senator said, ⟨and the vote was delayed⟩" (a conj
    # of the fronted clause's verb, after the cue)
    before = c.parts[0][1] <= c.cue[0]
    parts = [q for q in parts if (q[1] <= c.cue[0]) == before and (q[0] >= c.cue[1]) != before]
    if not parts or not _usable(parts, c):
        return None
    return _bounded(f, parts, c, cues or [])


def _cue_tokens(f: ParseFinder, cue: Pair) -> list[int]:
    """Indices of the tokens that overlap *cue*."""
    starts, ends = f.p.t.starts, f.p.t.ends
    i = max(0, bisect.bisect_right(starts, cue[0]) - 1)
    out = []
    while i < len(starts) and starts[i] < cue[1]:
        if ends[i] > cue[0]:
            out.append(i)
        i += 1
    return out


def _clause_of(f: ParseFinder, cue: Pair) -> tuple[int, frozenset[int]] | None:
    """(head of the reported clause, tokens to leave out of its subtree)."""
    p = f.p
    toks = _cue_tokens(f, cue)
    verbs = [i for i in toks if cue_class_of(p.lemma[i]) is not None and p.upos[i] == "VERB"]
    if verbs:
        i = verbs[0]
        ccomp = p.kids(i, "ccomp")
        if ccomp:  # parse-boundary-ccomp
            return ccomp[0], frozenset()
        if p.base_rel(i) == "parataxis" and p.head[i] >= 0:  # parse-boundary-parataxis
            return p.head[i], frozenset(p.subtree(i))
        after = [k for k in p.kids(i, "parataxis") if k > i]
        if after:  # parse-boundary-cue-parataxis
            return after[0], frozenset()
        return None
    for a in toks:  # parse-boundary-according-to
        if p.lemma[a].lower() in _ACCORDING and p.base_rel(a) == "case" and p.head[a] >= 0:
            x = p.head[a]
            if p.base_rel(x) in _ACCORDING_RELS and p.head[x] >= 0:
                return p.head[x], frozenset(p.subtree(x))
    return None


def _usable(parts: list[Pair], c: Candidate) -> bool:
    """Rule ``parse-boundary-fallback``: the parse clause overlaps the rule's
    content, lies on the same side of the cue, and holds neither the cue nor
    the speaker ('"X," he said' parsed with "he said" inside X is not used)."""
    assert c.cue is not None
    a, b = parts[0][0], parts[-1][1]
    ra, rb = c.parts[0]
    if not (a < rb and ra < b):
        return False
    cue_a, cue_b = c.cue
    if any(pa < cue_b and cue_a < pb for pa, pb in parts):
        return False
    if (ra >= cue_b) != (a >= cue_b) or (rb <= cue_a) != (b <= cue_a):
        return False
    return not (c.speaker is not None and any(pa < c.speaker[1] and c.speaker[0] < pb for pa, pb in parts))


def _cue_in(cues: list[Pair], a: int, b: int) -> bool:
    return any(a <= x < b for x, _y in cues)


def _bounded(f: ParseFinder, parts: list[Pair], c: Candidate, cues: list[Pair]) -> list[Pair] | None:
    """The parse's parts, each end moved back to the rule's where the parse
    would cut a quoted region (``parse-boundary-fallback``) or would grow
    the content over the cue of another quote in *cues* (rule
    ``parse-boundary-no-second-cue``: 'he said X, and told the police, "Y"'
    parsed with "told" inside X's clause; a cue word that cues nothing,
    "and express their support", does not stop it)."""
    ra, rb = c.parts[0]
    a, b = parts[0][0], parts[-1][1]
    if _inside_region(f, a) or (a < ra and _cue_in(cues, a, ra)):
        a = ra
    if _inside_region(f, b) or (b > rb and _cue_in(cues, rb, b)):
        b = rb
    kept = [(max(pa, a), min(pb, b)) for pa, pb in parts]
    kept = [(pa, pb) for pa, pb in kept if pa < pb]
    if not kept:
        return None
    kept[0] = (a, kept[0][1]) if a < kept[0][1] else kept[0]
    kept[-1] = (kept[-1][0], b) if b > kept[-1][0] else kept[-1]
    # one piece, as the rule content was: the hole a parse leaves (a comma
    # clause it attaches elsewhere) is still inside the reported span
    whole = _balanced(f.text, f.tidy(kept[0][0], kept[-1][1]))
    if whole is None or whole[0] >= whole[1] or not _usable([whole], c):
        return None
    return [whole]


_OPENERS = {"(": ")", "[": "]"}


def _unbalanced(s: str) -> bool:
    return any(s.count(o) != s.count(cl) for o, cl in _OPENERS.items())


def _balanced(text: str, span: Pair) -> Pair | None:
    """Rule ``parse-boundary-brackets``: parse content never cuts a bracket
    pair. A parse start after an opening bracket whose partner lies inside
    takes the bracket back ('said ⟦[Warhol] liked ...⟧', where the parse
    leaves the punctuation "[" out); any other unbalanced cut ('⟦... one
    ((it⟧))') gives ``None``, and the rule boundary stays."""
    a, b = span
    if not _unbalanced(text[a:b]):
        return span
    j = a - 1
    while j > 0 and text[j].isspace():
        j -= 1
    if j >= 0 and text[j] in _OPENERS and not _unbalanced(text[j:b]):
        return j, b
    return None


def _inside_region(f: ParseFinder, x: int) -> bool:
    """*x* lies strictly inside a quoted region (between its marks)."""
    return any(r.outer[0] < x < r.outer[1] for r in f.doc.regions_overlapping(x - 1, x + 1))
