"""A way in without Git: issue forms whose answers become the file of a pull request.

The conversion is a pure function of the issue's text; these tests feed it bodies as GitHub
writes them, good, bad and hostile, and check that a good one gives a file that the
edition's own pipeline accepts unchanged.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.commands import issue_forms
from scripts.commands.issue_forms import FormProblem, Repository, form_to_file
from scripts.ingest.pipeline import build_edition
from scripts.model import NOTE_KINDS, SOURCE_TYPES, VERDICTS

from ..conftest import copy_project

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"


def body(**answers: str) -> str:
    """An issue body as GitHub writes a submitted form: one ### heading per field."""
    return "\n\n".join(
        f"### {label}\n\n{value or '_No response_'}" for label, value in answers.items()
    )


def note_body(**changes: str) -> str:
    labels = {f.id: f.label for f in issue_forms.NOTE.fields}
    answers = {
        "exact": "wound the clockwork that turned the lens",
        "prefix": "",
        "title": "The lens turned by clockwork, wound by hand",
        "kind": "fact-check",
        "verdict": "supported",
        "sources": "harbour_board_1902",
        "body": "The survey describes the clockwork and its winding [@harbour_board_1902].",
        "evidence": "harbour_board_1902 | p. 4 | the clockwork is wound by hand",
        **changes,
    }
    return body(**{labels[k]: v for k, v in answers.items()})


def slip_body(**changes: str) -> str:
    labels = {f.id: f.label for f in issue_forms.SLIP.fields}
    answers = {"paragraph": "3", "original": "recieved", "corrected": "received",
               "reason": "spelling", "prefix": "", **changes}  # fmt: skip
    return body(**{labels[k]: v for k, v in answers.items()})


def source_body(**changes: str) -> str:
    labels = {f.id: f.label for f in issue_forms.SOURCE.fields}
    answers = {
        "key": "keepers_log_1961", "short": "Keepers' log 1961", "type": "source",
        "authors": "Harbour Board\nKeepers of the north cape", "title": "Log of the north cape light",
        "venue": "", "year": "1961", "doi": "", "url": "https://example.org/sources/log",
        "accessed": "2026-01-10", "archive": "",
        "how_confirmed": "invented for the tool's tests", **changes,
    }  # fmt: skip
    return body(**{labels[k]: v for k, v in answers.items()})


def load_template(form: issue_forms.Form) -> dict[str, Any]:
    data = yaml.safe_load((TEMPLATES / form.file).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("form", issue_forms.FORMS.values(), ids=lambda f: f.kind)
def test_each_issue_form_asks_what_the_conversion_reads(form: issue_forms.Form) -> None:
    template = load_template(form)
    assert template["labels"] == [form.kind]
    fields = [item for item in template["body"] if item["type"] != "markdown"]
    assert [(f["id"], f["attributes"]["label"], f["validations"]["required"]) for f in fields] == [
        (f.id, f.label, f.required) for f in form.fields
    ]


def test_the_forms_offer_exactly_the_schemas_choices() -> None:
    def options(form: issue_forms.Form, field: str) -> list[str]:
        (found,) = [f for f in load_template(form)["body"] if f.get("id") == field]
        return list(found["attributes"]["options"])

    assert options(issue_forms.NOTE, "kind") == list(NOTE_KINDS)
    assert options(issue_forms.NOTE, "verdict") == [issue_forms.NOT_RATED, *VERDICTS]
    assert options(issue_forms.SOURCE, "type") == list(SOURCE_TYPES)
    assert options(issue_forms.SLIP, "reason") == list(issue_forms.SLIP_REASONS)


def test_a_form_body_is_read_back_by_label() -> None:
    text = "### First\r\n\r\nline one\r\nline two\r\n\r\n### Second\r\n\r\n_No response_\r\n"
    assert issue_forms.parse_form(text) == {"First": "line one\nline two", "Second": ""}


def test_a_proposed_note_passes_the_pipeline_unchanged(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    proposed, problems = form_to_file("note proposal", note_body(), Repository())
    assert problems == []
    assert proposed is not None
    assert proposed.path == "docs/notes/the-lens-turned-by-clockwork-wound.md"
    assert proposed.text == (
        "---\n"
        "id: the-lens-turned-by-clockwork-wound\n"
        'title: "The lens turned by clockwork, wound by hand"\n'
        "target:\n"
        '  exact: "wound the clockwork that turned the lens"\n'
        "kind: fact-check\n"
        "verdict: supported\n"
        "sources: [harbour_board_1902]\n"
        "evidence:\n"
        "  - source: harbour_board_1902\n"
        '    at: "p. 4"\n'
        '    quote: "the clockwork is wound by hand"\n'
        "---\n"
        "The survey describes the clockwork and its winding [@harbour_board_1902].\n"
    )
    (project / proposed.path).write_text(proposed.text, encoding="utf-8")
    edition = build_edition(project)
    assert "the-lens-turned-by-clockwork-wound" in {n.id for n in edition.notes}


def test_a_reported_slip_and_a_new_source_pass_the_pipeline(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    corrections = project / "docs/edition/corrections.yml"
    entries = yaml.safe_load(corrections.read_text(encoding="utf-8"))
    kept = [e for e in entries if e["id"] != "received"]
    corrections.write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    sources = project / "docs/edition/sources.yml"
    repository = Repository(
        correction_ids=frozenset(e["id"] for e in kept),
        corrections=corrections.read_text(encoding="utf-8"),
        sources=sources.read_text(encoding="utf-8"),
    )
    slip, problems = form_to_file("slip", slip_body(), repository)
    assert problems == [] and slip is not None
    assert slip.text.endswith(
        '- id: received-p3\n  paragraph: 3\n  original: "recieved"\n  corrected: "received"\n'
        '  reason: "spelling"\n'
    )
    source, problems = form_to_file("source", source_body(), repository)
    assert problems == [] and source is not None
    assert yaml.safe_load(source.text)[-1] == {
        "key": "keepers_log_1961", "short": "Keepers' log 1961", "type": "source",
        "authors": ["Harbour Board", "Keepers of the north cape"],
        "title": "Log of the north cape light", "year": 1961,
        "url": "https://example.org/sources/log", "accessed": "2026-01-10", "archive": "none",
        "archive_reason": "No archived copy was given with the proposal.",
        "how_confirmed": "invented for the tool's tests",
    }  # fmt: skip
    for proposed in (slip, source):
        (project / proposed.path).write_text(proposed.text, encoding="utf-8")
    edition = build_edition(project)
    assert "received-p3" in {c.id for c in edition.corrections}
    assert "keepers_log_1961" in {s.key for s in edition.sources}


def test_an_empty_list_file_takes_its_first_entry() -> None:
    proposed, _ = form_to_file("source", source_body(), Repository(sources="# header\n[]\n"))
    assert proposed is not None
    assert proposed.text.startswith("# header\n- key: keepers_log_1961\n")


NOTE_LABELS = {f.id: f.label for f in issue_forms.NOTE.fields}
SLIP_LABELS = {f.id: f.label for f in issue_forms.SLIP.fields}
SOURCE_LABELS = {f.id: f.label for f in issue_forms.SOURCE.fields}


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("note proposal", note_body(title=""), [
            FormProblem(NOTE_LABELS["title"], "this field is empty", "fill it in")]),
        ("note proposal", note_body(verdict=issue_forms.NOT_RATED), [
            FormProblem(NOTE_LABELS["verdict"], "a fact-check needs a verdict", "pick one")]),
        ("note proposal", note_body(kind="context"), [
            FormProblem(NOTE_LABELS["verdict"], "a context note has no verdict",
                        f"choose “{issue_forms.NOT_RATED}”, or make the note a fact-check")]),
        ("note proposal", note_body(kind="rumour", verdict=issue_forms.NOT_RATED), [
            FormProblem(NOTE_LABELS["kind"], "“rumour” is not one of the choices",
                        "pick one from the list")]),
        ("note proposal", note_body(sources="Harbour Board 1902", evidence=""), [
            FormProblem(NOTE_LABELS["sources"], "“Harbour” is not a source key",
                        "give keys from the Sources page, e.g. shumailov2024, separated by commas")]),
        ("note proposal", note_body(exact="two\nlines"), [
            FormProblem(NOTE_LABELS["exact"], "this field takes one line", "join the lines")]),
        ("note proposal", "no headings at all", [
            FormProblem(f.label, "this field is not in the issue", "use the issue form")
            for f in sorted(issue_forms.NOTE.fields, key=lambda f: f.label)]),
        ("slip", slip_body(paragraph="third"), [
            FormProblem(SLIP_LABELS["paragraph"], "“third” is not a number",
                        "give the paragraph's number, e.g. 12 for #p12")]),
        ("slip", slip_body(corrected="recieved"), [
            FormProblem(SLIP_LABELS["corrected"], "the correction is the same as the original",
                        "write the words as they should read")]),
        ("source", source_body(key="Keepers Log", year="61", url="example.org"), [
            FormProblem(SOURCE_LABELS["url"], "“example.org” is not valid",
                        "give the address, starting https://"),
            FormProblem(SOURCE_LABELS["key"], "“Keepers Log” is not valid",
                        "use lower case letters, digits and _, e.g. shumailov2024"),
            FormProblem(SOURCE_LABELS["year"], "“61” is not valid", "write the year in four digits")]),
        ("dispute", note_body(), [
            FormProblem("label", "no form is labelled “dispute”",
                        "label the issue with one of: slip, note proposal, source")]),
    ],
)  # fmt: skip
def test_bad_bodies_are_refused_with_what_to_fix(
    kind: str, text: str, expected: list[FormProblem]
) -> None:
    assert form_to_file(kind, text, Repository()) == (None, sorted(expected))


def test_a_taken_id_or_key_is_not_reused() -> None:
    proposed, _ = form_to_file(
        "note proposal",
        note_body(),
        Repository(note_ids=frozenset({"the-lens-turned-by-clockwork-wound"})),
    )
    assert proposed is not None and proposed.path.endswith(
        "/the-lens-turned-by-clockwork-wound-2.md"
    )
    _, problems = form_to_file(
        "source", source_body(), Repository(source_keys=frozenset({"keepers_log_1961"}))
    )
    assert problems == [
        FormProblem(
            SOURCE_LABELS["key"], "the key “keepers_log_1961” is already used", "choose another key"
        )
    ]


def test_hostile_answers_stay_strings() -> None:
    """YAML, front-matter fences and Unicode line separators in an answer are text only."""
    title = 'Fine"\nverdict: supported\n---\u2028x'
    sneaky = note_body(
        kind="context", verdict=issue_forms.NOT_RATED, title=title.replace("\n", " ")
    )
    proposed, problems = form_to_file("note proposal", sneaky, Repository())
    assert problems == [] and proposed is not None
    front = yaml.safe_load(proposed.text.split("---\n")[1])
    assert front["title"] == title.replace("\n", " ")
    assert "verdict" not in front
    assert issue_forms.yaml_string("a\u2028b\x85") == '"a\\u2028b\\x85"'


def test_the_reply_quotes_the_check_and_drops_workflow_commands() -> None:
    check = "::error file=x,line=1::m\ndocs/notes/x.md:3: a problem ``` here; fix it\n"
    text = issue_forms.reply(issue_forms.ProposedFile("docs/notes/x.md", ""), [], check, False)
    assert text == (
        "Thank you. A pull request proposes `docs/notes/x.md`; it needs changes before it "
        "passes the checks.\n\nThe check says:\n\n```text\n"
        "docs/notes/x.md:3: a problem ''' here; fix it\n```\n"
    )
    refused = issue_forms.reply(
        None, [FormProblem("Title", "this field is empty", "fill <it> in")], "", False
    )
    assert "- “Title”: this field is empty; fill \\<it\\> in" in refused


def test_the_workflow_adapter_writes_the_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (tmp_path / "body.md").write_text(note_body(), encoding="utf-8")
    labels = json.dumps(["note proposal", "to pull request"])
    run = subprocess.run(
        [sys.executable, "-m", "scripts.commands.issue_forms", "propose", labels,
         str(tmp_path / "body.md"), str(tmp_path / "reply.md")],
        cwd=project, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout == "docs/notes/the-lens-turned-by-clockwork-wound.md\n"
    assert (project / run.stdout.strip()).exists()
    (tmp_path / "bad.md").write_text(note_body(title=""), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "scripts.commands.issue_forms", "propose", labels,
         str(tmp_path / "bad.md"), str(tmp_path / "reply.md")],
        cwd=project, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 1
    assert "this field is empty" in (tmp_path / "reply.md").read_text(encoding="utf-8")
