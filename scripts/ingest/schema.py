"""One declarative schema per data file: the checks and the published JSON Schemas come from it.

Each schema below is plain JSON Schema (Draft 2020-12) for one entry of a data file
(or one page's front matter). ``check`` validates a loaded ``Record`` with the
``jsonschema`` package and turns each validation error into ``path:line: problem;
fix`` at the YAML node's line. ``published`` writes the same schema for editors
(the ``# yaml-language-server: $schema=...`` comment at the top of each data file
points at the committed copy in ``schemas/``). Keywords starting with ``x-`` carry
our own messages for values that a pattern or format refuses; they are dropped from
the published copy. Adding a data file is one more ``DataSchema`` in ``SCHEMAS``.

What one entry alone cannot show (a fact-check needs a verdict, a quote must be in
the text, a key must exist) stays in the validate stage.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from scripts.ingest.load import Record
from scripts.model import NOTE_KINDS, SOURCE_TYPES, VERDICTS
from scripts.problems import Problem
from scripts.security.sanitize import is_plain_text

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS_DIR = "schemas"  # committed copies for editors; the site publishes the same files
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
KEY_PATTERN = r"^[a-z0-9_]+$"
# Strict patterns for every value the compiler writes into Markdown or HTML as it is: no
# character that could end a link, open markup or an attribute list.
DOI_PATTERN = r"^10\.[0-9]{4,9}/[A-Za-z0-9][A-Za-z0-9._;:/-]*$"
WEB_URL_PATTERN = r"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]{1,5})?([/?#][A-Za-z0-9._~:/?#@!$&'*+,;=%-]*)?$"
# A site address: segments of letters, digits, '-', '_' and '.', each starting with a letter
# or digit (so never '..', '//', a backslash or an encoded dot), an optional fragment.
ADDRESS_PATTERN = r"^/([a-z0-9][a-z0-9._-]*/)*(#[A-Za-z0-9][A-Za-z0-9_:.-]*)?$"
# A short label is the text of a citation's link: no brackets, parentheses, braces, angle
# brackets, backslashes, backquotes, asterisks or bars.
SHORT_LABEL_PATTERN = r"^[^\[\](){}<>\\`*|]+$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
MAX_QUOTE = 400  # characters: a sentence or two
PLAIN_TEXT = "plain-text"  # our own format: no HTML markup (see ``is_plain_text``)
EDITION_DATE = "edition-date"  # our own format: a day that exists (not 2026-02-30)

Schema = Mapping[str, Any]


def _plain(description: str, example: str, **more: Any) -> dict[str, Any]:
    """A one-line text shown on the site as it is: no markup."""
    return {
        "type": "string",
        "description": description,
        "examples": [example],
        "format": PLAIN_TEXT,
        "x-invalid": (
            "'{name}' contains HTML markup ({value!r})",
            "write plain text; the site adds the markup (for code, name it without angle "
            "brackets or put it in the text below the front matter in `backticks`)",
        ),
        **more,
    }


PLAIN_INVALID = (
    "'{name}' contains HTML markup ({value!r})",
    "write plain text; the site adds the markup (for code, name it without angle "
    "brackets or put it in the text below the front matter in `backticks`)",
)


def _text(description: str, example: str) -> dict[str, Any]:
    return {"type": "string", "description": description, "examples": [example]}


IDENTIFIER = {
    "type": "string",
    "pattern": ID_PATTERN,
    "x-invalid": (
        "the {name} '{value}' is not a valid identifier",
        "use lower-case letters, digits and single hyphens, e.g. 'figure-without-source'",
    ),
}
SOURCE_KEY = {
    "type": "string",
    "pattern": KEY_PATTERN,
    "x-invalid": (
        "the key '{value}' is not a valid source key",
        "use lower-case letters, digits and underscores, e.g. 'smith2024'",
    ),
}
KEY_LIST = {
    "type": ["array", "string"],
    "items": SOURCE_KEY,
    "pattern": KEY_PATTERN,
    "x-invalid": SOURCE_KEY["x-invalid"],
}
SLUG_LIST = {
    "type": ["array", "string"],
    "items": IDENTIFIER,
    "pattern": ID_PATTERN,
    "x-invalid": IDENTIFIER["x-invalid"],
}


def _entry(what: str, required: Sequence[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "x-what": what,
        "required": list(required),
        "additionalProperties": False,
        "properties": properties,
    }


CORRECTION = _entry(
    "this correction",
    ["id", "paragraph", "original", "reason"],
    {
        "id": {
            **IDENTIFIER,
            "description": "Permanent address (#corr-<id>); never change it.",
            "examples": ["received-1"],
        },
        "paragraph": {
            "type": "integer",
            "minimum": 1,
            "description": "The line of seeds/essay.txt that holds the slip.",
            "examples": [3],
            "x-invalid": ("there is no paragraph {value}", "paragraphs are numbered from 1"),
        },
        "original": _text("The author's reading, copied exactly.", "recieved"),
        "corrected": _text("The corrected words; empty to delete words.", "received"),
        "reason": _text("Why: spelling, a doubled word, a missing word...", "spelling"),
        "prefix": _text("Words just before, when 'original' occurs twice.", "the first "),
        "suffix": _text("Words just after, when 'original' occurs twice.", " letter"),
        "kept": {
            "type": "boolean",
            "description": (
                "true for a reading the editors considered and kept as the author wrote it: "
                "listed on the Corrections page with 'reason', never applied."
            ),
            "examples": [True],
        },
    },
)

SECTION = _entry(
    "this section",
    ["id", "title", "start"],
    {
        "id": {
            **IDENTIFIER,
            "description": "Permanent address (#<id> on the essay page); never change it.",
            "examples": ["the-argument"],
        },
        "title": _plain("The editor's title, marked as such on the site.", "The argument"),
        "start": _text("The opening words of the section's first paragraph.", "It began with"),
    },
)

SOURCE = _entry(
    "this source",
    ["key", "short", "type", "title", "how_confirmed", "accessed", "archive"],
    {
        "key": {**SOURCE_KEY, "description": "Cited as [@key].", "examples": ["smith2024"]},
        "short": _plain(
            "The label readers see.",
            "Smith and Jones 2024",
            pattern=SHORT_LABEL_PATTERN,
            **{
                "x-invalid": (
                    "the short label {value!r} has a character that links use "
                    "(one of [ ] ( ) {{ }} < > \\ ` * |)",
                    "write the label with words, digits and ordinary punctuation",
                )
            },
        ),
        "type": {
            "enum": list(SOURCE_TYPES),
            "description": "What kind of work this is.",
            "examples": ["article"],
        },
        "title": _plain(
            "The work's own title, exactly.",
            "A study of how examples are chosen",
        ),
        "authors": {
            "type": ["array", "string"],
            "items": {"type": "string", "format": PLAIN_TEXT, "x-invalid": PLAIN_INVALID},
            "description": "Family name and initials, as confirmed.",
            "examples": [["Smith A", "Jones B"]],
        },
        "venue": _plain(
            "Journal, volume, pages; or the publisher.", "Journal of Examples 12(3):45-67"
        ),
        "year": {
            "type": ["integer", "string"],
            "description": "Year of publication.",
            "examples": [2024],
        },
        "doi": {
            "type": "string",
            "pattern": DOI_PATTERN,
            "description": "The DOI alone (the site links it through https://doi.org/).",
            "examples": ["10.5555/12345678"],
            "x-invalid": (
                "the doi '{value}' is not a DOI",
                "write the DOI alone, as 10.NNNN/suffix (e.g. '10.5555/12345678'), "
                "without https://doi.org/ and without spaces; write ( ) [ ] < > as %28 %29 "
                "%5B %5D %3C %3E",
            ),
        },
        "url": {
            "type": "string",
            "format": "uri",
            "pattern": WEB_URL_PATTERN,
            "description": "Where the source can be read (http or https).",
            "examples": ["https://example.org/articles/12345678"],
            "x-invalid": (
                "the url '{value}' is not a web address",
                "write the full address, starting with https:// (or http://), without spaces; "
                "write ( ) [ ] < > as %28 %29 %5B %5D %3C %3E",
            ),
        },
        "how_confirmed": _text(
            "What was read to confirm the source, in plain words.",
            "the publisher's page and the article's abstract",
        ),
        "accessed": {
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "When the source was read, as YYYY-MM-DD.",
            "examples": ["2026-11-26"],
            "x-invalid": (
                "'accessed' is not a date ({value!r})",
                "write the day the source was read as YYYY-MM-DD, e.g. '2026-11-26'",
            ),
        },
        "archive": {
            "type": "string",
            "pattern": "^(none|" + WEB_URL_PATTERN[1:-1] + ")$",
            "description": (
                "A web archive's copy of the source (its full address), or none; "
                "with none, say why in archive_reason."
            ),
            "examples": ["https://web.archive.org/web/2026/https://example.org/articles/1"],
            "x-invalid": (
                "'archive' is neither a web address nor none ({value!r})",
                "write the archived copy's full address, starting with https://, or write "
                "none and say why in 'archive_reason'",
            ),
        },
        "archive_reason": _plain(
            "Why there is no archived copy (with archive: none).",
            "the publisher does not allow archiving",
        ),
        "mirror": {
            **_entry(
                "this source's mirror",
                ["url", "reason"],
                {
                    "url": {
                        "type": "string",
                        "format": "uri",
                        "pattern": WEB_URL_PATTERN,
                        "description": "The address of the copy that was read.",
                        "examples": ["https://example.net/copy-of-the-article"],
                        "x-invalid": (
                            "the url '{value}' is not a web address",
                            "write the full address, starting with https:// (or http://), "
                            "without spaces",
                        ),
                    },
                    "reason": _plain(
                        "Why a copy was read instead of the primary address.",
                        "the publisher's page is behind a paywall",
                    ),
                },
            ),
            "description": "A copy elsewhere that was read, when the primary address was not.",
            "examples": [
                {
                    "url": "https://example.net/copy-of-the-article",
                    "reason": "the publisher's page is behind a paywall",
                }
            ],
        },
    },
)

REDIRECT = _entry(
    "this redirect",
    ["from", "to"],
    {
        "from": {
            "type": "string",
            "pattern": ADDRESS_PATTERN,
            "description": "The address that moved, from the site root.",
            "examples": ["/notes/old-id/"],
            "x-invalid": (
                "'{name}' should be an address on this site, such as /notes/old-id/ or "
                "/#old-section ({value!r})",
                "start it with '/' and leave out the host name",
            ),
        },
        "to": {
            "type": "string",
            "pattern": ADDRESS_PATTERN,
            "description": "Where it went, from the site root.",
            "examples": ["/notes/new-id/"],
            "x-invalid": (
                "'{name}' should be an address on this site, such as /notes/new-id/ or "
                "/#new-section ({value!r})",
                "start it with '/' and leave out the host name",
            ),
        },
    },
)

EVIDENCE_ITEM = _entry(
    "this evidence item",
    ["source", "at", "quote"],
    {
        "source": {
            **SOURCE_KEY,
            "description": "The key of the source quoted: one listed in 'sources' and cited.",
            "examples": ["smith2024"],
        },
        "at": _plain(
            "Where the words are in the source: a page, section, paragraph or timestamp.",
            "p. 756",
        ),
        "quote": {
            **_plain(
                "The source's exact words that the citation relies on: a sentence or two.",
                "The words of the source, exactly as it prints them.",
            ),
            "maxLength": MAX_QUOTE,
            "x-invalid-maxLength": (
                f"the quote is {{length}} characters long; evidence quotes are at most {MAX_QUOTE}",
                "quote the sentence or two that support the citation, exactly",
            ),
        },
    },
)
EVIDENCE = {
    "type": "array",
    "items": EVIDENCE_ITEM,
    "description": (
        "The sources' own words that the citations rely on, with where they are; shown to "
        "readers wherever the source is cited in this file."
    ),
    "examples": [
        [
            {
                "source": "smith2024",
                "at": "p. 4",
                "quote": "The words of the source, exactly as it prints them.",
            }
        ]
    ],
}
REVISION = _entry(
    "this revision",
    ["date", "change", "reason"],
    {
        "date": {
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "The day of the change, as YYYY-MM-DD.",
            "examples": ["2026-12-07"],
            "x-invalid": (
                "'date' is not a date ({value!r})",
                "write the day of the change as YYYY-MM-DD, e.g. '2026-12-07'",
            ),
        },
        "change": _plain(
            "What changed, in a sentence.", "The verdict went from supported to partly supported."
        ),
        "reason": _plain("Why, in a sentence.", "The report gives the figure for one year only."),
    },
)

TARGET = _entry(
    "this note's target",
    ["exact"],
    {
        "exact": _text(
            "The words the note is about, as the essay page shows them.",
            "the words the note is about",
        ),
        "prefix": _text(
            "The words just before, when 'exact' occurs more than once.", "words just before "
        ),
        "suffix": _text(
            "The words just after, when 'exact' occurs more than once.", " words just after"
        ),
    },
)
TARGET["examples"] = [{"exact": "the words the note is about"}]
TARGET["description"] = "A W3C TextQuoteSelector over the reading text."

NOTE = _entry(
    "this note",
    ["id", "title", "target", "kind"],
    {
        "id": {
            **IDENTIFIER,
            "description": "Permanent; the same as the file name without '.md'.",
            "examples": ["figure-without-source"],
        },
        "title": _plain("The finding, in one line.", "A short headline"),
        "target": TARGET,
        "kind": {
            "enum": list(NOTE_KINDS),
            "description": "What the note does.",
            "examples": ["fact-check"],
        },
        "verdict": {
            "enum": list(VERDICTS),
            "description": "Fact-checks only: how the claim stands.",
            "examples": ["partly supported"],
        },
        "claim": _text("The research brief's claim id.", "C8"),
        "sources": {
            **KEY_LIST,
            "description": "Keys in docs/edition/sources.yml.",
            "examples": [["smith2024"]],
        },
        "terms": {
            **SLUG_LIST,
            "description": "Glossary slugs the note discusses.",
            "examples": [["sample-size"]],
        },
        "evidence": EVIDENCE,
        "revisions": {
            "type": "array",
            "items": REVISION,
            "description": "Changes to this note, shown on its page under 'Changes to this note'.",
            "examples": [
                [
                    {
                        "date": "2026-12-07",
                        "change": "The verdict went from supported to partly supported.",
                        "reason": "The report gives the figure for one year only.",
                    }
                ]
            ],
        },
    },
)

TERM = _entry(
    "this term",
    ["term", "short"],
    {
        "term": _plain("The term as readers say it.", "sample size"),
        "aliases": {
            "type": ["array", "string"],
            "items": {"type": "string", "format": PLAIN_TEXT, "x-invalid": PLAIN_INVALID},
            "description": "Forms the matcher cannot guess (plurals in -s/-es are automatic).",
            "examples": [["number of cases"]],
        },
        "short": _plain(
            "A one-sentence definition, shown as the link's tooltip.",
            "How many cases a study measured.",
        ),
        "see_also": {
            **SLUG_LIST,
            "description": "Slugs of related terms.",
            "examples": [["confidence-interval", "statistical-power"]],
        },
        "sources": {
            **KEY_LIST,
            "description": "Keys in docs/edition/sources.yml.",
            "examples": [["smith2024"]],
        },
        "evidence": EVIDENCE,
    },
)


VERDICT = {"type": "string", "enum": list(VERDICTS)}
SCALE_CHANGE = _entry(
    "this change to the scale",
    ["date", "change"],
    {
        "date": {
            "type": "string",
            "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "format": EDITION_DATE,
            "description": "The day the scale changed: YYYY-MM-DD.",
            "examples": ["2026-01-31"],
            "x-invalid": ("'date' is not a day ({value!r})", "write the date as YYYY-MM-DD"),
        },
        "change": _plain(
            "What changed in the scale, and whether every fact-check was regraded.",
            "The grade misleading was added; every fact-check was regraded.",
        ),
        "regraded": {
            "type": "array",
            "description": "Each note whose verdict the change altered.",
            "examples": [[{"note": "figure-without-source", "from": "unsupported",
                           "to": "misleading", "reason": "The figure is real but old."}]],
            "items": _entry(
                "this regraded note",
                ["note", "from", "to", "reason"],
                {
                    "note": {**IDENTIFIER, "description": "The note's id.",
                             "examples": ["figure-without-source"]},
                    "from": {**VERDICT, "description": "Its verdict before.",
                             "examples": ["unsupported"]},
                    "to": {**VERDICT, "description": "Its verdict after.",
                           "examples": ["misleading"]},
                    "reason": _plain("Why the verdict changed, in one or two sentences.",
                                     "The figure is real but old."),
                },
            ),
        },
    },
)  # fmt: skip

EDITION = _entry(
    "the edition's metadata",
    ["title", "author", "venue", "published", "original_url", "licence", "editors"],
    {
        "title": _plain("The essay's title, or the editor's name for it.", "On Something"),
        "author": _plain("Who wrote the essay, or unknown.", "unknown"),
        "venue": _plain("Where the essay appeared, or unknown.", "unknown"),
        "published": {
            "type": ["string", "integer"],
            "pattern": r"^(unknown|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)$",
            "format": EDITION_DATE,
            "minimum": 1000,
            "maximum": 9999,
            "description": "When it appeared: YYYY-MM-DD, YYYY-MM or YYYY, or unknown.",
            "examples": ["unknown"],
            "x-invalid": (
                "'published' is not a date ({value!r})",
                "write the date as YYYY-MM-DD, YYYY-MM or YYYY, or write unknown",
            ),
        },
        "original_url": {
            "type": "string",
            "pattern": "^(unknown|" + WEB_URL_PATTERN[1:-1] + ")$",
            "description": "The essay's own address, or unknown.",
            "examples": ["unknown"],
            "x-invalid": (
                "'original_url' is not a web address ({value!r})",
                "write the address starting with https://, or write unknown",
            ),
        },
        "licence": _plain("The licence or permission to republish, or unknown.", "unknown"),
        "editors": {
            "type": ["array", "string"],
            "items": _plain("An editor's name.", "The edition's contributors"),
            "description": "Who edits the edition.",
            "examples": [["The edition's contributors"]],
        },
        "remarks": _plain(
            "What is known about what is not: how the text reached the edition, say.",
            "The text was received without a byline.",
        ),
    },
)


@dataclass(frozen=True)
class DataSchema:
    """A data file's schema: ``name`` names the published file, ``is_list`` a YAML list."""

    name: str
    title: str
    entry: Schema
    is_list: bool

    @property
    def published_path(self) -> str:
        return f"{SCHEMAS_DIR}/{self.name}.schema.json"

    def published(self) -> dict[str, Any]:
        body = _without_extensions(self.entry)
        if self.is_list:
            body = {"type": "array", "items": body}
        return {"$schema": DRAFT, "title": self.title, **body}


