"""Scoring rules of quoteattr.evaluate on small hand-made cases with known answers."""

from __future__ import annotations

import argparse
import json
import sys
from typing import ClassVar

import pytest

from quoteattr import QuoteattrError
from quoteattr.corpora import LabelledDocument, LabelledQuote, write_jsonl
from quoteattr.evaluate import (
    EvaluationError,
    PlotNotInstalledError,
    Scores,
    add_parser,
    evaluate,
    format_report,
    iou,
    match,
    normalise,
    plot_pr_curve,
    pr_curve,
    speaker_correct,
)

# Offsets:           0         1         2         3         4         5         6         7
#                    0123456789012345678901234567890123456789012345678901234567890123456789012345
TEXT = 'Lavrov said that "it is robbery." Trump said he would decide. She said: "No."'
ROBBERY = (18, 32)  # it is robbery.
DECIDE = (45, 60)  # he would decide
NO = (73, 76)  # No.


def doc(*quotes: LabelledQuote, text: str = TEXT, id: str = "d", **kw) -> LabelledDocument:
    return LabelledDocument(id=id, text=text, quotes=quotes, **kw)


def q(*spans: tuple[int, int], **kw) -> LabelledQuote:
    return LabelledQuote(spans=spans, **kw)


class TestNormalise:
    """Quote marks, a leading "that" and end punctuation go, on any side."""

    @pytest.mark.parametrize(
        ("text", "spans", "expected"),
        [
            ('said that "we will go," and', [(5, 23)], "we will go"),
            ("“It is robbery.”", [(0, 16)], "It is robbery"),
            ("  ''No comment;''  ", [(0, 19)], "No comment"),
            ("That is all.", [(0, 12)], "That is all"),
            ("thatcher said", [(0, 8)], "thatcher"),
            ('"A," he said, "B."', [(0, 4), (14, 18)], "A|B"),
        ],
    )
    def test_evaluate_normalise_strips_edges(self, text, spans, expected):
        assert expected == "|".join(text[a:b] for a, b in normalise(text, spans))

    @pytest.mark.parametrize("text", ['"', " , ", "“ ”."])
    def test_evaluate_normalise_drops_empty_spans(self, text):
        assert () == normalise(text, [(0, len(text))])


class TestIou:
    """Character IoU over discontinuous spans."""

    @pytest.mark.parametrize(
        ("x", "y", "expected"),
        [
            ([(0, 10)], [(0, 10)], 1.0),
            ([(0, 10)], [(5, 15)], 5 / 15),
            ([(0, 10)], [(10, 20)], 0.0),
            ([(0, 4), (6, 10)], [(0, 10)], 8 / 10),
            ([(0, 4), (6, 10)], [(2, 8)], 4 / 10),
            ([], [(0, 3)], 0.0),
        ],
    )
    def test_evaluate_iou_values(self, x, y, expected):
        assert expected == pytest.approx(iou(x, y))
        assert expected == pytest.approx(iou(y, x))


class TestMatch:
    """Greedy one-to-one matching, highest IoU first, deterministic ties."""

    @pytest.mark.parametrize(
        ("gold", "pred", "threshold", "expected"),
        [
            # the better prediction wins the gold quote, the other stays free
            ([[(0, 10)]], [[(0, 8)], [(0, 10)]], 0.5, {1: (0, 1.0)}),
            # one prediction over two gold: matched to the one it overlaps most
            ([[(0, 10)], [(10, 14)]], [[(0, 14)]], 0.5, {0: (0, 10 / 14)}),
            # below threshold: no match
            ([[(0, 10)]], [[(0, 4)]], 0.5, {}),
            # equal IoU: the gold quote that starts first is taken first
            ([[(0, 4)], [(4, 8)]], [[(2, 6)]], 0.3, {0: (0, 2 / 6)}),
            # exact needs equal character sets
            ([[(0, 4), (6, 10)]], [[(0, 10)]], 1.0, {}),
        ],
    )
    def test_evaluate_match_cases(self, gold, pred, threshold, expected):
        actual = match(gold, pred, threshold)
        assert expected.keys() == actual.keys()
        for k, (gi, v) in expected.items():
            assert gi == actual[k][0]
            assert v == pytest.approx(actual[k][1])


