"""A self-contained HTML view of results, in the spirit of displaCy.

Each document becomes a ``<section>``: its text (paragraph breaks kept with
``white-space: pre-wrap``) with every quote highlighted in its speaker's
colour, the cue underlined, the speaker mention in bold with a coloured rule
under it, and a visible speaker label at the end of each quote. A legend lists
the speakers with their kind, role and number of quotes. Hovering a quote
shows its kind, confidence, speaker, cue and rule (the ``title`` attribute).

The page needs nothing from the network: the styles are inline, there is no
script, and a ``Content-Security-Policy`` meta tag forbids every external
load.

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
    >>> from quoteattr.render import to_html
    >>> page = to_html(quoteattr.extract('"We will respond," Peskov told reporters.'))
    >>> page.startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

import argparse
import html
import itertools
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from ._io import jsonl_lines, parse_json_line, write_utf8
from .errors import InputError, InputTypeError, QuoteattrError, SerializationError
from .model import Quote, QuoteKind, Result, Speaker, register_renderer

__all__ = [
    "PALETTE",
    "UNATTRIBUTED_COLOUR",
    "UNATTRIBUTED_LABEL",
    "add_parser",
    "entity_colour",
    "render_html",
    "run",
    "speaker_label",
    "to_html",
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

_CSS = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; margin: 2em auto; max-width: 52em; padding: 0 1em;
  color: #1a1a1a; background: #fff; }
h1 { font-family: system-ui, sans-serif; font-size: 1.5em; }
h2 { font-family: system-ui, sans-serif; font-size: 1.15em; margin-top: 2.5em; border-bottom: 1px solid #ccc; }
.qa-summary { font-family: system-ui, sans-serif; font-size: .85em; color: #555; }
.qa-legend { font-family: system-ui, sans-serif; font-size: .85em; border-collapse: collapse; margin: .8em 0 1.2em; }
.qa-legend th, .qa-legend td { text-align: left; padding: .15em .8em .15em 0; border-bottom: 1px solid #eee; }
.qa-legend td.qa-count { text-align: right; }
.qa-swatch { display: inline-block; width: 1.1em; height: 1.1em; border-radius: .2em; vertical-align: middle;
  background: var(--qa-c); border: 1px solid rgba(0, 0, 0, .25); }
.qa-text { white-space: pre-wrap; line-height: 2.2; font-size: 1.05em; overflow-wrap: break-word; }
.qa-part { background: var(--qa-c); border-radius: .25em; padding: .15em 0;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.qa-quote:hover .qa-part { outline: 2px solid rgba(0, 0, 0, .55); }
.qa-cue { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: .25em;
  text-decoration-color: #222; }
.qa-mention { border-bottom: 2px dotted var(--qa-c); }
.qa-mention.qa-speaker { font-weight: bold; border-bottom: 3px solid var(--qa-c); }
.qa-label { font-family: system-ui, sans-serif; font-size: .7em; font-weight: 600; line-height: 1; white-space: nowrap;
  background: var(--qa-c); color: #1a1a1a; border: 1px solid rgba(0, 0, 0, .35); border-radius: .3em;
  padding: .15em .4em; margin-left: .3em; vertical-align: .15em;
  -webkit-user-select: none; user-select: none; }
.qa-diagnostics { font-family: system-ui, sans-serif; font-size: .8em; color: #555; margin-top: 1em; }
""".strip()


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


def to_html(result: Result, *, title: str | None = None) -> str:
    """The HTML page of one result (what ``Result.to_html()`` returns).

    Raises:
        InputTypeError: when *result* is not a :class:`~quoteattr.Result`.
    """
    if not isinstance(result, Result):
        raise InputTypeError(f"to_html() needs a quoteattr.Result, got {type(result).__name__}")
    return render_html(result, title=title)


register_renderer("html", to_html)  # Result.to_html() (see its docstring for why so)


