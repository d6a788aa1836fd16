"""Golden files: every generated page and file of the registry (scripts/site/outputs.py),
the essay's reading text, and one note page and one term page.

The tool's golden files (tests/golden/) hold the synthetic edition's pages, this edition's
(tests/edition/golden/) its own. After an intended change, regenerate both with
``pytest --update-golden`` and review the diff like any other change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from scripts.exports import cff
from scripts.ingest.git_history import Version
from scripts.model import Edition
from scripts.render import essay as render_essay
from scripts.render import glossary as render_glossary
from scripts.render import notes as render_notes
from scripts.render.meta import Site
from scripts.site import outputs
from scripts.site.compile import SiteConfig, markdown_converter, read_config

# A fixed site and version, so that golden files do not change with every commit.
SITE = Site(
    name="Test edition",
    url="https://example.org/edition/",
    repo_url="https://github.com/example/edition",
    version=Version("2026-01-02", "0123456789abcdef"),
)

CONFIG, _ = read_config(Path(__file__).resolve().parent.parent)
TO_HTML = markdown_converter(CONFIG or SiteConfig({}))


def _context(edition: Edition) -> outputs.Context:
    return outputs.Context(
        edition=edition,
        site=SITE,
        history=(),
        seed_sha256="0" * 64,
        edit_url=lambda path: f"{SITE.repo_url}/edit/main/docs/{path}",
        new_file_url=lambda folder: f"{SITE.repo_url}/new/main/docs/{folder}",
        to_html=TO_HTML,
    )


def _output(output: outputs.Output) -> Callable[[Edition], str]:
    return lambda edition: output.render(_context(edition))


PAGES: dict[str, Callable[[Edition], str]] = {
    "essay-reading-text.md": lambda e: render_essay.render_reading_text(e, SITE),
    "note-page.md": lambda e: render_notes.render_note_page(e, SITE, e.notes[0]),
    "term-page.md": lambda e: render_glossary.render_term_page(e, SITE, e.terms[0]),
    # Every generated page and file: adding one to the registry asks for its golden file.
    **{output.src.replace("/", "-"): _output(output) for output in outputs.OUTPUTS},
    "CITATION.cff": lambda e: cff.render(e.info, SITE),
}


def _fact_check_with_evidence(edition: Edition) -> str:
    """The page of the first fact-check (by id) that logs a revision: its citations' evidence,
    its sources with their quotes, and its changes."""
    note = min((n for n in edition.notes if n.revisions), key=lambda n: n.id)
    return render_notes.render_note_page(edition, SITE, note)


# Pages whose golden files only the synthetic edition keeps (tests/golden/): a note page
# with evidence and revisions, which this edition may not have.
TOOL_PAGES: dict[str, Callable[[Edition], str]] = {
    "note-with-evidence.md": _fact_check_with_evidence,
}


def compare_with_golden(
    name: str,
    edition: Edition,
    folder: Path,
    update: bool,
    pages: dict[str, Callable[[Edition], str]] = PAGES,
) -> None:
    actual = pages[name](edition)
    golden = folder / name
    if update:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run pytest --update-golden"
    assert actual == golden.read_text(encoding="utf-8")
