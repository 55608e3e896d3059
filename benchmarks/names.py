"""Name quality: every entity name (``Speaker.name``) a reader would reject.

Runs ``quoteattr.extract`` (rule engine, default threshold) on each document
of polnear-train and litbank-dev and flags a speaker name that

* ``verb``: contains a verb form (a form of a reporting verb of
  ``lexicons/reporting_verbs.txt``, an auxiliary such as "had" or "been", or a
  lowercase word in -ed/-ing): "HAD BEEN CLAIMED BY NANCY";
* ``lowercase``: contains a lowercase content word (not a particle of a name
  such as "de", "van", nor a function word of an organisation name such as
  "of", "and", "for", "the"): "hesitation which Emma", "poor Alice";
* ``long``: has more than six words;
* ``caps``: is all capitals with a word (or hyphenated part) of more than five
  letters (acronyms such as "NAACP", "BFM TV" or "KING-TV" pass), unless the entity is a transcript label
  (one of its mentions opens a line and is followed by a colon: "WALLACE:
  ...");
* ``punct``: holds a dialogue dash, a colon, a semicolon or a line break
  ("Mem Sahib--Mary", "Perfect Enough: Carly Fiorina");
* ``heading``: a mention stands in a chapter heading line ("Chapter I. The
  Missing Heir.").

A capitalised verb form inside a fixed name ("United States") is no verb.

Usage::

    python benchmarks/names.py [--data DIR] [--out benchmarks/results/names.json]

Prints counts per corpus and check, then the flagged names (corpus, document,
checks, name), and writes them as JSON. Not run by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import quoteattr
from quoteattr.corpora import read_jsonl
from quoteattr.lexicons import load_rows

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("QUOTEATTR_DATA", ROOT.parent / "shared" / "data"))
CORPORA = ("polnear-train", "litbank-dev")

_VERB_FORMS = frozenset(w for row in load_rows("reporting_verbs.txt") for w in row[2].split()) | frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "had",
        "has",
        "have",
        "having",
        "do",
        "does",
        "did",
        "says",
        "said",
    ]
)
# lowercase words that may stand inside a name ("Department of State", "Ludwig van Beethoven")
_NAME_PARTICLES = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "on",
        "in",
        "at",
        "to",
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "du",
        "van",
        "von",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "st",
    ]
)
# a final lowercase group noun after a name is an organisation's name ("Clinton campaign", "German police")
_ORG_NOUNS = frozenset(r[0] for r in load_rows("role_nouns.txt") if r[2] == "organisation") | frozenset(
    ["police", "groups", "newspaper", "paper", "team", "authorities"]
)
_WORD_RE = re.compile(r"[\w'’.\-]+")


_BASE_FORMS = frozenset(row[2].split()[0] for row in load_rows("reporting_verbs.txt"))


def _is_base_form(word: str) -> bool:
    return word.lower() in _BASE_FORMS


def _is_transcript_label(text: str, mentions: Any) -> bool:
    """A mention that opens a line and is followed by a colon ("WALLACE: ...")."""
    for m in mentions:
        line_start = m.start == 0 or text[m.start - 1] == "\n"
        if line_start and text[m.end : m.end + 1] == ":":
            return True
    return False


# a capitalised verb form that is part of a fixed name ("United States") is no verb
_NAME_WORDS = frozenset(["States"])
# a name holds no dash of dialogue, colon or line break ("Mem Sahib--Mary",
# "Perfect Enough: Carly Fiorina")
_PUNCT_RE = re.compile(r"--|—|―|:|\n|;")
# a chapter heading line ("Chapter I. The Missing Heir.")
_HEADING_RE = re.compile(
    r"[ \t_*]*(?:CHAPTER|Chapter|BOOK|Book|PART|Part|VOLUME|Volume|STAVE|Stave)\s+(?:[IVXLC]+\b|\d+)"
)


def _in_heading(text: str, mentions: Any) -> bool:
    """A mention stands in a chapter heading line."""
    for m in mentions:
        ls = text.rfind("\n", 0, m.start) + 1
        le = text.find("\n", m.end)
        line = text[ls : le if le >= 0 else len(text)]
        if len(line) < 120 and _HEADING_RE.match(line):
            return True
    return False


def checks(name: str, text: str = "", mentions: Any = ()) -> list[str]:
    """The checks *name* fails (empty: a name a reader would accept)."""
    words = _WORD_RE.findall(name)
    out = []
    lowers = [w for w in words if w[0].islower()]
    if lowers and lowers[-1] == words[-1] and words[-1] in _ORG_NOUNS:
        lowers.pop()
    # (a capitalised base form is a name: "Hope Hicks", "Washington Post")
    verbs = [
        w for w in words if w.lower() in _VERB_FORMS and (w.islower() or not _is_base_form(w)) and w not in _NAME_WORDS
    ]
    if verbs or any(w.islower() and w.endswith(("ed", "ing")) and len(w) > 4 for w in words):
        out.append("verb")
    if any(w.lower().strip(".") not in _NAME_PARTICLES for w in lowers):
        out.append("lowercase")
    if len(words) > 6:
        out.append("long")
    letters = [ch for ch in name if ch.isalpha()]
    # (acronyms of up to five letters pass, alone or together: "NAACP", "BFM TV")
    long_word = any(sum(ch.isalpha() for ch in part) > 5 for w in words for part in w.split("-"))
    shouted = letters and all(ch.isupper() for ch in letters) and long_word
    if shouted and not _is_transcript_label(text, mentions):
        out.append("caps")
    if _PUNCT_RE.search(name):
        out.append("punct")
    if text and _in_heading(text, mentions):
        out.append("heading")
    return out


def scan(path: Path) -> tuple[int, list[dict[str, Any]]]:
    """The number of named speakers of the corpus at *path* and the flagged ones."""
    named = 0
    flagged = []
    for doc in read_jsonl(path):
        result = quoteattr.extract(doc.text)
        for sp in result.speakers:
            if not sp.name:
                continue
            named += 1
            failed = checks(sp.name, doc.text, sp.mentions)
            if failed:
                flagged.append({"doc": doc.id, "name": sp.name, "checks": failed})
    return named, flagged


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding the corpora")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "names.json")
    args = ap.parse_args(argv)
    results: dict[str, Any] = {"quoteattr": quoteattr.__version__, "engine": "rules"}
    for corpus in CORPORA:
        path = args.data / f"{corpus}.jsonl"
        if not path.exists():
            print(f"{corpus}: {path} is absent, skipped", file=sys.stderr)
            continue
        named, flagged = scan(path)
        counts = Counter(c for f in flagged for c in f["checks"])
        results[corpus] = {
            "named_speakers": named,
            "flagged": len(flagged),
            "by_check": dict(sorted(counts.items())),
            "names": flagged,
        }
        print(
            f"{corpus}: {len(flagged)} of {named} speaker names flagged; "
            + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        )
    for corpus in CORPORA:
        for f in results.get(corpus, {}).get("names", []):
            print(f"  {corpus}\t{f['doc']}\t{','.join(f['checks'])}\t{f['name']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
