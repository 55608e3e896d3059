"""Every lexicon file keeps the lexicon contract (see quoteattr.lexicons)."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from quoteattr.cues import FORM_KINDS, PHRASE_TYPES
from quoteattr.lexicons import load_lines, load_rows

ROOT = Path(__file__).resolve().parents[2]
LEXICONS = sorted(p.name for p in resources.files("quoteattr.lexicons").iterdir() if p.name.endswith(".txt"))


def _header(name: str) -> list[str]:
    raw = resources.files("quoteattr.lexicons").joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        if not line.startswith("#"):
            break
        out.append(line.lower())
    return out


@pytest.mark.parametrize("name", ["audience_nouns.txt", "cue_phrases.txt", "reporting_verbs.txt"])
def test_lexicons_cue_lexicon_shipped(name: str) -> None:
    assert name in LEXICONS


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicons_header_names_source_and_licence(name: str) -> None:
    header = " ".join(_header(name))
    assert "source" in header, f"{name}: the # header must name a source"
    assert "licence" in header or "license" in header, f"{name}: the # header must name a licence"


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicons_entries_lowercase_sorted_unique(name: str) -> None:
    keys = [line.split("\t", 1)[0] for line in load_lines(name)]
    assert keys, f"{name} is empty"
    assert [k for k in keys if k != k.lower()] == []
    assert [k for k in keys if k != k.strip() or "  " in k] == []
    assert sorted(keys) == keys
    assert sorted(set(keys)) == keys


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicons_no_header_lines_after_entries(name: str) -> None:
    raw = resources.files("quoteattr.lexicons").joinpath(name).read_text(encoding="utf-8").splitlines()
    body = raw[len(_header(name)) :]
    assert [line for line in body if line.startswith("#")] == []


def test_lexicons_reporting_verbs_shape() -> None:
    rows = load_rows("reporting_verbs.txt")
    assert len(rows) >= 300
    bad = []
    for row in rows:
        if len(row) != 3:
            bad.append(row)
            continue
        lemma, cls, forms = row
        parts = forms.split(" ")
        if len(parts) != len(FORM_KINDS) or parts[0] != lemma or cls not in ("speech", "thought") or "" in parts:
            bad.append(row)
    assert [] == bad


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("say", "say says said said saying"),
        ("tell", "tell tells told told telling"),
        ("write", "write writes wrote written writing"),
        ("think", "think thinks thought thought thinking"),
        ("speak", "speak speaks spoke spoken speaking"),
        ("reply", "reply replies replied replied replying"),
        ("admit", "admit admits admitted admitted admitting"),
        ("agree", "agree agrees agreed agreed agreeing"),
        ("criticise", "criticise criticises criticised criticised criticising"),
        ("criticize", "criticize criticizes criticized criticized criticizing"),
        ("echo", "echo echoes echoed echoed echoing"),
    ],
)
def test_lexicons_reporting_verbs_irregular_and_spelling(lemma: str, forms: str) -> None:
    assert forms == dict((r[0], r[2]) for r in load_rows("reporting_verbs.txt"))[lemma]


def test_lexicons_cue_phrases_shape() -> None:
    rows = load_rows("cue_phrases.txt")
    bad = [r for r in rows if len(r) != 3 or r[1] not in ("speech", "thought") or r[2] not in PHRASE_TYPES]
    assert [] == bad


def test_lexicons_reporting_verbs_match_generator() -> None:
    """The committed file is what tools/gen_reporting_verbs.py writes."""
    gen = ROOT / "tools" / "gen_reporting_verbs.py"
    if not gen.exists():
        pytest.skip("tools/ is not part of an installed package")
    proc = subprocess.run([sys.executable, str(gen), "--check"], capture_output=True, text=True)
    assert 0 == proc.returncode, proc.stderr
