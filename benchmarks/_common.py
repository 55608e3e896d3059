"""Helpers shared by the benchmark scripts (not part of the package).

* :func:`add_common_args` adds ``--data`` (the shared data folder: the
  argument, else ``$QUOTEATTR_DATA``, else ``../shared/data`` beside the
  checkout) and ``--out`` (the JSON result file).
* :func:`data_path` finds one data file or says plainly that it is absent.
* :func:`machine_info` describes where the numbers were measured.
* :func:`write_json` writes a result file under ``benchmarks/results/``.
* :func:`update_section` rewrites the part of a Markdown file between
  ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``, so that each benchmark
  owns its own table in ``docs/benchmarks.md``.

Benchmarks print their numbers and write JSON; they never run under pytest.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_DATA",
    "DOCS",
    "RESULTS",
    "ROOT",
    "add_common_args",
    "data_path",
    "machine_info",
    "timer",
    "update_section",
    "write_json",
]

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
DOCS = ROOT / "docs"
DEFAULT_DATA = Path(os.environ.get("QUOTEATTR_DATA", ROOT.parent / "shared" / "data"))


def add_common_args(parser: argparse.ArgumentParser, *, out: str) -> None:
    """Add ``--data DIR`` and ``--out FILE`` (default ``benchmarks/results/<out>``)."""
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"shared data folder (default {DEFAULT_DATA})")
    parser.add_argument(
        "--out", type=Path, default=RESULTS / out, help=f"JSON result file (default benchmarks/results/{out})"
    )


def data_path(data: Path, name: str) -> Path | None:
    """``data / name`` when it exists; else ``None``, after printing why."""
    p = Path(data) / name
    if p.exists():
        return p
    print(f"skipped {name}: {p} is absent (pass --data or set QUOTEATTR_DATA)", file=sys.stderr)
    return None


def _version(module: str) -> str | None:
    try:
        from importlib.metadata import version

        return version(module)
    except Exception:
        return None


def _cpu_model() -> str | None:
    """The CPU's model name and clock from /proc/cpuinfo (Linux), else what
    ``platform.processor()`` says: timings only compare on one CPU model."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            info = {k.strip(): v for k, v in (line.split(":", 1) for line in f if ":" in line)}
    except OSError:
        return platform.processor() or None
    name = " ".join(info.get("model name", "").split()) or platform.processor() or None
    mhz = info.get("cpu MHz", "").strip()
    return f"{name}, {float(mhz) / 1000:.2f} GHz" if name and mhz else name


def machine_info() -> dict[str, Any]:
    """Python, platform, CPU model and count, package versions and the UTC time."""
    return {
        "date_utc": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpu_model": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "quoteattr": _version("quoteattr"),
        "stanza": _version("stanza"),
        "torch": _version("torch"),
        "textacy": _version("textacy"),
        "spacy": _version("spacy"),
    }


def write_json(path: Path, payload: Any) -> Path:
    """Write *payload* as indented JSON, creating folders; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def update_section(path: Path, name: str, body: str, *, heading: str = "", intro: str = "") -> None:
    """Replace the text between ``<!-- name:start -->`` and ``<!-- name:end -->``.

    When the markers are missing, a new ``## heading`` section with *intro*
    and the markers is appended (the file is created if needed).
    """
    path = Path(path)
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{start}\n{body.rstrip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text, count=1)
    else:
        parts = [text.rstrip()] if text.strip() else []
        if heading:
            parts.append(f"## {heading}")
        if intro:
            parts.append(intro.strip())
        parts.append(block)
        text = "\n\n".join(parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip() + "\n", encoding="utf-8")


@contextmanager
def timer() -> Iterator[list[float]]:
    """``with timer() as t: ...`` then ``t[0]`` holds the elapsed seconds."""
    out = [0.0]
    t0 = time.perf_counter()
    try:
        yield out
    finally:
        out[0] = time.perf_counter() - t0
