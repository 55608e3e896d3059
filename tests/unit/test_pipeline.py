"""Orchestration: thresholds, engines, batches."""

from __future__ import annotations

import pytest

import quoteattr

DIALOGUE = (
    '"Where were you?" asked Marta.\n\n'
    '"Out."\n\n'
    '"Out where?"\n\n'
    '"At the harbour, watching the boats come in," said Tomas.'
)


@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.6])
def test_pipeline_threshold_keeps_speakers(threshold: float) -> None:
    """A kept quote has the same speaker whatever the threshold: low-confidence quotes still take their turn."""
    full = {
        q.content.start: (q.speaker.entity.name if q.speaker else None)
        for q in quoteattr.extract(DIALOGUE, min_confidence=0.0).quotes
    }
    r = quoteattr.extract(DIALOGUE, min_confidence=threshold)
    assert all(q.confidence >= threshold for q in r.quotes)
    assert {q.content.start: (q.speaker.entity.name if q.speaker else None) for q in r.quotes} == {
        k: v for k, v in full.items() if k in {q.content.start for q in r.quotes}
    }
    used = {q.speaker.entity.id for q in r.quotes if q.speaker}
    assert used == {s.id for s in r.speakers}


def test_pipeline_extract_many_matches_loop() -> None:
    """extract_many gives the results of a loop, in order."""
    texts = [DIALOGUE, "", '"No," he said.', "Plain text."]
    assert [quoteattr.extract(t) for t in texts] == list(quoteattr.extract_many(texts))
