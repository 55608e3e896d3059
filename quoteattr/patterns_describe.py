"""Rule ``described-object-as`` (stage ``cue``, issue 16): a describing cue
with an unquoted "X as Y" reports the object and what it was described as,
as PolNeAR annotates them: "The campaign has described ⟦the probe as a
routine security review⟧", "Osei describes ⟦himself as a cautious
optimist⟧". A quoted description stays with rule ``described-as``; "called
X Y" without "as" is rule ``call-object-predicate``'s.

Registered here and imported by :mod:`quoteattr.patterns_cues`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .clauses import DESCRIBE_CUES, clause_ok, last_nonspace, skip_ws
from .finder import Finder, speaker_bonus
from .registry import Rule, Stage, confidence, register

if TYPE_CHECKING:
    from .cues import CueMatch
    from .finder import CueItem

Pair = tuple[int, int]

__all__ = ["described_object_as"]

#: the object: up to eight words with no punctuation, then "as" (not "as
#: well as", "as much as", ...: no description)
_OBJECT_AS_RE = regex.compile(r"(?i)(?:(?!as\b)[\w’'.&-]+[ \t]+){1,8}?as[ \t]+(?!(?:well|much|many|soon|long|far)\b)\w")
#: where the description ends: a comma, a colon or semicolon, a spaced dash
_DESCRIPTION_END_RE = regex.compile(r"[,;:]|\s[—–-]{1,2}\s")
#: "was described as": passive, the subject is not the speaker
_PASSIVE_BEFORE_RE = regex.compile(r"(?r)(?i)\b(?:was|were|been|being|be|is|are|get|gets|got)\s+$")
#: lemmas read by rule call-object-predicate instead
_OTHER_RULES = frozenset(["call"])


@register(
    Rule.DESCRIBED_OBJECT_AS,
    Stage.CUE,
    confidence=0.6,
    example="The campaign has described ⟦the probe as a routine security review⟧.",
)
def described_object_as(f: Finder, item: CueItem) -> bool:
    """A describing cue, its object, "as" and the description, unquoted:
    the object and the description to the next comma or the sentence end."""
    cue, sb = item.cue, item.sb
    if cue.lemma not in DESCRIBE_CUES or cue.lemma in _OTHER_RULES or cue.type != "verb":
        return False
    text = f.text
    if cue.form_kind == "gerund" or _PASSIVE_BEFORE_RE.search(text, max(item.sa, cue.start - 12), cue.start):
        return False
    return _object_as(f, cue, item.speaker, sb)


def _object_as(f: Finder, cue: CueMatch, sp: Pair | None, sb: int) -> bool:
    """Propose "X as Y" after the describing *cue* when it is there and
    unquoted (rule ``described-object-as``)."""
    text = f.text
    start = skip_ws(text, cue.end, sb)
    m = _OBJECT_AS_RE.match(text, start, sb)
    if m is None or f.doc.region_at(start) is not None:
        return False
    if next(iter(f.doc.regions_starting_in(start, min(sb, start + 120))), None) is not None:
        return False
    end = _DESCRIPTION_END_RE.search(text, m.end(), sb)
    b = last_nonspace(text, start, end.start() if end else sb)
    if b > start and text[b - 1] in ".!?":
        b -= 1
    if not clause_ok(f.doc, start, b):
        return False
    conf = confidence(Rule.DESCRIBED_OBJECT_AS) + speaker_bonus(text, sp)
    f.add([(start, b)], Rule.DESCRIBED_OBJECT_AS, conf, cue, sp)
    return True
