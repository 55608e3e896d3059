"""The command line: input handling, output formats, failures before output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr
from quoteattr.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sample_article.txt"


def run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "quoteattr", *args], input=stdin, capture_output=True, timeout=120)


class TestExtract:
    """quoteattr extract."""

    def test_cli_extract_sample_human_readable(self) -> None:
        """The README's quick start prints the sample's quotes with kind, speaker and offsets."""
        p = run(["extract", str(SAMPLE)])
        assert 0 == p.returncode, p.stderr
        out = p.stdout.decode()
        expected = quoteattr.extract(SAMPLE.read_text(encoding="utf-8"))
        assert f"{len(expected.quotes)} quote(s)" in out
        for q in expected.quotes:
            assert f"{q.content.start}-{q.content.end}" in out

    def test_cli_extract_jsonl_round_trips(self, tmp_path: Path) -> None:
        """--jsonl writes one result per document that Result.from_dict reads back."""
        a, b = tmp_path / "a.txt", tmp_path / "b.txt"
        a.write_text('"We will win," Ruiz said.', encoding="utf-8")
        b.write_text("No quotes here.", encoding="utf-8")
        p = run(["extract", "--jsonl", str(a), str(b)])
        assert 0 == p.returncode, p.stderr
        lines = p.stdout.decode().splitlines()
        results = [quoteattr.Result.from_dict(json.loads(x)) for x in lines]
        assert [str(a), str(b)] == [r.id for r in results]
        assert [1, 0] == [len(r.quotes) for r in results]

    def test_cli_extract_stdin(self) -> None:
        """- reads standard input."""
        p = run(["extract", "--jsonl", "-"], stdin=b'"Stop it," she said.')
        assert 0 == p.returncode
        assert "Stop it," == json.loads(p.stdout)["quotes"][0]["content"][2]

    def test_cli_input_jsonl_keeps_ids_and_order(self) -> None:
        """--input-jsonl keeps ids; every document appears once, in order."""
        docs = [{"id": f"d{i}", "text": f'"Line {i} is here," said Ana Ruiz.'} for i in range(5)] + [
            {"id": 7, "text": ""}
        ]
        data = "\n".join(json.dumps(d) for d in docs).encode()
        p = run(["extract", "--input-jsonl", "--jsonl", "-"], stdin=data)
        assert 0 == p.returncode, p.stderr
        assert ["d0", "d1", "d2", "d3", "d4", "7"] == [json.loads(x)["id"] for x in p.stdout.decode().splitlines()]

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_cli_jobs_same_output(self, tmp_path: Path, jobs: str) -> None:
        """--jobs N gives the same output as one process."""
        f = tmp_path / "docs.jsonl"
        f.write_text(
            "\n".join(json.dumps({"id": i, "text": f'"Number {i} it is," he said.'}) for i in range(6)),
            encoding="utf-8",
        )
        one = run(["extract", "--input-jsonl", "--jsonl", str(f)])
        many = run(["extract", "--input-jsonl", "--jsonl", "--jobs", jobs, str(f)])
        assert one.stdout == many.stdout


class TestBadInput:
    """Bad input is reported, never half-written."""

    def test_cli_invalid_utf8_names_file_and_offset(self, tmp_path: Path) -> None:
        """Undecodable bytes: exit 2, the file and byte offset in the message."""
        f = tmp_path / "bad.txt"
        f.write_bytes(b'"Hello," he said. \xff\xfe broken')
        p = run(["extract", str(f)])
        assert 2 == p.returncode
        assert f"{f}: not valid utf-8 at byte offset 18" in p.stderr.decode()
        assert b"" == p.stdout

    def test_cli_invalid_utf8_replace(self, tmp_path: Path) -> None:
        """--decode-errors replace keeps going and still finds the quote."""
        f = tmp_path / "bad.txt"
        f.write_bytes(b'"Hello there," he said. \xff broken')
        p = run(["extract", "--decode-errors", "replace", "--jsonl", str(f)])
        assert 0 == p.returncode
        assert "Hello there," == json.loads(p.stdout)["quotes"][0]["content"][2]

    def test_cli_encoding_option(self, tmp_path: Path) -> None:
        """--encoding decodes other encodings."""
        f = tmp_path / "latin.txt"
        f.write_bytes('"Très bien, merci," dit-il, said René.'.encode("latin-1"))
        p = run(["extract", "--encoding", "latin-1", "--jsonl", str(f)])
        assert 0 == p.returncode
        assert "Très" in json.loads(p.stdout)["text"]

    def test_cli_malformed_jsonl_fails_before_output(self, tmp_path: Path) -> None:
        """A bad line: exit 2 naming file and line, and no partial output."""
        f = tmp_path / "docs.jsonl"
        f.write_text(
            '{"id": 1, "text": "\\"Yes,\\" he said."}\n{"id": 2, "text": \n{"id": 3, "text": "ok"}\n', encoding="utf-8"
        )
        p = run(["extract", "--input-jsonl", "--jsonl", str(f)])
        assert 2 == p.returncode
        assert f"{f}:2: malformed JSONL line" in p.stderr.decode()
        assert b"" == p.stdout

    def test_cli_skip_bad_lines(self, tmp_path: Path) -> None:
        """--skip-bad-lines reports the line and processes the rest."""
        f = tmp_path / "docs.jsonl"
        f.write_text('{"id": 1, "text": "a"}\n[1, 2]\n{"id": 3, "text": "b"}\n{"id": 4}\n', encoding="utf-8")
        p = run(["extract", "--input-jsonl", "--jsonl", "--skip-bad-lines", str(f)])
        assert 0 == p.returncode
        assert ["1", "3"] == [json.loads(x)["id"] for x in p.stdout.decode().splitlines()]
        err = p.stderr.decode()
        assert f"{f}:2:" in err and f"{f}:4:" in err

    def test_cli_missing_file(self, tmp_path: Path) -> None:
        """A missing file is an error naming it."""
        p = run(["extract", str(tmp_path / "nope.txt")])
        assert 2 == p.returncode
        assert "nope.txt: cannot read" in p.stderr.decode()


def test_cli_main_in_process(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """main() returns the exit status without exiting."""
    f = tmp_path / "a.txt"
    f.write_text('"Go," she said.', encoding="utf-8")
    assert 0 == main(["extract", "--jsonl", str(f)])
    assert "Go," == json.loads(capsys.readouterr().out)["quotes"][0]["content"][2]


SPLIT = '"The money is there," he said, "but the timing is tight."'


def _gold_line(doc_id: str, text: str, spans: list[list[list[int]]], **extra: object) -> str:
    return json.dumps({"id": doc_id, "text": text, "quotes": [{"spans": s} for s in spans], **extra})


@pytest.mark.issue(19)
class TestIssue19Flags:
    """Each flag means one thing everywhere; old spellings warn and still work."""

    @pytest.mark.parametrize("flag", ["--decode-errors", "--errors"])
    def test_cli_extract_decode_errors_flag(self, tmp_path: Path, flag: str) -> None:
        """extract's --decode-errors replace decodes past bad bytes; --errors still works, with a warning."""
        f = tmp_path / "bad.txt"
        f.write_bytes(b'"Hello there," he said. \xff broken')
        p = run(["extract", flag, "replace", "--jsonl", str(f)])
        assert 0 == p.returncode, p.stderr
        assert "Hello there," == json.loads(p.stdout)["quotes"][0]["content"][2]
        assert (flag == "--errors") == (b"--errors is deprecated; use --decode-errors" in p.stderr)

    @pytest.mark.parametrize("flag", ["--show-errors", "--errors"])
    def test_cli_evaluate_show_errors_flag(self, tmp_path: Path, flag: str) -> None:
        """evaluate's --show-errors N lists misses; --errors N still works, with a warning."""
        text = 'Nothing was said. "We will win," Ruiz said.'
        gold = tmp_path / "gold.jsonl"
        gold.write_text(_gold_line("g", text, [[[0, 17]], [[19, 31]]]) + "\n", encoding="utf-8")
        p = run(["evaluate", flag, "3", str(gold)])
        assert 0 == p.returncode, p.stderr
        assert "Nothing was said" in p.stdout.decode()
        assert (flag == "--errors") == (b"--errors is deprecated; use --show-errors" in p.stderr)

    def test_cli_render_input_jsonl_is_a_switch(self, tmp_path: Path) -> None:
        """render --input-jsonl, as in extract, says the FILEs hold JSON lines."""
        a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
        a.write_text(json.dumps({"id": "first", "text": SPLIT}) + "\n", encoding="utf-8")
        b.write_text(json.dumps({"id": "second", "text": "No quote."}) + "\n", encoding="utf-8")
        p = run(["render", "--input-jsonl", str(a), str(b)])
        assert 0 == p.returncode, p.stderr
        page = p.stdout.decode()
        assert 'data-id="first"' in page and 'data-id="second"' in page


