"""Where the exported files live on the site, and links to them from a page.

Kept apart from the format modules (it imports nothing of the pipeline), so that the
pages that link the files can use it without importing the exports."""

from __future__ import annotations

import posixpath

from scripts.render.markdown import page_url

BIBLIOGRAPHY_STEM = "sources"  # sources.csl.json, sources.bib, sources.ris
TEI_FILE = "edition.tei.xml"
HYPOTHESIS_FILE = "notes.hypothesis.json"
CITE_DIR = "cite"  # one citation per essay, note and term: cite/notes/<id>.bib

# (file suffix, media type, what a reader calls it)
CITATION_FORMATS = (
    (".csl.json", "application/vnd.citationstyles.csl+json", "CSL-JSON"),
    (".bib", "application/x-bibtex", "BibTeX"),
    (".ris", "application/x-research-info-systems", "RIS"),
)
BIBLIOGRAPHY_FILES = tuple(BIBLIOGRAPHY_STEM + suffix for suffix, _, _ in CITATION_FORMATS)


def citation_stem(page_src: str) -> str:
    """``notes/x.md`` -> ``cite/notes/x``; the essay (``index.md``) -> ``cite/essay``."""
    stem = page_src.removesuffix(".md")
    return f"{CITE_DIR}/{'essay' if stem == 'index' else stem}"


def file_href(from_src: str, file: str) -> str:
    """A link from a page to a published file, relative to the page's address."""
    return posixpath.relpath("/" + file, page_url(from_src))


def download_links(from_src: str, stem: str) -> list[tuple[str, str, str]]:
    """(href, media type, label) for the three citation files of ``stem``."""
    return [
        (file_href(from_src, stem + suffix), media, label)
        for suffix, media, label in CITATION_FORMATS
    ]
