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
        p = run(["extract", "--jsonl", "-"], stdin='"Stop it," she said.'.encode())
        assert 0 == p.returncode
        assert "Stop it," == json.loads(p.stdout)["quotes"][0]["content"][2]

    def test_cli_input_jsonl_keeps_ids_and_order(self) -> None:
        """--input-jsonl keeps ids; every document appears once, in order."""
        docs = [{"id": f"d{i}", "text": f'"Line {i} is here," said Ana Ruiz.'} for i in range(5)] + [{"id": 7, "text": ""}]
        data = "\n".join(json.dumps(d) for d in docs).encode()
        p = run(["extract", "--input-jsonl", "--jsonl", "-"], stdin=data)
        assert 0 == p.returncode, p.stderr
        assert ["d0", "d1", "d2", "d3", "d4", "7"] == [json.loads(x)["id"] for x in p.stdout.decode().splitlines()]

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_cli_jobs_same_output(self, tmp_path: Path, jobs: str) -> None:
        """--jobs N gives the same output as one process."""
        f = tmp_path / "docs.jsonl"
        f.write_text("\n".join(json.dumps({"id": i, "text": f'"Number {i} it is," he said.'}) for i in range(6)), encoding="utf-8")
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
        """--errors replace keeps going and still finds the quote."""
        f = tmp_path / "bad.txt"
        f.write_bytes(b'"Hello there," he said. \xff broken')
        p = run(["extract", "--errors", "replace", "--jsonl", str(f)])
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
        f.write_text('{"id": 1, "text": "\\"Yes,\\" he said."}\n{"id": 2, "text": \n{"id": 3, "text": "ok"}\n', encoding="utf-8")
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
