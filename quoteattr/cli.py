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
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

import attrs

from ._io import json_line, jsonl_lines, parse_json_line, write_utf8
from .errors import InputError, QuoteattrError
from .model import Result
from .pipeline import DEFAULT_MIN_CONFIDENCE, ENGINES, extract_many

__all__ = ["Document", "InputError", "main", "read_documents"]


@attrs.frozen
class Document:
    """One input document: an id (file name or JSONL id) and its text."""

    id: str | None
    text: str


def _decode(data: bytes, name: str, encoding: str, errors: str) -> str:
    try:
        return data.decode(encoding, errors=errors)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} at byte offset {exc.start} ({exc.reason}); "
            f"pass --encoding ENC or --errors replace"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def _read_bytes(name: str, stdin: Any) -> bytes:
    if name == "-":
        return stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
    try:
        with open(name, "rb") as f:
            return f.read()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


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
    stdin = sys.stdin if stdin is None else stdin
    docs: list[Document] = []
    for name in files or ["-"]:
        text = _decode(_read_bytes(name, stdin), "<stdin>" if name == "-" else name, encoding, errors)
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
        content = " […] ".join(p.text for p in q.parts).replace("\n", " ")
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


def _cmd_extract(args: argparse.Namespace) -> int:
    docs = read_documents(
        args.files,
        jsonl=args.input_jsonl,
        encoding=args.encoding,
        errors=args.errors,
        skip_bad_lines=args.skip_bad_lines,
        warn=sys.stderr,
    )
    results = extract_many(
        [d.text for d in docs],
        n_process=args.jobs,
        engine=args.engine,
        min_confidence=args.min_confidence,
        **stanza_options(args),
    )
    out = sys.stdout
    if not args.jsonl and hasattr(out, "reconfigure"):
        # The listing is for people: what the terminal's encoding cannot
        # show (a curly quote under PYTHONIOENCODING=ascii, a lone
        # surrogate) is written as a backslash escape, not a traceback.
        out.reconfigure(errors="backslashreplace")
    for doc, result in zip(docs, _progress(results, len(docs), args.quiet)):
        result = attrs.evolve(result, id=doc.id)
        if args.jsonl:
            # UTF-8 whatever the terminal says, lone surrogates as JSON
            # escapes: --input-jsonl reads every line back as it was.
            write_utf8(out, json_line(result.to_dict()) + "\n")
        else:
            out.write(format_result(result) + "\n\n")
    out.flush()
    return 0


def _confidence_arg(value: str) -> float:
    try:
        v = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 1] (got {value!r})") from None
    if not 0.0 <= v <= 1.0:  # (False for nan)
        raise argparse.ArgumentTypeError(f"must be in [0, 1] (got {value})")
    return v


def _jobs_arg(value: str) -> int:
    try:
        v = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1 (got {value!r})") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1 (got {v})")
    return v


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quoteattr", description="Find who said what in news text.")
    from . import __version__

    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser("extract", help="find quotes in files, stdin or JSONL documents")
    ex.add_argument("files", nargs="*", metavar="FILE", help="text files, or - for stdin (default)")
    ex.add_argument("--jsonl", action="store_true", help="write one JSON result per document")
    ex.add_argument("--input-jsonl", action="store_true", help='read {"id": ..., "text": ...} lines; ids are kept')
    ex.add_argument("--engine", choices=ENGINES, default="rules", help="rules (default, no model) or stanza")
    add_stanza_options(ex, coref=True)
    ex.add_argument("--min-confidence", type=_confidence_arg, default=DEFAULT_MIN_CONFIDENCE, help="drop quotes below this score")
    ex.add_argument("--jobs", "-j", type=_jobs_arg, default=1, help="worker processes")
    ex.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    ex.add_argument("--encoding", default="utf-8", help="input encoding (default utf-8)")
    ex.add_argument("--errors", choices=("strict", "replace"), default="strict", help="how to treat undecodable bytes")
    ex.add_argument("--skip-bad-lines", action="store_true", help="skip malformed JSONL lines instead of failing")
    ex.set_defaults(func=_cmd_extract)

    # Defined here, not by the stanza adapter, whose import loads torch.
    dl = sub.add_parser("download", help="install stanza's English models for the stanza engine")
    dl.add_argument("--dir", default=None, help="model folder (default: $STANZA_RESOURCES_DIR or stanza's own)")
    dl.add_argument("--no-coref", action="store_true", help="skip the coreference model (about 135 MB plus its base model)")
    dl.set_defaults(func=_cmd_download)

    # Stage modules register their own subcommands; they import nothing
    # heavy at module level, so the CLI starts fast.
    for module in ("evaluate", "render"):
        _add_optional(sub, module)
    return parser


def add_stanza_options(parser: argparse.ArgumentParser, *, coref: bool = False) -> None:
    """``--model-dir`` (and ``--no-coref``) for a command that takes ``--engine``."""
    parser.add_argument(
        "--model-dir",
        metavar="DIR",
        default=None,
        help="stanza engine: model folder, downloaded or trained by tools/train_stanza_models.py "
        "(default: $QUOTEATTR_STANZA_DIR, $STANZA_RESOURCES_DIR or stanza's own)",
    )
    if coref:
        parser.add_argument("--no-coref", action="store_true", help="stanza engine: run without stanza's coreference")


def stanza_options(args: argparse.Namespace) -> dict[str, Any]:
    """The extract() keywords of :func:`add_stanza_options`, for the stanza engine only."""
    if getattr(args, "engine", "rules") != "stanza":
        return {}
    return {"model_dir": getattr(args, "model_dir", None), "coref": not getattr(args, "no_coref", False)}


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
    parser = build_parser()
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
