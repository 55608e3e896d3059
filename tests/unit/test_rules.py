"""Every surface rule on sentences written for these tests (none from the data files).

Each case gives the text, the expected content, cue, speaker mention and kind
of one quote, and the rule expected to find it.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quoteattr
from quoteattr import chunker, clauses
from quoteattr.index import DocIndex, scan_tokens
from quoteattr.text import segment
from quoteattr.model import Quote


def _find(text: str, content: str) -> Quote:
    r = quoteattr.extract(text, min_confidence=0.0)
    for q in r.quotes:
        if q.content.text.strip(" .,") == content.strip(" .,"):
            return q
    raise AssertionError(f"no quote {content!r} in {[q.content.text for q in r.quotes]}")


CASES = [
    # rule, text, content, cue, speaker mention, kind
    (
        "subject-cue-clause",
        "The mayor said the bridge would reopen in May.",
        "the bridge would reopen in May",
        "said",
        "The mayor",
        "indirect",
    ),
    (
        "subject-cue-clause",
        "Okafor insisted that the figures were wrong.",
        "the figures were wrong",
        "insisted",
        "Okafor",
        "indirect",
    ),
    (
        "subject-cue-clause",
        "The harbour authority warned on Monday that tolls could double.",
        "tolls could double",
        "warned",
        "The harbour authority",
        "indirect",
    ),
    (
        "subject-cue-clause",
        "Ms Alvarez told the committee that the audit was late.",
        "the audit was late",
        "told the committee",
        "Ms Alvarez",
        "indirect",
    ),
    (
        "subject-cue-clause",
        "Ms Alvarez told the Riverton Gazette that the audit was late.",
        "the audit was late",
        "told",
        "Ms Alvarez",
        "indirect",
    ),
    (
        "subject-cue-clause",
        "Engineers told reporters the cables had rusted.",
        "the cables had rusted",
        "told reporters",
        "Engineers",
        "indirect",
    ),
    (
        "subject-cue-clause",
        'She said the plan was "dead on arrival" and left.',
        'the plan was "dead on arrival" and left',
        "said",
        "She",
        "mixed",
    ),
    (
        "subject-cue-clause",
        "Finance chief Rosa Kimani on Friday indicated that taxes would rise.",
        "taxes would rise",
        "indicated",
        "Finance chief Rosa Kimani",
        "indirect",
    ),
    (
        "clause-subject-cue",
        "The vote will wait until spring, the council said.",
        "The vote will wait until spring",
        "said",
        "the council",
        "indirect",
    ),
    (
        "quote-speaker-cue",
        '"We will not back down," Okafor told reporters.',
        "We will not back down,",
        "told reporters",
        "Okafor",
        "direct",
    ),
    (
        "quote-cue-speaker",
        '"The numbers do not add up," said Councillor Ana Ruiz.',
        "The numbers do not add up,",
        "said",
        "Councillor Ana Ruiz",
        "direct",
    ),
    (
        "clause-cue-subject",
        "The bridge is safe, said the chief engineer.",
        "The bridge is safe",
        "said",
        "the chief engineer",
        "indirect",
    ),
    (
        "colon-quote",
        'The minister added: "Nobody will lose their job."',
        "Nobody will lose their job.",
        "added",
        "The minister",
        "direct",
    ),
    (
        "saying-clause",
        "The union walked out, saying the offer was an insult.",
        "the offer was an insult",
        "saying",
        "The union",
        "indirect",
    ),
    (
        "according-to",
        "According to the fire service, the blaze began in a kitchen.",
        "the blaze began in a kitchen",
        "According to",
        "the fire service",
        "indirect",
    ),
    (
        "according-to",
        "The blaze began in a kitchen, according to the fire service.",
        "The blaze began in a kitchen",
        "according to",
        "the fire service",
        "indirect",
    ),
    (
        "described-as",
        'Ruiz described the budget as "a work of fiction."',
        "a work of fiction.",
        "described",
        "Ruiz",
        "direct",
    ),
    (
        "described-as",
        'The mayor attacked the plan, calling it "reckless."',
        "reckless.",
        "calling",
        "The mayor",
        "direct",
    ),
    (
        "quote-speaker-cue",
        '"It is over," the coach said after the match.',
        "It is over,",
        "said",
        "the coach",
        "direct",
    ),
    (
        "parenthetical-cue",
        "The repairs, the engineer said, would take a year.",
        "The repairs, the engineer said, would take a year",
        "said",
        "the engineer",
        "indirect",
    ),
    (
        "cue-to-infinitive",
        "The union has pledged to strike next week.",
        "to strike next week",
        "pledged",
        "The union",
        "indirect",
    ),
    (
        "promise-to",
        "The union has threatened to strike next week.",
        "to strike next week",
        "threatened",
        "The union",
        "indirect",
    ),
]


@pytest.mark.parametrize(("rule", "text", "content", "cue", "speaker", "kind"), CASES)
def test_rules_find_quote(rule: str, text: str, content: str, cue: str, speaker: str, kind: str) -> None:
    """The rule finds the content, cue, speaker mention and kind."""
    q = _find(text, content)
    assert rule == q.rule
    assert cue == (q.cue.text if q.cue else None)
    assert speaker == (q.speaker.mention.text if q.speaker else None)
    assert kind == q.kind.value


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ('"We tried," she said, "but the river won."', ["We tried,", "but the river won."]),
        ('"We tried," she said. "But the river won."', ["We tried,", "But the river won."]),
    ],
)
def test_rules_split_quote_is_one_quote(text: str, parts: list[str]) -> None:
    """Rule split-quote: an interrupted quote is one Quote with two parts."""
    r = quoteattr.extract(text)
    assert 1 == len(r.quotes)
    assert parts == [p.text for p in r.quotes[0].parts]
    assert "split-quote" == r.quotes[0].rule


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Stay calm and stay indoors." — Commissioner Jane Whitfield', "Commissioner Jane Whitfield"),
        ('From Chairwoman Linda Osei: "The report stands as written."', "Chairwoman Linda Osei"),
    ],
)
def test_rules_speaker_beside_quote_without_cue(text: str, speaker: str) -> None:
    """Rules quote-dash-speaker and speaker-colon-quote: no cue, speaker by punctuation."""
    r = quoteattr.extract(text)
    assert [speaker] == [q.speaker.mention.text for q in r.quotes if q.speaker]
    assert [None] == [q.cue for q in r.quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Tomas Berg, the head of the port, said the cranes were idle.", "Tomas Berg, the head of the port"),
        ("Lena Ho, senior analyst at the bank, said rates would fall.", "Lena Ho, senior analyst at the bank"),
        ("The bank's chief economist, Lena Ho, said rates would fall.", "The bank's chief economist, Lena Ho"),
        ("Sen. Mark Ode (D-Ore.) said the bill was dead.", "Sen. Mark Ode"),
    ],
)
def test_rules_speaker_mention_keeps_appositive(text: str, speaker: str) -> None:
    """Rules appositive and parenthetical-label: the whole speaker noun phrase."""
    r = quoteattr.extract(text)
    assert [speaker] == [q.speaker.mention.text for q in r.quotes]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The mayor said the bridge was safe, but she said the tunnel was not.",
            "the bridge was safe",
            "the tunnel was not",
        ),
        (
            "Ruiz said the audit was late and suggested that the firm be replaced.",
            "the audit was late",
            "the firm be replaced",
        ),
        (
            "Officials said the visas were delayed, but Ambassador Lena Ho says the team will travel.",
            "the visas were delayed",
            "the team will travel",
        ),
    ],
)
def test_rules_cut_next_attribution(text: str, first: str, second: str) -> None:
    """Rule cut-next-attribution: a coordinated cue starts its own quote."""
    r = quoteattr.extract(text)
    assert [first, second] == [q.content.text for q in r.quotes]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Kim said the port would close, according to the local radio.", "the port would close"),
        ('Kim said the port faced "grave risks" - namely floods and storms.', 'the port faced "grave risks"'),
        ("Kim has said he opposes the toll, but has admitted that it raises money.", "he opposes the toll"),
    ],
)
def test_rules_clause_boundaries(text: str, content: str) -> None:
    """Rules cut-trailing-source, dash-elaboration, cut-coordinated-predicate."""
    assert content == quoteattr.extract(text).quotes[0].content.text


@pytest.mark.parametrize(
    "text",
    [
        'She starred in "The Long Winter Road" in 1999.',
        'The so-called "peace plan" was shelved.',
        "The council ordered the demolition of the old pier.",
        "To understand the city, you need to walk it.",
        "The United States and Canada share a border.",
        "Mayor Warns Bridge Could Close Within Weeks\n\nThe council met on Monday.",
    ],
)
def test_rules_no_quote(text: str) -> None:
    """Scare quotes, titles, noun objects and names that hold cue words give no quote by default."""
    assert () == quoteattr.extract(text).quotes


def test_rules_scare_quote_kept_as_low_confidence_candidate() -> None:
    """Rule direct-bare: a short uncued fragment stays available below the default threshold."""
    r = quoteattr.extract('The so-called "peace plan" was shelved.', min_confidence=0.0)
    assert [("peace plan", "direct-bare")] == [(q.content.text, q.rule) for q in r.quotes]
    assert r.quotes[0].confidence < quoteattr.DEFAULT_MIN_CONFIDENCE


def test_rules_confidence_reflects_evidence() -> None:
    """A cued, named quote scores above a pronoun-attributed one, which scores above a bare one."""
    named = quoteattr.extract('"The pier is unsafe," said the harbour master.').quotes[0]
    pron = quoteattr.extract('"The pier is unsafe," he said.').quotes[0]
    bare = quoteattr.extract('"The pier is unsafe and must close."').quotes[0]
    assert named.confidence >= pron.confidence > bare.confidence


@pytest.mark.parametrize(
    ("text", "rule", "content", "speaker"),
    [
        (
            "Transcript:\n\nHOST: Welcome back to the late show tonight.\n\nMAYOR RUIZ: Thanks for having me here.",
            "transcript-speaker",
            "Thanks for having me here",
            "MAYOR RUIZ",
        ),
        (
            'Cutting the budget "will hurt the poor," Ruiz said.',
            "mixed-lead-in",
            'Cutting the budget "will hurt the poor,',
            "Ruiz",
        ),
        (
            "The governor added:\n\nWe have no money left for the bridge and everyone knows it.",
            "colon-block",
            "We have no money left for the bridge and everyone knows it",
            "The governor",
        ),
        (
            "The port authority is saying that the cranes are safe.",
            "subject-cue-clause",
            "the cranes are safe",
            "The port authority",
        ),
    ],
)
def test_rules_more_shapes(text: str, rule: str, content: str, speaker: str) -> None:
    """Rules transcript-speaker, mixed-lead-in, colon-block and progressive-cue."""
    q = _find(text, content)
    assert (rule, speaker) == (q.rule, q.speaker.mention.text if q.speaker else None)


@pytest.mark.parametrize(
    "text",
    [
        "His comments drew anger across the city.",
        "Officials reviewed Obama's new rules on coal plants.",
        "A state law requires two inspections a year.",
    ],
)
def test_rules_noun_cue(text: str) -> None:
    """Rule noun-cue: a cue word after a determiner or possessive is a noun."""
    assert () == quoteattr.extract(text).quotes


@pytest.mark.parametrize(
    ("text", "rule", "content", "speaker"),
    [
        (
            "Still, the fund warned that growth would slow next year.",
            "subject-cue-clause",
            "growth would slow next year",
            "the fund",
        ),
        (
            "The council delayed the vote, even suggesting the plan may be illegal.",
            "saying-clause",
            "the plan may be illegal",
            "The council",
        ),
        (
            "The mayor opened the pier by telling them that it was safe again.",
            "saying-clause",
            "it was safe again",
            "The mayor",
        ),
        ("The union called for an inquiry into the collapse.", "call-for", "an inquiry into the collapse", "The union"),
    ],
)
def test_rules_common_noun_gerund_call_for(text: str, rule: str, content: str, speaker: str) -> None:
    """Rules determiner-noun-subject, saying-clause after adverbs and conjunctions, call-for."""
    q = _find(text, content)
    assert (rule, speaker) == (q.rule, q.speaker.mention.text if q.speaker else None)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("City council says budget will shrink\n\nThe council met on Monday.", False),
        (
            "• The city council said on Monday that the new budget would shrink spending on roads and parks by a "
            "fifth\n\nMore below.",
            True,
        ),
    ],
)
def test_rules_headline(text: str, kept: bool) -> None:
    """Rule headline: short or title-case unpunctuated lines score below the default threshold."""
    assert kept == bool(quoteattr.extract(text).quotes)
    assert 1 == len(quoteattr.extract(text, min_confidence=0.0).quotes)


def test_rules_new_sentence_cue() -> None:
    """Rule new-sentence-cue: a quote ending in a full stop keeps its own cue;
    the next sentence's cue reports its own clause."""
    text = 'Okafor described the delay as "a costly mistake." He said the city had spent too much.'
    r = quoteattr.extract(text)
    assert [("described-as", "a costly mistake."), ("subject-cue-clause", "the city had spent too much")] == [
        (q.rule, q.content.text) for q in r.quotes
    ]


