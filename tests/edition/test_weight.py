"""This essay's weight budget: its first load against the same essay as plain Markdown
under the bare theme (1.25x), the edition's own CSS and JS (10 KB gzipped), and the
essay's page within a connection's first round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import ROOT, SUMMARY
from ..site.test_weight import check_weight, plain_site_of
from ..weight import FIRST_ROUND_TRIP, HEADERS_ALLOWANCE, gzip_size


def test_essay_first_load_stays_within_budget(
    real_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    plain = plain_site_of(tmp_path_factory, (ROOT / "seeds/essay.txt").read_text(encoding="utf-8"))
    weight = check_weight(real_site, plain)
    SUMMARY.append("This essay's page weight (gzip bytes):")
    SUMMARY.extend(weight.table().splitlines())


def test_essay_page_arrives_in_one_round_trip(real_site: Path) -> None:
    """The essay's HTML, gzipped, fits in what a connection's first round trip carries.
    Only this edition's page is held to it: another essay may simply be longer."""
    size = gzip_size(real_site / "index.html")
    budget = FIRST_ROUND_TRIP - HEADERS_ALLOWANCE
    assert size <= budget, (
        f"the essay's page is {size} B gzipped, over the {budget} B a first round trip "
        "carries with the headers: a phone waits one more round trip for the text. Move "
        "what every page repeats into a file (see CONTRIBUTING.md, the reader's script)."
    )
    SUMMARY.append(f"This essay's page: {size} B gzip, first round trip {budget} B")
