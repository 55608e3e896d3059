"""Tests of quoteattr.render: the HTML view and the ``render`` subcommand.

The page is parsed back with :mod:`html.parser` (a strict tree builder that
fails on any badly nested tag), and the text it shows is compared with the
result's text character for character. tests/integration/test_browser.py
does the same through headless Chromium.
"""

from __future__ import annotations

import argparse
import io
import json
import sys

import pytest
from html_tree import Node, parse

import quoteattr
from quoteattr import (
    Diagnostic,
    InputTypeError,
    Quote,
    Result,
    SerializationError,
    Span,
    Speaker,
    SpeakerRef,
)
from quoteattr.render import (
    PALETTE,
    UNATTRIBUTED_LABEL,
    add_parser,
    entity_colour,
    render_html,
    run,
    speaker_label,
    to_html,
)


def quote_elements(section: Node) -> dict[int, list[Node]]:
    out: dict[int, list[Node]] = {}
    for n in section.find_all("qa-quote"):
        out.setdefault(int(n.attrs["data-quote"]), []).append(n)
    return out


def person(text: str, eid: str, name: str | None, *spans: tuple[int, int], role: str | None = None) -> Speaker:
    return Speaker(id=eid, name=name, kind="person", role=role, mentions=[Span.of(text, a, b) for a, b in spans])


def quote(text, kind, parts, cue=None, speaker=None, mention=None, confidence=0.8) -> Quote:
    spans = [Span.of(text, a, b) for a, b in parts]
    return Quote(
        kind=kind,
        content=Span.of(text, spans[0].start, spans[-1].end),
        parts=spans,
        cue=None if cue is None else Span.of(text, *cue),
        speaker=None if speaker is None else SpeakerRef(mention=Span.of(text, *mention), entity=speaker),
        confidence=confidence,
        rule="test",
    )