class TestSpanScores:
    """TP/FP/FN at exact and overlap thresholds."""

    @pytest.mark.parametrize(
        ("gold", "pred", "name", "expected"),
        [
            # exact after normalisation: gold has "that" and marks, prediction not
            ([q((12, 33))], [q(ROBBERY)], "exact", Scores(1, 0, 0)),
            # partial: "it is" vs "it is robbery" -> IoU 5/13
            ([q(ROBBERY)], [q((18, 23))], "iou>=0.3", Scores(1, 0, 0)),
            ([q(ROBBERY)], [q((18, 23))], "iou>=0.5", Scores(0, 1, 1)),
            # "it is robber" vs "it is robbery": IoU 12/13, matched at 0.8, not exact
            ([q(ROBBERY)], [q((18, 30))], "iou>=0.8", Scores(1, 0, 0)),
            ([q(ROBBERY)], [q((18, 30))], "exact", Scores(0, 1, 1)),
            # unmatched on both sides
            ([q(ROBBERY)], [q(DECIDE)], "iou>=0.5", Scores(0, 1, 1)),
            # nothing predicted
            ([q(ROBBERY), q(DECIDE)], [], "iou>=0.5", Scores(0, 0, 2)),
            # one prediction covering two gold quotes matches at most one
            ([q((0, 6)), q((7, 11))], [q((0, 11))], "iou>=0.5", Scores(1, 0, 1)),
        ],
    )
    def test_evaluate_span_scores(self, gold, pred, name, expected):
        report = evaluate([doc(*gold)], [doc(*pred)])
        assert expected == report.spans[name]

    @pytest.mark.parametrize(
        ("gold", "pred", "exact", "overlap"),
        [
            # split gold ('"AB," he said, "CD."') against the same two parts
            ([q((1, 4), (16, 19))], [q((1, 3), (16, 18))], Scores(1, 0, 0), Scores(1, 0, 0)),
            # split gold against one hull prediction: not exact, IoU 4/17
            ([q((1, 4), (16, 19))], [q((1, 19))], Scores(0, 1, 1), Scores(0, 1, 1)),
            # split gold against its second part only: IoU 2/4
            ([q((1, 4), (16, 19))], [q((16, 19))], Scores(0, 1, 1), Scores(1, 0, 0)),
        ],
    )
    def test_evaluate_split_quotes(self, gold, pred, exact, overlap):
        text = '"AB," he said, "CD." and left.'
        report = evaluate([doc(*gold, text=text)], [doc(*pred, text=text)])
        assert (exact, overlap) == (report.spans["exact"], report.spans["iou>=0.5"])

    @pytest.mark.parametrize(("split_parts", "expected"), [(False, Scores(0, 1, 2)), (True, Scores(2, 0, 0))])
    def test_evaluate_split_parts_for_per_stretch_gold(self, split_parts, expected):
        # LitBank style: each quoted stretch is a gold quote of its own
        text = '"AB," he said, "CD." and left.'
        gold = [q((0, 5)), q((15, 20))]
        pred = [q((1, 3), (16, 18), confidence=0.9)]
        report = evaluate([doc(*gold, text=text)], [doc(*pred, text=text)], split_parts=split_parts)
        assert expected == report.spans["exact"]

    def test_evaluate_scores_ratios(self):
        s = Scores(tp=3, fp=1, fn=2)
        assert (0.75, 0.6, pytest.approx(2 * 0.75 * 0.6 / 1.35)) == (s.precision, s.recall, s.f1)
        assert (0.0, 0.0, 0.0) == (Scores().precision, Scores().recall, Scores().f1)


