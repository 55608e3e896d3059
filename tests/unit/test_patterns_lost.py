"""Indirect quotes whose cue was found but no quote came out (issue 16).

Each class covers one named rule or guard added for attributions that the
cue finder saw and the cue patterns dropped. Sentences written for these
tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.registry import ORDER, Rule, Stage, spec

pytestmark = pytest.mark.issue(16)


def _quotes(text: str, rule: Rule) -> list[quoteattr.Quote]:
    return [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == rule.value]


class TestAdverbBeforeGerund:
    """Rule saying-clause: an -ly adverb may stand between the comma and the gerund cue."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The mayor closed the pier, wrongly claiming that the storm had cracked it.",
                "the storm had cracked it",
                "The mayor",
            ),
            (
                "Osei left the hall early, pointedly noting that the budget was still unbalanced.",
                "the budget was still unbalanced",
                "Osei",
            ),
        ],
    )
    def test_patterns_lost_adverb_gerund_reports(self, text: str, content: str, speaker: str) -> None:
        """', falsely suggesting that ...' reports its clause; the sentence's subject speaks."""
        qs = _quotes(text, Rule.SAYING_CLAUSE)
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs]

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Osei switched sides on the spot – saying the ferry was his first love.", "the ferry was his first love"),
            ("The board met late — insisting the fares would not rise.", "the fares would not rise"),
        ],
    )
    def test_patterns_lost_dash_before_gerund(self, text: str, content: str) -> None:
        """A spaced dash before the gerund cue stands for the comma."""
        assert [content] == [q.content.text for q in _quotes(text, Rule.SAYING_CLAUSE)]

    @pytest.mark.parametrize(
        "text",
        [
            "The hall went quiet, Emily saying that the vote was lost.",
            "The hall went quiet, Kelly claiming that the vote was lost.",
        ],
    )
    def test_patterns_lost_adverb_gerund_not_a_name(self, text: str) -> None:
        """A name ending in -ly is no adverb: the gerund after it is not the sentence subject's."""
        assert [] == _quotes(text, Rule.SAYING_CLAUSE)


class TestLowercaseModifiers:
    """Guard lowercase-modifiers: '..., federal officials said.' reports the clause before the comma."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The ferry will stay in port until May, harbour officials said.",
                "The ferry will stay in port until May",
                "harbour officials",
            ),
            ("Most of the fee went to lawyers, legal experts say.", "Most of the fee went to lawyers", "legal experts"),
            (
                "The mill lost money for a decade, local union leaders said on Friday.",
                "The mill lost money for a decade",
                "local union leaders",
            ),
        ],
    )
    def test_patterns_lost_modifiers_join_the_speaker(self, text: str, content: str, speaker: str) -> None:
        """The modifiers before the chunker's head noun join the speaker; the clause before the comma is reported."""
        qs = _quotes(text, Rule.CLAUSE_SUBJECT_CUE)
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs]

    @pytest.mark.parametrize(
        "text",
        [
            "The ferry stayed in port, but officials complained.",
            "The ferry stayed in port, and then officials complained.",
            "The ferry stayed in port, waiting passengers complained.",
        ],
    )
    def test_patterns_lost_modifiers_not_function_words(self, text: str) -> None:
        """A coordinator, an adverb of the filler list or an -ing form is no modifier of the speaker."""
        assert [] == _quotes(text, Rule.CLAUSE_SUBJECT_CUE)


