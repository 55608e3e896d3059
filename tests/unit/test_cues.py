"""Cue matching on hand-written sentences: forms, phrases, audiences, word edges."""

from __future__ import annotations

import pytest

from quoteattr.cues import FORMS, MAX_GAP, PHRASES, VERBS, CueMatch, find_cues, is_cue_word
from quoteattr.model import CueClass


def _found(text: str, **kw: int) -> list[tuple[str, str, str, str | None]]:
    return [(text[m.start : m.end], m.lemma, m.type, m.form_kind) for m in find_cues(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lavrov said it was robbery.", [("said", "say", "verb", "past")]),
        ("She says so, he is saying so.", [("says", "say", "verb", "3sg"), ("saying", "say", "verb", "gerund")]),
        ("The letter was written in May.", [("written", "write", "verb", "pastpart")]),
        (
            "He THOUGHT it over and Warned them.",
            [("THOUGHT", "think", "verb", "past"), ("Warned", "warn", "verb", "past")],
        ),
        (
            "They criticised and criticized it.",
            [("criticised", "criticise", "verb", "past"), ("criticized", "criticize", "verb", "past")],
        ),
        ("The senator replied quickly.", [("replied", "reply", "verb", "past")]),
        ("Officials admitted it.", [("admitted", "admit", "verb", "past")]),
    ],
)
def test_cues_verb_forms(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert expected == _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Old sayings and additions.",
        "Mr. Saidi arrived.",
        "The so-called expert.",
        "An addendum, a teller, a tellurium mine, unsaid.",
        "Wordsaid in one token.",
    ],
)
def test_cues_not_inside_words(text: str) -> None:
    assert [] == find_cues(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to the police, he fled.", [("According to", "according to", "source-after", None)]),
        ("according\nto  officials", [("according\nto", "according to", "source-after", None)]),
        (
            "She spoke in a statement.",
            [("spoke", "speak", "verb", "past"), ("in a statement", "in <det> statement", "adjunct", None)],
        ),
        (
            "He wrote in a\n blog post.",
            [("wrote", "write", "verb", "past"), ("in a\n blog post", "in <det> blog post", "adjunct", None)],
        ),
        ("In remarks on Monday.", [("In remarks", "in <det> remarks", "adjunct", None)]),
        ("He was quoted as saying it.", [("quoted as saying", "quoted as saying", "passive", None)]),
        ("She pointed out the risk.", [("pointed out", "pointed out", "phrasal", None)]),
        ("His denial came late.", [("denial", "denial", "noun", None)]),
        ("She posted on Twitter.", [("posted", "post", "verb", "past"), ("on Twitter", "on twitter", "adjunct", None)]),
    ],
)
def test_cues_phrases(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert expected == _found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peskov told reporters on Friday.", [("told reporters", "tell", "verb-object", "past")]),
        ("He told the press.", [("told the press", "tell", "verb-object", "past")]),
        ("She told his\nsupporters.", [("told his\nsupporters", "tell", "verb-object", "past")]),
        ("Speaking to the BBC, she left.", [("Speaking to the BBC", "speak", "verb-object", "gerund")]),
        ("He said to reporters that", [("said to reporters", "say", "verb-object", "past")]),
        ("He told the New York Times.", [("told the New York Times", "tell", "verb-object", "past")]),
        # "said" takes no bare audience: the press secretary is the speaker.
        ("It is fine, said the press secretary.", [("said", "say", "verb", "past")]),
        # an audience noun that goes on as a longer word is no audience
        ("He told reporterswho", [("told", "tell", "verb", "past")]),
    ],
)
def test_cues_audience_objects(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert expected == _found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule phrase-next-word: the word after a phrase's first word decides
        # whether the phrase regex runs; it must see the same word edges
        ("He argued in the Senate that it failed.", [("argued", "argue", "verb", "past")]),
        ("She admitted on CNN’s morning show that", [("admitted", "admit", "verb", "past")]),
        (
            "She warned in remarks' closing lines.",
            [("warned", "warn", "verb", "past"), ("in remarks", "in <det> remarks", "adjunct", None)],
        ),
        (
            "IN AN INTERVIEW, he agreed.",
            [("IN AN INTERVIEW", "in <det> interview", "adjunct", None), ("agreed", "agree", "verb", "past")],
        ),
        ("Lawson told CNBC's Squawk Box it was over.", [("told CNBC", "tell", "verb-object", "past")]),
        ("He wrote to The Guardian’s editor.", [("wrote to The Guardian", "write", "verb-object", "past")]),
        ("He wrote toward the end.", [("wrote", "write", "verb", "past")]),
        ("They assured the-crowd nothing.", [("assured", "assure", "verb", "past")]),
    ],
)
def test_cues_next_word_test(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert expected == _found(text)


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("He said. She said.", 0, 8, ["said"]),
        ("He said. She said.", 8, None, ["said"]),
        ("He said. She said.", 4, None, ["said"]),  # starts inside "said"
        ("He said. She said.", 0, 6, []),  # "said" cut by end
        ("Saidi said", 0, 4, []),  # "Said" of "Saidi" is no word
        ("according to them", 0, 11, []),  # phrase cut by end
        ("‘yes’said Ann", 5, None, []),  # "yes’said" is one word: no word starts at 5
        ("He paused -said nothing", 11, None, ["said"]),  # a hyphen after a space joins nothing
        ("He paused - said nothing", 11, None, ["said"]),
    ],
)
def test_cues_bounds(text: str, start: int, end: int | None, expected: list[str]) -> None:
    assert expected == [text[m.start : m.end] for m in find_cues(text, start, end)]


