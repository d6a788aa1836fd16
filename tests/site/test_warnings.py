"""Things that are not errors but probably mistakes: reported as warnings, fatal under --strict."""

from __future__ import annotations

from pathlib import Path

from ..conftest import site_build
from ..ingest.test_errors import run_check

UNCITED_SOURCE = """- key: unused_source
  short: "Nobody 2026"
  type: web
  title: "A page nobody cites"
  url: "https://example.org/"
  how_confirmed: "test fixture"
  accessed: "2026-01-10"
  archive: none
  archive_reason: "test fixture"
"""

LONELY_TERM = """---
term: quaternion
short: "A number system that extends the complex numbers."
---
Nothing in the essay mentions it [@edition].
"""


def test_uncited_source_and_unreachable_term_are_warnings(project: Path) -> None:
    sources = project / "docs/edition/sources.yml"
    before = sources.read_text(encoding="utf-8").count("\n")
    sources.write_text(sources.read_text(encoding="utf-8") + UNCITED_SOURCE, encoding="utf-8")
    (project / "docs/glossary/quaternion.md").write_text(LONELY_TERM, encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1  # the build is strict: make check does not say "ok" either
    lines = result.stderr.splitlines()
    registry_lines = (project / "addresses.txt").read_text(encoding="utf-8").count("\n")
    assert lines[2:] == [
        f"warning: addresses.txt:{registry_lines}: 2 new addresses not yet recorded "
        "(/glossary/quaternion/, /sources/#unused_source); run 'make addresses' and commit "
        "addresses.txt",
        "not ok: 3 warnings; 'make build' runs with --strict and stops on them",
    ]
    assert lines[:2] == [
        f"warning: docs/edition/sources.yml:{before + 1}: no note or term cites the source "
        "'unused_source'; cite it with [@unused_source] where it supports a sentence, or remove it",
        "warning: docs/glossary/quaternion.md:1: the term 'quaternion' never occurs in the essay "
        "and nothing links to it; add an alias that matches the essay's wording, or link it from "
        "a note or another term",
    ]


def test_strict_build_fails_on_a_warning(project: Path, tmp_path: Path) -> None:
    (project / "docs/glossary/quaternion.md").write_text(LONELY_TERM, encoding="utf-8")
    result = site_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "the term 'quaternion' never occurs in the essay" in result.stderr
