"""Adapter: problems as GitHub Actions workflow annotations, on the line of the diff they concern.

Under GitHub Actions (``GITHUB_ACTIONS=true``) ``make check`` and ``make build`` print, besides
their usual ``path:line: problem; fix`` lines, one ``::error file=...,line=...::...`` workflow
command per problem. GitHub shows at most 10 annotations of each level per step, so the first
10 are annotated and every problem is listed in the job summary (``$GITHUB_STEP_SUMMARY``).
Elsewhere nothing changes. The text is escaped as GitHub's runner unescapes it, so a quoted
passage can never end the command early or set a property of its own.
"""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from scripts.problems import Problem

MAX_ANNOTATIONS = 10  # GitHub's limit per step (per level); the summary lists the rest


def escape_data(text: str) -> str:
    """A command's message, as the runner unescapes it (``%``, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (``file=``, ``title=``): also ``:`` and ``,``, which end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, level: str = "error") -> str:
    """One workflow command: the problem at its file and line, with its fix."""
    properties = f"file={escape_property(problem.path)},line={max(problem.line, 1)}"
    return f"::{level} {properties}::{escape_data(f'{problem.message}; {problem.fix}')}"


def workflow_commands(
    problems: Sequence[Problem], warnings: Sequence[Problem] = (), limit: int = MAX_ANNOTATIONS
) -> list[str]:
    """The first ``limit`` problems as annotations (errors first), then a notice that
    the job summary lists the rest."""
    ranked = [("error", p) for p in sorted(problems)] + [("warning", w) for w in sorted(warnings)]
    commands = [annotation(problem, level) for level, problem in ranked[:limit]]
    left = len(ranked) - limit
    if left > 0:
        commands.append(
            f"::notice::{left} more problem{'s' if left != 1 else ''} are listed in the job summary"
        )
    return commands


def _cell(text: str) -> str:
    """Text for a Markdown table cell: no markup, no line break, no column break."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def step_summary(problems: Sequence[Problem], warnings: Sequence[Problem] = ()) -> str:
    """Every problem as a Markdown table for the job summary."""
    count = len(problems) + len(warnings)
    rows = [("error", p) for p in sorted(problems)] + [("warning", w) for w in sorted(warnings)]
    return "\n".join(
        [
            f"### The edition's data: {count} problem{'s' if count != 1 else ''}",
            "",
            "| | where | problem | how to fix it |",
            "| --- | --- | --- | --- |",
            *(
                f"| {level} | `{_cell(p.path)}:{p.line}` | {_cell(p.message)} | {_cell(p.fix)} |"
                for level, p in rows
            ),
            "",
        ]
    )


def emit(
    problems: Sequence[Problem] = (),
    warnings: Sequence[Problem] = (),
    env: Mapping[str, str] = os.environ,
) -> None:
    """Under GitHub Actions: annotate the first problems and list all in the job summary."""
    if env.get("GITHUB_ACTIONS") != "true" or not (problems or warnings):
        return
    for command in workflow_commands(problems, warnings):
        print(command)
    summary = env.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            with Path(summary).open("a", encoding="utf-8") as file:
                file.write(step_summary(problems, warnings))
        except OSError as error:
            print(f"{summary}: cannot write the job summary ({error.strerror})", file=sys.stderr)
