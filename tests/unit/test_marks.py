"""Quote-mark pairing rules, one parametrized case list per rule.

Sentences here are written for these tests; none comes from the data files.
"""

from __future__ import annotations

import pytest

from quoteattr.marks import find_quotes
from quoteattr.text import paragraph_spans


def _quoted(text: str) -> list[tuple[int, list[str], bool]]:
    regions, _ = find_quotes(text, paragraph_spans(text))
    return [(r.depth, [text[a:b] for a, b in r.parts], r.close is not None) for r in regions]


def _codes(text: str) -> list[str]:
    return [d.code for d in find_quotes(text, paragraph_spans(text))[1]]


class TestMarkKinds:
    """Every mark style pairs with its partner."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ('The mayor said "the bridge is safe" on Monday.', ["the bridge is safe"]),
            ("The mayor said “the bridge is safe” on Monday.", ["the bridge is safe"]),
            ("The mayor said ‘the bridge is safe’ on Monday.", ["the bridge is safe"]),
            ("The mayor said 'the bridge is safe' on Monday.", ["the bridge is safe"]),
            ("Le maire a dit « le pont est sûr » lundi.", [" le pont est sûr "]),
            ("Le maire a dit ‹ oui › lundi.", [" oui "]),
            ("Der Bürgermeister sagte „die Brücke ist sicher“ am Montag.", ["die Brücke ist sicher"]),
            ("Der Bürgermeister sagte »die Brücke ist sicher« am Montag.", ["die Brücke ist sicher"]),
            ("The mayor said ``the bridge is safe'' on Monday.", ["the bridge is safe"]),
        ],
    )
    def test_marks_pair_each_style(self, text: str, expected: list[str]) -> None:
        """Each style gives one region with the words between the marks."""
        assert [expected] == [parts for depth, parts, _ in _quoted(text) if depth == 0]


class TestApostrophes:
    """Apostrophes are told from single quote marks."""

    @pytest.mark.parametrize(
        "text",
        [
            "What's the harm in Ukraine's plan, she asked.",
            "Riverton's mayor didn't come.",
            "The '90s were a different time.",
            "They played rock 'n' roll all night.",
            "The players' union met the owners' lawyers.",
            "We'll see 'em tomorrow, he laughed.",
            "O'Neill and D'Angelo won.",
        ],
    )
    def test_marks_apostrophes_are_not_quotes(self, text: str) -> None:
        """No region is built from apostrophes."""
        assert [] == _quoted(text)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("He said 'the players' union is right' today.", "the players' union is right"),
            ("She said 'we won't go' and left.", "we won't go"),
        ],
    )
    def test_marks_apostrophe_inside_single_quote(self, text: str, expected: str) -> None:
        """An apostrophe inside a single-quoted span does not close it."""
        assert [(0, [expected], True)] == _quoted(text)


class TestNesting:
    """Quotes inside quotes."""

    @pytest.mark.parametrize(
        ("text", "outer", "inner"),
        [
            (
                "\"Why would anyone say 'Mine is mine, and yours is negotiable' in public?\" she asked.",
                "Why would anyone say 'Mine is mine, and yours is negotiable' in public?",
                "Mine is mine, and yours is negotiable",
            ),
            (
                "“He told me “never again” and walked out,” she said.",
                "He told me “never again” and walked out,",
                "never again",
            ),
            (
                '"He told me "never again" and walked out," she said.',
                'He told me "never again" and walked out,',
                "never again",
            ),
        ],
    )
    def test_marks_nested_quote_is_one_outer_region(self, text: str, outer: str, inner: str) -> None:
        """The outer quote holds the inner one; the inner is depth 1."""
        got = _quoted(text)
        assert (0, [outer], True) == got[0]
        assert (1, [inner], True) == got[1]


class TestParagraphs:
    """Multi-paragraph quotes."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                '"The first part goes on.\n\n"And the second part ends," she said.',
                ["The first part goes on.", "And the second part ends,"],
            ),
            ("“One.\n\n“Two.\n\n“Three.”\n\nAfter.", ["One.", "Two.", "Three."]),
        ],
    )
    def test_marks_quote_continues_over_paragraphs(self, text: str, expected: list[str]) -> None:
        """An unclosed quote continues when the next paragraph opens with a mark."""
        got = _quoted(text)
        assert [(0, expected, True)] == got
        assert [] == _codes(text)