# A hand-written page's front matter (docs/*.md): what it may set is what the templates
# read as plain text. Everything else a template reads (the edit links, structured data,
# the alternates) is the compiler's, written unescaped, so a page may not set it.
PAGE = _entry(
    "this page",
    [],
    {
        "title": _plain("The page's title, if not its first heading.", "About this edition"),
        "description": _plain(
            "One sentence for search results and link previews.",
            "The edition's editorial method.",
        ),
    },
)


SCHEMAS = {
    s.name: s
    for s in (
        DataSchema("corrections", "Corrections (docs/edition/corrections.yml)", CORRECTION, True),
        DataSchema("sections", "Sections (docs/edition/sections.yml)", SECTION, True),
        DataSchema("sources", "Sources (docs/edition/sources.yml)", SOURCE, True),
        DataSchema("redirects", "Redirects (docs/edition/redirects.yml)", REDIRECT, True),
        DataSchema(
            "scale-log",
            "Changes to the verdict scale (docs/edition/scale-log.yml)",
            SCALE_CHANGE,
            True,
        ),
        DataSchema("edition", "Edition metadata (docs/edition/edition.yml)", EDITION, False),
        DataSchema("note", "Note front matter (docs/notes/<id>.md)", NOTE, False),
        DataSchema("term", "Term front matter (docs/glossary/<slug>.md)", TERM, False),
        DataSchema("page", "Front matter of a hand-written page (docs/*.md)", PAGE, False),
    )
}


