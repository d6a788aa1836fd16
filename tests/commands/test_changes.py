"""``make changes``: an editorial summary of a change, from two loaded editions.

The comparison is tested on the synthetic edition changed in a copy; ``make changes`` itself
on commits made in a throwaway repository, as a pull request's branch would be.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.commands import changes
from scripts.model import Address

from ..conftest import COMMIT_DATE, commit_all, copy_project

SITE = "https://example.org/edition/"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NEW_NOTE = """\
---
id: fog-in-winter
title: "Fog is commoner in winter"
target:
  exact: "counted eleven lights along this coast"
kind: context
sources: [harbour_board_1902]
---
The survey records more days of fog in winter than in summer [@harbour_board_1902].
"""


def change_the_edition(project: Path) -> None:
    """A verdict moved, a note's text revised, a note added and one withdrawn, a source
    renamed, a page revised and a redirect recorded."""
    notes = project / "docs" / "notes"
    edit(notes / "eleven-lights.md", "verdict: supported", "verdict: partly supported")
    (notes / "fog-in-winter.md").write_text(NEW_NOTE, encoding="utf-8")
    (notes / "more-lives.md").unlink()
    edit(
        project / "docs" / "edition" / "sources.yml",
        'short: "Lens Catalogue 1890"',
        'short: "Lens catalogue 1890"',
    )
    edit(
        project / "docs" / "edition" / "redirects.yml",
        "[]",
        "- from: /notes/more-lives/\n  to: /notes/eleven-lights/",
    )
    with (project / "docs" / "about.md").open("a", encoding="utf-8") as about:
        about.write("\nOne more sentence about the edition.\n")


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> changes.Changes:
    base = copy_project(tmp_path_factory.mktemp("base") / "project")
    head = copy_project(tmp_path_factory.mktemp("head") / "project")
    change_the_edition(head)
    return changes.compare(changes.load_snapshot(base), changes.load_snapshot(head))


def test_the_same_edition_has_no_changes(project: Path) -> None:
    snapshot = changes.load_snapshot(project)
    found = changes.compare(snapshot, snapshot)
    assert found.empty
    assert changes.render_changes(found, SITE) == (
        "## What changes for readers\n\nNothing readers see: no content changed.\n"
    )


def test_items_added_changed_and_withdrawn(compared: changes.Changes) -> None:
    assert [(i.kind, i.key) for i in compared.added] == [("note", "fog-in-winter")]
    assert [(i.kind, i.key) for i in compared.withdrawn] == [("note", "more-lives")]
    assert [(c.item.kind, c.item.key, c.fields) for c in compared.changed] == [
        ("note", "eleven-lights", ("verdict",)),
        ("page", "about.md", ("text",)),
        ("source", "lens_catalogue_1890", ("label",)),
    ]
    assert not compared.essay_changed
    assert compared.about_essay == ()


def test_every_verdict_change_old_to_new(compared: changes.Changes) -> None:
    assert [(v.item.key, v.old, v.new) for v in compared.verdicts] == [
        ("eleven-lights", "supported", "partly supported"),
        ("more-lives", "wrong as stated", ""),
    ]


def test_new_addresses_and_redirects(compared: changes.Changes) -> None:
    assert compared.new_addresses == (
        Address("/", "fn:fog-in-winter"),
        Address("/notes/fog-in-winter/"),
    )
    assert [(str(r.source), str(r.target)) for r in compared.new_redirects] == [
        ("/notes/more-lives/", "/notes/eleven-lights/")
    ]


def test_the_summary_links_every_item_to_its_page(compared: changes.Changes) -> None:
    text = changes.render_changes(compared, SITE, base="0123456789abcdef")
    assert text.splitlines() == [
        "## What changes for readers since `0123456789ab`",
        "",
        "### Verdicts",
        "",
        "- [Eleven lights, as the survey counted them](https://example.org/edition/notes/eleven-lights/):"
        " **supported** → **partly supported**",
        "- withdrawn: [The light and the lifeboat saved different people]"
        "(https://example.org/edition/notes/more-lives/) was rated **wrong as stated**",
        "",
        "### Notes",
        "",
        "- note [Fog is commoner in winter](https://example.org/edition/notes/fog-in-winter/) added",
        "- note [Eleven lights, as the survey counted them]"
        "(https://example.org/edition/notes/eleven-lights/) changed (verdict)",
        "- note [The light and the lifeboat saved different people]"
        "(https://example.org/edition/notes/more-lives/) withdrawn",
        "",
        "### Sources",
        "",
        "- source [Lens catalogue 1890](https://example.org/edition/sources/#lens_catalogue_1890)"
        " changed (label)",
        "",
        "### Pages",
        "",
        "- page [about.md](https://example.org/edition/about/) changed (text)",
        "",
        "### New permanent addresses",
        "",
        "- [/#fn:fog-in-winter](https://example.org/edition/#fn:fog-in-winter)",
        "- [/notes/fog-in-winter/](https://example.org/edition/notes/fog-in-winter/)",
        "",
        "### New redirects",
        "",
        "- /notes/more-lives/ → [/notes/eleven-lights/](https://example.org/edition/notes/eleven-lights/)",
    ]


def test_contributed_words_cannot_become_markup() -> None:
    item = changes.Item("note", "x", "[click](javascript:alert(1)) <b>*bold*</b>", Address("/n/"))
    text = changes.render_changes(changes.Changes(added=(item,)), SITE)
    assert (
        "- note [\\[click\\]\\(javascript:alert\\(1\\)\\) \\<b\\>\\*bold\\*\\</b\\>]"
        "(https://example.org/edition/n/) added"
    ) in text


def git(project: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    command = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", *args]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def make_changes(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", "changes", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def test_make_changes_compares_with_the_merge_base_of_main(tmp_path: Path) -> None:
    """Commits on a branch, in a throwaway repository: the summary covers what the branch
    changed since it left main, not what main did after."""
    project = copy_project(tmp_path / "project")
    commit_all(project)
    git(project, "branch", "-M", "main")
    git(project, "switch", "-q", "-c", "proposal")
    edit(project / "docs/notes/eleven-lights.md", "verdict: supported", "verdict: misleading")
    git(project, "commit", "-qam", "Regrade a note")
    git(project, "switch", "-q", "main")
    edit(project / "docs/notes/lens-weight.md", "kind: ", "claim: C9\nkind: ")
    git(project, "commit", "-qam", "A change on main after the branch left it")
    git(project, "switch", "-q", "proposal")

    result = make_changes(project)
    assert result.returncode == 0, result.stderr
    assert "**supported** → **misleading**" in result.stdout
    assert "lens-weight" not in result.stdout
    base = git(project, "merge-base", "HEAD", "main").strip()
    assert result.stdout.startswith(f"## What changes for readers since `{base[:12]}`\n")

    since_main = make_changes(project, "--base", "main")
    assert "lens-weight/) changed (claim)" in since_main.stdout


def test_make_changes_names_a_base_it_cannot_read(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    commit_all(project)
    result = make_changes(project, "--base", "no-such-commit")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "changes: no base commit (no-such-commit); give one with BASE=<commit>\n"
    )
