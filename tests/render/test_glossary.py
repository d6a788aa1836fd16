"""The glossary on the built site: links in the essay, term pages, index, metadata."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.model import Edition
from scripts.render.essay import NOTE_TEXTS_FILE, TERMS_KEY
from scripts.render.glossary import TERM_DEFINITIONS_FILE, css_string, symmetric_see_also

from ..html import one, parse, text_of


def page_of(site: Path, src_uri: str) -> Path:
    return site / src_uri.removesuffix(".md") / "index.html"


def test_terms_with_aliases_each_found_in_the_essay(edition: Edition) -> None:
    assert len(edition.terms) >= 3
    assert all(t.aliases for t in edition.terms)
    found = {o.slug for o in edition.occurrences}
    assert found == {t.slug for t in edition.terms}
    # An alias counts as the term: some occurrence is an alias's wording, not the term's.
    paragraphs = edition.reading.paragraphs
    words = {paragraphs[o.paragraph - 1][o.start : o.end].lower() for o in edition.occurrences}
    assert any(alias.lower() in words for t in edition.terms for alias in t.aliases)


def test_first_occurrence_per_paragraph_is_linked_with_its_definition(
    edition: Edition, built_site: Path
) -> None:
    tree = parse(built_site / "index.html")
    # The definitions arrive with the notes' text, by each link's address.
    definitions = json.loads((built_site / NOTE_TEXTS_FILE).read_text(encoding="utf-8"))[TERMS_KEY]
    for number in range(1, len(edition.reading.paragraphs) + 1):
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


def test_the_longest_term_wins(edition: Edition, built_site: Path) -> None:
    """“spring tide” is one term and “tide” another: in “A spring tide” the longer one is
    linked, and “tide” alone still finds its own occurrences."""
    assert {"spring-tide", "tide"} <= {t.slug for t in edition.terms}
    tree = parse(built_site / "index.html")
    links = [(a.text(), a.attributes["href"]) for a in tree.css(".ed-para a.ed-term")]
    assert ("spring tide", "glossary/spring-tide/") in links
    assert ("tide", "glossary/tide/") in [(text.lower(), href) for text, href in links]
    (number,) = {o.paragraph for o in edition.occurrences if o.slug == "spring-tide"}
    texts = [a.text() for a in tree.css(f"#p{number} a.ed-term")]
    assert "spring tide" in texts and "tide" not in texts


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


def test_without_the_script_a_term_link_says_what_the_term_is(
    edition: Edition, built_site: Path
) -> None:
    """The definitions' stylesheet, imported only without JavaScript (the script brings the
    definitions after load), gives each term link its "Term: definition"."""
    head = parse(built_site / "index.html").css("head noscript")
    assert any(TERM_DEFINITIONS_FILE in n.text() for n in head)
    css = (built_site / TERM_DEFINITIONS_FILE).read_text(encoding="utf-8")
    for term in edition.terms:
        rule = f'a.ed-term[href$="/{term.slug}/"]{{--ed-definition:'
        assert rule in css, term.slug


def test_a_definition_cannot_end_its_css_string() -> None:
    hostile = 'a"}body{display:none}\\\n</style><script>'
    quoted = css_string(hostile)
    inner = quoted[1:-1]
    assert quoted[0] == quoted[-1] == '"'
    assert not any(c in inner for c in '"\n<>') and "\\\\" not in inner.replace("\\5c ", "")
    assert inner.startswith("a\\22 }body{display:none}\\5c \\a \\3c /style\\3e ")