class TestScope:
    """Optional, non-speech and other-kind gold neither reward nor penalise."""

    @pytest.mark.parametrize(
        ("gold", "pred", "kw", "expected", "ignored", "excused"),
        [
            # a prediction on an optional gold quote: not TP, not FP; the
            # optional quote is not a miss either
            ([q(ROBBERY), q(DECIDE, optional=True)], [q(ROBBERY), q(DECIDE)], {}, Scores(1, 0, 0), 1, 1),
            ([q(ROBBERY), q(DECIDE, optional=True)], [q(ROBBERY)], {}, Scores(1, 0, 0), 1, 0),
            # non-speech cue_class ignored by default ...
            ([q(ROBBERY, cue_class="speech"), q(DECIDE, cue_class="thought")], [q(DECIDE)], {}, Scores(0, 0, 1), 1, 1),
            # ... and scored with all_attributions
            (
                [q(ROBBERY, cue_class="speech"), q(DECIDE, cue_class="thought")],
                [q(DECIDE)],
                {"all_attributions": True},
                Scores(1, 0, 1),
                0,
                0,
            ),
            # no cue_class (seeds, LitBank): scored
            ([q(DECIDE)], [q(DECIDE)], {}, Scores(1, 0, 0), 0, 0),
            # kind filter: other kinds ignored; an unmatched prediction of
            # another kind is no false alarm, one of this kind is
            (
                [q(ROBBERY, kind="direct"), q(DECIDE, kind="indirect")],
                [q(DECIDE, kind="indirect"), q(NO, kind="indirect"), q((0, 6), kind="direct")],
                {"kind": "direct"},
                Scores(0, 1, 1),
                1,
                1,
            ),
            # a prediction below the confidence cut is dropped
            ([q(ROBBERY)], [q(ROBBERY, confidence=0.2)], {"min_confidence": 0.3}, Scores(0, 0, 1), 0, 0),
        ],
    )
    def test_evaluate_scope(self, gold, pred, kw, expected, ignored, excused):
        report = evaluate([doc(*gold)], [doc(*pred)], **kw)
        assert (expected, ignored, excused) == (report.spans["iou>=0.5"], report.ignored, report.excused)

    def test_evaluate_scored_gold_matched_before_optional(self):
        # the prediction overlaps an optional quote better, but a scored one well enough
        text = "x" * 40
        gold = [q((0, 10), optional=True), q((0, 14))]
        report = evaluate([doc(*gold, text=text)], [doc(q((0, 11)), text=text)])
        assert Scores(1, 0, 0) == report.spans["iou>=0.5"]


class TestRecallByKind:
    """Recall per gold kind at the main threshold."""

    def test_evaluate_recall_by_kind(self):
        gold = [q(ROBBERY, kind="direct"), q(DECIDE, kind="indirect"), q(NO, kind="direct")]
        report = evaluate([doc(*gold)], [doc(q(NO))])
        assert {"direct": (1, 2), "indirect": (0, 1)} == dict(report.recall_by_kind)


class TestCueAndSpeaker:
    """Cue accuracy, speaker accuracy and end-to-end scores on matched quotes."""

    ENTITIES: ClassVar[dict[str, tuple[str, ...]]] = {"Sergey Lavrov": ("Sergey Lavrov", "Lavrov")}

    @pytest.mark.parametrize(
        ("gold", "pred", "gold_kw", "expected"),
        [
            # seeds: name matches an alias, ignoring case
            (
                q(ROBBERY, speaker_entity="Sergey Lavrov"),
                q(ROBBERY, speaker_entity="lavrov"),
                {"entities": ENTITIES},
                True,
            ),
            (q(ROBBERY, speaker_entity="Sergey Lavrov"), q(ROBBERY, speaker_entity="Sergey Lavrov"), {}, True),
            (
                q(ROBBERY, speaker_entity="Sergey Lavrov"),
                q(ROBBERY, speaker_entity="Trump"),
                {"entities": ENTITIES},
                False,
            ),
            (q(ROBBERY, speaker_entity="Sergey Lavrov"), q(ROBBERY), {"entities": ENTITIES}, False),
            # LitBank: the predicted mention overlaps a gold mention of the entity
            (
                q(NO, speaker_entity="she-3"),
                q(NO, speaker=(62, 65)),
                {"mentions": {"she-3": ((62, 65, "PRON"),)}},
                True,
            ),
            # ... or one of the predicted entity's mentions does
            (
                q(NO, speaker_entity="she-3"),
                q(NO, speaker=(34, 39), speaker_mentions=[(34, 39), (62, 65)]),
                {"mentions": {"she-3": ((62, 65, "PRON"),)}},
                True,
            ),
            (
                q(NO, speaker_entity="she-3"),
                q(NO, speaker=(34, 39), speaker_mentions=[(34, 39)]),
                {"mentions": {"she-3": ((62, 65, "PRON"),)}},
                False,
            ),
            # PolNeAR: the predicted mention overlaps the gold speaker span
            (q(DECIDE, speaker=(34, 39)), q(DECIDE, speaker=(34, 39)), {}, True),
            (q(DECIDE, speaker=(34, 39)), q(DECIDE, speaker=(0, 6)), {}, False),
            (q(DECIDE, speaker=(34, 39)), q(DECIDE), {}, False),
            # no gold speaker: not judged
            (q(DECIDE), q(DECIDE, speaker=(0, 6)), {}, None),
        ],
    )
    def test_evaluate_speaker_correct(self, gold, pred, gold_kw, expected):
        g, p = doc(gold, **gold_kw), doc(pred)
        assert expected == speaker_correct(g, gold, p, pred)

    def test_evaluate_cue_speaker_and_end_to_end(self):
        gold = [
            q(ROBBERY, cue=(7, 11), speaker=(0, 6)),
            q(DECIDE, cue=(40, 44), speaker=(34, 39)),
            q(NO, cue=(66, 70), speaker=(62, 65)),
        ]
        pred = [
            q(ROBBERY, cue=(7, 16), speaker=(0, 6)),  # cue overlaps, speaker right
            q(DECIDE, cue=(40, 44), speaker=(45, 47)),  # cue exact, speaker wrong
            q((0, 6)),  # false alarm
        ]
        report = evaluate([doc(*gold)], [doc(*pred)])
        assert {"judged": 2, "overlap": 2, "exact": 1} == dict(report.cue)
        assert {"judged": 2, "correct": 1} == dict(report.speaker)
        assert Scores(2, 1, 1) == report.spans["iou>=0.5"]
        assert Scores(1, 2, 2) == report.end_to_end


