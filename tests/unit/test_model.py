"""The frozen result types validate their offsets and round-trip losslessly."""

from __future__ import annotations

import json

import attrs
import pytest

import quoteattr
from quoteattr import InvalidSpanError, Quote, QuoteKind, Result, SerializationError, Span, Speaker, SpeakerRef


class TestSpan:
    """Span validation."""

    @pytest.mark.issue(15)
    @pytest.mark.parametrize(
        ("start", "end", "text", "message"),
        [
            (-1, 2, "abc", "'start' must be >= 0"),
            (0, -2, "", "'end' must be >= 0"),
            (3, 2, "", "'end' must be >= 'start'"),
            (0, 2, "abc", "end - start = 2"),
        ],
    )
    def test_model_span_rejects_bad_offsets(self, start: int, end: int, text: str, message: str) -> None:
        """Negative, reversed or length-mismatched spans raise InvalidSpanError itself, not attrs' plain ValueError."""
        with pytest.raises(InvalidSpanError, match=message):
            Span(start, end, text)

    @pytest.mark.issue(15)
    @pytest.mark.parametrize(("start", "end"), [("0", 1), (0, 1.0), (True, 1), (None, 1)])
    def test_model_span_rejects_non_int_offsets(self, start: object, end: object) -> None:
        """An offset that is not an int (a bool neither) raises InputTypeError naming the field."""
        with pytest.raises(quoteattr.InputTypeError, match="must be an int offset"):
            Span(start, end, "a")  # type: ignore[arg-type]  # the wrong type is the test

    def test_model_span_of_checks_bounds(self) -> None:
        """Span.of refuses a span outside its source."""
        with pytest.raises(InvalidSpanError, match="within a text of 3"):
            Span.of("abc", 1, 5)

    def test_model_span_is_frozen(self) -> None:
        """Spans cannot be changed."""
        s = Span.of("abc", 0, 1)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            s.start = 2  # type: ignore[misc]  # writing a frozen field is the test


class TestResult:
    """Result validation and serialisation."""

    def _result(self) -> Result:
        text = 'He said: "No deal."'
        ent = Speaker(id="e0", name=None, kind="person", gender="male", mentions=[Span.of(text, 0, 2)])
        q = Quote(
            kind=QuoteKind.DIRECT,
            content=Span.of(text, 10, 18),
            cue=Span.of(text, 3, 7),
            cue_class="speech",
            speaker=SpeakerRef(mention=Span.of(text, 0, 2), entity=ent, resolution="unresolved", confidence=0.4),
            confidence=0.9,
            rule="colon-quote",
        )
        return Result(text=text, quotes=[q], speakers=[ent])

    def test_model_result_round_trip_through_json(self) -> None:
        """from_dict(json(to_dict(r))) == r."""
        r = self._result()
        assert r == Result.from_dict(json.loads(json.dumps(r.to_dict())))

    def test_model_result_rejects_span_not_in_text(self) -> None:
        """A span whose text differs from the source raises."""
        r = self._result()
        with pytest.raises(InvalidSpanError):
            Result(text=r.text.upper(), quotes=r.quotes, speakers=r.speakers)

    def test_model_result_rejects_unknown_entity(self) -> None:
        """Every quote's entity must be among the speakers."""
        r = self._result()
        with pytest.raises(SerializationError):
            Result(text=r.text, quotes=r.quotes, speakers=())

    @pytest.mark.parametrize(
        "bad",
        [
            {"text": 3},
            {"quotes": [{}], "text": "x"},
            [],
            {"text": "ab", "quotes": [{"kind": "direct", "content": [0, 5, "abcde"]}]},
        ],
    )
    def test_model_from_dict_rejects_bad_dicts(self, bad: object) -> None:
        """Malformed dicts raise SerializationError (a ValueError)."""
        with pytest.raises(SerializationError):
            Result.from_dict(bad)  # type: ignore[arg-type]  # the wrong type is the test

    @pytest.mark.issue(18)
    @pytest.mark.parametrize(
        ("bad", "message"),
        [
            ({"schema": 1, "text": "abc", "quotes": ["x"]}, "a quote must be an object"),
            ({"text": "abc", "quotes": [None]}, "a quote must be an object"),
            ({"text": "abc", "quotes": "abc"}, "'quotes' must be a list"),
            ({"text": "abc", "speakers": [7]}, "a speaker must be an object"),
            ({"text": "abc", "diagnostics": [[0, 1]]}, "a diagnostic must be an object"),
            ({"text": "abc", "id": 10**4400}, "id"),
            ({"text": "abc", "id": 7}, "id"),
            (
                {"text": "abc", "quotes": [{"kind": "direct", "content": [0, 1, "a"], "confidence": 10**400}]},
                "OverflowError",
            ),
            (
                {"text": "abc", "quotes": [{"kind": "direct", "content": [0, 1, "a"], "speaker": "x"}]},
                "speaker must be an object",
            ),
            (
                {"text": "abc", "diagnostics": [{"code": "c", "message": "m", "start": 0, "end": 1, "count": 0}]},
                "'count' must be >= 1",
            ),
            # found by the deep run of test_io_from_dict_returns_result_or_serialization_error:
            # a nan alias was accepted, and the result was not equal to itself
            ({"text": "abc", "speakers": [{"id": "e0", "aliases": [float("nan")]}]}, "aliases"),
        ],
    )
    def test_model_from_dict_raises_only_serialization_error(self, bad: dict[str, object], message: str) -> None:
        """Dicts that leaked AttributeError, ValueError or OverflowError now raise SerializationError."""
        with pytest.raises(SerializationError, match=message):
            Result.from_dict(bad)

    def test_model_quote_parts_must_cover_content(self) -> None:
        """parts must start and end with the content."""
        text = "abcdef"
        with pytest.raises(InvalidSpanError):
            Quote(kind="direct", content=Span.of(text, 0, 6), parts=[Span.of(text, 0, 2)])


