"""``make new-edition ESSAY=...`` (``python -m scripts new-edition``) in a copy of the project:
another essay replaces this one, the old edition's data, addresses and tests go, and the
site builds with --strict at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.ingest import git_history, load
from scripts.ingest.pipeline import build_edition
from scripts.model import Address
from scripts.site import addresses

from ..conftest import ROOT, ZENSICAL, commit_all, copy_project, site_build
from ..html import parse

# Another invented essay: ten paragraphs, one a line, with a final newline as editors save it.
ESSAY = (
    "\n".join(
        f"Paragraph {n} of another essay says something plain about gardens, number {n}."
        for n in range(1, 11)
    )
    + "\n"
)
# A colon, a hash and quotes: a title must survive YAML front matter and mkdocs.yml.
TITLE = 'Another essay: on "things" # and more'


def new_edition(project: Path, essay: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """What ``make new-edition ESSAY=... [TITLE=...]`` runs, on the project at ``project``."""
    return subprocess.run(
        [sys.executable, "-m", "scripts", "new-edition", "--root", str(project),
         "--essay", str(essay), *options],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project, its old edition's own tests included, started afresh."""
    folder = tmp_path_factory.mktemp("new-edition")
    project = copy_project(folder / "project")
    (project / "tests" / "edition").mkdir(parents=True)
    (project / "tests" / "edition" / "test_old.py").write_text("def test_old(): ...\n")
    essay = folder / "another-essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    result = new_edition(project, essay, "--title", TITLE)
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.splitlines()[-1]
        == "ok: 0 corrections, 0 sections, 0 notes, 0 terms, 0 sources"
    )
    return project


def test_the_essay_is_the_seed_with_its_checksums(started: Path) -> None:
    seed, problems = load.load_seed(started)
    assert problems == [] and seed is not None
    assert seed.text == ESSAY.rstrip("\n")  # a final newline is not a paragraph
    assert len(seed.paragraphs) == 10


def test_the_old_edition_is_gone(started: Path) -> None:
    assert not (started / "tests" / "edition").exists()
    assert list((started / "docs" / "notes").glob("*.md")) == []
    assert list((started / "docs" / "glossary").glob("*.md")) == []
    config = yaml.load((started / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["site_name"] == f"{TITLE}: an annotated edition"
    assert config["site_description"] == f"An annotated edition of {TITLE}."
    info = yaml.safe_load((started / "docs/edition/edition.yml").read_text())
    assert info["title"] == TITLE and info["author"] == "unknown"


def test_the_registry_is_fresh_and_complete(started: Path) -> None:
    registry = {a for _, a in addresses.parse_registry((started / "addresses.txt").read_text())}
    edition = build_edition(started)
    assert registry == addresses.current_addresses(edition, addresses.site_files(started / "docs"))
    assert Address("/", "p10") in registry
    assert not [a for a in registry if a.page.startswith("/notes/") and a.page != "/notes/"]
    # No section yet, so no section address is promised before an editor chose one.
    assert edition.sections == () and not [
        a for a in registry if a.page == "/" and not (a.fragment or "p1").startswith("p")
    ]


def test_what_belonged_to_the_old_essay_is_gone_or_rewritten(started: Path) -> None:
    edition = build_edition(started)
    assert edition.scale_log == ()
    readme = (started / "seeds/README.md").read_text(encoding="utf-8")
    assert f"*{TITLE}*" in readme and "10 lines" in readme
    assert load.seed_manifest(ESSAY.rstrip("\n"))[0].split()[0] in readme
    # Not committed yet: the new edition has no history, whatever the repository had.
    assert (started / git_history.EDITION_START).is_file()
    assert git_history.content_history(started) == ()


def test_the_new_edition_builds_strict(started: Path, tmp_path: Path) -> None:
    result = site_build(started, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    essay = parse(tmp_path / "site" / "index.html")
    assert [p.attributes["id"] for p in essay.css("p.ed-para")] == [f"p{n}" for n in range(1, 11)]
    heading = essay.css_first("h1")
    assert heading is not None and TITLE in heading.text()


def test_a_missing_essay_is_named_with_a_fix(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = (project / load.SEED_PATH).read_bytes()
    missing = tmp_path / "missing.txt"
    result = new_edition(project, missing)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "the edition's data has 1 problem:",
        f"{missing}:1: the essay cannot be read (no such file or directory); give a UTF-8 "
        "text file with the essay, one paragraph per line",
    ]
    assert (project / load.SEED_PATH).read_bytes() == before  # nothing was touched


def test_the_history_begins_with_the_new_edition(tmp_path: Path) -> None:
    """Commits before the one that started the edition belong to the old essay's edition."""
    project = copy_project(tmp_path / "project")
    commit_all(project)  # the old edition's history
    essay = tmp_path / "essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    assert new_edition(project, essay).returncode == 0
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid"]
    for message in ("Start the edition", "A first correction"):
        (project / "docs/edition/corrections.yml").write_text(f"# {message}\n[]\n")
        subprocess.run([*git, "add", "-A"], cwd=project, check=True)
        subprocess.run([*git, "commit", "-qm", message], cwd=project, check=True)
    history = git_history.content_history(project)
    assert [change.summary for change in history] == ["A first correction", "Start the edition"]


def copy_of_this_repository(destination: Path) -> Path:
    """This repository as a fresh clone has it: its committed files, in a new git repository."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    for relative in filter(None, listed.split("\0")):
        source = ROOT / relative
        if source.is_file() and not source.is_symlink():
            (destination / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / relative)
    commit_all(destination)
    return destination


@pytest.mark.slow
def test_a_new_edition_of_this_repository_checks_and_builds(tmp_path: Path) -> None:
    """make new-edition on this repository itself (not the synthetic edition): the kept
    pages name nothing of the first essay, so the check and the strict build pass at once."""
    project = copy_of_this_repository(tmp_path / "project")
    essay = tmp_path / "small-essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    started = new_edition(project, essay, "--title", TITLE)
    assert started.returncode == 0, started.stderr
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0", "ZENSICAL": str(ZENSICAL)}
    check = subprocess.run(
        [sys.executable, "-m", "scripts", "check"],
        cwd=project, capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    assert check.stdout == "ok: 0 corrections, 0 sections, 0 notes, 0 terms, 0 sources\n"
    build = subprocess.run(
        [sys.executable, "-m", "scripts", "build", "--site-dir", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    method = parse(tmp_path / "site" / "how-we-check" / "index.html")
    assert method.css(".md-content a[href*='#verdict-']"), "the page's own links are read"
    old_notes = [
        href
        for a in method.css(".md-content a[href*='notes/']")
        if not (href := a.attributes["href"] or "").endswith("/notes/")  # the Notes page
    ]
    assert old_notes == [], "How we check still links the old essay's notes"
    history = parse(tmp_path / "site" / "history" / "index.html").text()
    assert "No recorded changes yet" in history
