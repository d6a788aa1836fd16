"""Two clean builds of the same commit, in different folders and at different times,
give byte-identical sites (the synthetic edition, committed to a repository of its own)."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ..conftest import commit_all, copy_project, site_build

# The second build runs under a clock years ahead (libfaketime), so that any date taken
# from the clock instead of git or SOURCE_DATE_EPOCH shows up as a difference.
FAKETIME = shutil.which("faketime")


def clone_and_build(
    origin: Path, destination: Path, clock: list[str] | None = None, engine: str = "mkdocs"
) -> Path:
    subprocess.run(["git", "clone", "--quiet", str(origin), str(destination)], check=True)
    epoch = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=destination, capture_output=True, text=True,
        check=True,
    ).stdout.strip()  # fmt: skip
    site = destination / "site"
    result = site_build(destination, site, engine=engine, epoch=epoch, clock=clock or [])
    assert result.returncode == 0, result.stderr
    return site


def differences(left: Path, right: Path) -> list[str]:
    found = []
    comparison = filecmp.dircmp(left, right)
    stack = [(comparison, Path())]
    while stack:
        current, relative = stack.pop()
        found += [str(relative / name) for name in current.left_only + current.right_only]
        _, mismatch, errors = filecmp.cmpfiles(
            current.left, current.right, current.common_files, shallow=False
        )
        found += [str(relative / name) for name in mismatch + errors]
        stack += [(sub, relative / name) for name, sub in current.subdirs.items()]
    return sorted(found)


@pytest.mark.slow
def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    if FAKETIME is None:
        message = "faketime is not installed (Debian package faketime)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must check builds against a shifted clock")
        pytest.skip(message)
    origin = copy_project(tmp_path / "origin")
    commit_all(origin)
    first = clone_and_build(origin, tmp_path / "one")
    second = clone_and_build(
        origin, tmp_path / "elsewhere" / "two", [FAKETIME, "2031-03-04 05:06:07"]
    )
    files = [p for p in first.rglob("*") if p.is_file()]
    assert len(files) > 50
    differ = differences(first, second)
    assert not differ, (
        f"{len(differ)} files differ between two builds of the same commit, the second with "
        f"its clock years ahead: something reads the clock instead of git or "
        f"SOURCE_DATE_EPOCH (or a random order). First ones: {differ[:8]}"
    )


@pytest.mark.slow
def test_two_clean_zensical_builds_are_byte_identical(tmp_path: Path) -> None:
    """The same for Zensical, on the same clock: under libfaketime its build never ends
    (it waits on timers that the faked clock never fires), so the shifted clock is
    checked on the MkDocs build above, and the compiler's output is the same for both."""
    origin = copy_project(tmp_path / "origin")
    commit_all(origin)
    first = clone_and_build(origin, tmp_path / "one", engine="zensical")
    second = clone_and_build(origin, tmp_path / "elsewhere" / "two", engine="zensical")
    assert len([p for p in first.rglob("*") if p.is_file()]) > 40
    differ = differences(first, second)
    assert not differ, f"{len(differ)} files differ between two Zensical builds: {differ[:8]}"
