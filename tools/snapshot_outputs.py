"""Hash the ``to_dict`` JSON of every document of the dev sets (not part of the package).

Used to prove that a restructuring leaves behaviour unchanged: run it before
and after, and compare the per-file hashes (or ``--diff`` two saved runs to
list the documents that changed).

    python tools/snapshot_outputs.py --out /tmp/before.json
    python tools/snapshot_outputs.py --out /tmp/after.json --diff /tmp/before.json

Files read (from ``--data``, default ``../shared/data``): seeds-gold,
polnear-dev, polnear-train, litbank-dev. A missing file is skipped with a
message. The texts are never copied anywhere: only hashes are written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import quoteattr  # noqa: E402  (after the sys.path line, so this checkout is imported)

FILES = ("seeds-gold.jsonl", "polnear-dev.jsonl", "polnear-train.jsonl", "litbank-dev.jsonl")


def _docs(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                yield d["id"], d["text"]


def snapshot(data: Path, files: tuple[str, ...]) -> dict[str, dict[str, object]]:
    """Per file: the md5 of every document's ``to_dict`` JSON and of them all."""
    out: dict[str, dict[str, object]] = {}
    for name in files:
        path = data / name
        if not path.exists():
            print(f"skip {name}: not found under {data}", file=sys.stderr)
            continue
        total = hashlib.md5()
        per_doc: dict[str, str] = {}
        for doc_id, text in _docs(path):
            blob = json.dumps(quoteattr.extract(text, id=doc_id).to_dict(), sort_keys=True, ensure_ascii=True)
            h = hashlib.md5(blob.encode()).hexdigest()
            per_doc[doc_id] = h
            total.update(h.encode())
        out[name] = {"md5": total.hexdigest(), "docs": per_doc}
        print(f"{name}: {len(per_doc)} docs md5 {total.hexdigest()}")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--files", nargs="*", default=list(FILES))
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--diff", type=Path, help="an earlier --out file to compare with")
    args = p.parse_args(argv)
    snap = snapshot(args.data, tuple(args.files))
    args.out.write_text(json.dumps(snap, indent=1, sort_keys=True))
    if args.diff:
        old = json.loads(args.diff.read_text())
        changed = 0
        for name, cur in snap.items():
            before = old.get(name, {}).get("docs", {})
            for doc_id, h in cur["docs"].items():  # type: ignore[union-attr]  # snapshot() values are dicts with "docs"
                if before.get(doc_id) != h:
                    changed += 1
                    print(f"changed: {name} {doc_id}")
        print(f"{changed} document(s) changed")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
