"""The stanza engine's two ways of reading a parsed text, chosen by mode.

* ``"dependency"`` (the default): the dependency rules of
  :mod:`quoteattr.syntax` find the quotes from the parse (``ccomp``,
  ``parataxis``, the ``obl`` of "according to"), with the surface rules as a
  fallback.
* ``"boundaries"``: the rule engine finds the quotes (its marks, cue lexicon
  and speakers) and :mod:`quoteattr.boundaries` takes the clause boundaries of
  indirect and mixed quotes from the parse.

This dispatcher sits above both modules, so that neither imports the other
back (:mod:`quoteattr.boundaries` reads :class:`quoteattr.syntax.ParseFinder`).

Example::

    cands = find_candidates(ann, regions, mode="boundaries")
"""

from __future__ import annotations

from collections.abc import Sequence

from . import rules, syntax
from .annotations import Annotation
from .boundaries import refine
from .candidates import Candidate
from .errors import InvalidArgumentError
from .index import DocIndex
from .marks import QuoteRegion

__all__ = ["DEFAULT_MODE", "MODES", "find_candidates"]

#: The stanza engine's modes: ``"dependency"``, the dependency rules of
#: :mod:`quoteattr.syntax`; ``"boundaries"``, the rule engine's candidates
#: with clause boundaries from the parse (:mod:`quoteattr.boundaries`).
MODES = ("dependency", "boundaries")
#: The mode used when none is given.
DEFAULT_MODE = "dependency"


def find_candidates(
    ann: Annotation, regions: Sequence[QuoteRegion], index: DocIndex | None = None, *, mode: str | None = None
) -> list[Candidate]:
    """Quote candidates of a parsed annotation, read the way *mode* says.

    Args:
        ann: an annotation with a parse (tokens with lemma, upos, head, deprel).
        regions: the quoted regions of :func:`quoteattr.marks.find_quotes`.
        index: the document's index, when the caller has built it.
        mode: one of :data:`MODES` (default :data:`DEFAULT_MODE`).

    Returns:
        Candidates in text order.

    Raises:
        MissingAnnotationError: when the annotation has no parse.
        InvalidArgumentError: for a mode not in :data:`MODES`.
    """
    mode = DEFAULT_MODE if mode is None else mode
    if mode not in MODES:
        raise InvalidArgumentError(f"the stanza engine's mode must be one of {MODES} (got {mode!r})")
    index = index if index is not None else DocIndex(ann, regions)
    if mode == "boundaries":
        return refine(syntax.ParseFinder(ann, index), rules.find_candidates(ann, regions, index))
    return syntax.find_candidates(ann, regions, index)
