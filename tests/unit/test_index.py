"""The per-document index (issue 15): lookups on hand-written text."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quoteattr.index import DocIndex, Spans, scan_tokens
from quoteattr.marks import find_quotes
from quoteattr.text import TOKEN_RE, WORD_RE, segment

pytestmark = pytest.mark.issue(15)

TEXT = (
    'The pier reopened on Monday. "It held through the storm," said engineer Ada Quist. '
    "Officials said repairs cost less than feared.\n\n"
    '"Nobody said it would be easy," she added, "but it was."'
)


def _index(text: str) -> DocIndex:
    ann = segment(text)
    return DocIndex(ann, find_quotes(text, ann.paragraphs)[0])


class TestLookups:
    """Sentences, paragraphs, regions and cues by offset."""

    @pytest.mark.parametrize(
        ("word", "sentence"),
        [
            ("pier", "The pier reopened on Monday."),
            ("Quist", '"It held through the storm," said engineer Ada Quist.'),
            ("repairs", "Officials said repairs cost less than feared."),
        ],
    )
    def test_index_sentence_at(self, word: str, sentence: str) -> None:
        """The sentence holding a word's offset."""
        idx = _index(TEXT)
        a, b = idx.sentence(TEXT.index(word))
        assert sentence == TEXT[a:b]

    def test_index_paragraph_at(self) -> None:
        """The paragraph holding an offset; the whole text between paragraphs."""
        idx = _index(TEXT)
        a, b = idx.paragraph(TEXT.index("easy"))
        assert TEXT[a:b].startswith('"Nobody said') and b == len(TEXT)
        gap = TEXT.index("\n\n") + 1
        assert (0, len(TEXT)) == idx.paragraph(gap)

    @pytest.mark.parametrize(
        ("word", "inside"), [("storm", True), ("engineer", False), ("Nobody", True), ("added", False), ("easy", True)]
    )
    def test_index_in_quote(self, word: str, inside: bool) -> None:
        """Whether an offset lies inside an outermost quote."""
        assert inside == _index(TEXT).in_quote(TEXT.index(word))

    def test_index_cues_outside_quotes_only(self) -> None:
        """'said' inside '"Nobody said it ..."' is no cue of the index."""
        idx = _index(TEXT)
        words = [TEXT[c.start : c.end] for c in idx.cues]
        assert ["said", "said", "feared", "added"] == words
        first_said = TEXT.index("said engineer")
        assert [first_said] == [c.start for c in idx.cues_between(first_said, first_said + 4)]
        assert idx.has_cue(0, len(TEXT)) and not idx.has_cue(0, first_said)

    def test_index_regions_starting_and_overlapping(self) -> None:
        """Regions opening in a range; regions sharing a character with one."""
        idx = _index(TEXT)
        q = TEXT.index('"It held')
        assert [q] == [r.outer[0] for r in idx.regions_starting_in(0, q + 1)]
        assert [q] == [r.outer[0] for r in idx.regions_overlapping(q + 5, q + 6)]
        assert [] == idx.regions_overlapping(0, q)
        assert 3 == len(idx.regions_overlapping(0, len(TEXT)))

    @given(st.lists(st.sampled_from(['"a b"', "c", "“d e”", " ", "\n\n", "f.", "'g'"]), max_size=30), st.data())
    def test_index_regions_overlapping_is_the_naive_filter(self, pieces: list[str], data: st.DataObject) -> None:
        """Two bisections give what filtering every region gives."""
        text = " ".join(pieces)
        idx = _index(text)
        a = data.draw(st.integers(0, len(text)))
        b = data.draw(st.integers(a, len(text)))
        naive = [r for r in idx.regions if r.outer[0] < b and a < r.outer[1]]
        assert naive == idx.regions_overlapping(a, b)


class TestTokens:
    """Tokens between two offsets."""

    def test_index_tokens_window(self) -> None:
        """A window's tokens; a token cut by the window's end ends there."""
        text = "Sen. Ada Quist (D-Ore.) told the U.S. press."
        idx = _index(text)
        toks = [text[a:b] for a, b in idx.tokens(0, text.index("press") + 3)]
        assert ["Sen", ".", "Ada", "Quist", "(", "D-Ore", ".", ")", "told", "the", "U.S.", "pre"] == toks

    @given(
        st.lists(
            st.sampled_from(["U.S.", "A.B.Cd", "Russia's", "well-known", "3.5", ",", "“", "—", " ", "\n\n", "x"]),
            max_size=40,
        ),
        st.data(),
    )
    def test_index_tokens_equal_a_scan_of_the_window(self, pieces: list[str], data: st.DataObject) -> None:
        """tokens(a, b) is what scanning text[a:b] alone gives."""
        text = "".join(pieces)
        idx = _index(text)
        a = data.draw(st.integers(0, len(text)))
        b = data.draw(st.integers(a, len(text)))
        assert scan_tokens(text, a, b) == idx.tokens(a, b)
        assert [m.span() for m in __import__("quoteattr").text.TOKEN_RE.finditer(text[a:b])] == [
            (x - a, y - a) for x, y in idx.tokens(a, b)
        ]


