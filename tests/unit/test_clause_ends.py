"""Where reported clauses end (issue 16): rules of :mod:`quoteattr.clause_ends`.

Sentences written for these tests; the cuts were counted on polnear-train.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import clause_ends  # noqa: F401  (registers the rules of this module)
from quoteattr.clauses import coordinated_cuts
from quoteattr.index import DocIndex
from quoteattr.marks import find_quotes
from quoteattr.pipeline import annotate
from quoteattr.registry import Rule, Stage, spec

pytestmark = pytest.mark.issue(16)


def _contents(text: str) -> list[str]:
    return [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes]


class TestCutClosingParen:
    """Rule cut-closing-paren: a clause inside a parenthesis ends at its ')'."""

    def test_clause_ends_closing_paren_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.CUT_CLOSING_PAREN).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "The ferry kept running. (Osei, of course, said the timing was unrelated.) The port reopened.",
                "the timing was unrelated",
            ),
            (
                "Prices rose again. (The bakers' guild says flour costs doubled in May) and shops closed early.",
                "flour costs doubled in May",
            ),
        ],
    )
    def test_clause_ends_at_closing_paren(self, text: str, content: str) -> None:
        """The clause stops before the ')' that closes the writer's aside."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Osei said the toll (about $5) would stay in place.", "the toll (about $5) would stay in place"),
            ('Osei said the sign read "closed (for now)" all week.', 'the sign read "closed (for now)" all week'),
        ],
    )
    def test_clause_keeps_its_own_parenthesis(self, text: str, content: str) -> None:
        """A parenthesis that opens inside the clause, or a ')' inside a quote, is kept."""
        assert [content] == _contents(text)


