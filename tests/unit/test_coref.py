"""Tests for quoteattr.coref: one named rule per test, on sentences written for the tests."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import word_name

from quoteattr import EntityKind, Resolution, clustering, coref, dialogue, entities, namefinder
from quoteattr.annotations import Annotation, CorefChain
from quoteattr.candidates import Candidate
from quoteattr.coref import analyse_mention, find_name_mentions, resolve
from quoteattr.text import segment


def _span(text: str, sub: str, nth: int = 0, after: int = -1) -> tuple[int, int]:
    i = after
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def _cand(
    text: str, content: str, speaker: str | None = None, *, cue: str | None = None, nth: int = 0, snth: int = 0
) -> Candidate:
    part = _span(text, content, nth)
    return Candidate(
        parts=[part],
        rule="test",
        confidence=0.9,
        # the speaker mention is the snth occurrence after the quote
        speaker=None if speaker is None else _span(text, speaker, snth, part[1]),
        cue=None if cue is None else _span(text, cue, nth),
    )


def _run(text: str, cands: list[Candidate], ann: Annotation | None = None):  # type: ignore[no-untyped-def]
    speakers, refs = resolve(ann or segment(text), cands)
    return speakers, refs


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Sergey Lavrov", ("name", "Sergey Lavrov", None, "male", EntityKind.PERSON)),
        ("Mr Peskov", ("name", "Peskov", None, "male", EntityKind.PERSON)),
        (
            "Foreign Ministry spokeswoman Maria Zakharova",
            ("name", "Maria Zakharova", "Foreign Ministry spokeswoman", "female", EntityKind.PERSON),
        ),
        (
            "Russian foreign minister Sergei Lavrov",
            ("name", "Sergei Lavrov", "Russian foreign minister", "male", EntityKind.PERSON),
        ),
        (
            "Sergey Lavrov, the Russian foreign minister,",
            ("name", "Sergey Lavrov", "Russian foreign minister", "male", EntityKind.PERSON),
        ),
        ("the Russian Foreign Ministry", ("name", "Russian Foreign Ministry", None, None, EntityKind.ORGANISATION)),
        ("the ministry", ("role", None, "ministry", None, EntityKind.ORGANISATION)),
        ("the spokeswoman", ("role", None, "spokeswoman", "female", EntityKind.PERSON)),
        ("She", ("pronoun", None, None, "female", None)),
    ],
)
def test_coref_analyse_mention(mention: str, expected: tuple) -> None:  # type: ignore[type-arg]
    """Rules role-premodifier, role-appositive, org-head, name-title, name-first-gender."""
    text = f"Yesterday {mention} spoke."
    a = text.index(mention)
    m = analyse_mention(text, a, a + len(mention))
    name = None if m.name is None else text[m.name[0] : m.name[1]]
    assert expected == (m.form, name, m.role, m.gender, m.kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But Lavrov left. Then Mr. Peskov spoke.", ["Lavrov", "Mr. Peskov"]),
        ("Russia's Vladimir Putin met Ursula von der Leyen.", ["Vladimir Putin", "Ursula von der Leyen"]),
        (
            "It rained on Florence. By noon the streets were empty, and poor Tom went home. Poor Tom!",
            ["Florence", "Tom", "Tom"],
        ),
    ],
)
def test_coref_find_name_mentions(text: str, expected: list[str]) -> None:
    """Rule find-names: capitalised sequences minus function words, possessives and sentence-initial common words."""
    assert expected == [text[a:b] for a, b, _ in find_name_mentions(text)]


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Russian foreign minister Sergei Lavrov arrived.", "Sergei Lavrov", "Russian foreign minister"),
        ("Sergey Lavrov, the Russian foreign minister, arrived.", "Sergey Lavrov", "Russian foreign minister"),
        ("Sergey Lavrov arrived.", "Sergey Lavrov", None),
    ],
)
def test_coref_find_name_mentions_role(text: str, mention: str, expected: str | None) -> None:
    """Rules role-premodifier and role-appositive on found names."""
    found = {text[a:b]: role for a, b, role in find_name_mentions(text)}
    assert expected == found[mention]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # name-surname: a surname goes to the full name met earlier
        ('Sergey Lavrov met reporters. "We are ready," Lavrov said.', ("Sergey Lavrov", Resolution.NAME)),
        # name-surname works backwards too: the full name may come later
        ('"We are ready," Lavrov said. Sergey Lavrov had met reporters.', ("Sergey Lavrov", Resolution.NAME)),
        # name-title: title plus surname
        ('Dmitry Peskov met reporters. "We are ready," Mr Peskov said.', ("Dmitry Peskov", Resolution.TITLE)),
        ('Donald Trump met reporters. "We are ready," President Trump said.', ("Donald Trump", Resolution.TITLE)),
        # name-first: a first name alone where only one person has it
        ('Maria Zakharova met reporters. "We are ready," Maria said.', ("Maria Zakharova", Resolution.NAME)),
    ],
)
def test_coref_name_rules(text: str, expected: tuple[str, Resolution]) -> None:
    """Rules name-full, name-surname, name-title and name-first."""
    speaker = text.split('," ')[1].rsplit(" said", 1)[0]
    _, refs = _run(text, [_cand(text, "We are ready,", speaker)])
    assert expected == (refs[0].entity.name, refs[0].resolution)


@pytest.mark.parametrize(
    "text",
    [
        'John Smith met reporters. Mary Smith stayed home. "We are ready," John Smith said. "No," Mary Smith said.',
    ],
)
def test_coref_name_never_merges_on_shared_surname(text: str) -> None:
    """Rule name-full: two people who share a surname with different first names stay apart."""
    _speakers, refs = _run(text, [_cand(text, "We are ready,", "John Smith"), _cand(text, "No,", "Mary Smith")])
    assert ["John Smith", "Mary Smith"] == [r.entity.name for r in refs]
    assert refs[0].entity.id != refs[1].entity.id


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        (
            'Sergey Lavrov, the Russian foreign minister, met reporters. "We are ready," the foreign minister said.',
            "the foreign minister",
            "Sergey Lavrov",
        ),
        (
            'Foreign Ministry spokeswoman Maria Zakharova met reporters. "We are ready," the spokeswoman said.',
            "the spokeswoman",
            "Maria Zakharova",
        ),
        (
            'The Russian Foreign Ministry issued a statement. "We are ready," the ministry said.',
            "the ministry",
            "Russian Foreign Ministry",
        ),
    ],
)
def test_coref_role_definite(text: str, speaker: str, expected: str) -> None:
    """Rule role-definite: a definite role noun resolves to the entity with a matching role or head."""
    _, refs = _run(text, [_cand(text, "We are ready,", speaker)])
    assert (expected, Resolution.ROLE) == (refs[0].entity.name, refs[0].resolution)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('President Donald Trump spoke on Monday. "We are ready," the President said.', "the President"),
        ('President Donald Trump spoke on Monday. "We are ready," the president said.', "the president"),
    ],
)
def test_coref_title_alone(text: str, speaker: str) -> None:
    """Rule title-alone: a title with no name is a role that resolves to the entity with that title."""
    _, refs = _run(text, [_cand(text, "We are ready,", speaker)])
    assert ("Donald Trump", Resolution.ROLE) == (refs[0].entity.name, refs[0].resolution)


@pytest.mark.parametrize(
    ("text", "speaker", "expected_role"),
    [
        ('"We are ready," a ministry spokesman said.', "a ministry spokesman", "ministry spokesman"),
        ('"We are ready," the minister said.', "the minister", "minister"),
    ],
)
def test_coref_unresolved_role_keeps_no_name(text: str, speaker: str, expected_role: str) -> None:
    """Rule unresolved: a role with no antecedent gets an unnamed entity, lower confidence."""
    _speakers, refs = _run(text, [_cand(text, "We are ready,", speaker)])
    r = refs[0]
    assert (None, Resolution.UNRESOLVED, expected_role, speaker) == (
        r.entity.name,
        r.resolution,
        r.entity.role,
        r.mention.text,
    )
    assert r.confidence < 0.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the previous speaker in a run of quotes
        ('"No," Maria Zakharova said. Sergey Lavrov was absent. "We are ready," she said.', "Maria Zakharova"),
        ('"No," Sergey Lavrov said. Maria Zakharova nodded. "We are ready," he said.', "Sergey Lavrov"),
        # gender from the title
        ('Mr Peskov left early. Ms Smith stayed. "We are ready," he said.', "Peskov"),
        # a subject that never spoke
        ('Dmitry Peskov met reporters on Monday. "We are ready," he said.', "Dmitry Peskov"),
        # they/it go to organisations
        ('Dmitry Peskov praised the Russian Foreign Ministry. "We are ready," it said.', "Russian Foreign Ministry"),
    ],
)
def test_coref_pronoun_salience(text: str, expected: str) -> None:
    """Rule pronoun-salience: gender, kind and recency, preferring the previous speaker."""
    cands = []
    if text.startswith('"No,"'):
        speaker = text.split('," ')[1].rsplit(" said", 1)[0]
        cands.append(_cand(text, "No,", speaker))
    pron = text.rsplit('," ', 1)[1].split()[0]
    cands.append(_cand(text, "We are ready,", pron))
    _, refs = _run(text, cands)
    assert (expected, Resolution.PRONOUN) == (refs[-1].entity.name, refs[-1].resolution)


@pytest.mark.parametrize(
    "text",
    ['"We are ready," she said.', 'Russia objected. "We are ready," he said.'],
)
def test_coref_pronoun_unresolved(text: str) -> None:
    """Rule unresolved: a pronoun with no compatible antecedent keeps its mention and gets no name."""
    i = text.rindex(" said") - (3 if " he said" in text else 4)
    pron = text[i : text.rindex(" said")]
    c = _cand(text, "We are ready,")
    c.speaker = (i, i + len(pron))
    _, refs = _run(text, [c])
    assert (None, Resolution.UNRESOLVED, pron) == (refs[0].entity.name, refs[0].resolution, refs[0].mention.text)


@pytest.mark.parametrize(
    "text",
    ['"We will respond," Dmitry Peskov told reporters.\n\n"There will be consequences."'],
)
def test_coref_follow_on(text: str) -> None:
    """Rule follow-on: an uncued quote paragraph after X's quote goes to X, lower confidence, X's mention."""
    cands = [
        _cand(text, "We will respond,", "Dmitry Peskov", cue="told reporters"),
        _cand(text, "There will be consequences."),
    ]
    _, refs = _run(text, cands)
    r = refs[1]
    assert ("Dmitry Peskov", Resolution.FOLLOW_ON, "Dmitry Peskov") == (r.entity.name, r.resolution, r.mention.text)
    assert r.confidence < refs[0].confidence


@pytest.mark.parametrize(
    "text",
    ['"Will you come to the ball?" asked Anna Petrova.\n\n"No," said Boris Ivanov.\n\n"Why not?"\n\n"I have no coat."'],
)
def test_coref_turn_taking(text: str) -> None:
    """Rule turn-taking: in a dialogue exchange uncued quote paragraphs alternate between the two speakers."""
    cands = [
        _cand(text, "Will you come to the ball?", "Anna Petrova", cue="asked"),
        _cand(text, "No,", "Boris Ivanov", cue="said"),
        _cand(text, "Why not?"),
        _cand(text, "I have no coat."),
    ]
    _, refs = _run(text, cands)
    assert ["Anna Petrova", "Boris Ivanov", "Anna Petrova", "Boris Ivanov"] == [r.entity.name for r in refs]
    assert [Resolution.FOLLOW_ON, Resolution.FOLLOW_ON] == [r.resolution for r in refs[2:]]


@pytest.mark.parametrize(
    "text",
    ['Sergey Lavrov met reporters. "We are ready," he said. "No," Dmitry Peskov said. "Never," Lavrov said.'],
)
def test_coref_speaker_ids_and_mentions(text: str) -> None:
    """Entities are listed once each, ids in order of first mention, mentions are spans of the text."""
    speakers, refs = _run(
        text,
        [
            _cand(text, "We are ready,", "he"),
            _cand(text, "No,", "Dmitry Peskov"),
            _cand(text, "Never,", "Lavrov"),
        ],
    )
    assert [("e0", "Sergey Lavrov"), ("e1", "Dmitry Peskov")] == [(s.id, s.name) for s in speakers]
    assert refs[0].entity is refs[2].entity is speakers[0]
    assert all(text[m.start : m.end] == m.text for s in speakers for m in s.mentions)
    assert {"Sergey Lavrov", "he", "Lavrov"} <= {m.text for m in speakers[0].mentions}


@pytest.mark.parametrize(
    "text",
    ['Dmitry Peskov met reporters. The spokesman left. "We are ready," the man said.'],
)
def test_coref_uses_annotation_chains(text: str) -> None:
    """Rule chain: a speaker mention inside a coreference chain gets the chain's entity, named by its fullest name."""
    ann = segment(text)
    chain = CorefChain(
        id="0", mentions=[_span(text, "Dmitry Peskov"), _span(text, "The spokesman"), _span(text, "the man")]
    )
    ann = Annotation(text=text, paragraphs=ann.paragraphs, sentences=ann.sentences, chains=[chain], source="conllu")
    _, refs = _run(text, [_cand(text, "We are ready,", "the man")], ann)
    assert ("Dmitry Peskov", Resolution.COREF) == (refs[0].entity.name, refs[0].resolution)


