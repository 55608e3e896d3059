"""Issue 18: no input may crash the command line or the API with a traceback.

Every reproducer of the issue, through the public API or the command line
(a real subprocess): a clean error and exit status 2, or a correct result;
never a traceback, a lost document or a duplicated one.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

import quoteattr
from quoteattr import InputTypeError, Result, SerializationError
from quoteattr.marks import find_quotes
from quoteattr.tables import QuoteTable, SpanTable

# Texts with the characters that broke writing and reading back: a lone
# surrogate, the Unicode line and paragraph separators, NEL, a form feed.
AWKWARD = [
    ("surrogate", "“I will not go,” he said. \ud800 Then he left."),
    ("separators", "“We won,\u2028 we won,” she said.\u2029“Again,” she said.\x85 End."),
    ("form-feed", 'He said: "Fine."\x0cNext page, "no," said Ann.\r\nThe end.'),
    ("plain", "No quote here."),
]


def run(args: list[str], stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "quoteattr", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env=full_env,
        check=False,
    )


def assert_clean_error(p: subprocess.CompletedProcess[bytes], message: str) -> None:
    err = p.stderr.decode("utf-8", "replace")
    assert 2 == p.returncode, err
    assert "Traceback" not in err
    assert message in err


def write_jsonl(path: Path, docs: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs), encoding="utf-8")
    return path


class TestJsonlRoundTrip:
    """extract --jsonl output reads back through --input-jsonl, whatever the text holds."""

    @pytest.mark.issue(18)
    def test_reliability_jsonl_round_trip_keeps_every_document(self, tmp_path: Path) -> None:
        """Surrogates, U+2028/2029/0085 and form feeds: same ids, same texts, same results, read back."""
        src = write_jsonl(tmp_path / "in.jsonl", AWKWARD)
        first = run(["extract", "--input-jsonl", "--jsonl", str(src)])
        assert 0 == first.returncode, first.stderr.decode()
        out1 = tmp_path / "out1.jsonl"
        out1.write_bytes(first.stdout)
        lines = first.stdout.decode("utf-8").split("\n")  # (strict UTF-8: no raw surrogate was written)
        assert [i for i, _ in AWKWARD] == [json.loads(x)["id"] for x in lines if x]
        assert [t for _, t in AWKWARD] == [json.loads(x)["text"] for x in lines if x]
        second = run(["extract", "--input-jsonl", "--jsonl", str(out1)])
        assert 0 == second.returncode, second.stderr.decode()
        assert first.stdout == second.stdout
        for line, (_, text) in zip([x for x in lines if x], AWKWARD, strict=True):
            assert quoteattr.extract(text).to_dict()["quotes"] == Result.from_dict(json.loads(line)).to_dict()["quotes"]

    @pytest.mark.issue(18)
    def test_reliability_render_reads_jsonl_with_line_separators(self, tmp_path: Path) -> None:
        """render --input-jsonl counts U+2028 as text, not a line end: one section per document."""
        src = write_jsonl(tmp_path / "in.jsonl", AWKWARD)
        p = run(["render", "--input-jsonl", str(src)])
        assert 0 == p.returncode, p.stderr.decode()
        assert len(AWKWARD) == p.stdout.decode("utf-8").count('<section class="qa-doc"')


class TestEncodings:
    """Writing what the output encoding cannot hold."""

    @pytest.mark.issue(18)
    def test_reliability_to_html_replaces_lone_surrogates(self) -> None:
        """to_html() shows a lone surrogate as U+FFFD, so the page encodes as UTF-8."""
        page = quoteattr.extract(AWKWARD[0][1]).to_html()
        assert "\ud800" not in page
        assert 1 == page.count("\ufffd")
        page.encode("utf-8")

    @pytest.mark.issue(18)
    @pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
    def test_reliability_cli_writes_under_any_output_encoding(self, tmp_path: Path, encoding: str) -> None:
        """Under PYTHONIOENCODING=ascii too: JSONL and HTML are UTF-8 bytes, the listing uses escapes."""
        # (a lone surrogate can only come in through JSON: no UTF-8 file holds one)
        src = write_jsonl(tmp_path / "in.jsonl", [AWKWARD[0]])
        env = {"PYTHONIOENCODING": encoding}
        listing = run(["extract", "--input-jsonl", str(src)], env=env)
        assert 0 == listing.returncode, listing.stderr.decode()
        assert "I will not go," in listing.stdout.decode("ascii" if encoding == "ascii" else "utf-8")
        jsonl = run(["extract", "--input-jsonl", "--jsonl", str(src)], env=env)
        assert 0 == jsonl.returncode, jsonl.stderr.decode()
        assert AWKWARD[0][1] == json.loads(jsonl.stdout.decode("utf-8"))["text"]
        page = run(["render", "--input-jsonl", str(src)], env=env)
        assert 0 == page.returncode, page.stderr.decode()
        assert "I will not go," in page.stdout.decode("utf-8")
        assert "\u201c" in page.stdout.decode("utf-8")


class TestBadInputFiles:
    """Input files that gave tracebacks now give a clean error naming file and line."""

    DEEP = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"

    @pytest.mark.issue(18)
    @pytest.mark.parametrize("command", [["extract", "--input-jsonl"], ["render", "--input-jsonl"], ["evaluate"]])
    def test_reliability_deeply_nested_json(self, tmp_path: Path, command: list[str]) -> None:
        """100,000 levels of nesting on line 2: exit 2, 'in.jsonl:2', 'nested too deeply'."""
        src = tmp_path / "in.jsonl"
        src.write_text('{"id": "a", "text": "abc"}\n' + self.DEEP + "\n", encoding="utf-8")
        p = run([*command, str(src)])
        assert_clean_error(p, "in.jsonl:2:")
        assert "nested too deeply" in p.stderr.decode()
        assert b"" == p.stdout

    @pytest.mark.issue(18)
    def test_reliability_evaluate_non_utf8_jsonl(self, tmp_path: Path) -> None:
        """A byte \\xff on line 2 of the gold file: its line and column are named."""
        src = tmp_path / "gold.jsonl"
        src.write_bytes(b'{"id": "a", "text": "abc"}\n{"id": "b", "text": "ab\xff"}\n')
        assert_clean_error(run(["evaluate", str(src)]), "gold.jsonl:2: not valid UTF-8 (byte b'\\xff' at column 24)")

    @pytest.mark.issue(18)
    @pytest.mark.parametrize(
        ("txt", "ann", "message"),
        [
            (b"He said \xff.", b"T1\tContent 0 2\tHe\n", "a.txt:1: not valid UTF-8"),
            (b"He said.\nAgain.", b"T1\tContent 0 2\tHe\nT2\tCue 3 7\ts\xffid\n", "a_x.ann:2: not valid UTF-8"),
        ],
    )
    def test_reliability_evaluate_non_utf8_brat(self, tmp_path: Path, txt: bytes, ann: bytes, message: str) -> None:
        """A byte \\xff in a brat .txt or .ann: the file and line are named."""
        (tmp_path / "text").mkdir()
        (tmp_path / "attributions").mkdir()
        (tmp_path / "text" / "a.txt").write_bytes(txt)
        (tmp_path / "attributions" / "a_x.ann").write_bytes(ann)
        assert_clean_error(run(["evaluate", str(tmp_path)]), message)

    @pytest.mark.issue(18)
    @pytest.mark.parametrize(
        ("line", "message"),
        [
            (
                '{"schema": 1, "text": "abc", "quotes": ["x"]}',
                "in.jsonl:1: invalid result dict: a quote must be an object",
            ),
            ('{"text": "abc", "id": ' + "7" * 5000 + "}", "in.jsonl:1: not readable JSON"),
        ],
    )
    def test_reliability_render_bad_lines(self, tmp_path: Path, line: str, message: str) -> None:
        """render: a result dict with a bad quote, an id of 5,000 digits: clean errors."""
        src = tmp_path / "in.jsonl"
        src.write_text(line + "\n", encoding="utf-8")
        assert_clean_error(run(["render", "--input-jsonl", str(src)]), message)

    @pytest.mark.issue(18)
    def test_reliability_evaluate_duplicate_gold_ids(self, tmp_path: Path) -> None:
        """The gold file, not the predictions, is blamed, with both line numbers."""
        src = tmp_path / "gold.jsonl"
        write_jsonl(src, [("d1", "abc"), ("d2", "abc"), ("d1", "abc")])
        assert_clean_error(
            run(["evaluate", str(src)]), "gold file holds document id 'd1' twice (line 3, first on line 1)"
        )

    @pytest.mark.issue(18)
    def test_reliability_evaluate_reversed_cue(self, tmp_path: Path) -> None:
        """A cue of [30, 26] is reported as ending before it starts, not as lying outside the text."""
        src = tmp_path / "gold.jsonl"
        doc = {"id": "c", "text": "x" * 40, "quotes": [{"start": 0, "end": 5, "cue": [30, 26]}]}
        src.write_text(json.dumps(doc) + "\n", encoding="utf-8")
        assert_clean_error(
            run(["evaluate", str(src)]), "gold.jsonl:1: span [30, 26) of quote ((0, 5),) ends before it starts"
        )


class TestArguments:
    """Arguments that were silently accepted."""

    @pytest.mark.issue(18)
    @pytest.mark.parametrize(
        ("kwargs", "error", "message"),
        [
            ({"min_confidence": float("nan")}, quoteattr.InvalidArgumentError, r"must be in \[0, 1\] \(got nan\)"),
            ({"min_confidence": 2}, quoteattr.InvalidArgumentError, r"must be in \[0, 1\] \(got 2\)"),
            ({"min_confidence": "0.5"}, InputTypeError, "got str"),
            ({"min_confidence": None}, InputTypeError, "got NoneType"),
            ({"id": object()}, InputTypeError, "'id' must be a str or None"),
            ({"id": 7}, InputTypeError, "'id' must be a str or None"),
        ],
    )
    def test_reliability_extract_checks_options(
        self, kwargs: dict[str, object], error: type[Exception], message: str
    ) -> None:
        """Bad options raise InputTypeError (InvalidArgumentError, also a ValueError, for bad values)."""
        with pytest.raises(error, match=message):
            quoteattr.extract('"Yes," he said.', **kwargs)  # type: ignore[arg-type]  # bad options are the test

    @pytest.mark.issue(18)
    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"n_process": 0}, "'n_process' must be >= 1"),
            ({"n_process": -3}, "'n_process'"),
            ({"min_confidence": 2}, "min_confidence"),
        ],
    )
    def test_reliability_extract_many_checks_at_once(self, kwargs: dict[str, object], message: str) -> None:
        """extract_many raises on the call, before any result is asked for."""
        with pytest.raises(InputTypeError, match=message):
            quoteattr.extract_many(["a"], **kwargs)  # type: ignore[arg-type]  # bad options are the test

    @pytest.mark.issue(18)
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--min-confidence", "nan"], "argument --min-confidence: must be in [0, 1] (got nan)"),
            (["--min-confidence", "2"], "argument --min-confidence: must be in [0, 1] (got 2)"),
            (["--jobs", "0"], "argument --jobs/-j: must be >= 1 (got 0)"),
            (["--jobs", "-3"], "argument --jobs/-j: must be >= 1 (got -3)"),
        ],
    )
    def test_reliability_cli_rejects_bad_numbers(self, args: list[str], message: str) -> None:
        """--min-confidence nan|2 and --jobs 0|-3: usage error, exit 2."""
        assert_clean_error(run(["extract", *args], stdin=b'"Yes," he said.'), message)


class TestFromDict:
    """Result.from_dict raises SerializationError and nothing else."""

    @pytest.mark.issue(18)
    @pytest.mark.parametrize(
        "value",
        [
            {"text": "abc", "quotes": [None]},
            {"schema": 1, "text": "abc", "quotes": ["x"]},
            {"text": "abc", "id": 10**4400},
        ],
    )
    def test_reliability_from_dict_issue_reproducers(self, value: dict[str, object]) -> None:
        """The issue's three dicts."""
        with pytest.raises(SerializationError):
            Result.from_dict(value)