def _without_extensions(schema: Any) -> Any:
    if isinstance(schema, Mapping):
        return {k: _without_extensions(v) for k, v in schema.items() if not k.startswith("x-")}
    if isinstance(schema, list | tuple):
        return [_without_extensions(v) for v in schema]
    return schema


def published_files() -> list[tuple[str, str]]:
    """(path, JSON text) of every published schema, in a stable order."""
    return [
        (s.published_path, json.dumps(s.published(), indent=2, ensure_ascii=False) + "\n")
        for s in SCHEMAS.values()
    ]


_VALIDATORS: dict[str, Draft202012Validator] = {}
FORMATS = FormatChecker()  # the standard formats the installed packages can check, and ours
for _name, _check in Draft202012Validator.FORMAT_CHECKER.checkers.items():
    FORMATS.checkers[_name] = _check
FORMATS.checks(PLAIN_TEXT)(is_plain_text)


@FORMATS.checks(EDITION_DATE)
def is_real_date(value: object) -> bool:
    """YYYY-MM-DD and YYYY-MM name a day and a month that exist; other values pass here."""
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", value):
        return True
    try:
        datetime.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return False
    return True


def _validator(schema: DataSchema) -> Draft202012Validator:
    if schema.name not in _VALIDATORS:
        _VALIDATORS[schema.name] = Draft202012Validator(dict(schema.entry), format_checker=FORMATS)
    return _VALIDATORS[schema.name]