@pytest.mark.parametrize("speaker", [None])
def test_coref_no_speaker_no_ref(speaker: None) -> None:
    """A candidate with no speaker and nothing to follow gets no reference."""
    text = '"We are ready," was all that was said.'
    speakers, refs = _run(text, [_cand(text, "We are ready,", speaker)])
    assert ((), [None]) == (speakers, refs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of the next sentence in the paragraph
        ('Anna Petrova sat by the fire.\n\n"You get me a file." Boris Ivanov tilted the chair again.', "Boris Ivanov"),
        # else the nearest subject before the quote in the paragraph
        (
            'Anna Petrova sat by the fire.\n\nBoris Ivanov looked round and lowered his voice. "I am carrying papers."',
            "Boris Ivanov",
        ),
    ],
)
def test_coref_beat(text: str, expected: str) -> None:
    """Rule beat: an uncued quote goes to the subject of an action beat in its paragraph."""
    content = text.split('"')[1]
    _, refs = _run(text, [_cand(text, content)])
    assert (expected, expected) == (refs[0].entity.name, refs[0].mention.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Are you well, uncle?" asked Anna Petrova.\n\n"Not at all, my child."', "uncle"),
        ('Boris Ivanov came in.\n\n"Are you well, Boris?" asked Anna Petrova.\n\n"Not at all."', "Boris"),
    ],
)
def test_coref_vocative_reply(text: str, expected: str) -> None:
    """Rule vocative: an uncued reply goes to whoever the previous line addressed, with that mention."""
    first = text.split('"')[1]
    cands = [_cand(text, first, "Anna Petrova", cue="asked"), _cand(text, text.rsplit('"', 2)[1])]
    _, refs = _run(text, cands)
    assert (expected, Resolution.FOLLOW_ON) == (refs[1].mention.text, refs[1].resolution)