@pytest.mark.parametrize(
    ("text", "cuts"),
    [
        # rules cut-trailing-source, cut-concession, dash-elaboration: where each cut starts
        ("It was fine, according to aides.", [","]),
        ("It was fine   which according to aides", ["   which "]),
        ("They agreed;  which according to aides", [";", " which "]),
        ("It will act - namely by expelling them", [" - "]),
        ("It will act --- namely by expelling them", []),
        ("It will act—namely by expelling them", []),
        ("He won, although barely; then - namely in Ohio", [",", ";", " - "]),
        ("It will act - including by expelling them", []),
    ],
)
def test_rules_clause_cut_starts(text: str, cuts: list[str]) -> None:
    """The cut offsets are those of one left-to-right scan; each cut's text
    starts with the listed prefix."""
    found = clauses._clause_cuts(text)
    assert len(found) == len(cuts)
    for at, prefix in zip(found, cuts, strict=False):
        assert text.startswith(prefix, at)


_NP_WORDS = st.sampled_from(
    [
        "Sergey",
        "Lavrov",
        ",",
        "the",
        "Russian",
        "foreign",
        "minister",
        "said",
        "Mr.",
        "(R-S.C.)",
        "on",
        "Friday",
        "also",
        "who",
        "he",
        "of",
        "'s",
        "spokesman",
        "Kremlin",
        "Dmitry",
        "Peskov",
        ".",
        "“",
        "and",
        "But",
        "U.S.",
        "officials",
        "a",
        "state",
        "law",
        "senior",
        "associate",
        "at",
        "institute",
    ]
)


