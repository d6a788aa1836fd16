"""Nothing the reader did not ask for before the page is idle (issue 23): the theme's search
index waits until the reader turns to search, its site map until the page has loaded, and on
a phone the notes' full texts wait until a reader reaches for a note or a term, or scrolls to
the list of notes. Each is then there, and works: search finds the essay's words; the sheet
fills in with the note."""

from __future__ import annotations

from typing import Any

import pytest

from scripts.model import Edition

from ..browser import fill_notes, open_tab, watched_tab

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
WIDE = {"viewport": {"width": 1440, "height": 900}}
INDEX_FILES = ("search/search_index.json", "search.json")
NOTES_FILE = "essay-notes.json"
FETCHED = "() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)"


def fetched(tab: Any, ending: str | tuple[str, ...]) -> bool:
    return any(path.endswith(ending) for path in tab.evaluate(FETCHED))


def a_word_of_the_essay(edition: Edition) -> str:
    return max(edition.reading.paragraphs[0].split(), key=len).strip(".,;:!?“”\"'’()")


@pytest.mark.parametrize("screen", [PHONE, WIDE], ids=["phone", "wide"])
def test_the_search_index_waits_for_the_reader(
    chromium: Any, tabs: Any, site_url: str, edition: Edition, screen: dict[str, Any]
) -> None:
    tab = open_tab(chromium, tabs, site_url, **screen)
    tab.wait_for_timeout(500)
    assert not fetched(tab, INDEX_FILES), "the search index was fetched before anyone searched"
    if screen is PHONE:
        tab.locator("label.md-header__button[for='__search']").first.tap()
    else:
        tab.keyboard.press("/")
    # Typed key by key, as a reader types: the theme reads the field on each key's release
    # (and once when its index is ready), so a value filled in at once after the index
    # arrived would never reach its search.
    tab.locator("input.md-search__input").press_sequentially(a_word_of_the_essay(edition))
    tab.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    assert fetched(tab, INDEX_FILES)


def test_a_page_opened_from_search_highlights_at_once(
    chromium: Any, tabs: Any, site_url: str, edition: Edition
) -> None:
    word = a_word_of_the_essay(edition)
    tab = open_tab(chromium, tabs, f"{site_url}?h={word}", **WIDE)
    tab.wait_for_function("() => document.querySelector('article mark[data-md-highlight]')")
    assert fetched(tab, INDEX_FILES)


SITEMAP_STARTS = """() => [performance.getEntriesByType('navigation')[0].loadEventStart,
    ...performance.getEntriesByType('resource')
        .filter(e => new URL(e.name).pathname.endsWith('/sitemap.xml')).map(e => e.startTime)]"""


