"""Stage 1, load: read the seed and the data files, keeping line numbers for every field.

Nothing here judges the data beyond "can it be read at all"; the validate stage
does the rest. Each loader returns what it could read plus the problems it met.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Seed
from .problems import Problem

SEED_PATH = "seeds/essay.txt"
CHECKSUM_PATH = "seeds/essay.txt.sha256"
LINES_PATH = "seeds/essay.lines.sha256"


@dataclass(frozen=True)
class Field:
    """A value read from YAML and the (1-based) line it was found on."""

    value: object
    line: int


@dataclass(frozen=True)
class Record:
    """One YAML mapping: a list item in a data file, or the front matter of a page."""

    path: str
    line: int
    fields: Mapping[str, Field]
    body: str = ""
    body_line: int = 0


def _construct(node: yaml.Node) -> object:
    return yaml.SafeLoader("").construct_document(node)


def _yaml_problem(path: str, error: yaml.YAMLError, line_offset: int) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = (mark.line + 1 + line_offset) if mark is not None else 1 + line_offset
    what = getattr(error, "problem", None) or "this is not valid YAML"
    return Problem(
        path,
        line,
        f"the YAML cannot be read ({what})",
        "check the indentation (spaces only, the same depth for every field of an entry) "
        'and put text that contains ": " or starts with a quote inside double quotes',
    )


def _mapping_record(
    path: str, node: yaml.MappingNode, line_offset: int, problems: list[Problem]
) -> Record:
    fields: dict[str, Field] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1 + line_offset
        key = str(key_node.value)
        if key in fields:
            problems.append(
                Problem(path, line, f"the field '{key}' is given twice", "keep only one of them")
            )
            continue
        value = (
            _mapping_record(path, value_node, line_offset, problems)
            if isinstance(value_node, yaml.MappingNode)
            else _construct(value_node)
        )
        fields[key] = Field(value, line)
    return Record(path, node.start_mark.line + 1 + line_offset, fields)


def parse_record_list(path: str, text: str) -> tuple[list[Record], list[Problem]]:
    """Read a YAML file whose top level is a list of mappings (corrections, sections, sources)."""
    problems: list[Problem] = []
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return [], [_yaml_problem(path, error, 0)]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [
            Problem(
                path,
                root.start_mark.line + 1,
                "the file should be a list of entries",
                "start each entry with '- ' at the left margin",
            )
        ]
    records = []
    for item in root.value:
        if isinstance(item, yaml.MappingNode):
            records.append(_mapping_record(path, item, 0, problems))
        else:
            problems.append(
                Problem(
                    path,
                    item.start_mark.line + 1,
                    "this entry is not a set of 'field: value' lines",
                    "write each field of the entry as 'name: value', indented under the '- '",
                )
            )
    return records, problems


def parse_front_matter(path: str, text: str) -> tuple[Record | None, list[Problem]]:
    """Split a page into its YAML front matter and Markdown body."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [
            Problem(
                path,
                1,
                "the file has no front matter",
                "start the file with a line '---', then the fields, then another '---' line",
            )
        ]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return None, [
            Problem(
                path,
                1,
                "the front matter is never closed",
                "add a line '---' after the last field",
            )
        ]
    yaml_text = "\n".join(lines[1:end])
    try:
        root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return None, [_yaml_problem(path, error, 1)]
    if not isinstance(root, yaml.MappingNode):
        return None, [
            Problem(
                path,
                2,
                "the front matter is not a set of fields",
                "write one 'name: value' per line",
            )
        ]
    problems: list[Problem] = []
    record = _mapping_record(path, root, 1, problems)
    body = "\n".join(lines[end + 1 :]).strip("\n")
    first_body_line = end + 2
    while first_body_line <= len(lines) and not lines[first_body_line - 1].strip():
        first_body_line += 1
    return (
        Record(path, 1, record.fields, body=body, body_line=first_body_line),
        problems,
    )


def line_digests(text: str) -> list[str]:
    """SHA-256 of each line, so that a changed seed can be reported line by line."""
    return [hashlib.sha256(line.encode("utf-8")).hexdigest() for line in text.split("\n")]


def seed_manifest(text: str) -> tuple[str, str]:
    """The contents of the two checksum files for a seed text: whole file, then per line."""
    whole = hashlib.sha256(text.encode("utf-8")).hexdigest()
    per_line = "".join(f"{n} {d}\n" for n, d in enumerate(line_digests(text), start=1))
    return f"{whole}  essay.txt\n", per_line


def load_seed(root: Path) -> tuple[Seed | None, list[Problem]]:
    """Read the verbatim essay and check it against its recorded SHA-256, line by line."""
    raw = (root / SEED_PATH).read_bytes()
    expected = (root / CHECKSUM_PATH).read_text(encoding="utf-8").split()[0]
    if hashlib.sha256(raw).hexdigest() == expected:
        return Seed(raw.decode("utf-8")), []
    fix = (
        "the seed is the author's text byte for byte: restore it with "
        f"'git checkout {SEED_PATH}' and record a slip in docs/edition/corrections.yml "
        "instead; to accept a new revision of the source, run 'make accept-seed' and "
        "commit the checksum files with it"
    )
    text = raw.decode("utf-8", errors="replace")
    recorded = [
        line.split()[1]
        for line in (root / LINES_PATH).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    actual = line_digests(text)
    problems = [
        Problem(SEED_PATH, n, f"line {n} differs from the recorded revision of the essay", fix)
        for n, (old, new) in enumerate(zip(recorded, actual, strict=False), start=1)
        if old != new
    ]
    if len(actual) != len(recorded):
        problems.append(
            Problem(
                SEED_PATH,
                min(len(actual), len(recorded)),
                f"the essay has {len(actual)} lines; the recorded revision has {len(recorded)}",
                fix,
            )
        )
    if not problems:  # same lines, different bytes: an encoding or line-ending change
        problems.append(
            Problem(SEED_PATH, 1, "the essay's bytes differ from the recorded revision", fix)
        )
    return None, problems


def read_text(root: Path, relative: str) -> str:
    return (root / relative).read_text(encoding="utf-8")