@pytest.mark.parametrize(
    "text",
    ['"Will you come?" asked Anna Petrova.\n\n"No," said Boris Ivanov.\n\n"Why not, Anna?"'],
)
def test_coref_vocative_never_to_addressee(text: str) -> None:
    """Rule vocative: a line never goes to the person it addresses (turn-taking would give Anna)."""
    cands = [
        _cand(text, "Will you come?", "Anna Petrova", cue="asked"),
        _cand(text, "No,", "Boris Ivanov", cue="said"),
        _cand(text, "Why not, Anna?"),
    ]
    _, refs = _run(text, cands)
    assert "Boris Ivanov" == refs[2].entity.name


_ALPHABET = "aAbBeHhIiLMmrsSty \",.“”\n'’-"


@given(text=st.text(alphabet=_ALPHABET, min_size=1, max_size=120), data=st.data())
def test_coref_resolve_never_crashes(text: str, data: st.DataObject) -> None:
    """Any text and any in-range spans: refs stay aligned, every span matches the text, every entity is listed."""
    n = len(text)
    cands = []
    for _ in range(data.draw(st.integers(0, 4))):
        a = data.draw(st.integers(0, n - 1))
        b = data.draw(st.integers(a + 1, n))
        sp = None
        if data.draw(st.booleans()):
            sa = data.draw(st.integers(0, n - 1))
            sp = (sa, data.draw(st.integers(sa + 1, n)))
        cands.append(Candidate(parts=[(a, b)], rule="fuzz", confidence=0.5, speaker=sp))
    speakers, refs = resolve(segment(text), cands)
    assert len(cands) == len(refs)
    ids = [s.id for s in speakers]
    assert [f"e{i}" for i in range(len(speakers))] == ids
    for s in speakers:
        for m in s.mentions:
            m.check(text)
    for c, r in zip(cands, refs, strict=False):
        if r is not None:
            r.mention.check(text)
            assert r.entity.id in ids
        if c.speaker is not None:
            assert r is not None and (r.mention.start, r.mention.end) == c.speaker


