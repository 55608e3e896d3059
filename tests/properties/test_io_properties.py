"""Properties of reading and writing: the JSONL round trip and the readers (issue 18).

* ``extract --jsonl`` output, read back by ``extract --input-jsonl --jsonl``,
  gives the same bytes, the same ids and the same texts, for any text:
  lone surrogates, U+2028, U+2029, U+0085 and form feeds included.
* :meth:`Result.from_dict` on any JSON value returns a :class:`Result` or
  raises :class:`SerializationError`, nothing else.
* The gold readers (:func:`quoteattr.corpora.load`, JSONL and brat) on any
  bytes return documents or raise :class:`CorpusFormatError`, nothing else.

Profiles (tests/conftest.py): ``ci`` (default, 200 examples) and ``deep``
(``HYPOTHESIS_PROFILE=deep``, 100,000 examples).
"""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import hostile_chars, news_texts

import quoteattr
from quoteattr import CorpusFormatError, Result, SerializationError
from quoteattr.cli import main
from quoteattr.corpora import load

# Characters that broke the round trip (line ends that are not "\n", a lone
# surrogate) and the marks that make quotes, so that results are not empty.
_AWKWARD = [
    "\u2028",
    "\u2029",
    "\x85",
    "\x0c",
    "\x0b",
    "\r",
    "\r\n",
    "\n",
    "\ud800",
    "\udfff",
    '"',
    "“",
    "”",
    " said ",
    "He ",
]
_texts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(_AWKWARD), hostile_chars(), st.text(max_size=5)), max_size=20).map("".join),
    news_texts(max_paragraphs=2),
)


_counts: dict[str, int] = {}


def _count(name: str) -> None:
    """Log every 1,000th example of *name* to $QUOTEATTR_PROGRESS, if set (how far a long deep run got)."""
    n = _counts[name] = _counts.get(name, 0) + 1
    where = os.environ.get("QUOTEATTR_PROGRESS")
    if where and n % 1000 == 0:
        with open(where, "a", encoding="utf-8") as f:
            f.write(f"{time.strftime('%H:%M:%S')} {name} {n}\n")


@contextlib.contextmanager
def _stdio(data: bytes) -> Iterator[io.BytesIO]:
    """Standard input reading *data* and a standard output whose bytes are returned, as a terminal's would be."""
    out = io.BytesIO()
    old = sys.stdin, sys.stdout
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    try:
        yield out
    finally:
        sys.stdout.flush()
        sys.stdin, sys.stdout = old


def _extract_jsonl(data: bytes) -> bytes:
    with _stdio(data) as out:
        assert 0 == main(["extract", "--input-jsonl", "--jsonl", "--quiet", "-"])
        return out.getvalue()


@given(st.lists(_texts, min_size=1, max_size=4))
def test_io_jsonl_round_trip(texts: list[str]) -> None:
    """extract --jsonl, read back by --input-jsonl: same documents, same bytes, strict UTF-8."""
    _count("jsonl_round_trip")
    # What the JSON input says: a high surrogate followed by a low one (two
    # code points in a Python str) is written "\ud800\udfff", which JSON
    # reads as the one character they encode (found by the deep run).
    docs = [(f"d{i}", json.loads(json.dumps(t))) for i, t in enumerate(texts)]
    first = _extract_jsonl("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs).encode("utf-8"))
    lines = [x for x in first.decode("utf-8").split("\n") if x]
    assert docs == [(json.loads(x)["id"], json.loads(x)["text"]) for x in lines]
    assert first == _extract_jsonl(first)
    # the API gives what the CLI wrote (checked on the first document: the
    # others went the same way, and each extract is most of an example's time)
    assert quoteattr.extract(docs[0][1], id=docs[0][0]) == Result.from_dict(json.loads(lines[0]))


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)
# (gold fields: a value of any JSON type, shallow; deep nesting has its own tests)
_small_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=4,
)
_REAL = quoteattr.extract('"We will respond," Peskov told reporters. “No,” he said. “Open').to_dict()


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*path, i))


_REAL_PATHS = list(_paths(_REAL))


@st.composite
def _mutated(draw: st.DrawFn) -> Any:
    """A real result dict with one to three values (anywhere in it) replaced by any JSON value."""
    d = json.loads(json.dumps(_REAL))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_REAL_PATHS))
        if not path:
            return draw(_json)
        node = d
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = draw(_json)
        except (KeyError, IndexError, TypeError):
            continue  # (an earlier replacement removed the path)
    return d


@given(st.one_of(_json, _mutated()))
def test_io_from_dict_returns_result_or_serialization_error(value: Any) -> None:
    """Result.from_dict on any JSON value: a Result, or SerializationError, never another exception."""
    _count("from_dict")
    try:
        r = Result.from_dict(value)
    except SerializationError:
        return
    assert isinstance(r, Result)
    assert r == Result.from_dict(json.loads(json.dumps(r.to_dict())))


_line = st.one_of(
    st.binary(max_size=60),
    _json.map(lambda v: json.dumps(v).encode()),
    st.builds(
        lambda t, q: json.dumps({"id": "d", "text": t, "quotes": q}).encode(),
        st.text(max_size=20),
        st.lists(
            st.dictionaries(
                st.sampled_from(["start", "end", "cue", "speaker", "spans", "kind"]), _small_json, max_size=4
            ),
            max_size=3,
        ),
    ),
)


@given(st.lists(_line, max_size=4), st.binary(max_size=40), st.binary(max_size=80))
def test_io_gold_readers_raise_only_corpus_format_error(lines: list[bytes], txt: bytes, ann: bytes) -> None:
    """load() on any JSONL bytes, and on a brat folder of any .txt/.ann bytes: documents or CorpusFormatError."""
    _count("gold_readers")
    # (one folder for every example, its three files rewritten: making and
    # removing a folder per example was a fifth of the time of an example)
    root = _gold_root()
    (root / "gold.jsonl").write_bytes(b"\n".join(lines))
    (root / "brat" / "text" / "a.txt").write_bytes(txt)
    (root / "brat" / "attributions" / "a_x.ann").write_bytes(ann)
    for path in (root / "gold.jsonl", root / "brat"):
        try:
            docs = load(path)
        except CorpusFormatError:
            continue
        assert all(isinstance(d, quoteattr.LabelledDocument) for d in docs)


_GOLD_ROOT: list[Path] = []


def _gold_root() -> Path:
    """A temporary folder with the brat layout, made once per process and removed at exit."""
    if not _GOLD_ROOT:
        tmp = tempfile.TemporaryDirectory(prefix="quoteattr-gold-")
        atexit.register(tmp.cleanup)
        root = Path(tmp.name)
        (root / "brat" / "text").mkdir(parents=True)
        (root / "brat" / "attributions").mkdir()
        _GOLD_ROOT.append(root)
    return _GOLD_ROOT[0]