@pytest.mark.parametrize(
    ("text", "cls"),
    [("He said it.", CueClass.SPEECH), ("She believes it.", CueClass.THOUGHT), ("In my opinion", CueClass.THOUGHT)],
)
def test_cues_class(text: str, cls: CueClass) -> None:
    assert [cls] == [m.cue_class for m in find_cues(text)]


@pytest.mark.parametrize(
    "text",
    ["He said, she told reporters, according to AP, in a statement: “Fine.”", "x " * 50 + "said\r\nwarned\tadded"],
)
def test_cues_offsets_exact(text: str) -> None:
    for m in find_cues(text):
        assert isinstance(m, CueMatch)
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text(text)
        assert m.text(text).split()[0].lower() in FORMS or m.lemma in PHRASES


@pytest.mark.parametrize(
    ("word", "expected"),
    [("said", True), ("SAID", True), ("statement", True), ("sayings", False), ("according", False), ("", False)],
)
def test_cues_is_cue_word(word: str, expected: bool) -> None:
    assert expected == is_cue_word(word)


@pytest.mark.parametrize(
    ("form", "expected"), [("said", ("say", "past")), ("lambasted", ("lambast", "past")), ("bet", ("bet", "base"))]
)
def test_cues_shared_forms_deterministic(form: str, expected: tuple[str, str]) -> None:
    assert expected == FORMS[form]


@pytest.mark.parametrize("lemma", ["say", "tell", "believe"])
def test_cues_verbs_mapping(lemma: str) -> None:
    assert lemma == VERBS[lemma].forms[0]


@pytest.mark.parametrize("bad", [b"said", None, 3])
def test_cues_rejects_non_str(bad: object) -> None:
    with pytest.raises(TypeError):
        find_cues(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("gap", "expected"),
    [(1, ["according to"]), (MAX_GAP, ["according to"]), (MAX_GAP + 1, [])],
)
def test_cues_whitespace_gap_capped(gap: int, expected: list[str]) -> None:
    """Words of a phrase match across up to MAX_GAP whitespace characters."""
    text = "according" + "\n" * gap + "to them"
    assert expected == [" ".join(text[m.start : m.end].split()) for m in find_cues(text)]
