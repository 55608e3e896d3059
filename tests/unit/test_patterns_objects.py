"""Rules of :mod:`quoteattr.patterns_objects`: cues whose reported content
opens with their object (issue 16). Sentences written for these tests."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import patterns_objects
from quoteattr.clauses import skip_adjuncts
from quoteattr.registry import ORDER, Rule, Stage, spec

pytestmark = pytest.mark.issue(16)


def _by_rule(text: str, rule: Rule) -> list[tuple[str, str | None]]:
    qs = quoteattr.extract(text, min_confidence=0).quotes
    return [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs if q.rule == rule.value]


class TestObjectToInfinitive:
    """Rule object-to-infinitive: 'urged X to do Y' reports X and the infinitive."""

    def test_patterns_objects_registered_before_call_for(self) -> None:
        """Registered as a cue pattern after colon-quote, before call-for and cue-to-infinitive."""
        s = spec(Rule.OBJECT_TO_INFINITIVE)
        assert (Stage.CUE, 0.6, patterns_objects.object_to_infinitive) == (s.stage, s.confidence, s.func)
        order = ORDER[Stage.CUE]
        assert (
            order.index(Rule.COLON_QUOTE)
            < order.index(Rule.OBJECT_TO_INFINITIVE)
            < order.index(Rule.CALL_FOR)
            < order.index(Rule.CUE_TO_INFINITIVE)
        )

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The harbour master urged ferry crews to stay in port.",
                "ferry crews to stay in port",
                "The harbour master",
            ),
            ("The union called on the board to resign.", "the board to resign", "The union"),
            (
                "Osei has called for the rest of the council to back the plan.",
                "the rest of the council to back the plan",
                "Osei",
            ),
            ("The judge asked both lawyers to approach the bench.", "both lawyers to approach the bench", "The judge"),
            (
                "Police warned drivers in the valley to avoid the old bridge.",
                "drivers in the valley to avoid the old bridge",
                "Police",
            ),
            ("The coach told her players to rest for a week.", "her players to rest for a week", "The coach"),
            (
                "The paper called on Osei and Kim to resign.",
                "Osei and Kim to resign",
                "The paper",
            ),
            ("Unions asked Gov. Ruiz (D) to veto the bill.", "Gov. Ruiz (D) to veto the bill", "Unions"),
        ],
    )
    def test_patterns_objects_reports_object_and_infinitive(self, text: str, content: str, speaker: str) -> None:
        """The content opens with the object and runs to the sentence end; the subject speaks."""
        assert [(content, speaker)] == _by_rule(text, Rule.OBJECT_TO_INFINITIVE)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "The mayor urged residents to save water, which the city can no longer pump.",
                "residents to save water",
            ),
            (
                "The mayor asked the council to delay the vote and has since left for Lisbon.",
                "the council to delay the vote",
            ),
            ("Kim urged fans to buy tickets early - the hall is small.", "fans to buy tickets early"),
            (
                "Kim urged voters to read the plan, and to ask questions.",
                "voters to read the plan, and to ask questions",
            ),
        ],
    )
    def test_patterns_objects_ends_at_the_writers_words(self, text: str, content: str) -> None:
        """The infinitive ends at a comma, semicolon or spaced dash, or before 'and' + a past or auxiliary verb."""
        assert [content] == [c for c, _ in _by_rule(text, Rule.OBJECT_TO_INFINITIVE)]

    @pytest.mark.parametrize(
        "text",
        [
            "The mayor called him a liar.",  # call without on/for: described-as
            "The coach told them to the letter.",  # 'to' + a determiner: no verb
            "She asked him to Paris for the weekend.",  # 'to' + a name
            "Recruits are instructed in how to fold a flag.",  # a preposition, no object
            "The mayor praised residents for saving water to the last drop.",  # not a request cue
            "The clerk told the court that the ferry ran late.",  # a clause: subject-cue-clause
        ],
    )
    def test_patterns_objects_not_without_object_and_infinitive(self, text: str) -> None:
        """No object of one to eight words, or no 'to' + a verb: the rule proposes nothing."""
        assert [] == _by_rule(text, Rule.OBJECT_TO_INFINITIVE)

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            ("Dock Union Calls On Minister To Resign.\n\nIt voted.", "Minister To Resign", "Dock Union"),
            ("Mayor Urges Dockers To End The Strike.\n\nTalks resume today.", "Dockers To End The Strike", "Mayor"),
        ],
    )
    def test_patterns_objects_title_case_headline(self, text: str, content: str, speaker: str) -> None:
        """In a title-case headline 'To' and its verb are capitalised."""
        assert [(content, speaker)] == _by_rule(text, Rule.OBJECT_TO_INFINITIVE)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Kim told the Harbour Gazette he planned to stay neutral.", "he planned to stay neutral"),
            ("Osei told reporters they hoped to reopen the pier.", "they hoped to reopen the pier"),
        ],
    )
    def test_patterns_objects_subject_pronoun_opens_a_clause(self, text: str, content: str) -> None:
        """Guard object-then-subject: a subject pronoun after the object opens the reported clause."""
        assert [] == _by_rule(text, Rule.OBJECT_TO_INFINITIVE)
        assert [content] == [c for c, _ in _by_rule(text, Rule.SUBJECT_CUE_CLAUSE)]

    def test_patterns_objects_capitalised_word_after_lowercase_to(self) -> None:
        """After a lower-case 'to' a capitalised word is a name, not a verb."""
        assert [] == _by_rule("She asked the crew to Lisbon for the weekend.", Rule.OBJECT_TO_INFINITIVE)


class TestCallObjectPredicate:
    """Rule call-object-predicate: 'called X Y' without quotes reports X and Y."""

    def test_patterns_objects_call_predicate_registered(self) -> None:
        """Registered after call-for and before described-as (which takes quoted descriptions)."""
        s = spec(Rule.CALL_OBJECT_PREDICATE)
        assert (Stage.CUE, 0.6, patterns_objects.call_object_predicate) == (s.stage, s.confidence, s.func)
        order = ORDER[Stage.CUE]
        assert order.index(Rule.CALL_FOR) < order.index(Rule.CALL_OBJECT_PREDICATE) < order.index(Rule.DESCRIBED_AS)

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The harbour master called the new timetable a disgrace.",
                "the new timetable a disgrace",
                "The harbour master",
            ),
            ("Osei has called him a fraud, and walked out.", "him a fraud", "Osei"),
            ("Locals call it the best ferry on the coast.", "it the best ferry on the coast", "Locals"),
            (
                "The coach called Kim a loyal, patient and honest player.",
                "Kim a loyal, patient and honest player",
                "The coach",
            ),
            ("Ruiz called her brother her hero before leaving the stage.", "her brother her hero", "Ruiz"),
        ],
    )
    def test_patterns_objects_call_reports_object_and_predicate(self, text: str, content: str, speaker: str) -> None:
        """The object and what it was called, to a comma (not one inside a list) or the writer's 'before ...'."""
        assert [(content, speaker)] == _by_rule(text, Rule.CALL_OBJECT_PREDICATE)

    @pytest.mark.parametrize(
        "text",
        [
            "The mayor called the fire brigade.",  # no predicate
            "She called a meeting for Monday.",  # 'a' opens no object
            "He called her back on Tuesday.",  # a particle, no predicate
            "A charity called Harbour Friends gave the money.",  # a name, then a verb
            "Donors backed a group called Friends of the Pier last year.",  # a name with 'of'
            "The village was called the end of the line.",  # passive
            'Osei called the timetable "a disgrace."',  # quoted: described-as
            "Osei called for a new timetable for the ferry.",  # call-for
        ],
    )
    def test_patterns_objects_call_not_without_predicate(self, text: str) -> None:
        """No object and predicate, a passive, or a quote: the rule proposes nothing."""
        assert [] == _by_rule(text, Rule.CALL_OBJECT_PREDICATE)


