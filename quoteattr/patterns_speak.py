"""Rule ``speak-about`` (stage ``cue``, issue 16): "spoke about X", "spoke
passionately about X", "has spoken at length about X", "speaks highly of
X" report the topic X, as PolNeAR annotates it: "Osei spoke at length
about ⟦the toll on the new bridge⟧". A form of "speak" with no "about" or
"of" after it reports nothing (rule ``intransitive-cue``).

Registered here and imported by :mod:`quoteattr.patterns_cues`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .clauses import clause_ok, last_nonspace, skip_adjuncts, skip_ws
from .finder import Finder, speaker_bonus
from .registry import Rule, Stage, confidence, register

if TYPE_CHECKING:
    from .finder import CueItem

__all__ = ["speak_about"]

#: manner words between "spoke" and "about": "passionately", "at length",
#: "more loudly", "with admiration", "up"
_MANNER_RE = regex.compile(
    r"(?i)(?:[ \t]+(?:\p{Ll}+ly|at[ \t]+length|more|most|up|out|with[ \t]+\p{Ll}+|in[ \t]+detail))*"
    r"[ \t]+(about|of)[ \t]+"
)
#: the topic ends before the writer's time, manner or condition phrase
#: ("spoke of his plan ⟦⟧before the vote", "... last week", "... on the
#: condition of anonymity", "... in a manner that ...") or a comma and a
#: gerund (", sounding like ...")
_TOPIC_END_RE = regex.compile(
    r"\s(?=(?:before|after|while|during|last\s+(?:week|month|year|night)|on\s+the\s+condition|only\s+on|in\s+a\s+manner)\b)"
    r"|,\s+(?=\p{Ll}+ing\b)"
)
_PASSIVE_BEFORE_RE = regex.compile(r"(?r)(?i)\b(?:was|were|been|being|is|are)\s+$")


@register(
    Rule.SPEAK_ABOUT,
    Stage.CUE,
    confidence=0.5,
    example="Osei spoke at length about ⟦the toll on the new bridge⟧.",
)
def speak_about(f: Finder, item: CueItem) -> bool:
    """A form of "speak", manner words and "about" or "of": the topic, to the
    clause's end."""
    cue, sb = item.cue, item.sb
    if cue.lemma != "speak" or cue.type != "verb" or item.speaker is None:
        return False
    text = f.text
    pos = skip_adjuncts(text, cue.end, sb)
    m = _MANNER_RE.match(text, pos, sb)
    if m is None:
        return False
    start = skip_ws(text, m.end(), sb)
    cl = f.clauses.clause(start, sb)
    if cl is None or f.doc.region_at(start) is not None or not clause_ok(f.doc, *cl):
        return False
    end = _TOPIC_END_RE.search(text, cl[0], cl[1])
    if end is not None and len(f.doc.words(cl[0], end.start())) > 1:
        cl = cl[0], last_nonspace(text, cl[0], end.start())
    conf = confidence(Rule.SPEAK_ABOUT) + speaker_bonus(text, item.speaker)
    f.add(f.clauses.content_parts(*cl), Rule.SPEAK_ABOUT, conf, cue, item.speaker)
    return True
