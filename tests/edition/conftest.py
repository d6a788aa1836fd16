"""This edition's own content, built once: the essay in seeds/ and the data in docs/.

The tests in this folder hold what this edition promises about its content (claims
covered, required terms, section and correction counts, its golden pages, its address
registry, its page weight). ``make new-edition`` removes the folder: a new essay starts
with the tool's tests alone, and writes its own expectations here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.ingest.pipeline import build_edition
from scripts.model import Edition

from ..conftest import ROOT, site_build


@pytest.fixture(scope="session")
def real_edition() -> Edition:
    """This edition, from the files in the repository."""
    return build_edition(ROOT)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """This edition built once with --strict (the only build of it in a run)."""
    site = tmp_path_factory.mktemp("real-site")
    result = site_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    yield site
