"""Registered reporting patterns, one test class per pattern (issue 15).

The example of CONTRIBUTING.md: rule ``call-for`` is one function,
:func:`quoteattr.patterns_cues.call_for`, registered with its name, stage,
base confidence and example. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import patterns_cues
from quoteattr.registry import ORDER, Rule, Stage, confidence, spec


pytestmark = pytest.mark.issue(15)


def _saying_clause(text: str) -> quoteattr.Quote:
    """The quote rule ``saying-clause`` finds in *text* (StopIteration if none)."""
    return next(q for q in quoteattr.extract(text).quotes if q.rule == Rule.SAYING_CLAUSE.value)


class TestCallFor:
    """Rule call-for: 'X called for Y' reports a demand."""

    def test_patterns_call_for_registered(self) -> None:
        """Registered as a cue pattern, after colon-quote and before described-as."""
        s = spec(Rule.CALL_FOR)
        assert (Stage.CUE, 0.5, patterns_cues.call_for) == (s.stage, s.confidence, s.func)
        order = ORDER[Stage.CUE]
        assert order.index(Rule.COLON_QUOTE) < order.index(Rule.CALL_FOR) < order.index(Rule.DESCRIBED_AS)

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            ("Ferry workers called for a new timetable.", "a new timetable", "Ferry workers"),
            ("The union called for an inquiry into the collapse.", "an inquiry into the collapse", "The union"),
            ("Last week the Harbour Board called for calm on the quays.", "calm on the quays", "the Harbour Board"),
        ],
    )
    def test_patterns_call_for_finds_the_demand(self, text: str, content: str, speaker: str) -> None:
        """Content after 'called for', speaker before it, base confidence plus a named speaker's 0.05."""
        q = quoteattr.extract(text, min_confidence=0).quotes[0]
        assert (Rule.CALL_FOR.value, content, speaker) == (q.rule, q.content.text, q.speaker.mention.text)
        assert round(confidence(Rule.CALL_FOR) + 0.05, 4) == q.confidence

    @pytest.mark.parametrize("text", ["She called the plan a disgrace.", "The union called off the strike."])
    def test_patterns_call_for_other_uses_of_call(self, text: str) -> None:
        """'called X a Y' and 'called off' are no demand."""
        assert [] == [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == Rule.CALL_FOR]


@pytest.mark.issue(16)
class TestNameWord:
    """Rule name-word: a capitalised filler word next to a capitalised name is part of the name."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("Dora May told the panel that the ferry was late.", "Dora May"),
            ("Kit Still said the depot would stay open.", "Kit Still"),
            ("Will Osei said that the harvest was poor.", "Will Osei"),
            ("Ada New says that the tram line is finished.", "Ada New"),
        ],
    )
    def test_patterns_name_word_keeps_the_name(self, text: str, speaker: str) -> None:
        """The surname or first name that is also 'may', 'still', 'will', 'new' stays in the speaker."""
        q = quoteattr.extract(text).quotes[0]
        assert speaker == q.speaker.mention.text

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("Ms. Ode also said that the ferry was late.", "Ms. Ode"),
            ("The harbour master will say that the tide was high.", "The harbour master"),
        ],
    )
    def test_patterns_name_word_lowercase_fillers_are_skipped(self, text: str, speaker: str) -> None:
        """A lower-case 'also' or 'will' between speaker and cue is still skipped."""
        q = quoteattr.extract(text).quotes[0]
        assert speaker == q.speaker.mention.text

    def test_patterns_name_word_new_as_adjective(self) -> None:
        """'The new rules say' keeps 'rules' a noun: no quote."""
        assert () == quoteattr.extract("The new rules say nothing about ferries.", min_confidence=0).quotes


@pytest.mark.issue(16)
class TestThoughtCue:
    """Rule subject-cue-clause: a thought cue reports no claim at the default threshold."""

    @pytest.mark.parametrize(
        "text",
        ["The skipper believes that the storm will pass by noon.", "Most growers thought the frost was over."],
    )
    def test_patterns_thought_cue_below_default(self, text: str) -> None:
        """Dropped at the default min_confidence, kept (cue class thought) below it."""
        assert () == quoteattr.extract(text).quotes
        q = quoteattr.extract(text, min_confidence=0).quotes[0]
        assert (Rule.SUBJECT_CUE_CLAUSE.value, "thought") == (q.rule, q.cue_class.value)

    def test_patterns_speech_cue_kept(self) -> None:
        """The same sentence with a speech cue stays."""
        q = quoteattr.extract("The skipper said that the storm will pass by noon.").quotes[0]
        assert "the storm will pass by noon" == q.content.text


@pytest.mark.issue(16)
class TestAdjunctSubject:
    """Rule adjunct-subject: the speaker of ', saying ...' after an opening adjunct."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            (
                "Here in Leeds, Okafor stepped up his attack on the levy, saying the farmers were being robbed.",
                "Okafor",
            ),
            ("At a rally in Leeds, Okafor was blunt, claiming the levy was theft.", "Okafor"),
            (
                "In a statement on Friday, the union leader turned down the pay deal, saying it was an insult.",
                "the union leader",
            ),
        ],
    )
    def test_patterns_adjunct_subject_finds_the_subject(self, text: str, speaker: str) -> None:
        """The noun phrase after the adjunct's comma, not a noun inside the adjunct."""
        q = _saying_clause(text)
        assert speaker == q.speaker.mention.text

    def test_patterns_adjunct_subject_plain_sentence(self) -> None:
        """Without an opening adjunct the subject is found as before."""
        q = quoteattr.extract("The union walked out, saying the offer was an insult.").quotes[0]
        assert "The union" == q.speaker.mention.text


