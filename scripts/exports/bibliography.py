"""The shared bibliographic model: every citation format (CSL-JSON, BibTeX, RIS, CFF, TEI,
Highwire tags) reads these records, so that no two formats can disagree.

Sources record authors as written ("Shumailov I", "Good IJ", "et al.") and one free-text
``venue`` ("Nature 631(8022):755-759"). Here they become structured names, a date, a
container with volume, issue and pages, and identifiers - only where the text says so.
Nothing is invented: a name that does not read as "Family Initials" stays a literal
name, and a venue that matches no known shape stays the container's title as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.model import Edition, EssayInfo, Note, Source, Term
from scripts.render.cite import SOURCES_SRC
from scripts.render.essay import ESSAY_SRC
from scripts.render.meta import Site

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

# What the edition publishes of its own, beside the sources' types (model.SOURCE_TYPES).
ESSAY_IN_EDITION = "essay-in-edition"
EDITION_NOTE = "edition-note"
GLOSSARY_ENTRY = "glossary-entry"


@dataclass(frozen=True)
class Name:
    """A person's name split as the data gives it, or a ``literal`` one (an organisation,
    a pseudonym, or any name that does not read as family name plus initials)."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def inverted(self) -> str:
        """``Shumailov, I.``; a literal name as it is."""
        return self.literal or f"{self.family}, {self.given}"

    @property
    def natural(self) -> str:
        """``I. Shumailov``; a literal name as it is."""
        return self.literal or f"{self.given} {self.family}"


_INITIALS = re.compile(r"[A-Z]{1,4}")  # "I", "IJ", "AJ" after a family name
_INITIAL_DOT = re.compile(r"[A-Z]\.")  # "A." before a family name
_ET_AL = re.compile(r"et\.? al\.?", re.IGNORECASE)


def is_et_al(text: str) -> bool:
    return bool(_ET_AL.fullmatch(text.strip()))


def parse_name(text: str) -> Name:
    """``Shumailov I`` -> family Shumailov, given I.; ``A. N. Example`` -> given A. N.,
    family Example; anything else (``withoutboats``, ``Harbour Board``) stays literal."""
    words = text.split()
    if len(words) >= 2 and _INITIALS.fullmatch(words[-1]):
        return Name(family=" ".join(words[:-1]), given=" ".join(f"{c}." for c in words[-1]))
    if len(words) >= 2 and all(_INITIAL_DOT.fullmatch(w) for w in words[:-1]):
        return Name(family=words[-1], given=" ".join(words[:-1]))
    return Name(literal=" ".join(words))


def parse_names(authors: tuple[str, ...]) -> tuple[tuple[Name, ...], bool]:
    """The names, and whether the list ends in "et al." (more authors, not recorded)."""
    names = tuple(parse_name(a) for a in authors if not is_et_al(a) and a.strip())
    return names, any(is_et_al(a) for a in authors)