class TestErrors:
    """Bad input is a typed error; --errors lists misses and false alarms."""

    @pytest.mark.parametrize(
        ("gold", "pred", "kw"),
        [
            ([doc()], [doc(text="other")], {}),
            ([doc(), doc()], [], {}),
            ([doc()], [doc(), doc()], {}),
            ([doc()], [], {"iou": 0.0}),
            ([doc()], [], {"iou": 1.5}),
            ([doc()], [], {"kind": "quoted"}),
        ],
    )
    def test_evaluate_rejects_bad_input(self, gold, pred, kw):
        with pytest.raises(EvaluationError) as info:
            evaluate(gold, pred, **kw)
        assert isinstance(info.value, (QuoteattrError, ValueError))

    def test_evaluate_missing_prediction_document_counts_as_empty(self):
        report = evaluate([doc(q(ROBBERY)), doc(q(NO), id="e")], [doc(q(ROBBERY))])
        assert (1, Scores(1, 0, 1)) == (report.missing_predictions, report.spans["iou>=0.5"])

    def test_evaluate_errors_listed_worst_first(self):
        gold = [q(ROBBERY), q(DECIDE), q(NO)]
        pred = [q((18, 23), confidence=0.4), q((0, 6), confidence=0.9), q(NO)]
        report = evaluate([doc(*gold)], [doc(*pred)], errors=5)
        # misses: no overlap at all first (DECIDE), then the partial one
        assert [DECIDE, ROBBERY] == [e.spans[0] for e in report.misses]
        assert [0.0, pytest.approx(5 / 13)] == [e.best_iou for e in report.misses]
        # false alarms: most confident first
        assert [(0, 6), (18, 23)] == [e.spans[0] for e in report.false_alarms]
        assert "⟦Lavrov⟧ said" in report.false_alarms[0].context


