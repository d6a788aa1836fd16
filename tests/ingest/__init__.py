"""Tests of the ingest stages: loading, the schemas, validation, corrections, sections, anchors, terms, citations, messages."""
