"""Every mistake a contributor can make in a data file, with its exact message.

Each folder in fixtures/errors/ breaks a copy of the synthetic edition (committed to git
first, as a contributor's checkout is, so that messages can blame the edited file): files under
``add/`` are added, files under ``append/`` are appended to the project's file of
the same path, files under ``replace/`` replace it. ``expected.txt`` holds the
exact problem lines; ``{+N}`` stands for the N-th appended line of that file.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.site.compile import ENGINES

from ..conftest import commit_all, copy_project, site_build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "errors"
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def apply_fixture(case: Path, project: Path) -> dict[str, int]:
    """Break the project as the fixture says; return each appended file's original line count."""
    offsets: dict[str, int] = {}
    for mode in ("add", "append", "replace"):
        folder = case / mode
        if not folder.is_dir():
            continue
        for source in sorted(p for p in folder.rglob("*") if p.is_file()):
            relative = source.relative_to(folder).as_posix()
            target = project / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if mode != "append":  # bytes as they are: some fixtures are not UTF-8 on purpose
                target.write_bytes(source.read_bytes())
                continue
            existing = target.read_text(encoding="utf-8")
            if not existing.endswith("\n"):
                existing += "\n"
            offsets[relative] = existing.count("\n")
            target.write_text(existing + source.read_text(encoding="utf-8"), encoding="utf-8")
    return offsets


def expected_lines(case: Path, offsets: dict[str, int]) -> list[str]:
    """The expected problems, with ``path:{+N}`` and a bare ``{+N}`` (same path) resolved."""

    def resolve(line: str) -> str:
        def with_path(match: re.Match[str]) -> str:
            return f"{match[1]}:{offsets.get(match[1], 0) + int(match[2])}"

        line = re.sub(r"([\w./-]+):\{\+(\d+)\}", with_path, line)
        own = offsets.get(line.split(":", 1)[0], 0)
        return re.sub(r"\{\+(\d+)\}", lambda m: str(own + int(m[1])), line)

    return [
        resolve(line) for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    ]


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", "check", "--root", str(project)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=False,
    )


def problem_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()[1:] if not line.startswith("warning: ")]


@pytest.mark.parametrize("name", CASES)
def test_bad_input_gives_exact_messages(name: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    commit_all(project)
    offsets = apply_fixture(FIXTURES / name, project)
    result = run_check(project)
    expected = expected_lines(FIXTURES / name, offsets)
    assert result.returncode == 1
    count = len(expected)
    assert result.stderr.splitlines()[0] == (
        f"the edition's data has {count} problem{'s' if count != 1 else ''}:"
    )
    assert problem_lines(result.stderr) == expected


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    cases = ["corrections-unknown-and-missing-fields", "sections-duplicate-id"]
    offsets: dict[str, int] = {}
    for name in cases:
        offsets |= apply_fixture(FIXTURES / name, project)
    expected = sorted(line for name in cases for line in expected_lines(FIXTURES / name, offsets))
    result = run_check(project)
    assert result.returncode == 1
    assert sorted(problem_lines(result.stderr)) == expected


def test_the_synthetic_edition_has_no_problems(synthetic_root: Path) -> None:
    result = run_check(synthetic_root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok: 5 corrections, 3 sections, 12 notes, 6 terms, 8 sources\n"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path: Path, engine: str) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    apply_fixture(FIXTURES / "correction-not-in-paragraph", project)
    result = site_build(project, site, engine=engine)
    assert result.returncode != 0
    assert "the original reading “musuem” is not in paragraph 5" in result.stderr
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