def _plain_value(value: object) -> object:
    if isinstance(value, Record):
        return _instance(value)
    if isinstance(value, list):
        return [_plain_value(item) for item in value]
    return value


def _instance(record: Record) -> dict[str, object]:
    """The record as plain data; empty values count as absent (a required one is missing)."""
    return {
        name: _plain_value(field.value)
        for name, field in record.fields.items()
        if field.value is not None and field.value != ""
    }


def yaml_example(value: object, field: Schema) -> str:
    """A field's example as a contributor would write it in YAML: text in double quotes,
    identifiers, keys and words from a closed list without."""
    bare = "enum" in field or field.get("pattern") in (ID_PATTERN, KEY_PATTERN)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_example(v, field.get("items", field)) for v in value) + "]"
    if isinstance(value, dict):
        parts = [
            f"{k}: {yaml_example(v, field.get('properties', {}).get(k, {}))}"
            for k, v in value.items()
        ]
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, str) and not bare:
        return json.dumps(value, ensure_ascii=False)
    return str(value)


_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "array": "a list",
    "object": "a set of fields",
    "boolean": "true or false",
}


def _field_line(record: Record, path: Sequence[object]) -> int:
    """The line of the field at ``path``: names of fields, and indexes into lists of entries."""
    line = record.line
    current_value: object = record
    for part in path:
        if isinstance(part, int):
            listed = current_value if isinstance(current_value, list) else []
            item = listed[part] if part < len(listed) else None
            if not isinstance(item, Record):
                break
            line, current_value = item.line, item
            continue
        if not isinstance(current_value, Record):
            break
        field = current_value.fields.get(str(part))
        if field is None:
            break
        line = field.line
        if not isinstance(field.value, Record | list):
            break
        current_value = field.value
    return line


