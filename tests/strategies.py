"""Shared hypothesis strategies: news-like text and hostile text.

``news_texts()`` builds articles from the pieces quoteattr looks for (names,
cues from the lexicon, quote marks of every kind, paragraphs) and salts them
with the characters scraped text carries: CRLF, tabs, Unicode line and
paragraph separators, right-to-left text and bidi controls, combining marks,
emoji sequences and lone surrogates. ``texts()`` mixes those articles with
unbalanced mark soup and with hypothesis' own arbitrary text.
"""

from __future__ import annotations

from hypothesis import strategies as st

from quoteattr.cues import PHRASES, VERBS

__all__ = [
    "ADVERSARIAL",
    "CUES",
    "MARKS",
    "NAMES",
    "cue_words",
    "hostile_chars",
    "mark_soup",
    "names",
    "news_paragraphs",
    "news_sentences",
    "news_texts",
    "quote_marks",
    "shared_name_texts",
    "texts",
    "word_name",
]

#: Every quote mark quoteattr pairs, PTB doubles included.
MARKS = ('"', "“", "”", "„", "«", "»", "＂", "'", "‘", "’", "‚", "‹", "›", "`", "``", "''")

#: Speaker mentions: names, titles, roles, pronouns, organisations, names in
#: other scripts and with combining marks.
NAMES = (
    "Sergey Lavrov",
    "Lavrov",
    "Mr. Peskov",
    "Dmitry Peskov",
    "President Obama",
    "the foreign minister",
    "a spokeswoman for the ministry",
    "He",
    "he",
    "She",
    "she",
    "They",
    "The Kremlin",
    "the State Department",
    "Fran\u00e7ois Hollande",
    "Franc\u0327ois Hollande",
    "Jos\u00e9 Mar\u00eda Aznar",
    "\u0645\u062d\u0645\u062f \u0639\u0628\u0627\u0633",
    "\u05d1\u05e0\u05d9\u05de\u05d9\u05df \u05e0\u05ea\u05e0\u05d9\u05d4\u05d5",
    "\u674e\u514b\u5f3a",
    "O'Neill",
    "Hillary Clinton\u2019s aide",
)

#: Cues: verb forms from the lexicon and multiword cues, shapes of both.
CUES = tuple(
    sorted(
        {e.forms[i] for e in VERBS.values() for i in (1, 2)}
        | {"told reporters", "said in a statement", "according to", "told the press", "was quoted as saying"}
        | {p.replace(" <det>", " a") for p in PHRASES if p.startswith(("in <det>", "at <det>"))}
    )
)

# Filler words of ordinary news prose.
_WORDS = (
    "the talks", "sanctions", "on Tuesday", "in Moscow", "the compounds", "U.S.", "diplomats",
    "Russia's", "it was", "robbery", "we will respond", "no comment", "2016", "3.5%", "so-called",
    "well-known", "Dr.", "Jan.", "e.g.", "i.e.", "a.m.", "...", "\u2026", "\u2014", "--", "(AP)",
)  # fmt: skip

#: Characters and sequences that break naive text handling.
_HOSTILE = (
    "\r\n", "\r", "\t", "\u2028", "\u2029", "\x85", "\u00a0", "\u200b", "\ufeff",
    "\u200e", "\u200f", "\u202e", "\u2066", "\u2069",  # bidi marks and controls
    "e\u0301", "\u0301", "a\u0308\u0304",  # combining marks, also leading ones
    "\U0001f600", "\U0001f44d\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1fa\U0001f1f8",
    "\ud800", "\udfff", "\udc00x",  # lone surrogates
    "\x00", "\x1b[0m", "\uffff", "\U0010ffff",
    "\u0130", "\u00df", "\ufb03",  # characters whose case mapping changes length
)  # fmt: skip


def quote_marks() -> st.SearchStrategy[str]:
    """One quote mark of any kind."""
    return st.sampled_from(MARKS)


def names() -> st.SearchStrategy[str]:
    """A speaker mention."""
    return st.sampled_from(NAMES)


def cue_words() -> st.SearchStrategy[str]:
    """A cue: "said", "warns", "told reporters", "in a statement" ..."""
    return st.sampled_from(CUES)


def hostile_chars() -> st.SearchStrategy[str]:
    """A sequence from :data:`_HOSTILE` or one arbitrary code point (surrogates included)."""
    return st.one_of(st.sampled_from(_HOSTILE), st.characters(codec=None, categories=None))


def _clause() -> st.SearchStrategy[str]:
    return _CLAUSE


