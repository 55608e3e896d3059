"""The markup of one document in the HTML view: its ``<section>``.

:mod:`quoteattr.render` builds the page (head, styles, one section per
document, the command line); this module builds each section: a heading, a
summary line, the legend of speakers, the text with its highlights and the
diagnostics. It also holds the speaker colours and labels, and the escaping
every part of the page uses; the public names are re-exported by
:mod:`quoteattr.render`.

Every quote element is a ``<span class="qa-quote">`` with these attributes
(offsets are Python ``str`` indices, i.e. code points, into the document's
text; JavaScript string indices differ from them outside the BMP):

``data-quote``
    the quote's index in :attr:`~quoteattr.Result.quotes`.
``data-start`` / ``data-end``
    :attr:`Quote.content <quoteattr.Quote.content>` offsets.
``data-kind`` / ``data-confidence``
    the quote's kind and confidence.
``data-speaker`` / ``data-entity``
    the speaker entity's name and id (empty strings when absent).

Highlights may overlap: a cue or speaker mention can lie inside a quote
(``"A," he said, "B."``), straddle its edge, or overlap another mention. The
text is cut at every span boundary into segments, and the segments are
grouped level by level (quote, quote part, mention, cue), so the markup is
always well nested. Quotes never overlap in :func:`quoteattr.extract`'s
output; a hand-built result whose quotes do overlap is still drawn as valid
HTML, the longer quote being split into several elements (class
``qa-fragment``, the same ``data-quote``) around the shorter one. A quote
with empty content has no element.

Example:
    >>> import quoteattr
    >>> html = render_section(quoteattr.extract('"We will respond," Peskov told reporters.'), 0)
    >>> html.splitlines()[0]
    '<section class="qa-doc" id="qa-doc-0" data-id="" data-engine="rules">'
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Mapping
from typing import Any

import attrs

from .model import Quote, QuoteKind, Result, Speaker

__all__ = [
    "PALETTE",
    "UNATTRIBUTED_COLOUR",
    "UNATTRIBUTED_LABEL",
    "entity_colour",
    "render_section",
    "speaker_label",
]

#: Colours for speaker entities, in order of :attr:`Result.speakers`: light
#: qualitative colours (ColorBrewer "Set3" and "Pastel1") that keep black text
#: readable. Entities beyond the list get hues spaced by the golden angle.
PALETTE = (
    "#8dd3c7",
    "#ffffb3",
    "#bebada",
    "#fb8072",
    "#80b1d3",
    "#fdb462",
    "#b3de69",
    "#fccde5",
    "#ccebc5",
    "#ffed6f",
    "#decbe4",
    "#fed9a6",
)

#: Background of quotes that have no speaker.
UNATTRIBUTED_COLOUR = "#d9d9d9"

#: Label of a quote with no speaker.
UNATTRIBUTED_LABEL = "no speaker"


def entity_colour(index: int) -> str:
    """The colour of the speaker at *index* in :attr:`Result.speakers`.

    Example:
        >>> entity_colour(0), entity_colour(12)
        ('#8dd3c7', 'hsl(130, 70%, 82%)')
    """
    if index < len(PALETTE):
        return PALETTE[index]
    hue = round((index - len(PALETTE)) * 137.508 + 130) % 360
    return f"hsl({hue}, 70%, 82%)"


def speaker_label(quote: Quote) -> str:
    """The visible label of *quote*: who said it.

    The entity's canonical name; else its role ("the foreign minister");
    else the mention as written ("a spokesman"); else ``"no speaker"``.

    Example:
        >>> import quoteattr
        >>> speaker_label(quoteattr.extract('"It is robbery," Lavrov said.').quotes[0])
        'Lavrov'
    """
    if quote.speaker is None:
        return UNATTRIBUTED_LABEL
    entity = quote.speaker.entity
    return entity.name or entity.role or quote.speaker.mention.text


# ----------------------------------------------------------------------------
# escaping


def _esc(text: str) -> str:
    """Escape text content, writing CR as ``&#13;``.

    The HTML parser turns CR and CRLF into LF before it tokenises, so a raw
    CR would change the text shown (and its offsets); ``&#13;`` survives.
    Other characters are kept as they are, except that browsers drop NUL,
    and a lone surrogate (which no UTF-8 page can hold) becomes U+FFFD, one
    character for one, so the page still encodes.
    """
    escaped = html.escape(text, quote=False)
    if _SURROGATE.search(escaped):
        escaped = _SURROGATE.sub("\ufffd", escaped)
    return escaped.replace("\r", "&#13;") if "\r" in escaped else escaped


# A lone surrogate: "\ud800" can sit in a Python str but not in UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _attr(value: object) -> str:
    return _esc(str(value)).replace('"', "&quot;")


# ----------------------------------------------------------------------------
# segments


@attrs.frozen
class _Segment:
    start: int
    end: int
    quote: int | None  # index of the quote element this segment sits in
    part: int | None  # index of the part of that quote, when inside one
    mention: tuple[int, int] | None  # the mention span shown here
    cue: tuple[int, int] | None  # the cue span shown here


@attrs.frozen
class _Mention:
    entity: str
    speaker_of: tuple[int, ...]  # quotes whose speaker mention this is


def _segments(
    result: Result, mentions: Mapping[tuple[int, int], _Mention], cues: Mapping[tuple[int, int], list[int]]
) -> list[_Segment]:
    """Cut the text at every span boundary; say which spans cover each piece.

    A sweep over the boundaries keeps the spans open at each point, so the
    cost grows with the number of spans, not with their product.
    """
    n = len(result.text)
    opens: dict[int, list[tuple[str, Any]]] = {}
    closes: dict[int, list[tuple[str, Any]]] = {}

    def add(kind: str, key: Any, start: int, end: int) -> None:
        if 0 <= start < end <= n:
            opens.setdefault(start, []).append((kind, key))
            closes.setdefault(end, []).append((kind, key))

    for i, q in enumerate(result.quotes):
        add("quote", i, q.content.start, q.content.end)
        for k, p in enumerate(q.parts):
            add("part", (i, k), p.start, p.end)
    for m in mentions:
        add("mention", m, *m)
    for c in cues:
        add("cue", c, *c)
    cuts = sorted({0, n, *opens, *closes})
    active: dict[str, set[Any]] = {"quote": set(), "part": set(), "mention": set(), "cue": set()}
    quotes = result.quotes
    out = []
    for a, b in itertools.pairwise(cuts):
        for kind, key in closes.get(a, ()):
            active[kind].discard(key)
        for kind, key in opens.get(a, ()):
            active[kind].add(key)
        # The innermost (shortest) quote wins, so a quote nested in another
        # still shows; extract() never nests quotes.
        qi = min(active["quote"], key=lambda i: (len(quotes[i].content), i), default=None)
        pi = next((k for i, k in active["part"] if i == qi), None)
        # A quote's own speaker mention wins over a plain entity mention; the
        # longest wins among equals ("Russian foreign minister Sergey Lavrov"
        # over "Sergey Lavrov").
        mi = min(active["mention"], key=lambda m: (not mentions[m].speaker_of, m[0] - m[1], m[0]), default=None)
        ci = min(active["cue"], key=lambda c: (c[0] - c[1], c[0]), default=None)
        out.append(_Segment(a, b, qi, pi, mi, ci))
    return out


def render_section(result: Result, n: int) -> str:
    """The ``<section>`` of document *n*: heading, summary, legend, text with highlights, diagnostics."""
    colour = {s.id: entity_colour(i) for i, s in enumerate(result.speakers)}
    mentions, cues = _marked_spans(result)
    heading = result.id if result.id else f"Document {n + 1}"
    parts = [
        f'<section class="qa-doc" id="qa-doc-{n}" data-id="{_attr(result.id or "")}" '
        f'data-engine="{_attr(result.engine)}">',
        f"<h2>{_esc(heading)}</h2>",
        f'<p class="qa-summary">{_esc(_summary(result))}</p>',
        _legend(result, colour),
        f'<div class="qa-text">{_TextMarkup(result, colour, mentions, cues).html()}</div>',
    ]
    if result.diagnostics:
        parts.append(_diagnostics(result))
    parts.append("</section>")
    return "\n".join(parts)


def _marked_spans(result: Result) -> tuple[dict[tuple[int, int], _Mention], dict[tuple[int, int], list[int]]]:
    """The mentions and cues to highlight, by span.

    Mentions: every mention of a speaker entity, plus each quote's speaker
    mention (a follow-on quote shares its predecessor's), with the quotes it
    is the speaker of. Cues: each quote's cue, with the quotes it introduces.
    Empty spans are left out.
    """
    found: dict[tuple[int, int], tuple[str, list[int]]] = {}
    for s in result.speakers:
        for m in s.mentions:
            found.setdefault((m.start, m.end), (s.id, []))
    for i, q in enumerate(result.quotes):
        if q.speaker is not None:
            m = q.speaker.mention
            found.setdefault((m.start, m.end), (q.speaker.entity.id, []))[1].append(i)
    mentions = {k: _Mention(e, tuple(qs)) for k, (e, qs) in found.items() if k[0] < k[1]}
    cues: dict[tuple[int, int], list[int]] = {}
    for i, q in enumerate(result.quotes):
        if q.cue is not None and q.cue.start < q.cue.end:
            cues.setdefault((q.cue.start, q.cue.end), []).append(i)
    return mentions, cues


def _diagnostics(result: Result) -> str:
    """The collapsible list of the result's diagnostics."""
    items = "".join(
        f"<li><code>{_esc(d.code)}</code> [{d.start}, {d.end}): {_esc(d.message)}</li>" for d in result.diagnostics
    )
    return (
        f'<details class="qa-diagnostics"><summary>{len(result.diagnostics)} diagnostic'
        f"{'s' if len(result.diagnostics) != 1 else ''}</summary><ul>{items}</ul></details>"
    )


class _TextMarkup:
    """The document text with its highlights, nested level by level.

    The segments of :func:`_segments` are grouped by quote (level 0), quote
    part (1), mention (2) and cue (3); level 4 is the escaped text. A quote
    whose segments fall into several groups (another quote inside it) is
    drawn as several ``qa-fragment`` elements, the label closing the last.
    """

    def __init__(
        self,
        result: Result,
        colour: Mapping[str, str],
        mentions: Mapping[tuple[int, int], _Mention],
        cues: Mapping[tuple[int, int], list[int]],
    ) -> None:
        self.result = result
        self.colour = colour
        self.mentions = mentions
        self.cues = cues
        self.segs = _segments(result, mentions, cues)
        self.groups_per_quote: dict[int, int] = {}
        for key, _ in itertools.groupby(self.segs, key=lambda s: s.quote):
            if key is not None:
                self.groups_per_quote[key] = self.groups_per_quote.get(key, 0) + 1
        self.seen_groups: dict[int, int] = {}

    def html(self) -> str:
        return self._emit(self.segs, 0)

    def _emit(self, group: list[_Segment], level: int) -> str:
        if level == 4:
            text = self.result.text
            return "".join(_esc(text[s.start : s.end]) for s in group)
        keyfunc = (lambda s: s.quote, lambda s: s.part, lambda s: s.mention, lambda s: s.cue)[level]
        out = []
        for key, grouped in itertools.groupby(group, key=keyfunc):
            sub = list(grouped)
            inner = self._emit(sub, level + 1)
            out.append(inner if key is None else self._element(level, key, sub, inner))
        return "".join(out)

    def _element(self, level: int, key: Any, sub: list[_Segment], inner: str) -> str:
        """The element of level *level* for *key* around *inner*."""
        if level == 0:
            return self._quote_open(key) + inner + self._quote_close(key)
        if level == 1:
            p = self.result.quotes[sub[0].quote].parts[key]  # type: ignore[index]
            return f'<span class="qa-part" data-start="{p.start}" data-end="{p.end}">{inner}</span>'
        if level == 2:
            m = self.mentions[key]
            cls = "qa-mention qa-speaker" if m.speaker_of else "qa-mention"
            return (
                f'<span class="{cls}" data-entity="{_attr(m.entity)}" data-start="{key[0]}" data-end="{key[1]}"'
                f' style="--qa-c: {self.colour.get(m.entity, UNATTRIBUTED_COLOUR)}">{inner}</span>'
            )
        qs = self.cues[key]
        return (
            f'<span class="qa-cue" data-start="{key[0]}" data-end="{key[1]}"'
            f' data-quotes="{" ".join(map(str, qs))}">{inner}</span>'
        )

    def _quote_colour(self, i: int) -> str:
        sp = self.result.quotes[i].speaker
        return UNATTRIBUTED_COLOUR if sp is None else self.colour.get(sp.entity.id, UNATTRIBUTED_COLOUR)

    def _quote_open(self, i: int) -> str:
        q = self.result.quotes[i]
        self.seen_groups[i] = self.seen_groups.get(i, 0) + 1
        cls = "qa-quote qa-fragment" if self.groups_per_quote[i] > 1 else "qa-quote"
        sp = q.speaker
        attrs_ = {
            "class": f"{cls} qa-{q.kind.value}",
            "data-quote": i,
            "data-start": q.content.start,
            "data-end": q.content.end,
            "data-kind": q.kind.value,
            # The quote's own words (parts joined, narration left out).
            "data-text": q.text,
            "data-confidence": f"{q.confidence:g}",
            "data-speaker": "" if sp is None or sp.entity.name is None else sp.entity.name,
            "data-entity": "" if sp is None else sp.entity.id,
            "title": _tooltip(q),
            "style": f"--qa-c: {self._quote_colour(i)}",
        }
        return "<span " + " ".join(f'{k}="{_attr(v)}"' for k, v in attrs_.items()) + ">"

    def _quote_close(self, i: int) -> str:
        if self.seen_groups[i] < self.groups_per_quote[i]:
            return "</span>"
        # The label closes the quote's last element.
        label = _esc(speaker_label(self.result.quotes[i]))
        return f'<span class="qa-label" aria-hidden="true">{label}</span></span>'


def _tooltip(q: Quote) -> str:
    lines = [f"{q.kind.value} quote, confidence {q.confidence:.2f}", f"words: {q.text}"]
    if q.speaker is not None:
        sp = q.speaker
        lines.append(
            f"speaker: {speaker_label(q)} ({sp.entity.id}; mention {sp.mention.text!r}, "
            f"{sp.resolution.value}, {sp.confidence:.2f})"
        )
    else:
        lines.append(f"speaker: {UNATTRIBUTED_LABEL}")
    if q.cue is not None:
        lines.append(f"cue: {q.cue.text}" + (f" ({q.cue_class.value})" if q.cue_class else ""))
    if q.rule:
        lines.append(f"rule: {q.rule}")
    return "\n".join(lines)


def _summary(result: Result) -> str:
    kinds = {k: sum(1 for q in result.quotes if q.kind is k) for k in QuoteKind}
    n = len(result.quotes)
    detail = ", ".join(f"{v} {k.value}" for k, v in kinds.items() if v)
    quoted = len({q.speaker.entity.id for q in result.quotes if q.speaker is not None})
    return (
        f"{n} quote{'s' if n != 1 else ''}"
        + (f" ({detail})" if detail else "")
        + f" · {quoted} speaker{'s' if quoted != 1 else ''} quoted · engine {result.engine}"
    )


def _legend(result: Result, colour: Mapping[str, str]) -> str:
    counts = {s.id: 0 for s in result.speakers}
    unattributed = 0
    for q in result.quotes:
        if q.speaker is None:
            unattributed += 1
        else:
            counts[q.speaker.entity.id] = counts.get(q.speaker.entity.id, 0) + 1
    rows = [_legend_row(s, colour[s.id], counts[s.id]) for s in result.speakers]
    if unattributed:
        rows.append(
            f'<tr data-entity=""><td><span class="qa-swatch" style="--qa-c: {UNATTRIBUTED_COLOUR}"></span></td>'
            f'<td class="qa-name">{UNATTRIBUTED_LABEL}</td><td></td><td></td>'
            f'<td class="qa-count">{unattributed}</td></tr>'
        )
    if not rows:
        return '<p class="qa-summary">No speakers.</p>'
    return (
        '<table class="qa-legend"><thead><tr><th></th><th>Speaker</th><th>Kind</th><th>Role</th>'
        "<th>Quotes</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _legend_row(s: Speaker, colour: str, count: int) -> str:
    name = s.name or (s.mentions[0].text if s.mentions else s.id)
    aliases = ", ".join(a for a in s.aliases if a != s.name)
    title = f' title="{_attr("also: " + aliases)}"' if aliases else ""
    return (
        f'<tr data-entity="{_attr(s.id)}"><td><span class="qa-swatch" style="--qa-c: {colour}"></span></td>'
        f'<td class="qa-name"{title}>{_esc(name)}</td><td>{_esc(s.kind.value)}</td>'
        f'<td>{_esc(s.role or "")}</td><td class="qa-count">{count}</td></tr>'
    )