class TestPrCurve:
    """Precision and recall at each confidence level."""

    def test_evaluate_pr_curve_points(self):
        gold = [q(ROBBERY), q(DECIDE)]
        pred = [q(ROBBERY, confidence=0.9), q((0, 6), confidence=0.5), q(DECIDE, confidence=0.2)]
        points = pr_curve([doc(*gold)], [doc(*pred)])
        assert [(0.2, 2 / 3, 1.0), (0.5, 0.5, 0.5), (0.9, 1.0, 0.5)] == points

    def test_evaluate_plot_needs_matplotlib(self, tmp_path, monkeypatch):
        # a None entry in sys.modules makes the import fail, as when absent
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(PlotNotInstalledError, match=r"quoteattr\[plot\]") as info:
            plot_pr_curve([(0.5, 1.0, 1.0)], str(tmp_path / "pr.png"))
        assert isinstance(info.value, ImportError)
        assert not (tmp_path / "pr.png").exists()

    def test_evaluate_plot_draws_png(self, tmp_path):
        pytest.importorskip("matplotlib", reason="matplotlib (quoteattr[plot]) is not installed")
        plot_pr_curve([(0.2, 0.5, 1.0), (0.5, 1.0, 0.5)], str(tmp_path / "pr.png"))
        assert b"\x89PNG" == (tmp_path / "pr.png").read_bytes()[:4]


def _cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="quoteattr")
    add_parser(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    return args.func(args)


class TestCli:
    """``quoteattr evaluate`` on files written by the JSONL writer."""

    @pytest.fixture
    def files(self, tmp_path):
        gold = tmp_path / "gold.jsonl"
        pred = tmp_path / "pred.jsonl"
        write_jsonl([doc(q(ROBBERY, kind="direct"), q(DECIDE, kind="indirect"))], gold)
        write_jsonl([doc(q(ROBBERY, kind="direct", confidence=0.8), q((0, 6), kind="indirect", confidence=0.6))], pred)
        return gold, pred

    def test_evaluate_cli_json(self, files, capsys):
        gold, pred = files
        assert 0 == _cli("evaluate", str(gold), "--pred", str(pred), "--json", "--errors", "1")
        out = json.loads(capsys.readouterr().out)
        assert {"tp": 1, "fp": 1, "fn": 1} == {k: out["spans"]["iou>=0.5"][k] for k in ("tp", "fp", "fn")}
        assert 1 == len(out["misses"]) == len(out["false_alarms"])

    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            ((), "iou>=0.5 *"),
            (("--iou", "0.7"), "iou>=0.7 *"),
            (("--kind", "direct"), "kind direct only"),
            (("--errors", "2"), "worst misses:"),
        ],
    )
    def test_evaluate_cli_table(self, files, capsys, argv, expected):
        gold, pred = files
        assert 0 == _cli("evaluate", str(gold), "--pred", str(pred), *argv)
        assert expected in capsys.readouterr().out

    def test_evaluate_cli_engine_runs_on_gold_text(self, files, capsys):
        gold, _ = files
        assert 0 == _cli("evaluate", str(gold), "--engine", "rules")
        assert "engine rules" in capsys.readouterr().out

    def test_evaluate_cli_saved_predictions_score_the_same(self, files, tmp_path, capsys):
        gold, _ = files
        saved = tmp_path / "saved.jsonl"
        assert 0 == _cli("evaluate", str(gold), "--engine", "rules", "--json", "--save-pred", str(saved))
        first = json.loads(capsys.readouterr().out)
        assert 0 == _cli("evaluate", str(gold), "--pred", str(saved), "--json")
        second = json.loads(capsys.readouterr().out)
        assert first["spans"] == second["spans"]
        assert first["predicted"] == second["predicted"]

    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            ('{"id": "d", "text": "abc", "quotes": []}\n{not json}\n', ":2: not JSON"),
            ('{"id": "d", "quotes": []}\n', ":1: missing field 'text'"),
            ('{"id": "d", "text": "abc", "quotes": [{"start": 1, "end": 9}]}\n', "lies outside a text of 3"),
        ],
    )
    def test_evaluate_cli_reports_bad_file(self, tmp_path, capsys, content, expected):
        bad = tmp_path / "bad.jsonl"
        bad.write_text(content, encoding="utf-8")
        assert 2 == _cli("evaluate", str(bad), "--pred", str(bad))
        assert expected in capsys.readouterr().err

    def test_evaluate_cli_pr_curve_without_matplotlib(self, files, tmp_path, capsys, monkeypatch):
        gold, pred = files
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        assert 2 == _cli("evaluate", str(gold), "--pred", str(pred), "--pr-curve", str(tmp_path / "pr.png"))
        assert "pip install 'quoteattr[plot]'" in capsys.readouterr().err

    def test_evaluate_cli_pr_curve(self, files, tmp_path, capsys):
        pytest.importorskip("matplotlib", reason="matplotlib (quoteattr[plot]) is not installed")
        gold, pred = files
        assert 0 == _cli("evaluate", str(gold), "--pred", str(pred), "--pr-curve", str(tmp_path / "pr.png"))
        assert (tmp_path / "pr.png").exists()

    def test_evaluate_cli_missing_file(self, tmp_path, capsys):
        assert 2 == _cli("evaluate", str(tmp_path / "nope.jsonl"))
        assert "nope.jsonl" in capsys.readouterr().err

    @pytest.mark.parametrize("value", ["0", "1.2", "half"])
    def test_evaluate_cli_rejects_bad_iou(self, files, value):
        gold, _pred = files
        with pytest.raises(SystemExit):
            _cli("evaluate", str(gold), "--iou", value)