def _problem(record: Record, error: ValidationError, entry: Schema) -> list[Problem]:
    what = str(entry.get("x-what", "this entry"))
    full: list[str | int] = list(error.absolute_path)
    path = [p for p in full if isinstance(p, str)]
    line = _field_line(record, full)
    name = path[-1] if path else ""
    where = error.schema if isinstance(error.schema, Mapping) else {}
    properties = where.get("properties", {})
    instance: Any = error.instance
    rule: Any = error.validator_value
    if error.validator == "required":
        sub_what = where.get("x-what", what)
        missing = [n for n in rule if n not in instance]
        return [
            Problem(
                record.path,
                _field_line(record, [*full, n]) if _has(record, [*full, n]) else line,
                f"{sub_what} has no '{n}'",
                f"add a line such as '{n}: {yaml_example(properties[n]['examples'][0], properties[n])}'",
            )
            for n in missing
        ]
    if error.validator == "additionalProperties":
        sub_what = where.get("x-what", what)
        problems = []
        for extra in sorted(set(instance) - set(properties)):
            close = difflib.get_close_matches(extra, list(properties), n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else "the allowed fields are " + ", ".join(properties)
            )
            problems.append(
                Problem(
                    record.path,
                    _field_line(record, [*full, extra]),
                    f"unknown field '{extra}' in {sub_what}",
                    hint,
                )
            )
        return problems
    field_schema = _walk(entry, full)
    example = field_schema.get("examples", [None])[0] if field_schema else None
    if error.validator == "type":
        kinds = [rule] if isinstance(rule, str) else rule
        wanted = " or ".join(_TYPE_NAMES.get(k, k) for k in kinds)
        fix = (
            f"write it like '{name}: {yaml_example(example, field_schema)}'"
            if example is not None
            else (f"write it as {wanted}")
        )
        return [Problem(record.path, line, f"'{name}' should be {wanted}", fix)]
    if error.validator == "enum":
        choices = ", ".join(str(c) for c in rule)
        return [
            Problem(record.path, line, f"unknown {name} '{instance}'", f"use one of: {choices}")
        ]
    problem, fix = (
        where.get(f"x-invalid-{error.validator}")
        or where.get("x-invalid")
        or field_schema.get("x-invalid")
        or (
            "'{name}' has a value that is not allowed ({value!r})",
            "see what the field should hold in " + SCHEMAS_DIR + "/",
        )
    )
    length = len(instance) if isinstance(instance, str) else 0
    return [
        Problem(record.path, line, problem.format(name=name, value=instance, length=length), fix)
    ]


