"""Defaults shared by the engine and the command line, in a module without imports.

``quoteattr --help`` reads these to build its options; keeping them here
(not in :mod:`quoteattr.pipeline`) means the help starts without loading the
engine, its lexicons or attrs.
"""

from __future__ import annotations

__all__ = ["DEFAULT_MIN_CONFIDENCE", "ENGINES", "TABLES_DENSITY", "TABLES_FROM", "first_table_count", "use_tables"]

#: Quotes below this confidence are dropped unless the caller asks for them:
#: scare quotes and titles with no cue ('so-called "peace plan"') score lower.
DEFAULT_MIN_CONFIDENCE = 0.3

#: The extraction engines: "rules" (no model) and "stanza".
ENGINES = ("rules", "stanza")

#: Guard ``tables-from`` (issue 18): from this many cue matches, quoted
#: regions or settled candidates on, or from one every
#: :data:`TABLES_DENSITY` characters of the text, the engine holds them in
#: array tables
#: (:class:`quoteattr.index.CueTable`, :class:`quoteattr.marks.RegionTable`,
#: :class:`quoteattr.candidates.CandidateTable`), whose every read makes a
#: new object; below it, as Python objects. A news article has tens of each
#: (at most 249 cues, 82 regions and 139 candidates in a document of
#: PolNeAR train and dev, LitBank dev and the seeds), and there the objects
#: are read many times: tables made the rule engine about 25% slower on
#: PolNeAR dev. Up to 1,024 objects a list holds a few hundred kilobytes
#: whatever the input's size, while a text of short quotes (``'"Yes," he
#: said. ' * 62500``: 62,500 of each) keeps a bounded peak. Both forms
#: give the same output (tests/unit/test_tables.py runs the engine with
#: this set to 0 and to a million).
TABLES_FROM = 1024

#: Guard ``tables-from``, by density: a text with a cue, region or candidate
#: every 32 characters or less is all quotes ('"Yes," he said. ' is one every
#: 16), where objects would cost 37 times a 10 KB text; no document of the
#: corpora has one every 57 characters or less.
TABLES_DENSITY = 32


def use_tables(count: int, text_length: int) -> bool:
    """Guard ``tables-from``: hold *count* items of a text of *text_length*
    characters in a table (else as Python objects)."""
    return count >= TABLES_FROM or count * TABLES_DENSITY >= text_length


def first_table_count(text_length: int) -> int:
    """The least count, one or more, that :func:`use_tables` accepts for a
    text of *text_length* characters (it grows with the count): where a
    stream of items moves from objects to a table, found once and not asked
    an item (:class:`quoteattr.index.DocIndex`'s cues)."""
    if TABLES_DENSITY > 0:
        by_density = max(1, -(-text_length // TABLES_DENSITY))
    else:
        by_density = 1 if text_length <= 0 else TABLES_FROM
    k = max(1, min(TABLES_FROM, by_density))
    assert use_tables(k, text_length) and (k == 1 or not use_tables(k - 1, text_length))
    return k