class TestDescribedObjectAs:
    """Rule described-object-as: 'described X as Y' without quotes reports 'X as Y'."""

    def test_patterns_lost_described_object_as_registered(self) -> None:
        """Registered as a cue pattern right before described-as, with base confidence 0.6."""
        s = spec(Rule.DESCRIBED_OBJECT_AS)
        order = ORDER[Stage.CUE]
        assert (Stage.CUE, 0.6) == (s.stage, s.confidence)
        assert order.index(Rule.DESCRIBED_OBJECT_AS) + 1 == order.index(Rule.DESCRIBED_AS)

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The harbour board has described the closure as a temporary measure.",
                "the closure as a temporary measure",
                "The harbour board",
            ),
            (
                "Osei described himself as a cautious optimist, and he meant it.",
                "himself as a cautious optimist",
                "Osei",
            ),
            (
                "Critics characterized the new toll on the bridge as a tax on commuters.",
                "the new toll on the bridge as a tax on commuters",
                "Critics",
            ),
        ],
    )
    def test_patterns_lost_described_object_as_reports(self, text: str, content: str, speaker: str) -> None:
        """The object and its description, to the comma or the sentence end; the subject speaks."""
        qs = _quotes(text, Rule.DESCRIBED_OBJECT_AS)
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs]

    @pytest.mark.parametrize(
        "text",
        [
            "The closure was described as a temporary measure by the board.",
            'The board described the closure as "a temporary measure."',
            "The report described the flood as well as the fire.",
            "The mayor called the closure a mistake.",
        ],
    )
    def test_patterns_lost_described_object_as_not_elsewhere(self, text: str) -> None:
        """Not for a passive, a quoted description (rule described-as), 'as well as', or 'called X Y'."""
        assert [] == _quotes(text, Rule.DESCRIBED_OBJECT_AS)


class TestAccordingTo:
    """Rule according-to: guards source-abbreviation, fronted-clause and pronoun-according."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "According to F.A.A. records, the jet flew 300 hours last spring.",
                "the jet flew 300 hours last spring",
                "F.A.A. records",
            ),
            (
                "According to Rep. Ana Ruiz, the ferry will run again in May.",
                "the ferry will run again in May",
                "Rep. Ana Ruiz",
            ),
        ],
    )
    def test_patterns_lost_according_source_with_abbreviation(self, text: str, content: str, speaker: str) -> None:
        """Guard source-abbreviation: a full stop inside the source does not end it."""
        qs = _quotes(text, Rule.ACCORDING_TO)
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs]

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Of the 40 boats inspected in May, 12 have been sold, according to the harbour office.",
                "Of the 40 boats inspected in May, 12 have been sold",
            ),
            ("In 2019, the mill employed 300 people, according to the union.", "In 2019, the mill employed 300 people"),
            (
                "As of Friday, the fund held 2,000 pledges — according to a count by the organisers.",
                "As of Friday, the fund held 2,000 pledges",
            ),
        ],
    )
    def test_patterns_lost_according_fronted_clause(self, text: str, content: str) -> None:
        """Guard fronted-clause: a clause that opens the sentence may open with "of", "in", "as"; a dash may end it."""
        assert [content] == [q.content.text for q in _quotes(text, Rule.ACCORDING_TO)]

    @pytest.mark.parametrize(
        "text", ["That’s according to the harbour office.", "This is according to a count by the union."]
    )
    def test_patterns_lost_according_pronoun(self, text: str) -> None:
        """Guard pronoun-according: the pronoun stands for what the source says."""
        assert [text.split()[0].replace("’s", "")] == [q.content.text for q in _quotes(text, Rule.ACCORDING_TO)]

    def test_patterns_lost_according_pronoun_needs_the_sentence_end(self) -> None:
        """'That is according to plan, ...': the source phrase does not end the sentence."""
        assert [] == _quotes("That is according to plan, the harbour master said.", Rule.ACCORDING_TO)


class TestFrontedClauseBeforeCue:
    """Guard fronted-clause (rules clause-subject-cue, clause-cue-subject): an adjunct may open the clause."""

    @pytest.mark.parametrize(
        ("text", "content", "rule"),
        [
            (
                "As a rule, the ferry was late in winter, the captain said.",
                "As a rule, the ferry was late in winter",
                Rule.CLAUSE_SUBJECT_CUE,
            ),
            (
                "With the budget unresolved, the depot has stopped hiring, officials said.",
                "With the budget unresolved, the depot has stopped hiring",
                Rule.CLAUSE_SUBJECT_CUE,
            ),
            (
                "As of May, the depot had closed for good, said the harbour master.",
                "As of May, the depot had closed for good",
                Rule.CLAUSE_CUE_SUBJECT,
            ),
        ],
    )
    def test_patterns_lost_fronted_clause_reported(self, text: str, content: str, rule: Rule) -> None:
        """The fronted adjunct and the clause after its comma are reported."""
        assert [content] == [q.content.text for q in _quotes(text, rule)]

    @pytest.mark.parametrize(
        "text",
        ["As the storm grew, the captain said.", "As a rule, mostly, the captain said."],
    )
    def test_patterns_lost_fronted_clause_needs_a_clause(self, text: str) -> None:
        """Without a clause after the adjunct's comma nothing is reported."""
        assert [] == _quotes(text, Rule.CLAUSE_SUBJECT_CUE)


