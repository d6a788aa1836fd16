"""Stage 1, load: read the seed and the data files, keeping line numbers for every field.

Nothing here judges the data beyond "can it be read at all"; the validate stage
does the rest. Each loader returns what it could read plus the problems it met.
"""

from __future__ import annotations

import hashlib
import subprocess
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.model import Seed
from scripts.problems import Problem

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


def _without_timestamps(loader: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """A safe loader that reads dates as text: the schemas check them, with a message,
    instead of a ValueError from a date such as 2026-02-30."""
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
        for first, entries in loader.yaml_implicit_resolvers.items()
    }
    return type(f"Plain{loader.__name__}", (loader,), {"yaml_implicit_resolvers": resolvers})


# libyaml reads fast; the pure-Python reader is used again on a file that fails, for its
# more precise messages (the ones YAML_IN_PLAIN_WORDS translates).
_SAFE_LOADER = _without_timestamps(yaml.SafeLoader)
_FAST_LOADER = _without_timestamps(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
# Bounds on what a data file may make the reader build: no file of the edition comes close.
MAX_DEPTH = 12
MAX_EVENTS = 200_000
MAX_BYTES = 2_000_000
YAML_FIX = "write plain 'name: value' lines, lists and text, as the other entries do"


class UnsafeYAMLError(Exception):
    """What the safe reader refuses before building anything: aliases, tags, deep nesting."""

    def __init__(self, line: int, problem: str, fix: str = YAML_FIX) -> None:
        super().__init__(problem)
        self.line, self.problem, self.fix = line, problem, fix


def _refuse_unsafe(text: str, loader: type[yaml.SafeLoader]) -> None:
    """Read the file's events first: anchors, aliases and explicit tags are refused by name
    (an alias bomb never expands), nesting and size are bounded."""
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=loader)):
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        if count > MAX_EVENTS:
            raise UnsafeYAMLError(line, f"the file has more than {MAX_EVENTS} values")
        if isinstance(event, yaml.AliasEvent):
            raise UnsafeYAMLError(
                line,
                f"the YAML alias '*{event.anchor}' repeats another value",
                "write the value out in full; aliases and anchors (& and *) are not used here",
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise UnsafeYAMLError(
                line,
                f"the YAML anchor '&{anchor}' names a value to repeat",
                "remove it; aliases and anchors (& and *) are not used here",
            )
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        explicit = tag is not None and (
            not any(implicit) if isinstance(implicit, tuple) else not implicit
        )
        if explicit and tag not in ("!", "tag:yaml.org,2002:str"):
            raise UnsafeYAMLError(
                line,
                f"the YAML tag '{str(tag).replace('tag:yaml.org,2002:', '!!')}' is not allowed",
                "remove it; values here are plain text, numbers and lists",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise UnsafeYAMLError(line, f"values are nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _compose(text: str) -> yaml.Node | None:
    try:
        _refuse_unsafe(text, _FAST_LOADER)
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        _refuse_unsafe(text, _SAFE_LOADER)
        return yaml.compose(text, Loader=_SAFE_LOADER)


def _construct(node: yaml.Node) -> object:
    return _SAFE_LOADER("").construct_document(node)


def safe_yaml(path: str, text: str, line_offset: int = 0) -> tuple[object, list[Problem]]:
    """Any YAML text read safely (as the data files are): its value, or one problem."""
    try:
        root = _compose(text)
    except UnsafeYAMLError as error:
        return None, [Problem(path, error.line + line_offset, error.problem, error.fix)]
    except yaml.YAMLError as error:
        return None, [_yaml_problem(path, error, line_offset, text)]
    try:
        return (None if root is None else _construct(root)), []
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        line = root.start_mark.line + 1 + line_offset if root is not None else 1
        return None, [Problem(path, line, f"the YAML cannot be read ({error})", YAML_FIX)]


# PyYAML's words for what went wrong, and what they mean to someone editing the file.
YAML_IN_PLAIN_WORDS = (
    (
        "mapping values are not allowed here",
        "this line has a second ': ', or is indented deeper than the line above it",
    ),
    (
        "expected <block end>, but found",
        "this line is indented differently from the lines above it",
    ),
    ("could not find expected ':'", "a line that is neither 'name: value' nor part of a value"),
    ("found character '\\t' that cannot start any token", "a tab character"),
    ("found character", "a character that cannot start a value"),
    ("found unexpected end of stream", "the file ends inside a value"),
    ("found undefined alias", "a value starting with '*'"),
    ("expected alphabetic or numeric character", "a value starting with '&' or '*'"),
    ("did not find expected key", "a line that is indented differently from the fields around it"),
    ("did not find expected '-' indicator", "a list entry indented differently from the others"),
    ("expected ',' or ']'", "a list in [ ] that is not closed or is missing a comma"),
    ("expected ',' or '}'", "a set of fields in { } that is not closed or is missing a comma"),
    ("found duplicate anchor", "a value starting with '&'"),
)
QUOTE_CONTEXTS = ("while scanning a quoted scalar", "while scanning a double-quoted scalar")


def _open_quote_line(text: str) -> int | None:
    """The line of a quoted value that runs on over several lines, read before the error:
    almost always a closing quote left out (YAML then reads on to the next quote)."""
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.start_mark.line != token.end_mark.line
            ):
                return int(token.start_mark.line)
    except yaml.YAMLError:
        pass
    return None


def _yaml_problem(path: str, error: yaml.YAMLError, line_offset: int, text: str) -> Problem:
    """The YAML error in plain words, at the line where the contributor has to look."""
    problem = str(getattr(error, "problem", None) or "")
    context = str(getattr(error, "context", None) or "")
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    fix = (
        "check the indentation (spaces only, the same depth for every field of an entry) "
        'and put text that contains ": " or starts with a quote inside double quotes'
    )
    quote_line = (
        context_mark.line
        if context in QUOTE_CONTEXTS and context_mark is not None
        else _open_quote_line(text)
    )
    if quote_line is not None:
        # PyYAML notices an unclosed quote only further on; the quote opened here.
        return Problem(
            path,
            quote_line + 1 + line_offset,
            "the YAML cannot be read: a quote opened on this line is never closed",
            'close it on the same line; write a quote inside the text as \\" (in "...") or '
            "as '' (in '...')",
        )
    mark = problem_mark or context_mark
    line = (mark.line + 1 + line_offset) if mark is not None else 1 + line_offset
    plain = next((words for jargon, words in YAML_IN_PLAIN_WORDS if problem.startswith(jargon)), "")
    if plain == "a tab character":
        fix = "indent with spaces only: replace the tab with spaces"
    what = plain or problem or "this is not valid YAML"
    return Problem(path, line, f"the YAML cannot be read: {what}", fix)


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
        value: object
        if isinstance(value_node, yaml.MappingNode):
            value = _mapping_record(path, value_node, line_offset, problems)
        elif isinstance(value_node, yaml.SequenceNode) and any(
            isinstance(item, yaml.MappingNode) for item in value_node.value
        ):  # a list of entries (evidence, revisions): each keeps its line for messages
            value = [
                _mapping_record(path, item, line_offset, problems)
                if isinstance(item, yaml.MappingNode)
                else _construct(item)
                for item in value_node.value
            ]
        else:
            value = _construct(value_node)
        fields[key] = Field(value, line)
    return Record(path, node.start_mark.line + 1 + line_offset, fields)


def parse_record_list(path: str, text: str) -> tuple[list[Record], list[Problem]]:
    """Read a YAML file whose top level is a list of mappings (corrections, sections, sources)."""
    problems: list[Problem] = []
    try:
        root = _compose(text)
    except UnsafeYAMLError as error:
        return [], [Problem(path, error.line, error.problem, error.fix)]
    except yaml.YAMLError as error:
        return [], [_yaml_problem(path, error, 0, text)]
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


def parse_mapping(path: str, text: str) -> tuple[Record | None, list[Problem]]:
    """Read a YAML file whose top level is one set of fields (the edition's metadata)."""
    try:
        root = _compose(text)
    except UnsafeYAMLError as error:
        return None, [Problem(path, error.line, error.problem, error.fix)]
    except yaml.YAMLError as error:
        return None, [_yaml_problem(path, error, 0, text)]
    if not isinstance(root, yaml.MappingNode):
        line = 1 if root is None else root.start_mark.line + 1
        return None, [
            Problem(
                path, line, "the file is not a set of fields", "write one 'name: value' per line"
            )
        ]
    problems: list[Problem] = []
    return _mapping_record(path, root, 0, problems), problems


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
        root = _compose(yaml_text)
    except UnsafeYAMLError as error:
        return None, [Problem(path, error.line + 1, error.problem, error.fix)]
    except yaml.YAMLError as error:
        return None, [_yaml_problem(path, error, 1, yaml_text)]
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
    if not body:
        first_body_line = end + 1  # the closing '---': nothing follows it
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


SEED_FIX = (
    "the seed is the author's text byte for byte: restore it with "
    f"'git checkout {SEED_PATH}' and record a slip in docs/edition/corrections.yml "
    "instead; to accept a new revision of the source, run 'make accept-seed' and "
    "commit the checksum files with it"
)


def seed_text_problems(raw: bytes) -> tuple[str | None, list[Problem]]:
    """The seed's text, if it is UTF-8 without BOM and with Unix line endings."""
    text, problems = decode(SEED_PATH, raw)
    if text is None or problems:
        return None, problems
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        return None, [
            Problem(
                SEED_PATH,
                line,
                "the essay has Windows line endings (CRLF), starting on this line",
                "save it with Unix line endings (LF); the seed's lines are its paragraphs",
            )
        ]
    return text, []


def load_seed(root: Path) -> tuple[Seed | None, list[Problem]]:
    """Read the verbatim essay and check it against its recorded SHA-256, line by line."""
    raw, problems = read_bytes(root, SEED_PATH)
    checksum, found = read_text(root, CHECKSUM_PATH)
    problems += found
    expected = checksum.split()[0] if checksum and checksum.split() else None
    if checksum is not None and expected is None:
        problems.append(
            Problem(
                CHECKSUM_PATH,
                1,
                "the file holds no checksum",
                f"restore it with 'git checkout -- {CHECKSUM_PATH}', or run 'make accept-seed'",
            )
        )
    if raw is None or expected is None:
        return None, problems
    if hashlib.sha256(raw).hexdigest() == expected:
        return Seed(raw.decode("utf-8")), problems
    text, found = seed_text_problems(raw)
    if text is None:
        return None, problems + found
    recorded_text, found = read_text(root, LINES_PATH)
    if recorded_text is None:
        return None, problems + found
    recorded = [line.split()[1] for line in recorded_text.splitlines() if len(line.split()) > 1]
    actual = line_digests(text)
    problems += [
        Problem(SEED_PATH, n, f"line {n} differs from the recorded revision of the essay", SEED_FIX)
        for n, (old, new) in enumerate(zip(recorded, actual, strict=False), start=1)
        if old != new
    ]
    if len(actual) != len(recorded):
        problems.append(
            Problem(
                SEED_PATH,
                min(len(actual), len(recorded)),
                f"the essay has {len(actual)} lines; the recorded revision has {len(recorded)}",
                SEED_FIX,
            )
        )
    if not problems:  # same lines, different bytes
        problems.append(
            Problem(SEED_PATH, 1, "the essay's bytes differ from the recorded revision", SEED_FIX)
        )
    return None, problems


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes as UTF-8 text; a byte that is not UTF-8 is named by line and column."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        return None, [
            Problem(
                path,
                line,
                f"the byte 0x{raw[error.start]:02X} in column {column} is not UTF-8, the "
                "encoding this file must use",
                "save the file as UTF-8 (most editors: 'Save with encoding', UTF-8), or retype "
                "the character at that place",
            )
        ]
    if text.startswith("\ufeff"):
        return text[1:], [
            Problem(
                path,
                1,
                "the file starts with a byte order mark (BOM)",
                "save it as UTF-8 without BOM (most editors: 'Save with encoding', UTF-8)",
            )
        ]
    return text, []


def read_bytes(root: Path, relative: str) -> tuple[bytes | None, list[Problem]]:
    """A file's bytes, or a problem saying that it is missing or cannot be read."""
    if (root / relative).is_symlink():  # docs_tree.check_published_files names it
        return None, []
    try:
        return (root / relative).read_bytes(), []
    except FileNotFoundError:
        return None, [
            Problem(
                relative,
                1,
                "the file is missing",
                f"restore it with 'git checkout -- {relative}'",
            )
        ]
    except OSError as error:
        reason = error.strerror.lower() if error.strerror else type(error).__name__
        return None, [
            Problem(
                relative,
                1,
                f"the file cannot be read ({reason})",
                "make it a readable file (check its permissions), or restore it with "
                f"'git checkout -- {relative}'",
            )
        ]


def read_text(root: Path, relative: str) -> tuple[str | None, list[Problem]]:
    """A data file's text, or the problems that stop it being read (missing, not UTF-8)."""
    raw, problems = read_bytes(root, relative)
    if raw is None:
        return None, problems
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                relative,
                1,
                f"the file has {len(raw)} bytes; a file of the edition has at most {MAX_BYTES}",
                "split the text, or restore the file",
            )
        ]
    text, problems = decode(relative, raw)
    invisible = invisible_problems(relative, text) if text is not None else []
    # A file with a hidden character is not read further: its one message says where it is.
    return (None, problems + invisible) if text is None or invisible else (text, problems)


