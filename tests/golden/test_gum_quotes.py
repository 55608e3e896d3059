"""Golden tests on GUM Wikinews documents with gold parses and coreference.

Development data: every case below was checked by reading the paragraph in
../shared/data/gum/GUM_news_<doc>.conllu (the rules were written against
these documents, so this is a regression check, not an evaluation).

The stanza path runs on gold annotations (no model): ``to_stanza_document``
gives a ``stanza.Document`` with the gold parse and gold ``doc.coref``;
``quoteattr.extract(doc)`` must attribute each quote to the right mention and
resolve that mention through the gold chain.
"""

from __future__ import annotations

import functools

import pytest

import quoteattr
from conftest import data_file
from quoteattr.adapters.conllu import ConlluDocument, read_conllu
from quoteattr.model import Quote, Result

pytestmark = pytest.mark.shared_data


@functools.cache
def _doc(name: str) -> ConlluDocument:
    return read_conllu(data_file("gum") / f"GUM_news_{name}.conllu")


@functools.cache
def _stanza_result(name: str) -> Result:
    from quoteattr.adapters.conllu import to_stanza_document

    return quoteattr.extract(to_stanza_document(_doc(name)))


def _find(result: Result, content_start: str) -> Quote:
    hits = [q for q in result.quotes if q.content.text.startswith(content_start)]
    assert 1 == len(hits), (
        f"expected one quote starting {content_start!r}, got {[q.content.text[:40] for q in result.quotes]}"
    )
    return hits[0]


# (document, content starts with, kind, cue, speaker mention, a proper-name
# mention of the speaker's gold chain)
VERIFIED = [
    ("iodine", "I suspect they won't do that", "direct", "said", "he", "Professor Eastman"),
    ("iodine", "authorities are reacting slowly", "indirect", "says", "He", "Professor Eastman"),
    ("iodine", "Pregnant women in Australia are getting", "direct", "said", "he", "Professor Cres Eastman"),
    ("iodine", "the issue is complicated", "indirect", "says", "She", "Lydia Buchtmann"),
    ("homeopathic", "I am not able to do that", "direct", "replied", "he", "Thomas Sam"),
    ("imprisoned", "in 1997 and 1998, she was tasked", "indirect", "claims", "She", "Valeska Paris"),
    ("flag", "In the end I'll have one vote", "direct", "said", "he", "Mr Key"),
    ("soccer", "In the first half it felt good", "direct", "said", "He", "Harry Kane"),
    ("questionnaire", "Labour has a common-sense plan", "direct", "continued", "She", "Yvette Cooper"),
    ("korea", "Foolhardy provocation deserves harsh punishment", "direct", "added", "it", "KCNA"),
    ("warhol", "Andy Warhol was the center of the Zeitgeist", "direct", "said", "He", "Kevin Allton"),
    (
        "sensitive",
        "We take document security seriously",
        "direct",
        "said",
        "she",
        "Environment Canada spokeswoman Sujata Raisinghani",
    ),
]


@pytest.mark.parametrize(("name", "start", "kind", "cue", "mention", "chain_name"), VERIFIED)
def test_gum_quotes_verified(name: str, start: str, kind: str, cue: str, mention: str, chain_name: str) -> None:
    """Content, kind, cue and speaker mention; the speaker resolves through its gold chain."""
    pytest.importorskip("stanza")
    q = _find(_stanza_result(name), start)
    assert (kind, cue, mention) == (q.kind.value, q.cue.text, q.speaker.mention.text)
    d = _doc(name)
    span = (q.speaker.mention.start, q.speaker.mention.end)
    chains = [c for c in d.annotation().chains if span in c.mentions]
    assert 1 == len(chains)
    named = {(a, b) for a, b in chains[0].mentions if d.text[a:b] == chain_name}
    assert named, f"{chain_name!r} is not a mention of the speaker's gold chain"
    entity = {(m.start, m.end) for m in q.speaker.entity.mentions}
    # the entity holds that name mention (or a longer speaker mention around it)
    assert any(a <= na and nb <= b for na, nb in named for a, b in entity), (
        f"the speaker entity {q.speaker.entity.name!r} does not hold {chain_name!r}"
    )
    assert [] == _foreign(d, chains[0].id, entity)


