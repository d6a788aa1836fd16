"""Adapter: what git knows about the edition's content (version, history), as frozen records.

Dates come from commits, never the clock, so that the same commit always builds
the same site. Without git (an unpacked archive) the edition is "unversioned".
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

CONTENT_PATHS = ("seeds", "docs")


@dataclass(frozen=True)
class Change:
    """One commit that changed the edition's content."""

    commit: str
    date: str  # YYYY-MM-DD, the commit date
    summary: str

    @property
    def short(self) -> str:
        return self.commit[:7]


@dataclass(frozen=True)
class Version:
    """The edition a reader sees: the date and commit of its latest content change."""

    date: str
    commit: str

    @property
    def label(self) -> str:
        return (
            f"edition of {self.date} ({self.commit[:7]})" if self.commit else "unversioned edition"
        )


UNVERSIONED = Version("", "")


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout


def content_history(root: Path, paths: tuple[str, ...] = CONTENT_PATHS) -> tuple[Change, ...]:
    """Every commit that touched the content, newest first."""
    out = _git(root, "log", "--format=%H%x09%cs%x09%s", "--", *paths)
    if not out:
        return ()
    changes = []
    for line in out.splitlines():
        commit, date, summary = line.split("\t", 2)
        changes.append(Change(commit, date, summary))
    return tuple(changes)


def version_of(history: tuple[Change, ...]) -> Version:
    return Version(history[0].date, history[0].commit) if history else UNVERSIONED