@pytest.mark.issue(16)
class TestSentenceSubject:
    """Rules subject-noun-cue and subject-after-lead-phrase: the speaker of ', saying ...'."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            # a cue word used as a noun ("State", "retort", "email") is no verb
            ("She set out her plan for beating the Islamic State, stating that the group would fall.", "She"),
            ("The mayor gave a sharp retort to the council, insisting that the budget was sound.", "The mayor"),
            ("He kept a private email server at home, arguing that it was secure.", "He"),
        ],
    )
    def test_patterns_subject_noun_cue_is_skipped(self, text: str, speaker: str) -> None:
        """The subject before a noun that the cue lexicon knows as a verb is not taken."""
        q = _saying_clause(text)
        assert speaker == q.speaker.mention.text

    def test_patterns_subject_before_a_real_cue_verb_is_kept(self) -> None:
        """A cue verb in the sentence still gives its subject: 'The union said no, adding ...'."""
        q = _saying_clause("The union said no to the offer, adding that talks were over.")
        assert "The union" == q.speaker.mention.text

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("For months, Amara Osei has stayed out of the fight, arguing that it was not hers.", "Amara Osei"),
            ("Without a word of warning, the board shut the plant, saying demand had collapsed.", "the board"),
            ("Despite the rain, Dr. Kofi Mensah kept the clinic open, insisting that it was safe.", "Dr. Kofi Mensah"),
        ],
    )
    def test_patterns_subject_after_lead_phrase(self, text: str, speaker: str) -> None:
        """A sentence that opens with a phrase and no noun phrase has its subject after the comma."""
        q = _saying_clause(text)
        assert speaker == q.speaker.mention.text


@pytest.mark.issue(16)
@pytest.mark.parametrize("close", ["''", '"', "”"])
def test_patterns_saying_clause_after_a_closing_quote(close: str) -> None:
    """', saying' after a quote closed by any mark, the NYT's two apostrophes included."""
    open_ = {"''": "''", '"': '"', "”": "“"}[close]
    text = f"The mayor called the levy {open_}a tax on hope,{close} saying it would drive families away."
    q = _saying_clause(text)
    assert ("it would drive families away", "The mayor") == (q.content.text, q.speaker.mention.text)


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The general said about 4,000 soldiers would stay in the north.",
            "about 4,000 soldiers would stay in the north",
        ),
        ("Officials said about half of the ballots had been counted.", "about half of the ballots had been counted"),
    ],
)
def test_patterns_about_quantity_opens_a_clause(text: str, content: str) -> None:
    """Rule about-quantity: 'about' before a number is 'roughly', and the reported clause starts there."""
    assert content in [q.content.text for q in quoteattr.extract(text).quotes]


def test_patterns_about_topic_opens_no_clause() -> None:
    """'said about the plan' is a topic, not a reported clause."""
    assert [] == [
        q.content.text for q in quoteattr.extract("The mayor said about the plan only what was already known.").quotes
    ]


