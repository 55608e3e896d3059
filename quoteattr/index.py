"""The per-document index: the facts every stage reads, computed once.

:class:`DocIndex` holds the paragraphs and sentences of an
:class:`~quoteattr.annotations.Annotation`, the outermost quoted regions
(paired by :func:`quoteattr.marks.find_quotes`, nowhere else), the cues
that start outside every quote, and one token table. It answers the
lookups the stages share: the sentence, paragraph or region at an offset,
the cues between two offsets, whether an offset is inside a quote, and the
tokens between two offsets.

Tokens are those of :data:`quoteattr.text.TOKEN_RE`, the package's one
token regex, read for the window asked for (:meth:`DocIndex.tokens`), and
words those of :data:`quoteattr.text.WORD_RE` (:meth:`DocIndex.words`,
:meth:`DocIndex.first_words`): the
stages ask the index and never run a word regex over a window themselves.
The token table is virtual on purpose; the stored tables measured on
PolNeAR dev all cost more than scanning each window alone:

* a table of the whole document, even one filled a paragraph at a time:
  the rule engine 40% slower, about 1.6 bytes per input byte held on a
  10 MB document;
* a table per sentence, built on first use: 267,000 characters scanned
  where the windows add up to 199,000, about 10% slower;
* a table per sentence that grows over the stretch the windows ask for
  (130,000 characters scanned, none twice): the token lookups took 37 ms
  instead of 26 ms over all of PolNeAR dev's windows, and the tracemalloc
  peak rose from 9.97 to 13.63 times the input at 100 KB (a ``(start,
  end)`` tuple costs about 120 bytes); with the offsets in arrays, 57 ms
  against 35 ms, and 10.12 instead of 7.86 times the input at 1 MB (an array pair per
  sentence), or 10.49 instead of 10.25 at 10 KB when only the last eight
  sentences keep theirs;
* a word table for :meth:`DocIndex.words`: 25 ms instead of ``findall``'s
  9 ms (the words are strings, which ``findall`` builds in C).

Windows near one cue rarely overlap the windows of another, so a stored
table is seldom read twice, and storing costs more than the scans it saves.

Two tokenisers keep a word notion of their own, on purpose:

* :mod:`quoteattr.cues` scans the whole text outside quotes with its own
  ``_WORD_RE`` before the index exists (the cues are part of the index,
  and a whole-document table is what was rejected above): a cue word joins
  hyphens and apostrophes ("so-called", "Russia's") but never periods, so
  that "Kim said.He left" still gives the cue "said", where ``TOKEN_RE``
  and ``WORD_RE`` read one word "said.He".
* :mod:`quoteattr.mentions` reads the words of one short mention
  (``mention_words``) and keeps a final period on a word, because its
  name and title tests look the period up: "Mr. Peskov Jr." gives "Mr.",
  "Peskov", "Jr.", where ``TOKEN_RE`` gives "Mr", ".", "Peskov", "Jr", ".".

Example:
    >>> from quoteattr.marks import find_quotes
    >>> from quoteattr.text import segment
    >>> ann = segment('"We will respond," Peskov said. He left.')
    >>> idx = DocIndex(ann, find_quotes(ann.text, ann.paragraphs)[0])
    >>> idx.in_quote(3), idx.in_quote(25), idx.sentence(36)
    (True, False, (32, 40))
    >>> [ann.text[a:b] for a, b in idx.tokens(19, 31)], [c.lemma for c in idx.cues]
    (['Peskov', 'said', '.'], ['say'])
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

import regex

from . import defaults
from .annotations import Annotation
from .cues import CueMatch, find_cues, is_cue_wall
from .model import CueClass
from .marks import QuoteRegion, RegionTable
from .plain_text import is_plain_text
from .tables import ItemTable, PairTable
from .text import TOKEN_RE, WORD_RE

__all__ = ["CueTable", "DocIndex", "Spans", "scan_tokens"]

Pair = tuple[int, int]

# Guard ``plain-text``: TOKEN_RE on a plain text (its \p{Lu} is [A-Z], its \w
# [A-Za-z0-9_], its \s the ASCII spaces and the no-break space; the news
# punctuation are tokens of their own, "’" joins a word as in TOKEN_RE).
_ASCII_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Za-z0-9_]+(?:[-'’.][A-Za-z0-9_]+)*|[^A-Za-z0-9_\t\n\x0b\x0c\r \u00a0]"
)
# Guard ``plain-text``: WORD_RE on a plain text.
_ASCII_WORD_RE = re.compile(r"[A-Za-z0-9_]+(?:[-'’.][A-Za-z0-9_]+)*")


def scan_tokens(text: str, a: int, b: int) -> list[Pair]:
    """The tokens of ``text[a:b]`` scanned alone (the window's ends cut tokens)."""
    # (concurrent=False keeps the GIL: see the docstring of quoteattr.text)
    return [m.span() for m in TOKEN_RE.finditer(text, a, b, concurrent=False)]


class Spans:
    """Sorted, non-overlapping ``(start, end)`` spans, looked up by offset
    (their starts and ends are those of the :class:`PairTable`, not copies:
    issue 18)."""

    def __init__(self, spans: Sequence[Pair]) -> None:
        self.spans = spans if isinstance(spans, PairTable) else PairTable(spans)
        self.starts = self.spans.starts
        self.ends = self.spans.ends

    def at(self, pos: int) -> Pair | None:
        """The span holding *pos*, or None."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.ends[i]:
            return self.starts[i], self.ends[i]
        return None


_set = object.__setattr__


class CueTable(ItemTable[CueMatch], Sequence[CueMatch]):
    """The cue matches of a document in :mod:`array` columns; each read
    makes the :class:`~quoteattr.cues.CueMatch` (equal, not the same object).

    Issue 18: a ``CueMatch`` and its two ``int`` offsets cost about 150
    bytes, 9.5 times the input on ``'"Yes," he said. ' * 62500``; here 18
    (two offsets and the index of its lemma, class, form and type, each
    distinct combination stored once).

    Args:
        cues: the matches, in text order.
    """

    __slots__ = ("_ends", "_info", "_info_index", "_infos", "_starts")

    def __init__(self, cues: Iterable[CueMatch] = ()) -> None:
        self._starts, self._ends, self._info = array("q"), array("q"), array("I")
        self._infos: list[tuple[str, CueClass, str | None, str]] = []
        self._info_index: dict[tuple[str, CueClass, str | None, str], int] = {}
        for c in cues:
            self.append(c)

    def append(self, c: CueMatch) -> None:
        key = (c.lemma, c.cue_class, c.form_kind, c.type)
        k = self._info_index.get(key)
        if k is None:
            k = self._info_index[key] = len(self._infos)
            self._infos.append(key)
        self._starts.append(c.start)
        self._ends.append(c.end)
        self._info.append(k)

    @property
    def starts(self) -> array[int]:
        """The cues' starts, in order (do not modify)."""
        return self._starts

    def __len__(self) -> int:
        return len(self._starts)

    def _item(self, i: int) -> CueMatch:
        m = object.__new__(CueMatch)
        lemma, cue_class, form_kind, kind = self._infos[self._info[i]]
        _set(m, "start", self._starts[i])
        _set(m, "end", self._ends[i])
        _set(m, "lemma", lemma)
        _set(m, "cue_class", cue_class)
        _set(m, "form_kind", form_kind)
        _set(m, "type", kind)
        return m


class DocIndex:
    """Paragraphs, sentences, quoted regions, cues and tokens of one document.

    Args:
        ann: the annotation (text, paragraphs, sentences).
        regions: every quoted region of :func:`quoteattr.marks.find_quotes`.
    """

    def __init__(self, ann: Annotation, regions: Sequence[QuoteRegion]) -> None:
        self.text = ann.text
        # guard plain-text (see quoteattr.plain_text): the tokens of a plain
        # document are read by TOKEN_RE's ASCII twin, with re
        self._plain = is_plain_text(self.text)
        self.sents = Spans(ann.sentences)
        self.paras = Spans(ann.paragraphs)
        #: the outermost regions, in text order (they never overlap); a
        #: table of numbers, each read a new region object (issue 18)
        outer = (regions if isinstance(regions, RegionTable) else RegionTable(regions)).outermost()
        if defaults.use_tables(len(outer), len(self.text)):
            self.regions: list[QuoteRegion] | RegionTable = outer
            self.region_starts: Sequence[int] = outer.starts
        else:  # (guard tables-from: objects, read many times, for a short text)
            self.regions = list(outer)
            self.region_starts = [r.open_start for r in self.regions]
        self.region_ends = outer.outer_ends()
        #: the cues that start outside every quote, in text order
        # (kept as objects until guard tables-from asks for a table, which
        # grows from there: a news article's cues are not made twice, and a
        # text of short quotes never holds a list of them all)
        cues: list[CueMatch] | CueTable = []
        first_table = defaults.first_table_count(len(self.text))
        starts, ends = self.region_starts, self.region_ends
        j, n_regions, count = 0, len(ends), 0
        for stretch in self._cue_stretches():
            for c in stretch:
                # (a sweep over the outermost regions, as the cues come in
                # text order: region_at(c.start) is None, without a bisection
                # a cue; the first region ending after the cue is the only
                # one that can hold it)
                s = c.start
                while j < n_regions and ends[j] <= s:
                    j += 1
                if j < n_regions and starts[j] <= s:
                    continue
                count += 1
                if count == first_table:
                    cues = CueTable(cues)
                cues.append(c)
        self.cues: list[CueMatch] | CueTable = cues
        self.cue_starts: Sequence[int] = cues.starts if isinstance(cues, CueTable) else [c.start for c in cues]

    # --- sentences and paragraphs ---------------------------------------------
    def sentence(self, pos: int) -> Pair:
        """The sentence at *pos*, else its paragraph, else ``(pos, pos)``."""
        # (Spans.at of the sentences inlined: asked about ten thousand times a
        # PolNeAR dev pass)
        starts, ends = self.sents.starts, self.sents.ends
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < ends[i]:
            return starts[i], ends[i]
        return self.paras.at(pos) or (pos, pos)

    def paragraph(self, pos: int) -> Pair:
        """The paragraph at *pos*, else the whole text."""
        return self.paras.at(pos) or (0, len(self.text))

    # --- quoted regions -------------------------------------------------------
    def region_at(self, pos: int) -> QuoteRegion | None:
        """The outermost region whose marks enclose *pos*."""
        i = bisect.bisect_right(self.region_starts, pos) - 1
        if i >= 0 and pos < self.region_ends[i]:
            return self.regions[i]
        return None

    def in_quote(self, pos: int) -> bool:
        """True when *pos* lies inside an outermost region (marks included)."""
        i = bisect.bisect_right(self.region_starts, pos) - 1
        return i >= 0 and pos < self.region_ends[i]

    def region_index(self, r: QuoteRegion) -> int:
        """The position of outermost region *r* in :attr:`regions`."""
        # (outermost regions never share a start: a bisection, not a dict of
        # every region, which was 6 times the input on '"Yes," he said.' * n)
        i = bisect.bisect_left(self.region_starts, r.open_start)
        if i == len(self.regions) or self.region_starts[i] != r.open_start or r.depth != 0:
            raise KeyError(r)
        return i

    def regions_starting_in(self, a: int, b: int) -> list[QuoteRegion]:
        """The outermost regions that open in ``[a, b)``."""
        return self.regions[bisect.bisect_left(self.region_starts, a) : bisect.bisect_left(self.region_starts, b)]

    def regions_overlapping(self, a: int, b: int) -> list[QuoteRegion]:
        """The outermost regions that share a character with ``[a, b)``
        (their ends are sorted too: two bisections)."""
        return self.regions[bisect.bisect_right(self.region_ends, a) : bisect.bisect_left(self.region_starts, b)]

    # --- cues --------------------------------------------------------------------
    def _cue_stretches(self) -> Iterator[list[CueMatch]]:
        """The cues of each stretch of text between quotes, the quotes' own
        text left unread where that gives the same cues (a third of a news
        text is quoted): a quote closed by a mark that is no word character,
        hyphen, apostrophe or space, and opened by one, is a wall that no
        word or cue phrase crosses. Unclosed quotes, which end at a
        paragraph break, are read: the caller drops the cues that start
        inside a quote."""
        text = self.text
        pos = 0
        for r in self.regions:
            a, b = r.outer
            if r.close is None or not (is_cue_wall(text[a]) and is_cue_wall(text[b - 1])):
                continue
            if a > pos:
                yield find_cues(text, pos, a, plain=self._plain)
            pos = max(pos, b)
        yield find_cues(text, pos, plain=self._plain)

    def has_cue(self, a: int, b: int) -> bool:
        """True when a cue outside quotes starts in ``[a, b)``."""
        return bisect.bisect_left(self.cue_starts, a) < bisect.bisect_left(self.cue_starts, b)

    def cues_between(self, a: int, b: int) -> list[CueMatch]:
        """The cues outside quotes that start in ``[a, b)``."""
        return self.cues[bisect.bisect_left(self.cue_starts, a) : bisect.bisect_left(self.cue_starts, b)]

    # --- tokens -----------------------------------------------------------------
    def tokens(self, a: int, b: int) -> list[Pair]:
        """``(start, end)`` of the tokens of ``text[a:b]``, as a scan of that
        window alone gives them: a token cut by *b* ends at *b*.

        Example:
            >>> idx = DocIndex(Annotation(text="Mr. Peskov spoke.", paragraphs=[(0, 17)], sentences=[]), [])
            >>> idx.tokens(4, 12)
            [(4, 10), (11, 12)]
        """
        # (scan_tokens inlined: a call per window saved on the hot path)
        if self._plain:
            return [m.span() for m in _ASCII_TOKEN_RE.finditer(self.text, a, b)]
        return [m.span() for m in TOKEN_RE.finditer(self.text, a, b, concurrent=False)]

    def token_matches(self, a: int, b: int) -> Iterator[re.Match[str] | regex.Match[str]]:
        """``TOKEN_RE.finditer(text, a, b)``, read one at a time (a caller
        that stops at the first tokens reads no further): the matches of
        TOKEN_RE's ASCII twin in a plain document (guard ``plain-text``)."""
        if self._plain:
            return _ASCII_TOKEN_RE.finditer(self.text, a, b)
        return TOKEN_RE.finditer(self.text, a, b, concurrent=False)

    def words(self, a: int, b: int) -> list[str]:
        """The words of ``text[a:b]``: ``WORD_RE.findall(text, a, b)``.

        Example:
            >>> idx = DocIndex(Annotation(text="Mr. Peskov's aide spoke.", paragraphs=[(0, 24)], sentences=[]), [])
            >>> idx.words(0, 24)
            ['Mr', "Peskov's", 'aide', 'spoke']
        """
        if self._plain:
            return _ASCII_WORD_RE.findall(self.text, a, b)
        return WORD_RE.findall(self.text, a, b, concurrent=False)

    def first_words(self, a: int, b: int, n: int) -> list[str]:
        """``words(a, b)[:n]``, read no further than the *n*-th word (a
        regex match costs about as much as a short Python function: a test
        of the first words of a long window reads only those).

        Example:
            >>> idx = DocIndex(Annotation(text="Mr. Peskov's aide spoke.", paragraphs=[(0, 24)], sentences=[]), [])
            >>> idx.first_words(0, 24, 2)
            ['Mr', "Peskov's"]
        """
        if self._plain:
            return [m[0] for m in islice(_ASCII_WORD_RE.finditer(self.text, a, b), n)]
        return [m[0] for m in islice(WORD_RE.finditer(self.text, a, b, concurrent=False), n)]
