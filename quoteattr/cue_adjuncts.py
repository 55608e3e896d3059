"""Guard ``duration-adjunct``: a phrase of duration or first occurrence right
after a cue ("has said for months that ...", "acknowledged for the first
time Friday that ...") is skipped, so that the clause after it is read
(issue 16). Read by :meth:`quoteattr.finder.CueItem.opening`.
"""

from __future__ import annotations

import regex

__all__ = ["skip_duration"]

#: "for the first time", "for years", "for several weeks", "for a long time",
#: "for decades now": the words of duration "for" takes here (not "for the
#: record" or "for the bill", which open an object). Not before punctuation:
#: "words he has been repeating for decades, not so much because ..." has
#: no clause after the phrase.
DURATION_RE = regex.compile(
    r"""\s*for\s+(?:the\s+(?:first|second|third|last)\s+time
      | (?:(?:several|many|some|two|three|a\s+few)\s+)?(?:years|months|weeks|days|decades)(?:\s+now)?
      | a\s+(?:long\s+)?(?:time|while))(?!\w)(?!\s*[,;:.!?—–-])\s*""",
    regex.V1 | regex.X | regex.I,
)


def skip_duration(text: str, pos: int, limit: int) -> int:
    """The offset after a duration phrase at *pos* ("for years"), or *pos*.

    Example:
        >>> t = "Osei has said for years that the pier is unsafe."
        >>> t[skip_duration(t, 13, len(t)):]
        'that the pier is unsafe.'
    """
    if not text.startswith("for", pos + 1 if text[pos : pos + 1].isspace() else pos):
        return pos  # (a word test first: most cues are not followed by "for")
    m = DURATION_RE.match(text, pos, limit)
    return pos if m is None else m.end()
