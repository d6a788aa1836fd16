"""The edition's data model: frozen records that every stage reads and none mutates.

A record of a data file is described here (what the stages read) and by its JSON Schema in
ingest/schema.py (the editors' contract, with its messages); tests/ingest/test_model_schema.py keeps
the two naming the same fields, and ingest/validate.py builds one from the other.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from scripts.problems import Problem

# The truth scale, from best to worst: the only verdicts with a numeric ClaimReview rating
# (4 = supported, 1 = wrong as stated). "misleading": true in part, but it leaves a false
# impression. Off the scale, named but not rated: "unsupported" (no evidence either way),
# "disputed" (a question researchers still dispute) and "opinion".
RATED_VERDICTS = ("supported", "partly supported", "misleading", "wrong as stated")
UNRATED_VERDICTS = ("unsupported", "disputed", "opinion")
VERDICTS = (*RATED_VERDICTS, *UNRATED_VERDICTS)
NOTE_KINDS = ("fact-check", "context", "counterpoint", "definition")
SOURCE_TYPES = (
    "article",
    "blog",
    "book",
    "chapter",
    "commentary",
    "conference",
    "docs",
    "encyclopedia",
    "news",
    "preprint",
    "report",
    "software",
    "source",
    "thesis",
    "web",
)


@dataclass(frozen=True)
class Where:
    """A place in a data file, for error messages and edit links."""

    path: str
    line: int


UNKNOWN = "unknown"


@dataclass(frozen=True)
class EssayInfo:
    """What is known of the essay itself (docs/edition/edition.yml): each "unknown" if so."""

    title: str
    author: str
    venue: str
    published: str  # a date (YYYY-MM-DD, YYYY-MM or YYYY) or "unknown"
    original_url: str
    licence: str
    editors: tuple[str, ...]
    remarks: str = ""  # what is known about what is not (plain text)

    @staticmethod
    def known(value: str) -> bool:
        return bool(value) and value.strip().lower() != UNKNOWN


UNKNOWN_ESSAY = EssayInfo(
    title="Untitled", author=UNKNOWN, venue=UNKNOWN, published=UNKNOWN,
    original_url=UNKNOWN, licence=UNKNOWN, editors=(),
)  # fmt: skip


@dataclass(frozen=True)
class Seed:
    """The verbatim essay. Paragraph N is line N; the text never changes."""

    text: str

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(self.text.split("\n"))


@dataclass(frozen=True)
class Correction:
    """One recorded slip: ``original`` in paragraph ``paragraph`` of the seed becomes ``corrected``."""

    id: str
    paragraph: int
    original: str
    corrected: str
    reason: str
    prefix: str
    suffix: str
    where: Where
    kept: bool = False  # a reading the editors considered and kept: recorded, never applied


@dataclass(frozen=True)
class PlacedCorrection:
    """A correction with its span in the seed paragraph and in the reading paragraph."""

    correction: Correction
    seed_start: int
    reading_start: int

    @property
    def reading_end(self) -> int:
        return self.reading_start + len(self.correction.corrected)


@dataclass(frozen=True)
class ReadingText:
    """The cleaned text: seed paragraphs with every correction applied, and where each one sits."""

    paragraphs: tuple[str, ...]
    corrections: tuple[PlacedCorrection, ...]

    @cached_property
    def _by_paragraph(self) -> dict[int, tuple[PlacedCorrection, ...]]:
        grouped: dict[int, list[PlacedCorrection]] = {}
        for placed in self.corrections:
            grouped.setdefault(placed.correction.paragraph, []).append(placed)
        return {number: tuple(items) for number, items in grouped.items()}

    def corrections_in(self, paragraph: int) -> tuple[PlacedCorrection, ...]:
        return self._by_paragraph.get(paragraph, ())

    @cached_property
    def text(self) -> str:
        """All paragraphs joined by newlines, as in the seed."""
        return "\n".join(self.paragraphs)

    @cached_property
    def _starts(self) -> list[int]:
        starts, offset = [], 0
        for paragraph in self.paragraphs:
            starts.append(offset)
            offset += len(paragraph) + 1
        return starts

    def locate(self, offset: int) -> tuple[int, int]:
        """(paragraph number, offset within it) for an offset into ``text``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index]


@dataclass(frozen=True)
class SectionSpec:
    """An editorial section as written in sections.yml: it begins at a paragraph's opening words."""

    id: str
    title: str
    start: str
    where: Where


@dataclass(frozen=True)
class Section:
    """An editorial section resolved to paragraph numbers ``first`` .. ``last`` (inclusive)."""

    id: str
    title: str
    first: int
    last: int

    @property
    def paragraph_numbers(self) -> range:
        return range(self.first, self.last + 1)


