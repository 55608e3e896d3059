"""Proper-name mentions found by capitalisation (the rule engine has no NER).

:func:`find_name_mentions` finds capitalised word sequences that make a
name, with the role the text gives it (rules ``find-names``,
``find-names-sentence-start``, ``role-premodifier``, ``role-appositive``);
:class:`_LowerWords` answers whether a sentence-initial word also stands in
the text in lowercase. The words of a mention are read by
:mod:`quoteattr.mentions`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import regex

from .mentions import _DETERMINERS, _NOT_NAMES, Word, _cap, _lower, _role_info, mention_words
from .cues import FORMS
from .lexicons import load_set
from .names import FIRST_NAMES, ROLE_NOUNS, TITLES
from .plain_text import is_plain
from .text import ABBREVIATIONS, found_after_word

# Rule ``find-names``: a capitalised word sequence, possibly with particles
# and initials, is a proper-name mention. Example: "Sergey V. Lavrov",
# "Ursula von der Leyen", "Mr. Peskov". A dialogue dash ends a name: "Mem
# Sahib--Mary" is "Mem Sahib" and "Mary".
# (The first capital comes before the lookbehind that checks the character
# before it, "(?<!...\p{Lu})": the same matches as the lookbehind first, but
# the scan tests a capital, not the lookbehind, at every position.)
_NAME_SEQ_RE = regex.compile(
    r"\p{Lu}(?<![\p{L}\p{M}\p{N}'’]\p{Lu})"
    r"(?:\p{Ll}{0,3}\.|(?:[\p{L}\p{M}'’]|-(?!-))*(?![.]\p{L}))"
    r"(?:[ \u00a0](?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}(?:[\p{L}\p{M}'’]|-(?!-))*"
    r"|(?:de|del|der|di|da|dos|du|la|le|van|von|al|el|bin|ibn)(?=[ \u00a0](?:\p{Lu}|der |la |los |de ))))*",
    regex.V1,
)
# A period after a short capitalised word is an abbreviation ("Mr.", "Gen.",
# "J.") only; "Florence. By" is two sentences.
# Guard ``plain-text`` (see quoteattr.plain_text): _NAME_SEQ_RE's ASCII twin,
# read by the standard library's re where the text is plain (a quarter less
# than the regex module's scan on PolNeAR dev); its classes are those of
# _NAME_SEQ_RE on such text.
_NAME_SEQ_ASCII_RE = re.compile(
    r"[A-Z](?<![A-Za-z0-9'’][A-Z])"
    r"(?:[a-z]{0,3}\.|(?:[A-Za-z'’]|-(?!-))*(?![.][A-Za-z]))"
    r"(?:[ \u00a0](?:[A-Z][a-z]{0,3}\.|[A-Z](?:[A-Za-z'’]|-(?!-))*"
    r"|(?:de|del|der|di|da|dos|du|la|le|van|von|al|el|bin|ibn)(?=[ \u00a0](?:[A-Z]|der |la |los |de ))))*"
)

# Rule ``role-premodifier``: up to four lowercase or capitalised modifier
# words ending in a role noun right before a name give the entity a role.
# Example: "Russian foreign minister Sergei Lavrov" -> "Russian foreign minister".
# (?r): searched from the end, so the anchored match costs one attempt
# instead of one per start position (the same matches, 50x faster).
_LAST_WORD_RE = regex.compile(r"(?r)([\p{L}\-]+)[ \u00a0]$", regex.V1)
_PREMOD_RE = regex.compile(r"(?r)((?:[\p{L}\-]+[ \u00a0]){0,4}[\p{L}\-]+)[ \u00a0]$", regex.V1)

# Rule ``role-appositive``: ", the <role>," right after a name gives it a role.
# Example: "Sergey Lavrov, the Russian foreign minister," -> "Russian foreign minister".
_APPOSITIVE_RE = regex.compile(
    r"^,[ \u00a0]+(?:the|a|an|\p{Lu}[\p{L}.]*['’]s)[ \u00a0]+([^,.;:()\"“”]{2,80}?)[ \u00a0]*(?=[,.;:)]|$)", regex.V1
)


class NameMention(NamedTuple):
    """A proper-name mention :func:`find_name_mentions` found: ``[start, end)``
    and the role the text gives it, if any."""

    start: int
    end: int
    role: str | None


def find_name_mentions(
    text: str, start: int = 0, end: int | None = None, *, plain: bool | None = None
) -> list[NameMention]:
    """Proper-name mentions found by capitalisation, with a role where the text gives one.

    Rule ``find-names``: capitalised word sequences, minus leading function
    words ("But Lavrov" -> "Lavrov") and a possessive "'s"; titles are kept
    ("Mr Peskov"). Rules ``role-premodifier`` and ``role-appositive`` attach a
    role ("Russian foreign minister Sergei Lavrov").

    *plain*: whether the text is plain (:func:`quoteattr.plain_text.is_plain_text`),
    where the caller knows; ``None``: asked here (guard ``plain-text``).

    Returns:
        :class:`NameMention` records in text order; *role* is ``None`` when
        the text gives none.
    """
    end = len(text) if end is None else end
    out: list[NameMention] = []
    lower_words: _LowerWords | None = None
    # names whose first word waits for the answer of one scan over the text
    # (see _LowerWords), with that word
    deferred: list[tuple[list[Word], str]] = []
    # (one scan of the text instead of a line read per name, in a text
    # with no heading: news has none)
    headings = _has_chapter_word(text)
    # (the lookbehind reads the character before *start*)
    names: Iterable[re.Match[str] | regex.Match[str]]
    if plain is None:
        plain = is_plain(text, max(0, start - 1), end)
    if plain:
        names = _NAME_SEQ_ASCII_RE.finditer(text, start, end)
    else:
        names = _NAME_SEQ_RE.finditer(text, start, end, concurrent=False)
    for m in names:
        g = m.group()
        # (two names in three are one run of letters, which is its own only
        # word: "Lavrov" needs no second regex scan)
        ws = [(m.start(), m.end(), g)] if g.isalpha() else mention_words(text, m.start(), m.end())
        # a period ends the name unless the word is a title, an initial or
        # an abbreviation: "Florence. By" -> "Florence"
        for i in range(len(ws) - 1):
            g = ws[i][2]
            if g.endswith(".") and len(g) > 2:
                lg = _lower(g)
                if lg not in TITLES and lg not in ABBREVIATIONS:
                    ws = ws[: i + 1]
                    break
        while ws:
            g = ws[0][2]
            lg = _lower(g)
            if (lg in _NOT_NAMES and lg not in TITLES) or g == "I" or g == "i":
                ws = ws[1:]
            else:
                break
        if not ws:
            continue
        # Rule ``find-names-sentence-start``: a sentence-initial word that the
        # text also writes in lowercase is not part of the name ("Poor
        # Douglas" -> "Douglas", "Upon" -> nothing) ...
        # (lg is _lower of the first word: the loop above stopped at it)
        if lg not in TITLES and lg not in FIRST_NAMES and _sentence_initial(text, ws[0][0]):
            # ... nor is an adverb in -ly ("Immediately he was off again.")
            if lg.endswith("ly"):
                ws = ws[1:]
            else:
                if lower_words is None:
                    lower_words = _LowerWords(text)
                known = lower_words.known(lg)
                if known is None:
                    deferred.append((ws, lg))
                    continue
                if known:
                    ws = ws[1:]
            if not ws:
                continue
        _add_name(text, ws, out, headings)
    if deferred:
        assert lower_words is not None
        lowercase = lower_words.among({lg for _, lg in deferred})
        for ws, lg in deferred:
            if lg in lowercase:
                ws = ws[1:]
            if ws:
                _add_name(text, ws, out, headings)
        out.sort(key=_first)  # (the names do not overlap: their starts differ)
    return out


def _first(t: NameMention) -> int:
    return t[0]


def _add_name(text: str, ws: list[Word], out: list[NameMention], headings: bool = True) -> None:
    """Append the name of the words *ws* to *out*, unless they make none
    (*headings*: the text may hold a chapter heading, see ``_CHAPTER_WORD_RE``)."""
    # split at a possessive: "Russia's Vladimir Putin" -> "Vladimir Putin"
    for i in range(len(ws) - 1):
        if ws[i][2].endswith(("'s", "’s")):
            ws = ws[i + 1 :]
            break
    a, b = ws[0][0], ws[-1][1]
    if text[b - 2 : b] in ("'s", "’s"):
        b -= 2
    if text[b - 1] == "." and len(ws) > 1 and _lower(ws[-1][2]) not in ABBREVIATIONS:
        b -= 1
    word = text[a:b]
    if (headings and _in_chapter_heading(text, a, b)) or (len(word) > 2 and word.isupper() and _caps_label(text, a, b)):
        return
    if len(ws) > 2 or (len(ws) == 2 and _lower(ws[0][2]) not in FIRST_NAMES):
        if _in_title_case_line(text, a, b):
            if _lower(ws[0][2]) not in FIRST_NAMES:
                return
            # "Donald Trump Praises Breitbart News" -> "Donald Trump"; "Clinton Says ..." -> "Clinton"
            ws = ws[:1] if _lower(ws[1][2]) in _HEADLINE_WORDS_LOWER else ws[:2]
            a, b = ws[0][0], ws[-1][1]
            word = text[a:b]
    if len(ws) == 1:
        lw = _lower(word)
        if lw in _NOT_NAMES or lw in TITLES or (lw in ROLE_NOUNS and not _cap(word[1:2] or "a")):
            return
    if len(ws) == 1 and word.endswith(".") and len(word) <= 3:
        return
    # (tuple.__new__ makes the record in C: NameMention(...) runs the
    # named tuple's Python __new__, once per name)
    out.append(_new_tuple(NameMention, (a, b, _role_near(text, a, b))))


_new_tuple = tuple.__new__


# Rule ``chapter-heading``: a line that opens with a chapter word and a number
# is a heading, and its capitalised words are no names: "Chapter I. The Missing
# Heir.", "CHAPTER III. RAGGED DICK'S NEW SUIT", "BOOK II".
_CHAPTER_WORDS = ("CHAPTER", "Chapter", "BOOK", "Book", "PART", "Part", "VOLUME", "Volume", "STAVE", "Stave")
# What follows a chapter word: whitespace and a number or a capitalised word.
_CHAPTER_AFTER = r"[ \t\u00a0]+(?:[IVXLC]+\b|\d+|\p{Lu}\p{L}+)"
_CHAPTER_LINE_RE = regex.compile(r"[ \t_*]*(?:" + "|".join(_CHAPTER_WORDS) + ")" + _CHAPTER_AFTER)
# A chapter word and its number anywhere in the text: the part of
# _CHAPTER_LINE_RE after the line's leading space, which a heading holds
# (its line ends at a newline, so "\b" reads the same in the line and in
# the text). A text without one has no heading line.
_CHAPTER_WORD_RE = regex.compile("(?:" + "|".join(_CHAPTER_WORDS) + ")" + _CHAPTER_AFTER)
# Each chapter word with what must follow it (no chapter word is a prefix
# of another, so a match of _CHAPTER_WORD_RE at a word is one of these).
_CHAPTER_AFTER_RE = regex.compile(_CHAPTER_AFTER)
_CHAPTER_ANCHORS = tuple((w, _CHAPTER_AFTER_RE) for w in _CHAPTER_WORDS)


def _has_chapter_word(text: str) -> bool:
    """``_CHAPTER_WORD_RE.search(text) is not None``, tried only where a
    chapter word stands (a news text has a few "Party" and "Book" at most)."""
    return found_after_word(text, _CHAPTER_ANCHORS)


#: Only a line at most this long can be a heading.
_HEADING_LINE = 120


def _line_end(text: str, b: int) -> int:
    """The end of the line holding offset *b* (its newline, or the end of the
    text), or -1 when the line runs on for more than ``_HEADING_LINE``
    characters: no heading line."""
    le = text.find("\n", b, b + _HEADING_LINE)
    if le < 0:
        return len(text) if b + _HEADING_LINE >= len(text) else -1
    return le


def _in_chapter_heading(text: str, a: int, b: int) -> bool:
    """Rule ``chapter-heading``: the name ``text[a:b]`` stands in a chapter heading line."""
    ls = text.rfind("\n", max(0, a - _HEADING_LINE), a)
    if ls < 0 and a >= _HEADING_LINE:
        return False
    j = ls + 1
    while j < a and text[j] in " \t_*":
        j += 1
    if text[j] not in "CBPVS":  # (no chapter word opens the line)
        return False
    le = _line_end(text, b)
    if le < 0:
        return False
    return _CHAPTER_LINE_RE.match(text, ls + 1, le) is not None


# Rule ``caps-label``: a capitalised label is no name: an all-caps name that
# is its line's only word ("ABSTRACT.", "TWITTER."), that opens its line
# before a dash (a dateline or kicker: "WASHINGTON ― This spring ...",
# "MOSCOW (AP) - The Kremlin ...",
# "FAREWELL—\"The Living Room to close\""), or that stands in a line shouted
# in capitals ("3. FOR AFGHAN WOMEN ‘GLASS IS HALF FULL.’"). A transcript label
# ("WALLACE: Welcome back.") is followed by a colon and stays a name.
_DASH_AFTER_RE = regex.compile(r"[ \t\u00a0]*(?:\([^)\n]{1,30}\)[ \t\u00a0]*)?(?:—|―|–|--|-[ \t\u00a0])")


def _caps_label(text: str, a: int, b: int) -> bool:
    """Rule ``caps-label``: the all-caps name ``text[a:b]`` is a label, not a name."""
    if text[b : b + 1] == ":":
        return False
    ls = text.rfind("\n", max(0, a - _HEADING_LINE), a) + 1
    if ls == 0 and a >= _HEADING_LINE:
        ls = a - _HEADING_LINE  # (a long line: only the part before the name is read)
    le = text.find("\n", b, b + _HEADING_LINE)
    le = len(text) if le < 0 and b + _HEADING_LINE >= len(text) else (le if le >= 0 else b + _HEADING_LINE)
    before, after = text[ls:a], text[b:le]
    if not any(map(str.isalpha, before)):
        if not any(map(str.isalpha, after)) or _DASH_AFTER_RE.match(text, b, le):
            return True
    line = text[ls:le]
    upper = sum(map(str.isupper, line))
    return upper > 12 and upper > 4 * sum(map(str.islower, line))


# Rule ``headline-names``: in a title-case headline every word is capitalised,
# so a run of capitals there is no name unless it opens with a given name, and
# then it is that name and the next word unless that is a verb: "Pastor Wants Girl Scout Leaders To
# Be Executed For Supporting Gays." makes no name; "Donald Trump Praises
# Breitbart News Coverage" makes "Donald Trump".
_LONG_WORD_RE = regex.compile(r"(?<![\p{L}'’])\p{L}[\p{L}'’\-]{3,}")
#: A title-case headline has at least this many words of four letters or more.
_HEADLINE_WORDS = 3
# Verb forms and function words that a title-case headline capitalises.
_HEADLINE_WORDS_LOWER = frozenset(FORMS) | load_set("headline_words.txt")


def _in_title_case_line(text: str, a: int, b: int) -> bool:
    """Rule ``headline-names``: the name ``text[a:b]`` stands in a title-case line."""
    ls = text.rfind("\n", max(0, a - _HEADING_LINE), a)
    if ls < 0 and a >= _HEADING_LINE:
        return False
    le = _line_end(text, b)
    if le < 0:
        return False
    words = []
    for m in _LONG_WORD_RE.finditer(text, ls + 1, le, concurrent=False):
        w = m.group()
        if not w[0].isupper():
            return False  # (a lowercase word: no title case; the rest of the line goes unread)
        words.append(w)
    if len(words) < _HEADLINE_WORDS or text[ls + 1 : le].isupper():
        return False
    # (a capitalised verb or function word tells a headline from a line of
    # names: "Trump Praises ...", "... Leaders To Be Executed For ..."; not
    # "Russia's Vladimir Putin met Ursula von der Leyen.")
    return any(_lower(w) in _HEADLINE_WORDS_LOWER for w in words)


class _LowerWords:
    """Does a word stand in *text* as a whole lowercase word, as
    ``_LOWER_WORD_RE`` finds them?

    A news article asks about a few dozen sentence-initial words, so
    :meth:`known` looks each up with ``str.find`` and checks its boundaries.
    ``str.find`` reads text fifty to a hundred times faster than the regex
    scan that lists every lowercase word, but once the searches have read 32
    times the text (costing more than one scan), :meth:`known` answers
    ``None`` and the caller asks :meth:`among` about every word still open,
    in one scan, which keeps a long text linear. Both ways give the same
    answers, and neither holds the text's vocabulary: the scan keeps only
    the words asked about.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.budget = 32 * len(text) + 65536
        self.answers: dict[str, bool] = {}

    def known(self, word: str) -> bool | None:
        """The answer for *word*, or ``None`` when searching would overspend the budget."""
        found = self.answers.get(word)
        if found is not None:
            return found
        if self.budget < 0:
            return None
        text = self.text
        found = False
        if _LOWER_WORD_RE.fullmatch(word):
            i = text.find(word)
            while i != -1:
                j = i + len(word)
                if (i == 0 or not _LETTER_OR_MARK_RE.match(text, i - 1)) and not _LOWER_OR_MARK_RE.match(text, j):
                    found = True
                    break
                i = text.find(word, i + 1)
            self.budget -= len(text) if i == -1 else i
        self.answers[word] = found
        return found

    def among(self, words: set[str]) -> set[str]:
        """Those of *words* that stand in the text as whole lowercase words.

        One scan, a block at a time: a findall over the whole text would
        list every occurrence at once (several times the text's size).
        Blocks end at a space, which no word holds, and the lookbehind sees
        across a block start.
        """
        found = {w for w in words if self.answers.get(w)}
        ask = {w for w in words if w not in self.answers}
        text = self.text
        pos, n = 0, len(text)
        while ask and pos < n:
            stop = text.find(" ", pos + _BLOCK)
            stop = n if stop == -1 else stop
            hits = ask.intersection(_LOWER_WORD_RE.findall(text, pos, stop, concurrent=False))
            found |= hits
            ask -= hits
            pos = stop
        return found


