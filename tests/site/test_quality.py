"""Quality gates on the built site: axe-core (WCAG 2.2 AA), the Nu Html Checker, Lighthouse.

Run alone with ``pytest -m quality``. The tools are installed by ``npm ci`` (and Java from
Debian); see tests/quality.py for what happens when they are missing.
"""

from __future__ import annotations

import gzip
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from ..conftest import SUMMARY
from ..html import parse
from ..quality import (
    AXE_JS,
    LIGHTHOUSE_CLI,
    VNU_JAR,
    LighthouseReport,
    axe_violations,
    describe_violations,
    describe_vnu_errors,
    lighthouse_table,
    require_chromium,
    require_java,
    require_node,
    require_npm_file,
    run_lighthouse,
    vnu_errors,
)
from ..servers import static_host

pytestmark = pytest.mark.quality

# A term page of the synthetic edition, one of each kind of page Lighthouse measures.
TERM_PAGE = "glossary/foghorn/"
SCHEMES = {"light": "default", "dark": "slate"}
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 412, "height": 823}}
LIGHTHOUSE_PAGES = ("", TERM_PAGE, "notes/", "sources/")
GATED_CATEGORIES = ("accessibility", "best-practices", "seo")  # each must be 1.00
LAYOUT_SHIFT_LIMIT = 0.02  # cumulative layout shift ("good" is under 0.1)


def pages_to_check(site: Path) -> list[str]:
    """Every page in the navigation, one note page and one glossary term page (each found in
    the built site, so that a missing one fails here rather than checking a 404 page)."""
    home = parse(site / "index.html")
    pages = [""]
    for link in home.css("nav.md-nav--primary a.md-nav__link[href]"):
        href = link.attributes.get("href") or ""
        path = urljoin("http://site/", href).removeprefix("http://site/")
        if "#" not in href and path not in pages:
            pages.append(path)
    notes = sorted(p.parent.name for p in (site / "notes").glob("*/index.html"))
    terms = sorted(p.parent.name for p in (site / "glossary").glob("*/index.html"))
    assert notes and terms, "no note or term pages in the built site"
    return [*pages, f"notes/{notes[0]}/", f"glossary/{terms[0]}/"]


@pytest.fixture(scope="module")
def site_host(built_site: Path) -> Iterator[str]:
    with static_host(built_site) as url:
        yield url


def test_static_host_serves_gzip_as_a_static_host_does(site_host: str, built_site: Path) -> None:
    def fetch(path: str, accept: str) -> tuple[dict[str, str], bytes]:
        request = urllib.request.Request(site_host + path, headers={"Accept-Encoding": accept})
        with urllib.request.urlopen(request, timeout=10) as response:
            return dict(response.headers), response.read()

    headers, body = fetch("", "gzip, deflate")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).lstrip().startswith(b"<!doctype html>")
    # The edition's stylesheet, named by its content (minified, with a hash) at build time.
    (stylesheet,) = built_site.glob("assets/edition.*.min.css")
    headers, body = fetch(stylesheet.relative_to(built_site).as_posix(), "identity")
    assert headers["Content-Type"] == "text/css; charset=utf-8"
    assert "Content-Encoding" not in headers
    assert int(headers["Content-Length"]) == len(body)
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch("no-such-page/", "gzip")
    missing.value.close()
    assert missing.value.code == 404


# --- Accessibility: axe-core ---------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_wcag_violations(
    chromium: Any, site_url: str, built_site: Path, scheme: str, viewport: str
) -> None:
    require_npm_file(AXE_JS)
    context = chromium.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    found = []
    try:
        for path in pages_to_check(built_site):
            page.goto(site_url + path)
            page.wait_for_function(
                "(scheme) => document.body.dataset.mdColorScheme === scheme",
                arg=SCHEMES[scheme],
                timeout=5000,
            )
            # Colours are checked as drawn: let the theme's colour transitions finish.
            page.wait_for_function(
                "() => document.getAnimations().every(a => a.playState !== 'running')",
                timeout=5000,
            )
            violations = axe_violations(page)
            if violations:
                found.append(f"/{path}\n{describe_violations(violations)}")
    finally:
        context.close()
    assert not found, (
        f"axe-core found WCAG 2.2 A/AA violations ({scheme} palette, {viewport}):\n"
        + "\n".join(found)
    )


# --- HTML validity: the Nu Html Checker -----------------------------------------------------


def test_nu_html_checker_finds_no_errors(built_site: Path) -> None:
    java = require_java()
    require_npm_file(VNU_JAR)
    errors = vnu_errors(java, built_site)
    report = describe_vnu_errors(errors, built_site)
    assert not errors, f"the Nu Html Checker found {len(errors)} errors:\n{report}"


# --- Lighthouse -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lighthouse_reports(site_host: str, built_site: Path) -> dict[str, LighthouseReport]:
    """Lighthouse on each page, one run after another.

    Only what does not depend on the machine's speed is a gate here: accessibility, best
    practices, SEO and layout shift. The performance score moves with the load on a shared
    machine, so ``make bench`` measures it, as a ratio against the bare theme in one run.
    """
    node = require_node()
    require_npm_file(LIGHTHOUSE_CLI)
    require_chromium()
    assert (built_site / TERM_PAGE / "index.html").is_file(), TERM_PAGE
    reports = [run_lighthouse(node, site_host + path, path) for path in LIGHTHOUSE_PAGES]
    SUMMARY.append("Lighthouse (mobile, simulated slow 4G, gzip; performance is not a gate):")
    SUMMARY.extend("  " + line for line in lighthouse_table(reports).splitlines())
    return {report.path: report for report in reports}


@pytest.mark.parametrize("path", LIGHTHOUSE_PAGES)
def test_lighthouse_scores(lighthouse_reports: dict[str, LighthouseReport], path: str) -> None:
    report = lighthouse_reports[path]
    table = lighthouse_table(list(lighthouse_reports.values()))
    low = {name: report.scores[name] for name in GATED_CATEGORIES if report.scores[name] < 1.0}
    assert not low, f"/{path}: scores under 1.00 {low}\n{table}\nAudits below 1:\n  " + "\n  ".join(
        report.failing_audits
    )
    assert report.layout_shift <= LAYOUT_SHIFT_LIMIT, (
        f"/{path}: the layout shifts by {report.layout_shift:.3f} while loading "
        f"(limit {LAYOUT_SHIFT_LIMIT}); something is moved after the first paint\n{table}"
    )
