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

from scripts.commands import new_edition
from scripts.site.compile import ENGINES

from ..conftest import SYNTHETIC, ZENSICAL
from ..servers import static_host

ROOT = Path(__file__).resolve().parents[2]

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

A paragraph with *an attribute list*{{: .footnote data-ed-texts="data:application/json,%7B%22%40works-cited%22%3A%22%3Cimg%20src%3Dx%20onerror%3Dpwned(%27works%27)%3E%22%7D" }} [@example_source].

A clobbering *{{"pwn": "javascript:pwned('redirect')"}}*{{: #ed-redirects }} id [@example_source].

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
    "docs/notes/hostile-note.md:18: an attribute list gives the attribute 'data-ed-texts', which "
    "contributed text may not have; remove it; an attribute list may give only a language, such "
    "as '{: lang=\"fr\" }', and the site adds every id and class itself",
    "docs/notes/hostile-note.md:18: an attribute list gives the class '.footnote', which "
    "contributed text may not have; remove it; an attribute list may give only a language, such "
    "as '{: lang=\"fr\" }', and the site adds every id and class itself",
    "docs/notes/hostile-note.md:20: an attribute list gives the id '#ed-redirects', which "
    "contributed text may not have; remove it; an attribute list may give only a language, such "
    "as '{: lang=\"fr\" }', and the site adds every id and class itself",
    "docs/notes/hostile-note.md:22: the link to 'javascript:pwned(%27note-reference%27)' uses the "
    "scheme 'javascript:', which the site does not allow; link only to http://, https:// or "
    "mailto: addresses, or to a page of this site",
]
# The test-only build: the edition's own, with the checks that refuse markup switched off.
UNSAFE_BUILD = """\
import sys

from scripts.security import sanitize
from scripts.ingest import schema

sanitize.body_problems = lambda *args, **kwargs: []
schema.FORMATS.checkers.pop(schema.PLAIN_TEXT)
from scripts.commands.cli import main  # noqa: E402

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


PAGES = [
    "",
    "notes/hostile-note/",
    "notes/hostile-note/#pwn",  # a contributed #ed-redirects would send the reader on
    "glossary/widget/",
    "notes/",
    "glossary/",
    "sources/",
]


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
        expected_links = {
            "notes/hostile-note/": 3,
            "notes/hostile-note/#pwn": 3,
            "glossary/widget/": 2,
        }.get(path, 0)
        assert clicked >= expected_links  # the payload links are on the page, only harmless
        assert "<" not in page.title()  # shown as text, never as markup
    finally:
        context.close()


# Round two (issue 19): each payload class is refused by the check meant for it, named here
# by its exact message, so that a payload refused only by another rule does not count.
CLEAN_NOTE = """\
---
id: plain-note
title: "A plain note"
target:
  exact: "hello world"
kind: context
sources: [example_source]
---
{body}
"""
ATTR_FIX = (
    "remove it; an attribute list may give only a language, such as '{: lang=\"fr\" }', and the "
    "site adds every id and class itself"
)
SOURCE_ENTRY = """\
- key: injected
  short: "{short}"
  type: web
  title: "An injected source"
  {field}: "{value}"
  how_confirmed: "a synthetic source for tests"
  accessed: "2026-01-10"
  archive: none
  archive_reason: "a synthetic source for tests"
"""


def _note(body: str) -> dict[str, str]:
    return {"docs/notes/plain-note.md": CLEAN_NOTE.format(body=body)}


def _source(field: str, value: str, short: str = "Injected 2020") -> dict[str, str]:
    return {
        "docs/edition/sources.yml": SOURCES
        + SOURCE_ENTRY.format(field=field, value=value, short=short)
    }


def _config(old: str, new: str) -> dict[str, str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert old in text
    return {"mkdocs.yml": text.replace(old, new, 1)}


def _config_line(setting: str) -> int:
    """The line of a setting in mkdocs.yml (where the check reports a bad value of it), so
    that the expected messages follow the file when a setting is added above."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return text[: text.index(f"\n{setting}:") + 1].count("\n") + 1


PAYLOADS: dict[str, tuple[dict[str, str], str]] = {
    "attribute list: data-ed-texts": (
        _note('Words *here*{: data-ed-texts="data:application/json,x" } [@example_source].'),
        "docs/notes/plain-note.md:9: an attribute list gives the attribute 'data-ed-texts', "
        f"which contributed text may not have; {ATTR_FIX}",
    ),
    "attribute list: a site class": (
        _note("Words *here*{: .ed-note-link } [@example_source]."),
        "docs/notes/plain-note.md:9: an attribute list gives the class '.ed-note-link', which "
        f"contributed text may not have; {ATTR_FIX}",
    ),
    "clobbering id: #ed-redirects": (
        _note('*{"x": "javascript:pwned(1)"}*{: #ed-redirects } [@example_source].'),
        "docs/notes/plain-note.md:9: an attribute list gives the id '#ed-redirects', which "
        f"contributed text may not have; {ATTR_FIX}",
    ),
    "clobbering id: a paragraph's address": (
        _note("Words [@example_source].\n{: #p2 }"),
        "docs/notes/plain-note.md:10: an attribute list gives the id '#p2', which contributed "
        f"text may not have; {ATTR_FIX}",
    ),
    "clobbering id: a heading's address": (
        {
            "docs/glossary/widget.md": '---\nterm: widget\nshort: "A small thing."\n'
            "sources: [example_source]\n---\nA widget is small [@example_source].\n\n## Notes\n"
        },
        "docs/glossary/widget.md:8: a heading would take the address '#notes', which the site "
        "uses for its own part of the page; word the heading differently",
    ),
    "footnote hijack": (
        _note("Words[^hostile-note] [@example_source].\n\n[^hostile-note]: The attacker's text."),
        "docs/notes/plain-note.md:9: a footnote ('[^hostile-note]') in the text; write it as a "
        "sentence of the text; the note is itself the essay's footnote",
    ),
    "DOI injection": (
        _source("doi", "10.1038/x)[t](javascript:pwned(1))"),
        "docs/edition/sources.yml:14: the doi '10.1038/x)[t](javascript:pwned(1))' is not a DOI",
    ),
    "DOI attribute list": (
        _source("doi", "10.1038/x){:onclick=pwned(1)}"),
        "docs/edition/sources.yml:14: the doi '10.1038/x){:onclick=pwned(1)}' is not a DOI",
    ),
    "URL injection": (
        _source("url", "https://example.org/x){: onclick=pwned(1) }"),
        "docs/edition/sources.yml:14: the url 'https://example.org/x){: onclick=pwned(1) }' is "
        "not a web address",
    ),
    "original address injection": (
        {
            "docs/edition/edition.yml": 'title: "An essay"\nauthor: unknown\nvenue: unknown\n'
            "published: unknown\n"
            'original_url: "https://a.example/x><img/src=x/onerror=pwned(1)>"\n'
            "licence: unknown\neditors: [Editors]\n"
        },
        "docs/edition/edition.yml:5: 'original_url' is not a web address",
    ),
    "archive address injection": (
        {
            "docs/edition/sources.yml": SOURCES
            + SOURCE_ENTRY.format(field="url", value="https://example.org/x", short="Ex 2020")
            .replace("archive: none", 'archive: "https://a.example/x><img/src=x/onerror=pwned(1)>"')
            .replace('  archive_reason: "a synthetic source for tests"\n', "")
        },
        "docs/edition/sources.yml:17: 'archive' is neither a web address nor none",
    ),
    "short label injection": (
        _source("url", "https://example.org/x", short="Ex](javascript:pwned(1))"),
        "docs/edition/sources.yml:11: the short label 'Ex](javascript:pwned(1))' has a character "
        "that links use",
    ),
    "file: symbolic link to the password file": (
        {"docs/notes/passwd.txt": "->/etc/passwd"},
        "docs/notes/passwd.txt:1: a symbolic link; the build publishes only files of the edition "
        "itself; replace it with the file it points at, or remove it",
    ),
    "file: symbolic link under seeds/": (
        {"seeds/environ": "->/proc/self/environ"},
        "seeds/environ:1: a symbolic link; the build publishes only files of the edition itself",
    ),
    "file: HTML among the notes": (
        {"docs/notes/evil.html": "<script>pwned('html')</script>\n"},
        "docs/notes/evil.html:1: only <name>.md files are read in docs/notes/, and this file "
        "would be published as it is",
    ),
    "file: SVG with onload": (
        {"docs/assets/evil.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="pwned(1)"/>\n'},
        "docs/assets/evil.svg:1: this file would be published as it is",
    ),
    "mkdocs.yml: copyright markup": (
        _config("copyright: ", 'copyright: "<img src=x onerror=pwned(1)>" # '),
        "mkdocs.yml:11: 'copyright' should be plain text ('<img src=x onerror=pwned(1)>')",
    ),
    "mkdocs.yml: a Markdown extension that is code": (
        _config("  - pymdownx.superfences", "  - pymdownx.superfences\n  - evil_module"),
        f"mkdocs.yml:{_config_line('markdown_extensions')}: the Markdown extension "
        "'evil_module' is not one the edition allows",
    ),
    "mkdocs.yml: a hook": (
        _config("docs_dir: docs", "hooks: [evil.py]\ndocs_dir: docs"),
        "mkdocs.yml:17: the setting 'hooks' is not one an edition may have",
    ),
    "mkdocs.yml: a script of another site": (
        _config("  - assets/edition.js", "  - https://evil.example/x.js"),
        f"mkdocs.yml:{_config_line('extra_javascript')}: 'extra_javascript' names "
        "'https://evil.example/x.js', which is not a "
        "file of this site's assets",
    ),
    "path traversal: redirect from": (
        {"docs/edition/redirects.yml": '- from: "/../../site/"\n  to: "/notes/"\n'},
        "docs/edition/redirects.yml:1: 'from' should be an address on this site, such as "
        "/notes/old-id/ or /#old-section ('/../../site/')",
    ),
    "path traversal: encoded dots": (
        {"docs/edition/redirects.yml": '- from: "/%2e%2e/x/"\n  to: "/notes/"\n'},
        "docs/edition/redirects.yml:1: 'from' should be an address on this site",
    ),
    "YAML bomb: anchors and aliases": (
        {
            "docs/edition/sources.yml": SOURCES
            + "- &a [x, x, x, x, x, x, x, x, x]\n- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        },
        "docs/edition/sources.yml:10: the YAML anchor '&a' names a value to repeat; remove it",
    ),
    "YAML tag": (
        {"docs/edition/redirects.yml": "- !!python/object/apply:os.system ['true']\n"},
        "docs/edition/redirects.yml:1: the YAML tag '!!python/object/apply:os.system' is not "
        "allowed",
    ),
    "YAML depth": (
        {"docs/edition/redirects.yml": "- " + "[" * 40 + "]" * 40 + "\n"},
        "docs/edition/redirects.yml:1: values are nested more than 12 levels deep",
    ),
    "YAML date that does not exist": (
        {
            "docs/edition/edition.yml": new_edition.starter_files(SEED, "T")[
                "docs/edition/edition.yml"
            ].replace("published: unknown", "published: 2026-02-30")
        },
        "docs/edition/edition.yml:6: 'published' is not a date ('2026-02-30')",
    ),
    "invisible: zero-width space in a title": (
        {
            "docs/notes/plain-note.md": CLEAN_NOTE.format(body="Words [@example_source].").replace(
                "A plain", "A\u200b plain"
            )
        },
        "docs/notes/plain-note.md:3: the invisible character U+200B ZERO WIDTH SPACE at column 10",
    ),
    "control: an ESC sequence in an id": (
        {"docs/edition/corrections.yml": "- id: x\x1b[2K\rok: 20 corrections\n"},
        "docs/edition/corrections.yml:1: the control character U+001B ESCAPE at column 8",
    ),
}


@pytest.mark.parametrize("case", sorted(PAYLOADS))
def test_each_payload_is_refused_by_its_own_check(tmp_path: Path, case: str) -> None:
    project = make_edition(tmp_path / "project")
    (project / "docs/notes/hostile-note.md").unlink()
    (project / "docs/glossary/widget.md").unlink()
    files, expected = PAYLOADS[case]
    for relative, text in files.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if text.startswith("->"):
            path.symlink_to(text[2:])
        else:
            path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "check", "--root", str(project)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr and "\r" not in result.stderr  # shown as escapes
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr
