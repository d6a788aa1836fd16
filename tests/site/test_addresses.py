"""Permanent addresses: the registry is complete, a lost address fails the build, and
recorded redirects (pages and fragments) take readers to the new place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scripts.model import Address, Edition, Redirect
from scripts.site import addresses
from scripts.site.built_site import page_ids as read_page_ids

from ..conftest import ROOT, copy_project, site_build
from ..servers import static_host

# A note and a section of the synthetic edition, moved in the tests below.
NOTE_ID, SECTION_ID = "linked-survey-page", "the-light"


def test_registry_lists_every_address_the_edition_publishes(
    edition: Edition, synthetic_root: Path
) -> None:
    text = (synthetic_root / "addresses.txt").read_text()
    registry = {a for _, a in addresses.parse_registry(text)}
    current = addresses.current_addresses(edition, addresses.site_files(synthetic_root / "docs"))
    assert current == registry, "run 'make addresses' in a copy of tests/fixtures/synthetic/"
    last = f"p{len(edition.reading.paragraphs)}"
    assert {Address("/", last), Address(f"/notes/{NOTE_ID}/"), Address("/", SECTION_ID)} <= current


def test_every_registered_address_resolves_in_the_built_site(
    built_site: Path, synthetic_root: Path
) -> None:
    page_ids = read_page_ids(built_site)
    assert all("/" + name in page_ids for name in addresses.GENERATED_FILES)
    assert f"fn:{NOTE_ID}" in page_ids["/"]
    registry = addresses.parse_registry((synthetic_root / "addresses.txt").read_text())
    assert len(registry) > 50
    assert addresses.check_registry(registry, (), page_ids) == []


def test_lost_address_and_broken_redirect_messages() -> None:
    page_ids = {"/": {"p1"}, "/notes/a/": set()}
    registry = [(3, Address("/", "p1")), (4, Address("/", "gone")), (5, Address("/notes/old/"))]
    redirects = [Redirect(Address("/notes/old/"), Address("/notes/missing/"), 7)]
    assert [str(p) for p in addresses.check_registry(registry, redirects, page_ids)] == [
        "addresses.txt:4: the published address /#gone no longer exists; restore it, or record "
        'where it went in docs/edition/redirects.yml (- from: "/#gone" and to: its new address)',
        "docs/edition/redirects.yml:7: the redirect from /notes/old/ goes to /notes/missing/, "
        "which does not exist; point 'to' at a page and fragment that the site has",
    ]


def test_redirect_targets_are_relative_to_the_page() -> None:
    redirects = [
        Redirect(Address("/", "old"), Address("/", "new"), 1),
        Redirect(Address("/", "moved"), Address("/notes/x/", "fn:y"), 2),
        Redirect(Address("/notes/a/", "q"), Address("/", "p3"), 3),
    ]
    assert addresses.fragment_redirects(redirects, "/") == {"old": "#new", "moved": "notes/x/#fn:y"}
    assert addresses.fragment_redirects(redirects, "/notes/a/") == {"q": "../../#p3"}


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The edition after a note was renamed and a section id changed, with redirects recorded."""
    project = copy_project(tmp_path_factory.mktemp("moved") / "project")
    registry = project / "addresses.txt"
    registry.write_text(registry.read_text() + "/notes/old-note/\n/#old-section\n")
    (project / "docs/edition/redirects.yml").write_text(
        f'- from: "/notes/old-note/"\n  to: "/notes/{NOTE_ID}/"\n'
        f'- from: "/#old-section"\n  to: "/#{SECTION_ID}"\n'
    )
    site = tmp_path_factory.mktemp("moved-site")
    result = site_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_a_lost_address_fails_the_build_with_what_to_do(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    registry = (project / "addresses.txt").read_text()
    (project / "addresses.txt").write_text(registry + "/#old-section\n")
    result = site_build(project, tmp_path / "site")
    assert result.returncode != 0
    line = registry.count("\n") + 1
    assert (
        f"addresses.txt:{line}: the published address /#old-section no longer exists; restore it, "
        "or record where it went in docs/edition/redirects.yml"
    ) in result.stderr


def test_moved_page_redirects_without_javascript(moved_site: Path) -> None:
    html = (moved_site / "notes/old-note/index.html").read_text()
    assert 'http-equiv="refresh"' in html and f"../{NOTE_ID}/" in html


@pytest.mark.browser
def test_moved_fragment_is_followed_by_the_page_script(chromium: Any, moved_site: Path) -> None:
    with static_host(moved_site) as url:
        page = chromium.new_page()
        page.goto(url + "#old-section")
        page.wait_for_url(f"**/#{SECTION_ID}")
        assert page.locator(f"#{SECTION_ID}").is_visible()
        page.goto(url + "notes/old-note/")
        page.wait_for_url(f"**/notes/{NOTE_ID}/")
        page.close()


NEW_NOTE = """---
id: extra-note
title: A new note
target:
  exact: "Let’s see why"
kind: context
---
The body of this note [@edition].
"""


def test_make_addresses_records_new_addresses_and_keeps_old_ones(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    registry = (project / "addresses.txt").read_text()
    (project / "addresses.txt").write_text(registry + "/#an-old-address\n")
    (project / "docs/notes/extra-note.md").write_text(NEW_NOTE)
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "addresses", "--root", str(project)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"addresses.txt: 2 new, {len(registry.splitlines()) - 2 + 3} in all\n"
    lines = (project / "addresses.txt").read_text().splitlines()
    assert {"/notes/extra-note/", "/#fn:extra-note", "/#an-old-address"} <= set(lines)
    assert set(registry.splitlines()) <= set(lines)
