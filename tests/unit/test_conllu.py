"""The CoNLL-U fixture loader: rebuilt text, offsets, Entity= brackets, stanza Documents.

Small hand-written CoNLL-U strings pin the bracket syntax; the GUM files in
../shared/data/gum (43 Wikinews documents) check the loader on real data,
with counts recomputed from the raw files by an independent regex.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import data_file
from quoteattr.adapters.conllu import SAMPLE, ConlluDocument, iter_gum, read_conllu, to_stanza_document
from quoteattr.errors import SerializationError
from quoteattr.text import paragraph_spans


def row(i: int | str, form: str, misc: str = "_", head: int = 0, rel: str = "dep", upos: str = "X") -> str:
    return f"{i}\t{form}\t{form.lower()}\t{upos}\t_\t_\t{head}\t{rel}\t_\t{misc}"


def conllu(*sentences: list[str], newpar: tuple[int, ...] = (0,)) -> str:
    out = []
    for i, rows in enumerate(sentences):
        if i in newpar:
            out.append("# newpar")
        out.extend(rows)
        out.append("")
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def gum_docs() -> list[ConlluDocument]:
    return list(iter_gum(data_file("gum"), genre=None))


class TestText:
    """The text is rebuilt from forms, SpaceAfter=No, sentences and paragraphs."""

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            (SAMPLE, 'He said: "I\'ve won."'),
            # SpaceAfter=No on a sentence's last token joins the next sentence
            (conllu([row(1, "A"), row(2, ".", "SpaceAfter=No")], [row(1, "B")]), "A .B"),
            (conllu([row(1, "A", "SpaceAfter=No"), row(2, ".")], [row(1, "B")]), "A. B"),
            (conllu([row(1, "A")], [row(1, "B")], newpar=(0, 1)), "A\n\nB"),
            (conllu([row("1-2", "can't"), row(1, "ca"), row(2, "n't"), row(3, "go")]), "can't go"),
            (conllu([row(1, "go"), row("1.1", "went"), row(2, "home")]), "go home"),
        ],
    )
    def test_conllu_text_rebuilt(self, source: str, expected: str) -> None:
        """Spaces follow SpaceAfter, paragraphs get a blank line, MWT forms and no empty nodes."""
        assert expected == read_conllu(text=source).text

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            # words that spell their token get sub-spans
            (conllu([row("1-2", "I've"), row(1, "I"), row(2, "'ve")]), [(0, 1, "I"), (1, 4, "'ve")]),
            # words that do not (du = de + le) share the token's span
            (conllu([row("1-2", "du"), row(1, "de"), row(2, "le")]), [(0, 2, "du"), (0, 2, "du")]),
        ],
    )
    def test_conllu_multiword_offsets(self, source: str, expected: list[tuple[int, int, str]]) -> None:
        """Multiword tokens: sub-spans when exact, the token's span otherwise."""
        d = read_conllu(text=source)
        assert expected == [(w.start, w.end, d.text[w.start : w.end]) for w in d.words[0]]

    def test_conllu_paragraphs_and_sentences(self) -> None:
        """Paragraph and sentence spans cover the right words."""
        d = read_conllu(text=conllu([row(1, "A")], [row(1, "B")], [row(1, "C")], newpar=(0, 2)))
        assert ["A B", "C"] == [d.text[a:b] for a, b in d.paragraphs]
        assert ["A", "B", "C"] == [d.text[a:b] for a, b in d.sentences]


