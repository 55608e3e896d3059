"""Rule engine vs stanza path on the GUM Wikinews documents (no model needed).

For each GUM document (default: the 24 news articles) the script runs

* ``rules``: ``quoteattr.extract(text)`` on the text rebuilt from the CoNLL-U
  file (the default engine, no parse);
* ``gold``: the stanza path on the gold annotation: ``to_stanza_document``
  builds a ``stanza.Document`` with the gold parse, entities and ``doc.coref``,
  and ``quoteattr.extract(doc)`` reads it (``document_to_annotation`` ->
  dependency rules -> coreference). Without stanza installed the same gold
  annotation is read directly (``ConlluDocument.annotation()``);
* ``boundaries``: the stanza engine's ``stanza_mode="boundaries"`` on the
  same gold annotation: the rule engine's quotes, with indirect and mixed
  boundaries from the gold parse (this isolates the boundary logic from
  parser quality);
* ``stanza`` (only with ``--engine stanza``): a real stanza pipeline on the
  rebuilt text, when stanza's English models are installed; otherwise the
  script says why not and records the reason.

It reports how many quotes each path finds, by kind and rule, and where they
disagree: quotes found by one path only, and quotes both found (content
overlap >= 50%) whose content, cue or speaker mention differ.

GUM marks attribution in its discourse (RST) layer: ``attribution-positive``
relations from the attributing unit ("researchers say") to the unit it
reports, with the cue and source words as signals
(``ConlluDocument.attributions``). Each path is also scored against those
relations (see :func:`score_attributions`): a development measure, since the
dependency rules were written while reading these documents. For the
relations found, the content's boundaries are compared with the gold
attributed unit (character IoU after trimming edge punctuation and a
leading "that"): the mean and how many reach IoU 0.5 and 0.8.

Usage::

    python benchmarks/gum.py [--genre news|interview|all] [--engine stanza]
                             [--data DIR] [--out benchmarks/results/gum.json]

Prints a summary and writes JSON. Not run by pytest.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import add_common_args, machine_info, write_json

import quoteattr
from quoteattr.adapters.conllu import ConlluDocument, iter_gum
from quoteattr.model import Quote, Result


def _overlap(a: Quote, b: Quote) -> float:
    inter = max(0, min(a.content.end, b.content.end) - max(a.content.start, b.content.start))
    return inter / max(1, min(len(a.content), len(b.content)))


def _brief(q: Quote) -> dict[str, Any]:
    return {
        "content": [q.content.start, q.content.end, q.content.text[:120]],
        "kind": q.kind.value,
        "cue": q.cue.text if q.cue else None,
        "speaker": q.speaker.mention.text if q.speaker else None,
        "entity": q.speaker.entity.name if q.speaker else None,
        "rule": q.rule,
    }


def compare(a: Result, b: Result) -> dict[str, Any]:
    """Pair the quotes of two results by content overlap and list the differences."""
    used: set[int] = set()
    pairs: list[tuple[Quote, Quote]] = []
    only_a: list[Quote] = []
    for qa in a.quotes:
        best, best_i = 0.0, -1
        for i, qb in enumerate(b.quotes):
            if i in used:
                continue
            o = _overlap(qa, qb)
            if o > best:
                best, best_i = o, i
        if best >= 0.5:
            used.add(best_i)
            pairs.append((qa, b.quotes[best_i]))
        else:
            only_a.append(qa)
    only_b = [q for i, q in enumerate(b.quotes) if i not in used]
    same = {"content": 0, "cue": 0, "speaker": 0, "all": 0}
    differ = []
    for qa, qb in pairs:
        c = qa.content == qb.content
        k = (qa.cue and qa.cue.text) == (qb.cue and qb.cue.text)
        s = (qa.speaker and qa.speaker.mention) == (qb.speaker and qb.speaker.mention)
        same["content"] += c
        same["cue"] += k
        same["speaker"] += s
        same["all"] += c and k and s
        if not (c and k and s):
            differ.append({"a": _brief(qa), "b": _brief(qb), "same": {"content": c, "cue": k, "speaker": s}})
    return {
        "matched": len(pairs),
        "same": same,
        "only_a": [_brief(q) for q in only_a],
        "only_b": [_brief(q) for q in only_b],
        "differ": differ,
    }


def _ov(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _to_sentence_end(d: ConlluDocument, g: Any) -> Any:
    """The attributed unit, run on to the end of its sentence: a unit may be
    only "that" ("The poster wrote | that | ...") when the rest is split off."""
    import attrs

    end = next((b for a, b in d.sentences if a <= g.content[1] - 1 < b), g.content[1])
    if g.source[0] >= g.content[1] and g.source[0] < end:
        end = g.source[0]  # never into the attributing unit after it
    return attrs.evolve(g, content=(g.content[0], max(end, g.content[1])))


def score_attributions(docs: list[ConlluDocument], results: list[Result]) -> dict[str, Any]:
    """Agreement with GUM's gold attribution relations (its RST discourse layer).

    A gold relation is found when one quote's cue overlaps the gold cue words
    (or, when the relation marks none, lies in the attributing unit) and the
    quote's content overlaps the attributed unit (run on to the end of its
    sentence, but not into the attributing unit). Its speaker is right when
    the speaker mention overlaps the gold source words. ``precision`` is the
    share of quotes *with a cue* that find a gold relation (GUM marks
    attribution in discourse terms, so this is a lower bound).
    """
    gold = found = speaker_ok = speaker_gold = 0
    with_cue = hits = 0
    ious: list[float] = []
    for d, r in zip(docs, results, strict=False):
        raw = d.attributions()
        rels = [_to_sentence_end(d, g) for g in raw]
        gold += len(rels)
        used: set[int] = set()
        for g, g_raw in zip(rels, raw, strict=True):
            for i, q in enumerate(r.quotes):
                if q.cue is None:
                    continue
                cue = (q.cue.start, q.cue.end)
                cue_ok = any(_ov(cue, c) for c in g.cue) if g.cue else _ov(cue, g.source)
                if cue_ok and any(_ov((p.start, p.end), g.content) for p in q.parts):
                    found += 1
                    used.add(i)
                    ious.append(_unit_iou(d.text, (q.content.start, q.content.end), g_raw.content, g.content))
                    if g.holder:
                        speaker_gold += 1
                        if q.speaker is not None and any(
                            _ov((q.speaker.mention.start, q.speaker.mention.end), h) for h in g.holder
                        ):
                            speaker_ok += 1
                    break
        with_cue += sum(q.cue is not None for q in r.quotes)
        hits += len(used)
    return {
        "gold_relations": gold,
        "found": found,
        "recall": round(found / gold, 4) if gold else None,
        "quotes_with_cue": with_cue,
        "precision_lower_bound": round(hits / with_cue, 4) if with_cue else None,
        "speaker_correct": speaker_ok,
        "speaker_gold": speaker_gold,
        "speaker_accuracy": round(speaker_ok / speaker_gold, 4) if speaker_gold else None,
        "content_iou_mean": round(sum(ious) / len(ious), 4) if ious else None,
        "content_iou_ge_0.8": sum(x >= 0.8 for x in ious),
        "content_iou_ge_0.5": sum(x >= 0.5 for x in ious),
    }


# Characters left off both ends before content boundaries are compared.
_EDGE = " \t\n,;:.\"'“”‘’"


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) without edge punctuation and a leading "that " (GUM makes
    "that" its own unit or the start of the reported one)."""
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    if text[a : a + 5].lower() == "that ":
        a += 5
    return a, b


