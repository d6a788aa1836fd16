"""Lighthouse performance, measured rather than asserted: the essay against the plain essay.

The score depends on how busy the machine is, so it is no test gate (tests/site/test_quality.py
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
    # Every run's figures, by page and by measure: the score and the metrics as numbers.
    runs: dict[str, dict[str, list[float]]] = {"essay": {}, "plain": {}}
    units: dict[str, str] = {}
    with static_host(full_site) as full_url, static_host(plain_site) as plain_url:
        for _ in range(RUNS):
            for name, url in (("essay", full_url), ("plain", plain_url)):
                report = run_lighthouse(node, url, "")
                runs[name].setdefault("score", []).append(report.scores["performance"])
                for label, shown in report.metrics.items():
                    number, _, unit = shown.partition(" ")
                    runs[name].setdefault(label, []).append(float(number.replace(",", "")))
                    units[label] = unit
    print(f"   {'':<8} {'annotated essay':>24} {'plain essay':>24}  ratio of medians")
    for measure in runs["essay"]:
        cells = []
        for name in ("essay", "plain"):
            values = runs[name][measure]
            cells.append(
                f"{statistics.median(values):.2f} [{min(values):.2f}-{max(values):.2f}]"
                f" {units.get(measure, '')}".rstrip()
            )
        plain = statistics.median(runs["plain"][measure])
        ratio = statistics.median(runs["essay"][measure]) / plain if plain else float("nan")
        print(f"   {measure:<8} {cells[0]:>24} {cells[1]:>24}  {ratio:.2f}x")
    print(f"   {RUNS} runs of each page, interleaved; median [range]")