class TestCutSummaryAppositive:
    """Rule cut-summary-appositive: the writer's ', a move that ...' after the clause."""

    def test_clause_ends_summary_appositive_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.CUT_SUMMARY_APPOSITIVE).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "The council said the toll would double next year, a move that angered drivers across the valley.",
                "the toll would double next year",
            ),
            (
                "Ruiz said the award should go to Tomas Berg, a retired teacher who ran the shelter for years.",
                "the award should go to Tomas Berg",
            ),
        ],
    )
    def test_clause_ends_before_summary_appositive(self, text: str, content: str) -> None:
        """The clause stops before the writer's appositive with a relative clause."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Ruiz said the bill would end tax breaks, the closure of loopholes that favour large firms.",
                "the bill would end tax breaks, the closure of loopholes that favour large firms",
            ),
            (
                "Ruiz said the ferry would stop at three ports, a few of which lack a pier.",
                "the ferry would stop at three ports, a few of which lack a pier",
            ),
            (
                'Ruiz said the port was "a place, a harbour that never sleeps" in summer.',
                'the port was "a place, a harbour that never sleeps" in summer',
            ),
        ],
    )
    def test_clause_keeps_list_items_and_quotes(self, text: str, content: str) -> None:
        """A list item with 'of', a quantifier or a comma inside a quote does not end the clause."""
        assert [content] == _contents(text)


class TestDanglingDash:
    """Rule dash-elaboration at the end: a spaced dash left at the clause end is dropped."""

    @pytest.mark.parametrize(
        ("text", "contents"),
        [
            (
                "Osei said he was speaking only about the harbour - but he also insisted the bridge was safe.",
                ["he was speaking only about the harbour", "the bridge was safe"],
            ),
            (
                "Osei said he would not run again — and said the party needed new faces.",
                ["he would not run again", "the party needed new faces"],
            ),
        ],
    )
    def test_clause_drops_dangling_dash(self, text: str, contents: list[str]) -> None:
        """The dash before a coordinated attribution is no part of the first clause."""
        assert contents == _contents(text)

    def test_clause_keeps_word_final_hyphen(self) -> None:
        """A hyphen that ends a word ("pre-") stays."""
        assert ["the vote was a matter of pre-"] == _contents("Osei said the vote was a matter of pre-")


class TestWhichAttribution:
    """Rule cut-next-attribution, nested: ', which he called ...' is an attribution of its own."""

    @pytest.mark.parametrize(
        ("text", "contents"),
        [
            (
                'The mayor said the council would cut bus fares, which she called "long overdue."',
                # (the second quote is "which" + "long overdue.": rule described-gap)
                ["the council would cut bus fares", 'which she called "long overdue.'],
            ),
            (
                "Ruiz said the rise was driven by the new port tax, which Mayor Ana Obi said had hurt local shops.",
                # (the second quote is "which" + "had hurt local shops": rule relative-gap)
                ["the rise was driven by the new port tax", "which Mayor Ana Obi said had hurt local shops"],
            ),
        ],
    )
    def test_clause_ends_before_which_attribution(self, text: str, contents: list[str]) -> None:
        """The first clause ends before ', which <speaker> <cue>'."""
        assert contents == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Ruiz said the plan, which he said was costly, would pass.",
                "the plan, which he said was costly, would pass",
            ),
            (
                "Ruiz said the board approved the budget, which includes a new clinic.",
                "the board approved the budget, which includes a new clinic",
            ),
        ],
    )
    def test_clause_keeps_relative_clause(self, text: str, content: str) -> None:
        """A relative clause inside the clause, or one without a speaker and cue, stays."""
        assert [content] == _contents(text)


class TestThoughtCueDoesNotCut:
    """Rule cut-next-attribution: only a speech cue opens a new attribution; 'and wanted' stays."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei said she was tired of the long delays and wanted a new contractor by June.",
                "she was tired of the long delays and wanted a new contractor by June",
            ),
            (
                "Osei said the harbour was busy, but he hopes the new pier will ease the queues.",
                "the harbour was busy, but he hopes the new pier will ease the queues",
            ),
        ],
    )
    def test_clause_runs_past_thought_cue(self, text: str, content: str) -> None:
        """A coordinated thought or intent cue is part of what was said."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "contents"),
        [
            (
                "Osei said the bridge was safe and added that the tunnel would reopen.",
                ["the bridge was safe", "the tunnel would reopen"],
            ),
            (
                "Osei said the harbour was busy, but he warned that the new pier would not open soon.",
                ["the harbour was busy", "the new pier would not open soon"],
            ),
        ],
    )
    def test_clause_ends_before_speech_cue(self, text: str, contents: list[str]) -> None:
        """A coordinated speech cue still starts an attribution of its own."""
        assert contents == _contents(text)


class TestObjectPredicate:
    """Rule cut-coordinated-predicate for an object: 'criticized X and signaled ...' ends X."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The governor criticized the new toll and signaled support for a ferry service.", "the new toll"),
            ("Ruiz blamed the delay on the weather but later refunded the riders.", "the delay on the weather"),
        ],
    )
    def test_object_ends_before_second_predicate(self, text: str, content: str) -> None:
        """The object stops before the speaker's second verb."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Ruiz praised the engineer who was born and raised in the valley.",
                "the engineer who was born and raised in the valley",
            ),
            ("Ruiz praised the quick repairs and the new lights.", "the quick repairs and the new lights"),
        ],
    )
    def test_object_keeps_relative_clause_and_coordinated_nouns(self, text: str, content: str) -> None:
        """Verbs of a relative clause and a coordinated noun phrase stay in the object."""
        assert [content] == _contents(text)


class TestDashElaborationWords:
    """Rule dash-elaboration: only 'namely', 'i.e.', 'e.g.' after a spaced dash end the clause."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei said the storm damaged several towns - including two on the coast.",
                "the storm damaged several towns - including two on the coast",
            ),
            (
                "Osei said prices rose in most regions — especially in the north.",
                "prices rose in most regions — especially in the north",
            ),
        ],
    )
    def test_clause_keeps_dash_including(self, text: str, content: str) -> None:
        """A dash before 'including' or 'especially' stays in what was said."""
        assert [content] == _contents(text)


