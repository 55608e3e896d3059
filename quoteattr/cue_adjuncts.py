"""Guard ``duration-adjunct``: a phrase of duration or first occurrence right
after a cue ("has said for months that ...", "acknowledged for the first
time Friday that ...") is skipped, so that the clause after it is read
(issue 16). Read by :meth:`quoteattr.finder.CueItem.opening`.

The phrase is read with word tests, not a regex: the regex module builds a
pattern's state on its first use and keeps it, and this one is rarely used
(news memory, issue 18).
"""

from __future__ import annotations

__all__ = ["skip_duration"]

#: "for the first time", "for years", "for several weeks", "for a long time",
#: "for decades now": the words of duration "for" takes here (not "for the
#: record" or "for the bill", which open an object).
_ORDINALS = frozenset(["first", "second", "third", "last"])
_UNITS = frozenset(["years", "months", "weeks", "days", "decades"])
_AMOUNTS = frozenset(["several", "many", "some", "two", "three", "few"])
_SPANS = frozenset(["time", "while"])
#: Not before punctuation: "words he has been repeating for decades, not so
#: much because ..." has no clause after the phrase.
_STOPS = frozenset(",;:.!?—–-")


def _words(text: str, pos: int, limit: int, n: int) -> list[tuple[str, int]]:
    """Up to *n* words (letters only, lowercased) from *pos*, each with its end."""
    out: list[tuple[str, int]] = []
    i = pos
    while len(out) < n:
        while i < limit and text[i] in " \t":
            i += 1
        j = i
        while j < limit and text[j].isalpha():
            j += 1
        if j == i:
            break
        out.append((text[i:j].lower(), j))
        i = j
    return out


def _phrase_end(w: list[tuple[str, int]]) -> int:
    """Where the duration phrase of the words *w* (after "for") ends, or -1."""
    k = [x for x, _ in w]
    if len(k) >= 3 and k[0] == "the" and k[1] in _ORDINALS and k[2] == "time":
        return w[2][1]
    if len(k) >= 2 and k[0] == "a" and k[1] in _SPANS:
        return w[1][1]
    if len(k) >= 3 and k[0] == "a" and k[1] == "long" and k[2] in _SPANS:
        return w[2][1]
    i = 0
    if k[:2] == ["a", "few"]:
        i = 2
    elif k[:1] and k[0] in _AMOUNTS:
        i = 1
    if len(k) > i and k[i] in _UNITS:
        return w[i + 1][1] if len(k) > i + 1 and k[i + 1] == "now" else w[i][1]
    return -1


def skip_duration(text: str, pos: int, limit: int) -> int:
    """The offset after a duration phrase at *pos* ("for years") and the
    spaces after it, or *pos*.

    Example:
        >>> t = "Osei has said for years that the pier is unsafe."
        >>> t[skip_duration(t, 13, len(t)):]
        'that the pier is unsafe.'
    """
    i = pos
    while i < limit and text[i] in " \t":
        i += 1
    # (a test of three letters first: most cues are not followed by "for")
    if text[i : i + 3].lower() != "for" or (i + 3 < limit and text[i + 3].isalpha()) or i + 3 > limit:
        return pos
    w = _words(text, pos, min(limit, pos + 40), 5)
    end = _phrase_end(w[1:])
    if end < 0:
        return pos
    nxt = end
    while nxt < limit and text[nxt] in " \t":
        nxt += 1
    if nxt < limit and text[nxt] in _STOPS:
        return pos
    return nxt
