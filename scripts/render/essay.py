"""Stage 7a, render the essay: the reading text as Markdown, with its apparatus inline.

Each paragraph is plain text with nested spans laid over it: a bare URL becomes a
link, a note's quoted words are marked and followed by a footnote reference, a
glossary term becomes a link with its definition as title, and a correction shows
the corrected words with the original reading in its title.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from scripts.ingest.anchor import crossing
from scripts.ingest.docs_tree import METHOD_PATH, verdict_anchor
from scripts.ingest.terms import BARE_URL
from scripts.model import Edition, Note, Occurrence, PlacedCorrection, Section, Term
from scripts.render.cite import SOURCES_SRC, render_citations, source_reference
from scripts.render.markdown import attr, escape_text, page_href, relative_link
from scripts.render.meta import Site, cite_block, suggest_note_url
from scripts.security.sanitize import clean_html

ESSAY_SRC = "index.md"
# The notes' full text, fetched by the essay page after it has loaded (see render_footnote).
NOTE_TEXTS_FILE = "essay-notes.json"
WORKS_CITED_KEY = "@works-cited"  # never a note id (ids are slugs)
TERMS_KEY = "@terms"  # each linked term's "Term: definition", by the link's address


@dataclass(frozen=True)
class Span:
    """Markup laid over ``text[start:end]``. ``leaf`` spans replace their text entirely."""

    start: int
    end: int
    rank: int  # on equal spans the lower rank is outside: note, URL, term, correction
    opening: str
    closing: str
    leaf: str | None = None
    droppable: bool = False  # a glossary link may be left out; a note or correction never


def correction_markup(placed: PlacedCorrection, focusable: bool = True) -> str:
    """The corrected words, with the original reading in attributes rather than in the text.

    The page's text (what annotation clients, text fragments and search read) is then the
    reading text; the title shows the original without JavaScript, and the stylesheet shows
    it inside the empty ``<del>`` when the reader switches the originals on. Inside a
    glossary link it takes no focus of its own: the link already does, and HTML allows
    nothing focusable inside a link."""
    c = placed.correction
    original = c.original.strip() or c.original
    label = f"Original reading: “{original}”" + (" (removed)" if not c.corrected else "")
    classes = "ed-corr" + ("" if c.corrected else " ed-corr-removed")
    return (
        f"<span class={attr(classes)} id={attr('corr-' + c.id)}"
        + (' tabindex="0" ' if focusable else " ")
        + f"title={attr(label)}><del data-original={attr(c.original)}"
        # data-original is exact (a removed word takes its space with it); the stylesheet
        # shows the words without that space when they differ.
        + (f" data-shown={attr(original)}" if original != c.original else "")
        + "></del>"
        f"<ins>{escape_text(c.corrected)}</ins></span>"
    )


def note_marker(note: Note, number: int) -> str:
    """A note's marker after its quote: the footnote reference Python-Markdown would write
    for ``[^id]``, but with its number in an attribute that the stylesheet shows, so that
    the number is not part of the page's text (a quote's suffix, a text fragment's word
    boundary). ``number`` must be the note's place in the footnote list."""
    return (
        f'<sup id={attr("fnref:" + note.id)}><a class="footnote-ref" '
        f'href={attr("#fn:" + note.id)} data-n="{number}" aria-label="Note {number}"></a></sup>'
    )


def render_spans(text: str, spans: Sequence[Span]) -> str:
    """Lay properly nested spans over ``text``; a span that crosses its parent is dropped."""
    out: list[str] = []
    stack: list[Span] = []
    cursor = 0

    def advance(to: int) -> None:
        nonlocal cursor
        out.append(escape_text(text[cursor:to]))
        cursor = to

    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.rank)):
        while stack and stack[-1].end <= span.start:
            advance(stack[-1].end)
            out.append(stack.pop().closing)
        if span.start < cursor or (stack and span.end > stack[-1].end):
            if not span.droppable:  # validation should have refused such data
                raise ValueError(f"span {span.start}-{span.end} crosses another in {text!r}")
            continue
        advance(span.start)
        if span.leaf is not None:
            out.append(span.leaf)
            cursor = span.end
        else:
            out.append(span.opening)
            stack.append(span)
    while stack:
        advance(stack[-1].end)
        out.append(stack.pop().closing)
    advance(len(text))
    return "".join(out)


@dataclass(frozen=True)
class Layout:
    """The edition's notes, term occurrences and terms, indexed once for the whole page."""

    notes: dict[int, list[Note]]
    occurrences: dict[int, list[Occurrence]]
    terms: dict[str, Term]
    numbers: dict[str, int]  # each note's number: its place in the essay's footnote list

    @classmethod
    def of(cls, edition: Edition) -> Layout:
        notes: dict[int, list[Note]] = {}
        for note in edition.notes:
            notes.setdefault(edition.anchors[note.id].paragraph, []).append(note)
        occurrences: dict[int, list[Occurrence]] = {}
        for occurrence in edition.occurrences:
            occurrences.setdefault(occurrence.paragraph, []).append(occurrence)
        numbers = {n.id: i for i, n in enumerate(notes_in_reading_order(edition), start=1)}
        return cls(notes, occurrences, {t.slug: t for t in edition.terms}, numbers)