# Names for the control characters, which Unicode leaves unnamed.
CONTROL_NAMES = {
    0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION",
    0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE",
}  # fmt: skip
INVISIBLE_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")  # controls, format (zero-width, bidi), separators


def is_invisible(char: str) -> bool:
    return unicodedata.category(char) in INVISIBLE_CATEGORIES and char not in "\n\t"


def character_name(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: the code point and its name."""
    code = ord(char)
    name = unicodedata.name(char, "") or CONTROL_NAMES.get(code, "CONTROL CHARACTER")
    return f"U+{code:04X} {name}"


def invisible_problems(path: str, text: str) -> list[Problem]:
    """Control and invisible characters (zero-width, bidi overrides, ESC, ...), one message a
    line, each named: two values that look the same must be the same. A line ending \\r\\n
    is not one."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        # Python counts every character of those categories as unprintable, so a printable
        # line (most of them) is passed over at C speed: a character-by-character scan of
        # every file was a quarter of the pipeline's time.
        if line.replace("\t", "").isprintable():
            continue
        column = next((i for i, char in enumerate(line) if is_invisible(char)), None)
        if column is None:
            continue
        kind = "control" if unicodedata.category(line[column]) == "Cc" else "invisible"
        problems.append(
            Problem(
                path,
                number,
                f"the {kind} character {character_name(line[column])} at column {column + 1}",
                "delete it (an editor's 'show invisibles' shows where it is); the edition's "
                "files hold visible characters, spaces, tabs and line breaks only",
            )
        )
    return problems


def edited_files(root: Path) -> frozenset[str]:
    """Files under docs/ changed or added since the last commit (none outside a git work tree).

    Used only to decide which of two clashing places a message should blame."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain", "-z", "--untracked-files=all", "--", "docs"],
            cwd=root,
            capture_output=True,
            check=False,
        )
    except OSError:
        return frozenset()
    if result.returncode != 0:
        return frozenset()
    entries = result.stdout.decode("utf-8", errors="replace").split("\0")
    return frozenset(entry[3:] for entry in entries if len(entry) > 3)