@pytest.mark.parametrize(
    "text",
    [
        "Anna Petrova, a young teacher from Tula, was arrested at her school after she brought a clock. "
        'The incident made news. "It was a misunderstanding," Anna Petrova said.'
    ],
)
def test_coref_chain_description_does_not_merge_chains(text: str) -> None:
    """Rule chain-description: a long event mention in one chain does not join it to the chain of the name inside it."""
    ann = segment(text)
    event = CorefChain(id="event", mentions=[(0, text.index(" The incident")), _span(text, "The incident")])
    person = CorefChain(id="anna", mentions=[_span(text, "Anna Petrova", 1), _span(text, "she")])
    ann = Annotation(
        text=text, paragraphs=ann.paragraphs, sentences=ann.sentences, chains=[event, person], source="conllu"
    )
    _, refs = _run(text, [_cand(text, "It was a misunderstanding,", "Anna Petrova")], ann)
    mentions = {m.text for m in refs[0].entity.mentions}
    assert ("Anna Petrova", False) == (refs[0].entity.name, "The incident" in mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the only subject hears the quote and the object is no beat subject: no speaker
        ('Boris Ivanov heard Anna Petrova in the hall. "Good morning, everyone."', None),
        # the listener is skipped for the nearest subject before him
        ('Anna Petrova waved. Boris Ivanov heard her in the hall. "Good morning, everyone."', "Anna Petrova"),
        ('Boris Ivanov heard Anna Petrova in the hall. She smiled. "Good morning, everyone."', "Anna Petrova"),
    ],
)
def test_coref_beat_skips_listener(text: str, expected: str | None) -> None:
    """Rule beat: a subject that hears the quote ("X heard ...") is not its speaker."""
    _, refs = _run(text, [_cand(text, "Good morning, everyone.")])
    assert [expected] == [None if r is None else r.entity.name for r in refs]