def render_html(
    results: Result | Mapping[str, Any] | Iterable[Result | Mapping[str, Any]], *, title: str | None = None
) -> str:
    """A self-contained HTML page showing one or many results.

    Args:
        results: a :class:`~quoteattr.Result`, or several; a dict from
            :meth:`Result.to_dict` is accepted wherever a result is.
        title: the page title; by default the document id for one document,
            else ``"quoteattr: N documents"``.

    Returns:
        The page, one ``<section class="qa-doc">`` per document, in order.

    Raises:
        InputTypeError: when an item is neither a result nor a dict (a plain
            ``str`` included: run :func:`quoteattr.extract` on it first).
        SerializationError: when a dict does not describe a valid result.
    """
    docs = _as_results(results)
    if title is None:
        if len(docs) == 1:
            title = f"quoteattr: {docs[0].id}" if docs[0].id else "quoteattr"
        else:
            title = f"quoteattr: {len(docs)} documents"
    body = [_render_section(r, n) for n, r in enumerate(docs)]
    if not docs:
        body.append('<p class="qa-summary">No documents.</p>')
    from . import __version__

    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            # Forbid every external load: the page must work offline as it is.
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="quoteattr {_attr(__version__)}">',
            f"<title>{_esc(title)}</title>",
            f"<style>\n{_CSS}\n</style>",
            "</head>",
            "<body>",
            f"<h1>{_esc(title)}</h1>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _as_results(results: Any) -> list[Result]:
    if isinstance(results, (Result, Mapping)):
        results = [results]
    elif isinstance(results, (str, bytes)) or not isinstance(results, Iterable):
        raise InputTypeError(
            f"render_html() needs a quoteattr.Result or an iterable of them, got {type(results).__name__}"
            + (": run quoteattr.extract() on the text first" if isinstance(results, str) else "")
        )
    out = []
    for n, item in enumerate(results):
        if isinstance(item, Result):
            out.append(item)
        elif isinstance(item, Mapping):
            out.append(Result.from_dict(item))
        else:
            raise InputTypeError(
                f"render_html() item {n} must be a quoteattr.Result or a Result.to_dict() dict, got "
                f"{type(item).__name__}"
            )
    return out


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


def _render_section(result: Result, n: int) -> str:
    colour = {s.id: entity_colour(i) for i, s in enumerate(result.speakers)}

    def quote_colour(i: int) -> str:
        sp = result.quotes[i].speaker
        return UNATTRIBUTED_COLOUR if sp is None else colour.get(sp.entity.id, UNATTRIBUTED_COLOUR)

    # Mentions: every mention of a speaker entity, plus each quote's speaker
    # mention (a follow-on quote shares its predecessor's).
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

    segs = _segments(result, mentions, cues)
    groups_per_quote: dict[int, int] = {}
    for key, _ in itertools.groupby(segs, key=lambda s: s.quote):
        if key is not None:
            groups_per_quote[key] = groups_per_quote.get(key, 0) + 1
    seen_groups: dict[int, int] = {}
    text = result.text

    def emit(group: list[_Segment], level: int) -> str:
        if level == 4:
            return "".join(_esc(text[s.start : s.end]) for s in group)
        keyfunc = (lambda s: s.quote, lambda s: s.part, lambda s: s.mention, lambda s: s.cue)[level]
        out = []
        for key, grouped in itertools.groupby(group, key=keyfunc):
            sub = list(grouped)
            inner = emit(sub, level + 1)
            if key is None:
                out.append(inner)
            elif level == 0:
                out.append(quote_open(key, sub) + inner + quote_close(key))
            elif level == 1:
                p = result.quotes[sub[0].quote].parts[key]  # type: ignore[index]
                out.append(f'<span class="qa-part" data-start="{p.start}" data-end="{p.end}">{inner}</span>')
            elif level == 2:
                m = mentions[key]
                cls = "qa-mention qa-speaker" if m.speaker_of else "qa-mention"
                out.append(
                    f'<span class="{cls}" data-entity="{_attr(m.entity)}" data-start="{key[0]}" data-end="{key[1]}"'
                    f' style="--qa-c: {colour.get(m.entity, UNATTRIBUTED_COLOUR)}">{inner}</span>'
                )
            else:
                qs = cues[key]
                out.append(
                    f'<span class="qa-cue" data-start="{key[0]}" data-end="{key[1]}"'
                    f' data-quotes="{" ".join(map(str, qs))}">{inner}</span>'
                )
        return "".join(out)

    def quote_open(i: int, sub: list[_Segment]) -> str:
        q = result.quotes[i]
        seen_groups[i] = seen_groups.get(i, 0) + 1
        cls = "qa-quote qa-fragment" if groups_per_quote[i] > 1 else "qa-quote"
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
            "style": f"--qa-c: {quote_colour(i)}",
        }
        return "<span " + " ".join(f'{k}="{_attr(v)}"' for k, v in attrs_.items()) + ">"

    def quote_close(i: int) -> str:
        if seen_groups[i] < groups_per_quote[i]:
            return "</span>"
        # The label closes the quote's last element.
        return f'<span class="qa-label" aria-hidden="true">{_esc(speaker_label(result.quotes[i]))}</span></span>'

    heading = result.id if result.id else f"Document {n + 1}"
    parts = [
        f'<section class="qa-doc" id="qa-doc-{n}" data-id="{_attr(result.id or "")}" '
        f'data-engine="{_attr(result.engine)}">',
        f"<h2>{_esc(heading)}</h2>",
        f'<p class="qa-summary">{_esc(_summary(result))}</p>',
        _legend(result, colour),
        f'<div class="qa-text">{emit(segs, 0)}</div>',
    ]
    if result.diagnostics:
        items = "".join(
            f"<li><code>{_esc(d.code)}</code> [{d.start}, {d.end}): {_esc(d.message)}</li>" for d in result.diagnostics
        )
        parts.append(
            f'<details class="qa-diagnostics"><summary>{len(result.diagnostics)} diagnostic'
            f"{'s' if len(result.diagnostics) != 1 else ''}</summary><ul>{items}</ul></details>"
        )
    parts.append("</section>")
    return "\n".join(parts)


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


