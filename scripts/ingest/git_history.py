"""Adapter: what git knows about the edition's content (version, history), as frozen records.

Dates come from commits, never the clock, so that the same commit always builds
the same site. Without git (an unpacked archive) the edition is "unversioned".
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from scripts.ingest.edition_log import Touched, VerdictMove, touched_files, verdict_moves

# The edition's content: the seed, the editorial data, notes, terms and hand-written pages.
# The site's own CSS and JavaScript live under docs/ too, but they are code, not content.
CONTENT_PATHS = ("seeds", "docs", ":(exclude)docs/assets")
# Written by `make new-edition`: the edition's history begins with the commit that wrote it
# (the repository's older commits belong to the edition of another essay).
EDITION_START = "seeds/edition-start.txt"


@dataclass(frozen=True)
class Change:
    """One commit that changed the edition's content."""

    commit: str
    date: str  # YYYY-MM-DD, the commit date
    summary: str
    touched: tuple[Touched, ...] = ()  # the content files it added, revised or withdrew
    verdicts: tuple[VerdictMove, ...] = ()  # the notes' verdicts it moved

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
    """Every commit that touched the content, newest first; since the edition started, when
    `make new-edition` started it (none before that start is committed)."""
    out = _git(root, "log", "--format=%H%x09%cs%x09%s", "--", *paths)
    if not out:
        return ()
    start = None
    if (root / EDITION_START).is_file():
        start = (_git(root, "log", "-1", "--format=%H", "--", EDITION_START) or "").strip()
        if not start:
            return ()  # the new edition is not committed yet: it has no history
    touched, moves = touched_files(root, paths), verdict_moves(root)
    changes = []
    for line in out.splitlines():
        commit, date, summary = line.split("\t", 2)
        changes.append(
            Change(commit, date, summary, touched.get(commit, ()), moves.get(commit, ()))
        )
        if commit == start:
            break
    return tuple(changes)


@dataclass(frozen=True)
class FileDates:
    """When one file was first committed and last changed, and by which commit."""

    first: str  # YYYY-MM-DD
    last: str
    last_commit: str
    # (date, old, new) for each commit that moved the note's verdict, oldest first
    verdicts: tuple[tuple[str, str, str], ...] = ()


def file_dates(root: Path, folder: str) -> dict[str, FileDates]:
    """For every file ever committed under ``folder``: its first and latest commit dates.

    One ``git log`` for the whole folder, not one per file; renames are not followed
    (a note's id is its file name, so a renamed note is a new note)."""
    out = _git(root, "log", "--format=%x00%H%x09%cs", "--name-only", "--", folder)
    if not out:
        return {}
    moves = verdict_moves(root, folder)
    dates: dict[str, FileDates] = {}
    for entry in out.split("\0")[1:]:  # newest first
        header, _, names = entry.partition("\n")
        commit, date = header.split("\t")
        for name in filter(None, names.splitlines()):
            seen = dates.get(name)
            moved = tuple(
                (date, m.old, m.new) for m in moves.get(commit, ()) if m.path == name and m.old
            )
            dates[name] = (
                FileDates(first=date, last=date, last_commit=commit, verdicts=moved)
                if seen is None
                else FileDates(
                    first=date,
                    last=seen.last,
                    last_commit=seen.last_commit,
                    verdicts=moved + seen.verdicts,
                )
            )
    return dates


def version_of(history: tuple[Change, ...]) -> Version:
    return Version(history[0].date, history[0].commit) if history else UNVERSIONED
