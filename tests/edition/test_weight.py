"""This essay's weight budget: its first load against the same essay as plain Markdown
under the bare theme (1.25x), and the edition's own CSS and JS (10 KB gzipped)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import ROOT, SUMMARY
from ..site.test_weight import check_weight, plain_site_of


def test_essay_first_load_stays_within_budget(
    real_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    plain = plain_site_of(tmp_path_factory, (ROOT / "seeds/essay.txt").read_text(encoding="utf-8"))
    weight = check_weight(real_site, plain)
    SUMMARY.append("This essay's page weight (gzip bytes):")
    SUMMARY.extend(weight.table().splitlines())
