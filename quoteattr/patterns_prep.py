"""Rule ``preposition-topic`` (stage ``cue``, issue 16): a cue verb of
lexicon ``preposition_topics.txt`` and its preposition report the topic
after it, as PolNeAR annotates them: "The mayor railed against ⟦the new
toll⟧", "Osei boasted about ⟦his record on the piers⟧", "The union warned
of ⟦a long strike⟧".

The topic ends as rule ``talk-about``'s does (:func:`quoteattr.patterns_talk.topic_end`):
a noun phrase before a comma, a dash, "but", a finite verb or the writer's
time, place or occasion phrase; a question word or a gerund runs to the
clause's end. Guards: ``prep-manner`` (only adverbs in -ly and "again",
"openly", "at length" may stand between the verb and its preposition:
"warned voters about X" has an addressee and is another rule's);
``talk-gap`` as in rule talk-about ("what he boasted about was ...", and
a preposition right after it: "the change the party warned about in its
report"); ``talk-passive`` ("was warned against it": no speaker); ``duration-adjunct``
("The board argued for an hour", "argued for months the toll is too
high": a duration, no topic).

Registered here and imported by :mod:`quoteattr.patterns_cues` (also for a
gerund after a comma: ", boasting about ⟦his record⟧").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .clauses import clause_ok
from .finder import Finder, speaker_bonus
from .lexicons import load_rows
from .patterns_talk import no_topic, topic_end
from .registry import Rule, Stage, confidence, register
from .text import TOKEN_RE

if TYPE_CHECKING:
    from .finder import CueItem

__all__ = ["PREPOSITION_TOPIC_CUES", "preposition_topic"]

#: lemma -> the prepositions after which it reports a topic
#: (lexicons/preposition_topics.txt: "rail" -> against, "boast" -> about, of)
PREPOSITION_TOPIC_CUES: dict[str, frozenset[str]] = {
    row[0]: frozenset(row[1].split(",")) for row in load_rows("preposition_topics.txt")
}
#: guard talk-gap: a preposition after the cue's own ("warned about in its
#: report": the topic is elsewhere)
_NO_TOPIC_PREPOSITIONS = frozenset(["in", "on", "at", "during", "for", "from", "to", "by", "with", "before", "after"])
#: guard talk-passive: "was warned against", "has been cautioned about"
_PASSIVE_RE = regex.compile(r"(?r)(?i)\b(?:be|been|being|is|are|was|were|get|got|gets)\s+(?:\p{Ll}+ly\s+)?$")
#: guard duration-adjunct: "for an hour", "for several months", "for the
#: past two years" after the verb is a duration, no topic
_DURATION_RE = regex.compile(
    r"(?i)for[ \t]+(?:(?:a|an|the|several|many|some|few|more|than|over|nearly|about|almost|past|last|first"
    r"|two|three|four|five|six|\d+)[ \t]+)*(?:long[ \t]+)?(?:time|while|minutes?|hours?|days?|weeks?|months?|years?"
    r"|decades?)\b"
)
#: guard prep-manner: the verb, manner adverbs ("loudly", "again", "at
#: length"), then the preposition (group 1) and the topic's first character
_PREPOSITION_RE = regex.compile(
    r"(?i)(?:[ \t]+(?:\p{Ll}+ly|again|openly|often|at[ \t]+length))*[ \t]+(\p{Ll}+)[ \t]+(?=\S)"
)


@register(
    Rule.PREPOSITION_TOPIC,
    Stage.CUE,
    confidence=0.5,
    example="The mayor railed against ⟦the new toll⟧ at the meeting.",
)
def preposition_topic(f: Finder, item: CueItem) -> bool:
    """A cue verb of ``preposition_topics.txt`` and its preposition: the
    topic after it, the subject speaks."""
    cue, sb, text = item.cue, item.sb, f.text
    preps = PREPOSITION_TOPIC_CUES.get(cue.lemma)
    if preps is None or cue.type != "verb" or item.speaker is None:
        return False
    m = _PREPOSITION_RE.match(text, cue.end, sb)
    if m is None or m.group(1).lower() not in preps:
        return False  # guard prep-manner
    if _DURATION_RE.match(text, m.start(1), sb) is not None:
        return False  # guard duration-adjunct: "argued for months (that) ..." is no topic
    if cue.form_kind in ("past", "pastpart") and _PASSIVE_RE.search(text, max(item.sa, cue.start - 30), cue.start):
        return True  # guard talk-passive
    start = m.end()
    first = TOKEN_RE.match(text, start, min(sb, start + 30))
    if first is None or no_topic(first.group()) or first.group().lower() in _NO_TOPIC_PREPOSITIONS:
        return True  # guard talk-gap
    if f.doc.region_at(start) is not None:
        return False  # a quoted topic: rule subject-cue-clause reads it as a mixed quote
    cl = f.clauses.clause(start, sb)
    if cl is None or not clause_ok(f.doc, *cl):
        return True
    end = topic_end(f, cl[0], cl[1])
    if end <= cl[0]:
        return True
    conf = confidence(Rule.PREPOSITION_TOPIC) + speaker_bonus(text, item.speaker)
    f.add(f.clauses.content_parts(cl[0], end), Rule.PREPOSITION_TOPIC, conf, cue, item.speaker)
    return True
