"""quoteattr: find who said what in news text.

Example:
    >>> import quoteattr
    >>> r = quoteattr.extract('"We will respond," Peskov told reporters.')
    >>> [(q.kind.value, q.text) for q in r.quotes]
    [('direct', 'We will respond,')]

``import quoteattr`` loads only the error tree. The result types (attrs
classes), the engine (``extract``, ``annotate``, ``extract_many`` and their
lexicons), the corpus readers, speaker linking and ``to_frame`` are imported
on first use through the module's ``__getattr__`` (PEP 562), so a command that
needs none of them starts fast (``benchmarks/startup.py`` measures it).
"""

from __future__ import annotations

import importlib

from .errors import (
    InputTypeError,
    InvalidArgumentError,
    InvalidSpanError,
    MissingAnnotationError,
    MissingModelsError,
    MissingPackageError,
    ModelHostUnreachableError,
    PandasNotInstalledError,
    QuoteattrError,
    SerializationError,
    StanzaNotInstalledError,
    UnknownEngineError,
    UnknownSpeakerError,
)

# Not typing.TYPE_CHECKING: importing typing alone costs a few milliseconds of
# start-up; type checkers treat any name TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:  # the names below are imported lazily, on first access
    from typing import Any

    from .annotations import Annotation
    from .corpora import CorpusFormatError, LabelledDocument, LabelledQuote
    from .frame import to_frame
    from .linking import CorpusSpeaker, link_speakers
    from .model import CueClass, Diagnostic, EntityKind, Quote, QuoteKind, Resolution, Result, Span, Speaker, SpeakerRef
    from .pipeline import DEFAULT_MIN_CONFIDENCE, annotate, extract, extract_many

__version__ = "0.1.0.dev0"

#: public name -> the submodule that defines it, imported on first access.
_LAZY = {
    "Annotation": "annotations",
    "CorpusFormatError": "corpora",
    "CorpusSpeaker": "linking",
    "CueClass": "model",
    "DEFAULT_MIN_CONFIDENCE": "pipeline",
    "Diagnostic": "model",
    "EntityKind": "model",
    "LabelledDocument": "corpora",
    "LabelledQuote": "corpora",
    "Quote": "model",
    "QuoteKind": "model",
    "Resolution": "model",
    "Result": "model",
    "Span": "model",
    "Speaker": "model",
    "SpeakerRef": "model",
    "annotate": "pipeline",
    "extract": "pipeline",
    "extract_many": "pipeline",
    "link_speakers": "linking",
    "to_frame": "frame",
}


def __getattr__(name: str) -> Any:
    """PEP 562: import the submodule holding *name* the first time it is asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    if module != "annotations":
        # Every other lazy name can hand out a Result, whose to_html() is
        # quoteattr.render's: render registers itself when imported (model must
        # not import render; see Result.to_html).
        importlib.import_module(".render", __name__)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Annotation",
    "CorpusFormatError",
    "CorpusSpeaker",
    "CueClass",
    "DEFAULT_MIN_CONFIDENCE",
    "Diagnostic",
    "EntityKind",
    "InputTypeError",
    "InvalidArgumentError",
    "InvalidSpanError",
    "LabelledDocument",
    "LabelledQuote",
    "MissingAnnotationError",
    "MissingModelsError",
    "MissingPackageError",
    "ModelHostUnreachableError",
    "PandasNotInstalledError",
    "Quote",
    "QuoteKind",
    "QuoteattrError",
    "Resolution",
    "Result",
    "SerializationError",
    "Span",
    "Speaker",
    "SpeakerRef",
    "StanzaNotInstalledError",
    "UnknownEngineError",
    "UnknownSpeakerError",
    "__version__",
    "annotate",
    "extract",
    "extract_many",
    "link_speakers",
    "to_frame",
]
