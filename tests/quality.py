"""The quality gates' tools: axe-core, the Nu Html Checker, Lighthouse, and a gzip static host.

The tools come from the npm registry (``package.json``, installed by ``npm ci``) and Java.
On a laptop without them the gates skip with a reason; in CI (``CI`` set) a missing tool
is a failure, never a skip.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .browser import CHROMIUM, CHROMIUM_ARGS, CHROMIUM_ENV

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE_CLI = NODE_MODULES / "lighthouse" / "cli" / "index.js"


def require(present: bool, what: str, how: str) -> None:
    """Skip (laptop) or fail (CI) when a gate's tool is missing."""
    if present:
        return
    message = f"{what} is missing; {how}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI must run the quality gates)")
    pytest.skip(message)


def require_npm_file(path: Path) -> None:
    require(path.is_file(), str(path.relative_to(ROOT)), "run `npm ci` in the repository root")


def require_java() -> str:
    java = shutil.which("java")
    require(java is not None, "java", "install a Java runtime (Debian: default-jre-headless)")
    assert java is not None
    return java


def require_node() -> str:
    node = shutil.which("node")
    require(node is not None, "node", "install Node.js 20 (Debian: nodejs)")
    assert node is not None
    return node


def require_chromium() -> None:
    require(CHROMIUM.exists(), f"Chromium at {CHROMIUM}", "install Debian's chromium package")


# --- axe-core -----------------------------------------------------------------------------

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# axe-core reads the colours of content the browser has skipped (content-visibility: auto,
# off screen) wrongly and reports contrast failures that no reader sees
# (dequelabs/axe-core#2768, open): each part of the page is checked as it is drawn once a
# reader scrolls to it.
DRAW_EVERYTHING = "* { content-visibility: visible !important; }"


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now, WCAG 2.2 A and AA rules only."""
    page.add_style_tag(content=DRAW_EVERYTHING)
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return list(result["violations"])


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"  at {' '.join(map(str, node['target']))}")
            lines.append(f"     {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").splitlines()
            lines += [f"     {line.strip()}" for line in summary if line.strip()]
    return "\n".join(lines)


# --- The Nu Html Checker ------------------------------------------------------------------


@dataclass(frozen=True)
class Tolerated:
    """A checker error that comes from the theme, cannot be fixed in an override, and why."""

    message: str
    extract_pattern: str  # a regular expression; the site's HTML is minified
    reason: str


TOLERATED_VNU_ERRORS = (
    Tolerated(
        message=(
            "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
            "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
            "“search”, “tel”, “text”, “time”, “url”, or “week”."
        ),
        extract_pattern=r'<input class="?md-toggle"? data-md-toggle="?(drawer|search)\b',
        reason=(
            "Material's base.html writes autocomplete=off on its two hidden state checkboxes "
            "(drawer, search) outside any template block, so that Firefox does not restore an "
            "open drawer on back navigation; only a copy of the whole base.html could drop it, "
            "and browsers ignore it. Any other autocomplete error still fails."
        ),
    ),
)


def is_tolerated(message: dict[str, Any]) -> bool:
    return any(
        message.get("message") == known.message
        and re.search(known.extract_pattern, message.get("extract") or "") is not None
        for known in TOLERATED_VNU_ERRORS
    )


def vnu_errors(java: str, site: Path) -> list[dict[str, Any]]:
    """Every error the Nu Html Checker reports on the site's HTML, less the tolerated ones."""
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    report = json.loads(result.stderr or result.stdout)
    messages: list[dict[str, Any]] = report["messages"]
    return [m for m in messages if m.get("type") != "info" and not is_tolerated(m)]


def describe_vnu_errors(errors: list[dict[str, Any]], site: Path) -> str:
    lines = []
    root = str(site.resolve())
    for error in errors:
        where = str(error.get("url", "")).partition(root)[2].lstrip("/")
        lines.append(f"{where}:{error.get('lastLine', '?')}: {error['message']}")
        if error.get("extract"):
            lines.append(f"    {error['extract'].strip()[:200]!r}")
    return "\n".join(lines)


# --- Lighthouse ---------------------------------------------------------------------------

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {  # label: (audit, unit of its numericValue, shown as)
    "FCP": ("first-contentful-paint", 1000, "{:.2f} s"),
    "LCP": ("largest-contentful-paint", 1000, "{:.2f} s"),
    "TBT": ("total-blocking-time", 1, "{:.0f} ms"),
    "CLS": ("cumulative-layout-shift", 1, "{:.3f}"),
    "bytes": ("total-byte-weight", 1024, "{:.0f} KiB"),
}


