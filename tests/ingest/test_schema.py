"""The published JSON Schemas: valid Draft 2020-12, committed as generated, used by the data files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from scripts.ingest import load, schema

ROOT = Path(__file__).resolve().parents[2]
DATA_FILES = {
    "corrections": "docs/edition/corrections.yml",
    "sections": "docs/edition/sections.yml",
    "sources": "docs/edition/sources.yml",
    "redirects": "docs/edition/redirects.yml",
    "edition": "docs/edition/edition.yml",
    "scale-log": "docs/edition/scale-log.yml",
}


@pytest.mark.parametrize(("relative", "text"), schema.published_files())
def test_committed_schemas_are_the_generated_ones(relative: str, text: str) -> None:
    committed = (ROOT / relative).read_text(encoding="utf-8")
    assert committed == text, f"{relative} is out of date: run 'make schemas' and commit it"
    Draft202012Validator.check_schema(json.loads(text))


def test_every_data_file_has_a_schema() -> None:
    assert set(DATA_FILES) | {"note", "term", "page"} == set(schema.SCHEMAS)


@pytest.mark.parametrize(("name", "relative"), DATA_FILES.items())
def test_data_files_point_editors_at_their_schema(
    name: str, relative: str, synthetic_root: Path
) -> None:
    text = (synthetic_root / relative).read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../../schemas/{name}.schema.json"
    target = (synthetic_root / relative).parent / first.partition("$schema=")[2]
    published = json.loads(target.read_text(encoding="utf-8"))
    # What an editor sees is what the check enforces: the file as a whole passes.
    validator = Draft202012Validator(published, format_checker=schema.FORMATS)
    assert list(validator.iter_errors(yaml.safe_load(text))) == []


def record(text: str) -> load.Record:
    records, problems = load.parse_record_list("f.yml", text)
    assert problems == []
    return records[0]


def test_values_become_what_the_model_expects() -> None:
    values, problems = schema.check(
        record('- key: a_b\n  short: "A"\n  type: book\n  title: "T"\n  year: 2024\n'
               '  how_confirmed: "x"\n  authors: "One A"\n  accessed: "2026-01-10"\n'
               '  archive: none\n'),
        schema.SCHEMAS["sources"],
    )  # fmt: skip
    assert problems == []
    assert values["year"] == "2024"
    assert values["authors"] == ["One A"]


def test_a_title_may_name_a_generic_type_but_not_hold_markup() -> None:
    def problems_for(title: str) -> list[str]:
        entry = (
            f'- key: a\n  short: "A"\n  type: book\n  title: "{title}"\n  how_confirmed: "x"\n'
            '  accessed: "2026-01-10"\n  archive: none\n'
        )
        return [p.message for p in schema.check(record(entry), schema.SCHEMAS["sources"])[1]]

    assert problems_for("RefCell<T> and the Interior Mutability Pattern") == []
    assert problems_for("A <b>bold</b> claim") == [
        "'title' contains HTML markup ('A <b>bold</b> claim')"
    ]
    assert problems_for("A <x onclick=go()> claim") == [
        "'title' contains HTML markup ('A <x onclick=go()> claim')"
    ]


def test_wrong_types_and_nested_fields_name_their_line() -> None:
    text = (
        "---\nid: n\ntitle: [a list]\ntarget:\n  exact: 3\n  sufix: x\nkind: context\n---\nText.\n"
    )
    parsed, problems = load.parse_front_matter("docs/notes/n.md", text)
    assert problems == [] and parsed is not None
    _, found = schema.check(parsed, schema.SCHEMAS["note"])
    assert [str(p) for p in found] == [
        "docs/notes/n.md:3: 'title' should be text; write it like 'title: \"A short headline\"'",
        "docs/notes/n.md:5: 'exact' should be text; write it like "
        "'exact: \"the words the note is about\"'",
        "docs/notes/n.md:6: unknown field 'sufix' in this note's target; did you mean 'suffix'?",
    ]
