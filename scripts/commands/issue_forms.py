"""A way in without Git: an issue form's body -> the data file it proposes.

The issue forms in ``.github/ISSUE_TEMPLATE`` ("report a slip", "propose a note", "add a
source") ask for the fields of the data files' schemas. GitHub writes a submitted form as
Markdown, one ``### Label`` heading per field; ``parse_form`` reads that back and
``form_to_file`` writes the file a pull request would add or change, or says what is
missing. Both are pure: the body is untrusted text, handled only as data (every value is
written as a quoted YAML string, never as YAML or Markdown structure of its own), and
``make check`` then reviews the result like any contributor's file.

``python -m scripts.commands.issue_forms KIND BODY_FILE ISSUE_NUMBER`` is the workflow's adapter: it
writes the file into the working tree and prints its path.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from scripts.model import NOTE_KINDS, SOURCE_TYPES, VERDICTS

NO_RESPONSE = "_No response_"
NOT_RATED = "not rated (not a fact-check)"
MAX_ID_WORDS = 6
_HEADING = re.compile(r"^### (?P<label>.+?)\s*$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEY = re.compile(r"^[a-z0-9_]+$")
_WEB = re.compile(r"^https?://[^\s/?#]+\.\S*$")
_DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")


@dataclass(frozen=True)
class Field:
    id: str  # the form's field id
    label: str  # the heading GitHub writes above its value
    required: bool = True


@dataclass(frozen=True)
class Form:
    kind: str  # the label the form puts on its issue
    file: str  # the template's file name in .github/ISSUE_TEMPLATE
    fields: tuple[Field, ...]


SLIP = Form(
    "slip",
    "report-a-slip.yml",
    (
        Field("paragraph", "Paragraph number"),
        Field("original", "The words as the essay has them"),
        Field("corrected", "The words corrected", required=False),
        Field("reason", "What kind of slip"),
        Field("prefix", "Words just before (if the words occur more than once)", required=False),
    ),
)
NOTE = Form(
    "note proposal",
    "propose-a-note.yml",
    (
        Field("exact", "The words of the essay the note is about"),
        Field("prefix", "Words just before (if the words occur more than once)", required=False),
        Field("title", "The finding in one line"),
        Field("kind", "Kind of note"),
        Field("verdict", "Verdict"),
        Field("sources", "Source keys", required=False),
        Field("body", "The note"),
        Field("evidence", "The sources' own words", required=False),
    ),
)
SOURCE = Form(
    "source",
    "add-a-source.yml",
    (
        Field("key", "Key"),
        Field("short", "Label readers see"),
        Field("type", "Type"),
        Field("authors", "Authors (one a line)", required=False),
        Field("title", "Title"),
        Field("venue", "Where it appeared", required=False),
        Field("year", "Year", required=False),
        Field("doi", "DOI", required=False),
        Field("url", "Web address"),
        Field("accessed", "The day you read it"),
        Field("archive", "An archived copy", required=False),
        Field("how_confirmed", "What you read"),
    ),
)
FORMS = {form.kind: form for form in (SLIP, NOTE, SOURCE)}
SLIP_REASONS = (
    "spelling",
    "doubled word",
    "missing word",
    "wrong word",
    "missing full stop",
    "wrong verb form",
)


@dataclass(frozen=True, order=True)
class FormProblem:
    """What is wrong with one field of the form, and what to do."""

    label: str
    message: str
    fix: str

    def __str__(self) -> str:
        return f"“{self.label}”: {self.message}; {self.fix}"


@dataclass(frozen=True)
class ProposedFile:
    """The file the pull request writes: a new file, or the whole new text of a data file."""

    path: str
    text: str


def parse_form(body: str) -> dict[str, str]:
    """The form's answers by label; an unanswered field ("_No response_") is ""."""
    answers: dict[str, list[str]] = {}
    label = None
    for line in body.replace("\r\n", "\n").split("\n"):
        heading = _HEADING.match(line)
        if heading:
            label = heading["label"]
            answers[label] = []
        elif label is not None:
            answers[label].append(line)
    values = {label: "\n".join(lines).strip() for label, lines in answers.items()}
    return {label: "" if value == NO_RESPONSE else value for label, value in values.items()}


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar holding exactly ``value`` (JSON strings are YAML)."""
    text = json.dumps(value, ensure_ascii=False)
    # Line and paragraph separators would end a YAML line; write them as escapes.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85")


def slug(text: str, words: int = MAX_ID_WORDS) -> str:
    """An id from words: lower case ASCII letters and digits, joined by hyphens."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain)[:words])


