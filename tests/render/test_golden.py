"""Golden tests: the generated Markdown of the synthetic edition's pages, in tests/golden/.

After an intended change, regenerate with ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.model import Edition

from ..golden import PAGES, TOOL_PAGES, compare_with_golden

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_markdown_matches_golden(
    name: str, edition: Edition, update_golden: bool
) -> None:
    compare_with_golden(name, edition, GOLDEN, update_golden)


@pytest.mark.parametrize("name", sorted(TOOL_PAGES))
def test_note_and_sources_pages_match_golden(
    name: str, edition: Edition, update_golden: bool
) -> None:
    compare_with_golden(name, edition, GOLDEN, update_golden, TOOL_PAGES)