@dataclass(frozen=True)
class LighthouseReport:
    path: str
    scores: dict[str, float]
    metrics: dict[str, str]
    failing_audits: list[str]
    diagnostics: list[str]
    layout_shift: float = 0.0  # cumulative, as the CLS metric reports it


def short_url(url: str) -> str:
    return urlsplit(url).path.rsplit("/", 1)[-1] or urlsplit(url).path or url


def failing_audits(lhr: dict[str, Any]) -> list[str]:
    """Every scored audit under 1, with the elements it names (for accessibility audits)."""
    audits = lhr["audits"]
    failing = []
    for name in CATEGORIES:
        for ref in lhr["categories"][name]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                failing.append(
                    f"{name}: {ref['id']} = {audit['score']:.2f} ({audit['title']}"
                    + (f"; {audit['displayValue']}" if audit.get("displayValue") else "")
                    + ")"
                )
                items = (audit.get("details") or {}).get("items") or []
                for item in items[:5]:
                    node = item.get("node") if isinstance(item, dict) else None
                    if isinstance(node, dict) and node.get("selector"):
                        failing.append(f"    at {node['selector']}")
    return failing


def performance_diagnostics(lhr: dict[str, Any]) -> list[str]:
    """What the time went on: long main-thread tasks, script start-up, the largest transfers."""
    audits = lhr["audits"]
    lines = []
    tasks = (audits.get("long-tasks", {}).get("details") or {}).get("items") or []
    lines += [f"long task {t['duration']:.0f} ms in {short_url(t['url'])}" for t in tasks[:5]]
    scripts = (audits.get("bootup-time", {}).get("details") or {}).get("items") or []
    lines += [
        f"script {short_url(s['url'])}: {s['total']:.0f} ms main thread ({s['scripting']:.0f} ms running)"
        for s in scripts[:3]
    ]
    requests = (audits.get("network-requests", {}).get("details") or {}).get("items") or []
    largest = sorted(requests, key=lambda r: -float(r.get("transferSize") or 0))[:5]
    lines += [
        f"transfer {float(r.get('transferSize') or 0) / 1024:.0f} KiB {short_url(r['url'])}"
        for r in largest
    ]
    return lines


# A wide desktop: the width where the sidenotes' margin shows (Lighthouse's desktop preset
# is 1350 px wide; the margin's layout is what must not shift).
WIDE_DESKTOP = (
    "--preset=desktop",
    "--screenEmulation.width=1920",
    "--screenEmulation.height=1080",
)


def lighthouse_json(
    node: str, url: str, flags: tuple[str, ...] = (), categories: tuple[str, ...] = CATEGORIES
) -> dict[str, Any]:
    """One Lighthouse run in Debian's Chromium, its whole report (``make bench`` reads the
    audits' details): mobile defaults (simulated throttling) unless ``flags`` say otherwise."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        output = Path(scratch) / "report.json"
        result = subprocess.run(
            [
                node,
                str(LIGHTHOUSE_CLI),
                url,
                "--output=json",
                f"--output-path={output}",
                "--quiet",
                f"--only-categories={','.join(categories)}",
                f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
                *flags,
            ],
            env={**CHROMIUM_ENV, "CHROME_PATH": str(CHROMIUM), "TMPDIR": scratch},
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
        assert result.returncode == 0 and output.exists(), (
            f"Lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}"
        )
        lhr: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return lhr


def run_lighthouse(node: str, url: str, path: str, flags: tuple[str, ...] = ()) -> LighthouseReport:
    """One Lighthouse run in Debian's Chromium: mobile defaults (simulated throttling)
    unless ``flags`` say otherwise (WIDE_DESKTOP)."""
    lhr = lighthouse_json(node, url, flags)
    if lhr.get("runtimeError"):
        pytest.fail(f"Lighthouse could not load {url}: {lhr['runtimeError']}")
    audits = lhr["audits"]
    scores = {name: float(lhr["categories"][name]["score"] or 0) for name in CATEGORIES}
    metrics = {
        label: shown.format(float(audits[audit]["numericValue"]) / unit)
        for label, (audit, unit, shown) in METRICS.items()
    }
    return LighthouseReport(
        path,
        scores,
        metrics,
        failing_audits(lhr),
        performance_diagnostics(lhr),
        float(audits["cumulative-layout-shift"]["numericValue"]),
    )


def lighthouse_table(reports: list[LighthouseReport]) -> str:
    header = ["page", "perf", "a11y", "b-p", "seo", *METRICS]
    rows = [
        [
            "/" + report.path,
            *(f"{report.scores[name]:.2f}" for name in CATEGORIES),
            *report.metrics.values(),
        ]
        for report in reports
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in [header, *rows]
    )
