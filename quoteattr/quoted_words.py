"""Guard ``quoted-predicate`` (issue 16): words of a cue's object that open a
quote inside it.

A reported clause without "that" is told from a plain object by its shape
(rule ``clause-shape`` of :mod:`quoteattr.clauses`: a subject pronoun or a
finite verb in its first words). A quote that opens inside the object with a
lowercase word marks the object as the speaker's words as well, whatever
the verb inside the quote: 'noting the nominee "makes you want to retch."',
'pledged a "political revolution"', 'declaring a "moral equivalent of war"
against ...' (PolNeAR annotates each as one mixed quote). Read by rules
``saying-clause`` and ``subject-cue-object`` (``patterns_cues.py``) for cues
outside frame ``object-message``, whose objects are reported anyway.
"""

from __future__ import annotations

from .index import DocIndex

__all__ = ["QUOTED_PREDICATE_WINDOW", "quote_opens_inside"]

#: How far into the object the quote may open (characters).
QUOTED_PREDICATE_WINDOW = 80


def quote_opens_inside(doc: DocIndex, a: int, b: int) -> bool:
    """True when a quote opens after the first character of ``[a, b)``,
    within :data:`QUOTED_PREDICATE_WINDOW` characters, with a lowercase
    letter ('the nominee "makes ...', not 'citing "The Art of the Deal"').

    Example:
        >>> from quoteattr.annotations import Annotation
        >>> from quoteattr.marks import find_quotes
        >>> text = 'noting the nominee "makes you want to retch."'
        >>> paras = [(0, len(text))]
        >>> idx = DocIndex(Annotation(text=text, paragraphs=paras, sentences=[]), find_quotes(text, paras)[0])
        >>> quote_opens_inside(idx, 7, len(text)), quote_opens_inside(idx, 19, len(text))
        (True, False)
    """
    text = doc.text
    return any(
        r.open_start > a and text[r.start : r.start + 1].islower()
        for r in doc.regions_starting_in(a, min(b, a + QUOTED_PREDICATE_WINDOW))
    )
