"""Quote-mark pairing: find the quoted regions of a text.

Marks fall into two classes that pair only within themselves:

* double: ``"`` “ ” „ « » ＂ and PTB-style ````` `` ````` … ``''``
* single: ``'`` ‘ ’ ‚ ‹ › and a lone backtick

Each mark is classified by what stands around it (rule ``flanking``): a mark
with a space or an opening bracket before it and a word after it can open; one
with a word before it and a space or punctuation after it can close. Curly
and angled marks have a fixed direction that flanking can override only where
a language writes them the other way round („…“, »…«, ”…”).

Pairing is a stack per paragraph, so quotes nest, also with marks of the same
kind. The text itself is never changed: marks are matched by character class.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterable, Sequence

import attrs
import regex

from .model import Diagnostic
from .tables import ItemTable

__all__ = ["QuoteRegion", "RegionTable", "find_quotes"]

DOUBLE, SINGLE = "double", "single"

# Every candidate mark, longest first so that `` and '' win over ` and '.
MARK_RE = regex.compile(r"``|''|[\"“”„«»＂'‘’‚‹›`]")

_CLASS = {
    '"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "«": DOUBLE, "»": DOUBLE, "＂": DOUBLE,
    "``": DOUBLE, "''": DOUBLE,
    "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‹": SINGLE, "›": SINGLE, "`": SINGLE,
}  # fmt: skip
# Marks whose usual direction is fixed (English typography and PTB).
_OPENERS = frozenset("“„«‘‚‹`") | {"``"}
# ('' is not among them: NYT-style text writes ''…'' with it on both sides.)
_CLOSERS = frozenset("”»’›")
# Openers that, written the other way round, close these marks.
_PARTNERS = {"“": "„", "‘": "‚", "«": "»", "‹": "›"}
# Marks that may also be apostrophes.
_APOSTROPHES = frozenset("'’`")

# Rule ``elision``: a single mark that begins a clipped word is an
# apostrophe: 'em, 'til, 'cause, 'n' (rock 'n' roll), '90s.
_ELISION_RE = regex.compile(
    r"(?i)(?:em|til|tis|twas|cause|bout|n|round|nother|s|d|ll|ve|re|m|t)\b|n['’]\s|\d0?s\b|\d\d\b"
)

_PLURAL_POSSESSIVE_RE = regex.compile(r" \p{Ll}[^'’\n]*\w['’](?=[\s.,;:!?]|$)")

# Rule ``empty-quote``: anything but space between two marks is content.
_CONTENT_RE = regex.compile(r"\S")

# Characters after which a mark opens: start, space, opening brackets, dashes.
_OPEN_CONTEXT = frozenset("([{<—–-/:;")
# Characters after a mark that let it close: end, space, punctuation.
_CLOSE_CONTEXT = frozenset(".,;:!?)]}>—–-…/")


@attrs.frozen(kw_only=True, weakref_slot=False)
class QuoteRegion:
    """A quoted stretch of text.

    Built by :func:`find_quotes` (``QuoteRegion(open_start=..., ...)``);
    read through its properties :attr:`open`, :attr:`close`, :attr:`parts`,
    :attr:`start`, :attr:`end`, :attr:`outer_end` and :attr:`outer`.

    Stored compactly (issue 18): a tuple for each mark and for the content
    made a region about 450 bytes, 28 times a 16-character quote such as
    ``"Yes," he said.``; two offsets, two mark lengths (small ints, shared)
    and the parts only when there are several make it about 150.

    Args:
        open_start: offset of the opening mark.
        open_len: its length (1, or 2 for ````` `` `````).
        end: end of the content: the start of the closing mark, or where an
            unclosed quote was read to (the end of its paragraph).
        close_len: length of the closing mark; 0 when the quote was never
            closed (then a diagnostic says so).
        parts: content pieces without marks, when there are several (a
            quote running over several paragraphs); ``None`` for the one
            piece ``(open_start + open_len, end)``.
        depth: 0 for an outermost quote, 1 for a quote inside it, ...
        mark_class: ``"double"`` or ``"single"``.
    """

    open_start: int
    open_len: int
    end: int
    close_len: int
    _parts: tuple[tuple[int, int], ...] | None
    depth: int
    mark_class: str

    @property
    def open(self) -> tuple[int, int]:
        """``(start, end)`` of the opening mark."""
        return self.open_start, self.open_start + self.open_len

    @property
    def close(self) -> tuple[int, int] | None:
        """``(start, end)`` of the closing mark, or ``None`` when the quote was never closed."""
        return (self.end, self.end + self.close_len) if self.close_len else None

    @property
    def parts(self) -> tuple[tuple[int, int], ...]:
        """Content pieces without marks; more than one when the quote runs over several paragraphs."""
        return self._parts or ((self.open_start + self.open_len, self.end),)

    @property
    def start(self) -> int:
        """Start of the content (after the opening mark)."""
        return self.open_start + self.open_len

    @property
    def outer_end(self) -> int:
        """End of the region with its marks (of the content when unclosed)."""
        return self.end + self.close_len

    @property
    def outer(self) -> tuple[int, int]:
        """The region with its marks."""
        return self.open_start, self.end + self.close_len


_set = object.__setattr__


class RegionTable(ItemTable[QuoteRegion], Sequence[QuoteRegion]):
    """Quoted regions in :mod:`array` columns; each read makes the
    :class:`QuoteRegion` (equal, not the same object).

    Issue 18: a region object and its two ``int`` offsets cost about 160
    bytes, 10 times the input on ``'"Yes," he said. ' * 62500``; here 25
    (the parts of a region over several paragraphs are kept as they are).

    Args:
        regions: the regions, in order of their opening marks.
    """

    __slots__ = ("_classes", "_depth", "_end", "_lens", "_open_start", "_parts")

    def __init__(self, regions: Iterable[QuoteRegion] = ()) -> None:
        self._open_start, self._end, self._depth = array("q"), array("q"), array("q")
        self._lens = array("B")  # open_len | close_len << 2 | the mark class's index << 4
        self._classes: list[str] = []
        self._parts: dict[int, tuple[tuple[int, int], ...]] = {}  # (only where there are several)
        for r in regions:
            self.append(r)

    def append(self, r: QuoteRegion) -> None:
        """Add *r* at the end."""
        if not (r.open_len < 4 and r.close_len < 4):
            raise ValueError(f"a quote mark of {r.open_len} or {r.close_len} characters")  # (marks are 1 or 2)
        if r.mark_class not in self._classes:
            self._classes.append(r.mark_class)
        if r._parts is not None:
            self._parts[len(self._end)] = r._parts
        self._open_start.append(r.open_start)
        self._end.append(r.end)
        self._depth.append(r.depth)
        self._lens.append(r.open_len | r.close_len << 2 | self._classes.index(r.mark_class) << 4)

    @property
    def starts(self) -> array[int]:
        """The opening marks' starts, in order (do not modify)."""
        return self._open_start

    def outer_ends(self) -> array[int]:
        """The ends of the regions with their marks (:attr:`QuoteRegion.outer`), in order."""
        lens = self._lens
        return array("q", (e + (lens[i] >> 2 & 3) for i, e in enumerate(self._end)))

    def outermost(self) -> RegionTable:
        """The regions of depth 0 (this table when there are no others)."""
        if not any(self._depth):
            return self
        return RegionTable(r for r in self if r.depth == 0)

    def __len__(self) -> int:
        return len(self._end)

    def _item(self, i: int) -> QuoteRegion:
        r: QuoteRegion = object.__new__(QuoteRegion)
        bits = self._lens[i]
        _set(r, "open_start", self._open_start[i])
        _set(r, "open_len", bits & 3)
        _set(r, "end", self._end[i])
        _set(r, "close_len", bits >> 2 & 3)
        _set(r, "_parts", self._parts.get(i) if self._parts else None)
        _set(r, "depth", self._depth[i])
        _set(r, "mark_class", self._classes[bits >> 4])
        return r