def _unit_iou(text: str, content: tuple[int, int], unit: tuple[int, int], extended: tuple[int, int]) -> float:
    """Character IoU of a quote's content with the gold attributed discourse
    unit (the unit run on to its sentence's end when the unit is only
    "that"), both trimmed by :func:`_trimmed`: how well the boundaries agree."""
    ua, ub = _trimmed(text, *unit)
    if ub - ua < 4:
        ua, ub = _trimmed(text, *extended)
    ca, cb = _trimmed(text, *content)
    inter = max(0, min(cb, ub) - max(ca, ua))
    union = max(cb, ub) - min(ca, ua)
    return inter / union if union > 0 else 0.0


def _counts(results: list[Result]) -> dict[str, Any]:
    quotes = [q for r in results for q in r.quotes]
    return {
        "quotes": len(quotes),
        "with_speaker": sum(q.speaker is not None for q in quotes),
        "by_kind": dict(Counter(q.kind.value for q in quotes).most_common()),
        "by_rule": dict(Counter(q.rule for q in quotes).most_common()),
    }


def _gold_path(d: ConlluDocument) -> tuple[Any, str]:
    try:
        from quoteattr.adapters.conllu import to_stanza_document

        return to_stanza_document(d), "stanza.Document (gold parse, gold doc.coref)"
    except ImportError:
        return d.annotation(), "Annotation (gold parse and chains; stanza not installed)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--genre", choices=("news", "interview", "all"), default="news")
    parser.add_argument(
        "--engine",
        choices=("stanza",),
        default=None,
        help="also run a real stanza pipeline, if its models are installed",
    )
    parser.add_argument("--show", type=int, default=8, help="disagreements to print")
    add_common_args(parser, out="gum.json")
    args = parser.parse_args(argv)

    gum = Path(args.data) / "gum"
    if not gum.is_dir():
        print(f"skipped: {gum} is absent (pass --data or set QUOTEATTR_DATA)", file=sys.stderr)
        return 1
    docs = list(iter_gum(gum, genre=None if args.genre == "all" else args.genre))

    t0 = time.perf_counter()
    rules = [quoteattr.extract(d.text, id=d.id) for d in docs]
    t_rules = time.perf_counter() - t0
    inputs = [_gold_path(d) for d in docs]
    t0 = time.perf_counter()
    gold = [quoteattr.extract(x, id=d.id) for (x, _), d in zip(inputs, docs, strict=False)]
    t_gold = time.perf_counter() - t0
    # the stanza engine's "boundaries" mode on the same gold parses: the rule
    # engine's quotes with clause boundaries from the parse
    bounded = [
        quoteattr.extract(x, id=d.id, stanza_mode="boundaries") for (x, _), d in zip(inputs, docs, strict=False)
    ]

    per_doc = []
    agg = {
        "matched": 0,
        "same_content": 0,
        "same_cue": 0,
        "same_speaker": 0,
        "same_all": 0,
        "only_rules": 0,
        "only_gold": 0,
    }
    for d, a, b in zip(docs, rules, gold, strict=False):
        c = compare(a, b)
        agg["matched"] += c["matched"]
        for k in ("content", "cue", "speaker", "all"):
            agg[f"same_{k}"] += c["same"][k]
        agg["only_rules"] += len(c["only_a"])
        agg["only_gold"] += len(c["only_b"])
        per_doc.append({"id": d.id, "rules": len(a.quotes), "gold": len(b.quotes), **c})

    stanza_run: dict[str, Any] = {"ran": False, "reason": "not asked (pass --engine stanza)"}
    if args.engine == "stanza":
        stanza_run = _run_stanza(docs, gold)

    payload = {
        "benchmark": "gum",
        "genre": args.genre,
        "documents": len(docs),
        "gold_input": inputs[0][1] if inputs else None,
        "rules": {**_counts(rules), "seconds": round(t_rules, 3)},
        "gold": {**_counts(gold), "seconds": round(t_gold, 3)},
        "agreement": agg,
        "boundaries": _counts(bounded),
        "gold_attributions": {
            "rules": score_attributions(docs, rules),
            "gold": score_attributions(docs, gold),
            "boundaries": score_attributions(docs, bounded),
        },
        "stanza_models": stanza_run,
        "per_document": per_doc,
        "machine": machine_info(),
    }
    out = write_json(args.out, payload)

    r, g = payload["rules"], payload["gold"]
    print(f"GUM {args.genre}: {len(docs)} documents; gold input: {payload['gold_input']}")
    print(
        f"  rules engine (rebuilt text):   {r['quotes']:4d} quotes, {r['with_speaker']:4d} with a speaker, "
        f"{r['by_kind']}  {t_rules:.2f}s"
    )
    print(
        f"  stanza path (gold annotation): {g['quotes']:4d} quotes, {g['with_speaker']:4d} with a speaker, "
        f"{g['by_kind']}  {t_gold:.2f}s"
    )
    print(
        f"  matched {agg['matched']} (content overlap >= 50%): same content {agg['same_content']}, same cue "
        f"{agg['same_cue']}, "
        f"same speaker mention {agg['same_speaker']}, all three {agg['same_all']}; "
        f"rules only {agg['only_rules']}, stanza path only {agg['only_gold']}"
    )
    labels = {"rules": "rules engine ", "gold": "stanza path  ", "boundaries": "rules + parse boundaries"}
    for name, sc in payload["gold_attributions"].items():
        print(
            f"  GUM attribution relations, {labels[name]}: found {sc['found']}/{sc['gold_relations']} (recall "
            f"{sc['recall']}), "
            f"precision >= {sc['precision_lower_bound']} of {sc['quotes_with_cue']} quotes with a cue, "
            f"speaker {sc['speaker_correct']}/{sc['speaker_gold']}; content IoU with the unit: mean "
            f"{sc['content_iou_mean']}, >= 0.8 {sc['content_iou_ge_0.8']}, >= 0.5 {sc['content_iou_ge_0.5']}"
        )
    shown = 0
    for pd in per_doc:
        for x in (
            pd["differ"] + [{"a": q, "b": None} for q in pd["only_a"]] + [{"a": None, "b": q} for q in pd["only_b"]]
        ):
            if shown >= args.show:
                break
            shown += 1
            a, b = x["a"], x["b"]
            print(f"  - {pd['id']}")
            print(f"      rules: {_line(a)}")
            print(f"      gold : {_line(b)}")
    if stanza_run["ran"]:
        print(f"  stanza models: {stanza_run['quotes']} quotes on the rebuilt text, {stanza_run['seconds']}s")
    else:
        print(f"  stanza models: not run: {stanza_run['reason']}")
    print(f"wrote {out}")
    return 0


