"""Notes on the built site: footnotes in place, their own pages, the index, sources, export."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.model import VERDICTS, Edition
from scripts.render.essay import TERMS_KEY, notes_in_reading_order

from ..html import one, parse, parse_text, text_of


def test_notes_of_every_kind_and_verdict(edition: Edition) -> None:
    """The synthetic edition carries every kind of note and every verdict the tests need."""
    assert {n.kind for n in edition.notes} == {"fact-check", "context", "counterpoint",
                                              "definition"}  # fmt: skip
    assert {n.verdict for n in edition.notes if n.kind == "fact-check"} == set(VERDICTS)
    for note in edition.notes:
        if note.kind == "fact-check":
            assert note.verdict in VERDICTS and note.sources, note.id
    assert any(n.target.prefix or n.target.suffix for n in edition.notes)


def test_markers_follow_the_quoted_words_in_their_paragraph(
    edition: Edition, built_site: Path
) -> None:
    tree = parse(built_site / "index.html")
    for note in edition.notes:
        anchor = edition.anchors[note.id]
        marker = one(tree, f'[id="fnref:{note.id}"]')
        paragraph = marker.parent
        while paragraph is not None and paragraph.tag != "p":
            paragraph = paragraph.parent
        assert paragraph is not None and paragraph.attributes["id"] == f"p{anchor.paragraph}"
        # The quote is the mark just before the note's marker (or before the markers of
        # the other notes on exactly the same words).
        quote = marker.prev
        while quote is not None and quote.tag == "sup":
            quote = quote.prev
        assert (
            quote is not None
            and quote.tag == "mark"
            and "ed-quote" in (quote.attributes.get("class") or "")
        )
        shown = text_of(quote, ".ed-corr del")
        assert shown == note.target.exact
        footnote = one(tree, f'li[id="fn:{note.id}"]')
        label = one(footnote, ".ed-badge").text()
        expected = (
            f"Fact-check: {note.verdict}" if note.kind == "fact-check" else note.kind.capitalize()
        )
        assert label == expected
        assert one(marker, "a").attributes["href"] == f"#fn:{note.id}"


def test_footnotes_carry_verdict_and_headline_and_the_text_follows_after_load(
    edition: Edition, built_site: Path
) -> None:
    essay = parse(built_site / "index.html")
    assert one(essay, "h2#notes").attributes["data-ed-texts"] == "essay-notes.json"
    texts = json.loads((built_site / "essay-notes.json").read_text(encoding="utf-8"))
    # Besides the notes: the works cited (for print) and the terms' definitions.
    notes = [key for key in texts if not key.startswith("@")]
    assert notes == [n.id for n in notes_in_reading_order(edition)]
    for note in edition.notes:
        footnote = one(essay, f'li[id="fn:{note.id}"]')
        assert one(footnote, "strong").text() == note.title
        link = one(footnote, "a.ed-note-link")
        assert link.attributes["href"] == note.src_uri.removesuffix(".md") + "/"
        assert link.text() == "Read the note"
        # The same text, rendered the same way, as the note's own page shows.
        body = parse_text(texts[note.id]).body
        page = one(parse(built_site / note.src_uri.removesuffix(".md") / "index.html"), "article")
        assert body is not None and body.text().strip()
        assert " ".join(body.text().split()) in " ".join(page.text().split())


def test_each_note_has_a_page_with_the_quote_in_context(edition: Edition, built_site: Path) -> None:
    for note in edition.notes:
        page = built_site / note.src_uri.removesuffix(".md") / "index.html"
        tree = parse(page)
        assert text_of(one(tree, "h1"), ".headerlink").strip() == note.title
        assert one(tree, "blockquote mark.ed-quote").text() == note.target.exact
        back = [a.attributes["href"] for a in tree.css("article a")]
        assert f"../../#fnref:{note.id}" in back
        for key in note.sources:
            assert f"../../sources/#{key}" in back


def test_citations_link_to_source_entries_that_list_their_notes(
    edition: Edition, built_site: Path
) -> None:
    # The essay's notes' text, as edition.js puts it under each footnote.
    texts = json.loads((built_site / "essay-notes.json").read_text(encoding="utf-8"))
    cites = {
        a.attributes["href"]
        for key, text in texts.items()
        if key != TERMS_KEY
        for a in parse_text(text).css("a.ed-cite")
    }
    cited = {key for note in edition.notes for key in note.sources}
    assert cites == {f"sources/#{key}" for key in cited}
    sources = parse(built_site / "sources/index.html")
    for source in edition.sources:
        entry = one(sources, f'div.ed-source[id="{source.key}"]')
        assert entry.text().strip().startswith(source.short)
    for note in edition.notes:
        for key in note.sources:
            entry = one(sources, f'div.ed-source[id="{key}"]')
            links = [a.attributes["href"] for a in entry.css("a")]
            assert f"../{note.src_uri.removesuffix('.md')}/" in links, (key, note.id)


def test_notes_index_lists_every_note_with_filters_for_javascript(
    edition: Edition, built_site: Path
) -> None:
    tree = parse(built_site / "notes/index.html")
    items = tree.css("li.ed-note-item")
    assert sorted(i.attributes["id"] or "" for i in items) == sorted(n.id for n in edition.notes)
    by_id = {n.id: n for n in edition.notes}
    for item in items:
        note = by_id[item.attributes["id"] or ""]
        assert item.attributes["data-kind"] == note.kind
        assert (item.attributes["data-verdict"] or "") == note.verdict  # minified: no =""
    form = one(tree, "form.ed-filter")
    assert "ed-ready" not in (form.attributes["class"] or "")  # the script shows it


def test_annotation_export_follows_the_web_annotation_model(
    edition: Edition, built_site: Path
) -> None:
    collection = json.loads((built_site / "annotations.jsonld").read_text(encoding="utf-8"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == len(edition.notes)
    assert collection["first"]["type"] == "AnnotationPage"
    paragraphs = edition.reading.paragraphs
    for item in items:
        assert item["type"] == "Annotation"
        assert item["id"].startswith("https://")
        assert item["motivation"] in ("commenting", "assessing")
        assert item["body"][0]["type"] == "TextualBody" and item["body"][0]["value"]
        note = next(n for n in edition.notes if item["id"].endswith(f"/{n.id}/"))
        label = "Fact-check: " + note.verdict if note.kind == "fact-check" else note.kind.title()
        assert item["body"][0]["value"].startswith(f"**{label}.** {note.title}\n\n")
        # Citations are links that any client shows, to the Sources page.
        value = item["body"][0]["value"]
        sources = collection["id"].removesuffix("annotations.jsonld") + "sources/"
        assert "[@" not in value
        assert all(f"]({sources}#{key})" in value for key in note.sources)
        tags = [b["value"] for b in item["body"][1:] if b["purpose"] == "tagging"]
        assert tags == [note.kind] + ([note.verdict] if note.verdict else [])
        target = item["target"]
        assert target["source"].startswith("https://")
        quote, fragment = target["selector"]
        assert quote["type"] == "TextQuoteSelector"
        refined = fragment["refinedBy"]
        assert fragment == {
            "type": "FragmentSelector",
            "conformsTo": "http://tools.ietf.org/rfc/rfc3986",
            "value": fragment["value"],
            "refinedBy": {"type": "TextPositionSelector", "start": refined["start"],
                          "end": refined["end"]},
        }  # fmt: skip
        number = int(fragment["value"].removeprefix("p"))
        paragraph = paragraphs[number - 1]
        assert paragraph[refined["start"] : refined["end"]] == quote["exact"]
        context = quote["prefix"] + quote["exact"] + quote["suffix"]
        assert paragraph[refined["start"] - len(quote["prefix"]) :].startswith(context)
        assert sum(p.count(context) for p in paragraphs) == 1
