"""Workflow annotations: each problem on its file and line under GitHub Actions, escaped as
the runner unescapes it, at most 10 per step, every problem in the job summary."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import ci_annotations as annotations_ci
from scripts.problems import Problem

from ..conftest import copy_project


def problem(n: int, message: str = "the quote is not in the reading text") -> Problem:
    return Problem(f"docs/notes/n{n:02}.md", n, message, "copy the closest passage")


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain words", "plain words", "plain words"),
        ("100% sure", "100%25 sure", "100%25 sure"),
        ("two\nlines\r", "two%0Alines%0D", "two%0Alines%0D"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
    ],
)
def test_escaping_follows_the_runner(text: str, data: str, prop: str) -> None:
    assert annotations_ci.escape_data(text) == data
    assert annotations_ci.escape_property(text) == prop


def test_a_problem_becomes_one_command_on_its_line() -> None:
    found = Problem("docs/notes/a,b.md", 4, "the quote “x\ny” matches 2 places", "add a prefix")
    assert annotations_ci.annotation(found) == (
        "::error file=docs/notes/a%2Cb.md,line=4::the quote “x%0Ay” matches 2 places; add a prefix"
    )
    assert annotations_ci.annotation(Problem("mkdocs.yml", 0, "m", "f"), "warning") == (
        "::warning file=mkdocs.yml,line=1::m; f"
    )


def test_at_most_ten_annotations_then_a_notice() -> None:
    commands = annotations_ci.workflow_commands(
        [problem(n) for n in range(12, 0, -1)], [problem(20, "unused source")]
    )
    assert len(commands) == 11
    assert commands[0].startswith("::error file=docs/notes/n01.md,line=1::")
    assert commands[9].startswith("::error file=docs/notes/n10.md,line=10::")
    assert commands[10] == "::notice::3 more problems are listed in the job summary"
    assert annotations_ci.workflow_commands([problem(1)], [problem(2)]) == [
        "::error file=docs/notes/n01.md,line=1::the quote is not in the reading text; "
        "copy the closest passage",
        "::warning file=docs/notes/n02.md,line=2::the quote is not in the reading text; "
        "copy the closest passage",
    ]


def test_the_summary_lists_every_problem_as_plain_text() -> None:
    hostile = Problem("docs/notes/x.md", 3, "the quote “a | <b>b</b>” is not there", "fix it")
    assert annotations_ci.step_summary([hostile], [problem(1)]).splitlines() == [
        "### The edition's data: 2 problems",
        "",
        "| | where | problem | how to fix it |",
        "| --- | --- | --- | --- |",
        "| error | `docs/notes/x.md:3` | the quote “a \\| &lt;b&gt;b&lt;/b&gt;” is not there | fix it |",
        "| warning | `docs/notes/n01.md:1` | the quote is not in the reading text "
        "| copy the closest passage |",
    ]


def test_nothing_is_emitted_outside_github_actions(capsys: pytest.CaptureFixture[str]) -> None:
    annotations_ci.emit([problem(1)], env={})
    annotations_ci.emit([problem(1)], env={"GITHUB_ACTIONS": "false"})
    assert capsys.readouterr() == ("", "")


def test_make_check_annotates_under_github_actions(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    note = project / "docs" / "notes" / "eleven-lights.md"
    note.write_text(
        note.read_text(encoding="utf-8").replace("verdict: supported", "verdict: sorta"),
        encoding="utf-8",
    )
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "check"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=docs/notes/eleven-lights.md,line=6::a fact-check needs a verdict; add "
        "'verdict:' with one of: supported, partly supported, misleading, wrong as stated, "
        "unsupported, disputed, opinion",
        "::error file=docs/notes/eleven-lights.md,line=7::unknown verdict 'sorta'; use one of: "
        "supported, partly supported, misleading, wrong as stated, unsupported, disputed, opinion",
    ]
    assert "docs/notes/eleven-lights.md:7: unknown verdict" in result.stderr  # as before
    assert summary.read_text(encoding="utf-8").startswith("### The edition's data: 2 problems\n")