_LETTER_OR_MARK_RE = regex.compile(r"[\p{L}\p{M}]", regex.V1)
_LOWER_OR_MARK_RE = regex.compile(r"[\p{Ll}\p{M}]", regex.V1)


# characters per block of _LowerWords.among (a findall's list of the block's
# words is the scan's only transient memory)
_BLOCK = 4096
_LOWER_WORD_RE = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]+", regex.V1)


def _sentence_initial(text: str, pos: int) -> bool:
    """True when only spaces, quote marks or brackets stand between *pos* and
    the text start, a paragraph break or sentence-final punctuation."""
    i = pos - 1
    opened = False
    while i >= 0 and text[i] in " \t\u00a0\"'“”‘’«»([_*-—–":
        # an opening quote mark starts a sentence: 'said only, "Nonsense!"'
        opened = opened or (text[i] in "\"“‘«'" and (i == 0 or not text[i - 1].isalnum()))
        i -= 1
    return i < 0 or opened or text[i] in ".!?\n\r:;"


def _role_near(text: str, a: int, b: int) -> str | None:
    # (tests by operator and slice before any method call: _role_near runs
    # once per name, and most names have no comma after and no role before)
    m = _APPOSITIVE_RE.match(text[b : b + 100]) if text[b : b + 1] == "," and _may_be_appositive(text, b) else None
    if m:
        words = m.group(1).split()
        if words and _role_info(words[-1]) is not None:
            return m.group(1)
    # The premodifier must end in a lowercase role noun right before the
    # space before the name: test that word before running the regex.
    if a < 2 or text[a - 1] not in " \u00a0\n":
        return None
    lo = a - 60 if a > 60 else 0
    last = ""
    if text[a - 1] != "\n":
        s1 = text.rfind(" ", lo, a - 1) + 1
        s2 = text.rfind("\u00a0", lo, a - 1) + 1
        s1 = s1 if s1 > s2 else s2
        last = text[s1 if s1 > lo else lo : a - 1]
    if not (last.isalpha() or ("-" in last and last.replace("-", "").isalpha())):
        # not a plain word before the name: find the letters that end it
        # (most often there are none: "Mr. Lavrov", a name that opens its line)
        if not _may_end_word(text, lo, a):
            return None
        found = _LAST_WORD_RE.search(text, lo, a)
        if found is None:
            return None
        last = found.group(1)
    if last[:1].isupper() or _role_info(last) is None:  # (_cap, inlined)
        return None
    pm = _PREMOD_RE.search(text[max(0, a - 60) : a])
    if pm:
        words = pm.group(1).split()
        # keep the words up to the role noun, from the last sentence-like break
        if words and _role_info(words[-1]) is not None and not _cap(words[-1]):
            while words and (words[0].lower() in _DETERMINERS or words[0].lower() in _NOT_NAMES):
                words = words[1:]
            if words:
                return " ".join(words)
    return None


