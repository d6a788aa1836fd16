"""Permanent addresses: the registry is complete, a lost address fails the build, and
recorded redirects (pages and fragments) take readers to the new place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scripts import addresses
from scripts.built_site import page_ids as read_page_ids
from scripts.model import Address, Redirect
from scripts.pipeline import build_edition

from .conftest import ROOT, copy_project, site_build
from .servers import static_host


def test_registry_lists_every_address_the_edition_publishes() -> None:
    edition = build_edition(ROOT)
    registry = {a for _, a in addresses.parse_registry((ROOT / "addresses.txt").read_text())}
    current = addresses.current_addresses(edition, addresses.site_files(ROOT / "docs"))
    assert current - registry == set(), "run 'make addresses'"
    assert Address("/", "p12") in registry and Address("/notes/tokio-99-percent/") in registry


def test_every_registered_address_resolves_in_the_built_site(built_site: Path) -> None:
    page_ids = read_page_ids(built_site)
    assert all("/" + name in page_ids for name in addresses.GENERATED_FILES)
    assert "p12" in page_ids["/"] and "fn:tokio-99-percent" in page_ids["/"]
    registry = addresses.parse_registry((ROOT / "addresses.txt").read_text())
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
    (project / "addresses.txt").write_text(
        (ROOT / "addresses.txt").read_text() + "/notes/old-tokio-note/\n/#old-tokio\n"
    )
    (project / "docs/edition/redirects.yml").write_text(
        '- from: "/notes/old-tokio-note/"\n  to: "/notes/tokio-99-percent/"\n'
        '- from: "/#old-tokio"\n  to: "/#the-tokio-case"\n'
    )
    site = tmp_path_factory.mktemp("moved-site")
    result = site_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_a_lost_address_fails_the_build_with_what_to_do(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    registry = (ROOT / "addresses.txt").read_text()
    (project / "addresses.txt").write_text(registry + "/#old-tokio\n")
    result = site_build(project, tmp_path / "site")
    assert result.returncode != 0
    line = registry.count("\n") + 1
    assert (
        f"addresses.txt:{line}: the published address /#old-tokio no longer exists; restore it, "
        "or record where it went in docs/edition/redirects.yml"
    ) in result.stderr


def test_moved_page_redirects_without_javascript(moved_site: Path) -> None:
    html = (moved_site / "notes/old-tokio-note/index.html").read_text()
    assert 'http-equiv="refresh"' in html and "../tokio-99-percent/" in html


@pytest.mark.browser
def test_moved_fragment_is_followed_by_the_page_script(chromium: Any, moved_site: Path) -> None:
    with static_host(moved_site) as url:
        page = chromium.new_page()
        page.goto(url + "#old-tokio")
        page.wait_for_url("**/#the-tokio-case")
        assert page.locator("#the-tokio-case").is_visible()
        page.goto(url + "notes/old-tokio-note/")
        page.wait_for_url("**/notes/tokio-99-percent/")
        page.close()


NEW_NOTE = """---
id: extra-note
title: A new note
target:
  exact: "Let’s see why"
kind: context
---
Body.
"""


def test_make_addresses_records_new_addresses_and_keeps_old_ones(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    registry = (ROOT / "addresses.txt").read_text()
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
