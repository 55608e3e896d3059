"""Rules of stage ``cue`` whose reported content opens with the cue's object
(issue 16): ``object-to-infinitive`` ("urged voters to stay home").

Registered here and imported by :mod:`quoteattr.patterns_cues`, whose
:class:`~quoteattr.finder.CueItem` they receive; the order of the cue
patterns is :data:`quoteattr.registry.ORDER`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .clauses import FINITE, clause_ok, skip_ws
from .finder import Finder, speaker_bonus
from .lexicons import load_set
from .registry import Rule, Stage, confidence, register

if TYPE_CHECKING:
    from .cues import CueMatch
    from .finder import CueItem

Pair = tuple[int, int]

__all__ = ["OBJECT_INFINITIVE_CUES", "object_to_infinitive", "request_object"]

#: lemmas of lexicons/object_infinitive_cues.txt ("urge", "ask", "call", ...)
OBJECT_INFINITIVE_CUES = load_set("object_infinitive_cues.txt")

# The cue's own verb, without the object that cues.py may have joined to it
# ("urged voters" is one cue of type verb-object).
_VERB_RE = regex.compile(r"[\w’'-]+")
# "call" asks for something only with "on" or "for": "called on Congress to
# act"; "called him a liar" is rule described-as.
_CALL_PARTICLE_RE = regex.compile(r"(?i)(?:on|upon|for)\b\s*")
# The object: one to eight tokens up to "to" + a verb, none of them clause
# punctuation, a quote mark or a finite verb ("urged the rest of the party to
# unite", "called on Osei and Kim to resign", "asked Gov. Ruiz (D) to veto").
# Longer stretches are not an object.
_OBJECT_TOKENS = 8
_NOT_IN_OBJECT = frozenset([*FINITE, "that", "if", "whether", "to", "or", "but", "about", "order", "than"])
# ... nor begins with a preposition ("are instructed in how to ...")
_NOT_OBJECT_START = frozenset(["in", "on", "at", "with", "by", "from", "of", "into", "over", "guilty", "not"])
# Rule object-to-infinitive ends its content at the first comma, semicolon
# or spaced dash after "to" (", which ...", ", but Republican leaders ..."),
# or before "and" + an auxiliary or past verb whose subject is the speaker
# again ("asked them to disavow him and has repeatedly characterized ...").
# A comma before "and to" / "or to" coordinates two infinitives: kept.
_INFINITIVE_END_RE = regex.compile(
    r"""(?i)\s*(?:,(?!\s*(?:and|or)\s+to\s)|;|\s[—–-]{1,2}\s)
      | \s+and\s+(?=(?:has|have|had|was|is|also|then|later|\w+ed)\b)""",
    regex.X,
)
_TOKEN_RE = regex.compile(r"[\w’'.&-]+|[^\s\w]")
# After "to": a lowercase word that is no determiner or object pronoun (a
# verb: "to stay", not "to the polls", "to him", "to Washington").
_NOT_VERB_AFTER_TO = frozenset(
    [
        *("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"),
        *("him", "them", "me", "us", "it", "you", "whom", "which", "what", "all", "some", "any", "each", "every"),
    ]
)


def _object_then_to(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """``(object start, offset of "to")`` when an object of one to eight
    tokens and "to" + a verb follow *pos*; else None."""
    start = skip_ws(text, pos, limit)
    for n, m in enumerate(_TOKEN_RE.finditer(text, start, limit)):
        w = m.group().lower().replace("’", "'")
        if w == "to" and n > 0:
            nxt = _VERB_RE.match(text, skip_ws(text, m.end(), limit), limit)
            verb = nxt.group() if nxt else ""
            if not (verb.isalpha() and verb.islower()) or verb in _NOT_VERB_AFTER_TO:
                return None
            return start, m.start()
        if n == 0 and w in _NOT_OBJECT_START:
            return None
        if n >= _OBJECT_TOKENS or w in _NOT_IN_OBJECT or not (w[:1].isalnum() or w in (".", "-", "&", "(", ")")):
            return None
    return None


@register(
    Rule.OBJECT_TO_INFINITIVE,
    Stage.CUE,
    confidence=0.6,
    example="The mayor urged ⟦residents to save water⟧. / The union called on ⟦the board to resign⟧.",
)
def object_to_infinitive(f: Finder, item: CueItem) -> bool:
    """A request or instruction: a cue of lexicon object_infinitive_cues
    ("urge", "ask", "tell", "call on"/"call for", ...), its object and "to" +
    a verb report the object and the infinitive, as PolNeAR annotates them
    ("urged ⟦Congress to act⟧"); the speaker is the cue's subject. (A gerund
    after a comma, ", urging voters to ...", stays with rule saying-clause:
    on polnear-dev this rule lost precision there.)"""
    return request_object(f, item.cue, item.speaker, item.sb)


def request_object(f: Finder, cue: CueMatch, speaker: Pair | None, sb: int) -> bool:
    """Rule ``object-to-infinitive`` for *cue* and *speaker*: propose the
    object and its infinitive and return True, or return False when the
    cue is not followed by both."""
    if cue.lemma not in OBJECT_INFINITIVE_CUES or cue.type not in ("verb", "verb-object"):
        return False
    text = f.text
    verb = _VERB_RE.match(text, cue.start, cue.end)
    pos = verb.end() if verb else cue.end
    if cue.lemma == "call":
        m = _CALL_PARTICLE_RE.match(text, skip_ws(text, pos, sb), sb)
        if m is None:
            return False
        pos = m.end()
    found = _object_then_to(text, pos, sb)
    if found is None or f.doc.region_at(found[0]) is not None:
        return False
    cl = f.clauses.clause(found[0], sb)
    if cl is None or cl[1] <= found[1] or not clause_ok(f.doc, *cl):
        return False
    end = _INFINITIVE_END_RE.search(text, found[1], cl[1])
    if end is not None:
        cl = (cl[0], end.start())
    conf = confidence(Rule.OBJECT_TO_INFINITIVE) + speaker_bonus(text, speaker)
    f.add(f.clauses.content_parts(*cl), Rule.OBJECT_TO_INFINITIVE, conf, cue, speaker)
    return True