class TestEntityBrackets:
    """``Entity=`` brackets become mentions with sentence-local word indices."""

    @pytest.mark.parametrize(
        ("rows", "expected"),
        [
            # one-word mention
            ([row(1, "Obama", "Entity=(1-person-new-s-cf1-1-sgl)"), row(2, "spoke")], [("1", "person", 0, 1, "Obama")]),
            # multiword mention, opened and closed on different words
            (
                [row(1, "Barack", "Entity=(1-person-new-s-cf1-1-coref"), row(2, "Obama", "Entity=1)"), row(3, "spoke")],
                [("1", "person", 0, 2, "Barack Obama")],
            ),
            # nested: a one-word place inside an organisation, closers on one word
            (
                [
                    row(1, "University", "Entity=(2-organization-new-s-cf1-1-coref"),
                    row(2, "of"),
                    row(3, "Helsinki", "Entity=(3-place-new-s-cf1-1-sgl-Helsinki)2)"),
                ],
                [("2", "organization", 0, 3, "University of Helsinki"), ("3", "place", 2, 3, "Helsinki")],
            ),
            # the same entity nested in itself (an appositive): closers pair innermost first
            (
                [
                    row(1, "Mohib", "Entity=(4-person-new-s-cf1-1-coref|SpaceAfter=No"),
                    row(2, ","),
                    row(3, "ambassador", "Entity=(4-person-giv-s-cf1-1-appos)4)"),
                ],
                [("4", "person", 0, 3, "Mohib, ambassador"), ("4", "person", 2, 3, "ambassador")],
            ),
            # discontinuous pieces merge into their hull
            (
                [
                    row(1, "A", "Entity=(5[1/2]-object-new-s-cf1-1-coref)"),
                    row(2, "x"),
                    row(3, "B", "Entity=(5[2/2]-object-new-s-cf1-1-coref)"),
                ],
                [("5", "object", 0, 3, "A x B")],
            ),
        ],
    )
    def test_conllu_entity_brackets(self, rows: list[str], expected: list[tuple[str, str, int, int, str]]) -> None:
        """Openers, closers, one-word, nested and discontinuous mentions."""
        d = read_conllu(text=conllu(rows))
        assert expected == [(m.entity, m.etype, m.start_word, m.end_word, d.text[m.start : m.end]) for m in d.mentions]

    @pytest.mark.parametrize(
        ("rows", "message"),
        [
            ([row(1, "A", "Entity=(1-person-new-s-cf1-1-coref")], "never closed"),
            ([row(1, "A", "Entity=1)")], "no opener"),
            ([row(1, "A", "Entity=((1-x")], "cannot read"),
            (["1\tA\ta\tX"], "10 tab-separated columns"),
        ],
    )
    def test_conllu_bad_input_raises(self, rows: list[str], message: str) -> None:
        """Unbalanced brackets and short lines raise a typed error naming the problem."""
        with pytest.raises(SerializationError, match=message):
            read_conllu(text=conllu(rows))

    def test_conllu_crossing_sentences_raises(self) -> None:
        """A mention may not cross a sentence boundary."""
        with pytest.raises(SerializationError, match="crosses a sentence"):
            read_conllu(text=conllu([row(1, "A", "Entity=(1-person-new-s-cf1-1-coref")], [row(1, "B", "Entity=1)")]))

    @pytest.mark.parametrize(("path", "text"), [(None, None), ("x.conllu", "1\tA")])
    def test_conllu_needs_path_or_text(self, path: str | None, text: str | None) -> None:
        """Exactly one source must be given."""
        with pytest.raises(TypeError):
            read_conllu(path, text=text)


class TestChains:
    """Chains group mentions by entity; singletons are left out."""

    def test_conllu_sample_chain(self) -> None:
        """SAMPLE's "He" and "I" form one chain, as character spans."""
        ann = read_conllu(text=SAMPLE).annotation()
        assert [("1", ((0, 2), (10, 11)), "person")] == [(c.id, c.mentions, c.label) for c in ann.chains]

    @pytest.mark.parametrize(
        ("forms", "upos", "expected"),
        [
            # longest mention wins
            ([["He"], ["Barack", "Obama"]], [["PRON"], ["PROPN", "PROPN"]], 1),
            # tie on length: more proper nouns wins
            ([["the", "man"], ["Mr", "Obama"]], [["DET", "NOUN"], ["PROPN", "PROPN"]], 1),
            # full tie: the earliest
            ([["Obama"], ["Biden"]], [["PROPN"], ["PROPN"]], 0),
        ],
    )
    def test_conllu_representative_like_stanza(
        self, forms: list[list[str]], upos: list[list[str]], expected: int
    ) -> None:
        """The representative follows stanza's coref rule: longest, most PROPN, earliest."""
        sentences = []
        for fs, us in zip(forms, upos, strict=False):
            rows = []
            for i, (f, u) in enumerate(zip(fs, us, strict=False), 1):
                misc = []
                if i == 1:
                    misc.append("Entity=(7-person-new-s-cf1-1-coref" + (")" if len(fs) == 1 else ""))
                elif i == len(fs):
                    misc.append("Entity=7)")
                rows.append(row(i, f, "|".join(misc) or "_", upos=u))
            rows.append(row(len(fs) + 1, "spoke"))
            sentences.append(rows)
        d = read_conllu(text=conllu(*sentences))
        assert expected == d.annotation().chains[0].representative


