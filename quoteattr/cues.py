"""Cue lexicon and cue matching: "said", "told reporters", "according to".

The lexicons are package data (see :mod:`quoteattr.lexicons`):

* ``reporting_verbs.txt``: lemma, class (speech/thought) and the five forms
  base, 3sg, past, past participle, gerund of each reporting verb;
* ``cue_phrases.txt``: multiword and noun cues with their class and type;
* ``audience_nouns.txt``: objects that turn a verb into a ``verb-object`` cue
  ("told reporters", "said to the BBC").

:func:`find_cues` scans a text once. A word regex walks the text and each
word is looked up in a dict; only a word that can begin a longer cue runs one
anchored, precompiled regex for the rest of the cue, on a window of bounded
length. Every pattern is a plain alternation of literal words joined by
whitespace runs of at most :data:`MAX_GAP` characters (no nested
quantifiers), so a scan is linear in the length of the text. (One
trie-ordered alternation regex of the whole lexicon was the other option; it
scanned polnear-dev 2-3x slower: ``benchmarks/speed.py``, section
``cue-matcher``.)

Example:
    >>> [(m.lemma, m.type) for m in find_cues("He told reporters, according to AP, that he said so.")]
    [('tell', 'verb-object'), ('according to', 'source-after'), ('say', 'verb')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

import re

import attrs
import regex

from .lexicons import load_lines, load_rows
from .model import CueClass
from .plain_text import is_plain

__all__ = [
    "AUDIENCE",
    "DETERMINERS",
    "FORMS",
    "FORM_KINDS",
    "MAX_GAP",
    "PHRASES",
    "PHRASE_TYPES",
    "VERBS",
    "CueMatch",
    "PhraseEntry",
    "VerbEntry",
    "find_cues",
    "is_cue_wall",
    "is_cue_word",
]

#: The five verb forms, in lexicon column order.
FORM_KINDS = ("base", "3sg", "past", "pastpart", "gerund")
#: The ``type`` column values of ``cue_phrases.txt``.
PHRASE_TYPES = frozenset({"adjunct", "noun", "passive", "phrasal", "source-after"})
#: Words that may fill the optional ``<det>`` slot of a phrase or come
#: before an audience noun: "in *a* statement", "told *his* supporters".
DETERMINERS = ("a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that")
# Guard ``prepositional-participle``: a verb form that is a preposition
# (or a noun) before these words reports nothing: "costs rose 4%, compared
# with 2% last year", "she leads thanks in part to her wins", "his
# references to the pier" (but "compared the plan to a tax", "thanked the
# crew", "referenced the report" are cues).
_PREPOSITION_FORMS = {
    "compared": frozenset(["to", "with"]),
    "reference": frozenset(["to"]),
    "references": frozenset(["to"]),
    "thanks": frozenset(["to", "in", "largely", "mostly", "partly", "mainly", "entirely"]),
}
# Rule ``audience-object``: these verbs take the audience as a bare object
# ("told reporters", "assured the crowd"); any other reporting verb needs
# "to" first ("said to reporters", "speaking to the BBC"), so that "said the
# press secretary" is not read as an audience.
_BARE_OBJECT_VERBS = frozenset(
    [
        "advise",
        "alert",
        "assure",
        "brief",
        "caution",
        "email",
        "inform",
        "instruct",
        "notify",
        "promise",
        "reassure",
        "remind",
        "tell",
        "text",
        "urge",
        "warn",
        "write",
    ]
)
# A word: letters, marks, digits and underscores, with inner hyphens and
# apostrophes ("so-called", "e-mail", "Russia's" are one word each, so that
# no cue is found inside them). Example: "Saidi said" -> "Saidi", "said".
_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}_]+(?:[-'’][\p{L}\p{M}\p{N}_]+)*")
# Guard ``plain-text`` (see quoteattr.plain_text): the same words in a
# stretch whose characters outside ASCII are all news punctuation ("’" joins
# as in _WORD_RE: "Russia’s"), read by the standard library's re (about 10%
# of find_cues on PolNeAR dev). Any other stretch ("é") is _WORD_RE's.
_ASCII_WORD_RE = re.compile(r"[A-Za-z0-9_]+(?:[-'’][A-Za-z0-9_]+)*")
# What may not follow a cue: a word character or a hyphen ("said-" in
# "said-and-done" is not a cue).
_NOT_AFTER = r"(?![\p{L}\p{M}\p{N}_-])"
# Rule ``whitespace-gap``: the words of a multiword cue may be separated by
# any whitespace run (spaces, tabs, line breaks) of up to this many
# characters. The cap bounds every match, so that each anchored match is run
# on a bounded window: the ``regex`` module's ``Pattern.match(text, pos)``
# otherwise looks for the pattern's literal ("to" in "\s+to") through the
# whole rest of the text, which made a scan quadratic ("said " * 20000).
MAX_GAP = 100
_WS = rf"\s{{1,{MAX_GAP}}}"


@attrs.frozen
class VerbEntry:
    """A reporting verb of ``reporting_verbs.txt``.

    Args:
        lemma: the base form ("say").
        cue_class: speech or thought.
        forms: base, 3sg, past, past participle and gerund, in that order.
    """

    lemma: str
    cue_class: CueClass
    forms: tuple[str, str, str, str, str]


@attrs.frozen
class PhraseEntry:
    """A multiword or noun cue of ``cue_phrases.txt``.

    Args:
        phrase: the entry as listed ("in <det> statement").
        cue_class: speech or thought.
        type: one of :data:`PHRASE_TYPES`.
    """

    phrase: str
    cue_class: CueClass
    type: str


@attrs.frozen(weakref_slot=False)
class CueMatch:
    """One cue found in a text.

    Args:
        start: offset of the first character of the cue.
        end: offset after its last character (half-open).
        lemma: the verb lemma ("say" for "said", "tell" for "told
            reporters"), or the lexicon entry of a phrase ("according to",
            "in <det> statement").
        cue_class: speech or thought.
        form_kind: the verb form (one of :data:`FORM_KINDS`) for ``verb``
            and ``verb-object`` cues; ``None`` for phrases.
        type: ``"verb"``, ``"verb-object"`` or a phrase type
            (``"source-after"``, ``"adjunct"``, ``"passive"``,
            ``"phrasal"``, ``"noun"``).
    """

    start: int
    end: int
    lemma: str
    cue_class: CueClass
    form_kind: str | None
    type: str

    def text(self, source: str) -> str:
        """The cue's characters in *source*."""
        return source[self.start : self.end]


