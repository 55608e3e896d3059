"""Golden tests on the two hand-labelled seed articles (../shared/data/seeds-gold.jsonl).

Development data: these articles shaped the rules, so they are a regression
check, not an evaluation; scores are reported on PolNeAR dev (docs/benchmarks.md).
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.model import Quote

pytestmark = pytest.mark.shared_data

_MARKS = "\"'“”‘’«»„ \t\n"


def _norm(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim whitespace, quote marks, a leading "that" and trailing ,.;: from [a, b)."""
    while a < b and text[a] in _MARKS:
        a += 1
    if text[a : a + 5].lower() == "that ":
        a += 5
    while b > a and text[b - 1] in _MARKS + ",.;:":
        b -= 1
    return a, b


def _best(text: str, gold: dict, quotes: tuple[Quote, ...]) -> Quote | None:
    ga, gb = _norm(text, gold["start"], gold["end"])
    best, best_ov = None, 0
    for q in quotes:
        pa, pb = _norm(text, q.content.start, q.content.end)
        ov = min(gb, pb) - max(ga, pa)
        if ov > best_ov:
            best, best_ov = q, ov
    return best


def _cases(seeds: list[dict], kinds: tuple[str, ...]) -> list[tuple[dict, dict]]:
    return [(d, g) for d in seeds for g in d["quotes"] if not g["optional"] and g["kind"] in kinds]


@pytest.fixture(scope="module")
def results(seeds: list[dict]) -> dict[str, quoteattr.Result]:
    return {d["id"]: quoteattr.extract(d["text"]) for d in seeds}


class TestDirect:
    """Issue 2: every non-optional direct quote is found with its content span."""

    def test_golden_seeds_direct_content(self, seeds: list[dict], results: dict) -> None:
        """Content matches after trimming whitespace and trailing ,. (and marks)."""
        misses = []
        for d, g in _cases(seeds, ("direct",)):
            text = d["text"]
            q = _best(text, g, results[d["id"]].quotes)
            if q is None or _norm(text, q.content.start, q.content.end) != _norm(text, g["start"], g["end"]):
                misses.append((d["id"], text[g["start"] : g["end"]][:60], None if q is None else q.content.text[:60]))
        assert [] == misses


class TestAll:
    """Issue 3: every non-optional quote, any kind, with cue and speaker mention."""

    def test_golden_seeds_found_with_kind(self, seeds: list[dict], results: dict) -> None:
        """Found, right kind, content within 2 characters at each end."""
        misses = []
        for d, g in _cases(seeds, ("direct", "indirect", "mixed")):
            text = d["text"]
            q = _best(text, g, results[d["id"]].quotes)
            ga, gb = _norm(text, g["start"], g["end"])
            if q is None:
                misses.append((d["id"], g["start"], "not found"))
                continue
            pa, pb = _norm(text, q.content.start, q.content.end)
            if abs(pa - ga) > 2 or abs(pb - gb) > 2:
                misses.append((d["id"], g["start"], f"bounds {text[pa:pb][:50]!r} vs {text[ga:gb][:50]!r}"))
            elif q.kind.value != g["kind"]:
                misses.append((d["id"], g["start"], f"kind {q.kind.value} vs {g['kind']}"))
        assert [] == misses

    def test_golden_seeds_cue_and_speaker_mention(self, seeds: list[dict], results: dict) -> None:
        """The cue span and speaker mention overlap the gold ones."""
        misses = []
        for d, g in _cases(seeds, ("direct", "indirect", "mixed")):
            text = d["text"]
            q = _best(text, g, results[d["id"]].quotes)
            if q is None:
                misses.append((d["id"], g["start"], "not found"))
                continue
            if g["cue"] and (q.cue is None or not (q.cue.start < g["cue"][1] and g["cue"][0] < q.cue.end)):
                misses.append((d["id"], g["start"], f"cue {q.cue}"))
            if g["speaker"]:
                m = q.speaker.mention if q.speaker else None
                if m is None or not (m.start < g["speaker"][1] and g["speaker"][0] < m.end):
                    misses.append((d["id"], g["start"], f"speaker {m}"))
        assert [] == misses


class TestSpeakers:
    """Issue 4: every non-optional quote lands on the right entity."""

    def test_golden_seeds_speaker_entity(self, seeds: list[dict], results: dict) -> None:
        """The entity name is one of the gold entity's aliases."""
        misses = []
        for d, g in _cases(seeds, ("direct", "indirect", "mixed")):
            if not g["speaker_entity"]:
                continue
            aliases = {a.lower() for a in d["entities"].get(g["speaker_entity"], [])} | {g["speaker_entity"].lower()}
            q = _best(d["text"], g, results[d["id"]].quotes)
            name = q.speaker.entity.name if q and q.speaker else None
            if (name or "").lower() not in aliases:
                misses.append((d["id"], g["start"], name, g["speaker_entity"]))
        assert [] == misses

    def test_golden_seeds_he_is_lavrov(self, seeds: list[dict], results: dict) -> None:
        """'He had told the press last week' resolves to Sergey Lavrov."""
        d = next(d for d in seeds if "He had told the press" in d["text"])
        at = d["text"].index("He had told the press")
        q = next(q for q in results[d["id"]].quotes if q.speaker and q.speaker.mention.start == at)
        assert "Sergey Lavrov" == q.speaker.entity.name
