"""atheris (libFuzzer) harness for the command line's JSONL round trip (issue 18).

Each input's bytes become one to three texts (split at byte 0x00; decoded as
in ``fuzz_extract.py``: UTF-8 with ``surrogateescape``, so invalid bytes
become lone surrogates, UTF-8 with ``replace``, or atheris' own Unicode
draw). They are written as ``{"id": ..., "text": ...}`` lines, and

* ``quoteattr extract --input-jsonl --jsonl`` must exit 0 and write strict
  UTF-8, one line per document, with the same ids and texts in order;
* that output, read back by ``extract --input-jsonl --jsonl``, must give
  the same bytes (surrogates, U+2028, U+2029, U+0085 included).

The CLI runs in this process (``quoteattr.cli.main``) with byte-backed
standard input and output, as a terminal's would be.

Run (see README.md)::

    mkdir -p /tmp/fuzz-jsonl
    .venv/bin/python benchmarks/fuzz/fuzz_jsonl.py /tmp/fuzz-jsonl benchmarks/fuzz/seeds -max_total_time=300
"""

from __future__ import annotations

import io
import json
import sys

import atheris
from _inputs import decode as _decode  # this folder, the harnesses' shared decoding

with atheris.instrument_imports(include=["quoteattr"]):
    from quoteattr.cli import main as cli_main


def _extract_jsonl(data: bytes) -> bytes:
    out = io.BytesIO()
    old = sys.stdin, sys.stdout
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    try:
        rc = cli_main(["extract", "--input-jsonl", "--jsonl", "--quiet", "-"])
        sys.stdout.flush()
        assert 0 == rc, f"exit status {rc}"
        return out.getvalue()
    finally:
        sys.stdin, sys.stdout = old


def check(texts: list[str]) -> None:
    """The invariants; raises AssertionError when one fails."""
    # (as JSON reads them: "\ud800\udfff" as escapes is one character, U+103FF)
    docs = [(f"d{i}", json.loads(json.dumps(t))) for i, t in enumerate(texts)]
    first = _extract_jsonl("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs).encode("utf-8"))
    lines = [x for x in first.decode("utf-8").split("\n") if x]  # (strict: no raw surrogate written)
    assert docs == [(json.loads(x)["id"], json.loads(x)["text"]) for x in lines], (
        "documents lost, duplicated or changed"
    )
    assert first == _extract_jsonl(first), "reading back --jsonl output changed it"


def test_one_input(data: bytes) -> None:
    check([_decode(part) for part in data.split(b"\x00")[:3]])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
