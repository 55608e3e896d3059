"""The rule engine's driver: quotes, cues and speaker mentions, no parse.

Every rule has a name (a member of :class:`quoteattr.registry.Rule`; its
value becomes :attr:`quoteattr.Quote.rule`), a comment with an example, and
a row in ``docs/rules.md`` generated from the registry. The rules read the
document's :class:`~quoteattr.index.DocIndex`: its sentences and
paragraphs, the quoted regions found by :mod:`quoteattr.marks`, the cues
found by :mod:`quoteattr.cues` and the tokens.

Where things are:

* :mod:`quoteattr.chunker`: speaker noun phrases (``np_left``, ``np_right``);
* :mod:`quoteattr.clauses`: reported clauses and where they end;
* :mod:`quoteattr.patterns_regions`, :mod:`quoteattr.patterns_cues`: the
  reporting patterns, one registered function each;
* :mod:`quoteattr.finder`: the state and helpers the patterns share;
* :mod:`quoteattr.settle`: overlaps (rule ``no-nested-attribution``),
  shared with the syntax engine.

Order of work (:data:`quoteattr.registry.STAGES`, and within a stage
:data:`quoteattr.registry.ORDER`):

1. Each paragraph that is a transcript line (``transcript-speaker``).
2. Each quoted region is attached to a nearby cue and speaker
   (``quote-speaker-cue`` and its variants, ``quote-dash-speaker``,
   ``speaker-colon-quote``).
3. Each remaining cue outside quotes proposes an indirect or mixed quote
   (filters first, then ``according-to``, ``saying-clause``, ... ,
   ``subject-cue-clause``).
4. Quoted regions still without a cue become ``direct-bare`` candidates.
5. Headlines lose confidence; then overlaps are settled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from . import (  # noqa: F401  (registers the pattern functions)
    patterns_chant,
    patterns_cues,
    patterns_declared,
    patterns_headline,
    patterns_regions,
    patterns_talk,
    patterns_thought,
)
from .annotations import Annotation
from .candidates import Candidate
from .finder import Finder
from .index import DocIndex
from .marks import QuoteRegion
from .finder import CueItem
from .registry import STAGES, Stage, functions
from .settle import settle

__all__ = ["find_candidates"]


def _unused_regions(f: Finder) -> Iterator[tuple[int, QuoteRegion]]:
    # (read lazily: a pattern may use the next region while this one is handled)
    for idx, r in enumerate(f.doc.regions):
        if idx not in f.used_regions:
            yield idx, r


def _unused_cues(f: Finder) -> Iterator[CueItem]:
    for cue in f.doc.cues:
        if cue.start not in f.used_cues:
            yield CueItem(f, cue)


#: What each stage iterates over.
_ITEMS: dict[Stage, Callable[[Finder], Iterable[Any]]] = {
    Stage.PARAGRAPH: lambda f: f.doc.paras.spans,
    Stage.REGION: _unused_regions,
    Stage.CUE: _unused_cues,
    Stage.BARE: _unused_regions,
    Stage.ADJUST: lambda f: f.out,
}


def run_stage(f: Finder, stage: Stage) -> None:
    """Run the pattern functions of *stage* over its items, in registry
    order; the first that returns True ends the item's turn."""
    funcs = functions(stage)
    for item in _ITEMS[stage](f):
        for fn in funcs:
            if fn(f, item):
                break


def find_candidates(ann: Annotation, regions: Sequence[QuoteRegion], index: DocIndex | None = None) -> list[Candidate]:
    """All quote candidates of the document, in text order.

    Args:
        ann: the annotation (text, paragraphs, sentences).
        regions: the quoted regions of :func:`quoteattr.marks.find_quotes`.
        index: the document's index, when the caller has built it.
    """
    f = Finder(index if index is not None else DocIndex(ann, regions))
    for stage in STAGES:
        run_stage(f, stage)
    return settle(f.out)