@pytest.mark.issue(19)
class TestIssue19Reader:
    """render reads files with extract's reader: same messages, same options."""

    @pytest.mark.parametrize("content", [b'"Caf\xe9," he said.', b"\xff\xfe"])
    def test_cli_render_and_extract_same_decoding_message(self, tmp_path: Path, content: bytes) -> None:
        """An undecodable file gets the same message from both commands."""
        f = tmp_path / "bad.txt"
        f.write_bytes(content)
        ex, re_ = run(["extract", str(f)]), run(["render", str(f)])
        assert 2 == ex.returncode == re_.returncode
        msg = ex.stderr.decode().split("error: ", 1)[1]
        assert msg == re_.stderr.decode().split("error: ", 1)[1]
        assert f"{f}: not valid utf-8 at byte offset" in msg

    def test_cli_render_encoding_option(self, tmp_path: Path) -> None:
        """render takes --encoding like extract."""
        f = tmp_path / "latin.txt"
        f.write_bytes('"Très bien," said René.'.encode("latin-1"))
        p = run(["render", "--encoding", "latin-1", str(f)])
        assert 0 == p.returncode, p.stderr
        assert "Très bien," in p.stdout.decode()


@pytest.mark.issue(19)
class TestIssue19Terminal:
    """No file on a terminal: a one-line hint, not silence."""

    def test_cli_extract_hint_on_a_terminal(self) -> None:
        """With a pty as stdin, extract prints the hint, then reads until Ctrl-D."""
        pty = pytest.importorskip("pty")
        import os

        master, slave = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "quoteattr", "extract"], stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        os.close(slave)
        os.write(master, b'"Hi there," she said.\n\x04')
        out, err = proc.communicate(timeout=120)
        os.close(master)
        assert 0 == proc.returncode, err
        assert "reading text from standard input; end it with Ctrl-D" in err.decode()
        assert 1 == err.decode().count("\n")
        assert "1 quote(s)" in out.decode()

    def test_cli_extract_no_hint_on_a_pipe(self) -> None:
        """Piped input gets no hint."""
        p = run(["extract", "-"], stdin=b'"Hi there," she said.')
        assert 0 == p.returncode
        assert b"" == p.stderr


