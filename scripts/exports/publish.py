"""What the exports add to the site: the files, and what each page says about them.

The registry (scripts/site/outputs.py) lists the files with a permanent address and the Data
page; the compiler calls ``citation_files`` (one citation per essay, note and term, in three
formats) and ``page_meta`` (each page's citation tags and alternate files, read by
overrides/partials/citation-meta.html).
"""

from __future__ import annotations

from typing import Any

from scripts.exports import bibtex, csl_json, highwire, ris
from scripts.exports.bibliography import Work, essay_work, note_work, term_work
from scripts.exports.paths import (
    BIBLIOGRAPHY_STEM,
    CITATION_FORMATS,
    HYPOTHESIS_FILE,
    TEI_FILE,
    citation_stem,
)
from scripts.model import Edition
from scripts.render.cite import SOURCES_SRC
from scripts.render.essay import ESSAY_SRC
from scripts.render.meta import Site

FORMATS = (csl_json.render, bibtex.render, ris.render)  # in the order of CITATION_FORMATS


def _three(stem: str, works: tuple[Work, ...]) -> dict[str, str]:
    return {
        stem + suffix: render(works)
        for (suffix, _, _), render in zip(CITATION_FORMATS, FORMATS, strict=True)
    }


def cited_works(edition: Edition, site: Site) -> dict[str, Work]:
    """page source -> the work a reader cites from that page (the essay, a note, a term)."""
    works = {ESSAY_SRC: essay_work(edition, site)}
    works |= {n.src_uri: note_work(edition, site, n) for n in edition.notes}
    works |= {t.src_uri: term_work(edition, site, t) for t in edition.terms}
    return works


def citation_files(edition: Edition, site: Site) -> dict[str, str]:
    """Each citable page's own citation in three formats (cite/notes/<id>.bib, ...)."""
    files: dict[str, str] = {}
    for src, work in cited_works(edition, site).items():
        files |= _three(citation_stem(src), (work,))
    return files


def page_meta(edition: Edition, site: Site, page_src: str, title: str) -> dict[str, Any]:
    """Front matter for one page: its citation tags and the files it offers as alternates.

    Alternates are the Sources page's bibliography and the essay's TEI, both at the site's
    root: the theme fetches a sitemap.xml beside every alternate link (for its language
    switcher), which is only there at the root. A page's own citation files are linked
    from its Cite this instead."""
    alternates: list[dict[str, str]] = []
    if page_src == SOURCES_SRC:
        alternates = [
            {"type": media, "href": BIBLIOGRAPHY_STEM + suffix, "title": f"The sources as {label}"}
            for suffix, media, label in CITATION_FORMATS
        ]
    if page_src == ESSAY_SRC:
        alternates = [
            {"type": "application/tei+xml", "href": TEI_FILE, "title": "The edition as TEI P5"}
        ]
    tags = highwire.page_tags(edition, site, page_src, title)
    return {
        "ed_citation": [{"name": name, "content": content} for name, content in tags],
        **({"ed_alternates": alternates} if alternates else {}),
    }


def page_title(meta: dict[str, Any], markdown: str) -> str:
    """A page's title: its front matter's, else its first heading's."""
    if meta.get("title"):
        return str(meta["title"])
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].split(" {")[0].strip()
    return ""


DATA_SRC = "data.md"


def render_data_page(edition: Edition, site: Site) -> str:
    """One page listing every file the edition publishes for other tools, and what for."""
    from scripts.exports.web_annotations import ANNOTATIONS_FILE
    from scripts.render.pages import SEED_COPY

    def link(file: str) -> str:
        return f"[{file}]({file})"

    rows = [
        (link(BIBLIOGRAPHY_STEM + ".csl.json"), "every source the notes and glossary cite, as "
         "CSL-JSON: Zotero, citeproc and Pandoc import it"),
        (link(BIBLIOGRAPHY_STEM + ".bib"), "the same sources as BibTeX, for LaTeX and most "
         "reference managers"),
        (link(BIBLIOGRAPHY_STEM + ".ris"), "the same sources as RIS, for Zotero, EndNote, "
         "Mendeley"),
        ("*Cite this* on the essay, each note and each term", "that page's own citation as "
         "CSL-JSON, BibTeX and RIS; each page also carries Highwire `citation_*` tags, so "
         "Zotero's browser button saves it with its title, editors and date"),
        (link(TEI_FILE), "the whole edition as TEI P5: the author's readings and the "
         "corrections (`choice`, `sic`, `corr`), paragraphs with their permanent ids, the "
         "notes, the glossary and the sources, for TEI Publisher, EVT or CETEIcean"),
        (link(ANNOTATIONS_FILE), "the notes as W3C Web Annotations, anchored on the essay "
         "page's text"),
        (link(HYPOTHESIS_FILE), "the notes in the Hypothesis client's import format: open "
         "the essay page with Hypothesis, then Share > Import and choose this file"),
        (link(SEED_COPY), "the essay's source text, byte for byte"),
        ("`CITATION.cff` in the repository", "how to cite the edition itself; GitHub's "
         "*Cite this repository* and Zenodo read it"),
    ]  # fmt: skip
    lines = [
        "---",
        "title: Data and formats",
        "description: Every file the edition publishes for other tools - bibliography, "
        "citations, TEI, annotations - and what each is for.",
        "---",
        "",
        "# Data and formats",
        "",
        f"Everything below comes from the same data as the pages of “{site.name}”, so the "
        "files and the pages cannot disagree. Each file is fetched only when you ask for it.",
        "",
        "| File | What it is for |",
        "| --- | --- |",
        *(f"| {what} | {why} |" for what, why in rows),
        "",
    ]
    return "\n".join(lines)
