"""Train an English stanza model set from openly licensed treebanks.

Not part of the installed package. The output is a stanza resources folder
(``resources.json`` + ``en/<processor>/<package>.pt`` + ``LICENSE`` and
``NOTICE``) that loads like a downloaded one::

    stanza.Pipeline("en", dir=OUT, download_method=None)
    quoteattr.extract(text, engine="stanza", model_dir=OUT, coref=False)

Data (``--data``, default ``../shared/data`` relative to the repository):

* ``ud-english-ewt/`` UD English EWT (CC BY-SA 4.0): train for training,
  dev for early stopping and the reported scores;
* ``gum/`` the GUM news and interview documents (CC BY 2.5 texts): every
  fifth file (sorted by name) is held out as a GUM dev set, the rest is
  added to the training data.

Processors: tokenizer (with MWT labels), MWT expander, dictionary
lemmatizer, POS tagger, dependency parser. No NER (GUM's entity layer has
GUM's own types and 43 documents: too little for a useful NER model) and no
coreference. Everything is trained with ``--no_pretrain`` (no word vectors
or character LMs can be downloaded here).

Profiles:

* ``tiny``: a few minutes on 2 cores, under 10 MB in all; the committed test
  fixture ``tests/fixtures/stanza-tiny``. Test-grade: it parses, badly.
* ``full``: all training sentences, stanza's usual network sizes, 3,000
  tokenizer, 1,000 tagger and 600 parser steps: about 95 minutes a run
  on 2 cores shared with other jobs (2026-12-01; EWT dev UPOS 83.7, LAS
  59.6), written to the folder you name; never commit it. ``--scale F``
  multiplies every step count for a longer (or shorter) run.

Usage::

    nice -n 10 python tools/train_stanza_models.py --profile tiny --out tests/fixtures/stanza-tiny
    nice -n 19 python tools/train_stanza_models.py --profile full --out ~/quoteattr-stanza-full --threads 1

The scores (UPOS of the tagger, LAS of the parser on predicted tags, on EWT
dev and on the held-out GUM files) are written to ``OUT/scores.json``.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

PACKAGE = "quoteattr_open"
SHORT = "en_open"
PROCESSORS = ("tokenize", "mwt", "lemma", "pos", "depparse")

#: Per-profile hyperparameters. ``train_sents``: how many training sentences
#: (None: all); the rest are the stanza flags that worked on 2 CPU cores.
PROFILES: dict[str, dict[str, Any]] = {
    "tiny": {
        "train_sents": 4000,
        "dev_sents": 500,
        "tokenize": ["--steps", "600", "--hidden_dim", "32", "--emb_dim", "16", "--eval_steps", "200"],
        "mwt": ["--num_epoch", "3", "--hidden_dim", "32", "--emb_dim", "16"],
        "pos": [
            "--batch_size",
            "32",
            "--hidden_dim",
            "48",
            "--char_hidden_dim",
            "48",
            "--deep_biaff_hidden_dim",
            "48",
            "--composite_deep_biaff_hidden_dim",
            "24",
            "--word_emb_dim",
            "32",
            "--tag_emb_dim",
            "16",
            "--char_emb_dim",
            "32",
            "--transformed_dim",
            "32",
            "--num_layers",
            "1",
            "--word_cutoff",
            "5",
            "--max_steps",
            "500",
            "--eval_interval",
            "100",
        ],
        "depparse": [
            "--batch_size",
            "1000",
            "--hidden_dim",
            "64",
            "--char_hidden_dim",
            "48",
            "--deep_biaff_hidden_dim",
            "64",
            "--deep_biaff_output_dim",
            "32",
            "--word_emb_dim",
            "32",
            "--tag_emb_dim",
            "16",
            "--char_emb_dim",
            "32",
            "--transformed_dim",
            "32",
            "--num_layers",
            "1",
            "--word_cutoff",
            "5",
            "--max_steps",
            "400",
            "--eval_interval",
            "100",
            "--no_checkpoint",
        ],
    },
    "full": {
        "train_sents": None,
        "dev_sents": None,
        "tokenize": ["--steps", "3000"],
        "mwt": ["--num_epoch", "10"],
        "pos": [
            "--batch_size",
            "32",
            "--hidden_dim",
            "100",
            "--char_hidden_dim",
            "200",
            "--deep_biaff_hidden_dim",
            "200",
            "--max_steps",
            "1000",
            "--eval_interval",
            "250",
        ],
        "depparse": [
            "--batch_size",
            "1000",
            "--hidden_dim",
            "200",
            "--char_hidden_dim",
            "200",
            "--deep_biaff_hidden_dim",
            "200",
            "--num_layers",
            "2",
            "--max_steps",
            "600",
            "--eval_interval",
            "250",
            "--no_checkpoint",
        ],
    },
}

NOTICE = """\
English stanza models trained by quoteattr's tools/train_stanza_models.py
(profile {profile}, stanza {stanza_version}, {date}).