@pytest.mark.issue(16)
class TestSubjectlessCue:
    """Rule subjectless-cue: 'say' after a subject the chunker cannot read still reports."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Some 47% say the council should cut the levy.", "the council should cut the levy"),
            ("Friends of the mayor who have seen him lately say he is tired.", "he is tired"),
        ],
    )
    def test_patterns_subjectless_cue_reports(self, text: str, content: str) -> None:
        """The clause after the cue, below the confidence of a read subject."""
        q = quoteattr.extract(text).quotes[0]
        assert (Rule.SUBJECT_CUE_CLAUSE.value, content) == (q.rule, q.content.text)
        assert q.confidence < confidence(Rule.SUBJECT_CUE_CLAUSE)

    @pytest.mark.parametrize("text", ["The rules of the say on pay vote are new.", "It is hard to say the least."])
    def test_patterns_subjectless_cue_not_after_function_words(self, text: str) -> None:
        """'to say', 'the say' are no reporting verbs with a lost subject."""
        assert [] == [q for q in quoteattr.extract(text).quotes if q.rule == Rule.SUBJECT_CUE_CLAUSE.value]


@pytest.mark.issue(16)
class TestAccordingToShapes:
    """Rule according-to: clauses that open like no clause after a verb, and a source with an appositive."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "According to the harbour board, about 12 percent of the boats are unsafe.",
                "about 12 percent of the boats are unsafe",
                "the harbour board",
            ),
            (
                "According to state law, no one may fish within 150 feet of the pier.",
                "no one may fish within 150 feet of the pier",
                "state law",
            ),
            (
                "The ferry will stop in May, according to Ana Ruiz, a spokeswoman for the board.",
                "The ferry will stop in May",
                "Ana Ruiz",
            ),
        ],
    )
    def test_patterns_according_to_shapes(self, text: str, content: str, speaker: str) -> None:
        """The clause and the source are found."""
        q = quoteattr.extract(text).quotes[0]
        assert (Rule.ACCORDING_TO.value, content, speaker) == (q.rule, q.content.text, q.speaker.mention.text)

    def test_patterns_according_to_not_before_to(self) -> None:
        """'According to X, to ...' opens no clause."""
        text = "According to the guide, to reach the pier, walk north."
        assert [] == [q for q in quoteattr.extract(text).quotes if q.rule == Rule.ACCORDING_TO.value]


def _contents(text: str) -> list[str]:
    return [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes]


@pytest.mark.issue(16)
class TestLateThat:
    """Rule late-that: a 'that' after a place, time or addressee phrase opens the clause."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The mayor said at the time that the ferry would run all winter.", "the ferry would run all winter"),
            ("Okafor said during Sunday's debate that he would cut the toll.", "he would cut the toll"),
            (
                "Kim told a packed hall at a school in Leith, Scotland, on Friday that the mill must stay open.",
                "the mill must stay open",
            ),
            ("The minister said instead that every school would get a nurse.", "every school would get a nurse"),
            ("Diaz expressed concern that the harbour was silting up.", "the harbour was silting up"),
            ("The warden asked walkers on the ridge whether they had seen the fire.", "whether they had seen the fire"),
            # guard quote-after-that: a quotation mark may open the clause after "that"
            ("The coach said after the match that “every player gave everything.”", "every player gave everything."),
            # guard parenthetical-then-that: an aside between two commas
            ("The mayor said, through an interpreter, that the ferry would run.", "the ferry would run"),
            ("Kim says, however, that the toll must rise.", "the toll must rise"),
            ("Kim said — on the radio, as it happens — that the mill would close.", "the mill would close"),
            # guard adverb-opener
            ("Osei argued forcefully that the mill should stay open.", "the mill should stay open"),
            # guard late-quote: a comma or colon and a quotation mark after the place or time words
            ("Kim said during the debate, “The deal is dead.”", "The deal is dead."),
            ("The mayor said in her speech on Monday, \"Nobody will lose a job.\"", "Nobody will lose a job."),
            # guard addressee-wh
            ("The warden asked the two hikers on the ridge why they had lit a stove.", "why they had lit a stove"),
            # after a gerund cue too (rule saying-clause)
            ("The bishop left the city, saying at a church in Leith that the mill must stay.", "the mill must stay"),
            ("Osei stayed calm, telling reporters in May that the count was fair.", "the count was fair"),
            ("The warden asked the hikers how the fire had started.", "how the fire had started"),
        ],
    )
    def test_patterns_late_that_opens_the_clause(self, text: str, content: str) -> None:
        """The words before the late 'that' are not content; 'that' itself is dropped, 'whether' kept."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # a finite verb right after 'that': a relative clause, nothing skipped
            ("The mayor said at the depot that was built last year he would resign.", "at the depot"),
            # 'so that' is no complementiser
            ("Osei said in his view the bridge should close early so that crews can work.", "in his view"),
        ],
    )
    def test_patterns_late_that_relative_or_purpose(self, text: str, content: str) -> None:
        """No late 'that' is taken when it opens a relative clause or follows 'so'."""
        assert all(not c.startswith(("was", "crews")) for c in _contents(text))
        assert all(c.startswith(content) for c in _contents(text))

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # an aside with no "that" after its closing comma keeps its words
            ("Kim says, like her rivals, the toll must rise.", "like her rivals, the toll must rise"),
            # "that." is a pronoun, not the start of a clause
            ("The mayor said in the end that. Nobody listened.", "in the end that"),
            # late-quote needs an opening word: after a noun phrase the quote stays in the clause
            ("Kim denied the report about the ferry, “It is false.”", "the report about the ferry, “It is false.”"),
            # "who" after the addressee opens a relative clause, not a question
            ("The warden asked the hikers who had camped there to leave.", None),
        ],
    )
    def test_patterns_late_that_needs_its_that(self, text: str, content: str | None) -> None:
        """No late 'that' without the shape each guard names: the words after the cue stay."""
        qs = [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == "subject-cue-clause"]
        if content is None:
            assert not any(q.content.text.startswith("who") for q in qs)
        else:
            assert [content] == [q.content.text for q in qs]

    def test_patterns_late_that_registered(self) -> None:
        """Declared as a clause rule with an example."""
        assert Stage.CLAUSE == spec(Rule.LATE_THAT).stage


