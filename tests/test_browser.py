"""What a reader sees, in Debian's Chromium: tooltips, anchors, the switch, the palette."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def tooltip_text(page: Any) -> str:
    """The text of the theme's visible tooltip, if one is showing."""
    page.wait_for_timeout(150)
    return str(
        page.evaluate(
            """() => [...document.querySelectorAll('.md-tooltip2, .md-tooltip')]
                .filter(t => t.offsetParent !== null && getComputedStyle(t).opacity !== '0')
                .map(t => t.innerText).join(' | ')"""
        )
    )


def test_correction_shows_original_reading_on_hover_and_focus(page: Any, site_url: str) -> None:
    page.goto(site_url)
    correction = page.locator("#corr-underlying-1")
    correction.hover()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-tooltip2')].some(t => t.innerText.includes('underlaying'))"
    )
    assert "Original reading: “underlaying”" in tooltip_text(page)
    page.mouse.move(0, 0)
    page.locator("#corr-market").focus()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-tooltip2')].some(t => t.innerText.includes('marker'))"
    )
    assert "Original reading: “marker”" in tooltip_text(page)


def test_paragraph_address_opened_cold_scrolls_and_highlights(page: Any, site_url: str) -> None:
    page.goto(site_url + "#p12")
    paragraph = page.locator("#p12")
    page.wait_for_timeout(300)
    box = paragraph.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < page.viewport_size["height"] / 2
    background = paragraph.evaluate("p => getComputedStyle(p).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    other = page.locator("#p11").evaluate("p => getComputedStyle(p).backgroundColor")
    assert other == "rgba(0, 0, 0, 0)"


def test_switch_shows_and_hides_all_original_readings(page: Any, site_url: str) -> None:
    page.goto(site_url)
    originals = page.locator(".ed-corr del")
    assert originals.count() >= 15
    assert not originals.first.is_visible()
    page.get_by_label("Show original readings inline").check()
    assert all(originals.nth(i).is_visible() for i in range(originals.count()))
    assert "underlaying" in page.locator("#p3").inner_text()
    page.get_by_label("Show original readings inline").uncheck()
    assert not originals.first.is_visible()


def test_palette_toggle_switches_and_is_remembered(page: Any, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    assert page.evaluate(scheme) == "slate"
    page.reload()
    assert page.evaluate(scheme) == "slate"


def test_keyboard_reaches_corrections_and_paragraph_links(page: Any, site_url: str) -> None:
    page.goto(site_url)
    reached: set[str] = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate(
                "() => { const e = document.activeElement; return e.id || e.classList[0] || e.tagName; }"
            )
        )
        if "corr-underlying-1" in reached and "ed-pilcrow" in reached:
            break
    assert "corr-underlying-1" in reached
    assert "ed-pilcrow" in reached
    page.keyboard.press("Enter")


def test_every_page_loads_without_errors_or_external_requests(page: Any, site_url: str) -> None:
    for path in ("", "corrections/", "original/", "about/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.title()
