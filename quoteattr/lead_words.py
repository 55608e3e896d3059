"""Guard ``lead-word``: a sentence-opening connective that PolNeAR leaves
out of the attributed content ("And the pier will close, according to the
board." → ⟦the pier will close⟧; "Still, Okafor said, the ferry runs late."
→ ⟦the ferry runs late⟧).

Read by rule ``according-to`` (a clause before its source phrase) and rule
``parenthetical-cue`` (when "Still" is all the words before ', X said,').
On polnear-train, gold leaves out "And" and a bare "Now" before such an
according-to clause (3 of 3) and a lone "Still," before a parenthetical cue
(3 of 3); "But" (2 in, 2 out), "Instead" (4 in) and "Now," with its comma
(always in) stay.
"""

from __future__ import annotations

__all__ = ["ACCORDING_LEAD", "ASIDE_LEAD", "PARENTHETICAL_LEAD", "skip_lead_word"]

#: Rule according-to: "And ..." and a bare "Now ..." (not "Now, ...").
ACCORDING_LEAD = frozenset(["And", "Now"])
#: Guard source-aside of rule according-to: "And", "But" ("But," too) and
#: a bare "Now" before 'X, according to Y, Z'.
ASIDE_LEAD = frozenset(["And", "But", "But,", "Now"])
#: Rule parenthetical-cue: the whole of the words before ', X said,' when
#: they are only "Still" ("Still, she said, the pier must close").
PARENTHETICAL_LEAD = frozenset(["Still"])


def skip_lead_word(text: str, sa: int, end: int, words: frozenset[str]) -> int:
    """Where the content starts once a lead word of *words* at *sa* (the
    sentence start) and the space after it are left out; *sa* when none.

    The word must not be followed by a comma ("Now, ..." keeps its "Now")
    unless *words* holds it with its comma ("But,").
    Only the first few characters are read: a capital first letter is
    tested before the word is cut out.
    """
    if sa >= end or not text[sa].isupper():
        return sa
    i = sa
    stop = min(end, sa + 8)
    while i < stop and text[i].isalpha():
        i += 1
    if i < end and text[i] == "," and text[sa : i + 1] in words:
        i += 1  # ("But," of ASIDE_LEAD)
    if text[sa:i] not in words or i >= end or text[i] not in " \t":
        return sa
    j = i
    while j < end and text[j] in " \t":
        j += 1
    return j if j < end else sa
