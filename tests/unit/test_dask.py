"""Tests of quoteattr.dask: extraction over Dask bags and dataframes.

The cluster tests start a real ``LocalCluster`` of two worker processes (one
thread each), so texts, functions and results cross process boundaries as
they would on a remote cluster; they take a few seconds and run in CI.
"""

from __future__ import annotations

import json
import sys

import pytest

import quoteattr
from quoteattr import (
    InputTypeError,
    QuoteattrError,
    Result,
    SerializationError,
    UnknownEngineError,
)

db = pytest.importorskip("dask.bag", reason="quoteattr[dask] is not installed")
dd = pytest.importorskip("dask.dataframe", reason="quoteattr[dask] is not installed")
distributed = pytest.importorskip("distributed", reason="quoteattr[dask] is not installed")
pd = pytest.importorskip("pandas")

from quoteattr.dask import (
    OUTPUT_COLUMNS,
    DaskNotInstalledError,
    extract_bag,
    extract_dataframe,
    result_from_row,
)

#: Short texts of our own: direct, split, mixed and indirect quotes, none,
#: an empty text and non-ASCII, so the inline cases run without shared data.
TEXTS = [
    '"We will respond," Peskov told reporters.',
    '"It is robbery," Sergey Lavrov said. "We will not accept it."',
    'Maria Zakharova said the move was "a gross violation" of international law.',
    "The minister said that talks would resume next week.",
    "Nothing was said here at all.",
    "",
    '„Wir verhandeln nicht“, sagte Müller. «On verra», a dit Dupont. "Café culture is over," Zoë said.',
    'He added: "This is not over."\n\n"We will be back," he said.',
]


CORPORA = [
    "inline",
    pytest.param("seeds", marks=pytest.mark.shared_data),
    pytest.param("polnear", marks=pytest.mark.shared_data),
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def corpus(name: str, request) -> list[str]:
    if name == "inline":
        return TEXTS
    if name == "seeds":
        return [d["text"] for d in request.getfixturevalue("seeds")]
    # 20 PolNeAR dev articles: enough for every worker to get several tasks.
    return [d["text"] for d in request.getfixturevalue("polnear")[:20]]


@pytest.mark.slow
@pytest.mark.parametrize("name", CORPORA)
def test_dask_bag_on_local_cluster_equals_extract_many(client, request, name):
    texts = corpus(name, request)
    bag = db.from_sequence(texts, npartitions=4)
    with distributed.get_task_stream(client) as stream:
        dicts = extract_bag(bag).compute()
    expected = list(quoteattr.extract_many(texts))
    assert [r.to_dict() for r in expected] == dicts
    assert expected == [Result.from_dict(d) for d in dicts]
    # Both worker processes took part.
    assert 2 == len({task["worker"] for task in stream.data})


@pytest.mark.slow
@pytest.mark.parametrize("name", CORPORA)
def test_dask_dataframe_on_local_cluster_equals_extract_many(client, request, name):
    texts = corpus(name, request)
    ids = [f"doc-{i}" for i in range(len(texts))]
    df = dd.from_pandas(pd.DataFrame({"doc": ids, "text": texts, "n": range(len(texts))}), npartitions=3)
    out = extract_dataframe(df, id_column="doc").compute()
    expected = list(quoteattr.extract_many(texts))
    assert ids == list(out["doc"]) and list(range(len(texts))) == list(out["n"])
    assert [len(r.quotes) for r in expected] == list(out["n_quotes"])
    assert [r.to_dict()["quotes"] for r in expected] == [json.loads(q) for q in out["quotes"]]
    rebuilt = [result_from_row(row, id_column="doc") for _, row in out.iterrows()]
    assert [Result.from_dict(r.to_dict() | {"id": i}) for r, i in zip(expected, ids, strict=False)] == rebuilt


@pytest.mark.slow
def test_dask_bag_mapping_items_and_options_on_local_cluster(client):
    items = [{"id": 7, "text": TEXTS[0]}, {"text": TEXTS[2]}]
    dicts = extract_bag(db.from_sequence(items, npartitions=2), min_confidence=0.0).compute()
    expected = [
        quoteattr.extract(TEXTS[0], id="7", min_confidence=0.0),
        quoteattr.extract(TEXTS[2], min_confidence=0.0),
    ]
    assert [r.to_dict() for r in expected] == dicts


def test_dask_dataframe_meta_matches_computed_partitions():
    df = dd.from_pandas(pd.DataFrame({"text": TEXTS}), npartitions=2)
    out = extract_dataframe(df, prefix="pred_")
    computed = out.compute(scheduler="sync")
    assert ["text", *[f"pred_{c}" for c in OUTPUT_COLUMNS]] == list(out.columns)
    assert dict(out.dtypes) == dict(computed.dtypes)
    assert "int64" == str(computed["pred_n_quotes"].dtype)
    assert df.npartitions == out.npartitions


def test_dask_dataframe_keeps_the_index():
    pdf = pd.DataFrame({"text": TEXTS[:4]}, index=[40, 10, 30, 20])
    out = extract_dataframe(dd.from_pandas(pdf, npartitions=2, sort=False)).compute(scheduler="sync")
    assert [40, 10, 30, 20] == list(out.index)
    assert [len(quoteattr.extract(t).quotes) for t in pdf["text"]] == list(out["n_quotes"])


@pytest.mark.parametrize(
    ("value", "expected_message"),
    [
        (None, "row 1: column 'text' must hold str, got a missing value"),
        (float("nan"), "got a missing value"),
        (42, "got int"),
    ],
)
def test_dask_dataframe_non_text_row_names_the_row(value, expected_message):
    import dask

    pdf = pd.DataFrame({"text": pd.Series([TEXTS[0], value], dtype=object)})
    # Keep the object column as it is (by default Dask turns 42 into "42").
    with dask.config.set({"dataframe.convert-string": False}):
        out = extract_dataframe(dd.from_pandas(pdf, npartitions=1))
        with pytest.raises(InputTypeError, match=expected_message):
            out.compute(scheduler="sync")


@pytest.mark.parametrize(
    ("call", "error", "expected_message"),
    [
        (lambda: extract_bag(["a list"]), InputTypeError, "needs a dask.bag.Bag, got list"),
        (lambda: extract_bag(db.from_sequence(["x"]), engine="spacy"), UnknownEngineError, "'spacy'"),
        (
            lambda: extract_bag(db.from_sequence(["x"]), pipeline=object()),
            InputTypeError,
            "cannot ship a stanza.Pipeline",
        ),
        (lambda: extract_bag(db.from_sequence(["x"]), min_confidance=0.1), InputTypeError, "min_confidance"),
        (lambda: extract_dataframe(pd.DataFrame({"text": ["x"]})), InputTypeError, "got DataFrame"),
        (lambda: extract_dataframe(dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)), KeyError, "'text'"),
        (
            lambda: extract_dataframe(dd.from_pandas(pd.DataFrame({"text": ["x"]}), npartitions=1), id_column="doc"),
            KeyError,
            "id_column 'doc'",
        ),
        (
            lambda: extract_dataframe(dd.from_pandas(pd.DataFrame({"text": ["x"], "quotes": ["gold"]}), npartitions=1)),
            ValueError,
            "prefix='pred_'",
        ),
    ],
)
def test_dask_bad_arguments_fail_before_computing(call, error, expected_message):
    with pytest.raises(error, match=expected_message):
        call()


