"""Guard ``to-hearer`` of rule ``cue-to-infinitive`` (issue 16).

A cue followed by "to" and a noun phrase names its hearer, not an
intention: "The foundation reported to the IRS that its payroll was small",
"Osei joked to the mayor that the tide had won", "She wrote to them that the
depot would close". When a "that" opens a clause after the hearer (rule
``late-that``, read as for a cue that takes an addressee), the clause is what
was said; the patterns after ``cue-to-infinitive`` then read it from there.
An infinitive ("vowed to close the depot") has a verb after "to", which
opens no noun phrase: it stays with ``cue-to-infinitive``.
"""

from __future__ import annotations

import regex

from .chunker import DETERMINERS, norm
from .clause_starts import skip_to_late_that
from .finder import CueItem, Finder

__all__ = ["to_hearer_clause"]

_THAT_RE = regex.compile(r"(?i)that\b")
# "wrote to the board that runs the port": a verb right after "that" makes it
# a relative clause of the hearer (a lower-case word in -s or -ed that no
# determiner or pronoun opens; "that voters ..." is given up with it)
_RELATIVE_VERB_RE = regex.compile(r"[ \t]+(?!(?:his|its|this|us|was|has|does|is)\b)\p{Ll}[\p{Ll}'-]*(?<!ss)(?:s|ed)\b")
_TO_WORD_RE = regex.compile(r"(?i)to[ \t]+([\w’'.-]+)")
#: object pronouns that can be a hearer after "to" ("wrote to them that")
_HEARER_PRONOUNS = frozenset(["him", "her", "them", "us", "me", "you"])


def to_hearer_clause(f: Finder, item: CueItem, start: int) -> int | None:
    """Where the clause after "to HEARER that" begins, or None.

    *start* is where "to" stands after the cue; the word after it must open a
    noun phrase: a determiner ("to the IRS"), an object pronoun ("to them")
    or a capitalised word ("to Janet Yellen").
    """
    m = _TO_WORD_RE.match(f.text, start, item.sb)
    if m is None:
        return None
    word = m.group(1)
    if not (word[:1].isupper() or norm(word) in DETERMINERS or norm(word) in _HEARER_PRONOUNS):
        return None
    pos = m.start(1)
    clause = skip_to_late_that(f.doc, pos, item.sb, addressee=True)
    # (only "that": a question word or quotation mark there is no clause of this cue's)
    # ("responded to that tweet by ...": the hearer's own "that" is no clause)
    m = _THAT_RE.match(f.text, clause, item.sb) if clause > pos else None
    if m is None or _RELATIVE_VERB_RE.match(f.text, m.end(), item.sb):
        return None
    return clause
