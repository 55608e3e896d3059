"""Rule ``passive-by-agent`` (stage ``cue``, issue 16): "⟦The plan⟧ was
first reported by the Leith Gazette." -- a passive cue with a "by" agent
reports its subject; the agent is the speaker, as PolNeAR annotates it.

Called by rule ``passive-cue`` (:mod:`quoteattr.patterns_cues`), which
otherwise drops a passive cue: its subject is not the speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .chunker import np_right
from .clauses import last_nonspace, skip_adjuncts, skip_ws, source_clause_ok
from .finder import Finder, speaker_bonus
from .model import CueClass
from .registry import Rule, Stage, confidence, declare

if TYPE_CHECKING:
    from .finder import CueItem

__all__ = ["passive_by_agent"]

declare(
    Rule.PASSIVE_BY_AGENT,
    Stage.CUE,
    confidence=0.5,
    example="⟦The plan⟧ was first reported by the Leith Gazette. → speaker `the Leith Gazette`",
    summary="a passive cue with a 'by' agent reports its subject (up to twelve words, no comma; ', which' or a "
    "reduced ', a practice criticized by'); the agent speaks",
)

#: the auxiliary and adverbs before the participle: "was first", "has been"
_AUX_RE = regex.compile(
    r"(?r)(?i)\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|been)(?:\s+\p{Ll}+ly|\s+first|\s+also)*\s*$"
)
_BY_RE = regex.compile(r"(?i)by[ \t]+")
#: guard relative-subject: ", which was reported by ..." reports "which"
_RELATIVE_RE = regex.compile(r"(?r)(?i),[ \t]+(which|that)[ \t]+$")
#: guard reduced-relative: ", a practice criticized by ...", "— an allegation
#: rejected by ..." (no auxiliary): a determiner and one noun after a comma or dash
_REDUCED_RE = regex.compile(
    r"(?r)(?:,|[ \t][—–-]{1,2})[ \t]+((?:a|an)[ \t]+\p{Ll}+)(?:[ \t]+(?:\p{Ll}+ly|first))?[ \t]+$"
)
_CLAUSE_AFTER_RE = regex.compile(r"(?i)(?:that|whether|if|to|what|how|why|who|when|where)\b|[:\"“‘']")


def passive_by_agent(f: Finder, item: CueItem) -> bool:
    """Propose the subject of a passive cue with a "by" agent; True when proposed."""
    cue, sa, sb = item.cue, item.sa, item.sb
    if cue.cue_class is CueClass.THOUGHT:  # "was known by": no report
        return False
    text = f.text
    aux = _AUX_RE.search(text, max(sa, cue.start - 30), cue.start)
    rel = None
    reduced = None if aux is not None else _REDUCED_RE.search(text, max(sa, cue.start - 40), cue.start)
    if aux is None and reduced is None:
        return False
    pos = skip_ws(text, skip_adjuncts(text, cue.end, sb), sb)
    m = _BY_RE.match(text, pos, sb)
    if m is None:
        return False
    agent = np_right(f.doc, m.end(), sb)
    # guard agent-then-clause: "was told by aides that ...", "was asked by
    # reporters whether ...": the clause after the agent is what was said
    if agent is None or _CLAUSE_AFTER_RE.match(text, skip_ws(text, skip_adjuncts(text, agent[1], sb), sb), sb):
        return False
    if reduced is not None:
        # "…, a practice criticized by civil rights groups": the noun phrase
        a, b = reduced.span(1)
    elif aux is not None and (rel := _RELATIVE_RE.search(text, max(sa, aux.start() - 12), aux.start())) is not None:
        # "…, which was first reported by the Gazette": the relative pronoun
        a, b = rel.span(1)
    elif aux is not None:
        b = last_nonspace(text, sa, aux.start())
        a = skip_ws(text, sa, b)
    else:
        return False
    if b <= a or "," in text[a:b] or len(f.doc.words(a, b)) > 12 or not (rel or source_clause_ok(f.doc, a, b)):
        return False
    if f.doc.region_at(a) is not None:
        return False
    f.add([(a, b)], Rule.PASSIVE_BY_AGENT, confidence(Rule.PASSIVE_BY_AGENT) + speaker_bonus(text, agent), cue, agent)
    return True