def _load_verbs() -> dict[str, VerbEntry]:
    out: dict[str, VerbEntry] = {}
    for row in load_rows("reporting_verbs.txt"):
        lemma, cls, forms = row
        parts = tuple(forms.split(" "))
        if len(parts) != 5:
            raise ValueError(f"reporting_verbs.txt: {lemma!r} must have 5 forms (got {forms!r})")
        out[lemma] = VerbEntry(lemma, CueClass(cls), parts)
    return out


def _index_forms(verbs: Mapping[str, VerbEntry]) -> dict[str, tuple[str, str]]:
    """word form -> (lemma, form kind).

    A form shared by several entries goes to the lemma that *is* the word
    ("bet" the base of "bet"), else to the alphabetically first lemma
    ("lambasted" -> "lambast", not "lambaste"); within one lemma to the
    first kind in :data:`FORM_KINDS` order ("said" -> past, not pastpart).
    """
    best: dict[str, tuple[tuple[bool, str, int], tuple[str, str]]] = {}
    for lemma, entry in verbs.items():
        for i, form in enumerate(entry.forms):
            key = (form != lemma, lemma, i)
            if form not in best or key < best[form][0]:
                best[form] = (key, (lemma, FORM_KINDS[i]))
    return {form: v for form, (_, v) in sorted(best.items())}


def _load_phrases() -> dict[str, PhraseEntry]:
    out: dict[str, PhraseEntry] = {}
    for phrase, cls, typ in load_rows("cue_phrases.txt"):
        if typ not in PHRASE_TYPES:
            raise ValueError(f"cue_phrases.txt: {phrase!r} has unknown type {typ!r}")
        out[phrase] = PhraseEntry(phrase, CueClass(cls), typ)
    return out