def _has(record: Record, path: Sequence[str | int]) -> bool:
    current: object = record
    for part in path:
        if isinstance(part, int):
            if not isinstance(current, list) or part >= len(current):
                return False
            current = current[part]
        elif not isinstance(current, Record) or part not in current.fields:
            return False
        else:
            current = current.fields[part].value
    return True


def _walk(entry: Schema, path: Sequence[str | int]) -> Schema:
    """The schema of the field at ``path`` (for its example and its message)."""
    current = entry
    for part in path:
        if isinstance(part, int):  # an entry of a list of entries; a plain list's own schema
            items = current.get("items", {})
            current = items if "properties" in items else current
        else:
            current = current.get("properties", {}).get(part, {})
    return current


def check(record: Record, schema: DataSchema) -> tuple[dict[str, object], list[Problem]]:
    """Validate one entry; return the values of fields without problems, and the problems.

    Values are made what the model expects: numbers given for text become text, and one
    key given for a list becomes a list of one.
    """
    instance = _instance(record)
    problems: list[Problem] = []
    bad: set[str] = set()
    errors = sorted(_validator(schema).iter_errors(instance), key=lambda e: list(e.path))
    for error in errors:
        found = _problem(record, error, schema.entry)
        problems += found
        path = [p for p in error.absolute_path if isinstance(p, str)]
        if path:
            bad.add(path[0])
        if error.validator == "required" and not path:
            required: Any = error.validator_value
            bad.update(n for n in required if n not in instance)
    values: dict[str, object] = {}
    properties = schema.entry["properties"]
    for name, value in instance.items():
        if name in bad or name not in properties:
            continue
        kinds = properties[name].get("type", "string")
        if isinstance(value, dict):
            values[name] = value
        elif "array" in kinds and isinstance(value, str):
            values[name] = [value]
        elif kinds == "string" or (isinstance(kinds, list) and "integer" in kinds):
            values[name] = str(value) if not isinstance(value, list) else value
        else:
            values[name] = value
    return values, sorted(set(problems))