class TestGerundAttribution:
    """Rule cut-next-attribution for a gerund cue: 'saying X and warning that Y' are two clauses."""

    def test_gerund_clause_ends_before_second_gerund_cue(self) -> None:
        """The first clause ends before 'and warning', which reports its own."""
        text = "The union walked out, saying the offer was an insult and warning that strikes would follow."
        assert ["the offer was an insult", "strikes would follow"] == _contents(text)

    def test_gerund_clause_ends_before_but_admitting(self) -> None:
        """'but admitting' ends the clause of 'saying' too."""
        text = "The mayor defended the plan, saying the bridge was safe but admitting that repairs were late."
        found = [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == "saying-clause"]
        assert ["the bridge was safe"] == found

    def test_gerund_clause_keeps_coordinated_nouns(self) -> None:
        """A gerund that is no speech cue ('growing debts') stays in the clause."""
        text = "The union walked out, saying the offer ignored rising rents and growing debts."
        assert ["the offer ignored rising rents and growing debts"] == _contents(text)


class TestNotOnlyButAlso:
    """Rule cut-coordinated-predicate: 'not only X, but also Y' is one clause."""

    def test_clause_keeps_not_only_but_also(self) -> None:
        """', but also' after 'not only' does not end the clause."""
        text = "Osei said the fund would not only repair the pier, but also rebuild the harbour wall."
        assert ["the fund would not only repair the pier, but also rebuild the harbour wall"] == _contents(text)

    def test_clause_ends_before_but_also_without_not_only(self) -> None:
        """Without 'not only', ', but also' + a verb still ends the clause."""
        assert (
            "he opposes the toll" == _contents("Kim has said he opposes the toll, but also thinks it raises money.")[0]
        )


class TestThousandsComma:
    """Guard thousands-comma of rule cut-next-attribution: '20,000 emails' opens no new subject."""

    @staticmethod
    def _cuts(text: str, subject_word: str) -> list[tuple[int, int]]:
        """The (cue start, cut) pairs of coordinated_cuts when the noun phrase
        before each cue starts at *subject_word* (as np_left read it in the
        news text that showed the bug)."""
        ann = annotate(text, engine="rules")
        doc = DocIndex(ann, find_quotes(text, ann.paragraphs)[0])
        sub = text.index(subject_word)
        table = coordinated_cuts(doc, lambda cue_start: (sub, cue_start - 1))
        return list(zip(table.starts, table.ends, strict=True))

    def test_clause_ends_number_is_no_subject(self) -> None:
        """A comma inside a number ("20,000 Harbour Board emails") is no clause boundary."""
        text = "Osei said the clerks sorted the first batch of 20,000 Harbour Board emails in July."
        assert [] == self._cuts(text, "000 Harbour")

    def test_clause_ends_new_subject_still_cuts(self) -> None:
        """A comma and a new subject before a cue still end the clause."""
        text = "Osei said the toll would rise, but Kim said it would not."
        cue = text.index("said it")
        assert [(cue, text.index(", but"))] == self._cuts(text, "Kim")

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "The board ordered the clerks to sort the roughly 54,000 letters by May.",
                "the clerks to sort the roughly 54,000 letters by May",
            ),
            # a comma after the infinitive still ends it
            ("The board urged the council to act, which it did.", "the council to act"),
        ],
    )
    def test_clause_ends_number_in_infinitive(self, text: str, content: str) -> None:
        """Rule object-to-infinitive: the comma of a number does not end the infinitive."""
        assert [content] == _contents(text)


class TestNounAfterAnd:
    """Guard noun-after-and of rule cut-next-attribution: 'and claims of ...' is no coordinated cue."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei said the harbour needed new cranes and voices in the council.",
                "the harbour needed new cranes and voices in the council",
            ),
            (
                "Kim said the board had ignored the petition and claims of neglect.",
                "the board had ignored the petition and claims of neglect",
            ),
        ],
    )
    def test_clause_ends_noun_after_and_kept(self, text: str, content: str) -> None:
        """A cue word with a preposition after a bare 'and' stays in the clause."""
        assert [content] == _contents(text)

    def test_clause_ends_coordinated_cue_still_cuts(self) -> None:
        """A coordinated cue with a clause of its own still ends the first clause."""
        assert ["the pier was safe", "the ferry would run"] == _contents(
            "Osei said the pier was safe and added that the ferry would run."
        )