@pytest.mark.issue(19)
class TestIssue19Help:
    """Every command describes itself; -V beside --version."""

    @pytest.mark.parametrize(
        ("command", "expected"),
        [("extract", "Find the quotes in each FILE"), ("download", "Download stanza's English models")],
    )
    def test_cli_help_has_description(self, command: str, expected: str) -> None:
        """extract --help and download --help open with a description line."""
        p = run([command, "--help"])
        assert 0 == p.returncode
        assert expected in " ".join(p.stdout.decode().split())

    @pytest.mark.parametrize("flag", ["-V", "--version"])
    def test_cli_version(self, flag: str) -> None:
        """-V and --version print the version."""
        p = run([flag])
        assert 0 == p.returncode
        assert f"quoteattr {quoteattr.__version__}" == p.stdout.decode().strip()

    def test_cli_help_imports_no_engine(self) -> None:
        """--help loads neither the engine, the result types nor evaluate/render."""
        code = (
            "import sys\nfrom quoteattr.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('quoteattr.')), file=sys.stderr)"
        )
        p = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, timeout=120)
        loaded = p.stderr.decode()
        for module in ("quoteattr.pipeline", "quoteattr.model", "quoteattr.evaluate", "quoteattr.render"):
            assert f"'{module}'" not in loaded
        assert "evaluate" in p.stdout.decode() and "render" in p.stdout.decode()

    def test_cli_evaluate_help_still_full(self) -> None:
        """A named optional command gets its full options."""
        p = run(["evaluate", "--help"])
        assert 0 == p.returncode
        assert "--show-errors" in p.stdout.decode() and "--no-split-parts" in p.stdout.decode()


