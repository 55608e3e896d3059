"""atheris (libFuzzer) harness for :func:`quoteattr.extract`.

Each input's bytes are decoded to ``str`` one of three ways, chosen by the
first byte (UTF-8 with ``surrogateescape`` so that invalid bytes become lone
surrogates, UTF-8 with ``replace``, or atheris' own Unicode draw), and
:func:`quoteattr.extract` must then

* not raise;
* return spans with ``text[start:end] == span.text``, all within bounds;
* give the same result after ``Result.to_dict`` -> JSON -> ``from_dict``;
* give a result whose offsets all move by *k* when *k* spaces are put
  before the text.

Run (see README.md)::

    mkdir -p /tmp/fuzz-corpus
    .venv/bin/python benchmarks/fuzz/fuzz_extract.py /tmp/fuzz-corpus benchmarks/fuzz/seeds -max_total_time=300
"""

from __future__ import annotations

import json
import sys

import atheris
from _inputs import decode as _decode  # this folder, the harnesses' shared decoding

with atheris.instrument_imports(include=["quoteattr"]):
    import quoteattr
    from quoteattr import Result


def _offsets(r: Result) -> list[tuple[int, int]]:
    out = []
    for q in r.quotes:
        out += [(s.start, s.end) for s in (q.content, *q.parts)]
        if q.cue is not None:
            out.append((q.cue.start, q.cue.end))
        if q.speaker is not None:
            out.append((q.speaker.mention.start, q.speaker.mention.end))
    for s in r.speakers:
        out += [(m.start, m.end) for m in s.mentions]
    out += [(d.start, d.end) for d in r.diagnostics]
    return out


def check(text: str) -> None:
    """The invariants; raises AssertionError when one fails."""
    r = quoteattr.extract(text)
    assert r.text == text
    for q in r.quotes:
        for s in (q.content, *q.parts, q.cue, q.speaker and q.speaker.mention):
            if s:
                assert 0 <= s.start <= s.end <= len(text) and text[s.start : s.end] == s.text, s
    assert r == Result.from_dict(json.loads(json.dumps(r.to_dict()))), "JSON round trip changed the result"
    k = 3
    moved = quoteattr.extract(" " * k + text)
    assert [(a + k, b + k) for a, b in _offsets(r)] == _offsets(moved), "a space prefix did not shift the offsets"


def test_one_input(data: bytes) -> None:
    check(_decode(data))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
