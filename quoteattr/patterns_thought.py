"""Rule ``thought-clause`` (stage ``adjust``, issue 16): a clause read from a
thought cue outside quotes is a belief, not words said.

Rule subject-cue-clause takes :data:`quoteattr.patterns_cues.THOUGHT_PENALTY`
off a quote whose cue is a thought cue ("believes", "thinks", "fears"),
which puts it below the default threshold. The other rules that read an
unquoted clause from a cue did not: ", believing ⟦the vote was rigged⟧"
(saying-clause), "⟦The pier, she thinks, will close⟧" (parenthetical-cue),
"⟦The toll will go⟧, many residents believe." (clause-subject-cue). This rule
takes the same amount off theirs. On polnear-train it put 19 unmatched and 2
matched predictions below the threshold (and 15 that matched gold thought
attributions, which the scorer leaves out).
"""

from __future__ import annotations

from .candidates import Candidate
from .finder import Finder
from .model import CueClass
from .patterns_cues import THOUGHT_PENALTY
from .registry import Rule, Stage, register

__all__ = ["thought_clause"]

#: the rules whose clause takes the penalty (subject-cue-clause takes it itself)
THOUGHT_CLAUSE_RULES = frozenset(
    [Rule.SAYING_CLAUSE, Rule.PARENTHETICAL_CUE, Rule.CLAUSE_SUBJECT_CUE, Rule.CLAUSE_CUE_SUBJECT]
)


@register(
    Rule.THOUGHT_CLAUSE,
    Stage.ADJUST,
    example="The union walked out, believing ⟦the offer was an insult⟧ (0.7 - 0.65)",
)
def thought_clause(f: Finder, c: Candidate) -> bool:
    """An unquoted clause read from a thought cue by rules saying-clause,
    parenthetical-cue, clause-subject-cue or clause-cue-subject takes 0.65
    off its confidence, as subject-cue-clause does: a belief, not words
    said."""
    if c.cue_class is CueClass.THOUGHT and c.rule in THOUGHT_CLAUSE_RULES:
        c.confidence = max(0.0, c.confidence - THOUGHT_PENALTY)
    return False