def paragraph_spans(
    edition: Edition, number: int, page_src: str, layout: Layout | None = None
) -> list[Span]:
    layout = layout or Layout.of(edition)
    text = edition.reading.paragraphs[number - 1]
    spans = [
        Span(
            m.start(),
            m.end(),
            1,
            f"<a href={attr(m.group(0))} aria-label={attr(m.group(0) + ' (link given by the author)')}>",
            "</a>",
        )
        for m in BARE_URL.finditer(text)
    ]
    notes_here: dict[tuple[int, int], list[Note]] = {}
    for note in layout.notes.get(number, ()):
        anchor = edition.anchors[note.id]
        notes_here.setdefault((anchor.start, anchor.end), []).append(note)
    for (start, end), notes in notes_here.items():
        refs = "".join(
            note_marker(n, layout.numbers[n.id]) for n in sorted(notes, key=lambda n: n.id)
        )
        spans.append(Span(start, end, 0, '<mark class="ed-quote">', "</mark>" + refs))
    fixed = [(span.start, span.end) for span in spans]
    fixed += [(p.reading_start, p.reading_end) for p in edition.reading.corrections_in(number)]
    notes_at = [(start, end) for start, end in notes_here]
    linked: set[str] = set()
    links: list[tuple[int, int]] = []
    for occurrence in layout.occurrences.get(number, ()):
        where = (occurrence.start, occurrence.end)
        if occurrence.slug in linked or any(crossing(where, other) for other in fixed):
            continue
        # a link around a note's quote would hold its footnote marker: a link in a link
        if any(occurrence.start <= start and end <= occurrence.end for start, end in notes_at):
            continue
        linked.add(occurrence.slug)
        links.append(where)
        term = layout.terms[occurrence.slug]
        target = relative_link(page_src, term.src_uri)
        # No title: the definitions come with the notes' text after load (TERMS_KEY), as
        # forty-odd titles would weigh more than the rest of the page's markup.
        spans.append(
            Span(
                occurrence.start,
                occurrence.end,
                2,
                "[",
                f"]({target}){{: .ed-term }}",
                droppable=True,
            )
        )
    spans += [
        Span(
            p.reading_start,
            p.reading_end,
            3,
            "",
            "",
            leaf=correction_markup(
                p,
                focusable=not any(s <= p.reading_start and p.reading_end <= e for s, e in links),
            ),
        )
        for p in edition.reading.corrections_in(number)
    ]
    return spans


def render_paragraph(
    edition: Edition,
    site: Site,
    number: int,
    page_src: str = ESSAY_SRC,
    layout: Layout | None = None,
) -> str:
    text = edition.reading.paragraphs[number - 1]
    body = render_spans(text, paragraph_spans(edition, number, page_src, layout))
    # The number and the pencil are drawn by the stylesheet (from data-n, and a glyph) and
    # named by their aria-label: the paragraph's text is then exactly the reading text, for
    # annotation clients, text fragments and copying alike.
    pilcrow = (
        f'<a class="ed-pilcrow" href="#p{number}" data-n="{number}" '
        f'aria-label="Link to paragraph {number}"></a>'
    )
    # No title: edition.js shows the aria-label as a tooltip when the link is pointed at.
    # The suggested note's quote is the paragraph's opening words, which edition.js reads
    # from the paragraph itself (its text is exactly the reading text): not repeated here.
    tools = (
        f'<span class="ed-para-tools"><a class="ed-suggest" '
        f"href={attr(suggest_note_url(site.repo_url, number, site.branch))} "
        f'aria-label="Suggest a note on paragraph {number}"></a></span>'
    )
    return f"{pilcrow}{tools}{body}\n{{: #p{number} .ed-para }}"


def render_section_heading(section: Section, first: bool = False) -> str:
    """A section title, the editor's: said once, quietly, over the first title (the
    stylesheet shows it), and to screen readers at each, which a reader may jump to."""
    label = (
        '<span class="ed-editorial ed-editorial-once">Section titles are the editor’s'
        '<span class="ed-editorial">:</span></span>'
        if first
        else '<span class="ed-editorial">Editor’s title:</span>'
    )
    return (
        f"## {label} {escape_text(section.title)} "
        f"{{ #{section.id} data-toc-label={attr(section.title)} }}"
    )


METHOD_SRC = METHOD_PATH.removeprefix("docs/")
VERDICT_CLASS = {
    "supported": "ok",
    "partly supported": "partly",
    "misleading": "misleading",
    "unsupported": "none",
    "wrong as stated": "wrong",
    "disputed": "disputed",
    "opinion": "opinion",
}


