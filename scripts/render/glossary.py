"""Stage 7d, render the glossary: each term's generated sections, the A-Z index, and
schema.org metadata (DefinedTerm, DefinedTermSet).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from scripts.model import Edition, Note, Occurrence, Term
from scripts.render.cite import render_citations
from scripts.render.essay import ESSAY_SRC, note_badge, notes_in_reading_order
from scripts.render.markdown import escape_text, relative_link, script_safe_json
from scripts.render.meta import Site, cite_block

GLOSSARY_INDEX_SRC = "glossary/index.md"
# Each term's definition for a reader without JavaScript, shown when a term link is pointed
# at or focused. It is loaded only from a <noscript> in the page's head: with the script,
# the definitions arrive after load with the notes' texts (essay.NOTE_TEXTS_FILE) instead.
TERM_DEFINITIONS_FILE = "term-definitions.css"
TERM_DEFINITION_POPUP = (
    "a.ed-term{position:relative}"
    "a.ed-term:is(:hover,:focus-visible)::after{content:var(--ed-definition);position:absolute;"
    "left:0;top:100%;z-index:4;width:max-content;max-width:min(22rem,80vw);"
    "padding:.4em .6em;font-size:.8rem;font-weight:400;line-height:1.45;white-space:normal;"
    "color:var(--md-default-fg-color);background:var(--md-default-bg-color);"
    "border-radius:.2rem;box-shadow:var(--md-shadow-z2)}"
)
SNIPPET_WORDS = 6


def symmetric_see_also(edition: Edition, term: Term) -> list[Term]:
    """Terms this one lists, plus terms that list this one, in alphabetical order."""
    slugs = set(term.see_also) | {t.slug for t in edition.terms if term.slug in t.see_also}
    slugs.discard(term.slug)
    return sorted((edition.term(s) for s in slugs), key=lambda t: t.term.lower())


def occurrences_of(edition: Edition, slug: str) -> list[Occurrence]:
    return [o for o in edition.occurrences if o.slug == slug]


def notes_about(edition: Edition, slug: str) -> list[Note]:
    """Notes that name the term, or whose quoted words contain it."""
    inside = {
        note.id
        for note in edition.notes
        for o in occurrences_of(edition, slug)
        if edition.anchors[note.id].paragraph == o.paragraph
        and edition.anchors[note.id].start <= o.start < edition.anchors[note.id].end
    }
    return [n for n in notes_in_reading_order(edition) if slug in n.terms or n.id in inside]


def snippet(text: str, start: int, end: int) -> str:
    """The occurrence with a few words either side, the term in bold."""
    before = text[:start].split(" ")
    after = text[end:].split(" ")
    left = " ".join(before[-SNIPPET_WORDS:])
    right = " ".join(after[:SNIPPET_WORDS])
    return (
        ("… " if len(before) > SNIPPET_WORDS else "")
        + escape_text(left)
        + f"**{escape_text(text[start:end])}**"
        + escape_text(right)
        + (" …" if len(after) > SNIPPET_WORDS else "")
    )


def _list(items: Iterable[str]) -> list[str]:
    return [f"- {item}" for item in items]


def render_term_page(edition: Edition, site: Site, term: Term, body: str | None = None) -> str:
    """The Markdown of a term's page: the contributor's text plus generated cross-references.

    ``body`` is the term's text already rendered (as for ``render_note_page``)."""
    page = term.src_uri
    found = occurrences_of(edition, term.slug)
    lines = [
        f"# {escape_text(term.term)}",
        "",
        f"*{escape_text(term.short)}*",
        "{: .ed-short }",
        "",
        render_citations(term.body, page, edition.short_labels, evidence=term.evidence)
        if body is None
        else body,
        "",
        "## In the essay { #in-the-essay data-search-exclude }",  # the essay itself is indexed
        "",
    ]
    if found:
        lines.append(f"The essay uses the term {len(found)} time{'s' if len(found) != 1 else ''}:")
        lines.append("")
        lines += _list(
            f"[¶ {o.paragraph}]({relative_link(page, ESSAY_SRC, f'p{o.paragraph}')}): "
            + snippet(edition.reading.paragraphs[o.paragraph - 1], o.start, o.end)
            for o in found
        )
    else:
        lines.append("The essay does not use the term itself; it matters to the notes below.")
    lines.append("")
    notes = notes_about(edition, term.slug)
    if notes:
        lines += ["## Notes { #notes }", ""]
        lines += _list(
            f"{note_badge(n, page)} [{escape_text(n.title)}]({relative_link(page, n.src_uri)}) "
            f"(¶ {edition.anchors[n.id].paragraph})"
            for n in notes
        )
        lines.append("")
    related = symmetric_see_also(edition, term)
    if related:
        # Each related term is indexed on its own page.
        lines += ["## See also { #see-also data-search-exclude }", ""]
        lines += _list(
            f"[{escape_text(t.term)}]({relative_link(page, t.src_uri)}): {escape_text(t.short)}"
            for t in related
        )
        lines.append("")
    lines.append(
        cite_block(
            site, page, key=f"edition-term-{term.slug}", title=term.term, what="glossary entry in "
        )
    )
    lines.append("")
    return "\n".join(lines)


