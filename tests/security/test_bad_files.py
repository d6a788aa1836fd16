"""Files that cannot be read as they should: never a traceback, always path:line: problem; fix.

These break the files themselves (line endings, encodings, missing or unreadable files)
in ways a fixture folder cannot express, in ``make check``, ``make accept-seed`` and the
build.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.ingest import load

from ..conftest import site_build

ROOT = Path(__file__).resolve().parents[2]
SEED_FIX = load.SEED_FIX


def run(project: Path, command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", command, "--root", str(project)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip


def problems_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines()[1:] if not line.startswith("warning:")]


CRLF = (
    "seeds/essay.txt:1: the essay has Windows line endings (CRLF), starting on this line; "
    "save it with Unix line endings (LF); the seed's lines are its paragraphs"
)


@pytest.mark.parametrize("command", ["check", "accept-seed"])
def test_a_seed_with_windows_line_endings(project: Path, command: str) -> None:
    seed = project / load.SEED_PATH
    seed.write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))
    assert problems_of(run(project, command)) == [CRLF]


@pytest.mark.parametrize("command", ["check", "accept-seed"])
def test_a_seed_that_is_not_utf8(project: Path, command: str) -> None:
    seed = project / load.SEED_PATH
    lines = seed.read_bytes().split(b"\n")
    lines[2] = b"Caf\xe9 " + lines[2]
    seed.write_bytes(b"\n".join(lines))
    assert problems_of(run(project, command)) == [
        "seeds/essay.txt:3: the byte 0xE9 in column 4 is not UTF-8, the encoding this file "
        "must use; save the file as UTF-8 (most editors: 'Save with encoding', UTF-8), or "
        "retype the character at that place"
    ]


def test_a_missing_seed_and_checksum(project: Path) -> None:
    (project / load.SEED_PATH).unlink()
    (project / load.CHECKSUM_PATH).unlink()
    assert problems_of(run(project, "check")) == [
        "seeds/essay.txt:1: the file is missing; restore it with 'git checkout -- seeds/essay.txt'",
        "seeds/essay.txt.sha256:1: the file is missing; restore it with 'git checkout -- "
        "seeds/essay.txt.sha256'",
    ]
    assert problems_of(run(project, "accept-seed")) == [
        "seeds/essay.txt:1: the file is missing; restore it with 'git checkout -- seeds/essay.txt'"
    ]


def test_an_empty_checksum_file(project: Path) -> None:
    (project / load.CHECKSUM_PATH).write_text("", encoding="utf-8")
    assert problems_of(run(project, "check")) == [
        "seeds/essay.txt.sha256:1: the file holds no checksum; restore it with 'git checkout "
        "-- seeds/essay.txt.sha256', or run 'make accept-seed'"
    ]


def test_missing_and_unreadable_data_files(project: Path) -> None:
    (project / "docs/edition/sections.yml").unlink()
    sources = project / "docs/edition/sources.yml"
    sources.unlink()
    sources.mkdir()  # a folder where the file should be: it cannot be read
    assert problems_of(run(project, "check")) == [
        "docs/edition/sections.yml:1: the file is missing; restore it with 'git checkout -- "
        "docs/edition/sections.yml'",
        "docs/edition/sources.yml:1: the file cannot be read (is a directory); make it a "
        "readable file (check its permissions), or restore it with 'git checkout -- "
        "docs/edition/sources.yml'",
    ]  # and no "unknown source key" for each citation of a source it would have listed


def test_a_data_file_that_is_not_utf8_is_one_message(project: Path) -> None:
    sources = project / "docs/edition/sources.yml"
    raw = sources.read_bytes()
    sources.write_bytes(raw.replace(b"how_confirmed", b"how_confirm\xe9d", 1))
    at = raw.index(b"how_confirmed")
    line, column = raw[:at].count(b"\n") + 1, at - raw.rfind(b"\n", 0, at) + 11
    assert problems_of(run(project, "check")) == [
        f"docs/edition/sources.yml:{line}: the byte 0xE9 in column {column} is not UTF-8, the "
        "encoding this file must use; save the file as UTF-8 (most editors: 'Save with "
        "encoding', UTF-8), or retype the character at that place"
    ]


def test_warnings_are_not_ok_since_the_build_is_strict(project: Path) -> None:
    with (project / "docs/edition/sources.yml").open("a", encoding="utf-8") as file:
        file.write(
            '- key: uncited_extra\n  short: "Uncited"\n  type: book\n  title: "Uncited"\n'
            '  how_confirmed: "a test"\n  accessed: "2026-01-10"\n  archive: none\n'
            '  archive_reason: "a test"\n'
        )
    result = run(project, "check")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[-1] == "not ok: 2 warnings; 'make build' runs with --strict and stops on them"
    assert lines[-3].startswith("warning: docs/edition/sources.yml:")
    assert lines[-3].endswith(
        ": no note or term cites the source 'uncited_extra'; cite it with "
        "[@uncited_extra] where it supports a sentence, or remove it"
    )
    assert lines[-2].startswith("warning: addresses.txt:")
    assert lines[-2].endswith(
        ": 1 new address not yet recorded (/sources/#uncited_extra); run "
        "'make addresses' and commit addresses.txt"
    )


def test_the_build_reports_a_bad_encoding_without_a_traceback(
    project: Path, tmp_path: Path
) -> None:
    note = project / "docs/notes/extra-latin.md"
    note.write_bytes(b"---\nid: extra-latin\n---\nCaf\xe9\n")
    result = site_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "docs/notes/extra-latin.md:4: the byte 0xE9 in column 4 is not UTF-8" in result.stderr


def test_an_address_registry_that_is_not_utf8(project: Path, tmp_path: Path) -> None:
    registry = project / "addresses.txt"
    registry.write_bytes(registry.read_bytes() + b"/caf\xe9/\n")
    line = registry.read_bytes().count(b"\n")
    message = (
        f"addresses.txt:{line}: the byte 0xE9 in column 5 is not UTF-8, the encoding this file "
        "must use; save the file as UTF-8 (most editors: 'Save with encoding', UTF-8), or "
        "retype the character at that place"
    )
    assert problems_of(run(project, "check")) == [message]
    result = site_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert message in result.stderr
