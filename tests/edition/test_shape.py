"""This edition's shape: its 22 paragraphs, eight sections, the corrections it records,
the seed given back byte for byte, and data that passes every check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from scripts.ingest import load, schema
from scripts.ingest.correct import restore_seed
from scripts.model import Edition

from ..conftest import ROOT
from ..html import parse
from ..ingest.test_errors import run_check
from ..ingest.test_schema import DATA_FILES


def test_the_seed_has_22_paragraphs_and_no_final_newline() -> None:
    seed, problems = load.load_seed(ROOT)
    assert problems == [] and seed is not None
    assert len(seed.paragraphs) == 22
    assert not seed.text.endswith("\n")


def test_sections_and_corrections(real_edition: Edition, real_site: Path) -> None:
    assert 6 <= len(real_edition.sections) <= 8
    assert len(real_edition.corrections) >= 15
    paragraphs = parse(real_site / "index.html").css("p.ed-para")
    assert [p.attributes["id"] for p in paragraphs] == [f"p{n}" for n in range(1, 23)]


def test_this_edition_restores_the_seed_byte_for_byte(real_edition: Edition) -> None:
    rebuilt = restore_seed(real_edition.reading)
    assert rebuilt.encode("utf-8") == (ROOT / load.SEED_PATH).read_bytes()
    assert real_edition.reading.paragraphs != real_edition.seed.paragraphs


def test_this_edition_has_no_problems() -> None:
    result = run_check(ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


@pytest.mark.parametrize(("name", "relative"), DATA_FILES.items())
def test_data_files_point_editors_at_their_schema(name: str, relative: str) -> None:
    text = (ROOT / relative).read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../../schemas/{name}.schema.json"
    published = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text())
    validator = Draft202012Validator(published, format_checker=schema.FORMATS)
    assert list(validator.iter_errors(yaml.safe_load(text))) == []
