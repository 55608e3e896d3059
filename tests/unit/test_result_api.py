"""Issue 19, the API a new user meets: a quote's own words, a documented error
for an unknown speaker id, speaker aliases, and an import that starts fast.

Texts are written for these tests, except the sample article of the README
(examples/sample_article.txt), which the README's example output shows.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr

pytestmark = pytest.mark.issue(19)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = (ROOT / "examples" / "sample_article.txt").read_text(encoding="utf-8")


class TestQuoteText:
    """Quote.text is the quote's own words, never the narration of a split quote."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ('"We will respond," he told reporters.', "We will respond,"),
            (
                '"The money is there," he said, "but the timing is tight."',
                "The money is there, […] but the timing is tight.",
            ),
            ("“Talks are over,” Anna Berg said. “We are leaving.”", "Talks are over, […] We are leaving."),
            ("Anna Berg said that the talks were over.", "the talks were over"),
        ],
    )
    def test_model_quote_text_joins_parts(self, text: str, expected: str) -> None:
        """The parts' text joined by ' […] '; one part gives content.text."""
        (q,) = quoteattr.extract(text).quotes
        assert expected == q.text
        assert quoteattr.Quote.PART_JOINER.join(p.text for p in q.parts) == q.text
        assert all(p.text in q.text for p in q.parts)

    def test_model_quote_text_split_quote_leaves_out_narration(self) -> None:
        """content spans the narration between the parts; text does not."""
        text = '"The money is there," he said, "but the timing is tight."'
        (q,) = quoteattr.extract(text).quotes
        assert 2 == len(q.parts)
        assert "he said" in q.content.text
        assert "he said" not in q.text and '"' not in q.text

    def test_model_quote_text_readme_sample(self) -> None:
        """The README's second quote: Marquez's split quote, without "told reporters"."""
        q = next(q for q in quoteattr.extract(SAMPLE).quotes if q.text.startswith("We are not going"))
        expected = (
            "We are not going to rush a decision that will shape this city for fifty years, […] "
            "The people of Riverton deserve a bridge that stands."
        )
        assert expected == q.text
        assert "told reporters" in q.content.text

    def test_model_quote_text_survives_round_trip(self) -> None:
        """text is derived from parts, so from_dict(to_dict()) gives the same words."""
        r = quoteattr.extract(SAMPLE)
        again = quoteattr.Result.from_dict(r.to_dict())
        assert [q.text for q in r.quotes] == [q.text for q in again.quotes]


class TestResultSpeaker:
    """Result.speaker(id) raises UnknownSpeakerError for an id it does not hold."""

    def test_model_result_speaker_unknown_id(self) -> None:
        """The error is a QuoteattrError and a KeyError, and names the id and the known ids."""
        r = quoteattr.extract('"We will respond," Peskov told reporters.')
        with pytest.raises(quoteattr.UnknownSpeakerError) as info:
            r.speaker("e99")
        assert isinstance(info.value, quoteattr.QuoteattrError)
        assert isinstance(info.value, KeyError)
        assert ("e99", ("e0",)) == (info.value.entity_id, info.value.known)
        assert "no speaker has id 'e99' (the result holds 'e0')" == str(info.value)

    def test_model_result_speaker_unknown_id_caught_as_keyerror(self) -> None:
        """Code written for the old bare KeyError keeps working."""
        r = quoteattr.extract("No quotes here.")
        with pytest.raises(KeyError):
            r.speaker("e0")

    def test_model_result_speaker_known_id(self) -> None:
        r = quoteattr.extract(SAMPLE)
        assert [s.id for s in r.speakers] == [r.speaker(s.id).id for s in r.speakers]


class TestSpeakerAliases:
    """Speaker.aliases holds each name form as written, title included; name has no title."""

    def test_model_speaker_aliases_keep_titles(self) -> None:
        """'Mayor Elena Marquez' and 'Marquez' are aliases of the entity named 'Elena Marquez'."""
        r = quoteattr.extract(SAMPLE)
        marquez = next(s for s in r.speakers if s.name == "Elena Marquez")
        assert ("Mayor Elena Marquez", "Marquez") == marquez.aliases

    @pytest.mark.parametrize(
        ("text", "name", "aliases"),
        [
            ('Mr. Peskov spoke. "No," Dmitry Peskov said.', "Dmitry Peskov", ("Mr. Peskov", "Dmitry Peskov")),
            ('"No," the Kremlin spokesman said.', None, ()),
        ],
    )
    def test_model_speaker_aliases_only_name_forms(self, text: str, name: str | None, aliases: tuple[str, ...]) -> None:
        """A role with no name gives no alias; a title stays on the alias it was written with."""
        (q,) = quoteattr.extract(text).quotes
        assert q.speaker is not None
        assert (name, aliases) == (q.speaker.entity.name, q.speaker.entity.aliases)


def _loaded_after(code: str) -> list[str]:
    """The quoteattr, pandas and stanza modules loaded by *code* in a fresh interpreter."""
    code += (
        "\nimport sys"
        "\nprint(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('quoteattr', 'pandas', 'stanza'))))"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()


def test_api_import_is_lazy() -> None:
    """``import quoteattr`` loads the error tree only: no result types, engine, lexicons, pandas or stanza."""
    assert ["quoteattr", "quoteattr.errors"] == _loaded_after("import quoteattr")


def test_api_result_types_load_without_the_engine() -> None:
    """Reading a saved result needs the result types (and the HTML renderer
    that registers Result.to_html), not the engine and its lexicons."""
    loaded = _loaded_after("import quoteattr; quoteattr.Result.from_dict({'text': ''})")
    assert [
        "quoteattr",
        "quoteattr._io",
        "quoteattr.errors",
        "quoteattr.model",
        "quoteattr.render",
        "quoteattr.render_section",
        "quoteattr.spans",
        "quoteattr.tables",
    ] == loaded


def test_api_lazy_names_resolve() -> None:
    """Every lazily imported name is the object its module defines."""
    from quoteattr import frame, linking, pipeline

    assert (pipeline.extract, pipeline.DEFAULT_MIN_CONFIDENCE) == (quoteattr.extract, quoteattr.DEFAULT_MIN_CONFIDENCE)
    assert (linking.link_speakers, frame.to_frame) == (quoteattr.link_speakers, quoteattr.to_frame)
    assert set(quoteattr.__all__) <= set(dir(quoteattr))
    with pytest.raises(AttributeError, match="no attribute 'extrakt'"):
        quoteattr.extrakt  # noqa: B018  (the attribute lookup that fails is the test)
