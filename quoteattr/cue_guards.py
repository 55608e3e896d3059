"""Guards of the cue patterns that find a speaker or a clause the first
reading misses (issue 16), used by :mod:`quoteattr.patterns_cues`:
``lowercase-modifiers`` and ``fronted-clause`` (rules clause-subject-cue and
clause-cue-subject) and ``gerund-speaker`` (rules saying-clause and
saying-object).
"""

from __future__ import annotations

import regex

from .chunker import AUX_FILLER, DETERMINERS, FUNCTION_WORDS, PRONOUNS
from .clauses import clause_ok, looks_like_clause, skip_adjuncts, source_clause_ok
from .finder import Finder
from .index import DocIndex
from .lexicons import load_set

__all__ = ["earlier_speaker", "fronted_clause_ok", "modified_subject"]

Pair = tuple[int, int]


# Guard ``lowercase-modifiers`` (rule clause-subject-cue): "..., federal
# officials said." / "..., legal experts say." -- the chunker reads a bare
# plural's head noun only ("officials"), so the comma that closes the clause
# stands one to three lower-case modifiers before it. They join the speaker
# when the cue ends the sentence (a cue before a comma is parenthetical:
# "X, federal officials said, Y" is another pattern's) and none of them is
# a function word, determiner, pronoun, auxiliary, name particle ("dos
# Santos") or -ing form.
_MODIFIERS_RE = regex.compile(r"(?r),[ \t]+((?:\p{Ll}[\p{Ll}-]+[ \t]+){1,3})$")
_SENTENCE_END_RE = regex.compile(r"[ \t]*[.!?]")
_NOT_MODIFIERS = FUNCTION_WORDS | AUX_FILLER | PRONOUNS | DETERMINERS | load_set("name_particles.txt")


def modified_subject(f: Finder, sa: int, sp: Pair, end: int, sb: int) -> Pair | None:
    """The speaker *sp* with the lower-case modifiers between it and the
    clause's comma (guard ``lowercase-modifiers``), or None."""
    m = _MODIFIERS_RE.search(f.text, max(sa, sp[0] - 60), sp[0])
    if m is None or not _SENTENCE_END_RE.match(f.text, skip_adjuncts(f.text, end, sb)):
        return None
    if any(w in _NOT_MODIFIERS or w.endswith("ing") for w in m.group(1).split()):
        return None
    return m.start(1), sp[1]


def fronted_clause_ok(doc: DocIndex, a: int, b: int) -> bool:
    """Guard ``fronted-clause`` for a clause before its cue: it opens the
    sentence, so a fronted adjunct may open it ("⟦As a rule, the ferry
    runs late⟧, the captain said") when the words after it form a clause
    (rule clause-shape); "In a statement, the mayor said." has none."""
    if clause_ok(doc, a, b):
        return True
    comma = doc.text.find(",", a, b)
    return comma > 0 and source_clause_ok(doc, a, b) and looks_like_clause(doc, comma + 1, b)


def earlier_speaker(f: Finder, sa: int, pos: int) -> Pair | None:
    """Guard ``gerund-speaker``: '"We will win," said Ruiz, referring to the
    vote.' -- a sentence that opens with a quote has no subject to read;
    the gerund's speaker is that of the last attribution whose cue stands
    earlier in the sentence."""
    for c in reversed(f.out):
        if c.cue is not None and sa <= c.cue[0] < pos and c.speaker is not None:
            return c.speaker
    return None