def at(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    """The span of the *nth* occurrence of *sub* in *text*."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def split_quote_result() -> Result:
    # "A," he said, "B." : the cue and the speaker mention lie inside the hull.
    text = '"We will not accept this," Lavrov said, "and we will respond."\n\nHe left.'
    lav = person(text, "e0", "Lavrov", at(text, "Lavrov"), at(text, "He"))
    q = quote(
        text,
        "direct",
        [at(text, "We will not accept this,"), at(text, "and we will respond.")],
        cue=at(text, "said"),
        speaker=lav,
        mention=at(text, "Lavrov"),
    )
    return Result(text=text, quotes=[q], speakers=[lav])


def straddling_result() -> Result:
    # The cue "according to the minister" straddles the quote's end and the
    # speaker mention overlaps the cue: boundaries cut across each other.
    text = "Talks failed according to the minister Ivan Petrov today."
    ivan = person(text, "e0", "Ivan Petrov", at(text, "the minister Ivan Petrov"), role="minister")
    q = quote(
        text,
        "indirect",
        [at(text, "Talks failed according")],
        cue=at(text, "according to the minister"),
        speaker=ivan,
        mention=at(text, "the minister Ivan Petrov"),
    )
    return Result(text=text, quotes=[q], speakers=[ivan])


def nested_result() -> Result:
    # Overlapping quotes never come from extract(), but a hand-built result
    # may hold them: the outer quote is drawn in two fragments.
    text = 'She wrote that "the plan, "so-called", failed" yesterday.'
    q_outer = quote(text, "mixed", [at(text, 'the plan, "so-called", failed')])
    q_inner = quote(text, "direct", [at(text, "so-called")])
    return Result(text=text, quotes=[q_outer, q_inner])


def hostile_result() -> Result:
    # Markup, entities, CRLF, a lone CR, a tab and an astral character.
    text = 'Intro <script>alert("x")</script> &amp; &lt;b&gt;\r\n"Fish & <chips> 🐟," said <b>Bob</b>.\rEnd\tx.'
    bob = person(text, "e0", "<b>Bob</b> & Co", at(text, "<b>Bob</b>"))
    q = quote(
        text,
        "direct",
        [at(text, "Fish & <chips> 🐟,")],
        cue=at(text, "said"),
        speaker=bob,
        mention=at(text, "<b>Bob</b>"),
    )
    return Result(text=text, quotes=[q], speakers=[bob], id='doc <1> & "two"')


CASES = [split_quote_result, straddling_result, nested_result, hostile_result]


@pytest.mark.parametrize("make", CASES)
def test_render_page_is_well_nested_and_shows_the_text_unchanged(make):
    result = make()
    root = parse(render_html(result))
    (shown,) = root.find_all("qa-text")
    assert result.text == shown.text(skip="qa-label")


@pytest.mark.parametrize("make", CASES)
def test_render_quote_elements_carry_offsets_kind_and_speaker(make):
    result = make()
    elements = quote_elements(parse(render_html(result)))
    assert list(range(len(result.quotes))) == sorted(elements)
    for i, q in enumerate(result.quotes):
        for el in elements[i]:
            expected = {
                "data-start": str(q.content.start),
                "data-end": str(q.content.end),
                "data-kind": q.kind.value,
                "data-confidence": f"{q.confidence:g}",
                "data-speaker": "" if q.speaker is None else q.speaker.entity.name or "",
                "data-entity": "" if q.speaker is None else q.speaker.entity.id,
            }
            assert expected == {k: el.attrs[k] for k in expected}
            assert q.kind.value in el.attrs["title"] and f"{q.confidence:.2f}" in el.attrs["title"]
        # The label closes the quote's last element, and only that one.
        labels = [[lab.text() for lab in el.find_all("qa-label")] for el in elements[i]]
        assert [[] for _ in labels[:-1]] + [[speaker_label(q)]] == labels
        if len(elements[i]) == 1:
            # One element, labels left out, covers exactly the quote's content.
            assert q.content.text == elements[i][0].text(skip="qa-label")


@pytest.mark.parametrize(
    ("make", "quote_index", "expected_texts"),
    [
        # The outer quote is cut around the inner one: two fragments.
        (nested_result, 0, ['the plan, "', '", failed']),
        (nested_result, 1, ["so-called"]),
        (split_quote_result, 0, ['We will not accept this," Lavrov said, "and we will respond.']),
    ],
)
def test_render_overlapping_quotes_split_into_fragments(make, quote_index, expected_texts):
    els = quote_elements(parse(render_html(make())))[quote_index]
    assert expected_texts == [el.text(skip="qa-label") for el in els]
    assert [len(expected_texts) > 1] * len(els) == ["qa-fragment" in el.classes for el in els]


@pytest.mark.parametrize(
    ("make", "expected_cue", "expected_mention", "expected_parts"),
    [
        (split_quote_result, ["said"], ["Lavrov", "He"], ["We will not accept this,", "and we will respond."]),
        # Cut at the quote's end: "according" inside the quote, " to the" outside.
        # inside the quote, "according"; outside, " to " and then "the
        # minister" nested in the mention "the minister Ivan Petrov".
        (
            straddling_result,
            ["according", " to ", "the minister"],
            ["the minister Ivan Petrov"],
            ["Talks failed according"],
        ),
    ],
)
def test_render_cues_mentions_and_parts_are_cut_at_every_boundary(make, expected_cue, expected_mention, expected_parts):
    root = parse(render_html(make()))
    assert expected_cue == [n.text(skip="qa-label") for n in root.find_all("qa-cue")]
    assert expected_mention == [n.text(skip="qa-label") for n in root.find_all("qa-mention")]
    assert expected_parts == [n.text(skip="qa-label") for n in root.find_all("qa-part")]


def test_render_speaker_mention_is_marked_and_coloured():
    result = split_quote_result()
    root = parse(render_html(result))
    speakers = root.find_all("qa-speaker")
    assert ["Lavrov"] == [n.text() for n in speakers]
    assert f"--qa-c: {PALETTE[0]}" == speakers[0].attrs["style"]
    assert f"--qa-c: {PALETTE[0]}" == quote_elements(root)[0][0].attrs["style"]


@pytest.mark.parametrize(
    "text",
    [
        '<script>alert("pwned")</script>',
        "<img src=x onerror=alert(1)>",
        "&amp; &lt;b&gt; &#60;script&#62;",
        "</span></div></section><b>",
    ],
)
def test_render_markup_in_text_is_shown_as_text(text):
    full = f'Before {text} "quoted {text} here," said Ann.'
    ann = person(full, "e0", "Ann", at(full, "Ann"))
    q = quote(
        full, "direct", [at(full, f"quoted {text} here,")], cue=at(full, "said"), speaker=ann, mention=at(full, "Ann")
    )
    page = render_html(Result(text=full, quotes=[q], speakers=[ann]))
    root = parse(page)
    assert [] == [n.tag for n in root.iter() if n.tag in {"script", "img", "b"}]
    (shown,) = root.find_all("qa-text")
    assert full == shown.text(skip="qa-label")


@pytest.mark.parametrize("name", ["<b>Bob</b> & Co", "Bob <script>alert(1)</script>", 'Ann "A&amp;B" <Ltd>'])
def test_render_legend_and_labels_escape_speaker_names(name):
    text = '"We sell fish," said Bob.'
    bob = person(text, "e0", name, at(text, "Bob"))
    q = quote(text, "direct", [at(text, "We sell fish,")], cue=at(text, "said"), speaker=bob, mention=at(text, "Bob"))
    root = parse(render_html(Result(text=text, quotes=[q], speakers=[bob])))
    assert [] == [n.tag for n in root.iter() if n.tag in {"script", "b"}]
    assert [name] == [n.text() for n in root.find_all("qa-name")]
    assert [name] == [n.text() for n in root.find_all("qa-label")]
    assert name == quote_elements(root)[0][0].attrs["data-speaker"]


def test_render_legend_lists_speakers_roles_and_quote_counts():
    text = '"One," said Ann. "Two," said Ann. "Three," the minister said. "Four."'
    ann = person(text, "e0", "Ann", at(text, "Ann"), at(text, "Ann", 1))
    minister = person(text, "e1", None, at(text, "the minister"), role="minister")
    quotes = [
        quote(text, "direct", [at(text, "One,")], cue=at(text, "said"), speaker=ann, mention=at(text, "Ann")),
        quote(text, "direct", [at(text, "Two,")], cue=at(text, "said", 1), speaker=ann, mention=at(text, "Ann", 1)),
        quote(
            text,
            "direct",
            [at(text, "Three,")],
            cue=at(text, "said", 2),
            speaker=minister,
            mention=at(text, "the minister"),
        ),
        quote(text, "direct", [at(text, "Four.")]),
    ]
    root = parse(render_html(Result(text=text, quotes=quotes, speakers=[ann, minister])))
    (legend,) = root.find_all("qa-legend")
    rows = [n for n in legend.iter() if n.tag == "tr" and "data-entity" in n.attrs]
    expected = [
        ["", "Ann", "person", "", "2"],
        ["", "the minister", "person", "minister", "1"],
        ["", UNATTRIBUTED_LABEL, "", "", "1"],
    ]
    assert expected == [[c.text() for c in r.children if isinstance(c, type(r))] for r in rows]
    assert ["Ann", "Ann", "minister", UNATTRIBUTED_LABEL] == [lab.text() for lab in root.find_all("qa-label")]


@pytest.mark.parametrize(
    ("index", "expected"),
    [(0, PALETTE[0]), (11, PALETTE[11]), (12, "hsl(130, 70%, 82%)"), (13, "hsl(268, 70%, 82%)")],
)
def test_render_entity_colour(index, expected):
    assert expected == entity_colour(index)


def test_render_entity_colours_are_distinct_for_many_speakers():
    colours = [entity_colour(i) for i in range(40)]
    assert len(colours) == len(set(colours))


@pytest.mark.parametrize(
    ("entity_name", "role", "expected"),
    [
        ("Sergey Lavrov", "foreign minister", "Sergey Lavrov"),
        (None, "foreign minister", "foreign minister"),
        (None, None, "A spokesman"),
    ],
)
def test_render_speaker_label(entity_name, role, expected):
    text = '"No," A spokesman said.'
    ent = person(text, "e0", entity_name, at(text, "A spokesman"), role=role)
    q = quote(text, "direct", [at(text, "No,")], speaker=ent, mention=at(text, "A spokesman"))
    assert expected == speaker_label(q)


def test_render_speaker_label_without_speaker():
    assert UNATTRIBUTED_LABEL == speaker_label(quote('"Hi."', "direct", [(1, 4)]))


def test_render_many_documents_one_section_each_in_order():
    results = [split_quote_result(), quoteattr.extract('"Fine," she said.', id="second"), straddling_result()]
    root = parse(render_html(results, title="Three <docs>"))
    sections = [n for n in root.iter() if n.tag == "section"]
    assert ["", "second", ""] == [s.attrs["data-id"] for s in sections]
    assert [r.text for r in results] == [s.find_all("qa-text")[0].text(skip="qa-label") for s in sections]
    assert ["Three <docs>"] == [n.text() for n in root.iter() if n.tag == "title"]


@pytest.mark.parametrize(
    ("results", "expected_title"),
    [
        (Result(text="x", id="doc-1"), "quoteattr: doc-1"),
        (Result(text="x"), "quoteattr"),
        ([Result(text="x"), Result(text="y")], "quoteattr: 2 documents"),
        ([], "quoteattr: 0 documents"),
    ],
)
def test_render_default_title(results, expected_title):
    root = parse(render_html(results))
    assert [expected_title] == [n.text() for n in root.iter() if n.tag == "title"]


def test_render_accepts_result_dicts():
    result = split_quote_result()
    assert render_html(result) == render_html(result.to_dict())
    assert render_html([result]) == render_html([result.to_dict()])


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        ("a plain string", InputTypeError),
        (b"bytes", InputTypeError),
        (42, InputTypeError),
        ([Result(text="x"), "text"], InputTypeError),
        ({"text": "abc", "quotes": [{"kind": "direct", "content": [0, 9, "abc"]}]}, SerializationError),
    ],
)
def test_render_rejects_other_inputs_with_typed_errors(bad, error):
    with pytest.raises(error):
        render_html(bad)


@pytest.mark.parametrize("bad", ["text", [Result(text="x")], None])
def test_render_to_html_needs_one_result(bad):
    with pytest.raises(InputTypeError):
        to_html(bad)


def test_render_to_html_is_the_page_of_one_result():
    result = split_quote_result()
    assert render_html([result], title="t") == to_html(result, title="t")


def test_render_page_is_self_contained():
    page = render_html([split_quote_result(), hostile_result()])
    root = parse(page)
    linking = [(n.tag, k, v) for n in root.iter() for k, v in n.attrs.items() if k in {"src", "href", "action"}]
    assert [] == linking
    assert [] == [n.tag for n in root.iter() if n.tag in {"script", "link", "iframe", "img"}]
    csp = [
        n.attrs["content"]
        for n in root.iter()
        if n.tag == "meta" and n.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert ["default-src 'none'; style-src 'unsafe-inline'"] == csp
    assert "url(" not in page and "@import" not in page


def test_render_keeps_carriage_returns_as_character_references():
    text = 'a\r\n"b c d," said X.\rz'
    page = render_html(Result(text=text, quotes=[quote(text, "direct", [at(text, "b c d,")])]))
    body = page[page.index('<div class="qa-text">') :]
    assert "\r" not in body
    assert 2 == body.count("&#13;")


@pytest.mark.parametrize("n_diagnostics", [0, 1, 3])
def test_render_diagnostics_listed(n_diagnostics):
    text = 'He said "this is never closed <b>.'
    diags = [Diagnostic(code=f"code-{k}", message=f"note <{k}>", start=8, end=9) for k in range(n_diagnostics)]
    root = parse(render_html(Result(text=text, diagnostics=diags)))
    items = [n.text() for d in root.find_all("qa-diagnostics") for n in d.iter() if n.tag == "li"]
    assert [f"code-{k} [8, 9): note <{k}>" for k in range(n_diagnostics)] == items


@pytest.mark.shared_data
def test_render_extract_output_on_seed_articles(seeds):
    results = [quoteattr.extract(d["text"], id=d["id"]) for d in seeds]
    root = parse(render_html(results))
    sections = [n for n in root.iter() if n.tag == "section"]
    assert [d["id"] for d in seeds] == [s.attrs["data-id"] for s in sections]
    for r, s in zip(results, sections, strict=False):
        assert r.text == s.find_all("qa-text")[0].text(skip="qa-label")
        els = quote_elements(s)
        assert [(q.content.start, q.content.end) for q in r.quotes] == [
            (int(els[i][0].attrs["data-start"]), int(els[i][0].attrs["data-end"])) for i in range(len(r.quotes))
        ]
        assert [speaker_label(q) for q in r.quotes] == [
            els[i][-1].find_all("qa-label")[0].text() for i in range(len(r.quotes))
        ]
        # extract() never overlaps quotes: each has one element holding exactly its content.
        assert [q.content.text for q in r.quotes] == [els[i][0].text(skip="qa-label") for i in range(len(r.quotes))]


# ----------------------------------------------------------------------------
# the render subcommand


def cli(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="quoteattr")
    add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["render", *argv])


def test_render_cli_files_to_output_file(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text('"We will respond," Peskov told reporters.\n', encoding="utf-8")
    b.write_text("Nothing quoted <here> & there.", encoding="utf-8")
    out = tmp_path / "out.html"
    args = cli(str(a), str(b), "-o", str(out), "--title", "Two files")
    assert run is args.func
    assert 0 == args.func(args)
    root = parse(out.read_text(encoding="utf-8"))
    sections = [n for n in root.iter() if n.tag == "section"]
    assert [str(a), str(b)] == [s.attrs["data-id"] for s in sections]
    assert [a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")] == [
        s.find_all("qa-text")[0].text(skip="qa-label") for s in sections
    ]
    assert ["Two files"] == [n.text() for n in root.iter() if n.tag == "title"]


def test_render_cli_stdin_to_stdout(monkeypatch, capsys):
    text = '"It is robbery," Lavrov said.\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    args = cli("-")
    assert 0 == args.func(args)
    root = parse(capsys.readouterr().out)
    assert [text] == [n.text(skip="qa-label") for n in root.find_all("qa-text")]
    assert len(quoteattr.extract(text).quotes) == len(root.find_all("qa-quote"))


def test_render_cli_input_jsonl_texts_and_results(tmp_path):
    saved = quoteattr.extract('"Fine," she said.', id="saved").to_dict()
    lines = [
        json.dumps({"id": "first", "text": '"We will respond," Peskov said.'}),
        "",
        json.dumps(saved),
        json.dumps({"text": "no id here"}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.html"
    args = cli("--input-jsonl", str(src), "-o", str(out))
    assert 0 == args.func(args)
    sections = [n for n in parse(out.read_text(encoding="utf-8")).iter() if n.tag == "section"]
    assert ["first", "saved", f"{src}:4"] == [s.attrs["data-id"] for s in sections]


@pytest.mark.parametrize(
    ("content", "expected_message"),
    [
        (b"caf\xe9 latin-1", ": not valid utf-8 at byte offset 3"),
        (b"\xff\xfe\x00\x00", ": not valid utf-8 at byte offset 0"),
    ],
)
def test_render_cli_undecodable_file_names_the_file(tmp_path, capsys, content, expected_message):
    bad = tmp_path / "bad name.txt"
    bad.write_bytes(content)
    args = cli(str(bad), "-o", str(tmp_path / "out.html"))
    assert 2 == args.func(args)
    err = capsys.readouterr().err
    assert f"quoteattr render: error: {bad}{expected_message}" in err
    assert not (tmp_path / "out.html").exists()


@pytest.mark.parametrize(
    ("lines", "expected_message"),
    [
        (["{not json"], "in.jsonl:1: not JSON"),
        ([json.dumps({"id": "x", "text": "ok"}), "[1, 2]"], "in.jsonl:2: expected a JSON object, got list"),
        ([json.dumps({"id": "x"})], "in.jsonl:1: expected a 'text' string or a quoteattr result"),
        (
            [json.dumps({"schema": 1, "text": "ab", "quotes": [{"kind": "direct", "content": [0, 5, "ab"]}]})],
            "in.jsonl:1: invalid result dict",
        ),
    ],
)
def test_render_cli_bad_jsonl_names_file_and_line(tmp_path, capsys, lines, expected_message):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = cli("--input-jsonl", str(src))
    assert 2 == args.func(args)
    assert expected_message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "expected_message"),
    [
        ((), "give at least one FILE or '-'"),
        (("/nonexistent/quoteattr/missing.txt",), "/nonexistent/quoteattr/missing.txt: cannot read"),
    ],
)
def test_render_cli_usage_errors(capsys, argv, expected_message):
    args = cli(*argv)
    assert 2 == args.func(args)
    assert expected_message in capsys.readouterr().err


def test_render_cli_rejects_unknown_engine(capsys):
    with pytest.raises(SystemExit):
        cli("x.txt", "--engine", "spacy")
    assert "invalid choice: 'spacy'" in capsys.readouterr().err


@pytest.mark.issue(15)
def test_render_model_does_not_import_render() -> None:
    """quoteattr.model imports no module that imports it back: not render, not even inside a function."""
    import ast
    from pathlib import Path

    import quoteattr.model

    tree = ast.parse(Path(quoteattr.model.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported.add("." * node.level + (node.module or ""))
            imported.update(f"{'.' * node.level}{a.name}" for a in node.names if node.module is None)
        elif isinstance(node, ast.Import):
            imported.update(a.name for a in node.names)
    assert {".errors", ".spans", ".tables", "__future__", "enum", "collections.abc", "typing", "attrs"} >= imported


@pytest.mark.issue(15)
def test_render_registers_result_to_html() -> None:
    """Result.to_html() is the renderer quoteattr.render registered, giving the same page as render.to_html."""
    r = quoteattr.extract('"We will respond," Peskov told reporters.')
    assert to_html(r, title="t") == r.to_html(title="t")
