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

import attrs
import regex

from .model import Diagnostic

__all__ = ["QuoteRegion", "find_quotes"]

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

    Args:
        open: ``(start, end)`` of the opening mark.
        close: ``(start, end)`` of the closing mark, or ``None`` when the
            quote was never closed (then the content runs to the end of the
            paragraph, and a diagnostic says so).
        parts: content pieces without marks; more than one when the quote
            runs over several paragraphs.
        depth: 0 for an outermost quote, 1 for a quote inside it, ...
        mark_class: ``"double"`` or ``"single"``.
    """

    open: tuple[int, int]
    close: tuple[int, int] | None
    parts: tuple[tuple[int, int], ...]
    depth: int
    mark_class: str

    @property
    def start(self) -> int:
        """Start of the content (after the opening mark)."""
        return self.parts[0][0]

    @property
    def end(self) -> int:
        """End of the content (before the closing mark)."""
        return self.parts[-1][1]

    @property
    def outer_end(self) -> int:
        """End of the region with its marks (of the content when unclosed)."""
        return self.close[1] if self.close else self.parts[-1][1]

    @property
    def outer(self) -> tuple[int, int]:
        """The region with its marks."""
        return self.open[0], self.outer_end


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
    ``stack[0]`` is the bottom opener, ``stack[-1]`` the top one (read only
    when it is not the bottom); :meth:`pop` gives back an :class:`_Open`.
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

    def __getitem__(self, i: int) -> _Open:
        if self.bottom is None:
            raise IndexError("the stack is empty")
        if i == 0 or not self._mark:
            return self.bottom
        mark = _MARKS[self._mark[-1]]  # (i == -1: a copy, read only)
        return _Open(self._start[-1], self._end[-1], mark, _CLASS[mark], [], self._end[-1], self._found[-1])

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


def find_quotes(
    text: str, paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...]
) -> tuple[list[QuoteRegion], list[Diagnostic]]:
    """Pair the quote marks of *text* and return the quoted regions.

    Args:
        text: the document.
        paragraphs: paragraph spans (see :func:`quoteattr.text.paragraph_spans`).

    Returns:
        The regions in order of their opening marks (outer before inner), and
        diagnostics for marks that could not be paired.
    """
    regions: list[QuoteRegion] = []
    diags = DiagnosticLog()
    stack = _Stack()
    # Rule ``empty-quote``: a pair of marks around nothing but space and
    # other marks quotes nothing ('""', '“ ”', '„«»＂', scraped alt=""), and
    # makes no region. ``content_from`` is the end of the last mark before
    # the latest stretch of content, so an opener ending at or before it
    # holds content. Pairs made so or dropped are counted in ``found``.
    last_mark = 0
    content_from = -1
    dropped = 0
    # openers of each class on the stack, so "is one open?" costs O(1)
    open_n = {DOUBLE: 0, SINGLE: 0}
    n_para = len(paragraphs)
    for pi, (pa, pb) in enumerate(paragraphs):
        # (concurrent=False keeps the GIL: see the docstring of quoteattr.text)
        first = True
        # (the matches are read as they come: a list of them would keep a
        # tuple per mark alive, 10^5 on a line of marks)
        for m in MARK_RE.finditer(text, pa, pb, concurrent=False):
            s, e = m.span()
            mark = m.group()
            if s > last_mark and _CONTENT_RE.search(text, last_mark, s, concurrent=False):
                content_from = last_mark
            last_mark = e
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
            can_open, can_close = _flanks(text, s, e)
            has_open = open_n[cls] > 0
            if mark in _OPENERS:
                # Rule ``reversed-marks``: „…“ (German), ‚…‘, »…« and ›…‹:
                # an opener closes the low-9 or reversed opener before it.
                closes = can_close and bool(stack) and stack[-1].mark in _PARTNERS.get(mark, "")
                if mark == "`" and not can_open:
                    continue
                can_open, can_close = not closes, closes
            elif mark in _CLOSERS:
                # Rule ``reversed-marks``: »…« and ”…” (Swedish) open with a closer.
                if mark in "»›”" and can_open and not can_close and not has_open:
                    can_open, can_close = True, False
                else:
                    can_open, can_close = False, True
            elif can_open and can_close:
                # Ambiguous (word"word or a lone " between spaces): close
                # what is open, else open.
                can_open, can_close = not has_open, has_open
            elif not can_open and not can_close:
                if mark in "'`":
                    continue
                can_open, can_close = not has_open, has_open
            if can_close and has_open:
                # Close the innermost opener of this class; openers of the
                # other class left inside it were never closed.
                while stack[-1].cls != cls:
                    inner = stack.pop()
                    open_n[inner.cls] -= 1
                    _report_unclosed(text, inner, diags, regions, len(stack), inner_end=s, found=len(regions) + dropped)
                o = stack.pop()
                open_n[cls] -= 1
                if content_from < o.end:
                    dropped += 1  # rule ``empty-quote``
                    continue
                o.parts.append((o.part_start, s))
                regions.append(
                    QuoteRegion(
                        open=(o.start, o.end), close=(s, e), parts=tuple(o.parts), depth=len(stack), mark_class=cls
                    )
                )
            elif can_open:
                stack.append(s, e, mark, cls, len(regions) + dropped)
                open_n[cls] += 1
            elif mark not in _APOSTROPHES:
                diags.append(
                    Diagnostic(
                        code="unopened-quote",
                        message=f"closing mark {mark!r} with no opening mark; ignored",
                        start=s,
                        end=e,
                    )
                )
        if not stack:
            continue
        # The paragraph ends inside a quote.  Rule ``paragraph-continuation``:
        # the quote goes on if the next paragraph opens with a mark of its class.
        nxt = paragraphs[pi + 1] if pi + 1 < n_para else None
        if nxt is not None:
            lead = MARK_RE.match(text, nxt[0], nxt[1])
            if (
                lead
                and _CLASS[lead.group()] == stack[0].cls
                and not _is_apostrophe(text, lead.start(), lead.end(), lead.group())
            ):
                # keep the outermost opener; inner ones cannot span paragraphs
                while len(stack) > 1:
                    _report_unclosed(
                        text, stack.pop(), diags, regions, len(stack), inner_end=pb, found=len(regions) + dropped
                    )
                stack[0].parts.append((stack[0].part_start, pb))
                open_n = {DOUBLE: 0, SINGLE: 0}
                open_n[stack[0].cls] = 1
                continue
        while stack:
            _report_unclosed(text, stack.pop(), diags, regions, len(stack), inner_end=pb, found=len(regions) + dropped)
        open_n = {DOUBLE: 0, SINGLE: 0}
    # Order by opening mark, the outer of two regions opened at once first.
    # (One int per key: a key tuple per region is 10^5 short-lived tuples
    # on mark soup, each one more object for the garbage collector.)
    span = len(text) + 1
    regions.sort(key=lambda r: r.open[0] * span + span - r.outer_end)
    return _with_depths(regions), diags.finish()


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


def _with_depths(regions: list[QuoteRegion]) -> list[QuoteRegion]:
    """Recompute depths by containment, once dropped openers are gone."""
    out: list[QuoteRegion] = []
    enclosing: list[int] = []  # ends of the regions that contain the current one
    for r in regions:
        while enclosing and enclosing[-1] <= r.open[0]:
            enclosing.pop()
        depth = len(enclosing)
        # (a direct constructor call: attrs.evolve was a third of this loop's time)
        out.append(
            r
            if r.depth == depth
            else QuoteRegion(open=r.open, close=r.close, parts=r.parts, depth=depth, mark_class=r.mark_class)
        )
        enclosing.append(r.outer_end)
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
    if o.mark in _APOSTROPHES and o.mark != '"':
        # A lone opening ' that is not at a sentence-like start is most likely
        # an apostrophe or a prime; say so but do not build a quote from it.
        after = text[o.end : o.end + 1]
        if not (after[:1].isupper() or after[:1] in '"“'):
            diags.append(
                Diagnostic(
                    code="unclosed-quote",
                    message=f"opening mark {o.mark!r} never closed; read as an apostrophe",
                    start=o.start,
                    end=o.end,
                )
            )
            return
    # A pair found since the opener was pushed opens after it and before
    # inner_end (pairs are counted as their marks are read), so counting
    # them replaces a scan of every region (quadratic on mark soup).
    later = found > o.n_found
    end = inner_end
    while end > o.part_start and text[end - 1].isspace():
        end -= 1
    if later or end <= o.part_start:
        diags.append(
            Diagnostic(
                code="unclosed-quote",
                message=f"opening mark {o.mark!r} never closed; ignored",
                start=o.start,
                end=o.end,
            )
        )
        return
    o.parts.append((o.part_start, end))
    diags.append(
        Diagnostic(
            code="unclosed-quote",
            message=f"opening mark {o.mark!r} never closed; quote read to the end of its paragraph",
            start=o.start,
            end=o.end,
        )
    )
    regions.append(QuoteRegion(open=(o.start, o.end), close=None, parts=tuple(o.parts), depth=depth, mark_class=o.cls))