# ----------------------------------------------------------------------------
# command line


def add_parser(subparsers: Any) -> None:
    """Register ``quoteattr render`` on an ``argparse`` subparsers object."""
    p = subparsers.add_parser(
        "render",
        help="write an HTML view of the quotes found in texts",
        description=(
            "Extract quotes from each FILE ('-' reads standard input) and write one self-contained HTML page "
            "showing them. Files are read as `quoteattr extract` reads them (--encoding, --decode-errors). "
            'With --input-jsonl each FILE holds JSON lines, each either {"id": ..., "text": ...} or a result '
            "written by `quoteattr extract --jsonl` (shown as it is)."
        ),
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="text files to read; '-' for standard input")
    p.add_argument(
        "--input-jsonl", action="store_true", help="each FILE holds JSON lines: 'text' (and 'id'), or result dicts"
    )
    p.add_argument(
        "-o", "--output", metavar="PATH", default="-", help="where to write the page (default: standard output)"
    )
    p.add_argument("--engine", choices=("rules", "stanza"), default="rules", help="extraction engine (default: rules)")
    from .cliargs import add_decoding_options, add_stanza_options

    add_stanza_options(p, coref=True)
    add_decoding_options(p)
    p.add_argument("--title", help="page title")
    p.set_defaults(func=run)


def _read(name: str, args: argparse.Namespace) -> str:
    # One reader for every subcommand: the same messages and options as extract.
    from .cliargs import read_text

    return read_text(name, encoding=getattr(args, "encoding", "utf-8"), errors=getattr(args, "decode_errors", "strict"))


def _results_from_jsonl(name: str, args: argparse.Namespace, opts: dict[str, Any]) -> list[Result]:
    from .pipeline import extract

    out = []
    for lineno, line in jsonl_lines(_read(name, args)):
        where = f"{name}:{lineno}"
        try:
            d = parse_json_line(line)
        except ValueError as exc:
            raise InputError(f"{where}: {exc}") from None
        if not isinstance(d, dict):
            raise InputError(f"{where}: expected a JSON object, got {type(d).__name__}")
        if "schema" in d and "quotes" in d:
            try:
                out.append(Result.from_dict(d))
            except SerializationError as exc:
                raise InputError(f"{where}: {exc}") from exc
        elif isinstance(d.get("text"), str):
            doc_id = d.get("id")
            out.append(extract(d["text"], engine=args.engine, id=str(doc_id) if doc_id is not None else where, **opts))
        else:
            raise InputError(f"{where}: expected a 'text' string or a quoteattr result")
    return out


def _results_from_args(args: argparse.Namespace) -> list[Result]:
    from .cliargs import stanza_options
    from .pipeline import extract

    opts = stanza_options(args)
    out = []
    for name in args.files:
        if args.input_jsonl:
            out.extend(_results_from_jsonl(name, args, opts))
        else:
            out.append(extract(_read(name, args), engine=args.engine, id=name, **opts))
    return out


def run(args: argparse.Namespace) -> int:
    """Run ``quoteattr render``; returns the exit code.

    0 on success; 2 when an input cannot be read, decoded or parsed (the
    message names the file and line); 1 when extraction fails (e.g. the
    stanza engine without its models).
    """
    prog = "quoteattr render"
    if not args.files:
        print(f"{prog}: error: give at least one FILE or '-'", file=sys.stderr)
        return 2
    try:
        results = _results_from_args(args)
    except InputError as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return 2
    except QuoteattrError as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return 1
    page = render_html(results, title=args.title)
    if args.output == "-":
        # The page says <meta charset="utf-8">, so its bytes are UTF-8
        # whatever the terminal's encoding (PYTHONIOENCODING=ascii included).
        write_utf8(sys.stdout, page)
        return 0
    try:
        Path(args.output).write_text(page, encoding="utf-8")
    except OSError as exc:
        print(f"{prog}: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