@pytest.mark.issue(16)
class TestClauseCutsIssue16:
    """Rules cut-concession (', while'), cut-coordinated-predicate (', but did') and cut-relative-tail (', who')."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Most farmers said the rain came too late, while a few welcomed the delay.", "the rain came too late"),
            ("Ngata said the pier was safe, but did not say when it would reopen.", "the pier was safe"),
            ("Bauer said she would vote for Lindqvist, who leads the county race.", "she would vote for Lindqvist"),
        ],
    )
    def test_patterns_clause_ends_before_the_writer(self, text: str, content: str) -> None:
        """The reported clause ends before the writer's own addition."""
        assert content == _contents(text)[0]

    def test_patterns_relative_tail_needs_a_clause_before(self) -> None:
        """', who' right after a subject with no verb yet does not cut the clause."""
        text = "Bauer said the farmers, who had waited all week, were angry."
        assert ["the farmers, who had waited all week, were angry"] == _contents(text)


@pytest.mark.issue(16)
class TestAskedQuestion:
    """Rule asked-question: a fronted or 'when' clause of 'asked' reports the question."""

    def test_patterns_asked_question_registered(self) -> None:
        """Registered as a cue pattern before saying-clause and passive-cue."""
        s = spec(Rule.ASKED_QUESTION)
        assert (Stage.CUE, 0.6, patterns_cues.asked_question) == (s.stage, s.confidence, s.func)
        order = ORDER[Stage.CUE]
        assert order.index(Rule.ASKED_QUESTION) < order.index(Rule.PASSIVE_CUE)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Asked whether the ferry would run in March, the harbour master shrugged.",
                "whether the ferry would run in March",
            ),
            ("When asked about the new toll on the bridge, Osei changed the subject.", "the new toll on the bridge"),
            ("Asked on local radio who would pay for the dam, the minister hesitated.", "who would pay for the dam"),
            (
                "The mayor smiled when asked if the depot in the U.S. would close.",
                "if the depot in the U.S. would close",
            ),
        ],
    )
    def test_patterns_asked_question_reports_the_question(self, text: str, content: str) -> None:
        """The question runs from its question word (after 'about') to the comma or the sentence end; no speaker."""
        qs = [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == Rule.ASKED_QUESTION]
        assert [(content, None)] == [(q.content.text, q.speaker) for q in qs]

    @pytest.mark.parametrize(
        "text",
        [
            "The council asked whether the ferry would run.",  # a named asker: subject-cue-clause
            "Asked to resign, the treasurer refused.",  # no question word
            "She was asked for a photo by a fan.",
        ],
    )
    def test_patterns_asked_question_not_elsewhere(self, text: str) -> None:
        """Not after a subject, nor without a question word or 'about'."""
        assert [] == [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == Rule.ASKED_QUESTION]

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "The ferry was late again.\n\nAsked whether it would run in March, the harbour master shrugged.",
                "whether it would run in March",
            ),
            ("Tolls rose twice. Asked about the new toll, Osei changed the subject.", "the new toll"),
            ("The depot shut.\n\nAsked on radio who would pay for it, the minister hesitated.", "who would pay for it"),
        ],
    )
    def test_patterns_asked_question_after_the_first_sentence(self, text: str, content: str) -> None:
        """Guard asked-sentence-start: "Asked" that opens any sentence, not only the text's first."""
        qs = [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == Rule.ASKED_QUESTION]
        assert [content] == [q.content.text for q in qs]

    @pytest.mark.parametrize(
        "text",
        [
            "The ferry was late again. Harbour staff, tired, asked whether it would run in March.",
            "The ferry was late again. Staff who asked about the toll were told to wait.",
        ],
    )
    def test_patterns_asked_question_not_inside_a_later_sentence(self, text: str) -> None:
        """A later sentence's "asked" after its subject is no fronted "Asked"."""
        assert [] == [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == Rule.ASKED_QUESTION]


