"""Helpers shared by the tests of speaker noun phrases (chunker subject rules)."""

from __future__ import annotations

import quoteattr
from quoteattr import chunker
from quoteattr.index import DocIndex
from quoteattr.text import segment


def np_left_text(text: str, cue: str) -> str | None:
    """The text of ``chunker.np_left`` before the first *cue* of *text*, read from its start."""
    pos = text.index(cue)
    span = chunker.np_left(DocIndex(segment(text), []), 0, pos)
    return None if span is None else text[span[0] : span[1]]


def content_and_speaker(text: str) -> list[tuple[str, str | None]]:
    """(content, speaker mention) of every quote found in *text* at the default threshold."""
    return [
        (q.content.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
        for q in quoteattr.extract(text).quotes
    ]


def rule_content_speaker(text: str) -> list[tuple[str, str, str]]:
    """(rule, content, speaker mention or "") of every quote found in *text* at the default threshold."""
    return [
        (
            q.rule,
            q.content.text,
            q.speaker.mention.text if q.speaker is not None and q.speaker.mention is not None else "",
        )
        for q in quoteattr.extract(text).quotes
    ]
