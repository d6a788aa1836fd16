"""Notes in place on every screen, measured over every note the built essay has.

A phone (390 x 844, touch) opens notes, terms and corrections in a sheet without moving the
page; wide screens (1440, 1920) set each sidenote beside its marker; no screen shifts its
layout after the first paint; Escape closes every popup, the theme's included.
"""

from __future__ import annotations

import itertools
import statistics
from pathlib import Path
from typing import Any

import pytest

from scripts.model import Edition

from ..browser import CHARACTERS_PER_LINE, ESSAY_PARAGRAPHS, open_tab
from ..html import parse
from ..quality import AXE_JS, axe_violations, describe_violations, require_npm_file

pytestmark = pytest.mark.browser

PHONE_HEIGHT = 844
PHONE = {"viewport": {"width": 390, "height": PHONE_HEIGHT}, "has_touch": True, "is_mobile": True}
DESKTOPS = (1280, 1440, 1920)
SHIFT_BUDGET = 0.02  # cumulative layout shift; 0.1 is "good", 0.25 "poor"
MEDIAN_OFFSET, LARGEST_OFFSET = 24, 160  # px between a sidenote and its marker

MARKERS = ".ed-para sup[id^='fnref'] a"

# The layout shifts of the page's life, as the Layout Instability API reports them.
CUMULATIVE_SHIFT = """() => new Promise(done => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => done(total), 500);
})"""

# Each sidenote's top against its marker's, in document order.
SIDENOTE_OFFSETS = """(selector) => {
    const markers = [...document.querySelectorAll(selector)];
    const notes = [...document.querySelectorAll('.ed-sidenote')];
    if (markers.length !== notes.length) return null;
    return notes.map((n, i) => n.getBoundingClientRect().top - markers[i].getBoundingClientRect().top);
}"""


def desktop(width: int) -> dict[str, Any]:
    return {"viewport": {"width": width, "height": 1000}}


@pytest.mark.parametrize("width", [390, *DESKTOPS])
def test_no_layout_shift_from_first_paint_to_notes_filled(
    chromium: Any, tabs: Any, site_url: str, width: int
) -> None:
    options = PHONE if width == 390 else desktop(width)
    tab = open_tab(chromium, tabs, site_url, **options)
    shift = tab.evaluate(CUMULATIVE_SHIFT)
    assert shift <= SHIFT_BUDGET, f"cumulative layout shift {shift:.3f} at {width} px"


@pytest.mark.parametrize("width", [1440, 1920])
def test_each_sidenote_sits_beside_its_marker(
    chromium: Any, tabs: Any, site_url: str, width: int
) -> None:
    tab = open_tab(chromium, tabs, site_url, **desktop(width))
    offsets = tab.evaluate(SIDENOTE_OFFSETS, MARKERS)
    assert offsets is not None, "one sidenote per note marker"
    assert len(offsets) >= 2
    assert statistics.median(offsets) <= MEDIAN_OFFSET, offsets
    assert max(offsets) <= LARGEST_OFFSET, offsets
    assert min(offsets) >= -2, "a sidenote starts above its marker's line"
    boxes = tab.locator(".ed-sidenote").evaluate_all(
        "ns => ns.map(n => { const r = n.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right]; })"
    )
    text = tab.locator(".ed-para").first.bounding_box()
    page_width = tab.evaluate("() => document.documentElement.clientWidth")
    for _top, _bottom, left, right in boxes:
        assert text["x"] + text["width"] < left and right <= page_width
    for (_t, bottom, *_), (next_top, *_) in itertools.pairwise(boxes):
        assert bottom <= next_top, "sidenotes overlap"
    # Compact: verdict and headline only; a click opens the whole note in place, over the
    # margin below it: the next note stays beside its marker.
    first = tab.locator(".ed-sidenote").first
    compact = first.bounding_box()["height"]
    second_before = tab.locator(".ed-sidenote").nth(1).bounding_box()
    assert not first.locator(".ed-note-link").is_visible()
    first.click()
    assert first.locator(".ed-note-link").is_visible()
    assert first.bounding_box()["height"] > compact
    assert tab.locator(".ed-sidenote").nth(1).bounding_box() == second_before
    first.click()
    assert first.bounding_box()["height"] == compact