# (Built once: a strategy made inside a composite is validated on every
# draw, which was most of the time of a news_texts() example, issue 18.)
_CLAUSE = st.lists(st.one_of(st.sampled_from(_WORDS), hostile_chars()), min_size=1, max_size=8).map(" ".join)
_MARK, _NAME, _CUE = st.sampled_from(MARKS), st.sampled_from(NAMES), st.sampled_from(CUES)
_SHAPE = st.integers(0, 8)


@st.composite
def news_sentences(draw: st.DrawFn) -> str:
    """A sentence shaped like news: a quote with a cue and speaker, an
    indirect report, a split quote, an unclosed quote, or plain prose."""
    o, c = draw(_MARK), draw(_MARK)
    name, cue, clause, clause2 = draw(_NAME), draw(_CUE), draw(_CLAUSE), draw(_CLAUSE)
    shapes = (
        f"{o}{clause},{c} {name} {cue}.",
        f"{name} {cue}: {o}{clause}.{c}",
        f"{o}{clause},{c} {cue} {name}, {o}{clause2}.{c}",
        f"{name} {cue} that {clause}.",
        f"{name} {cue} {clause} was {o}{clause2}{c}.",
        f"{cue.capitalize()} {name}, {clause}.",
        f"{o}{clause}",
        f"{clause} {o}{clause2}{c}",
        f"{clause}.",
    )
    return shapes[draw(_SHAPE)]


@st.composite
def news_paragraphs(draw: st.DrawFn) -> str:
    """One to four sentences joined by spaces, tabs or single line breaks."""
    sents = draw(_SENTENCES)
    seps = [draw(_SEP) for _ in sents]
    return "".join(s + sep for s, sep in zip(sents, seps, strict=False)).rstrip(" ")


_SENTENCES = st.lists(news_sentences(), min_size=1, max_size=4)
_SEP = st.sampled_from((" ", "  ", "\t", "\n", "\r\n", " \u00a0"))


_PARAGRAPHS: dict[int, st.SearchStrategy[list[str]]] = {}
_PARA_SEP = st.sampled_from(("\n\n", "\r\n\r\n", "\n \n", "\n\t\n\n", "\u2029", "\r\r", "\n"))
_HEAD = st.sampled_from(("", "Kremlin Vows Response\n\n", "BREAKING: "))


@st.composite
def news_texts(draw: st.DrawFn, max_paragraphs: int = 6) -> str:
    """An article: paragraphs separated by blank lines (LF, CRLF, CR, U+2029
    or with spaces on the blank line), maybe with a headline."""
    paras_of = _PARAGRAPHS.get(max_paragraphs)
    if paras_of is None:
        paras_of = _PARAGRAPHS[max_paragraphs] = st.lists(news_paragraphs(), min_size=1, max_size=max_paragraphs)
    paras = draw(paras_of)
    sep = draw(_PARA_SEP)
    head = draw(_HEAD)
    return head + sep.join(paras)