def sorted_terms(edition: Edition) -> list[Term]:
    return sorted(edition.terms, key=lambda t: t.term.lower().lstrip("'"))


def render_glossary_index(edition: Edition) -> str:
    lines = [
        "---",
        "title: Glossary",
        # Quoted: the essay's title may hold anything, ": " included.
        "description: "
        + json.dumps(
            f"{len(edition.terms)} terms the essay “{edition.info.title}” relies on, each "
            "explained plainly with its sources and every place the essay uses it.",
            ensure_ascii=False,
        ),
        "---",
        "",
        "# Glossary",
        "",
        "Each term links to a page that explains it, says how the essay uses it, and lists "
        "every place it occurs. In the essay, the first mention of a term in each paragraph "
        "links here; hovering it shows the one-sentence definition.",
        "",
    ]
    letter = ""
    for term in sorted_terms(edition):
        initial = term.term.lstrip("'")[0].upper()
        if initial != letter:
            letter = initial
            lines += ["", f"## {letter} {{ #letter-{letter.lower()} }}", ""]
        lines.append(
            f"- [{escape_text(term.term)}]({relative_link(GLOSSARY_INDEX_SRC, term.src_uri)}): "
            f"{escape_text(term.short)}"
        )
    lines.append("")
    return "\n".join(lines)


def term_url(site_url: str, term: Term) -> str:
    return f"{site_url}{term.src_uri.removesuffix('.md')}/"


def defined_term_jsonld(edition: Edition, term: Term, site_url: str) -> str:
    return script_safe_json(
        {
            "@context": "https://schema.org",
            "@type": "DefinedTerm",
            "@id": term_url(site_url, term),
            "name": term.term,
            "alternateName": list(term.aliases),
            "description": term.short,
            "url": term_url(site_url, term),
            "inDefinedTermSet": f"{site_url}glossary/",
        }
    )


def defined_term_set_jsonld(edition: Edition, site_url: str) -> str:
    return script_safe_json(
        {
            "@context": "https://schema.org",
            "@type": "DefinedTermSet",
            "@id": f"{site_url}glossary/",
            "name": f"Glossary of the essay “{edition.info.title}”",
            "hasDefinedTerm": [
                {
                    "@type": "DefinedTerm",
                    "@id": term_url(site_url, t),
                    "name": t.term,
                    "description": t.short,
                    "url": term_url(site_url, t),
                }
                for t in sorted_terms(edition)
            ],
        }
    )


def css_string(text: str) -> str:
    """``text`` as a CSS string: quotes, backslashes and control characters escaped, so
    that no definition, however written, ends the string or the rule."""
    escaped = "".join(
        f"\\{ord(c):x} " if c in '"\\<>' or ord(c) < 0x20 or ord(c) == 0x7F else c for c in text
    )
    return f'"{escaped}"'


def render_term_definitions_css(edition: Edition) -> str:
    """TERM_DEFINITIONS_FILE: each term's "Term: definition", matched by the end of its
    page's address, which every page's term links share whatever their depth."""
    rules = [TERM_DEFINITION_POPUP]
    for term in sorted(edition.terms, key=lambda t: t.slug):
        address = css_string(f"/{term.slug}/")
        definition = css_string(f"{term.term}: {term.short}")
        rules.append(f"a.ed-term[href$={address}]{{--ed-definition:{definition}}}")
    return "\n".join(rules) + "\n"