def test_sidenotes_wait_for_a_column_and_margin_that_fit(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    tab = open_tab(chromium, tabs, site_url, **desktop(1100))
    assert tab.locator(".ed-sidenote").count() == 0 or tab.locator(".ed-sidenote").first.is_hidden()


@pytest.mark.parametrize("width", DESKTOPS)
def test_essay_prose_keeps_a_reading_measure(
    chromium: Any, tabs: Any, site_url: str, width: int
) -> None:
    tab = open_tab(chromium, tabs, site_url, **desktop(width))
    counts = tab.evaluate(CHARACTERS_PER_LINE, ESSAY_PARAGRAPHS)
    assert len(counts) >= 10
    assert 60 <= statistics.median(counts) <= 75, statistics.median(counts)


def test_a_phone_line_is_never_wider_than_the_measure(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    tab = open_tab(chromium, tabs, site_url, **PHONE)
    assert statistics.median(tab.evaluate(CHARACTERS_PER_LINE, ESSAY_PARAGRAPHS)) <= 75
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= 390


def sheet_is_open(tab: Any) -> bool:
    return bool(tab.evaluate("() => !!document.querySelector('dialog.ed-sheet[open]')"))


def test_phone_opens_every_note_in_a_sheet_keeping_its_marker_in_view(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    tab = open_tab(chromium, tabs, site_url, **PHONE)
    markers = tab.locator(MARKERS)
    total = markers.count()
    assert total >= 2
    marker = markers.nth(total // 2)
    marker.scroll_into_view_if_needed()
    scroll = tab.evaluate("() => scrollY")
    note_id = (marker.get_attribute("href") or "").removeprefix("#")
    marker.tap()
    assert sheet_is_open(tab)
    assert tab.evaluate("() => document.activeElement.closest('dialog.ed-sheet') !== null")
    sheet = tab.locator("dialog.ed-sheet")
    footnote = tab.locator(f'[id="{note_id}"]')
    headline = footnote.locator("strong").first.inner_text()
    assert headline in sheet.inner_text()
    # The full text, and the sources it cites, each once.
    body = footnote.locator("p").nth(1).inner_text()
    assert body[:40] in sheet.inner_text()
    cited = footnote.locator("a.ed-cite").evaluate_all("as => [...new Set(as.map(a => a.href))]")
    listed = sheet.locator(".ed-sheet-sources a").evaluate_all("as => as.map(a => a.href)")
    assert listed == cited
    more = sheet.get_by_role("link", name="Read the note’s page")
    assert more.get_attribute("href") == footnote.locator(".ed-note-link").get_attribute("href")
    # Next and previous note, in reading order.
    title = tab.locator("#ed-sheet-title")
    n = int(marker.get_attribute("data-n") or "0")
    assert title.inner_text() == f"Note {n} of {total}"
    sheet.get_by_role("button", name="Next note").tap()
    assert title.inner_text() == f"Note {n + 1} of {total}"
    sheet.get_by_role("button", name="Previous note").tap()
    sheet.get_by_role("button", name="Previous note").tap()
    assert title.inner_text() == f"Note {n - 1} of {total}"
    # Three ways to close it; each time the focus goes back to the marker.
    for close in ("button", "Escape", "outside"):
        if not sheet_is_open(tab):
            marker.tap()
        assert sheet_is_open(tab)
        if close == "button":
            sheet.get_by_role("button", name="Close").tap()
        elif close == "Escape":
            tab.keyboard.press("Escape")
        else:
            tab.touchscreen.tap(195, 60)  # above the sheet, on the backdrop
        assert not sheet_is_open(tab), f"the sheet stayed open after {close}"
        assert marker.evaluate("m => m === document.activeElement")
        # The page moves only as much as keeps the marker above the sheet (issue 21): the
        # marker the reader tapped is still on the screen, never scrolled away.
        box = marker.bounding_box()
        assert box is not None and 0 <= box["y"] <= PHONE_HEIGHT - box["height"]
        assert abs(tab.evaluate("() => scrollY") - scroll) < PHONE_HEIGHT
        assert "#fn:" not in tab.url  # the theme may track the section; never the note


def test_phone_opens_terms_and_corrections_in_the_sheet(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    tab = open_tab(chromium, tabs, site_url, **PHONE)
    sheet = tab.locator("dialog.ed-sheet")
    term = tab.locator(".ed-para a.ed-term").first
    term.scroll_into_view_if_needed()
    scroll = tab.evaluate("() => scrollY")
    # On a phone the definitions arrive when a reader first reaches for a term: the sheet
    # opens at once and fills in when its definition is here.
    assert term.get_attribute("title") is None
    term.tap()
    assert sheet_is_open(tab)
    tab.wait_for_function("(t) => t.title", arg=term.element_handle())
    definition = term.get_attribute("title") or ""
    tab.wait_for_function(
        "(d) => document.querySelector('dialog.ed-sheet').innerText.includes(d)",
        arg=definition.split(": ", 1)[1],
    )
    entry = sheet.get_by_role("link", name="Read the glossary entry")
    assert entry.get_attribute("href") == term.get_attribute("href")
    sheet.get_by_role("button", name="Close").tap()
    correction = tab.locator(".ed-para .ed-corr").first
    correction.scroll_into_view_if_needed()
    scroll = tab.evaluate("() => scrollY")
    original = (correction.locator("del").get_attribute("data-original") or "").strip()
    correction.tap()
    assert sheet_is_open(tab)
    assert f"Original reading: “{original}”" in sheet.inner_text()
    tab.keyboard.press("Escape")
    assert not sheet_is_open(tab)
    assert tab.evaluate("() => scrollY") == scroll


def visible_tooltips(tab: Any) -> list[str]:
    return list(
        tab.evaluate(
            """() => [...document.querySelectorAll('.md-tooltip2--active, .md-tooltip--active')]
                .filter(t => t.getBoundingClientRect().height > 0
                    && getComputedStyle(t).display !== 'none'
                    && getComputedStyle(t).visibility !== 'hidden')
                .map(t => t.innerText)"""
        )
    )


def test_escape_closes_the_theme_note_tooltips_opened_by_hover_or_focus(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    # Below the sidenotes' width: where the margin has the note, pointing only highlights it.
    tab = open_tab(chromium, tabs, site_url, **desktop(1100))
    marker = tab.locator(MARKERS).first
    marker.hover()
    tab.wait_for_function("() => document.querySelector('.md-tooltip2--active')")
    assert visible_tooltips(tab)
    # Hovering into the tooltip keeps it open (WCAG 1.4.13, hoverable). Its bubble, not the
    # full-width layer that positions it, is what the pointer reaches.
    tip = tab.locator(".md-tooltip2--active .md-tooltip2__inner").first.bounding_box()
    box = marker.bounding_box()
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tab.mouse.move(tip["x"] + tip["width"] / 2, tip["y"] + 8, steps=8)
    tab.wait_for_timeout(400)
    assert visible_tooltips(tab)
    tab.keyboard.press("Escape")
    assert visible_tooltips(tab) == []
    tab.mouse.move(0, 0)
    tab.wait_for_timeout(300)
    marker.focus()
    tab.wait_for_function("() => document.querySelector('.md-tooltip2--active')")
    assert visible_tooltips(tab)
    tab.keyboard.press("Escape")
    assert visible_tooltips(tab) == []
    # The next host pointed at shows its tooltip again.
    tab.locator(MARKERS).nth(1).hover()
    tab.wait_for_function(
        "() => [...document.querySelectorAll('.md-tooltip2--active')].some(t => getComputedStyle(t).display !== 'none')"
    )


def test_a_click_on_a_marker_opens_the_note_in_place_on_desktop_too(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    tab = open_tab(chromium, tabs, site_url, **desktop(1280))
    marker = tab.locator(MARKERS).first
    marker.scroll_into_view_if_needed()
    marker.click()
    assert sheet_is_open(tab)
    # The page moves only as far as it must to keep the marker above the sheet.
    sheet_top = tab.locator("dialog.ed-sheet").bounding_box()["y"]
    assert marker.bounding_box()["y"] + marker.bounding_box()["height"] <= sheet_top
    scroll = tab.evaluate("() => scrollY")
    tab.keyboard.press("Escape")
    assert not sheet_is_open(tab)
    assert tab.evaluate("() => scrollY") == scroll
    assert marker.evaluate("m => m === document.activeElement")


def test_originals_switch_is_remembered(chromium: Any, tabs: Any, site_url: str) -> None:
    tab = open_tab(chromium, tabs, site_url, **desktop(1280))
    switch = tab.locator("#ed-show-originals")
    assert not switch.is_checked()
    switch.check()
    tab.reload()
    assert tab.locator("#ed-show-originals").is_checked()
    assert tab.locator(".ed-corr del").first.is_visible()
    # A correction's sheet has the same switch, wherever the reader is.
    tab.locator(".ed-para .ed-corr").last.click()
    mirror = tab.locator("dialog.ed-sheet input[type=checkbox]")
    assert mirror.is_checked()
    mirror.uncheck()
    assert not tab.locator("#ed-show-originals").is_checked()


def test_a_term_tooltip_stays_open_while_hovered_and_closes_after(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    tab = open_tab(chromium, tabs, site_url, **desktop(1280))
    term = tab.locator(".ed-para a.ed-term").first
    term.evaluate("t => t.scrollIntoView({block: 'center'})")
    term.hover()
    tab.wait_for_function("() => document.querySelector('#ed-tooltip.md-tooltip2--active')")
    tip = tab.locator("#ed-tooltip .md-tooltip2__inner").bounding_box()
    tab.mouse.move(tip["x"] + tip["width"] / 2, tip["y"] + tip["height"] / 2, steps=6)
    tab.wait_for_timeout(500)
    assert tab.locator("#ed-tooltip.md-tooltip2--active").count() == 1
    tab.keyboard.press("Escape")
    assert visible_tooltips(tab) == []


def test_copy_link_copies_the_canonical_address_and_says_so(
    chromium: Any, tabs: Any, site_url: str, built_site: Path
) -> None:
    canonical = parse(built_site / "index.html").css_first("link[rel=canonical]")
    assert canonical is not None
    tab = open_tab(chromium, tabs, site_url, **desktop(1280))
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    paragraph = tab.locator(".ed-para").nth(2)
    paragraph.hover()
    button = paragraph.locator("button.ed-copy")
    button.click()
    tab.wait_for_function(
        "(b) => b.getAttribute('data-ed-done') === 'Copied'", arg=button.element_handle()
    )
    copied = tab.evaluate("() => navigator.clipboard.readText()")
    pid = paragraph.get_attribute("id")
    assert copied == f"{canonical.attributes['href']}#{pid}"


def test_notes_filter_lives_in_the_address_and_offers_a_way_back(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    tab = open_tab(chromium, tabs, site_url + "notes/", **desktop(1280))
    verdict = tab.get_by_label("Verdict")
    values = verdict.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    verdict.select_option(values[0])
    assert f"verdict={values[0].replace(' ', '+')}" in tab.url
    tab.reload()
    assert tab.get_by_label("Verdict").input_value() == values[0]
    # A kind and a verdict that no note shares: the page says so and offers a reset.
    kinds = (
        tab.get_by_label("Kind")
        .locator("option")
        .evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    )
    empty = tab.locator(".ed-filter-empty")
    for kind, value in itertools.product(kinds, values):
        tab.get_by_label("Kind").select_option(kind)
        tab.get_by_label("Verdict").select_option(value)
        if tab.locator("li.ed-note-item:visible").count() == 0:
            break
    else:
        pytest.fail("every kind and verdict pair has a note: no empty state to check")
    assert empty.is_visible()
    empty.get_by_role("button", name="Show all notes").click()
    assert tab.locator("li.ed-note-item:visible").count() == tab.locator("li.ed-note-item").count()
    assert "?" not in tab.url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_sheet_passes_axe(chromium: Any, tabs: Any, site_url: str, scheme: str) -> None:
    require_npm_file(AXE_JS)
    tab = open_tab(chromium, tabs, site_url, color_scheme=scheme, **PHONE)
    tab.locator(MARKERS).first.tap()
    assert sheet_is_open(tab)
    # Checked once the note's text has arrived and filled the sheet (on a phone it is
    # fetched on the tap).
    tab.wait_for_function("() => document.querySelector('.footnote li.ed-note-full')")
    tab.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    violations = axe_violations(tab)
    assert not violations, describe_violations(violations)


def evidence_box(tab: Any, scope: str) -> dict[str, float]:
    """Size and position style of the first evidence under ``scope``."""
    return dict(
        tab.evaluate(
            """(scope) => {
                const e = document.querySelector(scope + ' .ed-evidence');
                const box = e.getBoundingClientRect();
                return {width: box.width, height: box.height,
                        static: getComputedStyle(e).position === 'static' ? 1 : 0};
            }""",
            scope,
        )
    )


def test_a_citations_evidence_shows_on_hover_and_keyboard_focus(
    chromium: Any, tabs: Any, site_url: str, edition: Edition
) -> None:
    note = next(n for n in edition.notes if n.evidence)
    tab = open_tab(
        chromium, tabs, site_url + note.src_uri.removesuffix(".md") + "/", **desktop(1280)
    )
    group = "article .ed-cite-group"
    hidden = evidence_box(tab, group)
    assert hidden["width"] <= 1 and hidden["height"] <= 1  # in the text for screen readers only
    tab.locator(f"{group} a.ed-cite").first.focus()
    shown = evidence_box(tab, group)
    assert shown["width"] > 100 and shown["height"] > 20
    popup = tab.locator(f"{group} .ed-evidence").first
    assert note.evidence[0].quote in popup.inner_text()
    assert "The source’s words" in popup.inner_text()
    tab.locator("h1").first.click()  # focus leaves: the popup goes
    tab.mouse.move(0, 0)
    assert evidence_box(tab, group)["width"] <= 1
    tab.locator(f"{group} a.ed-cite").first.hover()
    assert evidence_box(tab, group)["width"] > 100


def test_the_phone_sheet_shows_each_citations_evidence(
    chromium: Any, tabs: Any, site_url: str, edition: Edition
) -> None:
    note = next(n for n in edition.notes if n.evidence)
    tab = open_tab(chromium, tabs, site_url, **PHONE)
    marker = tab.locator(f'[id="fnref:{note.id}"] a')
    marker.scroll_into_view_if_needed()
    marker.tap()
    assert sheet_is_open(tab)
    box = evidence_box(tab, "dialog.ed-sheet")
    assert box["static"] == 1 and box["width"] > 100 and box["height"] > 20
    assert note.evidence[0].quote in tab.locator("dialog.ed-sheet .ed-evidence").first.inner_text()