class TestDiagnostic:
    """Collapsed diagnostics."""

    def test_model_diagnostic_to_dict_keeps_four_keys_when_single(self) -> None:
        """A diagnostic that stands for one occurrence serialises as before: code, message, start, end."""
        d = quoteattr.Diagnostic(code="unclosed-quote", message="m", start=0, end=1)
        assert ["code", "message", "start", "end"] == list(d.to_dict())

    @pytest.mark.issue(18)
    def test_model_collapsed_diagnostic_round_trips(self) -> None:
        """count and offsets survive to_dict/from_dict; offsets outside the text are refused."""
        text = "“a “b “c"
        d = quoteattr.Diagnostic(
            code="unclosed-quote", message="m", start=0, end=1, count=3, offsets=[(0, 1), (3, 4), (6, 7)]
        )
        r = Result(text=text, diagnostics=[d])
        assert r == Result.from_dict(json.loads(json.dumps(r.to_dict())))
        assert {"count": 3, "offsets": [[0, 1], [3, 4], [6, 7]]}.items() <= r.to_dict()["diagnostics"][0].items()
        with pytest.raises(InvalidSpanError, match="outside the text"):
            Result(text="ab", diagnostics=[d])


class TestInput:
    """Bad input to extract."""

    @pytest.mark.parametrize(
        ("value", "match"), [(b"bytes", "decode"), (None, "NoneType"), (42, "int"), (["a"], "list")]
    )
    def test_model_extract_rejects_non_str(self, value: object, match: str) -> None:
        """Non-str input raises a TypeError naming the type (bytes: a decode hint)."""
        with pytest.raises(TypeError, match=match):
            quoteattr.extract(value)
        with pytest.raises(quoteattr.QuoteattrError):
            quoteattr.extract(value)

    def test_model_extract_unknown_engine(self) -> None:
        """An unknown engine name is a ValueError."""
        with pytest.raises(ValueError, match="engine"):
            quoteattr.extract("text", engine="spacy")

    @pytest.mark.parametrize("text", ["", " ", "\n\n", '"', "“", "'"])
    def test_model_extract_trivial_text(self, text: str) -> None:
        """Empty and one-mark texts give an empty, valid result."""
        r = quoteattr.extract(text)
        assert text == r.text
        assert () == r.quotes