#: lemma -> :class:`VerbEntry`, from ``reporting_verbs.txt``.
VERBS: Mapping[str, VerbEntry] = MappingProxyType(_load_verbs())
#: lower-case word form -> ``(lemma, form_kind)``; see :func:`_index_forms`
#: for forms that belong to several lemmas.
FORMS: Mapping[str, tuple[str, str]] = MappingProxyType(_index_forms(VERBS))
#: phrase as listed -> :class:`PhraseEntry`, from ``cue_phrases.txt``.
PHRASES: Mapping[str, PhraseEntry] = MappingProxyType(_load_phrases())
#: Audience nouns of ``audience_nouns.txt`` ("reporters", "the press" is
#: "press" after a determiner).
AUDIENCE: frozenset[str] = frozenset(load_lines("audience_nouns.txt"))

# Noun cues are single words; a noun that is also a verb form is a verb.
_NOUNS: dict[str, PhraseEntry] = {p: e for p, e in PHRASES.items() if " " not in p and p not in FORMS}
_DET_RE = r"(?:(?:" + "|".join(DETERMINERS) + r")" + _WS + ")?"


def _words_re(words: list[str]) -> str:
    """Regex for *words* after a first word: each preceded by whitespace."""
    out = []
    for w in words:
        if w == "<det>":
            out.append(r"(?:" + _WS + "(?:" + "|".join(DETERMINERS) + r"))?")
        else:
            out.append(_WS + regex.escape(w))
    return "".join(out)


def _build_continuations() -> dict[str, regex.Pattern[str]]:
    """first word -> anchored regex for the rest of every phrase it begins.

    Alternatives are ordered longest first so that "in a blog post" beats
    "in a post"-style prefixes, and each is a named group ``p<i>`` that says
    which phrase matched.
    """
    by_first: dict[str, list[tuple[str, int]]] = {}
    names = list(PHRASES)
    for i, phrase in enumerate(names):
        words = phrase.split(" ")
        if len(words) > 1:
            by_first.setdefault(words[0], []).append((phrase, i))
    out = {}
    for first, items in by_first.items():
        items.sort(key=lambda t: (-len(t[0].split(" ")), -len(t[0]), t[0]))
        alts = [f"(?P<p{i}>{_words_re(p.split(' ')[1:])})" for p, i in items]
        out[first] = regex.compile("(?:" + "|".join(alts) + ")" + _NOT_AFTER, regex.IGNORECASE)
    return out


_CONTINUATIONS = _build_continuations()
_PHRASE_NAMES = list(PHRASES)


# The next word after a cue word: letters, digits and inner hyphens only, as
# a phrase's words end where an apostrophe starts ("told MSNBC's" has the
# audience "MSNBC").
_NEXT_WORD_RE = regex.compile(_WS + r"([\p{L}\p{M}\p{N}_]+(?:-[\p{L}\p{M}\p{N}_]+)*)")


def _build_next_words() -> dict[str, frozenset[str]]:
    """first word -> every word that can follow it in a phrase (casefolded).

    Rule ``phrase-next-word``: a cheap test before a continuation regex. "in"
    begins phrases ("in a statement", "in remarks"), but "in the city" cannot
    continue one: "city" is no possible next word, so the long alternation
    is not tried. A first word whose next word is not one plain word (what
    ``_NEXT_WORD_RE`` reads) is left out, and its regex always runs.
    """
    out: dict[str, set[str]] = {}
    skip: set[str] = set()
    for phrase in PHRASES:
        words = phrase.split(" ")
        if len(words) < 2:
            continue
        nexts = [words[1]]
        if words[1] == "<det>":
            nexts = list(DETERMINERS) + words[2:3]
        for w in nexts:
            if w == "<det>" or _NEXT_WORD_RE.fullmatch(" " + w) is None:
                skip.add(words[0])
            out.setdefault(words[0], set()).add(w.casefold())
    return {k: frozenset(v) for k, v in out.items() if k not in skip}