@given(st.lists(_NP_WORDS, min_size=1, max_size=70), st.data())
def test_rules_np_left_short_window_is_exact(words: list[str], data: st.DataObject) -> None:
    """np_left reads a short window first (edge tokens raise when read past
    it); the phrase must be the one the whole window gives, appositives of
    up to 25 tokens included."""
    text = " ".join(words)
    pos = data.draw(st.integers(0, len(text)))
    limit = data.draw(st.integers(0, pos))
    # (np_left passes its reading through rule restrictive-relative-subject: so does the reference)
    toks = scan_tokens(text, max(limit, pos - chunker.NP_WINDOW), pos)
    whole = chunker.restrictive_relative(text, toks, chunker._np_left)
    assert chunker.np_left(DocIndex(segment(text), []), limit, pos) == whole


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    "text",
    [
        "DEAL IS DONE: Harbour board approves the ferry contract after a long night.",
        "HERE IS WHY: The tunnel budget doubled in two years.",
        "TALKS WILL RESUME: Both unions return to the table on Monday.",
    ],
)
def test_rules_transcript_label_with_verb_is_a_headline(text: str) -> None:
    """Guard transcript-label-verb: a capitalised kicker with a finite verb before a colon is no speaker."""
    assert [] == [q for q in quoteattr.extract(text).quotes if q.rule == "transcript-speaker"]