def _region(o: _Open, close: tuple[int, int] | None, depth: int) -> QuoteRegion:
    """The region of opener *o*, its parts complete, closed by *close* (or not)."""
    parts = o.parts
    end = parts[-1][1]
    single = len(parts) == 1 and parts[0][0] == o.end
    return QuoteRegion(
        open_start=o.start,
        open_len=o.end - o.start,
        end=end,
        close_len=0 if close is None else close[1] - close[0],
        parts=None if single else tuple(parts),
        depth=depth,
        mark_class=o.cls,
    )


@attrs.define
class _Open:
    start: int
    end: int
    mark: str
    cls: str
    parts: list[tuple[int, int]]
    part_start: int
    # how many pairs had been found when the opener was pushed: every pair
    # found after it opens after it (see _report_unclosed).
    n_found: int = 0


# Every mark MARK_RE can match, numbered, so the stack stores a byte per mark.
_MARKS = tuple(_CLASS)
_MARK_ID = {m: i for i, m in enumerate(_MARKS)}


class _Stack:
    """The stack of open quote marks, stored column-wise.

    A line of a million opening marks puts a million openers on the stack;
    as :class:`_Open` objects (with their ints, mark string and parts list)
    they took about 320 bytes each, 100 times the input. Only the bottom
    opener can change while on the stack (rule ``paragraph-continuation``
    gives it parts), so it stays an object and the openers above it are
    three ``array('q')`` columns and a byte for the mark: 25 bytes each.
    ``stack[0]`` is the bottom opener; :meth:`top_mark` and
    :meth:`top_class` read the top one; :meth:`pop` gives back an :class:`_Open`.
    """

    def __init__(self) -> None:
        self.bottom: _Open | None = None
        self._start = array("q")
        self._end = array("q")
        self._found = array("q")
        self._mark = bytearray()

    def __len__(self) -> int:
        return 0 if self.bottom is None else 1 + len(self._mark)

    def append(self, start: int, end: int, mark: str, cls: str, n_found: int) -> None:
        if self.bottom is None:
            self.bottom = _Open(start, end, mark, cls, [], end, n_found)
            return
        self._start.append(start)
        self._end.append(end)
        self._found.append(n_found)
        self._mark.append(_MARK_ID[mark])

    def top_mark(self) -> str:
        """The mark of the top opener (the stack is not empty)."""
        if self._mark:
            return _MARKS[self._mark[-1]]
        assert self.bottom is not None
        return self.bottom.mark

    def top_class(self) -> str:
        """The class of the top opener (the stack is not empty)."""
        return _CLASS[self.top_mark()]

    def __getitem__(self, i: int) -> _Open:
        if self.bottom is None or i != 0:
            raise IndexError("only the bottom opener, stack[0], of a stack that is not empty is read")
        return self.bottom

    def pop(self) -> _Open:
        if not self._mark:
            o, self.bottom = self.bottom, None
            if o is None:
                raise IndexError("pop from an empty stack")
            return o
        mark = _MARKS[self._mark.pop()]
        end = self._end.pop()
        return _Open(self._start.pop(), end, mark, _CLASS[mark], [], end, self._found.pop())