class TestSayingWithoutFiniteVerb:
    """Rule saying-clause: ', saying X' reports X even when no finite verb shows in its first words."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei backed the plan, saying harbour towns need to stand together.",
                "harbour towns need to stand together",
            ),
            (
                "The union walked out, saying the offer goes nowhere near far enough.",
                "the offer goes nowhere near far enough",
            ),
        ],
    )
    def test_patterns_lost_saying_reports_any_clause(self, text: str, content: str) -> None:
        """'say' reports a clause without 'that' (frame clausal) whatever verb it has."""
        assert [content] == [q.content.text for q in _quotes(text, Rule.SAYING_CLAUSE)]

    def test_patterns_lost_other_gerunds_keep_the_clause_test(self) -> None:
        """Another gerund cue without a finite verb after it reports no clause ('adding ...' here has an object)."""
        assert [] == _quotes("The council raised fares, adding Sunday routes to the timetable.", Rule.SAYING_CLAUSE)


class TestGerundFrames:
    """Guard gerund-frames: ', calling for X' and ', vowing to Y' are read as call-for and promise-to."""

    @pytest.mark.parametrize(
        ("text", "rule", "content", "speaker"),
        [
            (
                "The union walked out of the talks, calling for a new inquiry into the collapse.",
                Rule.CALL_FOR,
                "a new inquiry into the collapse",
                "The union",
            ),
            (
                "Osei closed the rally, vowing to reopen the ferry by May.",
                Rule.PROMISE_TO,
                "to reopen the ferry by May",
                "Osei",
            ),
            (
                "The mayor spoke for an hour, threatening to cut the budget.",
                Rule.PROMISE_TO,
                "to cut the budget",
                "The mayor",
            ),
        ],
    )
    def test_patterns_lost_gerund_frames(self, text: str, rule: Rule, content: str, speaker: str) -> None:
        """The demand or the pledge is reported; the sentence's subject speaks."""
        qs = _quotes(text, rule)
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs]

    def test_patterns_lost_gerund_calling_a_name_stays_described(self) -> None:
        """', calling it "X"' is still rule described-as."""
        qs = quoteattr.extract('The mayor shut the pier, calling it "a death trap."', min_confidence=0).quotes
        assert [("described-as", "a death trap.")] == [(q.rule, q.content.text) for q in qs]


class TestGerundSpeaker:
    """Guard gerund-speaker: a sentence that opens with a quote lends its speaker to a later gerund cue."""

    @pytest.mark.parametrize(
        ("text", "rule", "content"),
        [
            (
                '"We will win the vote," said Mayor Ruiz, referring to the harbour ballot.',
                Rule.SAYING_OBJECT,
                "the harbour ballot",
            ),
            (
                '"It is over," Osei told reporters, adding that the ferry would not run again.',
                Rule.SAYING_CLAUSE,
                "the ferry would not run again",
            ),
        ],
    )
    def test_patterns_lost_gerund_takes_the_quote_speaker(self, text: str, rule: Rule, content: str) -> None:
        """The gerund's content gets the speaker of the quote before it (and a named speaker's confidence)."""
        quotes = quoteattr.extract(text).quotes
        first = quotes[0].speaker.mention.text if quotes[0].speaker else None
        assert [(content, first)] == [
            (q.content.text, q.speaker.mention.text if q.speaker else None) for q in quotes if q.rule == rule.value
        ]