@dataclass(frozen=True)
class Source:
    """A confirmed bibliography entry, cited by ``key``."""

    key: str
    short: str
    type: str
    title: str
    authors: tuple[str, ...]
    venue: str
    year: str
    doi: str
    url: str
    how_confirmed: str
    where: Where
    accessed: str = ""  # YYYY-MM-DD: when the source was read
    archive: str = ""  # a web archive's address, or "none" (then archive_reason says why)
    archive_reason: str = ""
    mirror_url: str = ""  # a copy elsewhere that was read instead of ``url``, and why
    mirror_reason: str = ""

    @property
    def link(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else self.url


NO_ARCHIVE = "none"


@dataclass(frozen=True)
class Evidence:
    """The words of a source that a file's citations of it rely on, and where they are."""

    source: str  # a source key
    at: str  # the locator: "p. 756", "section 3.2", "Abstract", "12:30"
    quote: str  # the source's exact words
    line: int = 0  # where the item starts in its file, for messages


@dataclass(frozen=True)
class Revision:
    """A change to a note, logged for readers on the note's page."""

    date: str  # YYYY-MM-DD
    change: str
    reason: str


@dataclass(frozen=True)
class QuoteSelector:
    """A W3C Web Annotation TextQuoteSelector over the reading text."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Note:
    """One note file: front matter plus a Markdown body with ``[@key]`` citations."""

    id: str
    title: str
    target: QuoteSelector
    kind: str
    verdict: str
    claim: str
    sources: tuple[str, ...]
    terms: tuple[str, ...]
    body: str
    src_uri: str
    where: Where
    field_lines: tuple[tuple[str, int], ...] = ()
    evidence: tuple[Evidence, ...] = ()
    revisions: tuple[Revision, ...] = ()

    def line_of(self, field: str) -> int:
        return dict(self.field_lines).get(field, self.where.line)


@dataclass(frozen=True)
class Anchor:
    """Where a quote selector landed: a span of one reading paragraph."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Term:
    """One glossary term file."""

    slug: str
    term: str
    aliases: tuple[str, ...]
    short: str
    see_also: tuple[str, ...]
    sources: tuple[str, ...]
    body: str
    src_uri: str
    where: Where
    field_lines: tuple[tuple[str, int], ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def line_of(self, field: str) -> int:
        return dict(self.field_lines).get(field, self.where.line)


@dataclass(frozen=True)
class Occurrence:
    """A glossary term found in the reading text."""

    slug: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, order=True)
class Address:
    """A page URL path from the site root (``/``, ``/notes/x/``) and an optional fragment."""

    page: str
    fragment: str = ""

    def __str__(self) -> str:
        return self.page + (f"#{self.fragment}" if self.fragment else "")

    @classmethod
    def parse(cls, text: str) -> Address:
        page, _, fragment = text.strip().partition("#")
        return cls(page or "/", fragment)


@dataclass(frozen=True)
class Redirect:
    source: Address
    target: Address
    line: int


@dataclass(frozen=True)
class Regrade:
    """One note's verdict changed by a change to the scale."""

    note: str  # the note's id
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class ScaleChange:
    """One change to the verdict scale (docs/edition/scale-log.yml), with what it regraded."""

    date: str  # YYYY-MM-DD
    change: str
    regraded: tuple[Regrade, ...]
    line: int


@dataclass(frozen=True)
class Edition:
    """Everything the render stage needs, already checked."""

    seed: Seed
    info: EssayInfo
    reading: ReadingText
    corrections: tuple[Correction, ...]
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    notes: tuple[Note, ...]
    anchors: dict[str, Anchor]
    terms: tuple[Term, ...]
    occurrences: tuple[Occurrence, ...]
    redirects: tuple[Redirect, ...]
    warnings: tuple[Problem, ...]
    # Readings the editors considered and kept as the author wrote them (never applied).
    kept_readings: tuple[Correction, ...] = ()
    scale_log: tuple[ScaleChange, ...] = ()

    def source(self, key: str) -> Source:
        return next(s for s in self.sources if s.key == key)

    @property
    def parts(self) -> tuple[Section, ...]:
        """The sections, or the whole essay as one untitled part (id "") while the edition
        has none: a new edition publishes no section address before an editor chose one."""
        whole = Section("", "", 1, len(self.seed.paragraphs))
        return self.sections or (whole,)

    @property
    def short_labels(self) -> dict[str, str]:
        return {s.key: s.short for s in self.sources}

    def term(self, slug: str) -> Term:
        return next(t for t in self.terms if t.slug == slug)