@dataclass(frozen=True)
class Date:
    """A date as precise as the data: a year, a month or a day."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def parts(self) -> list[int]:
        return [p for p in (self.year, self.month, self.day) if p]

    @property
    def iso(self) -> str:
        return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(self.parts))


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def parse_date(text: str) -> Date | None:
    """``2024``, ``2020-05`` or ``2020-05-17``; None for anything else ("unknown", "")."""
    match = _ISO_DATE.fullmatch(str(text).strip())
    if not match:
        return None
    return Date(*(int(g) for g in match.groups() if g))


@dataclass(frozen=True)
class Container:
    """Where a work appeared, with the parts of a venue the data spells out."""

    title: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    arxiv: str = ""  # an arXiv identifier, "2307.01850"
    date: Date | None = None  # a day named in the venue ("4 June 2026")
    remark: str = ""  # what the venue says beyond these ("starts p. 31", "edited July 2023")


_MONTH = "|".join(MONTHS)
_VENUE_SHAPES = (
    # Nature 631(8022):755-759 / Nature 550:354
    re.compile(
        r"(?P<title>[^\d():]+?) (?P<volume>\d+)(?:\((?P<issue>[^)]+)\))?:(?P<pages>\d+(?:-\d+)?)"
    ),
    re.compile(r"arXiv:(?P<arxiv>\d{4}\.\d{4,5})"),  # arXiv:2404.01413
    re.compile(r"(?P<title>.+?) \(arXiv:(?P<arxiv>\d{4}\.\d{4,5})\)"),  # ICLR 2024 (arXiv:...)
    re.compile(r"(?P<title>.+?), pp\. (?P<pages>\d+-\d+)"),  # PLDI 2020, pp. 763-779
    re.compile(r"(?P<title>.+?) vol\. (?P<volume>\d+)(?: \((?P<remark>[^)]*)\))?"),
    # Tokio blog, 17 December 2021 / Hugging Face blog, 1 March 2020 (edited July 2023)
    re.compile(
        rf"(?P<title>.+?), (?P<day>\d{{1,2}}) (?P<month>{_MONTH}) (?P<year>\d{{4}})"
        r"(?: \((?P<remark>[^)]*)\))?"
    ),
)


def parse_venue(venue: str) -> Container:
    """The container a venue names, split only where it has one of the known shapes."""
    venue = venue.strip()
    for shape in _VENUE_SHAPES:
        match = shape.fullmatch(venue)
        if match:
            found = {k: v for k, v in match.groupdict().items() if v}
            date = None
            if "year" in found:
                date = Date(int(found["year"]), MONTHS.index(found["month"]) + 1, int(found["day"]))
            title = found.get("title", "arXiv" if "arxiv" in found else "")
            return Container(
                title=title,
                volume=found.get("volume", ""),
                issue=found.get("issue", ""),
                pages=found.get("pages", ""),
                arxiv=found.get("arxiv", ""),
                date=date,
                remark=found.get("remark", ""),
            )
    return Container(title=venue)


@dataclass(frozen=True)
class Work:
    """One citable work in the shared model: a source, or something the edition publishes."""

    key: str
    kind: str  # a model.SOURCE_TYPES value, or ESSAY_IN_EDITION, EDITION_NOTE, GLOSSARY_ENTRY
    title: str
    authors: tuple[Name, ...] = ()
    more_authors: bool = False  # the source lists "et al.": the names given are not all
    editors: tuple[Name, ...] = ()
    issued: Date | None = None
    container: Container = Container()
    publisher: str = ""
    doi: str = ""
    url: str = ""
    version: str = ""  # the edition's commit, for what the edition publishes
    original_date: Date | None = None  # when the essay itself first appeared, if known
    accessed: Date | None = None

    @property
    def year(self) -> str:
        return str(self.issued.year) if self.issued else ""

    @property
    def link(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else self.url


def source_work(source: Source) -> Work:
    """A source of sources.yml in the shared model."""
    authors, more = parse_names(source.authors)
    container = parse_venue(source.venue) if source.venue else Container()
    year = parse_date(source.year)
    day = container.date
    # A day named in the venue dates the work when it agrees with the recorded year.
    issued = day if day and (year is None or year.year == day.year) else year
    # Fields another branch may add to sources (accessed, archive): used when there.
    accessed = parse_date(str(getattr(source, "accessed", "") or ""))
    return Work(
        key=source.key,
        kind=source.type,
        title=source.title,
        authors=authors,
        more_authors=more,
        issued=issued,
        container=container,
        doi=source.doi,
        url=source.url,
        accessed=accessed,
    )


def bibliography(edition: Edition) -> tuple[Work, ...]:
    """Every source, in the order of their keys (stable across builds)."""
    return tuple(source_work(s) for s in sorted(edition.sources, key=lambda s: s.key))


def editors_of(info: EssayInfo) -> tuple[Name, ...]:
    return tuple(parse_name(e) for e in info.editors)


def _edition_date(site: Site) -> Date | None:
    return parse_date(site.version.date)


def essay_work(edition: Edition, site: Site, page_src: str = ESSAY_SRC) -> Work:
    """The essay as this edition presents it: its author only if known, in the edition."""
    info = edition.info
    return Work(
        key="edition-essay",
        kind=ESSAY_IN_EDITION,
        title=info.title,
        authors=(parse_name(info.author),) if info.known(info.author) else (),
        editors=editors_of(info),
        issued=_edition_date(site),
        container=Container(title=site.name),
        url=site.page_url(page_src),
        version=site.version.label if site.version.commit else "",
        original_date=parse_date(info.published) if info.known(info.published) else None,
    )


def _edition_page(
    edition: Edition, site: Site, key: str, kind: str, title: str, src_uri: str
) -> Work:
    """A page the edition's editors wrote and published in the edition (a note, a term)."""
    return Work(
        key=key,
        kind=kind,
        title=title,
        authors=editors_of(edition.info),
        issued=_edition_date(site),
        container=Container(title=site.name),
        url=site.page_url(src_uri),
        version=site.version.label if site.version.commit else "",
    )


def note_work(edition: Edition, site: Site, note: Note) -> Work:
    """A note: written by the edition's editors, published in the edition."""
    return _edition_page(
        edition, site, f"edition-note-{note.id}", EDITION_NOTE, note.title, note.src_uri
    )


def term_work(edition: Edition, site: Site, term: Term) -> Work:
    """A glossary entry: written by the edition's editors, published in the edition."""
    return _edition_page(
        edition, site, f"edition-term-{term.slug}", GLOSSARY_ENTRY, term.term, term.src_uri
    )


def cited_on(edition: Edition, page_src: str) -> tuple[Source, ...]:
    """The sources a page cites: a note's or a term's own, and every source on the Sources
    page. The essay page cites none itself: its notes, each on its own page, do (and the
    essay's first load stays light)."""
    if page_src == SOURCES_SRC:
        return tuple(sorted(edition.sources, key=lambda s: s.key))
    keys: set[str] = set()
    for note in edition.notes:
        if page_src == note.src_uri:
            keys.update(note.sources)
    for term in edition.terms:
        if page_src == term.src_uri:
            keys.update(term.sources)
    return tuple(edition.source(k) for k in sorted(keys))