@pytest.mark.issue(16)
class TestBarePhrase:
    """Rule bare-phrase: a short bare quote that starts after a word is the writer's phrase."""

    @pytest.mark.parametrize(
        "text",
        [
            'The ferry line ended the year with a "solid share of the market."',
            'Locals still know the old mill as "the place where nothing ever happens."',
        ],
    )
    def test_patterns_bare_phrase_keeps_base_confidence(self, text: str) -> None:
        """Under 8 words, after a word: direct-bare's base confidence, below the default threshold."""
        qs = quoteattr.extract(text, min_confidence=0).quotes
        assert [(Rule.DIRECT_BARE.value, confidence(Rule.DIRECT_BARE))] == [
            (q.rule, q.confidence) for q in qs if q.cue is None
        ]
        assert [] == [q for q in quoteattr.extract(text).quotes if q.cue is None]

    @pytest.mark.parametrize(
        "text",
        [
            'The crowd waited in the rain. "We will not leave the square tonight."',  # after a sentence
            'It was a long winter. She called the cottage "A cold little box!"',  # an exclamation
            'The ferry line expects to finish the year with "a solid share of the market in every one of its ports."',
        ],
    )
    def test_patterns_bare_phrase_not_for_speech(self, text: str) -> None:
        """A quote after a sentence end, an exclamation, or 8 words or more keeps 0.4 or more."""
        qs = quoteattr.extract(text, min_confidence=0).quotes
        assert 1 == len(qs)
        assert qs[0].confidence >= 0.4


def test_patterns_late_that_stops_at_a_gerund() -> None:
    """Rule late-that: a gerund between the cue and 'that' ends the scan."""
    text = "Okafor urged his horse on at a gallop, hoping that the rain would hold off."
    qs = quoteattr.extract(text, min_confidence=0).quotes
    assert [("hoping", "the rain would hold off")] == [
        (q.cue.text, q.content.text) for q in qs if q.cue and q.content.text == "the rain would hold off"
    ]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The bakery said its flour had run out and added that no loaves would be baked.", "no loaves would be baked"),
        ("Osei said that nothing had been decided about the pier.", "nothing had been decided about the pier"),
    ],
)
def test_patterns_clause_after_that_may_open_with_no(text: str, content: str) -> None:
    """After "that", a clause may open with "no" or "nothing" (not an answer as in 'said no')."""
    assert content in _contents(text)


@pytest.mark.issue(16)
def test_patterns_said_no_is_an_answer() -> None:
    """Without "that", 'said no' reports no clause."""
    assert [] == _contents("The council said no to the new pier.")


