"""This edition's exports: CITATION.cff at the repository's root kept in step with
docs/edition/edition.yml, valid under the Citation File Format schema; the real
bibliography read back by Citation.js in every format."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from scripts.exports import bibliography, cff, hypothesis, tei
from scripts.ingest.git_history import UNVERSIONED
from scripts.model import Edition
from scripts.render.meta import Site
from scripts.site.compile import read_config

from ..conftest import ROOT
from ..exports.test_exports import check_with_citation_js, hypothesis_import, readings, validate_tei

CFF_SCHEMA = ROOT / "tests" / "schemas" / "citation-file-format-1.2.0.schema.json"


def repository_site() -> Site:
    config, problems = read_config(ROOT)
    assert config is not None, problems
    return Site(name=config.name, url=config.url, repo_url=config.repo_url, version=UNVERSIONED)


def validate_cff(text: str) -> None:
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    checker = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    checker.validate(yaml.safe_load(text))


def test_citation_cff_is_current_and_valid(real_edition: Edition, update_golden: bool) -> None:
    expected = cff.render(real_edition.info, repository_site())
    committed = ROOT / cff.FILE
    if update_golden:
        committed.write_text(expected, encoding="utf-8")
    assert committed.is_file(), f"no {cff.FILE}; run pytest {__file__} --update-golden"
    assert committed.read_text(encoding="utf-8") == expected, (
        f"{cff.FILE} is not what docs/edition/edition.yml and mkdocs.yml say; run "
        f"'pytest tests/edition/test_exports.py --update-golden' and commit it"
    )
    validate_cff(expected)


def test_citation_js_reads_this_editions_bibliography(
    real_edition: Edition, tmp_path: Path
) -> None:
    works = bibliography.bibliography(real_edition)
    assert len(works) == len(real_edition.sources)
    check_with_citation_js(works, tmp_path)


def test_this_editions_tei_is_valid_and_rebuilds_the_seed(
    real_edition: Edition, tmp_path: Path
) -> None:
    text = tei.render(real_edition, repository_site())
    validate_tei(text, tmp_path)
    assert "\n".join(readings(text, "sic")) == real_edition.seed.text
    assert "\n".join(readings(text, "corr")) == real_edition.reading.text


def test_the_hypothesis_client_would_import_every_note_of_this_edition(
    real_edition: Edition,
) -> None:
    imported = hypothesis_import(hypothesis.render(real_edition, repository_site()))
    assert len(imported) == len(real_edition.notes)
