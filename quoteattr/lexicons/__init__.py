"""Word lists shipped as package data, loaded once into frozen sets.

Each ``*.txt`` file holds one entry per line, lowercase, sorted and unique,
after a ``#`` header that names its source and licence (a unit test checks
this). Tab-separated columns carry extra fields where a list needs them.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["load_lines", "load_rows", "load_set"]


@functools.cache
def load_lines(name: str) -> tuple[str, ...]:
    """The entries of lexicon *name* (header and blank lines dropped)."""
    raw = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(line.rstrip("\n") for line in raw.splitlines() if line.strip() and not line.startswith("#"))


def load_set(name: str) -> frozenset[str]:
    """The first column of each entry of lexicon *name*, as a frozen set."""
    return frozenset(line.split("\t", 1)[0] for line in load_lines(name))


def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Each entry of lexicon *name* split on tabs."""
    return tuple(tuple(line.split("\t")) for line in load_lines(name))