_NEXT_WORDS = _build_next_words()
# Every word that can begin a cue: one set test per word of the text.
_KEYS = frozenset(FORMS) | frozenset(_NOUNS) | frozenset(_CONTINUATIONS)
_AUDIENCE_ALT = "|".join(
    _WS.join(regex.escape(w) for w in a.split(" ")) for a in sorted(AUDIENCE, key=lambda a: (-len(a), a))
)
# Rule ``audience-object``: verb + optional "to" + optional determiner +
# audience noun. Example: "told the press", "speaking to reporters".
_AUDIENCE_TO_RE = regex.compile(
    _WS + r"to" + _WS + _DET_RE + "(?:" + _AUDIENCE_ALT + ")" + _NOT_AFTER, regex.IGNORECASE
)
# The words an audience object can begin with (rule ``phrase-next-word``
# applied to rule ``audience-object``: "told the press", "told reporters").
_AUDIENCE_FIRST = frozenset(w.casefold() for w in ["to", *DETERMINERS, *(a.split(" ")[0] for a in AUDIENCE)])
assert all(_NEXT_WORD_RE.fullmatch(" " + w) for w in _AUDIENCE_FIRST), "an audience word the next-word test cannot see"
_AUDIENCE_BARE_RE = regex.compile(
    _WS + r"(?:to" + _WS + ")?" + _DET_RE + "(?:" + _AUDIENCE_ALT + ")" + _NOT_AFTER, regex.IGNORECASE
)


def _longest(words: list[str]) -> int:
    """The most characters a run of *words* after a first word can match."""
    det = max(map(len, DETERMINERS))
    return sum(MAX_GAP + (det if w == "<det>" else len(w)) for w in words)


# Every anchored match after a word ends within this many characters, so a
# window one longer lets the final lookahead see a real character.
_WINDOW = 1 + max(
    max(_longest(p.split(" ")[1:]) for p in PHRASES),
    _longest(["to", "<det>", *max((a.split(" ") for a in AUDIENCE), key=lambda ws: _longest(ws))]),
)


def _match_at(text: str, a: int, b: int, low: str, stop: int) -> CueMatch | None:
    """The cue that starts with the key word ``text[a:b]`` (casefolded *low*):
    a phrase ("pointed out"), else a verb with its audience ("told
    reporters"), else the verb or noun alone; ``None`` when none ends by *stop*."""
    hit: CueMatch | None = None
    # the next word, casefolded ("" when none follows after whitespace;
    # the regex is not run where no whitespace follows, as after "said,":
    # every character of its \s is a str.isspace() one)
    nxt = _next_word(text, b) if text[b : b + 1].isspace() else ""
    cont = _CONTINUATIONS.get(low)
    if cont is not None and low in _NEXT_WORDS and nxt not in _NEXT_WORDS[low]:
        cont = None
    if cont is not None:
        c = cont.match(text, b, b + _WINDOW)
        if c is not None and c.end() <= stop:
            entry = PHRASES[_PHRASE_NAMES[int(c.lastgroup[1:])]]  # type: ignore[index]
            hit = CueMatch(a, c.end(), entry.phrase, entry.cue_class, None, entry.type)
    if hit is None:
        verb = FORMS.get(low)
        if verb is not None and low in _PREPOSITION_FORMS and nxt in _PREPOSITION_FORMS[low]:
            return None
        if verb is not None:
            lemma, kind = verb
            cls = VERBS[lemma].cue_class
            aud = None
            if lemma in _BARE_OBJECT_VERBS:
                if nxt in _AUDIENCE_FIRST:
                    aud = _AUDIENCE_BARE_RE.match(text, b, b + _WINDOW)
            elif nxt == "to":
                aud = _AUDIENCE_TO_RE.match(text, b, b + _WINDOW)
            if aud is not None and aud.end() <= stop:
                hit = CueMatch(a, aud.end(), lemma, cls, kind, "verb-object")
            elif b <= stop:
                hit = CueMatch(a, b, lemma, cls, kind, "verb")
        elif b <= stop:
            noun = _NOUNS.get(low)
            if noun is not None:
                hit = CueMatch(a, b, noun.phrase, noun.cue_class, None, "noun")
    return hit


# An ASCII word without joiners (the standard library's re reads ASCII
# text at less cost than the regex module).
_ASCII_RUN_RE = re.compile(r"[A-Za-z0-9_]+")


def _next_word(text: str, b: int) -> str:
    """The word ``_NEXT_WORD_RE`` reads after *b*, casefolded ("" when none).

    Where one space is followed by ASCII word characters that end at an ASCII
    character other than a hyphen (or at the window's end), those characters
    are the word: "said the", "in a", "told reporters.". Elsewhere the regex
    reads it (spaces other than one " ", a hyphen that may join a second
    part, letters outside ASCII).
    """
    if text[b : b + 1] == " ":
        hi = b + _WINDOW
        m = _ASCII_RUN_RE.match(text, b + 1, hi)
        if m is not None:
            e = m.end()
            c = text[e : e + 1] if e < hi else ""
            if c.isascii() and c != "-":
                return m[0].lower()
    nw = _NEXT_WORD_RE.match(text, b, b + _WINDOW)
    return "" if nw is None else nw[1].casefold()


