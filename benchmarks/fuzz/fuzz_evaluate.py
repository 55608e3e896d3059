"""atheris (libFuzzer) harness for the readers of ``quoteattr evaluate`` (issue 18).

Each input's bytes are cut in three at the first two 0x00 bytes: a gold
JSONL file, and the ``.txt`` and ``.ann`` of a one-article brat folder. For
each, :func:`quoteattr.corpora.load` must return documents or raise
:class:`~quoteattr.CorpusFormatError` (never another exception: not a
``UnicodeDecodeError``, a ``RecursionError`` or a ``KeyError``), and
documents that load must score against themselves with
:func:`quoteattr.evaluate.evaluate` without an exception other than
:class:`~quoteattr.errors.EvaluationError` (duplicate ids), every quote
counted once (found plus missed equals the gold quotes in scope).

Run (see README.md)::

    mkdir -p /tmp/fuzz-evaluate
    .venv/bin/python benchmarks/fuzz/fuzz_evaluate.py /tmp/fuzz-evaluate -max_total_time=300
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["quoteattr"]):
    from quoteattr.corpora import load
    from quoteattr.errors import CorpusFormatError, EvaluationError
    from quoteattr.evaluate import evaluate

_TMP = Path(tempfile.mkdtemp(prefix="fuzz-evaluate-"))
(_TMP / "brat" / "text").mkdir(parents=True)
(_TMP / "brat" / "attributions").mkdir()


def check(jsonl: bytes, txt: bytes, ann: bytes) -> None:
    """The invariants; raises AssertionError (or the leaked exception) when one fails."""
    (_TMP / "gold.jsonl").write_bytes(jsonl)
    (_TMP / "brat" / "text" / "a.txt").write_bytes(txt)
    (_TMP / "brat" / "attributions" / "a_x.ann").write_bytes(ann)
    for path in (_TMP / "gold.jsonl", _TMP / "brat"):
        try:
            docs = load(path)
        except CorpusFormatError:
            continue
        try:
            report = evaluate(docs, docs, all_attributions=True)
        except EvaluationError:
            continue
        n_gold = sum(len(d.quotes) for d in docs)
        for name, s in report.spans.items():
            assert s.tp + s.fn == n_gold, f"{name}: {s} for {n_gold} gold quotes"


def test_one_input(data: bytes) -> None:
    parts = data.split(b"\x00", 2)
    parts += [b""] * (3 - len(parts))
    check(parts[0], parts[1], parts[2])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