class TestDiagnostics:
    """Repeats of a diagnostic code collapse into one (rule collapse-repeats)."""

    @pytest.mark.issue(18)
    def test_reliability_unpaired_marks_collapse(self) -> None:
        """A line of 5,000 opening marks gives one diagnostic counting them all, with the first ten offsets."""
        r = quoteattr.extract("\u201c" * 5000)
        assert [("unclosed-quote", 5000)] == [(d.code, d.count) for d in r.diagnostics]
        assert [(i, i + 1) for i in range(10)] == list(r.diagnostics[0].offsets)
        assert len(json.dumps(r.to_dict()["diagnostics"])) < 1000

    @pytest.mark.issue(18)
    def test_reliability_few_unpaired_marks_stay_apart(self) -> None:
        """Ten unopened closing marks keep ten diagnostics of their own, serialised as before."""
        text = " ".join(["word\u201d"] * 10)
        r = quoteattr.extract(text)
        assert 10 == len(r.diagnostics)
        assert all(1 == d.count and ["code", "message", "start", "end"] == list(d.to_dict()) for d in r.diagnostics)


class TestMemory:
    """The dialogue shape ('"Yes," he said.' over and over) keeps less in memory."""

    @pytest.mark.issue(18)
    def test_reliability_quote_regions_are_compact(self) -> None:
        """A closed one-part region holds two offsets, not four tuples: under 200 bytes each, ints included."""
        text = "\u201cNo,\u201d she said. " * 4000
        paragraphs = [(0, len(text))]
        find_quotes(text, paragraphs)  # (warm up the regex module)
        tracemalloc.start()
        try:
            regions, _ = find_quotes(text, paragraphs)
            held = tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
        assert 4000 == len(regions)
        assert held / len(regions) < 200  # (about 450 with a tuple per mark and per part)

    @pytest.mark.issue(18)
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # closed, one part
            ('He said "no way" twice.', ((8, 9), (15, 16), ((9, 15),), 16)),
            # PTB marks, two characters each
            ("He said ``no way'' twice.", ((8, 10), (16, 18), ((10, 16),), 18)),
            # unclosed: read to the end of the paragraph, no closing mark
            ("\u201cWe will go on.", ((0, 1), None, ((1, 15),), 15)),
            # carried over a paragraph break by an opening mark
            ("\u201cOne.\n\n\u201cTwo.\u201d", ((0, 1), (12, 13), ((1, 5), (8, 12)), 13)),
        ],
    )
    def test_reliability_region_properties(self, text: str, expected: tuple[object, ...]) -> None:
        """open, close, parts and outer_end of a compact region, closed, unclosed and over two paragraphs."""
        from quoteattr.text import paragraph_spans

        (r,), _ = find_quotes(text, paragraph_spans(text))
        assert expected == (r.open, r.close, r.parts, r.outer_end)
        assert (r.parts[0][0], r.parts[-1][1]) == (r.start, r.end)

    @pytest.mark.issue(18)
    def test_reliability_result_holds_numbers_not_objects(self) -> None:
        """A result of the engine keeps its quotes and mentions as numbers:
        under 8 bytes of memory per input byte on a text that is all quotes,
        where the quote objects alone took 33 (issue 18); read back, they are
        the quotes, and the JSON round trip gives an equal result."""
        text = '"Yes," he said. ' * 2000
        quoteattr.extract(text)  # (the lexicons and caches load first)
        tracemalloc.start()
        try:
            r = quoteattr.extract(text)
            with_result = tracemalloc.get_traced_memory()[0]
            del r  # (what the result alone held is what its going frees)
            held = with_result - tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
        r = quoteattr.extract(text)
        assert isinstance(r.quotes, QuoteTable)
        assert isinstance(r.speakers[0].mentions, SpanTable)
        assert (1000, 2000) == (len(r.quotes), len(r.speakers[0].mentions))
        assert held < 8 * len(text.encode())
        q = r.quotes[-1]
        assert (q.parts[0].text, q.cue.text if q.cue else None) == ("Yes,", "said")
        assert text[q.content.start : q.content.end] == q.content.text
        back = Result.from_dict(json.loads(json.dumps(r.to_dict())))
        assert isinstance(back.quotes, tuple)
        assert (r, hash(r)) == (back, hash(back))


def _children(pid: int) -> list[int]:
    """The ids of the processes whose parent is *pid*, read from /proc."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


@pytest.mark.issue(18)
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_reliability_sigterm_ends_workers(tmp_path: Path) -> None:
    """SIGTERM to `quoteattr extract --jobs 2`: both workers end within seconds, none is orphaned."""
    text = '"We will respond," Peskov told reporters on Tuesday. ' * 2000
    src = write_jsonl(tmp_path / "in.jsonl", [(f"d{i}", text) for i in range(400)])
    proc = subprocess.Popen(
        [sys.executable, "-m", "quoteattr", "extract", "--jobs", "2", "--input-jsonl", "--jsonl", "--quiet", str(src)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert 2 <= len(workers), f"workers never started: {workers}"
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.1)
        assert [] == [w for w in workers if _alive(w)]
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in _children(proc.pid):
            os.kill(w, signal.SIGKILL)
