"""Lighthouse at a wide desktop width, where the essay's sidenotes take the margin.

The mobile runs (tests/site/test_quality.py) never see the wide layout. Here the deterministic
checks gate: accessibility, best practices and SEO at 1.00, and the layout shift, which
the stylesheet decides from the first paint. The performance score is not gated here
(timings on a shared machine belong to ``make bench``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ..quality import (
    LIGHTHOUSE_CLI,
    WIDE_DESKTOP,
    lighthouse_table,
    require_chromium,
    require_node,
    require_npm_file,
    run_lighthouse,
)
from ..servers import static_host

pytestmark = pytest.mark.quality

SHIFT_BUDGET = 0.02
DETERMINISTIC = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def site_host(built_site: Path) -> Iterator[str]:
    with static_host(built_site) as url:
        yield url


@pytest.mark.parametrize("path", ["", "notes/"])
def test_lighthouse_at_a_wide_desktop(site_host: str, path: str) -> None:
    node = require_node()
    require_npm_file(LIGHTHOUSE_CLI)
    require_chromium()
    report = run_lighthouse(node, site_host + path, path, WIDE_DESKTOP)
    low = {name: report.scores[name] for name in DETERMINISTIC if report.scores[name] < 1.0}
    assert not low, (
        f"/{path} at 1920 px: scores under 1.00 {low}\n{lighthouse_table([report])}\n  "
        + "\n  ".join(report.failing_audits)
    )
    assert report.layout_shift <= SHIFT_BUDGET, (
        f"/{path} at 1920 px: cumulative layout shift {report.layout_shift:.3f} "
        f"> {SHIFT_BUDGET}\n{lighthouse_table([report])}"
    )
