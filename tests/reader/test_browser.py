"""What a reader sees, in Debian's Chromium: tooltips, anchors, the switch, the palette."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from scripts.model import Correction, Edition, Note, Occurrence, Term

from ..html import parse

pytestmark = pytest.mark.browser


def replacements(edition: Edition) -> list[Correction]:
    """Corrections that replace words (a deletion has no corrected words to point at)."""
    found = [c for c in edition.corrections if c.corrected]
    assert len(found) >= 2
    return found


def note_with_verdict(edition: Edition, verdict: str) -> Note:
    return next(n for n in edition.notes if n.verdict == verdict)


def occurrence_of_two_terms(edition: Edition) -> tuple[tuple[Occurrence, Term], ...]:
    """The first occurrence of two different terms, with the words the essay uses."""
    first = edition.occurrences[0]
    second = next(o for o in edition.occurrences if o.slug != first.slug)
    return tuple((o, edition.term(o.slug)) for o in (first, second))


def words_of(edition: Edition, occurrence: Occurrence) -> str:
    paragraph = edition.reading.paragraphs[occurrence.paragraph - 1]
    return paragraph[occurrence.start : occurrence.end]


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


def test_correction_shows_original_reading_on_hover_and_focus(
    page: Any, site_url: str, edition: Edition
) -> None:
    first, *_, last = replacements(edition)
    shown = "(text) => [...document.querySelectorAll('.md-tooltip2')].some(t => t.innerText.includes(text))"
    page.goto(site_url)
    page.locator(f"#corr-{first.id}").hover()
    page.wait_for_function(shown, arg=first.original)
    assert f"Original reading: “{first.original}”" in tooltip_text(page)
    page.mouse.move(0, 0)
    page.locator(f"#corr-{last.id}").focus()
    page.wait_for_function(shown, arg=last.original)
    assert f"Original reading: “{last.original}”" in tooltip_text(page)


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


def test_switch_shows_and_hides_all_original_readings(
    page: Any, site_url: str, edition: Edition
) -> None:
    correction = replacements(edition)[0]
    paragraph = page.locator(f"#p{correction.paragraph}")
    page.goto(site_url)
    originals = page.locator(".ed-corr del")
    assert originals.count() == len(edition.corrections)
    assert not originals.first.is_visible()
    page.get_by_label("Show original readings inline").check()
    assert all(originals.nth(i).is_visible() for i in range(originals.count()))
    # Drawn by the stylesheet from data-original, and read out as the deletion it is.
    assert f'deletion: "[{correction.original}]"' in paragraph.aria_snapshot()
    # A removed word is shown without the space that went with it.
    removed = page.locator(".ed-corr-removed del").first
    shown = removed.evaluate("d => getComputedStyle(d, '::before').content")
    assert shown == '"[' + (removed.get_attribute("data-original") or "").strip() + ']"'
    page.get_by_label("Show original readings inline").uncheck()
    assert not originals.first.is_visible()
    assert correction.original not in paragraph.aria_snapshot()


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


def test_keyboard_reaches_corrections_and_paragraph_links(
    page: Any, site_url: str, edition: Edition
) -> None:
    first = f"corr-{edition.corrections[0].id}"
    last = f"corr-{replacements(edition)[-1].id}"
    page.goto(site_url)
    reached: set[str] = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate(
                "() => { const e = document.activeElement; return e.id || e.classList[0] || e.tagName; }"
            )
        )
        if first in reached and "ed-pilcrow" in reached:
            break
    assert first in reached
    assert "ed-pilcrow" in reached
    page.locator("#p1 a.ed-pilcrow").focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("#p1")
    switch = page.locator("#ed-show-originals")
    switch.focus()
    page.keyboard.press("Space")
    assert switch.is_checked() and page.locator(f"#{last} del").is_visible()
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)
    page.locator("input[name='__palette']:checked, input[name='__palette']").first.focus()
    for _ in range(3):
        page.keyboard.press("Enter")
        if page.evaluate(scheme) != before:
            break
    assert page.evaluate(scheme) != before


def test_every_page_loads_without_errors_or_external_requests(page: Any, site_url: str) -> None:
    for path in ("", "corrections/", "original/", "about/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.title()


def visible_tooltip_containing(page: Any, text: str) -> None:
    page.wait_for_function(
        """(text) => [...document.querySelectorAll('.md-tooltip2--active')]
            .some(t => t.innerText.includes(text) && t.getBoundingClientRect().height > 0)""",
        arg=text,
    )


def test_note_marker_shows_the_note_on_hover_and_focus(
    page: Any, site_url: str, edition: Edition
) -> None:
    wrong, unsupported = (note_with_verdict(edition, v) for v in ("wrong as stated", "unsupported"))
    # Below the sidenotes' width (wider, the margin has the note and hover highlights it).
    page.set_viewport_size({"width": 1100, "height": 900})
    page.goto(site_url)
    # The notes' text arrives after load and fills each footnote, tooltips included.
    page.wait_for_selector(f'[id="fn:{wrong.id}"].ed-note-full')
    marker = page.locator(f'[id="fnref:{wrong.id}"] a')
    marker.hover()
    visible_tooltip_containing(page, "Fact-check: wrong as stated")
    assert " ".join(wrong.body.split()[:4]) in tooltip_text(page)  # the full text
    page.mouse.move(0, 0)
    page.locator(f'[id="fnref:{unsupported.id}"] a').focus()
    visible_tooltip_containing(page, "Fact-check: unsupported")


def test_glossary_link_shows_its_definition_on_hover_and_focus(
    page: Any, site_url: str, edition: Edition
) -> None:
    (one, first), (other, second) = occurrence_of_two_terms(edition)
    page.goto(site_url)
    page.locator(f"#p{one.paragraph} a.ed-term", has_text=words_of(edition, one)).hover()
    visible_tooltip_containing(page, f"{first.term}: {first.short}")
    page.mouse.move(0, 0)
    page.locator(f"#p{other.paragraph} a.ed-term", has_text=words_of(edition, other)).focus()
    visible_tooltip_containing(page, f"{second.term}:")


def test_tooltips_are_built_on_demand_and_dismissed_with_escape(
    page: Any, site_url: str, edition: Edition, built_site: Path
) -> None:
    (one, first), _ = occurrence_of_two_terms(edition)
    titles = len(parse(built_site / "index.html").css(".md-content [title]"))
    page.goto(site_url)
    # Every title of the essay's content is moved aside as the page starts, and each term's
    # definition joins them once the notes' data file has arrived.
    page.wait_for_selector(".ed-note-full", state="attached")
    terms = page.locator(".md-content a.ed-term").count()
    assert terms > 0
    assert page.locator(".md-content [data-ed-title]").count() == titles + terms
    assert titles >= len(edition.corrections) + len(edition.reading.paragraphs)
    assert page.locator("#ed-tooltip").count() == 0  # built on first use
    # Titles are back once the theme has started (a screen reader reads them), except
    # where one became the name of an icon.
    term = page.locator(f"#p{one.paragraph} a.ed-term", has_text=words_of(edition, one))
    definition = term.get_attribute("data-ed-title") or ""
    assert definition == f"{first.term}: {first.short}"
    assert term.get_attribute("title") == definition
    edits = page.locator("a.md-content__button").all()
    assert edits
    for edit in edits:
        assert edit.get_attribute("aria-label") == edit.get_attribute("data-ed-title")
        assert edit.get_attribute("title") is None
    term.focus()
    visible_tooltip_containing(page, definition)
    assert term.get_attribute("aria-describedby") == "ed-tooltip"
    assert term.get_attribute("title") is None  # no second, native tooltip
    # The theme mounted none of its own: one tooltip, ours.
    assert page.locator(".md-tooltip2--active").evaluate_all("ts => ts.map(t => t.id)") == [
        "ed-tooltip"
    ]
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('.md-tooltip2--active')")
    assert term.get_attribute("aria-describedby") is None
    assert term.get_attribute("title") == definition
    # The paragraph tools show their names the same way; "↩" took its title as its name.
    page.locator("#p5 a.ed-suggest").hover()
    visible_tooltip_containing(page, "Suggest a note on paragraph 5")
    assert page.locator("#p5 a.ed-suggest").get_attribute("aria-describedby") is None
    backlink = page.locator(f'[id="fn:{edition.notes[0].id}"] a.footnote-backref')
    assert (backlink.get_attribute("aria-label") or "").startswith("Jump back to footnote")
    backlink.hover()
    visible_tooltip_containing(page, "Jump back to footnote")
    assert page.locator(".md-tooltip2--active").count() == 1


def test_wide_screens_show_sidenotes_that_never_overlap(
    chromium: Any, site_url: str, edition: Edition
) -> None:
    context = chromium.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_timeout(300)
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.ed-sidenote')].map(a => {
            const r = a.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right]; })"""
    )
    footnotes = page.locator(".footnote li").count()
    assert len(boxes) == footnotes == len(edition.notes) >= 10
    width = page.evaluate("() => document.documentElement.clientWidth")
    text_right = page.locator("#p1").bounding_box()
    assert text_right is not None
    for _top, _bottom, left, right in boxes:
        assert text_right["x"] + text_right["width"] <= left and right <= width
    for (_top, bottom, *_), (next_top, *_) in itertools.pairwise(boxes):
        assert bottom <= next_top, "sidenotes overlap"
    first_marker = page.locator(".ed-para sup").first.bounding_box()
    assert first_marker is not None and abs(boxes[0][0] - first_marker["y"]) < 40
    context.close()
    narrow = chromium.new_context(viewport={"width": 1000, "height": 900})
    page = narrow.new_page()
    page.goto(site_url)
    assert page.locator(".ed-sidenote").first.is_hidden()
    narrow.close()


