"""Evidence at each citation, the edition's own mark, and the sources' records in a reader's words."""

from __future__ import annotations

from dataclasses import replace

import markdown
from selectolax.lexbor import LexborHTMLParser

from scripts.exports.web_annotations import annotation_bodies
from scripts.ingest.citation_grammar import cited_keys, has_citation
from scripts.model import Edition, Evidence
from scripts.render.cite import OWN_VOICE_LABEL, render_citations
from scripts.render.notes import reading_date, source_record_lines
from scripts.security.policy import contributed_markdown_extensions
from scripts.security.sanitize import clean_html

SHORTS = {"smith2024": "Smith 2024", "jones2020": "Jones 2020"}


def rendered(body: str, evidence: tuple[Evidence, ...] = ()) -> LexborHTMLParser:
    text = render_citations(body, "notes/x.md", SHORTS, published=True, evidence=evidence)
    names, configs = contributed_markdown_extensions()
    html = markdown.Markdown(extensions=names, extension_configs=configs).convert(text)
    return LexborHTMLParser(clean_html(html))


def test_the_grammar_reads_the_edition_mark_as_a_citation_but_not_as_a_source() -> None:
    body = (
        "A finding [@smith2024; @jones2020]. Our reading [@edition]. Mixed [@edition; @smith2024]."
    )
    assert cited_keys(body) == ["smith2024", "jones2020", "smith2024"]
    assert has_citation("Our reading [@edition].") and not has_citation("No mark here.")


def test_a_citation_carries_its_evidence_as_the_sources_words_with_their_place() -> None:
    evidence = (
        Evidence("smith2024", "p. 4", "Ships *were* lost & <b>found</b>."),
        Evidence("smith2024", "table 2", "Eleven lights."),
    )
    page = rendered("A finding [@smith2024]. Another [@jones2020].", evidence)
    groups = page.css(".ed-cite-group")
    assert len(groups) == 1  # only the source with evidence
    link = groups[0].css_first("a.ed-cite")
    evidence_node = groups[0].css_first(".ed-evidence")
    label = groups[0].css_first(".ed-evidence-label")
    assert link is not None and evidence_node is not None and label is not None
    assert link.attributes["href"] == "../../sources/#smith2024" and link.text() == "Smith 2024"
    assert evidence_node.attributes["role"] == "note"
    assert label.text() == "The source’s words"
    assert [q.text() for q in groups[0].css("q")] == [
        "Ships *were* lost & <b>found</b>.",
        "Eleven lights.",
    ]
    assert [a.text() for a in groups[0].css(".ed-evidence-at")] == [
        "Smith 2024, p. 4",
        "Smith 2024, table 2",
    ]
    assert page.css_first("b") is None  # the quote is text, never markup
    plain = [a for a in page.css("a.ed-cite") if a.text() == "Jones 2020"]
    assert plain and plain[0].parent is not None and plain[0].parent.tag == "p"


def test_the_edition_mark_is_a_quiet_labelled_link_to_how_we_check() -> None:
    page = rendered("Our reading [@edition]. Mixed [@edition; @smith2024].")
    marks = page.css("a.ed-own-voice")
    assert [m.text() for m in marks] == ["ed.", "ed."]
    assert {m.attributes["href"] for m in marks} == {"../../how-we-check/#the-editions-own-voice"}
    assert {m.attributes["aria-label"] for m in marks} == {OWN_VOICE_LABEL}
    assert "sources/#edition" not in (page.html or "")  # never a link to a source


def test_the_annotation_export_names_the_editions_reading(edition: Edition) -> None:
    note = replace(edition.notes[0], body="Our reading [@edition].")
    value = annotation_bodies(edition, note, "https://example.org/ed/")[0]["value"]
    assert value.endswith(
        "Our reading ([the edition’s reading](https://example.org/ed/how-we-check/"
        "#the-editions-own-voice))."
    )


def test_a_sources_record_reads_as_a_readers_words(edition: Edition) -> None:
    source = edition.source("signal_trials_1959")
    assert source_record_lines(source) == [
        "Read on 11 January 2026. Read from a copy at "
        "[example.net](https://example.net/copies/signal-trials-1959) because the "
        "committee's own page was out of service. [Archived copy]"
        "(https://web.archive.org/web/2026/https://example.org/sources/signal-trials-1959).",
        "",
    ]
    assert source_record_lines(edition.source("lens_catalogue_1890")) == [
        "Read on 10 January 2026. No archived copy: the library's catalogue pages cannot be "
        "archived.",
        "",
    ]
    bare = replace(source, accessed="", archive="", mirror_url="", mirror_reason="")
    assert source_record_lines(bare) == []
    assert reading_date("2026-12-07") == "7 December 2026"
