"""Surface rules of the rule engine (no parse needed).

Placeholder during the foundation work: direct quotes only.
"""

from __future__ import annotations

from .annotations import Annotation
from .candidates import Candidate, trim
from .marks import QuoteRegion

__all__ = ["find_candidates"]


def find_candidates(ann: Annotation, regions: list[QuoteRegion]) -> list[Candidate]:
    out = []
    for r in regions:
        if r.depth:
            continue
        parts = [trim(ann.text, a, b) for a, b in r.parts]
        parts = [p for p in parts if p[0] < p[1]]
        if not parts:
            continue
        words = sum(len(ann.text[a:b].split()) for a, b in parts)
        out.append(Candidate(parts=parts, rule="direct-bare", confidence=0.5 if words >= 4 else 0.15))
    return out
