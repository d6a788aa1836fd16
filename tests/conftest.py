"""Shared fixtures: the real project, copies of it to break, and one built site per run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from scripts.pipeline import Edition, build_edition

from .browser import chromium, page, site_url, watch  # noqa: F401  (fixtures for browser tests)

ROOT = Path(__file__).resolve().parent.parent
# Zensical from this checkout's venv, for builds of copies of the project (make test installs it).
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
PROJECT_PARTS = ("mkdocs.yml", "docs", "seeds", "scripts", "overrides", "addresses.txt")


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


def copy_project(destination: Path) -> Path:
    """A working copy of everything the build reads, to break without touching the real one."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / part)
    return destination


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
def edition() -> Edition:
    """The real edition, from the files on disk (test_render_essay builds its own)."""
    return build_edition(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real edition built once with --strict, as a static host would serve it."""
    site = tmp_path_factory.mktemp("site")
    result = site_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    yield site
