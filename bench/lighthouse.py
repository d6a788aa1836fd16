"""Lighthouse, measured rather than asserted: each benchmarked page against its plain twin.

The figures depend on how busy the machine is, so none is a test gate (tests/site/test_quality.py
gates only what does not: accessibility, best practices, SEO, layout shift). Here each page
and its twin (bench/plain_twin.py: the same text under the same theme settings) are run in
the same process, interleaved (edition, plain, the next pair, and again), so that a busy
spell hits both; the medians, ranges and ratios of medians are printed beside issue 23's
targets, marked met or not met, never asserted.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.plain_twin import html_path
from tests.browser import CHROMIUM, CHROMIUM_ENV
from tests.quality import LIGHTHOUSE_CLI, lighthouse_json
from tests.servers import static_host

RUNS_VARIABLE = "BENCH_LIGHTHOUSE_RUNS"  # runs of each page; medians need at least 3
DEFAULT_RUNS = 3
DESKTOP = ("--preset=desktop",)
THEME_BUNDLE = re.compile(r"/assets/javascripts/bundle\.[^/]*\.js$")
OWN_SCRIPT = re.compile(r"/assets/(edition[^/]*|js/[^/]+)\.js$")


@dataclass(frozen=True)
class Request:
    path: str  # from the site's root
    kind: str  # Lighthouse's resource type: Document, Script, Fetch...
    transfer: int  # bytes on the wire (gzip)


@dataclass(frozen=True)
class Reading:
    """One Lighthouse run's figures for one page."""

    figures: dict[str, float]  # by Measure.key
    requests: tuple[Request, ...]
    lighthouse: str  # the version, for the record


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    shown: str  # a format for one value
    target: str = ""  # issue 23's, as printed
    met: Callable[[float, float], bool] | None = None  # (edition median, plain median)


MEASURES = (
    Measure("score", "performance score", "{:.2f}", ">= 0.98 and within 0.02 of plain",
            lambda e, p: e >= 0.98 and e >= p - 0.02),
    Measure("lcp", "largest contentful paint, ms", "{:.0f}", "<= 1.15x",
            lambda e, p: e <= 1.15 * p),
    Measure("tbt", "total blocking time, ms", "{:.0f}", "<= plain + 50 ms",
            lambda e, p: e <= p + 50),
    Measure("cls", "cumulative layout shift", "{:.3f}"),
    Measure("style", "main thread: style & layout, ms", "{:.0f}", "<= 1.5x",
            lambda e, p: e <= 1.5 * p),
    Measure("theme", "theme's bundle: script, ms", "{:.0f}", "<= 1.3x",
            lambda e, p: e <= 1.3 * p),
    Measure("own", "edition's own script, ms", "{:.0f}"),
    Measure("bytes", "bytes to network idle, KB", "{:.1f}", "<= 1.25x",
            lambda e, p: e <= 1.25 * p),
    Measure("dom", "DOM elements", "{:.0f}"),
)  # fmt: skip


def _items(audits: dict[str, Any], audit: str) -> list[dict[str, Any]]:
    return list(((audits.get(audit) or {}).get("details") or {}).get("items") or [])


def _script_time(audits: dict[str, Any], pattern: re.Pattern[str]) -> float:
    """Script evaluation on the main thread (audit bootup-time) of the scripts matching."""
    rows = _items(audits, "bootup-time")
    return sum(float(r["scripting"]) for r in rows if pattern.search(urlsplit(r["url"]).path))


def _site_path(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme == "data":
        return "data:" + parts.path.split(";")[0].split(",")[0]
    return parts.path + (f"?{parts.query}" if parts.query else "")


def reading(lhr: dict[str, Any]) -> Reading:
    """The figures of one Lighthouse report."""
    audits = lhr["audits"]
    breakdown = {
        r["group"]: float(r["duration"]) for r in _items(audits, "mainthread-work-breakdown")
    }
    requests = tuple(
        Request(
            _site_path(r["url"]), str(r.get("resourceType") or ""), int(r.get("transferSize") or 0)
        )
        for r in _items(audits, "network-requests")
    )
    figures = {
        "score": float(lhr["categories"]["performance"]["score"] or 0),
        "lcp": float(audits["largest-contentful-paint"]["numericValue"]),
        "tbt": float(audits["total-blocking-time"]["numericValue"]),
        "cls": float(audits["cumulative-layout-shift"]["numericValue"]),
        "style": breakdown.get("styleLayout", 0.0),
        "theme": _script_time(audits, THEME_BUNDLE),
        "own": _script_time(audits, OWN_SCRIPT),
        "bytes": sum(r.transfer for r in requests) / 1000,
        "dom": float((audits.get("dom-size") or {}).get("numericValue") or 0),
    }
    return Reading(figures, requests, str(lhr.get("lighthouseVersion", "?")))


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values))

    def shown(self, form: str) -> str:
        return f"{form.format(self.median)} [{form.format(self.low)}-{form.format(self.high)}]"