def _foreign(d: ConlluDocument, chain_id: str, spans: set[tuple[int, int]]) -> list[str]:
    """Texts of *spans* that are mentions of a gold chain other than *chain_id* only."""
    owners: dict[tuple[int, int], set[str]] = {}
    for c in d.annotation().chains:
        for m in c.mentions:
            owners.setdefault(m, set()).add(c.id)
    return sorted(d.text[a:b] for a, b in spans if owners.get((a, b)) and chain_id not in owners[(a, b)])


# Each news document with the number of its quotes whose speaker mention is a
# mention of a gold chain (each such quote's chain is checked). Recorded from
# the stanza path on gold annotations; a document with 0 has no quote whose
# speaker mention is a gold mention, so the count says the check there is empty.
NEWS_CHAINS = [
    ("afghan", 5), ("asylum", 1), ("clock", 6), ("crane", 2), ("defector", 11), ("election", 0),
    ("expo", 0), ("flag", 4), ("hackers", 7), ("homeopathic", 2), ("ie9", 4), ("imprisoned", 9),
    ("iodine", 20), ("korea", 6), ("lanterns", 0), ("nasa", 4), ("questionnaire", 8), ("sensitive", 7),
    ("soccer", 1), ("stampede", 0), ("taxes", 1), ("warhol", 19), ("warming", 7), ("worship", 3),
]  # fmt: skip
NEWS = [name for name, _ in NEWS_CHAINS]


@pytest.mark.issue(15)
@pytest.mark.parametrize(("name", "n_checked"), NEWS_CHAINS)
def test_gum_quotes_speakers_from_gold_chains(name: str, n_checked: int) -> None:
    """A speaker mention that is a gold mention gets an entity holding other
    mentions of that chain and none of another chain; the number of quotes
    checked that way is the recorded one, so a speaker mention that stops
    being a gold mention fails here instead of leaving the check empty."""
    pytest.importorskip("stanza")
    assert n_checked == _check_chains(name)


def test_gum_quotes_speakers_in_gold_chains_count() -> None:
    """Over the 24 news documents, 100+ speaker mentions are gold chain mentions."""
    pytest.importorskip("stanza")
    total = 0
    for name in NEWS:
        d = _doc(name)
        spans = {m for c in d.annotation().chains for m in c.mentions}
        total += sum(
            (q.speaker.mention.start, q.speaker.mention.end) in spans for q in _stanza_result(name).quotes if q.speaker
        )
    assert total >= 100


def _check_chains(name: str) -> int:
    result = _stanza_result(name)
    d = _doc(name)
    chains = d.annotation().chains
    checked = 0
    for q in result.quotes:
        if q.speaker is None:
            continue
        span = (q.speaker.mention.start, q.speaker.mention.end)
        for c in chains:
            if span in c.mentions:
                checked += 1
                entity = {(m.start, m.end) for m in q.speaker.entity.mentions}
                # the entity holds other mentions of the chain, and none of another chain
                assert len(entity & set(c.mentions)) >= min(2, len(c.mentions)), (name, q.content.text[:40])
                assert [] == _foreign(d, c.id, entity), (name, q.content.text[:40])
    return checked


# '"...," X said.' quotes: the rule engine on the rebuilt text and the stanza
# path on the gold annotation agree on content, cue and speaker mention.
AGREE = [
    ("iodine", "The effects of iodine deficiency"),
    ("iodine", "I suspect they won't do that"),
    ("iodine", "Pregnant women in Australia are getting"),
    ("afghan", "Seventeen years ago, this would not have been possible"),
    ("sensitive", "We take document security seriously"),
]


@pytest.mark.parametrize(("name", "start"), AGREE)
def test_gum_quotes_engines_agree(name: str, start: str) -> None:
    """Both engines give the same content, cue and speaker mention."""
    d = _doc(name)
    rules = _find(quoteattr.extract(d.text), start)
    parsed = _find(quoteattr.extract(d.annotation()), start)

    def key(q: Quote) -> tuple:
        return (q.kind.value, q.content, q.cue, q.speaker.mention)

    assert key(rules) == key(parsed)
    assert parsed.rule.startswith("dep-") and not rules.rule.startswith("dep-")
