"""The stanza engine's model download and the ``quoteattr download`` subcommand.

Part of :mod:`quoteattr.adapters.stanza`'s API (re-exported there); kept
apart so that module stays one concern: pipelines and documents.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import Any

import stanza
from stanza.resources import common as _resources

from ..errors import ModelHostUnreachableError
from .stanza import (
    ENV_VAR,
    LANG,
    PROCESSORS,
    PROCESSORS_NO_COREF,
    _processor_names,
    missing_models,
    model_dir,
)

__all__ = ["add_parser", "download", "run"]


def download(
    resources_dir: str | os.PathLike[str] | None = None,
    processors: str | Sequence[str] = PROCESSORS,
    *,
    lang: str = LANG,
) -> list[str]:
    """Install exactly the models the stanza engine needs (needs network).

    Calls ``stanza.download(lang, model_dir=DIR, package=None,
    processors="tokenize,mwt,...")``, so only those processors and their
    dependencies are fetched (not stanza's whole default set). stanza reads
    the host from ``$STANZA_RESOURCES_URL`` (default: its GitHub resources).

    Args:
        resources_dir: where to install (default :func:`model_dir`).
        processors: the processors to install (default :data:`PROCESSORS`).
        lang: the language.

    Returns:
        What is still missing afterwards (empty on success).

    Raises:
        ModelHostUnreachableError: when the model host cannot be reached
            (offline, DNS failure, refused connection, timeout); the folders
            this call created are removed again, so no empty cache is left.
    """
    d = model_dir(resources_dir)
    names = ",".join(_processor_names(processors))
    created = _absent_parents(d)
    try:
        stanza.download(lang, model_dir=d, package=None, processors=names)
    except OSError as exc:  # requests' ConnectionError/Timeout are OSErrors; so are urllib3's
        if not _is_network_error(exc):
            raise
        _remove_empty(created)
        raise ModelHostUnreachableError(
            f"cannot reach the stanza model host {_resources.DEFAULT_RESOURCES_URL} ({_reason(exc)}); "
            f"the models would have been written to {d}. Without network, use a local model folder instead: "
            f"--model-dir DIR or ${ENV_VAR}=DIR (tools/train_stanza_models.py trains one)",
            resources_dir=d,
        ) from None
    return missing_models(d, names, lang=lang)


def _is_network_error(exc: BaseException) -> bool:
    """A ``requests``/``urllib3``/socket failure to reach a host (not a local file error)."""
    import socket

    try:
        import requests
    except ImportError:  # pragma: no cover - stanza depends on requests
        requests = None  # type: ignore[assignment]  # the module's name, None when absent
    if requests is not None and isinstance(exc, (requests.ConnectionError, requests.Timeout)):
        return True
    return isinstance(exc, (socket.gaierror, socket.timeout, ConnectionError))


def _reason(exc: BaseException) -> str:
    """The innermost cause of a network error, on one line ("Connection refused")."""
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]  # the loop test: one is not None
    text = str(exc).strip().splitlines()
    last = text[-1] if text else type(exc).__name__
    return last.rsplit(": ", 1)[-1][:160].rstrip(")'\"")


def _absent_parents(path: str) -> list[str]:
    """*path* and its ancestors that do not exist yet, deepest first."""
    out = []
    p = os.path.abspath(path)
    while not os.path.exists(p):
        out.append(p)
        parent = os.path.dirname(p)
        if parent == p:
            break
        p = parent
    return out


def _remove_empty(paths: list[str]) -> None:
    """Remove the folders in *paths* (deepest first) that are empty (or hold only an empty ``resources.json``)."""
    for p in paths:
        try:
            for leftover in ("resources.json",):
                f = os.path.join(p, leftover)
                if os.path.isfile(f) and os.path.getsize(f) == 0:
                    os.remove(f)
            os.rmdir(p)
        except OSError:
            return


def add_parser(subparsers: Any) -> None:
    """Register the ``download`` subcommand on an argparse subparsers object."""
    p = subparsers.add_parser("download", help="install stanza's English models for the stanza engine")
    p.add_argument(
        "--dir", default=None, help=f"model folder (default: ${ENV_VAR}, $STANZA_RESOURCES_DIR or stanza's own)"
    )
    p.add_argument(
        "--no-coref", action="store_true", help="skip the coreference model (about 135 MB plus its base model)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``quoteattr download``; 0 when every model is in place afterwards.

    Raises:
        ModelHostUnreachableError: offline (the command line prints its one
            line and exits with status 2).
    """
    processors = PROCESSORS_NO_COREF if getattr(args, "no_coref", False) else PROCESSORS
    missing = download(resources_dir=getattr(args, "dir", None), processors=processors)
    if missing:
        print(f"quoteattr: still missing after download: {', '.join(missing)}")
        return 1
    print(f"stanza models for {LANG} ({processors}) are in {model_dir(getattr(args, 'dir', None))}")
    return 0