def test_evaluate_format_report_lists_every_threshold():
    report = evaluate([doc(q(ROBBERY))], [doc(q(ROBBERY))], iou=0.6)
    text = format_report(report)
    assert ["exact", "iou>=0.3", "iou>=0.5", "iou>=0.8", "iou>=0.6 *"] == [
        line.split("  ")[0] for line in text.splitlines() if line.startswith(("exact", "iou"))
    ]


@pytest.mark.shared_data
@pytest.mark.parametrize("name", ["seeds-gold.jsonl", "polnear-dev.jsonl", "litbank-dev.jsonl", "polnear-dev-brat"])
@pytest.mark.parametrize("all_attributions", [False, True])
def test_evaluate_shared_gold_against_itself(name, all_attributions):
    from conftest import data_file

    from quoteattr.corpora import load

    gold = load(data_file(name))
    report = evaluate(gold, gold, all_attributions=all_attributions)
    n = sum(
        1 for d in gold for q in d.quotes if not q.optional and (all_attributions or q.cue_class in (None, "speech"))
    )
    assert {k: Scores(n, 0, 0) for k in ("exact", "iou>=0.3", "iou>=0.5", "iou>=0.8")} == dict(report.spans)
    assert report.speaker["judged"] == report.speaker["correct"] > 0
    assert 1.0 == report.end_to_end.f1


@pytest.mark.issue(16)
class TestByRule:
    """by_rule counts each rule's matched, unmatched and excused predictions."""

    def test_evaluate_by_rule_counts(self) -> None:
        """One match and one false alarm for 'subject-cue-clause', one excused 'direct-bare'."""
        from quoteattr.evaluate import by_rule, format_by_rule

        gold = [doc(q(ROBBERY, kind="direct"), q(NO, kind="direct", cue_class="thought"))]
        pred = [
            doc(
                q(ROBBERY, id="subject-cue-clause"),
                q(DECIDE, id="subject-cue-clause"),
                q(NO, id="direct-bare"),
            )
        ]
        table = by_rule(gold, pred)
        assert {"subject-cue-clause": (1, 1, 0), "direct-bare": (0, 0, 1)} == table
        assert "| `subject-cue-clause` | 2 | 1 | 1 | 0 | 0.500 |" in format_by_rule(table)

    def test_evaluate_f1_without_rule(self) -> None:
        """Leaving a rule out scores the rest anew: the rule of the one match
        leaves F1 0, the rule of the false alarm raises it to 1."""
        from quoteattr.evaluate import by_rule, f1_without_rule, format_by_rule

        gold = [doc(q(ROBBERY, kind="direct"))]
        pred = [doc(q(ROBBERY, id="split-quote"), q(DECIDE, id="subject-cue-clause"))]
        without = f1_without_rule(gold, pred, ["split-quote", "subject-cue-clause"], min_confidence=0.0)
        assert {"split-quote": 0.0, "subject-cue-clause": 1.0} == without
        table = by_rule(gold, pred)
        assert "| `subject-cue-clause` | 1 | 0 | 1 | 0 | 0.000 | 1.0000 |" in format_by_rule(table, without)
        assert "F1 without it" not in format_by_rule(table)

    def test_evaluate_by_rule_flag(self) -> None:
        """The command line takes --by-rule."""
        parser = argparse.ArgumentParser()
        add_parser(parser.add_subparsers())
        assert parser.parse_args(["evaluate", "g.jsonl", "--by-rule"]).by_rule
