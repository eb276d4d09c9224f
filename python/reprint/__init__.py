"""reprint: the raw text of printed Chinese documents (OCR or PDF extraction of
newspapers, magazines, reports and speeches) into a structured document, and
EPUB 3, PDF, TEI P5, Markdown and HTML.

>>> import reprint
>>> doc = reprint.parse("标题\\n\\n第一段的第一行，\\n第二行。\\n")
>>> doc.summary()["paragraphs"]
1

Parsing and writing run in Rust with the GIL released, so threads converting
different files run in parallel. Errors are :class:`ReprintError` subclasses
carrying the library's message.
"""

from ._reprint import (
    Document,
    InvalidOptionError,
    NotTextError,
    OutputError,
    ReadError,
    ReprintError,
    TooLargeError,
    UnknownEncodingError,
    WriteError,
    __version__,
    parse,
    parse_file,
)

__all__ = [
    "Document",
    "InvalidOptionError",
    "NotTextError",
    "OutputError",
    "ReadError",
    "ReprintError",
    "TooLargeError",
    "UnknownEncodingError",
    "WriteError",
    "__version__",
    "parse",
    "parse_file",
]
