"""Fixtures for browser tests: the built site on 127.0.0.1 and Debian's Chromium via Playwright.

On a laptop without Chromium the browser tests skip with a reason; in CI (``CI`` set)
a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .servers import static_host

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Only the fonts this file names (DejaVu), so that no test depends on a machine's fonts.
FONTS_CONF = Path(__file__).resolve().parent / "fonts.conf"
CHROMIUM_ENV = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with static_host(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}; install Debian's chromium package"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the browser tests)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, env=dict(CHROMIUM_ENV)
        )
        yield browser
        browser.close()


@dataclass
class Watch:
    """What a page did that it should not: requests off this machine, console errors."""

    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture
def watch() -> Watch:
    return Watch()


def watched_tab(chromium: Any, watch: Watch, **options: Any) -> Any:
    """A new tab (in a context of its own) that records in ``watch`` every request leaving
    this machine and every console error."""
    context = chromium.new_context(**options)
    tab = context.new_page()

    def on_request(request: Any) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host != "127.0.0.1":
            watch.external_requests.append(request.url)

    tab.on("request", on_request)

    def on_console(message: Any) -> None:
        if message.type == "error":
            watch.console_errors.append(message.text)

    tab.on("console", on_console)
    tab.on("pageerror", lambda e: watch.console_errors.append(str(e)))
    return tab


@pytest.fixture
def page(chromium: Any, watch: Watch) -> Iterator[Any]:
    tab = watched_tab(chromium, watch, viewport={"width": 1280, "height": 900})
    yield tab
    tab.context.close()
    assert watch.external_requests == [], (
        f"requests left this machine (a CDN, web font or API?): {watch.external_requests}"
    )
    assert watch.console_errors == [], f"the console reported errors: {watch.console_errors}"


@pytest.fixture
def tabs(chromium: Any) -> Iterator[tuple[Watch, list[Any]]]:
    """Tabs opened by a test; closed after it, which fails on errors or outside requests."""
    watch = Watch()
    opened: list[Any] = []
    yield watch, opened
    for tab in opened:
        tab.context.close()
    assert watch.external_requests == [], watch.external_requests
    assert watch.console_errors == [], watch.console_errors


# Characters on each full line of the blocks a selector names (the last line of each is
# short, and left out): the essay's paragraphs, or every page's paragraphs and list items.
CHARACTERS_PER_LINE = """(selector) => {
    const counts = [];
    for (const p of document.querySelectorAll(selector)) {
        if (p.closest('.ed-sidenote, table, nav, .md-typeset__table, li p')) continue;
        const lines = new Map();
        const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walk.nextNode(); node; node = walk.nextNode()) {
            if (node.parentElement.closest('.ed-pilcrow, .ed-para-tools, sup, del, ul, ol')
                && node.parentElement.closest('ul, ol') !== p.closest('ul, ol')) continue;
            for (let i = 0; i < node.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const box = range.getClientRects()[0];
                if (!box) continue;
                const line = Math.round(box.bottom);
                lines.set(line, (lines.get(line) || 0) + 1);
            }
        }
        counts.push(...[...lines.values()].slice(0, -1));
    }
    return counts;
}"""
ESSAY_PARAGRAPHS = ".ed-para"
PROSE_BLOCKS = "article.md-content__inner :is(p, li)"


NOTES_WAIT = "matchMedia('(hover: none)').matches && !matchMedia('(min-width: 76.25em)').matches"
ALL_NOTES_FULL = "() => document.querySelectorAll('.footnote li:not(.ed-note-full)').length === 0"


def open_tab(chromium: Any, tabs: tuple[Watch, list[Any]], url: str, **options: Any) -> Any:
    """A watched tab at ``url``, loaded, and where the page has notes, with their full text
    in (it arrives after load and fills every note) - except on a phone, where the text
    waits until a reader reaches for a note: there, once what runs after load has run."""
    watch, opened = tabs
    tab = watched_tab(chromium, watch, **options)
    opened.append(tab)
    tab.goto(url)
    tab.wait_for_load_state("load")
    if tab.locator(".footnote").count():
        if tab.evaluate(NOTES_WAIT):
            tab.wait_for_function("() => document.querySelector('.ed-copy')")
        else:
            tab.wait_for_function(ALL_NOTES_FULL)
    return tab


def fill_notes(tab: Any) -> None:
    """On a phone: bring the list of notes near the screen, as a reader scrolling to it
    does, wait for every note's text, and go back to where the page was."""
    where = tab.evaluate("() => window.scrollY")
    tab.locator(".footnote").evaluate("list => list.scrollIntoView()")
    tab.wait_for_function(ALL_NOTES_FULL)
    tab.evaluate("(y) => window.scrollTo(0, y)", where)
