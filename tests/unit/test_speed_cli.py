"""The command line of benchmarks/speed.py: what it refuses, and the
instruction comparison's answer where callgrind is missing."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

SPEED = Path(__file__).resolve().parents[2] / "benchmarks" / "speed.py"


def _speed() -> ModuleType:
    spec = importlib.util.spec_from_file_location("speed_under_test", SPEED)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_instructions_without_a_tree_to_compare_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    speed = _speed()
    with pytest.raises(SystemExit) as exc:
        speed.main(["--instructions"])
    assert exc.value.code == 2
    assert "--compare-with" in capsys.readouterr().err


def test_compare_instructions_says_valgrind_is_absent(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    speed = _speed()
    monkeypatch.setattr(speed.shutil, "which", lambda name: None)
    row = speed.compare_instructions(tmp_path, tmp_path, 10.0)
    assert row == {"status": "absent: valgrind is not installed"}


def test_count_program_extracts_every_article_of_the_corpus(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # the program callgrind counts: with extract=True it runs extract() once
    # per article after the warm-up, with extract=False only the warm-up
    speed = _speed()
    articles = ["“We will respond,” Lavrov said.", "The ministry said it would appeal.", "No quote here."]
    (tmp_path / "polnear-dev.jsonl").write_text(
        "".join(json.dumps({"text": t}) + "\n" for t in articles), encoding="utf-8"
    )
    import quoteattr

    seen: list[str] = []
    real = quoteattr.extract
    monkeypatch.setattr(quoteattr, "extract", lambda text, *a, **k: seen.append(text) or real(text, *a, **k))
    speed._count({"kind": "corpus", "data": str(tmp_path), "extract": True})
    assert seen[1:] == articles
    seen.clear()
    speed._count({"kind": "corpus", "data": str(tmp_path), "extract": False})
    assert len(seen) == 1 and seen[0].startswith("Warm-up")