def note_label(note: Note) -> str:
    """The label a reader sees first: kind, and the verdict for a fact-check."""
    if note.kind == "fact-check":
        return f"Fact-check: {note.verdict}"
    return note.kind.capitalize()


def note_badge(note: Note, page_src: str) -> str:
    """The note's kind and verdict; a verdict links to its definition on the method page."""
    css = VERDICT_CLASS.get(note.verdict, note.kind)
    label = escape_text(note_label(note))
    if not note.verdict:
        return f'<span class="ed-badge ed-badge-{css}">{label}</span>'
    href = page_href(page_src, METHOD_SRC, verdict_anchor(note.verdict))
    return f'<a class="ed-badge ed-badge-{css}" href={attr(href)}>{label}</a>'


def render_footnote(note: Note, page_src: str) -> str:
    """A note at the foot of the essay: its verdict, headline and a link to its page.

    The full text stays out of the page, so that the essay paints sooner and weighs less;
    edition.js fetches every note's text (NOTE_TEXTS_FILE) once the page has loaded and
    puts it in place, where the marker's tooltip and the sidenotes show it. Without
    JavaScript the link leads to the note."""
    note_page = relative_link(page_src, note.src_uri)
    text = (
        f"{note_badge(note, page_src)} **{escape_text(note.title)}**\n\n"
        f"[Read the note]({note_page}){{: .ed-note-link }}"
    )
    indented = "\n".join(("    " + line) if line else "" for line in text.split("\n"))
    return f"[^{note.id}]:\n{indented}"


def render_note_texts(
    edition: Edition, to_html: Callable[[str], str], page_src: str = ESSAY_SRC
) -> str:
    """NOTE_TEXTS_FILE: each note's body as HTML, links relative to the essay page, and
    the works cited under WORKS_CITED_KEY: they print with the notes' text, and like it
    stay out of the page's first load. edition.js puts this HTML into the page, so it
    goes through the sanitizer's allow-list."""
    texts = {
        note.id: clean_html(
            to_html(
                render_citations(
                    note.body,
                    page_src,
                    edition.short_labels,
                    published=True,
                    evidence=note.evidence,
                )
            )
        )
        for note in notes_in_reading_order(edition)
    }
    if edition.notes:
        texts[WORKS_CITED_KEY] = clean_html(to_html(render_works_cited(edition)))
    texts_and_terms: dict[str, object] = dict(texts)
    if edition.terms:
        texts_and_terms[TERMS_KEY] = {
            page_href(page_src, term.src_uri): f"{term.term}: {term.short}"
            for term in sorted(edition.terms, key=lambda t: t.slug)
        }
    return json.dumps(texts_and_terms, ensure_ascii=False, indent=0) + "\n"


def notes_in_reading_order(edition: Edition) -> list[Note]:
    return sorted(
        edition.notes,
        key=lambda n: (
            edition.anchors[n.id].paragraph,
            edition.anchors[n.id].start,
            n.id,
        ),
    )


def render_reading_text(edition: Edition, site: Site, page_src: str = ESSAY_SRC) -> str:
    """The essay page's reading text: sections, anchored paragraphs, and the notes."""
    parts = []
    layout = Layout.of(edition)
    titled = [section for section in edition.parts if section.id]
    for section in edition.parts:
        if section.id:
            parts.append(render_section_heading(section, first=section is titled[0]))
        parts += [
            render_paragraph(edition, site, n, page_src, layout) for n in section.paragraph_numbers
        ]
    parts.append(
        cite_block(
            site,
            page_src,
            key="edition-essay",
            title=site.name,
            what=f"annotated edition in “{site.name}”",
            container="",
            essay=edition.info,
        )
    )
    if edition.notes:
        # Each note's own page is in the search index; listing them here again would double it.
        parts.append(f'## Notes {{ #notes data-search-exclude data-ed-texts="{NOTE_TEXTS_FILE}" }}')
        parts.append("///Footnotes Go Here///")
        parts += [render_footnote(note, page_src) for note in notes_in_reading_order(edition)]
        # The works cited come after load with the notes' texts (edition.js), outside the
        # page's first load; a print made without the script names where they are instead.
        sources = f"{site.url.rstrip('/')}/{SOURCES_SRC.removesuffix('.md')}/"
        parts.append(
            f"Works cited: every source the notes cite is listed, with where to find it, on "
            f"the Sources page, {escape_text(sources)}\n{{: .ed-print-sources }}"
        )
    return "\n\n".join(parts) + "\n"


def render_works_cited(edition: Edition) -> str:
    """Every source the essay's notes cite, once, with its DOI or URL, as Markdown: printed
    after the notes (on screen each citation links to the Sources page)."""
    keys = sorted({key for note in edition.notes for key in note.sources})
    cited = sorted((edition.source(key) for key in keys), key=lambda s: s.short.lower())
    entries = "\n".join(
        f"- **{escape_text(s.short)}**: {source_reference(s, url_as_text=False)}" for s in cited
    )
    return f"**Works cited**\n\n{entries}\n"
