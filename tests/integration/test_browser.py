"""The HTML view in a real browser: headless Chromium renders the seed articles.

Chromium loads the page from a file, dumps the DOM it built (``--dump-dom``)
and takes a screenshot. The DOM must hold, for every quote of every result,
an element with the quote's offsets, kind and speaker label, and the text it
shows must be the document's text character for character (CR, markup and
astral characters included). The screenshot must be of the asked size and
show each quote's highlight colour.

Skipped, with the reason, when no Chromium is installed (Debian:
``apt-get install -y chromium``); set ``QUOTEATTR_CHROMIUM`` to use another
binary, and ``QUOTEATTR_SCREENSHOT_DIR`` to keep the screenshots.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from html_tree import Node, parse

import quoteattr
from quoteattr import Quote, Result, Span, Speaker, SpeakerRef
from quoteattr.render import (
    UNATTRIBUTED_COLOUR,
    entity_colour,
    render_html,
    speaker_label,
)

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]
WINDOW = (1100, 4000)


def find_chromium() -> str | None:
    for name in (os.environ.get("QUOTEATTR_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        pytest.skip("headless Chromium is absent (apt-get install -y chromium, or set QUOTEATTR_CHROMIUM)")
    return path


def run_chromium(chromium: str, tmp_path: Path, page: Path, *extra: str) -> str:
    """Run Chromium on *page*; its standard output, decoded without newline translation."""
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    proc = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert 0 == proc.returncode, proc.stderr[-2000:].decode("utf-8", "replace")
    return proc.stdout.decode("utf-8")


# ----------------------------------------------------------------------------
# documents


def gold_result(doc: dict) -> Result:
    """The hand-labelled seed quotes as a Result: speakers, cues, mentions."""
    text = doc["text"]
    spoken = [q for q in doc["quotes"] if q.get("speaker_entity") and q.get("speaker")]
    names = list(dict.fromkeys(q["speaker_entity"] for q in spoken))
    speakers = {
        name: Speaker(
            id=f"e{i}",
            name=name,
            mentions=sorted({Span.of(text, *q["speaker"]) for q in spoken if q["speaker_entity"] == name}),
        )
        for i, name in enumerate(names)
    }
    quotes = []
    for q in doc["quotes"]:
        ref = None
        if q in spoken:
            ref = SpeakerRef(mention=Span.of(text, *q["speaker"]), entity=speakers[q["speaker_entity"]])
        cue = Span.of(text, *q["cue"]) if q.get("cue") else None
        quotes.append(
            Quote(kind=q["kind"], content=Span.of(text, q["start"], q["end"]), cue=cue, speaker=ref, confidence=0.9)
        )
    return Result(text=text, quotes=quotes, speakers=list(speakers.values()), id=f"{doc['id']} (gold)")


def hostile_result() -> Result:
    """Markup, entities, CRLF, a lone CR and an astral character, nested quotes."""
    text = 'Intro <script>alert("x")</script> &amp;\r\n"Fish & <chips> 🐟, "so-called"," said <b>Bob</b>.\rEnd.'
    s, e = text.index("Fish"), text.index('",') + 1
    m = text.index("<b>Bob</b>")
    bob = Speaker(id="e0", name="<b>Bob</b> & Co", mentions=[Span.of(text, m, m + 10)])
    inner = text.index("so-called")
    quotes = [
        Quote(
            kind="mixed",
            content=Span.of(text, s, e),
            cue=Span.of(text, text.index("said"), text.index("said") + 4),
            speaker=SpeakerRef(mention=Span.of(text, m, m + 10), entity=bob),
            confidence=0.75,
        ),
        Quote(kind="direct", content=Span.of(text, inner, inner + 9), confidence=0.3),
    ]
    return Result(text=text, quotes=quotes, speakers=[bob], id="hostile <doc>")


# ----------------------------------------------------------------------------
# reading the dumped DOM


# ----------------------------------------------------------------------------
# reading the screenshot (8-bit RGB/RGBA PNG, no interlacing: what Chromium writes)


def read_png(path: Path) -> tuple[int, int, list[bytes], int]:
    data = path.read_bytes()
    assert b"\x89PNG\r\n\x1a\n" == data[:8]
    pos, idat = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert (8, 0) == (depth, interlace) and ctype in (2, 6), f"unexpected PNG format {depth=} {ctype=}"
        elif kind == b"IDAT":
            idat.append(body)
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    # The "up" filter adds bytes modulo 256: done on whole rows at once as
    # big integers, with carries kept from crossing byte boundaries.
    low7 = int.from_bytes(b"\x7f" * stride, "big")
    high1 = int.from_bytes(b"\x80" * stride, "big")
    prev, rows = bytes(stride), []
    for r in range(height):
        f, line = raw[r * (stride + 1)], raw[r * (stride + 1) + 1 : (r + 1) * (stride + 1)]
        cur = bytearray(line)
        if f == 2:
            a, b = int.from_bytes(line, "big"), int.from_bytes(prev, "big")
            cur = bytearray((((a & low7) + (b & low7)) ^ ((a ^ b) & high1)).to_bytes(stride, "big"))
        elif f:
            for i in range(stride):
                left = cur[i - bpp] if i >= bpp else 0
                up, ul = prev[i], (prev[i - bpp] if i >= bpp else 0)
                if f == 1:
                    pred = left
                elif f == 3:
                    pred = (left + up) >> 1
                else:
                    p = left + up - ul
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - ul)
                    pred = left if pa <= pb and pa <= pc else (up if pb <= pc else ul)
                cur[i] = (cur[i] + pred) & 255
        prev = bytes(cur)
        rows.append(prev)
    return width, height, rows, bpp


def colour_counts(rows: list[bytes], bpp: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows[::2]:
        for x in range(0, len(row), 2 * bpp):
            key = row[x : x + 3].hex()
            counts[key] = counts.get(key, 0) + 1
    return counts


# ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results(seeds) -> list[Result]:
    extracted = [quoteattr.extract(d["text"], id=d["id"]) for d in seeds]
    return extracted + [gold_result(d) for d in seeds] + [hostile_result()]


@pytest.fixture(scope="module")
def dom(chromium, results, tmp_path_factory) -> Node:
    tmp = tmp_path_factory.mktemp("dom")
    page = tmp / "seeds.html"
    page.write_text(render_html(results, title="Seed articles"), encoding="utf-8")
    return parse(run_chromium(chromium, tmp, page, "--dump-dom"))


def test_browser_dom_has_one_section_per_result(dom, results):
    sections = [n for n in dom.iter() if n.tag == "section"]
    assert [r.id for r in results] == [s.attrs["data-id"] for s in sections]


def test_browser_dom_shows_each_text_unchanged(dom, results):
    sections = [n for n in dom.iter() if n.tag == "section"]
    assert [r.text for r in results] == [s.find_all("qa-text")[0].text(skip="qa-label") for s in sections]


def test_browser_dom_quote_elements_match_results(dom, results):
    sections = [n for n in dom.iter() if n.tag == "section"]
    for r, section in zip(results, sections, strict=False):
        elements: dict[int, list[Node]] = {}
        for el in section.find_all("qa-quote"):
            elements.setdefault(int(el.attrs["data-quote"]), []).append(el)
        expected = [
            {
                "data-start": str(q.content.start),
                "data-end": str(q.content.end),
                "data-kind": q.kind.value,
                "data-confidence": f"{q.confidence:g}",
                "data-speaker": q.speaker.entity.name or "" if q.speaker else "",
                "data-entity": q.speaker.entity.id if q.speaker else "",
                "label": speaker_label(q),
            }
            for q in r.quotes
        ]
        actual = [
            {k: els[-1].attrs[k] for k in expected[0] if k != "label"}
            | {"label": els[-1].find_all("qa-label")[0].text()}
            for _, els in sorted(elements.items())
        ]
        assert expected == actual, r.id
        # Quotes that overlap no other quote are one element holding exactly their content.
        for i, q in enumerate(r.quotes):
            if not any(q.content.overlaps(o.content) for o in r.quotes if o is not q):
                assert [q.content.text] == [el.text(skip="qa-label") for el in elements[i]]


def test_browser_dom_keeps_markup_as_text(dom):
    (hostile,) = [n for n in dom.iter() if n.tag == "section" and n.attrs.get("data-id") == "hostile <doc>"]
    assert [] == [n.tag for n in hostile.iter() if n.tag in {"script", "b", "chips"}]
    assert ["<b>Bob</b> & Co", "no speaker"] == [n.text() for n in hostile.find_all("qa-name")]
    # The nested quote's label comes first: the outer quote's closes its last fragment.
    assert ["no speaker", "<b>Bob</b> & Co"] == [n.text() for n in hostile.find_all("qa-label")]


@pytest.mark.parametrize("which", ["extract", "gold"])
def test_browser_screenshot_shows_quote_colours(chromium, results, seeds, tmp_path, which):
    shown = results[: len(seeds)] if which == "extract" else results[len(seeds) : 2 * len(seeds)]
    first = shown[0]
    page = tmp_path / f"{which}.html"
    page.write_text(render_html(shown), encoding="utf-8")
    shot = tmp_path / f"{which}.png"
    run_chromium(chromium, tmp_path, page, f"--screenshot={shot}", f"--window-size={WINDOW[0]},{WINDOW[1]}")
    if os.environ.get("QUOTEATTR_SCREENSHOT_DIR"):
        shutil.copy(shot, Path(os.environ["QUOTEATTR_SCREENSHOT_DIR"]) / shot.name)
    width, height, rows, bpp = read_png(shot)
    assert WINDOW == (width, height)
    counts = colour_counts(rows, bpp)
    index = {s.id: i for i, s in enumerate(first.speakers)}
    expected = {
        (entity_colour(index[q.speaker.entity.id]) if q.speaker else UNATTRIBUTED_COLOUR).lstrip("#")
        for q in first.quotes
    }
    # Each highlight colour covers far more than the legend swatch (about
    # 17 x 17 pixels, 72 in the sampled grid): the quote backgrounds show.
    assert {c: True for c in expected} == {c: counts.get(c, 0) > 150 for c in expected}
    assert counts.get("ffffff", 0) > sum(counts.values()) // 2  # the page background
