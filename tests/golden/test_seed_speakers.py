"""Speaker resolution on the two seed articles, from the GOLD speaker spans.

Candidates are built from seeds-gold.jsonl's quote and speaker spans, so this
tests coreference alone (the end-to-end version through extract() lives with
the rules' golden tests). Every non-optional quote's resolved entity name must
be one of the aliases the gold file lists for its speaker entity.
"""

from __future__ import annotations

import pytest

from quoteattr import Result, extract
from quoteattr.candidates import Candidate
from quoteattr.coref import resolve
from quoteattr.linking import link_speakers
from quoteattr.model import Quote, Span
from quoteattr.text import segment


def _entities(doc: dict) -> dict[str, list[str]]:
    return doc.get("entities") or doc.get("meta", {}).get("entities") or {}


def _gold_result(doc: dict) -> Result:
    text = doc["text"]
    cands = [
        Candidate(
            parts=[tuple(p) for p in q.get("spans") or [[q["start"], q["end"]]]],
            rule="gold",
            confidence=1.0,
            cue=None if q.get("cue") is None else tuple(q["cue"]),
            speaker=None if q.get("speaker") is None else tuple(q["speaker"]),
        )
        for q in doc["quotes"]
    ]
    speakers, refs = resolve(segment(text), cands)
    quotes = [
        Quote(
            kind=q["kind"],
            content=Span.of(text, q["start"], q["end"]),
            parts=[Span.of(text, a, b) for a, b in c.parts],
            speaker=r,
        )
        for q, c, r in zip(doc["quotes"], cands, refs, strict=False)
    ]
    return Result(text=text, quotes=quotes, speakers=speakers, id=doc["id"])


def test_seed_speakers_gold_spans_resolve_to_gold_entities(seeds: list[dict]) -> None:
    """Each non-optional quote's entity name is an alias of its gold speaker entity."""
    expected, actual = [], []
    for doc in seeds:
        r = _gold_result(doc)
        ents = _entities(doc)
        for q, got in zip(doc["quotes"], r.quotes, strict=False):
            if q.get("optional") or q.get("speaker_entity") is None:
                continue
            name = None if got.speaker is None else got.speaker.entity.name
            aliases = ents[q["speaker_entity"]]
            expected.append((q.get("speaker_text"), True))
            actual.append((q.get("speaker_text"), name in aliases))
    assert len(expected) >= 20
    assert expected == actual


def test_seed_speakers_pronoun_goes_to_lavrov(seeds: list[dict]) -> None:
    """'He had told the press' resolves to Sergey Lavrov by pronoun salience."""
    doc = next(d for d in seeds if d["id"] == "seed-cnbc")
    r = _gold_result(doc)
    he = [q.speaker for q in r.quotes if q.speaker is not None and q.speaker.mention.text == "He"]
    assert [("Sergey Lavrov", "pronoun")] == [(s.entity.name, s.resolution.value) for s in he]


@pytest.mark.parametrize("build", ["gold", "extract"])
def test_seed_speakers_link_across_documents(seeds: list[dict], build: str) -> None:
    """link_speakers gives one Lavrov (Sergey/Sergei), one Peskov and one Zakharova."""
    results = [_gold_result(d) for d in seeds] if build == "gold" else [extract(d["text"], id=d["id"]) for d in seeds]
    table = link_speakers(results)
    lavrov = [s for s in table if any("Lavrov" in v for v in s.variants)]
    peskov = [s for s in table if any("Peskov" in v for v in s.variants)]
    zakharova = [s for s in table if any("Zakharova" in v for v in s.variants)]
    assert [1, 1, 1] == [len(lavrov), len(peskov), len(zakharova)]
    assert {"Sergey Lavrov", "Sergei Lavrov"} <= set(lavrov[0].variants)
    assert {"seed-cnbc", "seed-news"} == {doc for doc, _ in lavrov[0].members}
