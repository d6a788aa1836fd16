"""Each record is described twice on purpose, and this test keeps the two in step.

The JSON Schema (scripts/ingest/schema.py) is the contract with editors: it is published,
checks each file with its own messages and points at lines. The frozen dataclass
(scripts/model.py) is what the stages read: typed, with derived fields and places. A model
generated from the schemas would lose the messages and the frozen, typed records (and the
schemas' patterns would not become types), so instead every field a schema accepts must be
a field of its record, and every field of a record must be one a schema accepts or one of
the few the pipeline derives, named here.
"""

from __future__ import annotations

import dataclasses

import pytest

from scripts import model
from scripts.ingest import schema

RECORDS = {
    "corrections": model.Correction,
    "sections": model.SectionSpec,
    "sources": model.Source,
    "redirects": model.Redirect,
    "edition": model.EssayInfo,
    "note": model.Note,
    "term": model.Term,
}
# Where a field was read, and what the pipeline derives, are not in any file.
PLACE = {"where", "field_lines", "line"}
DERIVED = {"body", "src_uri", "slug"}
# A file's word for a field, when the record's differs: (schema property, record fields).
RENAMED = {
    "sources": {"mirror": {"mirror_url", "mirror_reason"}},
    "redirects": {"from": {"source"}, "to": {"target"}},
}


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_a_record_and_its_schema_name_the_same_fields(name: str) -> None:
    properties = set(schema.SCHEMAS[name].entry.get("properties", {}))
    renamed = RENAMED.get(name, {})
    from_file = {f for p in properties for f in renamed.get(p, {p})}
    fields = {f.name for f in dataclasses.fields(RECORDS[name])} - PLACE - DERIVED
    assert from_file == fields
