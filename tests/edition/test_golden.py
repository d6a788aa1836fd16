"""Golden tests: this edition's generated pages, in tests/edition/golden/."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.model import Edition

from ..golden import PAGES, compare_with_golden

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_markdown_matches_golden(
    name: str, real_edition: Edition, update_golden: bool
) -> None:
    compare_with_golden(name, real_edition, GOLDEN, update_golden)