@pytest.mark.issue(19)
class TestIssue19Jobs:
    """--jobs auto, and worker output identical to one process."""

    @pytest.mark.parametrize(
        ("jobs", "chars", "cpus", "expected"),
        [("auto", 10_000, 8, 1), ("auto", 4_000_000, 8, 2), ("auto", 100_000_000, 4, 4), (3, 10, 8, 3)],
    )
    def test_cli_resolve_jobs(self, jobs: int | str, chars: int, cpus: int, expected: int) -> None:
        """auto: one worker per AUTO_JOBS_MIN_CHARS of text, at least 1, at most the CPUs."""
        from quoteattr.cli import resolve_jobs

        assert expected == resolve_jobs(jobs, chars, cpus)

    def test_cli_jobs_same_output(self) -> None:
        """--jobs auto and --jobs 2 write what --jobs 1 writes."""
        docs = [{"id": f"d{i}", "text": f'"Line {i} is here," said Ana Ruiz. ' * (i + 1)} for i in range(9)]
        data = "\n".join(json.dumps(d) for d in docs).encode()
        outs = [run(["extract", "--input-jsonl", "--jsonl", "--jobs", j, "-"], stdin=data) for j in ("1", "2", "auto")]
        assert [0, 0, 0] == [p.returncode for p in outs]
        assert outs[0].stdout == outs[1].stdout == outs[2].stdout
        assert 9 == len(outs[0].stdout.splitlines())

    def test_cli_jobs_rejects_words(self) -> None:
        """--jobs takes a number or auto."""
        p = run(["extract", "--jobs", "many"])
        assert 2 == p.returncode
        assert b"expected a whole number >= 1 or 'auto'" in p.stderr


@pytest.mark.issue(19)
class TestIssue19Words:
    """The quote's own words in the human output, to_html and --csv."""

    def test_cli_human_output_shows_the_words(self) -> None:
        """A split quote lists its parts, not the narration between them."""
        p = run(["extract", "-"], stdin=SPLIT.encode())
        out = p.stdout.decode()
        assert "'The money is there, […] but the timing is tight.'" in out
        assert 'he said, "but' not in out

    def test_cli_to_html_carries_the_words(self) -> None:
        """to_html puts q.text on each quote element."""
        q = quoteattr.extract(SPLIT).quotes[0]
        assert 'data-text="The money is there, […] but the timing is tight."' in quoteattr.extract(SPLIT).to_html()
        assert "he said" not in q.text

    def test_cli_extract_csv_one_row_per_quote(self, tmp_path: Path) -> None:
        """--csv: the to_frame columns, one row per quote, the words in 'text'."""
        import csv
        import io

        from quoteattr.frame import COLUMNS

        a, b = tmp_path / "a.txt", tmp_path / "b.txt"
        a.write_text(SPLIT + ' "Fine," Ruiz said.', encoding="utf-8")
        b.write_text('"We will respond," Peskov told reporters.', encoding="utf-8")
        p = run(["extract", "--csv", str(a), str(b)])
        assert 0 == p.returncode, p.stderr
        rows = list(csv.DictReader(io.StringIO(p.stdout.decode())))
        assert list(COLUMNS) == list(rows[0])
        expected = [
            (d, str(f), q.text)
            for d, f in enumerate((a, b))
            for q in quoteattr.extract(f.read_text(encoding="utf-8")).quotes
        ]
        assert expected == [(int(r["doc"]), r["doc_id"], r["text"]) for r in rows]
        assert "Peskov" == rows[-1]["speaker_name"]

    def test_cli_csv_and_jsonl_exclusive(self) -> None:
        """--csv and --jsonl cannot both be asked for."""
        assert 2 == run(["extract", "--csv", "--jsonl", "-"]).returncode


@pytest.mark.issue(19)
class TestIssue19SplitParts:
    """Gold that annotates each quoted stretch is scored part by part by default."""

    def _gold(self, tmp_path: Path, **extra: object) -> Path:
        text = '"We have no money left," the captain said, "and the winter is long."'
        gold = tmp_path / "gold.jsonl"
        gold.write_text(_gold_line("g", text, [[[1, 23]], [[44, 67]]], **extra) + "\n", encoding="utf-8")
        return gold

    @pytest.mark.parametrize(
        ("extra", "flags", "mode"),
        [
            ({"source": "litbank"}, [], "scoring part by part (source litbank annotates each quoted stretch)"),
            ({"meta": {"quote_unit": "stretch"}}, [], "scoring part by part (gold quote_unit 'stretch')"),
            ({}, [], "scoring whole quotes (gold annotates whole quotes)"),
            ({"source": "litbank"}, ["--no-split-parts"], "scoring whole quotes (as asked)"),
            ({}, ["--split-parts"], "scoring part by part (as asked)"),
        ],
    )
    def test_cli_evaluate_mode(self, tmp_path: Path, extra: dict[str, object], flags: list[str], mode: str) -> None:
        """The mode follows the gold unless a flag overrides it, and is printed."""
        p = run(["evaluate", "--json", *flags, str(self._gold(tmp_path, **extra))])
        assert 0 == p.returncode, p.stderr
        report = json.loads(p.stdout)
        assert mode == report["mode"]
        # Part by part both stretches match; as one whole quote at most one does.
        assert ("part by part" in mode) == (2 == report["spans"]["iou>=0.5"]["tp"])