# Cheap rejections before the regexes of _role_near (a name is most often
# followed by no appositive and preceded by no word): they test by operator
# and str method the characters a match must hold, and leave to the regex
# every character outside ASCII (its Unicode tables are newer than str's).


def _may_be_appositive(text: str, b: int) -> bool:
    """False when ``_APPOSITIVE_RE`` cannot match at the comma ``text[b]``:
    its spaces must be followed by "the", "a" or "an", or a capitalised
    possessive ("Iran's"), then a space ("Lavrov, who" and "Lavrov, Russia
    and Iran" hold no appositive)."""
    j = b + 1
    while text[j : j + 1] in (" ", "\u00a0"):
        j += 1
    if j == b + 1:
        return False
    c = text[j : j + 1]
    if c == "t":
        return text[j + 1 : j + 3] == "he" and text[j + 3 : j + 4] in (" ", "\u00a0")
    if c == "a":
        k = j + 2 if text[j + 1 : j + 2] == "n" else j + 1  # ("an", else "a")
        return text[k : k + 1] in (" ", "\u00a0")
    if not c.isascii():
        return True
    if not c.isupper():
        return False
    # a capitalised word of letters and periods, then "'s" and a space
    k = j + 1
    while text[k : k + 1].isalpha() or text[k : k + 1] == ".":
        k += 1
    if not text[j : k + 1].isascii():
        return True  # (a character outside ASCII, "’" among them: the regex decides)
    return text[k : k + 2] == "'s" and text[k + 2 : k + 3] in (" ", "\u00a0")


def _may_end_word(text: str, lo: int, a: int) -> bool:
    """False when ``_LAST_WORD_RE.search(text, lo, a)`` finds nothing: its
    space ends the text at *a*, or stands before a final newline there
    (``$``), with a letter or hyphen right before it ("Mr. Lavrov" has none)."""
    e = a - 1 if text[a - 1] == "\n" else a
    if e - 2 < lo or text[e - 1] not in " \u00a0":
        return False
    c = text[e - 2]
    return c.isalpha() or c == "-" or not c.isascii()