_PIECES = st.sampled_from(
    [
        "U.S.",
        "U.S.Army",
        "A.B.Cd",
        "Russia's",
        "it’s",
        "well-known",
        "3.5",
        "e\u0301t",
        "_x",
        ",",
        "“",
        "—",
        ". ",
        " ",
        "\n\n",
        "x",
        "Ab",
    ]
)


class TestWindows:
    """Tokens and words of windows, at sentence and token edges."""

    @given(st.lists(_PIECES, max_size=40), st.data())
    def test_index_words_equal_word_re_over_the_window(self, pieces: list[str], data: st.DataObject) -> None:
        """words(a, b) is WORD_RE.findall over text[a:b]."""
        text = "".join(pieces)
        idx = _index(text)
        a = data.draw(st.integers(0, len(text)))
        b = data.draw(st.integers(a, len(text)))
        assert WORD_RE.findall(text[a:b]) == idx.words(a, b)

    @given(st.lists(_PIECES, max_size=40), st.data())
    def test_index_tokens_inside_a_sentence(self, pieces: list[str], data: st.DataObject) -> None:
        """Inside one sentence the tokens equal a scan of the window; each
        token's offsets cut its own text out of the input."""
        text = "".join(pieces)
        idx = _index(text)
        assume(idx.sents.spans)
        sa, sb = data.draw(st.sampled_from(idx.sents.spans))
        a = data.draw(st.integers(sa, sb))
        b = data.draw(st.integers(a, sb))
        toks = idx.tokens(a, b)
        assert [m.group() for m in TOKEN_RE.finditer(text[a:b])] == [text[x:y] for x, y in toks]
        assert all(a <= x < y <= b for x, y in toks)

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            ("Ada", "press", ["Ada", "Quist", "(", "D-Ore", ".", ")", "told", "the", "U.S.", "press"]),
            ("the", "U.S.", ["the", "U.S"]),
            ("uist", "told", ["uist", "(", "D-Ore", ".", ")", "told"]),
            ("D-Ore.)", "said", ["D-Ore", ".", ")", "told", "the", "U.S.", "press", ".", "It", "said"]),
        ],
    )
    def test_index_tokens_edges(self, start: str, end: str, expected: list[str]) -> None:
        """A window that ends inside a token, starts inside one, or spans two sentences."""
        text = "Sen. Ada Quist (D-Ore.) told the U.S. press. It said no."
        idx = _index(text)
        a, b = text.index(start), text.index(end) + len(end) - (1 if end == "U.S." else 0)
        assert expected == [text[x:y] for x, y in idx.tokens(a, b)]


def test_index_spans_at() -> None:
    """Spans.at: the span holding an offset, None in gaps and past the end."""
    s = Spans([(0, 3), (5, 9)])
    assert [(0, 3), None, (5, 9), None] == [s.at(2), s.at(4), s.at(5), s.at(9)]


_CONLLU = """# newdoc id = t
# sent_id = 1
# text = Kim said that it rained.
1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthat\tthat\tSCONJ\tIN\t_\t5\tmark\t_\t_
4\tit\tit\tPRON\tPRP\t_\t5\tnsubj\t_\t_
5\trained\train\tVERB\tVBD\t_\t2\tccomp\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


@pytest.mark.parametrize("engine", ["rules", "syntax"])
def test_index_built_once_per_document(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline builds one DocIndex per document, and both engines read it."""
    import quoteattr
    from quoteattr import index as index_module
    from quoteattr.adapters.conllu import read_conllu

    built: list[int] = []
    original = index_module.DocIndex.__init__

    def counting(self: DocIndex, *args: object) -> None:
        built.append(1)
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(index_module.DocIndex, "__init__", counting)
    doc = read_conllu(text=_CONLLU).annotation() if engine == "syntax" else "Kim said that it rained."
    r = quoteattr.extract(doc)
    assert [("it rained", "Kim")] == [(q.content.text, q.speaker.mention.text) for q in r.quotes]
    assert [1] == built