def test_notes_page_filters_by_verdict_and_kind(page: Any, site_url: str) -> None:
    page.goto(site_url + "notes/")
    items = page.locator("li.ed-note-item")
    total = items.count()
    page.get_by_label("Verdict").select_option("wrong as stated")
    shown = page.locator("li.ed-note-item:visible")
    assert 0 < shown.count() < total
    for i in range(shown.count()):
        assert shown.nth(i).get_attribute("data-verdict") == "wrong as stated"
    page.get_by_label("Verdict").select_option("")
    page.get_by_label("Kind").select_option("context")
    assert all(shown.nth(i).get_attribute("data-kind") == "context" for i in range(shown.count()))
    assert f"of {total} notes shown" in page.locator("form.ed-filter output").inner_text()
    page.get_by_label("Kind").select_option("")
    page.get_by_label("Verdict").focus()  # the keyboard alone can filter too
    page.keyboard.press("ArrowDown")
    chosen = page.get_by_label("Verdict").input_value()
    assert chosen and shown.count() < total
    assert all(shown.nth(i).get_attribute("data-verdict") == chosen for i in range(shown.count()))


def test_without_javascript_markers_are_plain_links_to_the_note_and_back(
    chromium: Any, site_url: str, edition: Edition
) -> None:
    (one, _), _ = occurrence_of_two_terms(edition)
    correction = replacements(edition)[-1]
    note = edition.notes[-1].id
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    # The browser's own tooltips: a correction's title is in place; a term is a plain link
    # to its page (its definition arrives with the notes' text, which needs JavaScript).
    term = page.locator(f"#p{one.paragraph} a.ed-term").first
    assert term.get_attribute("title") is None
    assert (term.get_attribute("href") or "").startswith("glossary/")
    title = page.locator(f"#corr-{correction.id}").get_attribute("title")
    assert title == f"Original reading: “{correction.original}”"
    # Each note shows its verdict and headline, and leads to its page for the text.
    footnote = page.locator(f'[id="fn:{note}"]')
    # (its text, not its rendering: the list is laid out only as it comes near the screen)
    assert footnote.locator("a.ed-note-link").text_content() == "Read the note"
    page.locator(f'[id="fnref:{note}"] a').click()
    assert page.url.endswith(f"#fn:{note}")
    assert footnote.is_visible()
    footnote.locator("a.footnote-backref").click()
    assert page.url.endswith(f"#fnref:{note}")
    page.goto(site_url + "notes/")
    assert page.locator("li.ed-note-item").first.is_visible()
    assert page.locator("form.ed-filter").is_hidden()
    context.close()
