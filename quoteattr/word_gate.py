"""Word gates (issue 16, throughput): a set test of the first word before an
anchored regex whose every match opens with one of a few literal words.

:class:`WordGate` reads those words from the pattern itself: each ASCII word
spelled in the pattern's source that can begin a match (a partial match of
the word and a space). A caller asks :meth:`WordGate.may_match` about the
text where the regex would start; it answers False only where the regex
cannot match, so the regex is run where it answers True and the matches are
the same. Example: ``ADJUNCT_RE`` of :mod:`quoteattr.clauses` ("on Tuesday",
"in a statement", ", earlier,") opens with one of thirty words, and most
cues are followed by "that", "the" or "to": one ``str`` slice and a set test
instead of a case-insensitive alternation of a hundred words (about nine
microseconds a call on PolNeAR dev).
"""

from __future__ import annotations

import re

import regex

__all__ = ["WordGate"]

# A run of ASCII letters (the standard library's re: the run is plain ASCII,
# and re's scan costs less than the regex module's).
_ASCII_RUN_RE = re.compile(r"[A-Za-z]+")


class WordGate:
    """The first words that can begin a match of a case-insensitive pattern.

    Args:
        pattern: a pattern compiled with ``regex.IGNORECASE`` whose every
            match, after whatever it skips with *skip*, opens with a word of
            ASCII letters spelled in its source, followed by a character that
            is not a letter.
        first_chars: the ASCII characters that can begin a match where the
            caller calls :meth:`may_match` (a partial match of each). Every
            letter among them must begin one of the words found, else the
            pattern has an opening this gate cannot see and ``ValueError`` is
            raised.

    Raises:
        ValueError: when the pattern is not case-insensitive or has an
            opening letter that begins none of its literal words.
    """

    __slots__ = ("words",)

    def __init__(self, pattern: regex.Pattern[str], first_chars: frozenset[str]) -> None:
        if not pattern.flags & regex.IGNORECASE:
            raise ValueError("WordGate needs a case-insensitive pattern")
        spelled = set(_ASCII_RUN_RE.findall(pattern.pattern.lower()))
        words = frozenset(w for w in spelled if pattern.match(w + " ", partial=True) is not None)
        letters = {c.lower() for c in first_chars if c.isascii() and c.isalpha()}
        if letters != {w[0] for w in words}:
            raise ValueError(f"WordGate: opening letters {sorted(letters)} against words {sorted(words)}")
        #: the lowercase words that can open a match
        self.words = words

    def may_match(self, rest: str) -> bool:
        """False only when *rest* (the text where the match would open) begins
        with ASCII letters that are none of :attr:`words`, followed by an ASCII
        character that is no letter: "that he", "the bill". True when it
        begins otherwise (no ASCII letter, or letters running to the end of
        *rest* or on into a character outside ASCII, which a case-insensitive
        match may read as a letter: "ſ" is "s"), where the regex decides.

        Example:
            >>> gate = WordGate(regex.compile(r"(?:on|at)\\s+\\w+", regex.I), frozenset("oOaA"))
            >>> gate.may_match("that he"), gate.may_match("On Monday"), gate.may_match("onſ")
            (False, True, True)
        """
        m = _ASCII_RUN_RE.match(rest)
        if m is None:
            return True
        e = m.end()
        if e == len(rest) or not rest[e].isascii():
            return True
        return m[0].lower() in self.words


# The letters of a pattern's syntax, not of its text: an escape ("\\s",
# "\\b"), inline flags ("(?r)", "(?i:"), a group's name ("(?P<mark>",
# "(?P=mark)").
_SYNTAX_RE = re.compile(r"\\[A-Za-z]|\(\?[A-Za-z-]+[:)]|\(\?P?<\w+>|\(\?P=\w+\)")


class TailGate:
    """What can end the match of a reverse pattern anchored at the end of
    its window (``"(?r)...$"`` with ``search(text, lo, hi)``) that is built of
    literal words (no letter in a class or under a quantifier of its own),
    literal punctuation and whitespace (``\\s``), and whose every match
    holds a non-space character.

    The last non-space character of such a match is a letter of a word
    spelled in the pattern's source or a punctuation character of the
    source, and after it stand only spaces up to *hi*. So where the window's
    text is plain ASCII and ends (before its spaces) in a run of letters
    none of whose endings is a word of the source ("Trump said": "Trump"),
    or in a character that is neither a letter nor one of the source's
    punctuation characters, no match can end at *hi*. Example: the text
    before a cue must end in ",", ";", a quote mark, "and", "but", "he",
    "has"... for ``_BEFORE_NEXT_CUE_RE`` of :mod:`quoteattr.clauses`.

    Args:
        pattern: the pattern (its source is read, never run).
    """

    __slots__ = ("marks", "words")

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        src = pattern.pattern
        #: every ASCII letter run of the source, lowercased, but for the
        #: letters of its syntax ("s" of "\\s", "r" of "(?r)", "mark" of
        #: "(?P<mark>")
        self.words = frozenset(_ASCII_RUN_RE.findall(_SYNTAX_RE.sub(" ", src).lower()))
        #: every ASCII character of the source that is no letter, digit or space
        self.marks = frozenset(c for c in src if c.isascii() and not c.isalnum() and not c.isspace())

    def may_match(self, text: str, lo: int, hi: int) -> bool:
        """False only when no match can end at *hi* in ``text[lo:hi]``.

        Example:
            >>> gate = TailGate(regex.compile(r"(?r)(?:,|\\band)\\s*$", regex.I))
            >>> gate.may_match("Trump said", 0, 6), gate.may_match("x, he", 0, 3), gate.may_match("Bland ", 0, 6)
            (False, True, True)
        """
        t = text[lo:hi]
        if not t.isascii():
            return True
        t = t.rstrip()
        k = len(t)
        if k == 0:
            return False
        if not t[k - 1].isalpha():
            return t[k - 1] in self.marks
        # (every ending of the run of letters: a source's word may be cut
        # from a longer one, "ha(?:s|d)" spells "ha", "s", "d")
        j = k - 1
        while j > 0 and t[j - 1].isalpha():
            j -= 1
        run = t[j:].lower()
        words = self.words
        return any(run[i:] in words for i in range(len(run)))
