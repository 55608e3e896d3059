"""Speaker resolution (placeholder during the foundation work)."""

from __future__ import annotations

from .annotations import Annotation
from .candidates import Candidate
from .model import EntityKind, Resolution, Span, Speaker, SpeakerRef

__all__ = ["resolve"]


def resolve(ann: Annotation, candidates: list[Candidate]) -> tuple[tuple[Speaker, ...], list[SpeakerRef | None]]:
    """One entity per distinct speaker mention text."""
    text = ann.text
    by_name: dict[str, Speaker] = {}
    refs: list[SpeakerRef | None] = []
    mentions: dict[str, list[Span]] = {}
    keys: list[str | None] = []
    for c in candidates:
        if c.speaker is None:
            keys.append(None)
            continue
        m = Span.of(text, *c.speaker)
        mentions.setdefault(m.text, []).append(m)
        keys.append(m.text)
    for i, (name, ms) in enumerate(mentions.items()):
        by_name[name] = Speaker(id=f"e{i}", name=name, kind=EntityKind.OTHER, mentions=sorted(set(ms)), aliases=(name,))
    for c, k in zip(candidates, keys):
        refs.append(None if k is None else SpeakerRef(mention=Span.of(text, *c.speaker), entity=by_name[k], resolution=Resolution.NAME))
    return tuple(by_name.values()), refs