@pytest.mark.issue(16)
class TestSayingObject:
    """Rule saying-object: a gerund cue whose object is the message reports the object."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The harbour master closed the quay, citing high winds and a broken crane.",
                "high winds and a broken crane",
                "The harbour master",
            ),
            ("Osei voted against the budget, criticizing the cuts to rural buses.", "the cuts to rural buses", "Osei"),
            ('"We will not move," Diaz said, referring to the striking dockers.', "the striking dockers", "Diaz"),
        ],
    )
    def test_patterns_saying_object_reports_the_object(self, text: str, content: str, speaker: str) -> None:
        """The object after the gerund is the content; the sentence's subject speaks."""
        qs = [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == Rule.SAYING_OBJECT]
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text) for q in qs]

    def test_patterns_saying_object_not_for_other_gerunds(self) -> None:
        """A gerund cue outside the object-message frame ('ordering') proposes no object."""
        text = "The mayor closed the quay, ordering a new crane."
        assert [] == [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == Rule.SAYING_OBJECT]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Okafor pointed to the empty warehouses along the canal.", "the empty warehouses along the canal"),
        # (rule cut-object-occasion: the object ends before "in her speech")
        ("The senator referred to the ferry strike twice in her speech.", "the ferry strike twice"),
    ],
)
def test_patterns_point_to_and_refer_to_are_cues(text: str, content: str) -> None:
    """'pointed to' and 'referred to' (cue_phrases.txt, frame object-message) report their object."""
    assert [content] == _contents(text)


@pytest.mark.issue(16)
class TestPromiseTo:
    """Rule promise-to: an infinitive after vow, promise or threaten is a pledge kept at 0.45."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The dockers' union has vowed to strike in May.", "to strike in May"),
            ("Okafor promised to reopen the night bus.", "to reopen the night bus"),
            ("The landlord threatened to evict every tenant on the row.", "to evict every tenant on the row"),
        ],
    )
    def test_patterns_promise_to_kept(self, text: str, content: str) -> None:
        """Found at the default threshold."""
        qs = quoteattr.extract(text).quotes
        assert [(Rule.PROMISE_TO.value, content)] == [(q.rule, q.content.text) for q in qs]

    def test_patterns_other_infinitive_cues_stay_low(self) -> None:
        """'expected to' stays cue-to-infinitive at 0.25, under the default threshold."""
        text = "The council expected to finish the bridge in June."
        assert () == quoteattr.extract(text).quotes


@pytest.mark.issue(16)
class TestClauseCueSubjectAppositive:
    """Rule clause-cue-subject: no clause when the text before the comma is a subject and its appositive."""

    @pytest.mark.parametrize(
        "text",
        [
            "Mara Lindqvist, a ferry captain from Leith, recalled the storm of 1998.",
            "The co-op, which does not publish its accounts, denied the report.",
            "Tom Osei, who runs a small bakery in Hull, endorsed the mayor.",
        ],
    )
    def test_patterns_clause_cue_subject_not_after_appositive(self, text: str) -> None:
        """The subject and its appositive are not reported as a clause."""
        qs = quoteattr.extract(text, min_confidence=0).quotes
        assert [] == [q for q in qs if q.rule == Rule.CLAUSE_CUE_SUBJECT]

    def test_patterns_clause_cue_subject_still_found(self) -> None:
        """A clause before ', said X.' is still found, also with a relative clause inside."""
        text = "The bridge, which opened in 1990, is unsafe, said the chief engineer."
        qs = quoteattr.extract(text, min_confidence=0).quotes
        assert [("The bridge, which opened in 1990, is unsafe", "the chief engineer")] == [
            (q.content.text, q.speaker.mention.text) for q in qs if q.rule == Rule.CLAUSE_CUE_SUBJECT
        ]


@pytest.mark.issue(16)
class TestNounSaying:
    """Rule noun-saying: 'saying' right after a noun phrase reports its clause."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The poll left Diaz second, with 22 percent of voters saying they would not back her.",
                "they would not back her",
                "22 percent of voters",
            ),
            (
                "Most dockers voted for the deal, with a third saying they had no choice.",
                "they had no choice",
                "a third",
            ),
        ],
    )
    def test_patterns_noun_saying_reports(self, text: str, content: str, speaker: str) -> None:
        """The clause after 'saying' is content; the noun phrase before it speaks."""
        qs = [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == Rule.NOUN_SAYING]
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text) for q in qs]

    @pytest.mark.parametrize(
        "text",
        ["She talked about saying goodbye to the crew.", "The crew were saying the port will close."],
    )
    def test_patterns_noun_saying_not_after_function_words(self, text: str) -> None:
        """Not after a preposition or an auxiliary."""
        qs = quoteattr.extract(text, min_confidence=0).quotes
        assert [] == [q for q in qs if q.rule == Rule.NOUN_SAYING]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The plan is an insult to every tenant on the estate, three local councillors said Friday afternoon.",
            "The plan is an insult to every tenant on the estate",
        ),
        ("Kim told reporters Tuesday morning that the depot would close.", "the depot would close"),
    ],
)
def test_patterns_day_and_part_of_day_is_an_adjunct(text: str, content: str) -> None:
    """ADJUNCT_RE skips 'Friday afternoon', 'Tuesday morning' after a cue (a fronted clause, a late 'that')."""
    assert [content] == _contents(text)



