"""Run :func:`quoteattr.extract` over a Dask bag or dataframe.

Install the extra first: ``pip install 'quoteattr[dask]'`` (``dask[bag,dataframe]``
and ``distributed``). Nothing here imports Dask until a function is called,
and a missing Dask raises :class:`DaskNotInstalledError` (a
:class:`~quoteattr.QuoteattrError` and an :class:`ImportError`).

What comes back is plain data that serialises between processes and
machines: a bag of :meth:`Result.to_dict() <quoteattr.Result.to_dict>` dicts,
or the dataframe with JSON string columns added. Rebuild results with
:meth:`Result.from_dict <quoteattr.Result.from_dict>` and
:func:`result_from_row`.

On one machine, Dask's default scheduler for bags is a process pool, which
is what you want (extraction is pure Python and holds the GIL). To use a
cluster, connect a client before computing; every worker needs quoteattr
(same version) installed::

    from dask.distributed import Client
    client = Client("tcp://scheduler-host:8786")   # or LocalCluster(...)
    import dask.bag as db
    from quoteattr.dask import extract_bag
    texts = db.read_text("s3://bucket/articles/*.txt", files_per_partition=100)
    results = extract_bag(texts).compute()          # a list of dicts

This module is named ``quoteattr.dask``; it imports the real ``dask`` package
with absolute imports, which Python 3 always uses, so the names never clash.

Example:
    >>> import dask.bag as db
    >>> from quoteattr.dask import extract_bag
    >>> bag = db.from_sequence(['"Fine," she said.'], npartitions=1)
    >>> [d["quotes"][0]["content"] for d in extract_bag(bag).compute(scheduler="sync")]
    [[1, 6, 'Fine,']]
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from typing import Any

from .errors import DaskNotInstalledError, InputTypeError, UnknownEngineError

__all__ = [
    "OUTPUT_COLUMNS",
    "DaskNotInstalledError",
    "extract_bag",
    "extract_dataframe",
    "extract_quotes_dataframe",
    "result_from_row",
]

#: The columns :func:`extract_dataframe` adds (after its ``prefix``).
OUTPUT_COLUMNS = ("quotes", "speakers", "diagnostics", "n_quotes")

_ENGINES = ("rules", "stanza")


def _import(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise DaskNotInstalledError(
            f"quoteattr.dask needs {module!r}, which is not installed: pip install 'quoteattr[dask]' "
            f"(it brings dask[bag,dataframe] and distributed) ({exc})"
        ) from exc


def _check_kwargs(kwargs: Mapping[str, Any]) -> None:
    # Fail now, on the client, rather than in every task on every worker.
    if kwargs.get("pipeline") is not None:
        raise InputTypeError(
            "extract_bag()/extract_dataframe() cannot ship a stanza.Pipeline to workers: pass engine='stanza' "
            "and each worker process loads its own"
        )
    engine = kwargs.get("engine", "rules")
    if engine not in _ENGINES:
        raise UnknownEngineError(f"engine must be one of {_ENGINES} (got {engine!r})")
    import inspect

    from .pipeline import extract

    unknown = set(kwargs) - (set(inspect.signature(extract).parameters) - {"text", "id"})
    if unknown:
        raise InputTypeError(f"unknown keyword argument(s) for extract(): {', '.join(sorted(unknown))}")


def _check_frame(caller: str, df: Any, text_column: str, id_column: str | None, kwargs: Mapping[str, Any]) -> None:
    """The checks of both dataframe functions, made on the client before any task runs.

    Raises:
        DaskNotInstalledError: when ``dask.dataframe`` cannot be imported.
        InputTypeError: when *df* is not a Dask dataframe (the message names
            *caller*), or for a bad keyword argument (see :func:`_check_kwargs`).
        KeyError: when *text_column* or *id_column* is not a column.
    """
    dd = _import("dask.dataframe")
    if not isinstance(df, dd.DataFrame):
        raise InputTypeError(f"{caller}() needs a dask.dataframe.DataFrame, got {type(df).__name__}")
    _check_kwargs(kwargs)
    for name, col in (("text_column", text_column), ("id_column", id_column)):
        if col is not None and col not in df.columns:
            raise KeyError(f"{name} {col!r} is not a column of the dataframe (columns: {list(df.columns)})")


def _extract_item(kwargs: Mapping[str, Any], item: Any) -> dict[str, Any]:
    from .pipeline import extract

    if isinstance(item, Mapping):
        if "text" not in item:
            raise InputTypeError(f"a bag item that is a mapping needs a 'text' key (got keys {sorted(item)[:10]})")
        doc_id = item.get("id")
        return extract(item["text"], id=None if doc_id is None else str(doc_id), **kwargs).to_dict()
    return extract(item, **kwargs).to_dict()


def extract_bag(bag: Any, **kwargs: Any) -> Any:
    """Extract quotes from every item of a Dask bag, lazily.

    Args:
        bag: a ``dask.bag.Bag`` of texts (``str``), of mappings with a
            ``"text"`` key (and optionally ``"id"``, kept as the result id), or
            of anything else :func:`quoteattr.extract` accepts.
        **kwargs: passed to :func:`quoteattr.extract` (``engine``,
            ``min_confidence``).

    Returns:
        A bag, in the input's order, of :meth:`Result.to_dict` dicts.

    Raises:
        DaskNotInstalledError: when ``dask.bag`` cannot be imported.
        InputTypeError: when *bag* is not a Dask bag, or for a
            ``pipeline`` or unknown keyword argument. An item of the wrong
            type raises :class:`~quoteattr.InputTypeError` when computed.
        UnknownEngineError: for an unknown engine name.
    """
    dask_bag = _import("dask.bag")
    if not isinstance(bag, dask_bag.Bag):
        raise InputTypeError(f"extract_bag() needs a dask.bag.Bag, got {type(bag).__name__}")
    _check_kwargs(kwargs)
    return bag.map(functools.partial(_extract_item, dict(kwargs)))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _extract_partition(
    part: Any, text_column: str, id_column: str | None, prefix: str, kwargs: Mapping[str, Any]
) -> Any:
    import pandas as pd

    from .pipeline import extract

    cols: dict[str, list[Any]] = {c: [] for c in OUTPUT_COLUMNS}
    ids = part[id_column] if id_column is not None else [None] * len(part)
    for index, text, doc_id in zip(part.index, part[text_column], ids, strict=False):
        if not isinstance(text, str):
            missing = text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA
            raise InputTypeError(
                f"row {index!r}: column {text_column!r} must hold str, got "
                + ("a missing value (drop or fill those rows first)" if missing else type(text).__name__)
            )
        d = extract(text, id=None if doc_id is None else str(doc_id), **kwargs).to_dict()
        cols["quotes"].append(_dumps(d["quotes"]))
        cols["speakers"].append(_dumps(d["speakers"]))
        cols["diagnostics"].append(_dumps(d["diagnostics"]))
        cols["n_quotes"].append(len(d["quotes"]))
    new = {
        prefix + c: pd.Series(values, index=part.index, dtype="int64" if c == "n_quotes" else object)
        for c, values in cols.items()
    }
    return part.assign(**new)


def extract_dataframe(
    df: Any, text_column: str = "text", *, id_column: str | None = None, prefix: str = "", **kwargs: Any
) -> Any:
    """Add extraction results as columns of a Dask dataframe, lazily.

    Args:
        df: a ``dask.dataframe.DataFrame`` with a column of texts.
        text_column: the column holding the texts.
        id_column: a column of document ids, stored in each result (only
            :func:`result_from_row` sees it).
        prefix: put before the new column names, e.g. ``"pred_"`` when the
            frame already has a ``quotes`` column (a gold corpus).
        **kwargs: passed to :func:`quoteattr.extract` (``engine``,
            ``min_confidence``).

    Returns:
        The dataframe with these columns added: ``quotes``, ``speakers`` and
        ``diagnostics``, JSON strings holding the lists of
        :meth:`Result.to_dict` (``json.loads`` them, or use
        :func:`result_from_row`), and ``n_quotes`` (``int64``). The index and
        partitions are unchanged.

    Raises:
        DaskNotInstalledError: when ``dask.dataframe`` cannot be imported.
        InputTypeError: when *df* is not a Dask dataframe, or for a
            ``pipeline`` or unknown keyword argument. A row whose text is not
            a ``str`` (a missing value included) raises
            :class:`~quoteattr.InputTypeError`, naming the row, when computed.
        KeyError: when *text_column* or *id_column* is not a column.
        ValueError: when an output column name is already taken.
        UnknownEngineError: for an unknown engine name.
    """
    _check_frame("extract_dataframe", df, text_column, id_column, kwargs)
    taken = [prefix + c for c in OUTPUT_COLUMNS if prefix + c in df.columns]
    if taken:
        raise ValueError(
            f"the dataframe already has column(s) {taken}: pass prefix='pred_' (or another) to extract_dataframe()"
        )
    args = (text_column, id_column, prefix, dict(kwargs))
    # The meta is the function applied to the empty meta frame: same
    # columns, same dtypes as every computed partition.
    meta = _extract_partition(df._meta, *args)
    return df.map_partitions(_extract_partition, *args, meta=meta)


def _quotes_partition(part: Any, text_column: str, id_column: str | None, kwargs: Mapping[str, Any]) -> Any:
    import pandas as pd

    from .frame import COLUMNS, _rows
    from .pipeline import extract

    _check_texts(part, text_column)
    ids = part[id_column] if id_column is not None else [None] * len(part)
    rows: list[tuple[Any, ...]] = []
    for index, text, doc_id in zip(part.index, part[text_column], ids, strict=False):
        result = extract(text, id=None if doc_id is None else str(doc_id), **kwargs)
        rows.extend((index, *row[1:]) for row in _rows([result]))
    df = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    types = {"quote": "int64", "start": "int64", "end": "int64", "speaker_start": "Int64", "confidence": "float64"}
    return df.astype({**types, "doc": part.index.dtype if len(part.index) else "int64"})


def _check_texts(part: Any, text_column: str) -> None:
    import pandas as pd

    for index, text in zip(part.index, part[text_column], strict=False):
        if not isinstance(text, str):
            missing = text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA
            raise InputTypeError(
                f"row {index!r}: column {text_column!r} must hold str, got "
                + ("a missing value (drop or fill those rows first)" if missing else type(text).__name__)
            )


def extract_quotes_dataframe(df: Any, text_column: str = "text", *, id_column: str | None = None, **kwargs: Any) -> Any:
    """One row per quote, lazily: the table of :func:`quoteattr.to_frame` from a Dask dataframe.

    Args:
        df: a ``dask.dataframe.DataFrame`` with a column of texts.
        text_column: the column holding the texts.
        id_column: a column of document ids, shown in ``doc_id``.
        **kwargs: passed to :func:`quoteattr.extract` (``engine``,
            ``min_confidence``).

    Returns:
        A Dask dataframe with the columns of :data:`quoteattr.frame.COLUMNS`;
        ``doc`` holds the index label of the input row (not a position), and a
        document without quotes adds no row. Partitions follow the input's;
        the index is a fresh range within each partition.

    Raises:
        DaskNotInstalledError: when ``dask.dataframe`` cannot be imported.
        InputTypeError: as :func:`extract_dataframe`.
        KeyError: when *text_column* or *id_column* is not a column.

    Example:
        >>> import dask.dataframe as dd, pandas as pd
        >>> from quoteattr.dask import extract_quotes_dataframe
        >>> texts = pd.DataFrame({"text": ['"Fine," Ruiz said.', "None.", '"Go," said Ana Ortiz.']})
        >>> q = extract_quotes_dataframe(dd.from_pandas(texts, npartitions=1)).compute(scheduler="sync")
        >>> q[["doc", "text", "speaker_name"]].values.tolist()
        [[0, 'Fine,', 'Ruiz'], [2, 'Go,', 'Ana Ortiz']]
    """
    _check_frame("extract_quotes_dataframe", df, text_column, id_column, kwargs)
    args = (text_column, id_column, dict(kwargs))
    meta = _quotes_partition(df._meta, *args).astype({"doc": df._meta.index.dtype})
    return df.map_partitions(_quotes_partition, *args, meta=meta, enforce_metadata=False)


def result_from_row(
    row: Mapping[str, Any],
    text_column: str = "text",
    *,
    id_column: str | None = None,
    prefix: str = "",
    engine: str = "rules",
) -> Any:
    """Rebuild the :class:`~quoteattr.Result` of one row of :func:`extract_dataframe`'s output.

    Args:
        row: a row (a ``pandas.Series`` from ``df.iterrows()``, or any
            mapping from column names to values).
        text_column, id_column, prefix: as given to :func:`extract_dataframe`.
        engine: the engine given to :func:`extract_dataframe` (the columns do
            not store it).

    Raises:
        SerializationError: when the columns do not hold a valid result.
    """
    from .errors import SerializationError
    from .model import Result

    doc_id = row[id_column] if id_column is not None else None
    try:
        lists = {c: json.loads(row[prefix + c]) for c in ("quotes", "speakers", "diagnostics")}
    except (TypeError, ValueError) as exc:
        raise SerializationError(f"columns {prefix}quotes/speakers/diagnostics must hold JSON lists ({exc})") from exc
    return Result.from_dict(
        {"text": row[text_column], "id": None if doc_id is None else str(doc_id), "engine": engine, **lists}
    )