def _raw_counts(path: Path) -> tuple[int, int, int]:
    """(mentions, entities with 2+ mentions, sentences) counted straight from the file."""
    raw = path.read_text(encoding="utf-8")
    openers = re.findall(r"\((\d+)-", "\n".join(re.findall(r"Entity=([^|\t\n]*)", raw)))
    per: dict[str, int] = {}
    for e in openers:
        per[e] = per.get(e, 0) + 1
    sents = len(re.findall(r"^# sent_id", raw, flags=re.M))
    return len(openers), sum(1 for n in per.values() if n >= 2), sents


@pytest.mark.shared_data
class TestGum:
    """The 43 GUM Wikinews documents load exactly."""

    def test_conllu_gum_has_43_documents(self, gum_docs: list[ConlluDocument]) -> None:
        """24 news and 19 interviews."""
        assert (24, 19) == (
            sum(d.id.startswith("GUM_news_") for d in gum_docs),
            sum(d.id.startswith("GUM_interview_") for d in gum_docs),
        )

    def test_conllu_gum_word_offsets(self, gum_docs: list[ConlluDocument]) -> None:
        """Every word's span holds exactly its form (MWT words included)."""
        bad = [(d.id, w.form) for d in gum_docs for ws in d.words for w in ws if d.text[w.start : w.end] != w.form]
        assert [] == bad

    def test_conllu_gum_mention_text(self, gum_docs: list[ConlluDocument]) -> None:
        """A mention's span is the text of the words it covers, in order."""
        bad = []
        for d in gum_docs:
            for m in d.mentions:
                ws = d.words[m.sentence][m.start_word : m.end_word]
                covered = d.text[m.start : m.end]
                pos = 0
                for w in ws:
                    pos = covered.find(w.form, pos)
                    if pos < 0:
                        bad.append((d.id, covered))
                        break
                    pos += len(w.form)
                if (ws[0].start, ws[-1].end) != (m.start, m.end):
                    bad.append((d.id, covered))
        assert [] == bad

    def test_conllu_gum_counts_match_raw_file(self, gum_docs: list[ConlluDocument]) -> None:
        """Mention, chain and sentence counts equal those of an independent regex count."""
        expected = {d.id: _raw_counts(Path(d.source)) for d in gum_docs}
        actual = {d.id: (len(d.mentions), len(d.chains()), len(d.sentences)) for d in gum_docs}
        assert expected == actual

    def test_conllu_gum_paragraphs_match_segmenter(self, gum_docs: list[ConlluDocument]) -> None:
        """The rebuilt paragraphs are what the blank-line segmenter finds."""
        assert {d.id: list(d.paragraphs) for d in gum_docs} == {d.id: paragraph_spans(d.text) for d in gum_docs}

    def test_conllu_gum_sentence_text_comment(self, gum_docs: list[ConlluDocument]) -> None:
        """Each rebuilt sentence equals the file's own ``# text`` comment."""
        bad = []
        for d in gum_docs:
            raw = Path(d.source).read_text(encoding="utf-8")
            texts = re.findall(r"^# text = (.*)$", raw, flags=re.M)
            for (a, b), t in zip(d.sentences, texts, strict=False):
                if d.text[a:b] != t:
                    bad.append((d.id, t))
        assert [] == bad