class TestSpeakAbout:
    """Rule speak-about: 'spoke (manner words) about/of X' reports the topic X."""

    def test_patterns_lost_speak_about_registered(self) -> None:
        """Registered as a cue pattern after intransitive-cue, base confidence 0.5."""
        s = spec(Rule.SPEAK_ABOUT)
        order = ORDER[Stage.CUE]
        assert (Stage.CUE, 0.5) == (s.stage, s.confidence)
        assert order.index(Rule.INTRANSITIVE_CUE) < order.index(Rule.SPEAK_ABOUT)

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            ("Osei spoke about the toll on the new bridge.", "the toll on the new bridge", "Osei"),
            ("The mayor has spoken at length about her plan for the harbour.", "her plan for the harbour", "The mayor"),
            ("Kim spoke warmly of her old teacher before the vote.", "her old teacher", "Kim"),
            ("Ruiz closed the meeting, speaking briefly about the flood.", "the flood", "Ruiz"),
        ],
    )
    def test_patterns_lost_speak_about_reports_the_topic(self, text: str, content: str, speaker: str) -> None:
        """The topic after 'about' or 'of', without the writer's time phrase; the subject speaks."""
        qs = _quotes(text, Rule.SPEAK_ABOUT)
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs]

    @pytest.mark.parametrize(
        "text",
        [
            "Osei spoke at the memorial service on Friday.",
            "Kim spoke warmly to the crowd in the square.",
            "Ruiz closed the meeting, speaking briefly to reporters.",
        ],
    )
    def test_patterns_lost_speak_without_a_topic(self, text: str) -> None:
        """Without 'about' or 'of' a form of 'speak' reports nothing."""
        assert () == quoteattr.extract(text, min_confidence=0).quotes


class TestPassiveByAgent:
    """Rule passive-by-agent: '⟦X⟧ was reported by Y' reports the subject; the agent speaks."""

    def test_patterns_lost_passive_by_agent_declared(self) -> None:
        """Declared as a cue-stage rule with base confidence 0.5 (run by passive-cue)."""
        assert (Stage.CUE, 0.5) == (spec(Rule.PASSIVE_BY_AGENT).stage, spec(Rule.PASSIVE_BY_AGENT).confidence)

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            ("The ferry deal was first reported by the Leith Gazette.", "The ferry deal", "the Leith Gazette"),
            ("The new toll was sharply criticized by local drivers.", "The new toll", "local drivers"),
            ("Osei sent a letter, which was first reported by the Leith Gazette.", "which", "the Leith Gazette"),
            (
                "The port merged the two lists, a practice criticized by the dock union.",
                "a practice",
                "the dock union",
            ),
        ],
    )
    def test_patterns_lost_passive_by_agent_reports_the_subject(self, text: str, content: str, speaker: str) -> None:
        """The subject before the auxiliary is the content, the agent after 'by' the speaker."""
        qs = _quotes(text, Rule.PASSIVE_BY_AGENT)
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs]

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The mayor was told by aides that the pier was unsafe.", "the pier was unsafe"),
            ("Osei was asked by reporters whether he would run.", "whether he would run"),
        ],
    )
    def test_patterns_lost_passive_agent_then_clause(self, text: str, content: str) -> None:
        """Guard agent-then-clause: a clause after the agent is what was said, not the subject."""
        qs = quoteattr.extract(text, min_confidence=0).quotes
        assert [content] == [q.content.text for q in qs]
        assert [] == _quotes(text, Rule.PASSIVE_BY_AGENT)

    def test_patterns_lost_passive_without_agent(self) -> None:
        """Without a 'by' agent a passive cue reports nothing."""
        assert () == quoteattr.extract("The ferry deal was first reported last week.", min_confidence=0).quotes
