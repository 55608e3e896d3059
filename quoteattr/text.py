"""Character classes and segmentation: paragraphs, sentences, tokens.

All functions return offsets into the text they were given; none of them
rewrites the text. The regexes are compiled once, at import, and are linear:
no nested quantifiers over overlapping classes.

Scans over a text (``finditer``, ``findall``), here and in the other stage
modules, pass ``concurrent=False``: by default the ``regex`` module lets go
of the GIL and takes it back for every match, which made a word scan a
third slower. Extraction is Python code holding the GIL anyway; run
documents in parallel with processes (``extract_many(n_process=...)``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from .annotations import Annotation
from .lexicons import load_set

__all__ = [
    "PARAGRAPH_BREAK_RE",
    "TOKEN_RE",
    "WORD_RE",
    "found_after_word",
    "paragraph_spans",
    "segment",
    "sentence_spans",
    "tokens",
]

# Rule ``paragraph-blank-line``: a blank line (possibly holding spaces or
# tabs) separates paragraphs: "A.\n\nB." -> "A." | "B.".  \u2029 is the
# Unicode paragraph separator.
PARAGRAPH_BREAK_RE = regex.compile(
    r"(?:\r?\n|\r|\u2028)[ \t\f\v\u00a0]*(?:(?:\r?\n|\r|\u2028)[ \t\f\v\u00a0]*)+|\u2029"
)
# Rule ``paragraph-line``: in a text with no blank line at all, each line is a
# paragraph ("A.\nB." -> "A." | "B."), the usual shape of scraped articles.
LINE_BREAK_RE = regex.compile(r"\r\n|[\r\n\u2028\u2029\x85]")

# A word: letters, digits and marks with inner hyphens, apostrophes or
# periods ("Russia's", "well-known", "3.5", "U.S"). The package's one word
# pattern: the rules count words with WORD_RE and read tokens with TOKEN_RE.
# (In V1, \w holds every mark \p{M}: \w alone, not the set [\w\p{M}] that
# tested each character twice; tests/unit/test_speed_patterns.py checks it.)
_WORD = r"\w+(?:[-'’.]\w+)*"
WORD_RE = regex.compile(_WORD, regex.V1)
# A token: a dotted abbreviation ("U.S."), a word, or any single non-space character.
TOKEN_RE = regex.compile(r"(?:\p{Lu}\.){2,}|" + _WORD + r"|[^\w\s]", regex.V1)

ABBREVIATIONS = load_set("abbreviations.txt")

# Rule ``sentence-end``: ., !, ?, … (optionally followed by closing quotes or
# brackets) then whitespace then something that can start a sentence: an
# upper-case letter, a digit, an opening quote or bracket.
# Example: 'He left. "Fine," she said.' splits after "left.".
SENTENCE_END_RE = regex.compile(
    r"""[.!?…]+['"’”»)\]]*+\K[ \t\u00a0]+(?=[\p{Lu}\p{Lt}\d"“'‘«(\[])""",
    regex.V1,
)
# (?r): searched from the end, so the match anchored at the end costs one
# attempt rather than one per start position (the same matches).
_WORD_BEFORE_RE = regex.compile(r"(?r)([\w.]+)\.['\"’”»)\]]*$", regex.V1)
_NEXT_WORD_RE = regex.compile(r"\s*(\w+)")
# Words that, after "U.S." and similar dotted abbreviations, show that the
# abbreviation also ended the sentence: "... in the U.S. The talks ...".
_SENTENCE_STARTERS = load_set("sentence_starters.txt")
# Rule ``sentence-line``: a line break inside a paragraph ends a sentence
# unless the next line starts with a lower-case letter, as the continuation of
# hard-wrapped prose does ("Key Points\nThe council ..." splits;
# "the bridge was\nclosed" does not).


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans, leading and trailing whitespace excluded.

    Example:
        >>> paragraph_spans("A b.\\n\\n  C d.\\n")
        [(0, 4), (8, 12)]
    """
    # Only blank lines between words count: a leading or trailing blank line
    # does not switch a line-per-paragraph text to blank-line paragraphs.
    a, b = 0, len(text)
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    breaker = PARAGRAPH_BREAK_RE if PARAGRAPH_BREAK_RE.search(text, a, b) else LINE_BREAK_RE
    out: list[tuple[int, int]] = []
    pos = 0
    for m in breaker.finditer(text, concurrent=False):
        _add_stripped(text, pos, m.start(), out)
        pos = m.end()
    _add_stripped(text, pos, len(text), out)
    return out


def _add_stripped(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append((a, b))


def _is_abbreviation(text: str, cut: int, para_start: int) -> bool:
    """True when the period before offset *cut* belongs to an abbreviation."""
    left = text[max(para_start, cut - 40) : cut].rstrip()
    m = _WORD_BEFORE_RE.search(left)
    if not m:
        return False
    word = m.group(1)
    low = word.lower()
    if low in ABBREVIATIONS:
        return True
    # Single initials: "J. Smith", "U. S."
    if len(word) == 1 and word.isupper():
        return True
    # Dotted abbreviations: "U.S.", "a.m.", "D.C." end a sentence only when a
    # typical sentence starter follows.
    if "." in word:
        nxt = _NEXT_WORD_RE.match(text[cut : cut + 30])
        return not (nxt and nxt.group(1).lower() in _SENTENCE_STARTERS)
    return False


def sentence_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans within paragraphs, whitespace excluded.

    Example:
        >>> t = "Mr. Peskov spoke. He left."
        >>> [t[a:b] for a, b in sentence_spans(t)]
        ['Mr. Peskov spoke.', 'He left.']
    """
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    out: list[tuple[int, int]] = []
    for pa, pb in paragraphs:
        for la, lb in _lines(text, pa, pb):
            pos = la
            for m in SENTENCE_END_RE.finditer(text, la, lb, concurrent=False):
                cut, after = m.span()
                if _is_abbreviation(text, cut, la):
                    continue
                _add_stripped(text, pos, cut, out)
                pos = after
            _add_stripped(text, pos, lb, out)
    return out


def _lines(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """Split a paragraph at line breaks that end a sentence (rule ``sentence-line``)."""
    pos = a
    # (most paragraphs hold no line break: str searches, not a regex scan)
    find = text.find
    if find("\n", a, b) == find("\r", a, b) == find("\u2028", a, b) == find("\u2029", a, b) == find("\x85", a, b) == -1:
        yield a, b
        return
    for m in LINE_BREAK_RE.finditer(text, a, b, concurrent=False):
        nxt = text[m.end() : m.end() + 1]
        if not nxt.islower():
            yield pos, m.start()
            pos = m.end()
    yield pos, b


def found_after_word(text: str, anchors: Iterable[tuple[str, regex.Pattern[str]]]) -> bool:
    """True when, where one of the *anchors*' words stands in *text*, its
    pattern matches right after the word. Each pattern opens with
    whitespace (of ``str.isspace()``), so a word followed by none is passed
    over without a regex call. A stand-in for a regex scan of the whole
    text that tests every position: ``str.find`` reads the text many times
    faster, and a word the scan needs is seldom in it (issue 16).

    Example:
        >>> found_after_word("Call me Ishmael.", [("all", regex.compile(r"\\s+me\\s+\\p{Lu}"))])
        True
    """
    for word, after in anchors:
        i = text.find(word)
        while i != -1:
            j = i + len(word)
            if text[j : j + 1].isspace() and after.match(text, j):
                return True
            i = text.find(word, j)
    return False


def tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each token in ``text[start:end]``.

    Example:
        >>> t = "Russia's U.S. talks"
        >>> [t[a:b] for a, b in tokens(t)]
        ["Russia's", 'U.S.', 'talks']
    """
    for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end, concurrent=False):
        yield m.span()


def segment(text: str) -> Annotation:
    """The rule engine's annotation: paragraphs and sentences, no parse."""
    paras = paragraph_spans(text)
    return Annotation(text=text, paragraphs=paras, sentences=sentence_spans(text, paras), source="rules")