def test_the_site_map_waits_until_the_page_has_loaded(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    """The theme fetches the site map once for each alternate link in the head, looking for
    the page in another language; the essay's alternates are other formats, so the requests
    wait until the page has loaded, and are then sent (a site in several languages still
    has its map)."""
    tab = open_tab(chromium, tabs, site_url, **PHONE)
    assert tab.locator("head link[rel=alternate]").count() >= 2
    tab.wait_for_function(f"() => ({SITEMAP_STARTS})().length > 1")
    loaded, *requested = tab.evaluate(SITEMAP_STARTS)
    assert loaded > 0
    assert all(start >= loaded for start in requested), (loaded, requested)


def test_a_phone_fetches_the_notes_text_when_a_reader_reaches_for_a_note(
    chromium: Any, tabs: Any, site_url: str, edition: Edition
) -> None:
    tab = open_tab(chromium, tabs, site_url, **PHONE)
    tab.wait_for_timeout(500)
    assert not fetched(tab, NOTES_FILE)
    # Nobody will see the theme's tooltips on a marker or a title here (no hover): not built.
    features = "() => JSON.parse(document.getElementById('__config').textContent).features"
    assert "content.footnote.tooltips" not in tab.evaluate(features)
    assert "content.tooltips" not in tab.evaluate(features)
    marker = tab.locator(".ed-para sup[id^='fnref'] a").first
    note_id = (marker.get_attribute("href") or "").removeprefix("#fn:")
    note = next(n for n in edition.notes if n.id == note_id)
    marker.scroll_into_view_if_needed()
    marker.tap()
    # The sheet opens at once with the headline, and fills in with the note's text.
    sheet = tab.locator("dialog.ed-sheet[open]")
    sheet.wait_for()
    words = " ".join(note.body.split()[:4])
    tab.wait_for_function(
        "(w) => document.querySelector('dialog.ed-sheet').textContent.includes(w)", arg=words
    )
    assert fetched(tab, NOTES_FILE)
    # That note was put in place; the list fills as it comes near the screen.
    assert tab.locator(f'[id="fn:{note_id}"].ed-note-full').count() == 1
    tab.keyboard.press("Escape")
    fill_notes(tab)
    assert tab.locator(".footnote li.ed-note-full").count() == len(edition.notes)


def test_a_wide_screen_has_the_notes_text_after_load_and_the_theme_tooltip_where_it_shows(
    chromium: Any, tabs: Any, site_url: str, edition: Edition
) -> None:
    features = "() => JSON.parse(document.getElementById('__config').textContent).features"
    tab = open_tab(chromium, tabs, site_url, **WIDE)  # waits for every note's text
    assert tab.locator(".footnote li.ed-note-full").count() == len(edition.notes)
    assert "content.footnote.tooltips" not in tab.evaluate(features)  # the margin has them
    assert "content.tooltips" in tab.evaluate(features)  # a mouse hovers
    narrow = open_tab(chromium, tabs, site_url, viewport={"width": 1100, "height": 900})
    assert "content.footnote.tooltips" in narrow.evaluate(features)  # a mouse, no margin
    assert "content.tooltips" in narrow.evaluate(features)


def test_a_phone_lays_out_only_the_paragraphs_near_the_screen_when_opened_at_the_top(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    lazy = "() => document.documentElement.classList.contains('ed-lazy-paragraphs')"
    skipped = "(p) => getComputedStyle(p).contentVisibility"
    tab = open_tab(chromium, tabs, site_url, **PHONE)
    assert tab.evaluate(lazy)
    last = tab.locator(".ed-para").last
    assert last.evaluate(skipped) == "auto"
    # Read to the end and back: nothing on screen moves as paragraphs are laid out.
    shifts = """() => new Promise(done => {
        const seen = [];
        new PerformanceObserver(list => list.getEntries().forEach(e => {
            seen.push([e.value, e.sources.map(s => s.node && s.node.nodeName + '#' + s.node.id)]);
        })).observe({type: 'layout-shift'});
        const step = () => {
            if (window.scrollY + innerHeight >= document.body.scrollHeight - 2) return done(seen);
            window.scrollBy(0, innerHeight / 2);
            requestAnimationFrame(() => requestAnimationFrame(step));
        };
        step();
    })"""
    seen = tab.evaluate(shifts)
    assert sum(value for value, _ in seen) <= 0.02, seen
    # Opened at a paragraph's address, every paragraph counts at its own height at once.
    at_paragraph = open_tab(chromium, tabs, site_url + "#p3", **PHONE)
    assert not at_paragraph.evaluate(lazy)
    wide = open_tab(chromium, tabs, site_url, **WIDE)
    assert wide.locator(".ed-para").last.evaluate(skipped) == "visible"


def test_a_phone_styles_the_closed_drawer_once_the_page_has_loaded(
    chromium: Any, tabs: Any, site_url: str
) -> None:
    """The theme's navigation drawer is off screen until opened: while the page starts it is
    skipped (the head's script marks the page), and once loaded it is as the theme made it,
    in reach of screen readers and the keyboard. Opened before, it shows at once."""
    lazy = "() => document.documentElement.classList.contains('ed-lazy-drawer')"
    skipped = (
        "() => getComputedStyle(document.querySelector('.md-sidebar--primary')).contentVisibility"
    )
    watch, opened = tabs
    tab = watched_tab(chromium, watch, **PHONE)
    opened.append(tab)
    held: list[Any] = []  # the edition's script, held back so the page cannot finish loading
    tab.route("**/assets/edition.*.min.js", lambda route: held.append(route))
    tab.goto(site_url, wait_until="commit")
    # The parser has passed the drawer and waits for the script.
    tab.wait_for_function(
        '() => document.querySelector(\'script[src*="assets/edition."][src$=".min.js"]\')'
    )
    assert held and tab.evaluate("() => document.readyState") == "loading"
    assert tab.evaluate(lazy)
    assert tab.evaluate(skipped) == "hidden"
    tab.evaluate("() => { document.getElementById('__drawer').checked = true; }")
    assert tab.evaluate(skipped) == "visible"
    assert tab.locator(".md-sidebar--primary .md-nav__link").first.is_visible()
    tab.evaluate("() => { document.getElementById('__drawer').checked = false; }")
    held[0].continue_()
    tab.wait_for_load_state("load")
    assert tab.evaluate(skipped) == "visible"
    # A wide screen shows the navigation beside the text: never skipped.
    wide = open_tab(chromium, tabs, site_url, **WIDE)
    wide.evaluate(
        """() => { document.documentElement.classList.add('ed-lazy-drawer');
            document.querySelector('.md-sidebar--primary').classList.remove('ed-drawer-styled'); }"""
    )
    assert wide.evaluate(skipped) == "visible"