def pieces_text(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Texts joined from up to *max_size* of *pieces* (words, marks, spaces a
    pattern looks at), for property tests that hold a cheaper test to the
    pattern it stands for."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


def mark_soup(max_size: int = 60) -> st.SearchStrategy[str]:
    """Quote marks, words and spaces in any order: unbalanced, nested, alternating."""
    return st.lists(
        st.one_of(quote_marks(), st.sampled_from((" ", "a", "Lavrov", "said", ",", ".", "\n", "\n\n", "'s", "n't"))),
        max_size=max_size,
    ).map("".join)


def texts() -> st.SearchStrategy[str]:
    """Any text quoteattr may be fed: news-like, mark soup, or arbitrary."""
    return st.one_of(
        news_texts(),
        mark_soup(),
        st.text(st.characters(codec=None, categories=None), max_size=200),
        st.lists(st.one_of(news_sentences(), hostile_chars(), quote_marks()), max_size=12).map("".join),
    )


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def word_name(i: int, prefix: str) -> str:
    """The *i*-th of a series of distinct capitalised made-up names: ``word_name(0, "Zor") == "Zorbaa"``.

    (Letters only, no known word: each is a new surname or given name. No
    "y": a sentence-initial word in "-ly" is read as an adverb, rule
    ``find-names-sentence-start``.)
    """
    letters = ""
    i += 25 * 25  # at least three letters after the prefix
    while i:
        i, r = divmod(i, 25)
        letters = "abcdefghijklmnopqrstuvwxz"[r] + letters
    return prefix + letters


def _numbered(unit: str, size: int) -> str:
    """*unit* with ``{}`` filled by ``word_name(0, ...)``, ``word_name(1, ...)`` ... until *size* characters."""
    parts: list[str] = []
    n = i = 0
    while n < size:
        parts.append(unit.replace("{}", word_name(i, "Zor")))
        n += len(parts[-1])
        i += 1
    return "".join(parts)[:size]


@st.composite
def shared_name_texts(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    """Several people sharing one name part (a surname, or a given name),
    each named in full, then quoted under the shared part alone:
    ``Kelbaa Wang met officials. “We left,” Wang said.``

    Returns the text and, per quote in order, the speaker mention (the
    shared part) and the full name of its entity (the person of that name
    part named just before).
    """
    surname_shared = draw(st.booleans())
    shared = draw(st.sampled_from(("Wang", "Smith", "Garcia") if surname_shared else ("John", "Maria", "Ahmed")))
    k = draw(st.integers(min_value=1, max_value=40))
    others = draw(st.lists(st.integers(min_value=0, max_value=10_000), min_size=k, max_size=k, unique=True))
    sents: list[str] = []
    expected: list[tuple[str, str]] = []
    for i in others:
        other = word_name(i, draw(st.sampled_from(("Kel", "Mar", "Tov"))))
        full = f"{other} {shared}" if surname_shared else f"{shared} {other}"
        bare = shared
        sents.append(f"{full} met officials. \u201cWe left,\u201d {bare} said.")
        expected.append((bare, full))
    sep = draw(st.sampled_from((" ", "\n\n")))
    return sep.join(sents), expected


#: Pathological inputs by name: each function returns about *size*
#: characters. Shared by tests/unit/test_adversarial.py (moderate sizes) and
#: benchmarks/speed.py (timed, up to megabytes).
ADVERSARIAL = {
    # no whitespace at all: one "word" of letters, marks and punctuation
    "no-whitespace": lambda n: _repeat("Lavrovsaid“Itwasrobbery,”he\u0301told.reporters'", n),
    # one quote mark repeated: 10^5 at 100 KB
    "straight-marks": lambda n: '"' * n,
    # 10^5 marks pairing into one-letter quotes (no region of straight-marks
    # survives rule empty-quote; these all do)
    "short-quotes": lambda n: _repeat('"a" ', n),
    # every kind of mark in turn, never balanced
    "mixed-marks": lambda n: _repeat("\"“”„«»＂'‘’‚‹›``''`", n),
    # marks nested n/2 deep then closed
    "nested-marks": lambda n: "“" * (n // 2) + "”" * (n - n // 2),
    # double and single marks alternating with words: " ' " ' ...
    "alternating-marks": lambda n: _repeat("\"a 'b \"c 'd ", n),
    # a single sentence: no sentence-ending punctuation anywhere
    "one-sentence": lambda n: _repeat("and the talks went on while Lavrov said the compounds were seized ", n),
    # thousands of "said" in a row
    "said-run": lambda n: _repeat("said ", n),
    # thousands of complete quotes in one paragraph
    "quote-run": lambda n: _repeat("“We will respond,” he said. ", n),
    # one quote opened in every paragraph and never closed
    "unclosed-paragraphs": lambda n: _repeat("“It was robbery, Lavrov said\n\n", n),
    # only paragraph breaks / only line breaks
    "blank-lines": lambda n: "\n" * n,
    # periods and abbreviations
    "periods": lambda n: _repeat("Mr. U.S. a.m. e.g. . ", n),
    # one base letter followed by combining marks
    "combining": lambda n: "e" + "\u0301" * (n - 1),
    # emoji, RTL text and lone surrogates
    "hostile-unicode": lambda n: _repeat(
        '\U0001f468\u200d\U0001f469 \u05e9\u05dc\u05d5\u05dd \ud800 \u202e"\u0645\u0631\u062d\u0628\u0627" said ', n
    ),
    # apostrophes and primes everywhere
    "apostrophes": lambda n: _repeat("'em 'n' rock's 90's ' ’ ", n),
    # one first name, thousands of surnames (issue 18: was cubic)
    "repeated-first-name": lambda n: _numbered("John {} met officials. John left. ", n),
    # one surname, thousands of given names (issue 18: was quadratic)
    "shared-surname": lambda n: _numbered("{} Wang met officials. ", n),
    # many entities sharing a name part, quoted under it alone
    "shared-name-part": lambda n: _numbered(
        "{} Wang met officials. \u201cWe left,\u201d Wang said. John {} left. \u201cNo,\u201d John said. ", n
    ),
}