def _flanks(text: str, s: int, e: int) -> tuple[bool, bool]:
    """(can_open, can_close) of the mark text[s:e] by its neighbours (rule ``flanking``)."""
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    b_space = before.isspace() or before in _OPEN_CONTEXT or before in "\"“„«'‘‚"
    a_space = after.isspace() or after in _CLOSE_CONTEXT or after in "\"”»'’"
    return (not after.isspace() and b_space, not before.isspace() and a_space)


def _is_apostrophe(text: str, s: int, e: int, mark: str) -> bool:
    """True when a single mark is an apostrophe (rules ``inner-apostrophe``, ``elision``)."""
    if mark not in _APOSTROPHES:
        return False
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    # Rule ``inner-apostrophe``: between two word characters: What's, don't, O'Neill.
    if before.isalnum() and after.isalnum():
        return True
    # Rule ``elision``: 'em, '90s, rock 'n' roll.
    if not before.isalnum() and _ELISION_RE.match(text, e, min(len(text), e + 8)):
        return True
    # Rule ``plural-possessive``: "the players' union" inside 'single quotes':
    # s' before a lower-case word is an apostrophe when a later single mark
    # can still close the quote.
    return bool(before in "sS" and after == " " and _PLURAL_POSSESSIVE_RE.match(text, e, min(len(text), e + 200)))


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> tuple[RegionTable, list[Diagnostic]]:
    """Pair the quote marks of *text* and return the quoted regions.

    Args:
        text: the document.
        paragraphs: paragraph spans (see :func:`quoteattr.text.paragraph_spans`).

    Returns:
        The regions in order of their opening marks (outer before inner), as
        a :class:`RegionTable`, and diagnostics for marks that could not be
        paired.
    """
    pairing = _Pairing(text)
    n_para = len(paragraphs)
    for pi, (pa, pb) in enumerate(paragraphs):
        pairing.paragraph(pa, pb)
        if pairing.stack:
            pairing.end_paragraph(pb, paragraphs[pi + 1] if pi + 1 < n_para else None)
    regions = pairing.regions
    # Order by opening mark, the outer of two regions opened at once first.
    # (One int per key: a key tuple per region is 10^5 short-lived tuples
    # on mark soup, each one more object for the garbage collector.)
    span = len(text) + 1
    regions.sort(key=lambda r: r.open_start * span + span - r.end - r.close_len)
    pairing.regions = []
    return _with_depths(regions), pairing.diags.finish()