class TestAdjunctWordEnd:
    """The adjuncts skipped after a cue end at a word end ('again' is no prefix of 'against')."""

    @pytest.mark.parametrize(
        ("text", "pos", "expected"),
        [
            ("warned against building", 6, 6),
            ("said again that it rained", 4, 11),
            ("said yesterdays were long", 4, 4),
        ],
    )
    def test_clauses_skip_adjuncts_stops_inside_no_word(self, text: str, pos: int, expected: int) -> None:
        """skip_adjuncts moves past whole adjunct words only."""
        assert expected == skip_adjuncts(text, pos, len(text))

    def test_clauses_content_never_starts_inside_a_word(self) -> None:
        """'warned against X' no longer gives content that opens with 'st' (it was cut after 'again')."""
        qs = quoteattr.extract("The mayor warned against building on the old quay.", min_confidence=0).quotes
        assert all(not q.content.text.startswith("st ") for q in qs)


class TestCoordinatedWords:
    """Rule cut-next-attribution: a base-form cue word after a bare 'and' joins words, not attributions."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "The audit says the ferry firm broke federal and state rules by skipping checks.",
                "the ferry firm broke federal and state rules by skipping checks",
            ),
            ("Osei said the grant would cover city and state costs.", "the grant would cover city and state costs"),
        ],
    )
    def test_clauses_coordinated_base_form_is_no_new_attribution(self, text: str, content: str) -> None:
        """The clause runs on past 'and state'."""
        assert [content] == [q.content.text for q in quoteattr.extract(text).quotes]

    def test_clauses_coordinated_past_cue_still_cuts(self) -> None:
        """'... and added that ...' still opens an attribution of its own."""
        text = "The mayor said the bridge was safe and added that the tunnel was not."
        assert ["the bridge was safe", "the tunnel was not"] == [q.content.text for q in quoteattr.extract(text).quotes]
