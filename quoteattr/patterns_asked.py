"""Rule ``asked-question`` (stage ``cue``): "Asked whether X, ..." and "when
asked about X" report the question (issue 16).

Registered here and imported by :mod:`quoteattr.patterns_cues`, whose
:class:`~quoteattr.patterns_cues.CueItem` it receives; the order of the cue
patterns is :data:`quoteattr.registry.ORDER`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .clauses import clause_ok, last_nonspace, skip_adjuncts, skip_ws
from .finder import Finder
from .registry import Rule, Stage, confidence, register

if TYPE_CHECKING:
    from .finder import CueItem

__all__ = ["asked_question"]

# "Asked ...", "When asked ...", "after being asked ...": the asker is not named.
# Guard ``asked-sentence-start``: a bare "Asked" opens its sentence (the
# sentence start is tested, not ``^``: a search from an offset anchors ``^``
# at the text's start only, so "... harder.\n\nAsked if he was ever
# bullied, ..." was missed everywhere but in a document's first sentence).
_ASKED_BEFORE_RE = regex.compile(r"(?r)(?i)\b(?:when|whenever|once|after\s+being|if)\s*$")
_ASKED_OPEN_RE = regex.compile(
    r"(?i)(?:(?:[\w.’'-]+\s+){0,6}?)(?:(about)\s+|(?=(?:whether|if|what|who|whom|whose|which|why|how|where)\b))"
)
_ASKED_END_RE = regex.compile(r",|\s[—–-]{1,2}\s")


@register(
    Rule.ASKED_QUESTION,
    Stage.CUE,
    confidence=0.6,
    example="Asked ⟦whether the ferry would run⟧, the mayor shrugged. / … when asked about ⟦the toll⟧.",
)
def asked_question(f: Finder, item: CueItem) -> bool:
    """A fronted or 'when'-clause "asked" reports the question, from its
    'whether', 'if' or question word (or after 'about') to the comma: the
    asker is not named."""
    cue, sa, sb = item.cue, item.sa, item.sb
    if cue.lemma != "ask" or cue.type != "verb" or cue.form_kind not in ("past", "pastpart"):
        return False
    text = f.text
    if text[sa : cue.start].strip() and _ASKED_BEFORE_RE.search(text, max(sa, cue.start - 20), cue.start) is None:
        return False
    pos = skip_ws(text, skip_adjuncts(text, cue.end, sb), sb)
    m = _ASKED_OPEN_RE.match(text, pos, min(sb, pos + 80))
    if m is None or regex.search(r"[,;:\"“”]", text[pos : m.end()]):
        return False
    start = m.end()
    end = _ASKED_END_RE.search(text, start, sb)
    b = last_nonspace(text, start, end.start() if end else sb)
    if b > start and text[b - 1] in ".!":
        b -= 1
    if f.doc.region_at(start) is not None or not clause_ok(f.doc, start, b):
        return False
    f.add([(start, b)], Rule.ASKED_QUESTION, confidence(Rule.ASKED_QUESTION), cue, None)
    return True