@pytest.mark.issue(20)
@pytest.mark.parametrize("label", ["MORALES", "THE PRESIDENT", "Sen. OKAFOR"])
def test_rules_transcript_label_without_verb_still_speaks(label: str) -> None:
    """Names and roles as labels keep rule transcript-speaker."""
    text = f"{label}: We will publish the full accounts before the vote."
    [q] = quoteattr.extract(text).quotes
    assert ("transcript-speaker", label) == (q.rule, q.speaker.mention.text)


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "content", "author"),
    [
        (
            'In the spring of 2009, according to "The Long Harbour" by Mina Osei, the ferry plan quietly failed.',
            "the ferry plan quietly failed",
            "Mina Osei",
        ),
        (
            'According to "Salt and Iron: A History of the Docks" by Tomas Brandt, the strike lasted nine weeks.',
            "the strike lasted nine weeks",
            "Tomas Brandt",
        ),
    ],
)
def test_rules_according_to_work_names_its_author(text: str, content: str, author: str) -> None:
    """Rule according-to-work: a quoted title 'by' a name is the author's work; the title is no quote."""
    quotes = quoteattr.extract(text).quotes
    found = [(q.content.text, q.speaker.mention.text, q.speaker.entity.name) for q in quotes if q.speaker.entity]
    assert [(content, author, author)] == found
    assert len(quotes) == 1


@pytest.mark.issue(20)
def test_rules_according_to_work_keeps_her_for_the_person() -> None:
    """After a work's title, 'she' still goes to the woman of the text, not to the book."""
    text = (
        'Dana Whitfield had doubts. According to "Open Water" by Lars Egede, Whitfield left the board in May.\n\n'
        '"We were not ready," she said at a conference.'
    )
    last = quoteattr.extract(text).quotes[-1]
    assert ("she", "Dana Whitfield") == (last.speaker.mention.text, last.speaker.entity.name)
