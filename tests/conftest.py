"""Shared fixtures: the synthetic edition, copies of it to break, and one built site per run.

The tool's tests never read this repository's own edition (the essay in seeds/, the data
in docs/): they run on the synthetic edition in tests/fixtures/synthetic/, an invented
essay with its own notes, terms, corrections and sources, set in a copy of the project's
code (scripts/, overrides/, docs/assets/, mkdocs.yml). This edition's own content
expectations live in tests/edition/, which builds the real edition once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from scripts.commands import new_edition
from scripts.ingest.pipeline import build_edition
from scripts.model import Edition

from .browser import chromium, page, site_url, tabs, watch  # noqa: F401  (fixtures for browser tests)

ROOT = Path(__file__).resolve().parent.parent
# Zensical from this checkout's venv, for builds of copies of the project (make test installs it).
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
# The synthetic edition: the seed, the editorial data and the hand-written pages.
SYNTHETIC = Path(__file__).resolve().parent / "fixtures" / "synthetic"
SYNTHETIC_TITLE = "The north cape light"
# What every edition shares: the code, the theme overrides, the site's own CSS and JS, and
# the data files' schemas (which the files name for editors).
SCAFFOLDING = ("mkdocs.yml", "scripts", "overrides", "docs/assets", "schemas")
# A fixed commit date for the synthetic edition's history, so its pages never change.
COMMIT_DATE = "2026-01-02T03:04:05+00:00"


# The commands that tests run print workflow annotations under GitHub Actions; the tests
# compare their output exactly, and their deliberate mistakes are no annotation of the run.
for _variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
    os.environ.pop(_variable, None)

# Figures that tests measure (Lighthouse scores), printed once at the end of the run.
SUMMARY: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SUMMARY:
        terminalreporter.section("measured")
        for line in SUMMARY:
            terminalreporter.write_line(line)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing with it",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def copy_tree(source: Path, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(
            source,
            destination,
            ignore=shutil.ignore_patterns("__pycache__"),
            dirs_exist_ok=True,
        )
    else:
        shutil.copy2(source, destination)


def copy_project(destination: Path) -> Path:
    """The synthetic edition in a copy of the project's code, to build or to break."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in SCAFFOLDING:
        copy_tree(ROOT / part, destination / part)
    copy_tree(SYNTHETIC, destination)
    config = destination / "mkdocs.yml"
    config.write_text(
        new_edition.site_config(config.read_text(encoding="utf-8"), SYNTHETIC_TITLE),
        encoding="utf-8",
    )
    return destination


def commit_all(project: Path, date: str = COMMIT_DATE) -> None:
    """Make the copy a git work tree with everything committed, as a contributor's clone is
    (messages blame the edited file; dates and Cite this come from the commit)."""
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid"]
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Synthetic edition"]):
        subprocess.run([*git, *command], cwd=project, check=True, capture_output=True, env=env)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def mkdocs_build(
    project_root: Path, site_dir: Path, config: Path
) -> subprocess.CompletedProcess[str]:
    """A bare ``mkdocs build --strict`` of a plain project (no edition: for comparisons)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir),
         "--config-file", str(config)],
        cwd=project_root, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip


def site_build(
    project_root: Path,
    site_dir: Path,
    *,
    engine: str = "mkdocs",
    epoch: str | None = None,
    clock: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """``make build``: compile the edition, render it with ``engine`` into ``site_dir``
    (replaced only on success); ``clock`` is a command to run it under (e.g. faketime)."""
    date = epoch or os.environ.get("SOURCE_DATE_EPOCH", "0")
    return subprocess.run(
        [*clock, sys.executable, "-m", "scripts", "build", "--root", str(project_root),
         "--engine", engine, "--site-dir", str(site_dir)],
        cwd=project_root,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": date, "ZENSICAL": str(ZENSICAL)},
        check=False,
    )  # fmt: skip


@pytest.fixture(scope="session")
def synthetic_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic edition as a committed git work tree, shared by the whole run: read it,
    never change it (tests that break an edition take their own ``project``)."""
    root = copy_project(tmp_path_factory.mktemp("synthetic") / "project")
    commit_all(root)
    return root


@pytest.fixture(scope="session")
def edition(synthetic_root: Path) -> Edition:
    """The synthetic edition, from its files."""
    return build_edition(synthetic_root)


@pytest.fixture(scope="session")
def built_site(synthetic_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The synthetic edition built once with --strict, as a static host would serve it."""
    site = tmp_path_factory.mktemp("site")
    epoch = subprocess.run(
        ["git", "log", "-1", "--format=%ct"],
        cwd=synthetic_root, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    result = site_build(synthetic_root, site, epoch=epoch)
    assert result.returncode == 0, result.stderr
    yield site
