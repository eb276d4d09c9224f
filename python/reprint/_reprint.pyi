"""Type stubs of the reprint extension module (re-exported by ``reprint``)."""

import os
from typing import Any, BinaryIO, Literal, Optional, Sequence, Tuple, TypedDict, Union, final

from typing_extensions import NotRequired

__all__ = [
    "parse",
    "parse_file",
    "Document",
    "ReprintError",
    "NotTextError",
    "TooLargeError",
    "UnknownEncodingError",
    "InvalidOptionError",
    "ReadError",
    "WriteError",
    "OutputError",
    "__version__",
]

__version__: str

# The aliases and TypedDicts below exist for type checkers only (import them
# under `if typing.TYPE_CHECKING:`): at runtime the values are plain dicts.

StrPath = Union[str, "os.PathLike[str]"]
BytesLike = Union[bytes, bytearray, memoryview]
#: A path, or a binary file object (anything with ``write(bytes)``).
Target = Union[StrPath, BinaryIO]
#: A font file path (``FILE`` or ``FILE:FACE``), font bytes, or ``(path or bytes, face index)``.
Font = Union[StrPath, bytes, Tuple[Union[StrPath, bytes], int]]

class Metadata(TypedDict):
    title: Optional[str]
    subtitle: Optional[str]
    authors: list[str]
    language: str
    date: Optional[str]
    publication: Optional[str]
    issue: Optional[str]
    issn: Optional[str]
    sources: list[str]

class MetadataOverride(TypedDict, total=False):
    title: Optional[str]
    subtitle: Optional[str]
    authors: list[str]
    language: str
    date: Optional[str]
    publication: Optional[str]
    issue: Optional[str]
    issn: Optional[str]
    sources: list[str]

class SourceInfo(TypedDict):
    file_name: Optional[str]
    encoding: str
    line_count: int
    byte_len: int

class ParseWarning(TypedDict):
    line: int
    message: str

class Summary(TypedDict):
    articles: int
    front: int
    blocks: int
    headings: int
    paragraphs: int
    warnings: int
    lines: int
    encoding: str

class LayoutBlock(TypedDict):
    kind: Literal["title", "heading", "paragraph", "list_item", "caption", "byline", "note", "aside", "toc", "frontmatter", "artifact"]
    level: NotRequired[int]
    lines: list[list[int]]

class Layout(TypedDict):
    source: str
    blocks: list[LayoutBlock]

class MissingGlyph(TypedDict):
    char: str
    line: int
    page: int

class PdfReport(TypedDict):
    pages: int
    missing: list[MissingGlyph]
    fallback_fonts: list[str]

class ReprintError(Exception):
    """Base class of the errors reprint raises; the message is the library's."""

class NotTextError(ReprintError):
    """The bytes are not text in any encoding reprint recognises (binary data, NUL bytes)."""

class TooLargeError(ReprintError):
    """The input is larger than the parser takes (4 GiB of text)."""

class UnknownEncodingError(ReprintError):
    """An encoding label given by the caller is unknown."""

class InvalidOptionError(ReprintError):
    """An option has a value that cannot be used (a bad regex, paper size, language tag...)."""

class ReadError(ReprintError):
    """An input file could not be read."""

class WriteError(ReprintError):
    """An output could not be written."""

class OutputError(ReprintError):
    """A writer failed for a reason of its own (a font that cannot be loaded, say)."""

def parse(
    source: Union[str, BytesLike],
    *,
    file_name: Optional[str] = None,
    language: Optional[str] = None,
    encoding: Optional[str] = None,
    column_width: Optional[int] = None,
    keep_furniture: bool = True,
    heading_patterns: Optional[Sequence[Tuple[str, int]]] = None,
    caption_patterns: Optional[Sequence[str]] = None,
    credit_patterns: Optional[Sequence[str]] = None,
) -> Document:
    """Parse a text into a :class:`Document`.

    ``source`` is a ``str`` (parsed as is) or bytes-like: bytes are decoded
    with the library's encoding detection (BOM, UTF-8, UTF-16, GB18030) unless
    ``encoding`` names one (a WHATWG label such as ``gb18030``); the document's
    ``source["encoding"]`` says which was used. The GIL is released while parsing.

    ``file_name`` is recorded as the source; ``language`` (BCP 47: ``zh-CN``,
    ``zh-TW``, ``en``) replaces the detected one; ``column_width`` is the
    printed line's width in characters (detected when not given);
    ``keep_furniture`` keeps page numbers and running heads as milestones;
    ``heading_patterns`` are ``(regex, level)`` pairs (1 = article title, 2 =
    top section) that win over the built-in rules; ``caption_patterns`` and
    ``credit_patterns`` mark photo captions and credits.

    Raises :class:`NotTextError` (binary input), :class:`UnknownEncodingError`,
    :class:`InvalidOptionError` (a bad regex or level), ``TypeError``.
    """

