"""Options and the input reader shared by the subcommands.

``quoteattr.cli`` builds the command line; ``quoteattr.evaluate`` and
``quoteattr.render`` register their own subcommands. All three take these
options and read files the same way, so they live here, in a module that
imports none of them: the subcommand modules import this one, never
``quoteattr.cli`` (which would be an import cycle, lazy or not).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .errors import InputError

__all__ = [
    "DeprecatedAlias",
    "add_decoding_options",
    "add_stanza_options",
    "number_arg",
    "read_text",
    "stanza_options",
]


def _decode(data: bytes, name: str, encoding: str, errors: str) -> str:
    try:
        return data.decode(encoding, errors=errors)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} at byte offset {exc.start} ({exc.reason}); "
            f"pass --encoding ENC or --decode-errors replace"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def _read_bytes(name: str, stdin: Any) -> bytes:
    if name == "-":
        data: bytes = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
        return data
    try:
        with open(name, "rb") as f:
            return f.read()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def read_text(name: str, *, encoding: str = "utf-8", errors: str = "strict", stdin: Any = None) -> str:
    """Read and decode one input file (``-`` for standard input): the reader of every subcommand.

    Raises:
        InputError: for an unreadable file or undecodable bytes, naming the
            file and byte offset.
    """
    stdin = sys.stdin if stdin is None else stdin
    return _decode(_read_bytes(name, stdin), "<stdin>" if name == "-" else name, encoding, errors)


_N = TypeVar("_N", int, float)


def number_arg(value: str, convert: Callable[[str], _N], ok: Callable[[_N], bool], *, bad: str, outside: str) -> _N:
    """An option's number: *value* converted, or an ``argparse`` error of the subcommand's own wording.

    The option validators of every subcommand (``--min-confidence``,
    ``--jobs``, ``--iou``, ``--show-errors``) are this one check with their
    own messages: *bad* when *convert* fails, *outside* when *ok* says no
    (``nan`` fails every range check). Both are ``str.format`` templates of
    ``value`` (the text given) and, for *outside*, ``v`` (the number).

    Example:
        >>> number_arg("7", int, lambda v: v >= 0, bad="not a number: {value!r}", outside="{v} < 0")
        7
        >>> number_arg("-2", int, lambda v: v >= 0, bad="not a number: {value!r}", outside="{v} < 0")
        Traceback (most recent call last):
        ...
        argparse.ArgumentTypeError: -2 < 0

    Raises:
        argparse.ArgumentTypeError: with *bad* or *outside*, which argparse
            prints after the option's name.
    """
    try:
        v = convert(value)
    except ValueError:
        raise argparse.ArgumentTypeError(bad.format(value=value)) from None
    if not ok(v):
        raise argparse.ArgumentTypeError(outside.format(value=value, v=v))
    return v


class DeprecatedAlias(argparse.Action):
    """An old option spelling: works as *new* does, with a warning on stderr."""

    def __init__(self, option_strings: Sequence[str], dest: str, *, new: str, **kwargs: Any) -> None:
        self.new = new
        kwargs.setdefault("help", argparse.SUPPRESS)
        super().__init__(option_strings, dest, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        print(f"quoteattr: warning: {option_string} is deprecated; use {self.new}", file=sys.stderr)
        setattr(namespace, self.dest, values)


def add_decoding_options(parser: argparse.ArgumentParser) -> None:
    """``--encoding`` and ``--decode-errors`` (old spelling ``--errors``), for commands that read text files."""
    parser.add_argument("--encoding", default="utf-8", help="input encoding (default utf-8)")
    parser.add_argument(
        "--decode-errors",
        choices=("strict", "replace"),
        default="strict",
        help="how to treat undecodable bytes (default strict)",
    )
    parser.add_argument(
        "--errors", dest="decode_errors", choices=("strict", "replace"), action=DeprecatedAlias, new="--decode-errors"
    )


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
    parser.add_argument(
        "--stanza-mode",
        choices=("dependency", "boundaries"),
        default=None,
        help="stanza engine: dependency rules (default) or the rule engine's quotes with boundaries from the parse",
    )


def stanza_options(args: argparse.Namespace) -> dict[str, Any]:
    """The extract() keywords of :func:`add_stanza_options`, for the stanza engine only."""
    if getattr(args, "engine", "rules") != "stanza":
        return {}
    return {
        "model_dir": getattr(args, "model_dir", None),
        "coref": not getattr(args, "no_coref", False),
        "stanza_mode": getattr(args, "stanza_mode", None),
    }
