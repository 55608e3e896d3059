"""quoteattr.to_frame: one pandas row per quote (issue 19)."""

from __future__ import annotations

import sys

import pytest

import quoteattr
from quoteattr.frame import COLUMNS

pd = pytest.importorskip("pandas")
pytestmark = pytest.mark.issue(19)

TEXTS = [
    ('"We will respond," Dmitry Peskov told reporters. He said that the talks were over.', "tass-1"),
    ("Nothing was said here.", "empty"),
    ('"The money is there," a spokesman said, "but the timing is tight."', None),
]


@pytest.fixture(scope="module")
def results() -> list[quoteattr.Result]:
    return [quoteattr.extract(t, id=i) for t, i in TEXTS]


def test_frame_one_row_per_quote(results: list[quoteattr.Result]) -> None:
    """Rows follow the input and text order; a document without quotes adds none."""
    df = quoteattr.to_frame(results)
    assert list(COLUMNS) == list(df.columns)
    assert [(0, "tass-1", 0), (0, "tass-1", 1), (2, None, 0)] == [
        (d, None if pd.isna(i) else i, q) for d, i, q in zip(df["doc"], df["doc_id"], df["quote"], strict=True)
    ]


def test_frame_row_values(results: list[quoteattr.Result]) -> None:
    """kind, offsets, the quote's words, cue, speaker mention, name, entity id and confidence."""
    df = quoteattr.to_frame(results)
    first = df.iloc[0]
    q = results[0].quotes[0]
    assert ("direct", 1, 17, "We will respond,", "told reporters", "speech") == (
        first["kind"], first["start"], first["end"], first["text"], first["cue"], first["cue_class"],
    )  # fmt: skip
    speaker_columns = ["speaker_mention", "speaker_start", "speaker_name", "speaker_id", "confidence"]
    assert ["Dmitry Peskov", 19, "Dmitry Peskov", q.speaker.entity.id, q.confidence] == first[speaker_columns].tolist()
    second = df.iloc[1]
    assert ("indirect", "the talks were over", "He", "Dmitry Peskov", first["speaker_id"]) == (
        second["kind"], second["text"], second["speaker_mention"], second["speaker_name"], second["speaker_id"],
    )  # fmt: skip


def test_frame_split_quote_has_its_words(results: list[quoteattr.Result]) -> None:
    """The text column holds Quote.text, not the narration between the parts."""
    row = quoteattr.to_frame(results[2]).iloc[0]
    assert "The money is there, […] but the timing is tight." == row["text"]
    assert (results[2].quotes[0].content.start, results[2].quotes[0].content.end) == (row["start"], row["end"])


def test_frame_empty_input_has_the_columns() -> None:
    df = quoteattr.to_frame([])
    assert (0, list(COLUMNS)) == (len(df), list(df.columns))


def test_frame_rejects_text() -> None:
    """A str is not a result: the error says to run extract() first."""
    with pytest.raises(quoteattr.InputTypeError, match="extract"):
        quoteattr.to_frame("He said hello.")  # type: ignore[arg-type]  # the wrong type is the test
    with pytest.raises(TypeError, match="position 1"):
        quoteattr.to_frame([quoteattr.extract("x"), {"text": "x"}])  # type: ignore[list-item]  # the wrong type is the test


def test_frame_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch, results: list[quoteattr.Result]) -> None:
    """Without pandas the error is an ImportError that names the [pandas] extra."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(quoteattr.PandasNotInstalledError, match=r"quoteattr\[pandas\]") as info:
        quoteattr.to_frame(results)
    assert isinstance(info.value, ImportError)
