"""The reading craft, measured at every width a reader brings (390 touch, 1280, 1440, 1920,
2560): sidenotes that stay beside their markers after notes are opened, markers set as
references, a reading measure on every page type, the essay first, the address kept on the
paragraph, one popup per note at full size and contrast, and a sheet that keeps its passage
in view. Screenshots of the state after use go to test-results/ (the CI's artefacts)."""

from __future__ import annotations

import statistics
from typing import Any

import pytest

from ..browser import CHARACTERS_PER_LINE, PROSE_BLOCKS, open_tab
from ..quality import ROOT

pytestmark = pytest.mark.browser

WIDE = (1280, 1440, 1920, 2560)
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
SHOTS = ROOT / "test-results" / "reading-craft"
MARKERS = ".ed-para sup[id^='fnref'] a"

# Each sidenote's top against its marker's, in document order.
SIDENOTE_OFFSETS = """() => {
    const markers = [...document.querySelectorAll(MARKERS)];
    const notes = [...document.querySelectorAll('.ed-sidenote')];
    return notes.map((n, i) => Math.abs(n.getBoundingClientRect().top - markers[i].getBoundingClientRect().top));
}""".replace("MARKERS", repr(MARKERS))

# For each marker: the gap from the character before it, the gap to the character after it
# (when that is punctuation), and whether it starts a line.
MARKER_SETTING = """() => Array.from(document.querySelectorAll(MARKERS), (a) => {
    const sup = a.parentElement;
    const box = a.getBoundingClientRect();
    const charBox = (node, index) => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return range.getBoundingClientRect();
    };
    const lastText = (el) => {
        const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let last = null;
        for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.length) last = n;
        return last;
    };
    let before = sup.previousSibling;
    if (before && before.nodeType === 1) before = lastText(before);
    const after = sup.nextSibling;
    const prev = before && before.length ? charBox(before, before.length - 1) : null;
    const next = after && after.nodeType === 3 && /^[.,;:!?)]/.test(after.data) ? charBox(after, 0) : null;
    return {
        before: prev ? box.left - prev.right : 0,
        after: next ? next.left - box.right : 0,
        startsLine: prev ? box.top > prev.bottom - 2 : false,
    };
})""".replace("MARKERS", repr(MARKERS))

PAGE_TYPES = {
    "essay": "",
    "note": "notes/lens-weight/",
    "term": "glossary/foghorn/",
    "notes index": "notes/",
    "about": "about/",
    "sources": "sources/",
}


