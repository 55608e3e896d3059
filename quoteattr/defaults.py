"""Defaults shared by the engine and the command line, in a module without imports.

``quoteattr --help`` reads these to build its options; keeping them here
(not in :mod:`quoteattr.pipeline`) means the help starts without loading the
engine, its lexicons or attrs.
"""

from __future__ import annotations

__all__ = ["DEFAULT_MIN_CONFIDENCE", "ENGINES"]

#: Quotes below this confidence are dropped unless the caller asks for them:
#: scare quotes and titles with no cue ('so-called "peace plan"') score lower.
DEFAULT_MIN_CONFIDENCE = 0.3

#: The extraction engines: "rules" (no model) and "stanza".
ENGINES = ("rules", "stanza")
