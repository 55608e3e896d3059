"""The ``quoteattr`` command line.

Subcommands:
    extract   find quotes in files, stdin or JSONL documents
    evaluate  score an engine (or a prediction file) against gold labels
    render    write an HTML view of the quotes
    download  install stanza's English models for the stanza engine

Input is read as UTF-8 unless ``--encoding`` says otherwise; a file that does
not decode is an error naming the file and byte offset, unless
``--errors replace`` is given. JSONL input is checked line by line before any
output is written, so a bad line never leaves partial output behind.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from .defaults import DEFAULT_MIN_CONFIDENCE, ENGINES
from .cliargs import add_decoding_options, add_stanza_options, number_arg, read_text, stanza_options
from .errors import InputError, QuoteattrError

if TYPE_CHECKING:
    from .model import Result

# Nothing above loads the engine, its lexicons, attrs or the result types:
# ``quoteattr --help`` starts in well under 0.15 s. The engine is imported by
# the command that runs it; ``evaluate`` and ``render`` register their full
# options only when named on the command line (see :func:`build_parser`).

__all__ = ["Document", "InputError", "main", "read_documents", "read_text"]

#: The one-line hint printed when ``quoteattr extract`` reads a terminal.
STDIN_HINT = "quoteattr: reading text from standard input; end it with Ctrl-D (Ctrl-Z Enter on Windows), or give a FILE"


class Document(NamedTuple):
    """One input document: an id (file name or JSONL id) and its text."""

    id: str | None
    text: str


def read_documents(
    files: Sequence[str],
    *,
    jsonl: bool = False,
    encoding: str = "utf-8",
    errors: str = "strict",
    skip_bad_lines: bool = False,
    stdin: Any = None,
    warn: TextIO | None = None,
) -> list[Document]:
    """Read every input document before anything is processed.

    Args:
        files: paths, ``-`` for standard input.
        jsonl: each file holds ``{"id": ..., "text": ...}`` lines.
        encoding, errors: how bytes are decoded (``errors="replace"`` keeps
            going past bad bytes).
        skip_bad_lines: skip malformed JSONL lines (each reported on *warn*)
            instead of failing.

    Raises:
        InputError: for an unreadable file, undecodable bytes or (without
            *skip_bad_lines*) a malformed JSONL line, naming file and line.
    """
    from ._io import jsonl_lines, parse_json_line

    stdin = sys.stdin if stdin is None else stdin
    docs: list[Document] = []
    for name in files or ["-"]:
        text = read_text(name, encoding=encoding, errors=errors, stdin=stdin)
        if not jsonl:
            docs.append(Document(None if name == "-" else name, text))
            continue
        for lineno, line in jsonl_lines(text):
            try:
                obj = parse_json_line(line)
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    raise ValueError('each line must be an object with a string "text"')
                doc_id = obj.get("id")
                docs.append(Document(None if doc_id is None else str(doc_id), obj["text"]))
            except ValueError as exc:
                msg = f"{name}:{lineno}: malformed JSONL line: {exc}"
                if not skip_bad_lines:
                    raise InputError(msg + " (use --skip-bad-lines to skip it)") from None
                if warn is not None:
                    print(f"quoteattr: skipped {msg}", file=warn)
    return docs


def format_result(result: Result) -> str:
    """The human-readable listing of one result."""
    lines = []
    head = result.id or "<stdin>"
    lines.append(f"== {head}: {len(result.quotes)} quote(s)")
    for i, q in enumerate(result.quotes, 1):
        who = "?"
        if q.speaker is not None:
            name = q.speaker.entity.name or "(unresolved)"
            who = f"{name} [{q.speaker.mention.text!r} @{q.speaker.mention.start}]"
        cue = f"{q.cue.text!r}" if q.cue else "-"
        content = q.text.replace("\n", " ")  # the quote's own words, parts joined
        if len(content) > 200:
            content = content[:197] + "..."
        lines.append(
            f"{i:3}. {q.kind.value:<8} {q.content.start}-{q.content.end}  conf {q.confidence:.2f}  "
            f"speaker: {who}  cue: {cue}\n     {content!r}"
        )
    for d in result.diagnostics:
        lines.append(f"  note: {d.code} at {d.start}: {d.message}")
    return "\n".join(lines)


def _progress(items: Iterator[Result], total: int, quiet: bool) -> Iterator[Result]:
    if quiet or total < 2 or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, unit="doc", file=sys.stderr)


#: ``--jobs auto`` starts worker processes only for at least this many
#: characters of input per worker: below it, forking and collecting the
#: results cost more than they save (docs/scaling.md has the measurements).
AUTO_JOBS_MIN_CHARS = 2_000_000


def resolve_jobs(jobs: int | str, total_chars: int, cpus: int | None = None) -> int:
    """The number of worker processes for ``--jobs`` (an int, or ``"auto"``)."""
    if jobs != "auto":
        return int(jobs)
    cpus = cpus or os.cpu_count() or 1
    return max(1, min(cpus, total_chars // AUTO_JOBS_MIN_CHARS))


def _warn_if_terminal(files: Sequence[str], stdin: Any) -> None:
    if list(files) in ([], ["-"]) and getattr(stdin, "isatty", lambda: False)():
        print(STDIN_HINT, file=sys.stderr)


def _cmd_extract(args: argparse.Namespace) -> int:
    _warn_if_terminal(args.files, sys.stdin)
    docs = read_documents(
        args.files,
        jsonl=args.input_jsonl,
        encoding=args.encoding,
        errors=args.decode_errors,
        skip_bad_lines=args.skip_bad_lines,
        warn=sys.stderr,
    )
    from ._io import json_line, write_utf8

    results = _extract_docs(docs, args)
    out = sys.stdout
    if not (args.jsonl or args.csv) and hasattr(out, "reconfigure"):
        # The listing is for people: what the terminal's encoding cannot
        # show (a curly quote under PYTHONIOENCODING=ascii, a lone
        # surrogate) is written as a backslash escape, not a traceback.
        out.reconfigure(errors="backslashreplace")
    write_csv_row = _csv_writer(out) if args.csv else None
    for d, (doc, result) in enumerate(zip(docs, _progress(results, len(docs), args.quiet), strict=False)):
        result = _with_id(result, doc.id)
        if write_csv_row is not None:
            write_csv_row(d, result)
        elif args.jsonl:
            # UTF-8 whatever the terminal says, lone surrogates as JSON
            # escapes: --input-jsonl reads every line back as it was.
            write_utf8(out, json_line(result.to_dict()) + "\n")
        else:
            out.write(format_result(result) + "\n\n")
    out.flush()
    return 0


def _with_id(result: Result, doc_id: str | None) -> Result:
    import attrs

    return attrs.evolve(result, id=doc_id)


def _extract_docs(docs: Sequence[Document], args: argparse.Namespace) -> Iterator[Result]:
    from .pipeline import extract, extract_many

    jobs = resolve_jobs(args.jobs, sum(len(d.text) for d in docs))
    jobs = min(jobs, max(1, len(docs)))
    opts: dict[str, Any] = {"engine": args.engine, "min_confidence": args.min_confidence, **stanza_options(args)}
    if jobs > 1:
        # Workers are forked from this process: load the engine and its
        # lexicons here once, not once per worker.
        extract('"Yes," she said.', **opts)
    # Small chunks (about four per worker) keep every worker busy to the
    # end; one chunk of 64 left one worker with most of a small input.
    chunk = max(1, min(64, -(-len(docs) // (jobs * 4))))
    return extract_many([d.text for d in docs], n_process=jobs, batch_size=chunk, **opts)


def _csv_writer(out: TextIO) -> Any:
    """One CSV row per quote, the columns of :func:`quoteattr.to_frame`."""
    import csv

    from .frame import COLUMNS, _rows

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)

    def write(d: int, result: Result) -> None:
        for row in _rows([result]):
            writer.writerow("" if v is None else v for v in (d, *row[1:]))

    return write


def _confidence_arg(value: str) -> float:
    return number_arg(
        value,
        float,
        lambda v: 0.0 <= v <= 1.0,
        bad="expected a number in [0, 1] (got {value!r})",
        outside="must be in [0, 1] (got {value})",
    )


def _jobs_arg(value: str) -> int | str:
    if value == "auto":
        return value
    return number_arg(
        value,
        int,
        lambda v: v >= 1,
        bad="expected a whole number >= 1 or 'auto' (got {value!r})",
        outside="must be >= 1 (got {v})",
    )


#: Subcommands whose modules register their own options, with their one-line
#: help: the module is imported only when its command is named.
OPTIONAL_COMMANDS = {
    "evaluate": "score an engine or a prediction file against labelled quotes",
    "render": "write an HTML view of the quotes found in texts",
}


def _command_in(argv: Sequence[str] | None) -> str | None:
    """The subcommand named in *argv* (its first word that is not an option)."""
    for word in sys.argv[1:] if argv is None else argv:
        if not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``quoteattr`` parser; *argv* says which optional subcommand to load in full.

    ``evaluate`` and ``render`` get their full options (importing their
    modules) only when *argv* names them; otherwise a placeholder with their
    help line keeps ``quoteattr --help`` fast.
    """
    parser = argparse.ArgumentParser(prog="quoteattr", description="Find who said what in news text.")
    from . import __version__

    parser.add_argument("-V", "--version", action="version", version=f"quoteattr {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser(
        "extract",
        help="find quotes in files, stdin or JSONL documents",
        description="Find the quotes in each FILE (or standard input) and list them with their cue and speaker; "
        "--jsonl writes one JSON result per document, --csv one row per quote.",
    )
    ex.add_argument("files", nargs="*", metavar="FILE", help="text files, or - for stdin (default)")
    out = ex.add_mutually_exclusive_group()
    out.add_argument("--jsonl", action="store_true", help="write one JSON result per document")
    out.add_argument(
        "--csv", action="store_true", help="write one CSV row per quote (the columns of quoteattr.to_frame)"
    )
    ex.add_argument("--input-jsonl", action="store_true", help='read {"id": ..., "text": ...} lines; ids are kept')
    ex.add_argument("--engine", choices=ENGINES, default="rules", help="rules (default, no model) or stanza")
    add_stanza_options(ex, coref=True)
    ex.add_argument(
        "--min-confidence", type=_confidence_arg, default=DEFAULT_MIN_CONFIDENCE, help="drop quotes below this score"
    )
    ex.add_argument(
        "--jobs",
        "-j",
        type=_jobs_arg,
        default=1,
        help="worker processes, or 'auto' (one per ~2 MB of text, up to the CPUs)",
    )
    ex.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    add_decoding_options(ex)
    ex.add_argument("--skip-bad-lines", action="store_true", help="skip malformed JSONL lines instead of failing")
    ex.set_defaults(func=_cmd_extract)

    # Defined here, not by the stanza adapter, whose import loads torch.
    dl = sub.add_parser(
        "download",
        help="install stanza's English models for the stanza engine",
        description="Download stanza's English models (and its coreference model) for --engine stanza.",
    )
    dl.add_argument("--dir", default=None, help="model folder (default: $STANZA_RESOURCES_DIR or stanza's own)")
    dl.add_argument(
        "--no-coref", action="store_true", help="skip the coreference model (about 135 MB plus its base model)"
    )
    dl.set_defaults(func=_cmd_download)

    command = _command_in(argv)
    for module, help_ in OPTIONAL_COMMANDS.items():
        if command == module:
            _add_optional(sub, module)
        else:
            sub.add_parser(module, help=help_, add_help=False)
    return parser


def _cmd_download(args: argparse.Namespace) -> int:
    from .adapters.stanza import run

    return run(args)


def _add_optional(sub: Any, module: str) -> None:
    """Let a stage module register its own subcommand, if it has one."""
    import importlib

    try:
        mod = importlib.import_module(f"quoteattr.{module}")
    except ImportError:
        return
    add = getattr(mod, "add_parser", None)
    if add is not None:
        add(sub)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except QuoteattrError as exc:
        print(f"quoteattr: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
