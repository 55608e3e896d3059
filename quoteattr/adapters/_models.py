"""Where the stanza engine's models live and what is missing.

The constants of the engine (its processors, the model-folder environment
variable), the folder a pipeline reads (:func:`model_dir`), and the cheap
checks made before a pipeline is built (:func:`missing_models`,
:func:`missing_packages`, :func:`check_models`). Both
:mod:`quoteattr.adapters.stanza` (which re-exports every public name here)
and :mod:`quoteattr.adapters._download` read this module, so neither imports
the other back.

Example: ``missing_models("/no/such/folder")`` lists every model file of
:data:`PROCESSORS` (no ``resources.json`` there).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence

import stanza  # noqa: F401  (imported by the caller first, with its clear error when absent)
from stanza.resources import common as _resources

from ..errors import MissingModelsError, MissingPackageError

#: The processors of the stanza engine.
PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner,coref"
#: The same without coreference (no transformers/peft, no 135 MB coref model).
PROCESSORS_NO_COREF = "tokenize,mwt,pos,lemma,depparse,ner"
#: Processors used only when the model folder has them: a folder trained by
#: ``tools/train_stanza_models.py`` has no NER (no ``ner`` entry in its
#: ``resources.json``), and the quote logic runs without entities.
OPTIONAL_PROCESSORS = ("ner",)
#: The command that installs the models.
INSTALL_HINT = "python -m quoteattr download"
#: The environment variable naming the model folder (before STANZA_RESOURCES_DIR).
ENV_VAR = "QUOTEATTR_STANZA_DIR"
#: Python packages that processors need beyond stanza, with their install command.
PACKAGES_NEEDED = {"coref": ("transformers", "peft")}
LANG = "en"



def model_dir(path: str | os.PathLike[str] | None = None) -> str:
    """The folder stanza reads models from.

    *path* if given, else ``$QUOTEATTR_STANZA_DIR``, else
    ``$STANZA_RESOURCES_DIR``, else stanza's ``DEFAULT_MODEL_DIR``
    (``~/.cache/stanza/<version>/resources``). A downloaded folder and one
    written by ``tools/train_stanza_models.py`` are read the same way.
    """
    if path is not None:
        return os.fspath(path)
    return os.environ.get(ENV_VAR) or os.environ.get("STANZA_RESOURCES_DIR") or _resources.DEFAULT_MODEL_DIR


def _where(resources_dir: str | os.PathLike[str] | None) -> str:
    if resources_dir is not None:
        return "the folder given"
    for var in (ENV_VAR, "STANZA_RESOURCES_DIR"):
        if os.environ.get(var):
            return var
    return "stanza's DEFAULT_MODEL_DIR"


def _processor_names(processors: str | Sequence[str]) -> list[str]:
    if isinstance(processors, str):
        return [p.strip().lower() for p in processors.split(",") if p.strip()]
    return [p.strip().lower() for p in processors]


def engine_processors(
    resources_dir: str | os.PathLike[str] | None = None, *, coref: bool = True, lang: str = LANG
) -> str:
    """The processors the engine asks for in this model folder.

    :data:`PROCESSORS` (or :data:`PROCESSORS_NO_COREF`) less each of
    :data:`OPTIONAL_PROCESSORS` that the folder's ``resources.json`` does not
    list for *lang* (a locally trained folder has no NER). A folder without a
    readable ``resources.json`` keeps them all, so the missing-model check
    reports it.
    """
    names = _processor_names(PROCESSORS if coref else PROCESSORS_NO_COREF)
    try:
        resources = _resources.load_resources_json(model_dir(resources_dir))
    except (OSError, ValueError):
        return ",".join(names)
    offered = resources.get(lang, {})
    return ",".join(n for n in names if n not in OPTIONAL_PROCESSORS or n in offered)


def missing_packages(processors: str | Sequence[str] = PROCESSORS) -> list[str]:
    """The Python packages *processors* need that are not importable (``["peft"]``)."""
    return [
        pkg
        for name in _processor_names(processors)
        for pkg in PACKAGES_NEEDED.get(name, ())
        if importlib.util.find_spec(pkg) is None
    ]


def missing_models(
    resources_dir: str | os.PathLike[str] | None = None,
    processors: str | Sequence[str] = PROCESSORS,
    *,
    lang: str = LANG,
) -> list[str]:
    """The model files the pipeline for *processors* would miss, without loading anything.

    Follows stanza's own resolution (``load_resources_json``,
    ``process_pipeline_parameters``, ``maintain_processor_list``,
    ``add_dependencies``, ``flatten_processor_list``) and checks that each
    ``DIR/en/<processor>/<package>.pt`` exists. Python packages are not
    models: :func:`missing_packages` lists those.

    Returns:
        Human-readable descriptions of what is missing (empty when nothing is):
        ``"resources.json"``, ``"en (not in resources.json)"`` or
        ``"pos/combined_charlm.pt"``-style paths relative to ``DIR/en``.
    """
    d = model_dir(resources_dir)
    names = _processor_names(processors)
    try:
        resources = _resources.load_resources_json(d)
    except FileNotFoundError:
        return ["resources.json"]
    except ValueError as exc:  # a damaged resources.json
        return [f"resources.json (unreadable: {exc})"]
    if lang not in resources:
        return [f"{lang} (not in resources.json)"]
    lang_, _d, package, procs = _resources.process_pipeline_parameters(lang, d, "default", ",".join(names))
    plist = _resources.maintain_processor_list(resources, lang_, package, procs)
    plist = _resources.add_dependencies(resources, lang_, plist)
    missing = []
    for processor, pkg in _resources.flatten_processor_list(plist):
        rel = os.path.join(processor, f"{pkg}.pt")
        if not os.path.exists(os.path.join(d, lang_, rel)):
            missing.append(rel)
    return missing


_NO_COREF_HINT = (
    "; to run without coreference, pass coref=False (command line: --no-coref), e.g. "
    "quoteattr.extract(text, engine='stanza', coref=False)"
)


def check_models(
    resources_dir: str | os.PathLike[str] | None = None,
    processors: str | Sequence[str] = PROCESSORS,
    *,
    lang: str = LANG,
) -> None:
    """Raise unless every package and model file of *processors* is in place.

    Raises:
        MissingModelsError: naming the missing models, the folder searched and
            the install command (and how to run without coref); it also names
            the pip command when coref's Python packages are missing too.
        MissingPackageError: when every model is there but a Python package
            is not, with the pip command that installs it.
    """
    names = _processor_names(processors)
    no_coref = _NO_COREF_HINT if "coref" in names else ""
    packages = missing_packages(names)
    install = "pip install " + " ".join(packages)
    missing = missing_models(resources_dir, names, lang=lang)
    if missing:
        d = model_dir(resources_dir)
        also = f". Coreference also needs Python packages that are not installed: {install}" if packages else ""
        raise MissingModelsError(
            f"stanza's {lang} models are missing: {', '.join(missing)}. Looked in {d} ({_where(resources_dir)}). "
            f"Install them with: {INSTALL_HINT}"
            + (f" --dir {d}" if resources_dir is not None else "")
            + f", or name a folder of models (a downloaded one or one from tools/train_stanza_models.py) "
            f"with model_dir= / --model-dir / ${ENV_VAR}" + also + no_coref,
            missing=tuple(missing),
            resources_dir=d,
        )
    if packages:
        raise MissingPackageError(
            f"the stanza engine's coreference needs the Python package(s) {', '.join(packages)}, "
            f"which are not installed: {install}" + no_coref,
            packages=tuple(packages),
            install=install,
        )
