"""quoteattr: find who said what in news text.

Example:
    >>> import quoteattr
    >>> r = quoteattr.extract('"We will respond," Peskov told reporters.')
    >>> [(q.kind.value, q.content.text) for q in r.quotes]
    [('direct', 'We will respond,')]
"""

from .errors import (
    InputTypeError,
    InvalidArgumentError,
    InvalidSpanError,
    MissingAnnotationError,
    MissingModelsError,
    QuoteattrError,
    SerializationError,
    StanzaNotInstalledError,
    UnknownEngineError,
)
from .annotations import Annotation
from .model import CueClass, Diagnostic, EntityKind, Quote, QuoteKind, Resolution, Result, Span, Speaker, SpeakerRef
from .pipeline import DEFAULT_MIN_CONFIDENCE, annotate, extract, extract_many
from .linking import CorpusSpeaker, link_speakers
from .corpora import CorpusFormatError, LabelledDocument, LabelledQuote
from . import render as _render  # noqa: F401  (registers Result.to_html: see its docstring)

__version__ = "0.1.0.dev0"

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
    "__version__",
    "annotate",
    "extract",
    "extract_many",
    "link_speakers",
]
