"""What each content commit touched, and every verdict it moved, read from git's own output.

The parsers are pure (text in, frozen records out) and tested on sample output; the two
``git log`` calls are the adapter. A verdict move is read from the notes' diffs (the
``verdict:`` line of the front matter), so the history costs one command, not one build
of the edition per commit.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_STATUS = {"A": "added", "M": "revised", "D": "withdrawn", "T": "revised"}
_VERDICT_LINE = re.compile(r"^(?P<sign>[-+])verdict:\s*(?P<value>.*?)\s*(?:#.*)?$")
_DIFF_HEADER = re.compile(r"^diff --git a/(?P<path>\S+) b/\S+$")
NOTES_DIR = "docs/notes"


@dataclass(frozen=True, order=True)
class Touched:
    """One file a commit added, revised or withdrew."""

    status: str  # "added" | "revised" | "withdrawn"
    path: str


@dataclass(frozen=True, order=True)
class VerdictMove:
    """A note's verdict before and after one commit ("" when the note had none, or none yet)."""

    path: str
    old: str
    new: str


def _entries(out: str) -> list[tuple[str, list[str]]]:
    """(header, lines) for each commit of ``git log --format=%x00...`` output."""
    entries = []
    for entry in out.split("\0")[1:]:
        header, _, rest = entry.partition("\n")
        entries.append((header.strip(), rest.splitlines()))
    return entries


def parse_name_status(out: str) -> dict[str, tuple[Touched, ...]]:
    """Commit -> the files it touched, from ``git log --format=%x00%H --name-status``."""
    touched: dict[str, tuple[Touched, ...]] = {}
    for commit, lines in _entries(out):
        found = []
        for line in lines:
            status, _, path = line.partition("\t")
            if path and status[:1] in _STATUS:
                found.append(Touched(_STATUS[status[:1]], path))
        touched[commit] = tuple(sorted(found))
    return touched


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def parse_verdict_moves(out: str) -> dict[str, tuple[VerdictMove, ...]]:
    """Commit -> the verdicts it moved, from ``git log --format=%x00%H -p -U0`` of the notes.

    Only the front matter's top-level ``verdict:`` line counts (no indentation), so a note's
    text that mentions a verdict is never mistaken for one."""
    moves: dict[str, tuple[VerdictMove, ...]] = {}
    for commit, lines in _entries(out):
        verdicts: dict[str, dict[str, str]] = {}  # path -> {"-": old, "+": new}
        path = ""
        for line in lines:
            header = _DIFF_HEADER.match(line)
            if header:
                path = header["path"]
                verdicts[path] = {}
            elif path and not line.startswith(("---", "+++")):
                verdict = _VERDICT_LINE.match(line)
                if verdict:
                    verdicts[path][verdict["sign"]] = _unquote(verdict["value"])
        found = [
            VerdictMove(path, sides.get("-", ""), sides.get("+", ""))
            for path, sides in verdicts.items()
            if sides.get("-", "") != sides.get("+", "")
        ]
        if found:
            moves[commit] = tuple(sorted(found))
    return moves


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return ""
    return result.stdout


def touched_files(root: Path, paths: tuple[str, ...]) -> dict[str, tuple[Touched, ...]]:
    out = _git(root, "log", "--format=%x00%H", "--name-status", "--no-renames", "--", *paths)
    return parse_name_status(out)


def verdict_moves(root: Path, folder: str = NOTES_DIR) -> dict[str, tuple[VerdictMove, ...]]:
    out = _git(
        root, "log", "--format=%x00%H", "-p", "-U0", "--no-renames", "--no-color",
        "-G^verdict:", "--", folder,
    )  # fmt: skip
    return parse_verdict_moves(out)