def _direction(text: str, s: int, e: int, mark: str, has_open: bool, stack: _Stack) -> tuple[bool, bool] | None:
    """``(can_open, can_close)`` of the mark ``text[s:e]``, or ``None`` when
    it is no quote mark here (a backtick that cannot open, a lone ``'``)."""
    can_open, can_close = _flanks(text, s, e)
    if mark in _OPENERS:
        # Rule ``reversed-marks``: „…“ (German), ‚…‘, »…« and ›…‹:
        # an opener closes the low-9 or reversed opener before it.
        closes = can_close and bool(stack) and stack.top_mark() in _PARTNERS.get(mark, "")
        if mark == "`" and not can_open:
            return None
        return not closes, closes
    if mark in _CLOSERS:
        # Rule ``reversed-marks``: »…« and ”…” (Swedish) open with a closer.
        if mark in "»›”" and can_open and not can_close and not has_open:
            return True, False
        return False, True
    if can_open and can_close:
        # Ambiguous (word"word or a lone " between spaces): close what is
        # open, else open.
        return not has_open, has_open
    if not can_open and not can_close:
        if mark in "'`":
            return None
        return not has_open, has_open
    return can_open, can_close


class _Pairing:
    """One pass of :func:`find_quotes` over a text's marks, paragraph by paragraph.

    Rule ``empty-quote``: a pair of marks around nothing but space and other
    marks quotes nothing ('""', '“ ”', '„«»＂', scraped alt=""), and makes
    no region. ``content_from`` is the end of the last mark before the
    latest stretch of content, so an opener ending at or before it holds
    content. Pairs made so or dropped are counted in ``dropped``.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.regions: list[QuoteRegion] = []
        self.diags = DiagnosticLog()
        self.stack = _Stack()
        self.last_mark = 0
        self.content_from = -1
        self.dropped = 0
        # openers of each class on the stack, so "is one open?" costs O(1)
        self.open_n = {DOUBLE: 0, SINGLE: 0}

    def paragraph(self, pa: int, pb: int) -> None:
        """Read the marks of the paragraph ``[pa, pb)``."""
        text, stack, open_n = self.text, self.stack, self.open_n
        first = True
        # (the matches are read as they come: a list of them would keep a
        # tuple per mark alive, 10^5 on a line of marks; concurrent=False
        # keeps the GIL: see the docstring of quoteattr.text)
        for m in MARK_RE.finditer(text, pa, pb, concurrent=False):
            s, e = m.span()
            mark = m[0]  # (a subscript, not a method call: once a mark)
            last = self.last_mark
            # (str tests before the regex: its \s holds only str.isspace()
            # characters, so a character that is not isspace() is content)
            if s > last and (
                not text[last].isspace()
                or not text[last:s].isspace()
                or _CONTENT_RE.search(text, last, s, concurrent=False)
            ):
                self.content_from = last
            self.last_mark = e
            cls = _CLASS[mark]
            # Rule ``paragraph-continuation``: an open quote carried over from
            # the last paragraph is resumed by an opening mark of its class
            # at the very start of this one.
            if first and stack and s == pa and cls == stack[0].cls:
                stack[0].part_start = e
                first = False
                continue
            first = False
            if cls == SINGLE and _is_apostrophe(text, s, e, mark):
                continue
            has_open = open_n[cls] > 0
            direction = _direction(text, s, e, mark, has_open, stack)
            if direction is None:
                continue
            can_open, can_close = direction
            if can_close and has_open:
                self.close(s, e, cls)
            elif can_open:
                stack.append(s, e, mark, cls, len(self.regions) + self.dropped)
                open_n[cls] += 1
            elif mark not in _APOSTROPHES:
                self.diags.append(
                    Diagnostic(
                        code="unopened-quote",
                        message=f"closing mark {mark!r} with no opening mark; ignored",
                        start=s,
                        end=e,
                    )
                )

    def close(self, s: int, e: int, cls: str) -> None:
        """Close the innermost opener of class *cls* with the mark ``[s, e)``;
        openers of the other class left inside it were never closed."""
        stack, open_n = self.stack, self.open_n
        while stack.top_class() != cls:
            inner = stack.pop()
            open_n[inner.cls] -= 1
            self.unclosed(inner, s)
        o = stack.pop()
        open_n[cls] -= 1
        if self.content_from < o.end:
            self.dropped += 1  # rule ``empty-quote``
            return
        o.parts.append((o.part_start, s))
        self.regions.append(_region(o, (s, e), len(stack)))

    def unclosed(self, o: _Open, inner_end: int) -> None:
        _report_unclosed(
            self.text,
            o,
            self.diags,
            self.regions,
            len(self.stack),
            inner_end=inner_end,
            found=len(self.regions) + self.dropped,
        )

    def end_paragraph(self, pb: int, nxt: tuple[int, int] | None) -> None:
        """The paragraph ending at *pb* ends inside a quote. Rule
        ``paragraph-continuation``: the quote goes on if the next paragraph
        *nxt* opens with a mark of its class; every other opener is unclosed."""
        text, stack = self.text, self.stack
        self.open_n = {DOUBLE: 0, SINGLE: 0}
        if nxt is not None:
            lead = MARK_RE.match(text, nxt[0], nxt[1])
            if (
                lead
                and _CLASS[lead.group()] == stack[0].cls
                and not _is_apostrophe(text, lead.start(), lead.end(), lead.group())
            ):
                # keep the outermost opener; inner ones cannot span paragraphs
                while len(stack) > 1:
                    self.unclosed(stack.pop(), pb)
                stack[0].parts.append((stack[0].part_start, pb))
                self.open_n[stack[0].cls] = 1
                return
        while stack:
            self.unclosed(stack.pop(), pb)


#: Diagnostics of one code kept one by one; past this many they collapse
#: into one (see :class:`DiagnosticLog`).
MAX_DIAGNOSTICS_PER_CODE = 10


class DiagnosticLog:
    """The diagnostics of one document, repeats of a code collapsed.

    Rule ``collapse-repeats``: a document with more than
    :data:`MAX_DIAGNOSTICS_PER_CODE` diagnostics of one code (a megabyte of
    opening marks gives a million "unclosed-quote") reports that code once:
    the first occurrence's diagnostic with ``count`` (how many there were)
    and ``offsets`` (the ``(start, end)`` of the first ten). Up to ten, each
    occurrence keeps its own diagnostic, as before. The log itself keeps at
    most ten per code, so its memory does not grow with the input.

    Example:
        >>> log = DiagnosticLog()
        >>> for i in range(12):
        ...     log.append(Diagnostic(code="unclosed-quote", message="m", start=i, end=i + 1))
        >>> [(d.code, d.count, len(d.offsets)) for d in log.finish()]
        [('unclosed-quote', 12, 10)]
    """

    def __init__(self) -> None:
        self._kept: list[Diagnostic] = []  # the first ten of each code, in the order reported
        self._count: dict[str, int] = {}
        # per code, the ten diagnostics that start first in the text (a
        # max-heap on -start): unclosed openers are reported innermost
        # first, yet the first offsets are the ones a reader wants
        self._first: dict[str, list[tuple[int, int, Diagnostic]]] = {}

    def append(self, diagnostic: Diagnostic) -> None:
        code = diagnostic.code
        n = self._count.get(code, 0) + 1
        self._count[code] = n
        if n <= MAX_DIAGNOSTICS_PER_CODE:
            self._kept.append(diagnostic)
        heap = self._first.setdefault(code, [])
        entry = (-diagnostic.start, -n, diagnostic)
        if len(heap) < MAX_DIAGNOSTICS_PER_CODE:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)

    def finish(self) -> list[Diagnostic]:
        """The diagnostics in the order reported, each collapsed code where it first appeared."""
        if all(n <= MAX_DIAGNOSTICS_PER_CODE for n in self._count.values()):
            return self._kept
        out: list[Diagnostic] = []
        reported: set[str] = set()
        for d in self._kept:
            n = self._count[d.code]
            if n <= MAX_DIAGNOSTICS_PER_CODE:
                out.append(d)
                continue
            if d.code in reported:
                continue
            reported.add(d.code)
            first = [x for _, _, x in sorted(self._first[d.code], reverse=True)]
            head = first[0]
            out.append(
                Diagnostic(
                    code=d.code,
                    message=(
                        f"{head.message} ({n} diagnostics of this code in all; the first {len(first)} in 'offsets')"
                    ),
                    start=head.start,
                    end=head.end,
                    count=n,
                    offsets=tuple((x.start, x.end) for x in first),
                )
            )
        return out


def _with_depths(regions: list[QuoteRegion]) -> RegionTable:
    """Recompute depths by containment, once dropped openers are gone; the
    regions go into a table as they are read (and out of *regions*)."""
    out = RegionTable()
    enclosing: list[int] = []  # ends of the regions that contain the current one
    for i, r in enumerate(regions):
        while enclosing and enclosing[-1] <= r.open_start:
            enclosing.pop()
        depth = len(enclosing)
        # (a direct constructor call: attrs.evolve was a third of this loop's time)
        out.append(
            r
            if r.depth == depth
            else QuoteRegion(
                open_start=r.open_start,
                open_len=r.open_len,
                end=r.end,
                close_len=r.close_len,
                parts=r._parts,
                depth=depth,
                mark_class=r.mark_class,
            )
        )
        enclosing.append(r.end + r.close_len)
        regions[i] = None  # type: ignore[call-overload]  # (stored: freed as the table grows)
    return out


def _report_unclosed(
    text: str, o: _Open, diags: DiagnosticLog, regions: list[QuoteRegion], depth: int, inner_end: int, found: int
) -> None:
    """Handle an opener that was never closed (rule ``unclosed-to-paragraph-end``).

    Best reading: when no other quote was found after the opener in its
    paragraph, the quote runs to the end of the paragraph ("'Contacts are
    happening." with no closing mark). Otherwise the opener is dropped and the
    quotes after it stand on their own.
    """

    def report(what: str) -> None:
        diags.append(
            Diagnostic(
                code="unclosed-quote", message=f"opening mark {o.mark!r} never closed; {what}", start=o.start, end=o.end
            )
        )

    if o.mark in _APOSTROPHES and o.mark != '"':
        # A lone opening ' that is not at a sentence-like start is most likely
        # an apostrophe or a prime; say so but do not build a quote from it.
        after = text[o.end : o.end + 1]
        if not (after[:1].isupper() or after[:1] in '"“'):
            report("read as an apostrophe")
            return
    # A pair found since the opener was pushed opens after it and before
    # inner_end (pairs are counted as their marks are read), so counting
    # them replaces a scan of every region (quadratic on mark soup).
    later = found > o.n_found
    end = inner_end
    while end > o.part_start and text[end - 1].isspace():
        end -= 1
    if later or end <= o.part_start:
        report("ignored")
        return
    o.parts.append((o.part_start, end))
    report("quote read to the end of its paragraph")
    regions.append(_region(o, None, depth))