def comparison(measure: Measure, edition: Spread, plain: Spread) -> list[str]:
    """The cells after the two spreads: the ratio of medians and the target, met or not."""
    ratio = f"{edition.median / plain.median:.2f}x" if plain.median else "-"
    if measure.met is None:
        return [ratio, ""]
    verdict = "met" if measure.met(edition.median, plain.median) else "NOT MET"
    return [ratio, f"{measure.target}: {verdict}"]


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "   "
        + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def page_table(runs: dict[str, list[Reading]]) -> str:
    rows = [["", "edition median [range]", "plain median [range]", "ratio", "target (issue 23)"]]
    for measure in MEASURES:
        edition = Spread.of([r.figures[measure.key] for r in runs["edition"]])
        plain = Spread.of([r.figures[measure.key] for r in runs["plain"]])
        rows.append(
            [measure.label, edition.shown(measure.shown), plain.shown(measure.shown),
             *comparison(measure, edition, plain)]
        )  # fmt: skip
    return table(rows)


def requests_table(requests: Sequence[Request]) -> str:
    """Every request by its path; the inline ``data:`` images (no bytes on the wire) counted."""
    inline = [r for r in requests if r.path.startswith("data:")]
    rows = [["request", "type", "bytes"]]
    rows += [[r.path, r.kind, str(r.transfer)] for r in requests if r not in inline]
    if inline:
        rows.append([f"{len(inline)} data: URLs (inline images)", "Image", "0"])
    return table(rows)


def runs_wanted() -> int:
    runs = int(os.environ.get(RUNS_VARIABLE, DEFAULT_RUNS))
    if runs < 1:
        raise SystemExit(f"{RUNS_VARIABLE} must be at least 1")
    return runs


def measure(node: str, url: str, flags: tuple[str, ...] = ()) -> Reading:
    lhr = lighthouse_json(node, url, flags, categories=("performance",))
    if lhr.get("runtimeError"):
        raise SystemExit(f"Lighthouse could not load {url}: {lhr['runtimeError']}")
    return reading(lhr)


def bench_lighthouse(site: Path, plain_site: Path, pages: Sequence[str]) -> None:
    """Each page of ``pages`` (source paths) on the edition and on its plain twin."""
    node = shutil.which("node")
    runs = runs_wanted()
    print("5. Lighthouse: each page against its plain twin (same text, same theme settings),")
    print("   mobile defaults (simulated slow 4G, 4x CPU slowdown), served with gzip;")
    print(f"   {runs} runs of each page, interleaved: edition, plain, the next pair, and again")
    if node is None or not LIGHTHOUSE_CLI.is_file() or not CHROMIUM.exists():
        print("   skipped: needs node, `npm ci` and Debian's chromium (bash .ci/run installs them)")
        return
    if runs < 3:
        print(f"   ({RUNS_VARIABLE}={runs}: fewer than 3 runs, not figures to quote)")
    readings: dict[str, dict[str, list[Reading]]] = {p: {"edition": [], "plain": []} for p in pages}
    load_before = os.getloadavg()[0]  # other jobs on the machine widen the ranges: say so
    with static_host(site) as edition_url, static_host(plain_site) as plain_url:
        for _ in range(runs):
            for page in pages:
                for name, base in (("edition", edition_url), ("plain", plain_url)):
                    readings[page][name].append(measure(node, base + html_path(page)))
        desktop = {
            name: measure(node, base + html_path(pages[0]), DESKTOP)
            for name, base in (("edition", edition_url), ("plain", plain_url))
        }
    browser = subprocess.run(
        [str(CHROMIUM), "--version"], capture_output=True, text=True, check=False, env=CHROMIUM_ENV
    ).stdout.strip()
    print(f"   Lighthouse {readings[pages[0]]['edition'][0].lighthouse}; {browser}")
    print(
        f"   load average (1 min) {load_before:.1f} before the runs, {os.getloadavg()[0]:.1f}"
        f" after, on {os.cpu_count()} cores"
    )
    for page in pages:
        print(f"\n   /{html_path(page).removesuffix('index.html')}")
        print(page_table(readings[page]))
        print("   what the edition page fetched before network idle (first run):")
        print(requests_table(readings[page]["edition"][0].requests))
    edition_score, plain_score = (desktop[n].figures["score"] for n in ("edition", "plain"))
    verdict = "met" if edition_score >= 1.0 else "NOT MET"
    essay = html_path(pages[0]).removesuffix("index.html")
    print(f"\n   desktop (--preset=desktop), /{essay}, one run of each: performance score")
    print(f"   {edition_score:.2f}, plain {plain_score:.2f}; target 1.00: {verdict}")
