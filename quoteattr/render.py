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

Each section, with its markup and the speaker colours, is built by
:mod:`quoteattr.render_section` (whose public names are re-exported here);
this module builds the page around the sections and runs ``quoteattr
render``.

Example:
    >>> import quoteattr
    >>> from quoteattr.render import to_html
    >>> page = to_html(quoteattr.extract('"We will respond," Peskov told reporters.'))
    >>> page.startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ._io import jsonl_lines, parse_json_line, write_utf8
from .errors import InputError, InputTypeError, QuoteattrError, SerializationError
from .model import Result, register_renderer
from .render_section import (
    PALETTE,
    UNATTRIBUTED_COLOUR,
    UNATTRIBUTED_LABEL,
    _attr,
    _esc,
    entity_colour,
    render_section,
    speaker_label,
)

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
    body = [render_section(r, n) for n, r in enumerate(docs)]
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