Trained on:
- the Universal Dependencies English Web Treebank (EWT), CC BY-SA 4.0,
  https://github.com/UniversalDependencies/UD_English-EWT
  (Silveira et al. 2014, A Gold Standard Dependency Corpus for English, LREC 2014);
- the news and interview documents of GUM, the Georgetown University Multilayer
  corpus, whose texts are CC BY 2.5 (Wikinews), https://github.com/amir-zeldes/gum
  (Zeldes 2017, The GUM Corpus, Language Resources and Evaluation 51(3)).

These model files are derived from that data and are shared under the same
terms: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), with the
attribution above. stanza itself is Apache-2.0 (https://github.com/stanfordnlp/stanza).
"""


# --------------------------------------------------------------------- data


def read_conllu(path: str | os.PathLike[str]) -> Iterator[list[str]]:
    """Sentences of a CoNLL-U file as lists of lines (comments included)."""
    block: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip():
                block.append(line)
            elif block:
                yield block
                block = []
    if block:
        yield block


def clean_sentence(block: list[str]) -> list[str] | None:
    """Keep what stanza trains on: ``# text``, basic trees, ``SpaceAfter=No``.

    Drops empty nodes (``8.1``), enhanced dependencies and every MISC entry
    but ``SpaceAfter=No`` (GUM's MISC holds entity and discourse layers).
    Returns None for a sentence without ``# text``.
    """
    out = [line for line in block if line.startswith(("# sent_id", "# text ="))]
    if not any(line.startswith("# text =") for line in out):
        return None
    for line in block:
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10 or "." in cols[0]:
            continue
        cols[8] = "_"
        cols[9] = "SpaceAfter=No" if "SpaceAfter=No" in cols[9].split("|") else "_"
        out.append("\t".join(cols))
    return out


def write_conllu(path: Path, sents: Iterable[list[str]]) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for s in sents:
            f.write("\n".join(s) + "\n\n")
            n += 1
    return n


def load_splits(data: Path, profile: dict[str, Any], seed: int = 1234) -> dict[str, list[list[str]]]:
    """train (EWT train + 4/5 of GUM), dev (EWT dev), gum_dev (1/5 of GUM)."""
    ewt = data / "ud-english-ewt"
    gum_files = sorted(glob.glob(str(data / "gum" / "*.conllu")))
    if not (ewt / "en_ewt-ud-train.conllu").exists() or not gum_files:
        raise SystemExit(f"train_stanza_models: no EWT/GUM data under {data} (see its README.md)")

    def clean(paths: Iterable[str | Path]) -> list[list[str]]:
        return [c for p in paths for b in read_conllu(p) if (c := clean_sentence(b)) is not None]

    gum_dev = [f for i, f in enumerate(gum_files) if i % 5 == 0]
    gum_train = [f for i, f in enumerate(gum_files) if i % 5 != 0]
    train = clean([ewt / "en_ewt-ud-train.conllu", *gum_train])
    dev = clean([ewt / "en_ewt-ud-dev.conllu"])
    gdev = clean(gum_dev)
    rng = random.Random(seed)
    if profile["train_sents"] is not None:
        train = rng.sample(train, min(len(train), profile["train_sents"]))
    if profile["dev_sents"] is not None:
        dev = dev[: profile["dev_sents"]]
        gdev = gdev[: profile["dev_sents"]]
    return {"train": train, "dev": dev, "gum_dev": gdev}


# ------------------------------------------------------------------ training


class Runner:
    """Runs stanza's training modules as subprocesses, logged and timed."""

    def __init__(self, work: Path, threads: int, resume: bool = False) -> None:
        self.work = work
        self.resume = resume
        self.env = dict(os.environ)
        for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
            self.env[var] = str(threads)
        self.times: dict[str, float] = {}

    def __call__(self, name: str, module: str, args: list[str]) -> None:
        log = self.work / f"{name}.log"
        if self.resume and (self.work / "saved" / f"{name}.pt").exists():
            print(f"[train] {name}: kept from the last run (--resume)", flush=True)
            return
        t0 = time.time()
        print(f"[train] {name}: python -m {module} ... (log {log})", flush=True)
        with open(log, "w", encoding="utf-8") as f:
            proc = subprocess.run(
                [sys.executable, "-m", module, *args], check=False, stdout=f, stderr=subprocess.STDOUT, env=self.env
            )
        self.times[name] = round(time.time() - t0, 1)
        if proc.returncode != 0:
            tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]
            raise SystemExit(f"train_stanza_models: {name} failed (exit {proc.returncode}):\n" + "\n".join(tail))
        print(f"[train] {name}: {self.times[name]} s", flush=True)


def prepare(work: Path, splits: dict[str, list[list[str]]]) -> dict[str, Path]:
    """Write the gold files and the tokenizer's text/label files."""
    from stanza.utils.datasets import common
    from stanza.utils.datasets.contract_mwt import contract_mwt
    from stanza.utils.datasets.prepare_tokenizer_treebank import augment_punct

    tok = work / "tokenize"
    tok.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    rng_state = random.getstate()
    random.seed(1234)
    aug = augment_punct([list(s) for s in splits["train"]])  # quotes/apostrophe/bracket variants
    random.setstate(rng_state)
    write_conllu(tok / f"{SHORT}.train.gold.conllu", aug)
    write_conllu(tok / f"{SHORT}.dev.gold.conllu", splits["dev"])
    write_conllu(tok / f"{SHORT}.test.gold.conllu", splits["gum_dev"])
    common.convert_conllu_to_txt(str(tok), SHORT)
    common.prepare_tokenizer_treebank_labels(str(tok), SHORT)
    for split in ("train", "dev", "gum_dev"):
        gold = work / f"{split}.gold.conllu"
        write_conllu(gold, splits[split])
        contract_mwt(str(gold), str(work / f"{split}.in.conllu"))
        paths[split] = gold
    return paths


def train_all(work: Path, out_en: Path, profile: dict[str, Any], paths: dict[str, Path], run: Runner) -> None:
    tok = work / "tokenize"
    saved = work / "saved"
    saved.mkdir(exist_ok=True)
    base = ["--lang", "en", "--shorthand", SHORT]
    run(
        "tokenize",
        "stanza.models.tokenizer",
        [
            *base,
            "--mode",
            "train",
            "--label_file",
            str(tok / f"{SHORT}-ud-train.toklabels"),
            "--txt_file",
            str(tok / f"{SHORT}.train.txt"),
            "--dev_txt_file",
            str(tok / f"{SHORT}.dev.txt"),
            "--dev_label_file",
            str(tok / f"{SHORT}-ud-dev.toklabels"),
            "--dev_conll_gold",
            str(tok / f"{SHORT}.dev.gold.conllu"),
            "--conll_file",
            str(work / "tok.dev.pred.conllu"),
            "--mwt_json_file",
            str(tok / f"{SHORT}-ud-dev-mwt.json"),
            "--max_seqlen",
            "300",
            "--save_dir",
            str(saved),
            "--save_name",
            "tokenize.pt",
            *profile["tokenize"],
        ],
    )
    run(
        "mwt",
        "stanza.models.mwt_expander",
        [
            *base,
            "--mode",
            "train",
            "--train_file",
            str(paths["train"]),
            "--eval_file",
            str(work / "dev.in.conllu"),
            "--gold_file",
            str(paths["dev"]),
            "--output_file",
            str(work / "mwt.dev.pred.conllu"),
            "--save_dir",
            str(saved),
            "--save_name",
            "mwt.pt",
            *profile["mwt"],
        ],
    )
    run(
        "lemma",
        "stanza.models.lemmatizer",
        [
            "--shorthand",
            SHORT,
            "--mode",
            "train",
            "--dict_only",
            "--train_file",
            str(paths["train"]),
            "--eval_file",
            str(paths["dev"]),
            "--output_file",
            str(work / "lemma.dev.pred.conllu"),
            "--save_dir",
            str(saved),
            "--save_name",
            "lemma.pt",
        ],
    )
    run(
        "pos",
        "stanza.models.tagger",
        [
            *base,
            "--mode",
            "train",
            "--no_pretrain",
            "--train_file",
            str(paths["train"]),
            "--eval_file",
            str(paths["dev"]),
            "--output_file",
            str(work / "pos.dev.pred.conllu"),
            "--save_dir",
            str(saved),
            "--save_name",
            "pos.pt",
            *profile["pos"],
        ],
    )
    run(
        "depparse",
        "stanza.models.parser",
        [
            *base,
            "--mode",
            "train",
            "--no_pretrain",
            "--train_file",
            str(paths["train"]),
            "--eval_file",
            str(paths["dev"]),
            "--output_file",
            str(work / "depparse.dev.pred.conllu"),
            "--save_dir",
            str(saved),
            "--save_name",
            "depparse.pt",
            *profile["depparse"],
        ],
    )
    for proc in PROCESSORS:
        (out_en / proc).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(saved / f"{proc}.pt", out_en / proc / f"{PACKAGE}.pt")


# ---------------------------------------------------------------- scoring


def _words(path: Path) -> list[list[str]]:
    return [
        cols
        for block in read_conllu(path)
        for line in block
        if not line.startswith("#") and (cols := line.split("\t")) and cols[0].isdigit()
    ]


def score(work: Path, saved: Path, gold: Path, name: str, run: Runner) -> dict[str, float]:
    """UPOS of the tagger, then UAS/LAS of the parser on the tagger's output."""
    pos_out = work / f"{name}.pos.conllu"
    dep_out = work / f"{name}.dep.conllu"
    base = ["--lang", "en", "--shorthand", SHORT, "--mode", "predict", "--no_pretrain"]
    run(
        f"score-pos-{name}",
        "stanza.models.tagger",
        [
            *base,
            "--eval_file",
            str(gold),
            "--output_file",
            str(pos_out),
            "--save_dir",
            str(saved),
            "--save_name",
            "pos.pt",
        ],
    )
    run(
        f"score-depparse-{name}",
        "stanza.models.parser",
        [
            *base,
            "--eval_file",
            str(pos_out),
            "--output_file",
            str(dep_out),
            "--save_dir",
            str(saved),
            "--save_name",
            "depparse.pt",
        ],
    )
    g, p, d = _words(gold), _words(pos_out), _words(dep_out)
    if not (len(g) == len(p) == len(d)):
        raise SystemExit(f"train_stanza_models: word counts differ when scoring {name}: {len(g)}, {len(p)}, {len(d)}")
    n = len(g)
    upos = sum(a[3] == b[3] for a, b in zip(g, p, strict=False))
    uas = sum(a[6] == b[6] for a, b in zip(g, d, strict=False))
    las = sum(a[6] == b[6] and a[7].split(":")[0] == b[7].split(":")[0] for a, b in zip(g, d, strict=False))
    return {
        "words": n,
        "upos": round(100 * upos / n, 2),
        "uas": round(100 * uas / n, 2),
        "las": round(100 * las / n, 2),
    }


# --------------------------------------------------------------- packaging


def write_resources(out: Path, profile_name: str, scores: dict[str, Any]) -> None:
    import datetime

    import stanza

    lang: dict[str, Any] = {"lang_name": "English", "default_processors": {p: PACKAGE for p in PROCESSORS}}
    for proc in PROCESSORS:
        lang[proc] = {PACKAGE: {}}
    lang["packages"] = {"default": {p: PACKAGE for p in PROCESSORS}}
    (out / "resources.json").write_text(json.dumps({"en": lang}, indent=2) + "\n", encoding="utf-8")
    (out / "NOTICE").write_text(
        NOTICE.format(profile=profile_name, stanza_version=stanza.__version__, date=datetime.date.today().isoformat()),
        encoding="utf-8",
    )
    (out / "LICENSE").write_text(
        "The model files in this folder are licensed under the Creative Commons Attribution-ShareAlike 4.0\n"
        "International licence: https://creativecommons.org/licenses/by-sa/4.0/legalcode\n"
        "Attribution and sources: see NOTICE.\n",
        encoding="utf-8",
    )
    (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")


_COUNTS = ("--steps", "--max_steps", "--num_epoch")


def scaled(profile: dict[str, Any], factor: float) -> dict[str, Any]:
    """*profile* with every step and epoch count multiplied by *factor* (at least 1)."""
    out = dict(profile)
    for key, flags in profile.items():
        if not isinstance(flags, list):
            continue
        new = list(flags)
        for i, flag in enumerate(new[:-1]):
            if flag in _COUNTS:
                new[i + 1] = str(max(1, round(int(new[i + 1]) * factor)))
        out[key] = new
    return out


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--profile", choices=sorted(PROFILES), default="tiny")
    ap.add_argument(
        "--data", type=Path, default=here.parent / "shared" / "data", help="folder with ud-english-ewt/ and gum/"
    )
    ap.add_argument("--out", type=Path, required=True, help="the resources folder to write (replaced)")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default OUT.work, removed at the end)")
    ap.add_argument("--threads", type=int, default=1, help="torch threads per training process (default 1)")
    ap.add_argument("--keep-work", action="store_true", help="keep the scratch folder (logs, predictions)")
    ap.add_argument("--resume", action="store_true", help="reuse the models the scratch folder already holds")
    ap.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="multiply every step and epoch count by this (e.g. 0.3 for a shortened run; recorded in scores.json)",
    )
    args = ap.parse_args(argv)

    profile = scaled(PROFILES[args.profile], args.scale)
    work = args.work or args.out.with_name(args.out.name + ".work")
    if work.exists() and not args.resume:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    splits = load_splits(args.data, profile)
    print(
        f"[train] {args.profile}: {len(splits['train'])} train, {len(splits['dev'])} EWT dev, "
        f"{len(splits['gum_dev'])} GUM dev sentences",
        flush=True,
    )
    paths = prepare(work, splits)
    run = Runner(work, args.threads, args.resume)
    tmp_out = work / "out"
    train_all(work, tmp_out / "en", profile, paths, run)
    scores: dict[str, Any] = {"profile": args.profile, "scale": args.scale, "train_sentences": len(splits["train"])}
    scores["ewt_dev"] = score(work, work / "saved", paths["dev"], "ewt_dev", run)
    scores["gum_dev"] = score(work, work / "saved", paths["gum_dev"], "gum_dev", run)
    scores["seconds"] = {**run.times, "total": round(time.time() - t0, 1)}
    write_resources(tmp_out, args.profile, scores)
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(tmp_out, args.out)
    if not args.keep_work:
        shutil.rmtree(work)
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"[train] wrote {args.out} ({size / 1e6:.1f} MB): {json.dumps(scores)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
