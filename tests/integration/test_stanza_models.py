"""The stanza engine with stanza's real English models (skipped when absent).

Install the models with ``python -m quoteattr download`` (network needed),
or point ``STANZA_RESOURCES_DIR`` at a folder that holds them. These tests
never download anything: the pipelines are built with ``download_method=None``.
"""

from __future__ import annotations

import pytest

stanza = pytest.importorskip("stanza")

import quoteattr  # noqa: E402
from quoteattr.adapters import stanza as adapter  # noqa: E402

pytestmark = [pytest.mark.stanza, pytest.mark.models]

TEXT = (
    "Sergey Lavrov, the Russian foreign minister, spoke in Moscow on Friday.\n\n"
    '"We will respond to this robbery," he told reporters. '
    "Lavrov said that Moscow would not wait for Washington."
)


def _skip_unless_installed(processors: str) -> None:
    missing = adapter.missing_models(processors=processors)
    if missing:
        pytest.skip(
            f"stanza models missing in {adapter.model_dir()}: {', '.join(missing)} "
            f"(install with: python -m quoteattr download)"
        )


@pytest.fixture(scope="module")
def nlp_no_coref() -> object:
    _skip_unless_installed(adapter.PROCESSORS_NO_COREF)
    return adapter.build_pipeline(coref=False)


def test_stanza_models_offsets_index_original_text(nlp_no_coref: object) -> None:
    """Every span of the result is a slice of the unchanged input."""
    r = quoteattr.extract(TEXT, pipeline=nlp_no_coref)
    assert "stanza" == r.engine
    for q in r.quotes:
        assert TEXT[q.content.start : q.content.end] == q.content.text


def test_stanza_models_without_coref(nlp_no_coref: object) -> None:
    """A pipeline without coref finds the direct and the indirect quote with their cues."""
    r = quoteattr.extract(TEXT, pipeline=nlp_no_coref)
    found = {(q.content.text, q.cue.text if q.cue else None) for q in r.quotes}
    assert ("We will respond to this robbery,", "told reporters") in found
    assert ("Moscow would not wait for Washington", "said") in found


def test_stanza_models_default_engine_with_coref() -> None:
    """engine="stanza" builds the full pipeline; "he" resolves to Lavrov's entity."""
    _skip_unless_installed(adapter.PROCESSORS)
    r = quoteattr.extract(TEXT, engine="stanza")
    [q] = [q for q in r.quotes if q.content.text.startswith("We will respond")]
    assert "he" == q.speaker.mention.text
    assert "Lavrov" in (q.speaker.entity.name or "")