@pytest.mark.parametrize("item", [b"bytes", 3.5, {"body": "no text key"}])
def test_dask_bag_bad_item_raises_typed_error_when_computed(item):
    bag = extract_bag(db.from_sequence([TEXTS[0], item], npartitions=1))
    with pytest.raises(InputTypeError):
        bag.compute(scheduler="sync")


@pytest.mark.parametrize(
    "bad",
    [
        {"quotes": "not json", "speakers": "[]", "diagnostics": "[]"},
        {"quotes": None, "speakers": "[]", "diagnostics": "[]"},
    ],
)
def test_dask_result_from_row_rejects_bad_columns(bad):
    with pytest.raises(SerializationError):
        result_from_row({"text": "x", **bad})


@pytest.mark.parametrize(
    ("call", "module"),
    [
        (lambda: extract_bag(None), "dask.bag"),
        (lambda: extract_dataframe(None), "dask.dataframe"),
    ],
)
def test_dask_missing_dask_raises_clear_error(monkeypatch, call, module):
    for name in [m for m in sys.modules if m == "dask" or m.startswith("dask.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(DaskNotInstalledError, match=rf"needs '{module}'.*pip install 'quoteattr\[dask\]'") as info:
        call()
    assert isinstance(info.value, ImportError) and isinstance(info.value, QuoteattrError)


def test_dask_module_name_does_not_shadow_the_dask_package():
    import dask
    import dask.bag as real_bag

    import quoteattr.dask as ours

    assert "dask" == dask.__name__ and "quoteattr.dask" == ours.__name__
    assert ours is not dask
    assert dask.__file__ != ours.__file__
    assert real_bag.Bag is type(db.from_sequence([1]))


@pytest.mark.issue(19)
@pytest.mark.parametrize("npartitions", [1, 3])
def test_dask_quotes_dataframe_equals_to_frame(npartitions):
    """extract_quotes_dataframe: to_frame's one-row-per-quote table, doc = the row's index label."""
    from quoteattr.dask import extract_quotes_dataframe

    texts = [
        '"The money is there," he said, "but the timing is tight."',
        "No quotes in this one.",
        '"We will respond," Peskov told reporters. Ruiz said the plan would fail.',
        '"Fine," said Ana Ortiz.',
    ]
    index = [10, 11, 12, 13]
    frame = pd.DataFrame({"text": texts, "id": [f"d{i}" for i in index]}, index=index)
    out = extract_quotes_dataframe(dd.from_pandas(frame, npartitions=npartitions), id_column="id").compute(
        scheduler="sync"
    )
    expected = quoteattr.to_frame([quoteattr.extract(t, id=f"d{i}") for t, i in zip(texts, index, strict=False)])
    expected["doc"] = [index[d] for d in expected["doc"]]
    assert list(expected.columns) == list(out.columns)

    # Dask may store text columns as pyarrow strings, where a missing value
    # reads back as NaN/NA rather than None: compare with missing as None.
    def rows(df):
        return df.reset_index(drop=True).astype(object).where(df.reset_index(drop=True).notna(), None).values.tolist()

    assert rows(expected) == rows(out)
    assert 11 not in set(out["doc"])
