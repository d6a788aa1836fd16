"""Lighthouse performance, measured rather than asserted: the essay against the plain essay.

The score depends on how busy the machine is, so it is no test gate (tests/test_quality.py
gates only what does not: accessibility, best practices, SEO, layout shift). Here both
pages are scored in the same run, alternately, and the ratio of the medians is printed.
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

from tests.browser import CHROMIUM
from tests.quality import LIGHTHOUSE_CLI, run_lighthouse
from tests.servers import static_host

RUNS = 3  # per page, alternating, so that a busy spell hits both


def bench_lighthouse(full_site: Path, plain_site: Path) -> None:
    node = shutil.which("node")
    print("5. Lighthouse performance (mobile, simulated slow 4G, gzip), median of", RUNS)
    if node is None or not LIGHTHOUSE_CLI.is_file() or not CHROMIUM.exists():
        print("   skipped: needs node, `npm ci` and Debian's chromium (bash .ci/run installs them)")
        return
    scores: dict[str, list[float]] = {"essay": [], "plain": []}
    metrics: dict[str, dict[str, str]] = {}
    with static_host(full_site) as full_url, static_host(plain_site) as plain_url:
        for _ in range(RUNS):
            for name, url in (("essay", full_url), ("plain", plain_url)):
                report = run_lighthouse(node, url, "")
                scores[name].append(report.scores["performance"])
                metrics[name] = report.metrics
    essay, plain = (statistics.median(scores[name]) for name in ("essay", "plain"))
    for name, median in (("annotated essay", essay), ("plain essay, bare theme", plain)):
        key = "essay" if name.startswith("annotated") else "plain"
        shown = ", ".join(f"{label} {value}" for label, value in metrics[key].items())
        print(f"   {name:<24} {median:.2f}  (last run: {shown})")
    print(f"   ratio {essay / plain:.2f} of the plain essay's score")
