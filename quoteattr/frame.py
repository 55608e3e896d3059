"""One row per quote: results as a pandas ``DataFrame`` for notebooks and pipelines.

Needs the optional ``[pandas]`` extra (``pip install 'quoteattr[pandas]'``);
without pandas, :func:`to_frame` raises
:class:`~quoteattr.PandasNotInstalledError`, an ``ImportError`` that names the
extra. pandas is imported only when :func:`to_frame` runs.

Example:
    >>> import quoteattr
    >>> r = quoteattr.extract('"We will respond," Peskov told reporters.', id="tass-1")
    >>> df = quoteattr.to_frame([r])
    >>> df[["doc_id", "kind", "start", "end", "text", "cue", "speaker_name"]].values.tolist()
    [['tass-1', 'direct', 1, 17, 'We will respond,', 'told reporters', 'Peskov']]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import InputTypeError, PandasNotInstalledError
from .model import Result

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "to_frame"]

#: The columns of :func:`to_frame`, in order:
#:
#: * ``doc``: the result's position in the input (0, 1, ...);
#: * ``doc_id``: :attr:`Result.id <quoteattr.Result.id>`, ``None`` when no id was given;
#: * ``quote``: the quote's position in its document;
#: * ``kind``: ``"direct"``, ``"indirect"`` or ``"mixed"``;
#: * ``start``, ``end``: the offsets of :attr:`Quote.content <quoteattr.Quote.content>`;
#: * ``text``: the quote's own words, :attr:`Quote.text <quoteattr.Quote.text>`;
#: * ``cue``, ``cue_class``: the cue's text and ``"speech"``/``"thought"``, ``None`` without a cue;
#: * ``speaker_mention``, ``speaker_start``: the speaker mention's text and offset;
#: * ``speaker_name``: the entity's canonical name (``None`` when the text never names it);
#: * ``speaker_id``: the entity id within its document (``"e0"`` ...);
#: * ``confidence`` and ``rule``.
#:
#: The speaker columns are ``None`` for a quote with no speaker.
COLUMNS = (
    "doc", "doc_id", "quote", "kind", "start", "end", "text", "cue", "cue_class",
    "speaker_mention", "speaker_start", "speaker_name", "speaker_id", "confidence", "rule",
)  # fmt: skip


def _rows(results: Iterable[Result]) -> list[tuple[Any, ...]]:
    rows = []
    for d, r in enumerate(results):
        if not isinstance(r, Result):
            raise InputTypeError(f"to_frame() takes quoteattr.Result objects, got {type(r).__name__} at position {d}")
        for i, q in enumerate(r.quotes):
            sp = q.speaker
            rows.append(
                (
                    d, r.id, i, q.kind.value, q.content.start, q.content.end, q.text,
                    None if q.cue is None else q.cue.text,
                    None if q.cue_class is None else q.cue_class.value,
                    None if sp is None else sp.mention.text,
                    None if sp is None else sp.mention.start,
                    None if sp is None else sp.entity.name,
                    None if sp is None else sp.entity.id,
                    q.confidence, q.rule,
                )
            )  # fmt: skip
    return rows


def to_frame(results: Result | Iterable[Result]) -> pd.DataFrame:
    """A ``pandas.DataFrame`` with one row per quote of *results*, in input and text order.

    Args:
        results: one :class:`~quoteattr.Result` or an iterable of them
            (what :func:`quoteattr.extract_many` yields).

    Returns:
        A frame with the columns of :data:`COLUMNS`; ``speaker_start`` is a
        nullable integer column (``Int64``), so quotes without a speaker
        hold ``<NA>`` there.

    Raises:
        PandasNotInstalledError: pandas is not installed (an ``ImportError``).
        InputTypeError: an item of *results* is not a ``Result`` (a ``TypeError``).
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise PandasNotInstalledError(
            "quoteattr.to_frame() needs pandas: install the extra with pip install 'quoteattr[pandas]'",
            packages=("pandas",),
            install="pip install 'quoteattr[pandas]'",
        ) from e
    if isinstance(results, Result):
        results = [results]
    elif isinstance(results, (str, bytes)):
        raise InputTypeError(
            f"to_frame() takes quoteattr.Result objects, got {type(results).__name__}: run extract() first"
        )
    df = pd.DataFrame.from_records(_rows(results), columns=list(COLUMNS))
    types = {"doc": "int64", "quote": "int64", "start": "int64", "end": "int64", "speaker_start": "Int64"}
    return df.astype({**types, "confidence": "float64"})
