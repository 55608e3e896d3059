"""quoteattr: find who said what in news text.

Example:
    >>> import quoteattr
    >>> r = quoteattr.extract('"We will respond," Peskov told reporters.')
    >>> [(q.kind.value, q.content.text) for q in r.quotes]
    [('direct', 'We will respond,')]
"""

from .errors import (
    InputTypeError,
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

__version__ = "0.1.0.dev0"

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "Annotation",
    "CueClass",
    "Diagnostic",
    "EntityKind",
    "InputTypeError",
    "InvalidSpanError",
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
]
