"""The glossary on the built site: links in the essay, term pages, index, metadata."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.pipeline import Edition
from scripts.render_essay import NOTE_TEXTS_FILE, TERMS_KEY
from scripts.render_glossary import symmetric_see_also

from .html import one, parse, text_of

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = {
    "fixed-point", "base-case", "recursion", "local-optimum", "global-optimum",
    "borrow-checker", "lifetime", "static", "tokio", "async-runtime", "race-condition",
    "data-race", "blocking", "recursive-self-improvement", "model-collapse",
    "reinforcement-learning", "large-language-model", "next-token-prediction",
    "positive-feedback-loop", "overshooting", "map-and-territory", "ipo",
}  # fmt: skip


def page_of(site: Path, src_uri: str) -> Path:
    return site / src_uri.removesuffix(".md") / "index.html"


def test_at_least_24_terms_including_the_required_ones(edition: Edition) -> None:
    slugs = {t.slug for t in edition.terms}
    assert len(slugs) >= 24
    assert slugs >= REQUIRED


def test_first_occurrence_per_paragraph_is_linked_with_its_definition(
    edition: Edition, built_site: Path
) -> None:
    tree = parse(built_site / "index.html")
    # The definitions arrive with the notes' text, by each link's address.
    definitions = json.loads((built_site / NOTE_TEXTS_FILE).read_text(encoding="utf-8"))[TERMS_KEY]
    for number in range(1, 23):
        paragraph = one(tree, f"#p{number}")
        links = paragraph.css("a.ed-term")
        hrefs = [a.attributes["href"] for a in links]
        assert len(hrefs) == len(set(hrefs)), f"a term linked twice in paragraph {number}"
        slugs = {o.slug for o in edition.occurrences if o.paragraph == number}
        assert {h.split("/")[1] for h in hrefs if h} == slugs
        for link in links:
            term = edition.term((link.attributes["href"] or "").split("/")[1])
            assert "title" not in link.attributes
            assert definitions[link.attributes["href"]] == f"{term.term}: {term.short}"
        for heading in tree.css("h1 a.ed-term, h2 a.ed-term"):
            raise AssertionError(f"term linked in a heading: {heading.html}")


def test_longest_term_wins_and_static_keeps_its_apostrophe(built_site: Path) -> None:
    tree = parse(built_site / "index.html")
    texts = {a.text() for a in tree.css("#p16 a.ed-term, #p9 a.ed-term")}
    assert "local optimum" in texts and "optimum" not in texts
    assert "'static" in texts


def test_term_pages_list_occurrences_notes_and_symmetric_see_also(
    edition: Edition, built_site: Path
) -> None:
    for term in edition.terms:
        tree = parse(page_of(built_site, term.src_uri))
        assert text_of(one(tree, "h1"), ".headerlink").strip() == term.term
        found = [o for o in edition.occurrences if o.slug == term.slug]
        if found:
            items = one(tree, "#in-the-essay").next
            while items is not None and items.tag != "ul":
                items = items.next
            assert items is not None
            links = [one(li, "a").attributes["href"] for li in items.css("li")]
            assert links == [f"../../#p{o.paragraph}" for o in found]
        related = {t.slug for t in symmetric_see_also(edition, term)}
        for other in edition.terms:
            if term.slug in other.see_also:
                assert other.slug in related
        data = json.loads(one(tree, 'script[type="application/ld+json"]').text())
        assert data["@type"] == "DefinedTerm"
        assert data["name"] == term.term and data["description"] == term.short


def test_index_lists_all_terms_a_to_z_with_a_defined_term_set(
    edition: Edition, built_site: Path
) -> None:
    tree = parse(built_site / "glossary/index.html")
    names = [a.text() for a in tree.css("article li > a")]
    assert sorted(names, key=lambda n: n.lower().lstrip("'")) == names
    assert set(names) == {t.term for t in edition.terms}
    data = json.loads(one(tree, 'script[type="application/ld+json"]').text())
    assert data["@type"] == "DefinedTermSet"
    assert len(data["hasDefinedTerm"]) == len(edition.terms)