@pytest.mark.issue(16)
class TestLeadConnective:
    """Guard lead-connective: a clause before its cue starts after a sentence-initial connective or dateline."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Still, most riders back the new timetable, according to a survey by the transit board.",
                "most riders back the new timetable",
            ),
            ("In fact, the ferry has never made money, the harbour master said.", "the ferry has never made money"),
            ("LEEDS (Reuters) - The mill will close next spring, its owner said.", "The mill will close next spring"),
            ("LEEDS — The mill will close next spring, its owner said.", "The mill will close next spring"),
        ],
    )
    def test_patterns_lead_connective_is_not_content(self, text: str, content: str) -> None:
        """The connective or dateline is the writer's: the content starts after it."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # a bare conjunction stays (PolNeAR keeps "But ..." in the content)
            ("But the mill will close next spring, its owner said.", "But the mill will close next spring"),
            # a subordinate clause is part of the reported words
            ("While sales fell, the mill will stay open, its owner said.", "While sales fell, the mill will stay open"),
            # lowercase words before a dash are no dateline
            ("Sales fell - and the mill will close, its owner said.", "Sales fell - and the mill will close"),
        ],
    )
    def test_patterns_lead_connective_keeps_other_openings(self, text: str, content: str) -> None:
        """Only the listed connectives and capitalised datelines are dropped."""
        assert [content] == _contents(text)


@pytest.mark.issue(16)
class TestNounFirst:
    """Guard noun-first: cue forms news uses mostly as nouns are verbs only before a clause-opening 'that'."""

    @pytest.mark.parametrize(
        "text",
        [
            "The mayor toured the 12 states that border the lake.",
            "Voters in all 50 states backed the plan.",
            "Rust Belt states that have lost jobs voted for him.",
            "The union's emails reached every member.",
            "The party rules set the date of the vote.",
        ],
    )
    def test_patterns_noun_first_is_a_noun(self, text: str) -> None:
        """No quote is read from 'states', 'emails' or 'rules' used as a noun."""
        assert [] == [q.cue.text for q in quoteattr.extract(text, min_confidence=0).quotes if q.cue]

    @pytest.mark.parametrize(
        ("text", "cue", "content"),
        [
            ("The memo states that the bridge is safe.", "states", "the bridge is safe"),
            ("The judge rules that the law stands.", "rules", "the law stands"),
            ("A state senator said the bridge was safe.", "said", "the bridge was safe"),
            # right after a quote and its speaker the form is the attribution's verb
            ('"The bridge is safe," Kim Osei states.', "states", "The bridge is safe,"),
            ('"The bridge is safe," she states.', "states", "The bridge is safe,"),
        ],
    )
    def test_patterns_noun_first_verb_before_that(self, text: str, cue: str, content: str) -> None:
        """Before a 'that' that opens a clause the form is a verb; 'state' before a noun is no cue."""
        assert [(cue, content)] == [(q.cue.text, q.content.text) for q in quoteattr.extract(text).quotes if q.cue]


@pytest.mark.issue(16)
class TestIntransitiveCue:
    """Rule intransitive-cue: a form of 'speak' with no 'about', 'of' or 'out' after it proposes no clause."""

    @pytest.mark.parametrize(
        "text",
        [
            "Kim, speaking at the harbour in Leith, was cheered by the crowd.",
            "Osei spoke Monday night at a town hall hosted by the union.",
            "The minister spoke over boos from the crowd as she left the stage.",
        ],
    )
    def test_patterns_intransitive_cue_no_clause(self, text: str) -> None:
        """Where and when someone spoke is not what they said."""
        assert [] == [q.content.text for q in quoteattr.extract(text).quotes]

    def test_patterns_intransitive_cue_keeps_quotes(self) -> None:
        """A quote the cue attaches to (stage region) is kept."""
        qs = quoteattr.extract('"We will rebuild the harbour," she spoke softly.').quotes
        assert [("spoke", "We will rebuild the harbour,")] == [(q.cue.text, q.content.text) for q in qs if q.cue]

    def test_patterns_intransitive_cue_registered(self) -> None:
        """A cue filter, run before the clause patterns."""
        order = ORDER[Stage.CUE]
        assert order.index(Rule.INTRANSITIVE_CUE) < order.index(Rule.SUBJECT_CUE_CLAUSE)