class TestEmptyQuote:
    """Rule ``empty-quote``: marks around nothing but space and marks make no region."""

    @pytest.mark.parametrize(
        "text",
        [
            'She wrote "" in the box.',
            "She typed “ ” twice, then ‘’.",
            "Mark soup „«»＂ here.",
            "“ \n\n“ ” After.",
            '"' * 1000,
        ],
    )
    def test_marks_empty_pairs_make_no_region(self, text: str) -> None:
        assert [] == _quoted(text)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ('He said "" and then "we will go" loudly.', [(0, ["we will go"], True)]),
            # the outer quote has content; only the empty inner pair goes
            ("“He typed ‘’ and left,” she said.", [(0, ["He typed ‘’ and left,"], True)]),
            ("“‘’ Fine,” said Ann.", [(0, ["‘’ Fine,"], True)]),
            ("“Yes” “” “no”", [(0, ["Yes"], True), (0, ["no"], True)]),
        ],
    )
    def test_marks_pairs_with_content_stay(self, text: str, expected: list[tuple[int, list[str], bool]]) -> None:
        assert expected == _quoted(text)

    def test_marks_empty_pair_still_ends_an_unclosed_opener(self) -> None:
        """A pair found after an unclosed opener drops the opener
        (``unclosed-to-paragraph-end``), also when the pair is empty."""
        text = 'He said “it was robbery "" and left.'
        assert [] == _quoted(text)
        assert ["unclosed-quote"] == _codes(text)


class TestGarbled:
    """Unbalanced marks never raise and are reported."""

    @pytest.mark.parametrize(
        ("text", "expected", "code"),
        [
            (
                "The ban followed. 'Talks are happening between the departments.\n\nNext.",
                ["Talks are happening between the departments."],
                "unclosed-quote",
            ),
            ('He said "yes. Then she left. "No," she said.', ["No,"], "unclosed-quote"),
            ("It ended.” Then silence.", [], "unopened-quote"),
        ],
    )
    def test_marks_best_reading_with_diagnostic(self, text: str, expected: list[str], code: str) -> None:
        """The best reading is returned and a diagnostic names the offending mark."""
        regions, diags = find_quotes(text, paragraph_spans(text))
        assert expected == [t for r in regions if r.depth == 0 for t in [text[a:b] for a, b in r.parts]]
        assert code in [d.code for d in diags]
        for d in diags:
            assert text[d.start : d.end] in "\"“”'‘’«»„"

    @pytest.mark.parametrize("text", ['"' * 101, "“”" * 50 + "“", "'a' 'b " * 30, '" " "\n\n"', "«»«»»«", "‘" * 40])
    def test_marks_garbled_never_raise(self, text: str) -> None:
        """Runs of marks give regions within the text."""
        regions, _ = find_quotes(text, paragraph_spans(text))
        for r in regions:
            for a, b in r.parts:
                assert 0 <= a <= b <= len(text)


class TestMemory:
    """Pairing keeps little per open mark (issue 18)."""

    @pytest.mark.issue(18)
    @pytest.mark.parametrize(
        ("name", "text"),
        [
            ("opening marks", "\u201c" * 100_000),
            ("nested marks", "\u201c" * 50_000 + "\u201d" * 50_000),
            ("straight marks", '"' * 100_000),
        ],
    )
    def test_marks_peak_memory_under_ten_times_the_input(self, name: str, text: str) -> None:
        """find_quotes peaks under 10x the UTF-8 input on a line of 10^5 marks (it was 100x on opening marks)."""
        import tracemalloc

        paragraphs = paragraph_spans(text)
        tracemalloc.start()
        try:
            _regions, diags = find_quotes(text, paragraphs)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 10 * len(text.encode("utf-8")), f"{name}: peak {peak / len(text.encode('utf-8')):.1f}x the input"
        assert len(diags) <= 2

    @pytest.mark.parametrize(
        "text",
        ["“A ‘b “c” d’ e” f.", "„Sie sagte ‚nein‘“, sagte er.", "“One\n\n“Two” three\n\n“Four”", "‘a “b ‘c"],
    )
    def test_marks_stack_nests_as_before(self, text: str) -> None:
        """Regions of nested and continued quotes, from the column-wise stack: every pair inside the one before."""
        regions, _ = find_quotes(text, paragraph_spans(text))
        for r in regions:
            assert 0 <= r.open[0] < r.open[1] <= r.start <= r.end <= len(text)
            inner = [x for x in regions if x is not r and r.open[0] < x.open[0] < r.outer_end]
            assert all(x.depth > r.depth for x in inner)
