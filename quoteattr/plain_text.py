"""Guard ``plain-text`` (issue 16, throughput): a stretch of text whose
characters outside ASCII are all punctuation or spaces of news text (curly
quotes, dashes, ellipses, no-break spaces) reads the same to a pattern of
Unicode classes and to its ASCII twin, and the standard library's ``re``
scans at less cost than the ``regex`` module. A module that keeps such a
twin asks :func:`is_plain` about the stretch first, and runs the
``regex`` pattern on any other text ("Résumé", "Łódź"): the matches are the
same either way (``tests/unit/test_word_gate.py`` compares each pair).

In such a stretch the letters are ``[A-Za-z]`` (``\\p{L}``, ``\\p{Lu}``,
``\\p{Ll}`` and ``\\w``'s letters), the digits ``[0-9]`` (``\\p{N}``), no
character is a mark (``\\p{M}``), and the characters of
:data:`NEWS_PUNCTUATION` are neither letters nor digits.

Example:
    >>> is_plain("Russia’s “no” — he said…"), is_plain("Résumé")
    (True, False)
"""

from __future__ import annotations

import re

__all__ = ["NEWS_PUNCTUATION", "is_plain", "is_plain_text"]

#: Characters outside ASCII that a plain stretch may hold: no letter, digit,
#: mark or underscore among them.
NEWS_PUNCTUATION = "“”‘’\u00a0—―–…"
_NOT_PLAIN_RE = re.compile("[^\\x00-\\x7f" + NEWS_PUNCTUATION + "]")


def is_plain(text: str, a: int = 0, b: int | None = None) -> bool:
    """True when every character of ``text[a:b]`` is ASCII or one of :data:`NEWS_PUNCTUATION`."""
    return _NOT_PLAIN_RE.search(text, a, len(text) if b is None else b) is None


#: Characters per block of :func:`is_plain_text`: its only transient copies
#: are of one block (a block of 65,536 characters, a whole news article,
#: raised the tracemalloc peak of a 10,000-character text by 0.3 times the
#: input; 256 costs about as many instructions).
_BLOCK = 256


def is_plain_text(text: str) -> bool:
    """``is_plain(text)`` for a whole document, asked once by the stages that
    share the answer (:class:`quoteattr.index.DocIndex`, and
    :func:`quoteattr.gather.gather_mentions` for names and pronouns):
    ``str.isascii`` after the news punctuation is taken out of each block,
    which reads a text at a third of the cost of the regex search.
    """
    if text.isascii():
        return True
    for i in range(0, len(text), _BLOCK):
        block = text[i : i + _BLOCK]
        if block.isascii():
            continue
        for c in NEWS_PUNCTUATION:
            block = block.replace(c, "")
        if not block.isascii():
            return False
    return True
