"""Hostile input: what a contributor writes never runs in a reader's browser.

A small synthetic edition (not this essay) carries script payloads in a note's title,
an ``<img onerror>`` split over two lines, ``javascript:`` links inline and
reference-style and an event attribute, in notes and in a term. Two things are shown:

1. ``make check`` refuses every payload, each with its exact ``path:line``.
2. Even with those checks switched off (a test-only build that disables them), the
   sanitizer alone keeps every payload from running: Chromium loads each page built from
   the payloads, waits for the note texts to arrive, clicks every payload link, and not
   one payload has called the ``pwned`` function the test puts in the page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scripts import new_edition
from scripts.compile import ENGINES

from .conftest import SYNTHETIC, ZENSICAL
from .servers import static_host

ROOT = Path(__file__).resolve().parent.parent

SEED = (
    "The first paragraph says hello world and stops.\n"
    "The second paragraph has more words about a widget.\n"
    "The third paragraph ends the essay."
)
SOURCES = """\
- key: example_source
  short: "Example 2020"
  type: web
  title: "An example source"
  url: "https://example.org/source"
  how_confirmed: "a synthetic source for tests"
  accessed: "2026-01-10"
  archive: none
  archive_reason: "a synthetic source for tests"
"""
# Each payload calls pwned('<where>'): the test defines pwned() before any page script runs.
# In links the quotes are percent-encoded, as a browser decodes them in a javascript: URL.
NOTE_TITLE = "Hello <script>pwned('note-title')</script> world"
NOTE = f"""\
---
id: hostile-note
title: "{NOTE_TITLE}"
target:
  exact: "hello world"
kind: context
sources: [example_source]
---
A fact with a source [@example_source] and an image <img src="x"
onerror="pwned('note-img')"> split over two lines.

An inline [payload link](javascript:pwned(%27note-inline%27)) here [@example_source].

A reference-style [payload link][bad] here [@example_source].

An [attribute payload link](#x){{: onclick="pwned('note-attr')" }} here [@example_source].

[bad]: javascript:pwned(%27note-reference%27)
"""
TERM = """\
---
term: widget
short: "A small thing <img src=x onerror=pwned('term-short')>"
sources: [example_source]
---
A widget is small [@example_source]; an <img src="x"
onerror="pwned('term-img')"> and a [payload link](javascript:pwned(%27term-inline%27)).

Reference-style: [payload link][bad] [@example_source].

[bad]: JaVaScRiPt:pwned(%27term-reference%27)
"""
REFUSED = [
    "docs/glossary/widget.md:3: 'short' contains HTML markup (\"A small thing <img src=x "
    "onerror=pwned('term-short')>\"); write plain text; the site adds the markup (for code, "
    "name it without angle brackets or put it in the text below the front matter in "
    "`backticks`)",
    "docs/glossary/widget.md:6: raw HTML '<img src=\"x\" onerror=\"pwned('term-img')\">' in the "
    "text; write plain Markdown; the build adds all the markup the site needs",
    "docs/glossary/widget.md:7: the link to 'javascript:pwned(%27term-inline%27)' uses the scheme "
    "'javascript:', which the site does not allow; link only to http://, https:// or mailto: "
    "addresses, or to a page of this site",
    "docs/glossary/widget.md:11: the link to 'JaVaScRiPt:pwned(%27term-reference%27)' uses the "
    "scheme 'javascript:', which the site does not allow; link only to http://, https:// or "
    "mailto: addresses, or to a page of this site",
    "docs/notes/hostile-note.md:3: 'title' contains HTML markup (\"Hello <script>pwned"
    "('note-title')</script> world\"); write plain text; the site adds the markup (for code, "
    "name it without angle brackets or put it in the text below the front matter in "
    "`backticks`)",
    "docs/notes/hostile-note.md:9: raw HTML '<img src=\"x\" onerror=\"pwned('note-img')\">' in "
    "the text; write plain Markdown; the build adds all the markup the site needs",
    "docs/notes/hostile-note.md:12: the link to 'javascript:pwned(%27note-inline%27)' uses the "
    "scheme 'javascript:', which the site does not allow; link only to http://, https:// or "
    "mailto: addresses, or to a page of this site",
    "docs/notes/hostile-note.md:16: the attribute 'onclick' would run a script; remove the "
    "'{: ...}' attribute list; the site styles the text itself",
    "docs/notes/hostile-note.md:18: the link to 'javascript:pwned(%27note-reference%27)' uses the "
    "scheme 'javascript:', which the site does not allow; link only to http://, https:// or "
    "mailto: addresses, or to a page of this site",
]
# The test-only build: the edition's own, with the checks that refuse markup switched off.
UNSAFE_BUILD = """\
import sys

from scripts import sanitize, schema

sanitize.body_problems = lambda *args, **kwargs: []
schema.FORMATS.checkers.pop(schema.PLAIN_TEXT)
from scripts.cli import main  # noqa: E402

sys.exit(main(["build", "--no-strict", "--engine", sys.argv[1], "--site-dir", sys.argv[2]]))
"""


def make_edition(root: Path) -> Path:
    """A three-paragraph edition with one hostile note and one hostile term."""
    for part in ("scripts", "overrides"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    files = {
        **new_edition.starter_files(SEED, "A synthetic essay"),
        "docs/edition/sources.yml": SOURCES,
        "docs/notes/hostile-note.md": NOTE,
        "docs/glossary/widget.md": TERM,
        "docs/how-we-check.md": (SYNTHETIC / "docs/how-we-check.md").read_text(encoding="utf-8"),
    }
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def test_check_refuses_every_payload(tmp_path: Path) -> None:
    project = make_edition(tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "check", "--root", str(project)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines()[1:] == REFUSED


@pytest.fixture(scope="module", params=ENGINES)
def unsafe_site(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[str]:
    engine = request.param
    project = make_edition(tmp_path_factory.mktemp(f"hostile-{engine}") / "project")
    (project / "unsafe_build.py").write_text(UNSAFE_BUILD, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("strict: true", "strict: false"), encoding="utf-8")
    site = project.parent / "site"
    # Not strict: the synthetic edition records no addresses, and the payloads break links.
    result = subprocess.run(
        [sys.executable, "unsafe_build.py", engine, str(site)],
        cwd=project, capture_output=True, text=True, check=False,
        env={**os.environ, "ZENSICAL": str(ZENSICAL)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with static_host(site) as url:
        yield url


PAGES = ["", "notes/hostile-note/", "glossary/widget/", "notes/", "glossary/", "sources/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_even_unchecked(chromium: Any, unsafe_site: str, path: str) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script("window.__ran = []; window.pwned = (w) => window.__ran.push(w);")
    page = context.new_page()
    try:
        page.goto(unsafe_site + path, wait_until="networkidle")
        if path == "":  # the note texts arrive after load: wait until they are in the page
            page.wait_for_function(
                "document.body.innerHTML.includes('A fact with a source')", timeout=10_000
            )
        assert page.evaluate("window.__ran") == []
        clicked = page.evaluate(
            """() => {
                const links = [...document.querySelectorAll('a')].filter(
                    (a) => /payload link/.test(a.textContent));
                links.forEach((a) => a.click());
                return links.length;
            }"""
        )
        page.wait_for_timeout(200)
        assert page.evaluate("window.__ran") == []
        expected_links = {"notes/hostile-note/": 3, "glossary/widget/": 2}.get(path, 0)
        assert clicked >= expected_links  # the payload links are on the page, only harmless
        assert "<" not in page.title()  # shown as text, never as markup
    finally:
        context.close()
