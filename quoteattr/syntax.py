"""Dependency rules over a parsed annotation (stanza engine, gold CoNLL-U).

Placeholder: filled in by the stanza-engine work.
"""

from __future__ import annotations

from .annotations import Annotation
from .candidates import Candidate
from .marks import QuoteRegion

__all__ = ["find_candidates"]


def find_candidates(ann: Annotation, regions: list[QuoteRegion]) -> list[Candidate]:
    """Candidates from the parse; the placeholder defers to the surface rules."""
    from . import rules

    return rules.find_candidates(ann, regions)