@given(
    st.text(alphabet="abcAB é\u0301-'’\n.x", max_size=60),
    st.lists(st.sampled_from(["ab", "abc", "ba", "a\u0301b", "é", "ab.", "xa", "a-b", "abcx"]), max_size=8),
    st.integers(min_value=-5, max_value=200),
)
def test_coref_lower_words_lookup_matches_full_scan(text: str, words: list[str], budget: int) -> None:
    """_LowerWords answers as the set of every lowercase word does, whether
    it searches word by word or (budget spent) scans for the open ones."""
    every = set(namefinder._LOWER_WORD_RE.findall(text))
    lookup = namefinder._LowerWords(text)
    lookup.budget = budget
    answers = {w: lookup.known(w) for w in words}
    assert all(a is None or a is (w in every) for w, a in answers.items())
    assert lookup.among(set(words)) == {w for w in words if w in every}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Mr Peskov said it. Later Mr Peskov said more.", "Mr Peskov"),
        (
            "Foreign Ministry spokeswoman Maria Zakharova spoke; Foreign Ministry spokeswoman Maria Zakharova left.",
            "Foreign Ministry spokeswoman Maria Zakharova",
        ),
    ],
)
def test_coref_mentions_share_words_and_copy_on_write(text: str, words: str) -> None:
    """Two mentions of one wording share what analysis found (offsets moved
    to each); setting a field on one copies it, and the other keeps its own."""
    first = text.index(words)
    second = text.index(words, first + 1)
    a = coref.analyse_mention(text, first, first + len(words))
    b = entities._Mention(second, second + len(words), a.w)
    assert a.name is not None and b.name is not None and a.alias is not None and b.alias is not None
    assert text[slice(*a.name)] == text[slice(*b.name)] and b.name[0] > first
    assert text[slice(*a.alias)] == text[slice(*b.alias)] == text[b.alias[0] : b.alias[1]]
    role_before = b.role
    a.role, a.kind = "press secretary", coref.EntityKind.ORGANISATION
    assert (a.role, a.kind) == ("press secretary", coref.EntityKind.ORGANISATION)
    assert b.role == role_before and b.kind is not coref.EntityKind.ORGANISATION
    a.name = None
    assert a.name is None and b.name is not None