def find_cues(text: str, start: int = 0, end: int | None = None, *, plain: bool = False) -> list[CueMatch]:
    """Every cue lying wholly inside ``text[start:end]``, in text order.

    Matching is case-insensitive and by whole words: "sayings", "Saidi",
    "addition" and "so-called" hold no cue. Where cues overlap, the one that
    starts first wins, and at one start the longest: a phrase ("said to have
    said", "pointed out") before a verb with its audience ("told
    reporters") before a single verb or noun. Words of a multiword cue may be
    separated by any run of whitespace, line breaks included.

    Args:
        text: the text to scan (not changed; offsets index it).
        start: where to begin.
        end: where to stop (default: the end of the text). Word boundaries
            are judged on the whole text, so a cue cut by *end* is dropped.
        plain: True where the caller knows the whole text is plain
            (:func:`quoteattr.plain_text.is_plain_text`); else the stretch
            is asked (guard ``plain-text``). The cues are the same either way.

    Returns:
        The matches, non-overlapping, sorted by start.

    Raises:
        TypeError: when *text* is not a ``str``.

    Example:
        >>> t = "She warned in a statement on Tuesday."
        >>> [(t[m.start:m.end], m.type) for m in find_cues(t)]
        [('warned', 'verb'), ('in a statement', 'adjunct')]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_cues() needs str, got {type(text).__name__}")
    n = len(text)
    stop = n if end is None else max(0, min(end, n))
    start = max(0, start)
    out: list[CueMatch] = []
    last = start
    keys = _KEYS
    # Two characters past *stop* let a word cut by it be seen whole
    # ("said-so" or "Saidi" across *stop* is one word and is dropped).
    # (concurrent=False keeps the GIL: see the docstring of quoteattr.text)
    # (m[0], not m.group(), and one span() for both ends: the loop runs once
    # a word of the text, and every call saved there counts)
    hi = min(n, stop + 2)
    words: Iterable[re.Match[str] | regex.Match[str]]
    if plain or is_plain(text, start, hi):
        words = _ASCII_WORD_RE.finditer(text, start, hi)
    else:
        words = _WORD_RE.finditer(text, start, hi, concurrent=False)
    for m in words:
        low = m[0].lower()
        if low not in keys:
            continue
        a, b = m.span()
        if a >= stop:
            break
        if a < last:
            continue
        if a == start and _continues_word(text, a):
            # the scan began inside a word: not a word start
            continue
        hit = _match_at(text, a, b, low, stop)
        if hit is not None:
            out.append(hit)
            last = hit.end
    return out


_WORD_CHAR_RE = regex.compile(r"[\p{L}\p{M}\p{N}_]")


def _continues_word(text: str, a: int) -> bool:
    """True when a ``_WORD_RE`` word of the whole text runs on through
    offset *a* from before it: a word character before *a*, or a hyphen or
    apostrophe with a word character before it ("Saidi" at "idi", "yes’said"
    at "said")."""
    if a <= 0 or not _WORD_CHAR_RE.match(text, a):
        return False
    if _WORD_CHAR_RE.match(text, a - 1):
        return True
    return text[a - 1] in "-'’" and a >= 2 and _WORD_CHAR_RE.match(text, a - 2) is not None


def is_cue_wall(ch: str) -> bool:
    """True for a character that no cue match runs through: not a space, a
    word character, a hyphen, an apostrophe or an underscore. A quote opened
    and closed by such marks ('"', '“') walls its text off from the cue
    scan: ``is_cue_wall('“')`` is True, ``is_cue_wall("'")`` False."""
    return not (ch.isspace() or ch in "-'’_" or _WORD_CHAR_RE.match(ch))


def is_cue_word(word: str) -> bool:
    """True when *word* alone is a cue: a reporting-verb form or a cue noun.

    Case is ignored; the first words of phrases ("according") are not cue
    words by themselves.

    Example:
        >>> is_cue_word("Said"), is_cue_word("statement"), is_cue_word("sayings")
        (True, True, False)
    """
    low = word.lower()
    return low in FORMS or low in _NOUNS