def shoot(tab: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"))


def shoot_both_schemes(tab: Any, name: str) -> None:
    """The state as it is, in the light palette and the dark one (the theme follows the
    system's preference), then back to light."""
    for scheme in ("light", "dark"):
        tab.emulate_media(color_scheme=scheme)
        tab.wait_for_function(
            "s => document.body.dataset.mdColorScheme === s",
            arg="slate" if scheme == "dark" else "default",
        )
        shoot(tab, f"{name}-{scheme}")
    tab.emulate_media(color_scheme="light")


def options_at(width: int) -> dict[str, Any]:
    return PHONE if width == 390 else {"viewport": {"width": width, "height": 900}}


# Whether a box overlaps any character of the essay's text (boxes of the page, in px).
COVERS_TEXT = """(box) => {
    for (const p of document.querySelectorAll('.ed-para')) {
        const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walk.nextNode(); node; node = walk.nextNode()) {
            for (let i = 0; i < node.length; i++) {
                if (!node.data[i].trim()) continue;
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const r = range.getBoundingClientRect();
                if (r.right > box.x && r.left < box.x + box.width
                    && r.bottom > box.y && r.top < box.y + box.height) return node.data.slice(i, i + 12);
            }
        }
    }
    return null;
}"""


@pytest.mark.parametrize("width", WIDE)
def test_sidenotes_stay_beside_their_markers_after_seven_are_opened(
    chromium: Any, tabs: Any, site_url: str, width: int
) -> None:
    tab = open_tab(chromium, tabs, site_url, viewport={"width": width, "height": 900})
    asides = tab.locator(".ed-sidenote")
    assert asides.count() >= 8
    for index in range(1, 8):
        if index > 1:
            tab.keyboard.press("Escape")  # or opening the next would first close this one
        asides.nth(index).click()
        assert tab.locator(".ed-sidenote.ed-open").count() == 1, "one open note at a time"
    offsets = tab.evaluate(SIDENOTE_OFFSETS)
    shoot_both_schemes(tab, f"sidenotes-after-opening-{width}")
    assert statistics.median(offsets) <= 24, offsets
    assert max(offsets) <= 160, offsets
    # Full size and contrast: at least 14 px, the text's own colour, nothing cut off.
    style = asides.first.evaluate(
        "n => { const s = getComputedStyle(n); return [parseFloat(s.fontSize), s.opacity, s.color,"
        " getComputedStyle(document.querySelector('.ed-para')).color,"
        " [...n.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow === 'hidden')]; }"
    )
    assert style[0] >= 14 and style[1] == "1" and style[2] == style[3] and not style[4], style


@pytest.mark.parametrize("width", WIDE)
def test_pointing_at_a_marker_highlights_its_sidenote_instead_of_a_second_popup(
    chromium: Any, tabs: Any, site_url: str, width: int
) -> None:
    tab = open_tab(chromium, tabs, site_url, viewport={"width": width, "height": 900})
    # The words a note is about carry no mark at rest; pointing at the note lights them.
    quote = tab.locator("mark.ed-quote:has(+ sup[id^='fnref'])").first
    shown = (
        "q => { const s = getComputedStyle(q); return [s.textDecorationLine, s.backgroundColor]; }"
    )
    assert quote.evaluate(shown) == ["none", "rgba(0, 0, 0, 0)"]
    tab.locator(MARKERS).first.hover()
    tab.wait_for_timeout(400)  # the theme's tooltip would have faded in by now
    assert tab.locator(".ed-sidenote").first.evaluate("n => n.classList.contains('ed-pointed')")
    assert quote.evaluate(shown)[1] != "rgba(0, 0, 0, 0)", "the note's words are not lit"
    tab.mouse.move(0, 0)
    tab.locator(".ed-sidenote").first.hover()  # from the margin too
    assert quote.evaluate("q => q.classList.contains('ed-lit')")
    visible = tab.evaluate(
        "() => [...document.querySelectorAll('.md-tooltip2')].filter(t => getComputedStyle(t).display !== 'none' && t.textContent.trim()).length"
    )
    assert visible == 0, "a second copy of the note opened over the text"


@pytest.mark.parametrize("width", (390, *WIDE))
def test_the_essay_at_each_width(chromium: Any, tabs: Any, site_url: str, width: int) -> None:
    """One load per width, measured as a reader uses it: the essay first, markers set as
    references, a note opened where its marker is low on the screen (the phone's tap and
    the desktop's click open the sheet: it must leave the marker and its words in view),
    a paragraph's address kept while scrolling, and "Copied" over no text. Screenshots of
    each state, light and dark, go to the test artefacts."""
    options = options_at(width)
    tab = open_tab(chromium, tabs, site_url, **options)
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    height = options["viewport"]["height"]

    # The essay first: its first line on the first screen.
    first = tab.locator(".ed-para").first.bounding_box()
    assert first["y"] + 24 <= height, f"the essay starts at y = {first['y']}"
    shoot_both_schemes(tab, f"essay-{width}")

    # Markers: glued to their word and to the punctuation after them, never starting a
    # line, with a 24 px target.
    setting = tab.evaluate(MARKER_SETTING)
    assert setting
    assert max(m["before"] for m in setting) <= 2, setting
    assert max(m["after"] for m in setting) <= 1, setting
    assert not any(m["startsLine"] for m in setting), setting
    box = tab.locator(MARKERS).first.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box

    # A note opened from low on the screen: the sheet leaves its marker and words in view.
    markers = tab.locator(MARKERS)
    for index in (2, markers.count() - 1):
        marker = markers.nth(index)
        marker.evaluate("a => window.scrollBy(0, a.getBoundingClientRect().top - innerHeight + 60)")
        marker.tap() if width == 390 else marker.click()
        sheet = tab.locator("dialog.ed-sheet")
        sheet.wait_for(state="visible")
        top = sheet.bounding_box()["y"]
        mark = marker.bounding_box()
        assert mark["y"] >= 0 and mark["y"] + mark["height"] <= top, (index, mark, top)
        quote_top = marker.evaluate(
            "a => { const q = a.parentElement.previousElementSibling;"
            " return q && q.matches('mark.ed-quote') ? q.getBoundingClientRect().top : 0; }"
        )
        assert quote_top >= 0, index
        if index == 2:
            shoot_both_schemes(tab, f"sheet-{width}")
        tab.keyboard.press("Escape")
        sheet.wait_for(state="hidden")

    # A paragraph's address (its number, followed) stays while the reader scrolls on.
    tab.evaluate("() => window.scrollTo(0, 0)")
    tab.locator("a.ed-pilcrow[href='#p2']").click()
    assert tab.evaluate("() => location.hash") == "#p2"
    start = tab.evaluate("() => scrollY")
    for _ in range(6):
        tab.evaluate("() => window.scrollBy(0, 400)")
        tab.wait_for_timeout(150)  # the theme's scroll tracking reacts to each step
    assert tab.evaluate("() => scrollY") > start + 1000, "the page did not scroll"
    assert tab.evaluate("() => location.hash") == "#p2"

    # "Copied" shows over no text, wherever the copy button sits.
    paragraph = tab.locator("#p2")
    paragraph.scroll_into_view_if_needed()
    paragraph.hover()
    copy = paragraph.locator(".ed-copy")
    before = copy.bounding_box()
    copy.click()
    tab.wait_for_function("() => document.querySelector('#p2 .ed-copy[data-ed-done]')")
    assert copy.bounding_box() == before, "the confirmation moved the button"
    assert tab.evaluate(COVERS_TEXT, before) is None
    inset = copy.evaluate(
        "b => { const s = getComputedStyle(b, '::after');"
        " return [s.content, s.position, s.top, s.right, s.bottom, s.left]; }"
    )
    assert inset[0] not in ("none", "normal") and inset[1:] == ["absolute"] + ["0px"] * 4, inset


@pytest.mark.parametrize("width", WIDE)
@pytest.mark.parametrize("page", PAGE_TYPES)
def test_every_page_type_keeps_a_reading_measure(
    chromium: Any, tabs: Any, site_url: str, width: int, page: str
) -> None:
    tab = open_tab(
        chromium, tabs, site_url + PAGE_TYPES[page], viewport={"width": width, "height": 900}
    )
    counts = tab.evaluate(CHARACTERS_PER_LINE, PROSE_BLOCKS)
    assert counts, f"no full line on the {page} page"
    assert 55 <= statistics.median(counts) <= 75, (page, width, sorted(counts))
    # A line of narrow letters runs longer; nine lines in ten stay within the measure.
    assert statistics.quantiles(counts, n=10)[-1] <= 80, (page, width, sorted(counts))


def test_markers_only_turns_the_apparatus_down_and_is_remembered(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    tab = open_tab(chromium, tabs, site_url, viewport={"width": 1440, "height": 900})
    lines = "() => ['.ed-para a.ed-term', '.ed-para .ed-corr'].map(s => getComputedStyle(document.querySelector(s)).textDecorationLine)"
    assert tab.evaluate(lines) == ["underline", "underline"]
    tab.get_by_label("Markers only").check()
    assert tab.evaluate(lines) == ["none", "none"]
    assert tab.locator(MARKERS).first.is_visible()
    tab.reload()
    tab.wait_for_load_state("load")
    assert tab.evaluate(lines) == ["none", "none"]
    assert tab.get_by_label("Markers only").is_checked()
    tab.get_by_label("Markers only").uncheck()
    assert tab.evaluate(lines) == ["underline", "underline"]


def test_the_sheet_keeps_its_passage_in_view_and_quotes_it(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    tab = open_tab(chromium, tabs, site_url, **PHONE)
    markers = tab.locator(MARKERS)
    quoted_markers = 0
    for index in range(markers.count()):
        marker = markers.nth(index)
        # The marker low on the screen, where an opening sheet would cover it.
        marker.evaluate("a => window.scrollBy(0, a.getBoundingClientRect().top - innerHeight + 60)")
        marker.tap()
        sheet = tab.locator("dialog.ed-sheet")
        sheet.wait_for(state="visible")
        top = sheet.bounding_box()["y"]
        assert marker.bounding_box()["y"] + marker.bounding_box()["height"] <= top, index
        quoted = marker.evaluate(
            "a => { const q = a.parentElement.previousElementSibling;"
            " return q && q.matches('mark.ed-quote') ? q : null; }"
        )
        if quoted:
            quoted_markers += 1
            quote_top = marker.evaluate(
                "a => a.parentElement.previousElementSibling.getBoundingClientRect().top"
            )
            assert quote_top >= 0, index
            assert tab.locator(".ed-sheet-body > .ed-sheet-quote").count() == 1
        if index == 2:
            shoot(tab, "sheet-390")
        tab.keyboard.press("Escape")
    assert quoted_markers > 0, "no marker follows quoted words: the quote checks never ran"
