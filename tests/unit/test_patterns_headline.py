"""Rule ``headline-colon`` (issue 16): 'Source: claim.' as a document's
headline. Sentences and headlines written for these tests."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import patterns_headline
from quoteattr.registry import ORDER, Rule, Stage, spec

pytestmark = pytest.mark.issue(16)

_BODY = "\n\nThe councillor spoke to reporters at the harbour on Monday evening.\n"


def _headline_quotes(headline: str) -> list[quoteattr.Quote]:
    """The quotes of rule headline-colon in a story under *headline*."""
    result = quoteattr.extract(headline + _BODY, min_confidence=0)
    return [q for q in result.quotes if q.rule == Rule.HEADLINE_COLON.value]


class TestHeadlineColon:
    """A first paragraph 'Source: claim.' reports the source's claim; the colon is the cue."""

    def test_patterns_headline_colon_registered(self) -> None:
        """Registered as a paragraph pattern, after transcript-speaker."""
        s = spec(Rule.HEADLINE_COLON)
        assert (Stage.PARAGRAPH, 0.9, patterns_headline.headline_colon) == (s.stage, s.confidence, s.func)
        assert (Rule.TRANSCRIPT_SPEAKER, Rule.HEADLINE_COLON) == ORDER[Stage.PARAGRAPH]

    @pytest.mark.parametrize(
        ("headline", "content", "speaker"),
        [
            ("Osei: Harbour Tax Will Sink The Ferry Service.", "Harbour Tax Will Sink The Ferry Service", "Osei"),
            ("Mara Lind: the tram budget is 'a fantasy.'", "the tram budget is 'a fantasy.'", "Mara Lind"),
            ("Ruiz camp: New port plan costs too much.", "New port plan costs too much", "Ruiz camp"),
            ("Osei to Dock Workers: Strike will not help.", "Strike will not help", "Osei"),
            ("EXCLUSIVE – Tomas Berg: The Quay Audit Was Rigged.", "The Quay Audit Was Rigged", "Tomas Berg"),
            ("Lind: Tram fares will rise; \nCity faces a deficit.", "Tram fares will rise", "Lind"),
            ("Dr. Ada Osei: The Ferry Tax Is A Mistake.", "The Ferry Tax Is A Mistake", "Dr. Ada Osei"),
            ("U.S. Envoy: Harbour Talks Will Resume.", "Harbour Talks Will Resume", "U.S. Envoy"),
        ],
    )
    def test_patterns_headline_colon_finds_the_claim(self, headline: str, content: str, speaker: str) -> None:
        """The claim after the colon (no final period, first line only), the label's name as speaker."""
        (q,) = _headline_quotes(headline)
        assert (content, speaker, ":") == (q.content.text, q.speaker.mention.text, q.cue.text)

    @pytest.mark.parametrize(
        "headline",
        [
            "Breaking: Ferry service suspended after storm.",  # a kicker
            "The Latest: Tram line opens to the public.",  # a kicker
            "Harbour Update: Two berths reopen this week.",  # a kicker as last word
            "Osei: Will the ferry survive the winter?",  # a question
            "Osei and Lind: A rivalry on the waterfront.",  # two names joined: a topic
            "Tomas Berg on Trams: The line must be finished.",  # a preposition: a topic
            "Mara Lind Warns Council: Tram plan is unsound.",  # a reporting verb in the label
            "Thursday's Briefing: Ferry fares and tram delays.",  # a day
            "DOCKSIDE: Fares go up again in spring.",  # a long upper-case section name
            "Osei Quits. Lind: The tax stays.",  # a sentence ends inside the label
        ],
    )
    def test_patterns_headline_colon_not_a_source(self, headline: str) -> None:
        """Kickers, questions, topics and headlines with a verb before the colon report nobody."""
        assert [] == _headline_quotes(headline)

    def test_patterns_headline_colon_first_paragraph_only(self) -> None:
        """A 'Name: words' paragraph further down the story is not a headline."""
        text = "Ferry fares rise again." + _BODY + "\nOsei: The harbour tax is too high.\n"
        assert [] == [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == Rule.HEADLINE_COLON]

    def test_patterns_headline_colon_needs_a_story(self) -> None:
        """A single paragraph is no headline."""
        text = "Osei: The harbour tax is too high."
        assert [] == [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == Rule.HEADLINE_COLON]

    @pytest.mark.parametrize(
        ("headline", "content", "kind"),
        [
            ("Ruiz: ‘No Plan’ To Close The Ferry Depot.", "‘No Plan’ To Close The Ferry Depot", "mixed"),
            ("Osei: The pier is ‘unsafe.’", "The pier is ‘unsafe.’", "mixed"),
        ],
    )
    def test_patterns_headline_colon_mixed_claim(self, headline: str, content: str, kind: str) -> None:
        """A quote that is only part of the claim makes it mixed."""
        (q,) = _headline_quotes(headline)
        assert (content, kind) == (q.content.text, q.kind.value)

    def test_patterns_headline_colon_whole_quote_left_to_region_rules(self) -> None:
        """A claim that is one quote is left to rule speaker-colon-quote."""
        assert [] == _headline_quotes("Mara Lind: ‘We Will Rebuild The Pier.’")

    def test_patterns_headline_colon_wins_over_a_cue_inside_the_claim(self) -> None:
        """A reporting verb inside the claim does not take the headline from its labelled source."""
        (q,) = [q for q in quoteattr.extract("Mara Osei: Harbour Audit Helped Reveal Ferry Fraud." + _BODY).quotes]
        assert ("headline-colon", "Harbour Audit Helped Reveal Ferry Fraud", "Mara Osei") == (
            q.rule,
            q.content.text,
            q.speaker.mention.text,
        )
