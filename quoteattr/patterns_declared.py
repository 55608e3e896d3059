"""Rule ``passive-declared`` (stage ``cue``, issue 16): "⟦Ruiz⟧ was declared
⟦the winner in Leith⟧" -- a passive "declared" reports its subject and the
complement after it, as PolNeAR annotates them (two pieces; the cue between
them is no content). Without it the complement alone was read as a clause
of rule ``subject-cue-clause`` and ran to the end of the sentence ("the
winner in Rhode Island, and it is clear that he ...").

On polnear-train PolNeAR marks the subject and the complement in 6 of the 7
passive "declared" (none in polnear-dev). Other passive naming cues are no
such report as often: "was named" in 3 of 10, "was called" in about half.

Registered here and imported by :mod:`quoteattr.rules`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .chunker import np_left
from .candidates import trim
from .clauses import TRAILING, last_nonspace, skip_ws
from .finder import Finder
from .registry import Rule, Stage, confidence, register

if TYPE_CHECKING:
    from .finder import CueItem

__all__ = ["passive_declared"]

#: the auxiliary right before the participle, an adverb allowed: "was
#: declared", "were formally declared", "has been declared"
_AUX_RE = regex.compile(r"(?r)(?i)\b(?:was|were|is|are|been|be)(?:[ \t]+\p{Ll}+ly)?[ \t]+$")
#: where the complement ends: a comma, a colon or semicolon, a spaced dash,
#: or a word that opens an agent, a relative or an adverbial clause ("the
#: winner in 2004 that was marred by fraud", "the winner in Ohio by the
#: networks", "the majority following a vote")
_COMPLEMENT_END_RE = regex.compile(
    r"[,;:]|[ \t][—–-]{1,2}[ \t]"
    r"|[ \t](?=(?:and|but|or|by|that|which|who|following|after|before|as|when|while|because|since)\b)"
)


#: guard ``agent-first``: "it was declared by the nurse, ..." -- no complement
_AGENT_FIRST_RE = regex.compile(r"(?i)(?:by|that)\b")
#: guard ``subordinate-subject``: the subject phrase read back from the cue
#: starts after a subordinating word or "that" ("Shortly after ⟦Okafor⟧ was
#: declared", "reported that ⟦Okafor⟧ was declared")
_SUBORDINATE_RE = regex.compile(
    r"(?i).*\b(?:after|before|when|while|since|because|as|once|until|if|although|though|that)[ \t]+(?=\S)"
)
#: guard ``relative-subject``: "Okafor, who was declared the winner last
#: week, ..." -- a relative clause about someone already named is the
#: writer's aside, not a report of its own
_RELATIVE = frozenset(["who", "which", "that"])


@register(
    Rule.PASSIVE_DECLARED,
    Stage.CUE,
    confidence=0.6,
    example="⟦Ruiz⟧ was declared ⟦the winner in Leith⟧, and ...",
)
def passive_declared(f: Finder, item: CueItem) -> bool:
    """A passive "declared": its subject and the complement after it, to the
    next comma, a coordinator, an agent or a clause opener, or the sentence end."""
    cue, sa, sb = item.cue, item.sa, item.sb
    if cue.lemma != "declare" or cue.form_kind not in ("past", "pastpart"):
        return False
    text = f.text
    aux = _AUX_RE.search(text, max(sa, cue.start - 30), cue.start)
    if aux is None:
        return False
    # the speaker noun phrase before the auxiliary, or else the words from
    # the sentence start ("Mr. Osei, then mayor, was declared ...")
    subject = np_left(f.doc, sa, cue.start) or _sentence_subject(f, sa, aux.start())
    start = skip_ws(text, cue.end, sb)
    if _AGENT_FIRST_RE.match(text, start, sb):
        return False
    m = _COMPLEMENT_END_RE.search(text, start, sb)
    end = last_nonspace(text, start, m.start() if m else sb)
    if end > start and text[end - 1] in ".!?":
        end -= 1
    if subject is None or end <= start or not f.doc.words(start, end):
        return False
    if text[subject[0] : subject[1]].lower() in _RELATIVE:
        return False
    lead = _SUBORDINATE_RE.match(text, subject[0], subject[1])
    if lead is not None:
        subject = (lead.end(), subject[1])
    f.add([subject, (start, end)], Rule.PASSIVE_DECLARED, confidence(Rule.PASSIVE_DECLARED), cue, None)
    return True


def _sentence_subject(f: Finder, sa: int, aux: int) -> tuple[int, int] | None:
    """The words from the sentence start *sa* to the auxiliary at *aux*, when
    there are at most eight and no quote opens among them."""
    a = skip_ws(f.text, sa, aux)
    b = trim(f.text, a, aux, TRAILING)[1]
    if b <= a or len(f.doc.words(a, b)) > 8 or f.doc.regions_starting_in(a, b):
        return None
    return a, b