@pytest.mark.issue(16)
class TestSourceAppositive:
    """Guard source-appositive: words describing the source after 'CLAUSE, according to X,' are not the content."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Turnout fell by a third, according to Mina Osei, director of the Leith Polling Centre, which ran it.",
                "Turnout fell by a third",
            ),
            ("The mill lost money, according to Kim Diaz, who audited its books.", "The mill lost money"),
            ("The toll will rise, according to Ana Ruiz, writing for the Leith Herald.", "The toll will rise"),
        ],
    )
    def test_patterns_source_appositive_clause_before(self, text: str, content: str) -> None:
        """The clause before the source phrase is the content."""
        assert [content] == _contents(text)

    def test_patterns_source_appositive_source_first(self) -> None:
        """A source phrase that opens the sentence still reports the clause after it."""
        text = "According to the harbour board, the ferry will run all winter."
        assert ["the ferry will run all winter"] == _contents(text)


@pytest.mark.issue(16)
def test_patterns_source_inside_one_clause() -> None:
    """Guard source-inside: a source phrase between a subject and its verb leaves two pieces of one clause."""
    qs = quoteattr.extract("Most striking, according to the poll, was the turnout among young voters.").quotes
    assert [("according-to", ["Most striking", "was the turnout among young voters"], "the poll")] == [
        (q.rule, [p.text for p in q.parts], q.speaker.mention.text if q.speaker else None) for q in qs
    ]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "text",
    [
        "LEEDS (Reuters) - Mayor Ana Ruiz met the survivors on Thursday and said the city must act.",
        "PORTO ALEGRE, Brazil — Mayor Ana Ruiz met the survivors on Thursday and said the city must act.",
    ],
)
def test_patterns_dateline_subject(text: str) -> None:
    """Guard dateline-subject: the subject of a coordinated cue is read after the dateline, not the place."""
    qs = quoteattr.extract(text).quotes
    assert [("the city must act", "Mayor Ana Ruiz")] == [
        (q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs
    ]


@pytest.mark.issue(16)
class TestHeadlineCue:
    """Guard headline-cue: the capitalised verb of a title-case headline paragraph is a cue."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            ("Mayor Ana Ruiz Says Harbour Will Close.\n\nShe spoke on Monday.", "Harbour Will Close", "Mayor Ana Ruiz"),
            ("Osei Warns The Mill Could Shut By May.\n\nWorkers met on Friday.", "The Mill Could Shut By May", "Osei"),
        ],
    )
    def test_patterns_headline_cue_reports(self, text: str, content: str, speaker: str) -> None:
        """The headline's subject is the speaker and the rest its claim."""
        qs = [q for q in quoteattr.extract(text).quotes if q.cue and q.cue.start < text.index("\n")]
        found = [(q.content.text.rstrip("."), q.speaker.mention.text if q.speaker else None) for q in qs]
        assert [(content, speaker)] == found

    def test_patterns_headline_cue_unpunctuated_scores_low(self) -> None:
        """Without final punctuation the line is a headline (rule headline): found, below the default threshold."""
        text = "Mayor Ana Ruiz Says Harbour Will Close\n\nShe spoke on Monday."
        qs = [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.cue and q.cue.text == "Says"]
        assert [("Harbour Will Close", True)] == [(q.content.text, q.confidence < 0.3) for q in qs]

    @pytest.mark.parametrize(
        "text",
        [
            # a capitalised cue word inside a sentence of prose is part of a name
            "The mill was sold under the Says Law of 1921, and the workers left for the harbour town that spring.",
            # a title-case line that is not its own paragraph is no headline
            "Mayor Ana Ruiz Says Harbour Will Close and then she walked out of the hall.",
        ],
    )
    def test_patterns_headline_cue_only_in_headlines(self, text: str) -> None:
        """No quote from 'Says' outside a headline paragraph."""
        assert [] == [q.cue.text for q in quoteattr.extract(text).quotes if q.cue and q.cue.text == "Says"]