def test_coref_lower_words_scan_crosses_blocks() -> None:
    """among() reads the text in blocks: a word at a block boundary, and one
    after many blocks, is found once and only whole."""
    text = "Poor Douglas. " + "x " * namefinder._BLOCK + "un" + " " * (namefinder._BLOCK - 1) + "poor"
    lookup = namefinder._LowerWords(text)
    lookup.budget = -1
    assert lookup.known("poor") is None
    assert lookup.among({"poor", "un", "unpoor", "douglas"}) == {"poor", "un"}


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Poor Douglas. He was poor.", "poor", True),
        ("Poor Douglas. He was poorly.", "poor", False),  # a longer word
        ("Poor Douglas. Unpoor.", "poor", False),  # inside a word
        ("Poor Douglas. poorX.", "poor", True),  # a run of lowercase letters ends at a capital
        ("Upon it. upon", "upon", True),
    ],
)
def test_coref_lower_words_lookup(text: str, word: str, expected: bool) -> None:
    assert namefinder._LowerWords(text).known(word) is expected
    spent = namefinder._LowerWords(text)
    spent.budget = -1
    assert (word in spent.among({word})) is expected


@pytest.mark.parametrize(
    "text",
    [
        'Carla Ortiz, the city\'s budget director, said the plan was late. '
        '"We are not there yet," Ortiz told the council. '
        'She added that "the numbers" would come on Friday.\n\n"Good," said Mayor Paul Brenner. He left early.',
        '"Stay here," the sergeant said. "I will," Tom answered.\n\n"Are you sure?" he asked her. "Quite sure."',
    ],
)
def test_coref_resolve_quoted_matches_resolve(text: str) -> None:
    """resolve_quoted over quoted_spans gives what resolve over the regions gives."""
    from quoteattr import rules
    from quoteattr.marks import find_quotes

    ann = segment(text)
    regions, _ = find_quotes(text, ann.paragraphs)
    cands = rules.find_candidates(ann, regions)
    assert any(c.speaker is not None for c in cands)
    speakers, refs = resolve(ann, cands, regions)
    quoted = coref.quoted_spans(regions, cands)
    assert list(quoted) == sorted(quoted) and all(a < b for a, b in quoted)
    assert all(b < a2 for (_, b), (a2, _) in itertools.pairwise(quoted))  # (disjoint, not touching)
    speakers2, refs2 = coref.resolve_quoted(ann, cands, quoted)
    assert (speakers, refs) == (speakers2, refs2)


class TestSpeakerRules:
    """The speaker rules of quotes with no speaker mention (quoteattr.dialogue)."""

    def test_coref_speaker_rules_order(self) -> None:
        """One explicit ordered tuple; each rule has a name constant, a base confidence and a docstring example."""
        assert (
            dialogue.linked_quote,
            dialogue.described_speaker,
            dialogue.beat,
            dialogue.beat_before,
            dialogue.vocative,
            dialogue.turn_taking,
        ) == dialogue.SPEAKER_RULES
        names = (dialogue.LINKED_QUOTE, dialogue.BEAT, dialogue.BEAT_BEFORE, dialogue.VOCATIVE, dialogue.TURN_TAKING)
        assert ("linked-quote", "beat", "beat-before", "vocative", "turn-taking") == names
        confidences = (
            dialogue.LINKED_QUOTE_CONFIDENCE, dialogue.DESCRIBED_SPEAKER_CONFIDENCE, dialogue.BEAT_CONFIDENCE_FACTOR,
            dialogue.BEAT_BEFORE_CONFIDENCE_FACTOR, dialogue.VOCATIVE_CONFIDENCE, dialogue.TURN_TAKING_CONFIDENCE,
        )  # fmt: skip
        assert all(0 < c <= 1 for c in confidences)
        assert all("Example" in (rule.__doc__ or "") for rule in dialogue.SPEAKER_RULES)

    @pytest.mark.parametrize(
        "text",
        ['"The talks are over," Yelena Orlova said.\n\n"We leave tomorrow for Minsk."'],
    )
    def test_coref_linked_quote(self, text: str) -> None:
        """Rule linked-quote: a quote the quote rules linked to an earlier one has its speaker, at 0.6 at most."""
        first = _cand(text, "The talks are over,", "Yelena Orlova", cue="said")
        second = _cand(text, "We leave tomorrow for Minsk.")
        second.follow_on_of = 0
        _, refs = _run(text, [first, second])
        assert ("Yelena Orlova", "Yelena Orlova", Resolution.FOLLOW_ON) == (
            refs[1].entity.name,
            refs[1].mention.text,
            refs[1].resolution,
        )
        assert 0.6 >= refs[1].confidence