@pytest.fixture(scope="module")
def pair() -> tuple[ConlluDocument, object]:
    pytest.importorskip("stanza")
    d = read_conllu(data_file("gum") / "GUM_news_iodine.conllu")
    return d, to_stanza_document(d)


@pytest.mark.shared_data
class TestStanzaDocument:
    """``to_stanza_document`` gives a stanza Document with offsets, ents and coref."""

    def test_conllu_stanza_text_and_offsets(self, pair: tuple[ConlluDocument, object]) -> None:
        """doc.text is the rebuilt text; each token and word has its offsets."""
        d, sdoc = pair
        assert d.text == sdoc.text
        bad = [w.text for s in sdoc.sentences for w in s.words if sdoc.text[w.start_char : w.end_char] != w.text]
        bad += [t.text for s in sdoc.sentences for t in s.tokens if sdoc.text[t.start_char : t.end_char] != t.text]
        assert [] == bad

    def test_conllu_stanza_coref(self, pair: tuple[ConlluDocument, object]) -> None:
        """doc.coref holds one CorefChain per gold chain, with the gold mentions' words."""
        d, sdoc = pair
        expected = [[d.text[m.start : m.end] for m in ms] for ms in d.chains()]
        actual = [
            [
                sdoc.text[
                    sdoc.sentences[m.sentence].words[m.start_word].start_char : sdoc.sentences[m.sentence]
                    .words[m.end_word - 1]
                    .end_char
                ]
                for m in chain.mentions
            ]
            for chain in sdoc.coref
        ]
        assert expected == actual
        # the setter attached the chains to the words
        assert any(w.coref_chains for s in sdoc.sentences for w in s.words)

    def test_conllu_stanza_ents(self, pair: tuple[ConlluDocument, object]) -> None:
        """doc.ents are the named gold mentions, e.g. "Professor Cres Eastman"
        (a possessive 's token, "University of NSW's", is trimmed on conversion)."""
        from quoteattr.adapters.stanza import document_to_annotation

        d, sdoc = pair
        ents = [(e.text, e.type) for e in sdoc.ents]
        assert ("Professor Cres Eastman", "PERSON") in ents
        assert ("University of NSW's", "ORG") in ents
        assert d.named_entities() == list(document_to_annotation(sdoc).entities)


class TestAttributions:
    """GUM's discourse layer gives gold attribution relations with cue and source words."""

    def test_conllu_attributions_from_discourse(self) -> None:
        """Units run from one Discourse= word to the next; signals number words from 1."""
        text = conllu(
            [
                row(1, "It", "Discourse=ROOT:1:0"),
                row(2, "works", "SpaceAfter=No"),
                row(3, ","),
                row(4, "researchers", "Discourse=attribution-positive:2->1:0:sem-atsrc-4-_+lex-indwd-5-_"),
                row(5, "say", "SpaceAfter=No"),
                row(6, "."),
            ]
        )
        d = read_conllu(text=text)
        [g] = d.attributions()
        t = d.text
        assert ("researchers say.", "It works,", ["say"], ["researchers"], "positive") == (
            t[g.source[0] : g.source[1]],
            t[g.content[0] : g.content[1]],
            [t[a:b] for a, b in g.cue],
            [t[a:b] for a, b in g.holder],
            g.polarity,
        )

    @pytest.mark.shared_data
    def test_conllu_gum_attributions(self, gum_docs: list[ConlluDocument]) -> None:
        """Every attribution relation of the files is read (independent regex count), iodine's first exactly."""
        expected = sum(
            len(re.findall(r"attribution-(?:positive|negative):", Path(d.source).read_text(encoding="utf-8")))
            for d in gum_docs
        )
        assert expected == sum(len(d.attributions()) for d in gum_docs)
        d = next(x for x in gum_docs if x.id == "GUM_news_iodine")
        g = d.attributions()[0]
        assert ("researchers say.", ["say"], ["researchers"]) == (
            d.text[g.source[0] : g.source[1]],
            [d.text[a:b] for a, b in g.cue],
            [d.text[a:b] for a, b in g.holder],
        )
        assert d.text[g.content[0] : g.content[1]].startswith("Almost half of all Australian primary school children")
