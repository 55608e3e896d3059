"""Reading and writing JSON lines and pages the same way everywhere.

The command line (``extract``, ``render``) and the corpus readers share
these rules, so that what one writes the other reads back:

* **Lines end at ``"\\n"`` only.** A text may hold U+2028, U+2029, U+0085,
  form feeds or lone ``"\\r"``, which :meth:`str.splitlines` would take for
  line ends; JSON escapes none of them except ``"\\r"``.
* **JSON output is UTF-8, with lone surrogates escaped.** A Python ``str``
  may hold a lone surrogate (``"\\ud800"``), which UTF-8 cannot encode;
  :func:`json_line` writes it as the JSON escape ``\\ud800``, which
  :func:`json.loads` reads back as the same character, so a round trip
  keeps the text and its offsets. One limit is JSON's own: a high
  surrogate directly followed by a low one (``"\ud800\udfff"``, two code
  points) is written as the two escapes, which every JSON reader takes for
  the one character they encode (U+103FF); such a pair cannot come out of
  decoding UTF-8 or JSON, so only a ``str`` built in Python can hold it.
* **Bytes, not the terminal's encoding.** JSON lines and HTML pages are
  written as UTF-8 bytes whatever ``PYTHONIOENCODING`` says (an ``ascii``
  terminal cannot hold a curly quote).
* **Deep or huge JSON is an error with a line number**, not a
  ``RecursionError`` traceback: :func:`parse_json_line` raises ``ValueError``
  for every line it cannot read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

__all__ = ["json_line", "jsonl_lines", "parse_json_line", "write_utf8"]

# A lone surrogate: it can sit in a Python str but not in UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_line(obj: Any) -> str:
    """*obj* as one line of JSON (no newline), non-ASCII kept except lone surrogates.

    >>> json_line({"text": "A " + chr(0xD800)})
    '{"text": "A \\\\ud800"}'
    """
    out = json.dumps(obj, ensure_ascii=False)
    if _SURROGATE.search(out):
        # Inside JSON a surrogate can only be part of a string, where the
        # escape stands for the same character.
        out = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
    return out


def jsonl_lines(text: str) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` for each non-blank line, split on ``"\\n"`` only."""
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield lineno, line


def parse_json_line(line: str) -> Any:
    """The JSON value of one line.

    Raises:
        ValueError: for invalid JSON, JSON nested too deeply to read, or a
            number Python will not convert (an integer of over 4,300 digits).
    """
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply to read") from None
    except ValueError as exc:
        raise ValueError(f"not readable JSON ({exc})") from None


def write_utf8(stream: TextIO, text: str) -> None:
    """Write *text* to *stream* as UTF-8 bytes when it has a byte buffer.

    Characters UTF-8 cannot hold (lone surrogates) are written as
    backslash escapes; callers that must round-trip escape them first.
    """
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8", errors="backslashreplace"))
    buffer.flush()