def _many(prefix: str, k: int, sentence: str = "{} met officials.") -> str:
    return " ".join(sentence.format(f"{word_name(i, prefix)}") for i in range(k))


@pytest.mark.issue(18)
class TestManySharedNames:
    """Pass 1 with many entities sharing a name part (quoteattr.clustering): the answers of a scan of them all."""

    @pytest.mark.parametrize("k", [clustering.SCAN_ALL_UP_TO + 1, 40])
    def test_coref_surname_nearest_after(self, k: int) -> None:
        """Rule name-surname: a bare surname before any full name goes to the next one named."""
        text = '"Not now," Wang said. ' + _many("Kel", k, "{} Wang met officials.")
        _, refs = _run(text, [_cand(text, "Not now,", "Wang")])
        assert f"{word_name(0, 'Kel')} Wang" == refs[0].entity.name

    @pytest.mark.parametrize("k", [clustering.SCAN_ALL_UP_TO + 1, 40])
    def test_coref_first_name_nearest_before(self, k: int) -> None:
        """Rule name-first: a bare first name goes to the person of that first name named last before it."""
        text = _many("Zor", k, "John {} met officials.") + ' "We left," John said. John Abbot arrived.'
        _, refs = _run(text, [_cand(text, "We left,", "John")])
        assert f"John {word_name(k - 1, 'Zor')}" == refs[0].entity.name

    def test_coref_full_name_initial_among_many(self) -> None:
        """Rule name-full: "J. Wang" joins "John Wang" among sixty other Wangs."""
        text = (
            _many("Kel", 30, "{} Wang met officials.")
            + " John Wang arrived. "
            + _many("Mar", 30, "{} Wang met officials.")
        )
        text += ' "We will see," said J. Wang.'
        _, refs = _run(text, [_cand(text, "We will see,", "J. Wang")])
        assert ("John Wang", 2) == (refs[0].entity.name, len(refs[0].entity.mentions))

    def test_coref_org_suffix_among_many(self) -> None:
        """Rule org-name: "the Foreign Ministry" joins the first "... Foreign Ministry" indexed, among thirty."""
        text = (
            " ".join(f"The {word_name(i, 'Kel')} Foreign Ministry met officials." for i in range(30))
            + ' "No," the Foreign Ministry said.'
        )
        _, refs = _run(text, [_cand(text, "No,", "the Foreign Ministry")])
        assert f"{word_name(0, 'Kel')} Foreign Ministry" == refs[0].entity.name

    @pytest.mark.parametrize(
        ("k", "expected"),
        [(clustering.NEAREST_SCAN - 14, "Li Wang"), (clustering.NEAREST_SCAN + 6, "Wang")],
    )
    def test_coref_nearest_scan_cap(self, k: int, expected: str) -> None:
        """The documented cap: "Mr Wang" finds "Li Wang" behind k women named Wang
        while k is under NEAREST_SCAN, and starts a new entity beyond it."""
        text = "Li Wang met officials. " + _many("Kel", k, "Ms {} Wang met officials.") + ' "No," Mr Wang said.'
        _, refs = _run(text, [_cand(text, "No,", "Mr Wang")])
        assert expected == refs[0].entity.name