def parse_file(
    path: StrPath,
    *,
    file_name: Optional[str] = None,
    language: Optional[str] = None,
    encoding: Optional[str] = None,
    column_width: Optional[int] = None,
    keep_furniture: bool = True,
    heading_patterns: Optional[Sequence[Tuple[str, int]]] = None,
    caption_patterns: Optional[Sequence[str]] = None,
    credit_patterns: Optional[Sequence[str]] = None,
) -> Document:
    """Read and parse a text file (decoded as bytes are by :func:`parse`; its
    name is recorded unless ``file_name`` is given). Raises :class:`ReadError`
    when the file cannot be read, and what :func:`parse` raises."""

@final
class Document:
    """A parsed document: metadata, articles and their blocks, warnings.

    Made by :func:`parse` or :func:`parse_file`; immutable. Writers take a path
    or a binary file object and release the GIL while they work.
    """

    @property
    def warnings(self) -> list[ParseWarning]:
        """Decisions the parser was unsure about: ``[{"line": 12, "message": "..."}]``."""
    @property
    def metadata(self) -> Metadata:
        """What the text says about itself (title, authors, language, date, publication...)."""
    @property
    def source(self) -> SourceInfo:
        """Where the text came from: file name, encoding, line count, byte length."""
    @property
    def title(self) -> Optional[str]:
        """The document's title, when it has one."""
    def to_dict(self) -> dict[str, Any]:
        """The whole model as Python data: ``meta``, ``source``, ``articles``, ``warnings`` and the ``profile`` the parser learned."""
    def to_json(self, indent: Optional[int] = None) -> str:
        """The whole model as JSON text (compact when ``indent`` is ``None``)."""
    def layout(self) -> Layout:
        """The layout JSON as Python data: block kinds and 1-based source line ranges."""
    def layout_json(self) -> str:
        """The layout JSON as text, as the ``convert`` command writes it."""
    def summary(self) -> Summary:
        """Counts of the structure (articles, front, blocks, headings, paragraphs, warnings, lines) and the encoding."""
    def write_epub(
        self,
        target: Target,
        *,
        title: Optional[str] = None,
        subtitle: Optional[str] = None,
        authors: Optional[Sequence[str]] = None,
        language: Optional[str] = None,
        identifier: Optional[str] = None,
        date: Optional[str] = None,
        sources: Optional[Sequence[str]] = None,
        modified: Optional[int] = None,
        cover: Optional[Union[bytes, StrPath]] = None,
    ) -> None:
        """Write an EPUB 3 book. Metadata given here replaces what the text says;
        ``modified`` is seconds since 1970 (a fixed date by default, so the same
        input gives the same bytes); ``cover`` an image as bytes or a path."""
    def write_pdf(
        self,
        target: Target,
        *,
        page: Optional[Union[Literal["a5", "a4", "letter"], Tuple[float, float]]] = None,
        body_size: float = 10.5,
        line_spacing: float = 1.7,
        font: Optional[Font] = None,
        heading_font: Optional[Font] = None,
        system_fonts: bool = True,
        article_per_page: bool = True,
    ) -> PdfReport:
        """Write a typeset PDF (A5 by default) and return a report of its pages
        and of the characters no font could draw."""
    def write_tei(self, target: Target, *, line_breaks: bool = False) -> None:
        """Write TEI P5 XML; ``line_breaks`` marks every source line with ``<lb n="LINE"/>``."""
    def to_tei(self, *, line_breaks: bool = False) -> str:
        """The TEI P5 XML as a string."""
    def to_markdown(self, *, page_breaks: bool = True, front_matter: bool = False, metadata: Optional[MetadataOverride] = None) -> str:
        """The document as CommonMark; ``front_matter`` starts with a YAML metadata block."""
    def to_html(self, *, contents: bool = True, page_numbers: bool = False, metadata: Optional[MetadataOverride] = None) -> str:
        """The document as one self-contained HTML5 page."""
    def to_review_html(self, *, gold: Optional[str] = None) -> str:
        """The review page (source lines beside the reconstructed text); ``gold`` a layout JSON text to score against."""