def unique(base: str, taken: frozenset[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _answers(form: Form, body: str) -> tuple[dict[str, str], list[FormProblem]]:
    """The answers by field id, with a problem for each required field left empty."""
    by_label = parse_form(body)
    answers, problems = {}, []
    for field in form.fields:
        value = by_label.get(field.label)
        if value is None:
            problems.append(
                FormProblem(field.label, "this field is not in the issue", "use the issue form")
            )
            value = ""
        elif not value and field.required:
            problems.append(FormProblem(field.label, "this field is empty", "fill it in"))
        answers[field.id] = value
    return answers, problems


def _one_line(form: Form, answers: Mapping[str, str], *ids: str) -> list[FormProblem]:
    labels = {f.id: f.label for f in form.fields}
    return [
        FormProblem(labels[i], "this field takes one line", "join the lines")
        for i in ids
        if "\n" in answers[i]
    ]


def _choice(label: str, value: str, allowed: tuple[str, ...]) -> list[FormProblem]:
    if value and value not in allowed:
        return [
            FormProblem(label, f"“{value}” is not one of the choices", "pick one from the list")
        ]
    return []


def _append(current: str, entry: list[str]) -> str:
    """A YAML list file with one more entry; an empty list (``[]``) is replaced."""
    kept = current.rstrip("\n")
    if kept.splitlines() and kept.splitlines()[-1].strip() == "[]":
        kept = "\n".join(kept.splitlines()[:-1])
    return (kept + "\n" if kept else "") + "\n".join(entry) + "\n"


def slip_file(
    body: str, current: str, taken: frozenset[str]
) -> tuple[ProposedFile | None, list[FormProblem]]:
    answers, problems = _answers(SLIP, body)
    problems += _one_line(SLIP, answers, "paragraph", "original", "corrected", "reason", "prefix")
    paragraph = answers["paragraph"].removeprefix("#").removeprefix("p")
    if answers["paragraph"] and not paragraph.isdigit():
        problems.append(
            FormProblem(SLIP.fields[0].label, f"“{answers['paragraph']}” is not a number",
                        "give the paragraph's number, e.g. 12 for #p12")
        )  # fmt: skip
    problems += _choice(SLIP.fields[3].label, answers["reason"], SLIP_REASONS)
    if answers["original"] and answers["original"] == answers["corrected"]:
        problems.append(
            FormProblem(SLIP.fields[2].label, "the correction is the same as the original",
                        "write the words as they should read")
        )  # fmt: skip
    if problems:
        return None, sorted(problems)
    entry_id = unique(
        slug(answers["corrected"] or answers["original"], 3) + f"-p{int(paragraph)}", taken
    )
    entry = [
        f"- id: {entry_id}",
        f"  paragraph: {int(paragraph)}",
        f"  original: {yaml_string(answers['original'])}",
        f"  corrected: {yaml_string(answers['corrected'])}",
        f"  reason: {yaml_string(answers['reason'])}",
    ]
    if answers["prefix"]:
        entry.append(f"  prefix: {yaml_string(answers['prefix'])}")
    return ProposedFile("docs/edition/corrections.yml", _append(current, entry)), []


def note_file(body: str, taken: frozenset[str]) -> tuple[ProposedFile | None, list[FormProblem]]:
    answers, problems = _answers(NOTE, body)
    problems += _one_line(NOTE, answers, "exact", "prefix", "title", "kind", "verdict", "sources")
    labels = {f.id: f.label for f in NOTE.fields}
    problems += _choice(labels["kind"], answers["kind"], NOTE_KINDS)
    problems += _choice(labels["verdict"], answers["verdict"], (*VERDICTS, NOT_RATED))
    rated = answers["verdict"] not in ("", NOT_RATED)
    if answers["kind"] == "fact-check" and not rated:
        problems.append(FormProblem(labels["verdict"], "a fact-check needs a verdict", "pick one"))
    if answers["kind"] and answers["kind"] != "fact-check" and rated:
        problems.append(
            FormProblem(labels["verdict"], f"a {answers['kind']} note has no verdict",
                        f"choose “{NOT_RATED}”, or make the note a fact-check")
        )  # fmt: skip
    keys = [k for k in re.split(r"[\s,;]+", answers["sources"]) if k]
    bad = [k for k in keys if not _KEY.match(k)]
    if bad:
        problems.append(
            FormProblem(labels["sources"], f"“{bad[0]}” is not a source key",
                        "give keys from the Sources page, e.g. shumailov2024, separated by commas")
        )  # fmt: skip
    evidence: list[tuple[str, str, str]] = []
    for line in filter(None, (raw.strip() for raw in answers["evidence"].splitlines())):
        parts = [part.strip() for part in line.split("|", 2)]
        if len(parts) != 3 or not all(parts) or parts[0] not in keys:
            problems.append(
                FormProblem(labels["evidence"], f"“{line}” is not 'key | where | words'",
                            "one line a passage: a source key given above, where the words "
                            "are (a page, a section), and the words exactly, separated by |")
            )  # fmt: skip
            continue
        evidence.append((parts[0], parts[1], parts[2]))
    note_id = unique(slug(answers["title"]), taken)
    if answers["title"] and not note_id:
        problems.append(
            FormProblem(labels["title"], "the title has no letters or digits", "write the finding")
        )
    if problems:
        return None, sorted(problems)
    front = [
        "---",
        f"id: {note_id}",
        f"title: {yaml_string(answers['title'])}",
        "target:",
        f"  exact: {yaml_string(answers['exact'])}",
        *([f"  prefix: {yaml_string(answers['prefix'])}"] if answers["prefix"] else []),
        f"kind: {answers['kind']}",
        *([f"verdict: {answers['verdict']}"] if rated else []),
        f"sources: [{', '.join(keys)}]",
        *(["evidence:"] if evidence else []),
        *(
            line
            for key, where, words in evidence
            for line in (
                f"  - source: {key}",
                f"    at: {yaml_string(where)}",
                f"    quote: {yaml_string(words)}",
            )
        ),
        "---",
    ]
    text = "\n".join(front) + "\n" + answers["body"].strip() + "\n"
    return ProposedFile(f"docs/notes/{note_id}.md", text), []


def source_file(
    body: str, current: str, taken: frozenset[str]
) -> tuple[ProposedFile | None, list[FormProblem]]:
    answers, problems = _answers(SOURCE, body)
    single = (
        "key", "short", "type", "title", "venue", "year", "doi", "url", "accessed", "archive",
        "how_confirmed",
    )  # fmt: skip
    problems += _one_line(SOURCE, answers, *single)
    labels = {f.id: f.label for f in SOURCE.fields}
    checks = (
        ("key", _KEY, "use lower case letters, digits and _, e.g. shumailov2024"),
        ("year", re.compile(r"^[0-9]{4}$"), "write the year in four digits"),
        ("doi", _DOI, "write the DOI as 10.xxxx/..., without https://doi.org/"),
        ("url", _WEB, "give the address, starting https://"),
        ("accessed", re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), "write the day as 2026-12-07"),
        ("archive", _WEB, "give the archived copy's address, starting https://, or leave it empty"),
    )
    for name, pattern, fix in checks:
        if answers[name] and not pattern.match(answers[name]):
            problems.append(FormProblem(labels[name], f"“{answers[name]}” is not valid", fix))
    if answers["key"] in taken:
        problems.append(
            FormProblem(labels["key"], f"the key “{answers['key']}” is already used",
                        "choose another key")
        )  # fmt: skip
    problems += _choice(labels["type"], answers["type"], SOURCE_TYPES)
    if problems:
        return None, sorted(problems)
    authors = [a.strip() for a in answers["authors"].splitlines() if a.strip()]
    entry = [
        f"- key: {answers['key']}",
        f"  short: {yaml_string(answers['short'])}",
        f"  type: {answers['type']}",
        *([f"  authors: [{', '.join(yaml_string(a) for a in authors)}]"] if authors else []),
        f"  title: {yaml_string(answers['title'])}",
        *([f"  venue: {yaml_string(answers['venue'])}"] if answers["venue"] else []),
        *([f"  year: {answers['year']}"] if answers["year"] else []),
        *([f"  doi: {yaml_string(answers['doi'])}"] if answers["doi"] else []),
        f"  url: {yaml_string(answers['url'])}",
        f"  accessed: {yaml_string(answers['accessed'])}",
        *(
            [f"  archive: {yaml_string(answers['archive'])}"]
            if answers["archive"]
            else [
                "  archive: none",
                '  archive_reason: "No archived copy was given with the proposal."',
            ]
        ),
        f"  how_confirmed: {yaml_string(answers['how_confirmed'])}",
    ]
    return ProposedFile("docs/edition/sources.yml", _append(current, entry)), []


@dataclass(frozen=True)
class Repository:
    """What the conversion needs to know of the edition: ids taken, files to append to."""

    note_ids: frozenset[str] = frozenset()
    correction_ids: frozenset[str] = frozenset()
    source_keys: frozenset[str] = frozenset()
    corrections: str = ""  # the current text of docs/edition/corrections.yml
    sources: str = ""


def form_to_file(
    kind: str, body: str, repository: Repository
) -> tuple[ProposedFile | None, list[FormProblem]]:
    """The file a form proposes, or every problem with its answers."""
    if kind == SLIP.kind:
        return slip_file(body, repository.corrections, repository.correction_ids)
    if kind == NOTE.kind:
        return note_file(body, repository.note_ids)
    if kind == SOURCE.kind:
        return source_file(body, repository.sources, repository.source_keys)
    return None, [
        FormProblem(
            "label",
            f"no form is labelled “{kind}”",
            "label the issue with one of: " + ", ".join(FORMS),
        )
    ]


def reply(proposed: ProposedFile | None, problems: list[FormProblem], check: str, ok: bool) -> str:
    """The answer on the issue: the file proposed and the check's messages, or what to fix."""
    if proposed is None:
        return "\n".join(
            [
                "Thank you. The form could not be turned into a file yet:",
                "",
                *(f"- {_plain(str(p))}" for p in problems),
                "",
                "Edit the issue to fix these, and an editor will try again.",
                "",
            ]
        )
    verdict = "passes the edition's checks" if ok else "needs changes before it passes the checks"
    return "\n".join(
        [
            f"Thank you. A pull request proposes `{proposed.path}`; it {verdict}.",
            "",
            "The check says:",
            "",
            "```text",
            *(
                line.replace("```", "'''")
                for line in check.strip().splitlines()
                if not line.startswith("::")  # workflow commands, not messages
            ),
            "```",
            "",
        ]
    )


def _plain(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>|" else c for c in text)


# The adapter for the workflow.


def _taken(folder: Path) -> frozenset[str]:
    return frozenset(p.stem for p in folder.glob("*.md"))


def _ids(text: str, field: str) -> frozenset[str]:
    return frozenset(re.findall(rf"^-\s+{field}:\s*(\S+)\s*$", text, flags=re.MULTILINE))


def kind_of(labels: list[str]) -> str:
    """The form an issue came from, by its labels ("" when none of the forms')."""
    return next((label for label in labels if label in FORMS), "")


def main(argv: list[str]) -> int:
    """``propose LABELS_JSON BODY_FILE REPLY_FILE``: write the proposed file and print its
    path, or write what to fix to REPLY_FILE and fail. ``reply PATH_FILE CHECK_FILE STATUS
    REPLY_FILE``: the answer on the issue after ``make check``."""
    root = Path.cwd()
    if argv[:1] == ["reply"] and len(argv) == 5:
        _, path_file, check_file, status, reply_file = argv
        written = ProposedFile(Path(path_file).read_text(encoding="utf-8").strip(), "")
        check = Path(check_file).read_text(encoding="utf-8")
        Path(reply_file).write_text(reply(written, [], check, status == "0"), encoding="utf-8")
        return 0
    if argv[:1] != ["propose"] or len(argv) != 4:
        print(main.__doc__, file=sys.stderr)
        return 2
    _, labels_json, body_file, reply_file = argv
    labels = json.loads(labels_json)
    corrections = (root / "docs/edition/corrections.yml").read_text(encoding="utf-8")
    sources = (root / "docs/edition/sources.yml").read_text(encoding="utf-8")
    repository = Repository(
        note_ids=_taken(root / "docs/notes"),
        correction_ids=_ids(corrections, "id"),
        source_keys=_ids(sources, "key"),
        corrections=corrections,
        sources=sources,
    )
    body = Path(body_file).read_text(encoding="utf-8")
    proposed, problems = form_to_file(kind_of(labels), body, repository)
    if proposed is None:
        Path(reply_file).write_text(reply(None, problems, "", False), encoding="utf-8")
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    (root / proposed.path).write_text(proposed.text, encoding="utf-8")
    print(proposed.path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