def _line(b: dict[str, Any] | None) -> str:
    if b is None:
        return "(none)"
    return f"{b['rule']}: {b['content'][2][:60]!r} cue={b['cue']!r} speaker={b['speaker']!r}"


def _run_stanza(docs: list[ConlluDocument], gold: list[Result]) -> dict[str, Any]:
    """A real stanza pipeline on the rebuilt texts, if the models are there."""
    try:
        from quoteattr.adapters import stanza as adapter
    except ImportError as exc:
        return {"ran": False, "reason": str(exc)}
    missing = adapter.missing_models()
    processors = adapter.PROCESSORS
    if missing and not adapter.missing_models(processors=adapter.PROCESSORS_NO_COREF):
        processors = adapter.PROCESSORS_NO_COREF  # run without coref rather than not at all
    try:
        nlp = adapter.build_pipeline(processors)
    except quoteattr.MissingModelsError as exc:
        return {"ran": False, "reason": str(exc), "missing": list(exc.missing), "resources_dir": exc.resources_dir}
    t0 = time.perf_counter()
    results = [quoteattr.extract(d.text, pipeline=nlp, id=d.id) for d in docs]
    secs = time.perf_counter() - t0
    scores = score_attributions(docs, results)
    agg = Counter()
    for a, b in zip(results, gold, strict=False):
        c = compare(a, b)
        agg["matched_gold_path"] += c["matched"]
        agg["same_all"] += c["same"]["all"]
    return {
        "ran": True,
        "processors": processors,
        "quotes": sum(len(r.quotes) for r in results),
        "seconds": round(secs, 3),
        "gold_attributions": scores,
        **agg,
    }


if __name__ == "__main__":
    raise SystemExit(main())
