"""Stage 7c, render the notes' apparatus: each note's page, the Notes index, the Sources page
and the W3C Web Annotation export.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

from scripts.exports.paths import BIBLIOGRAPHY_STEM, download_links
from scripts.ingest.docs_tree import verdict_anchor
from scripts.ingest.git_history import FileDates
from scripts.model import (
    NO_ARCHIVE,
    NOTE_KINDS,
    RATED_VERDICTS,
    VERDICTS,
    Edition,
    Evidence,
    Note,
    Source,
)
from scripts.render.cite import SOURCES_SRC, render_citations, source_reference
from scripts.render.essay import (
    ESSAY_SRC,
    METHOD_SRC,
    note_badge,
    notes_in_reading_order,
)
from scripts.render.markdown import attr, escape_text, page_href, relative_link
from scripts.render.meta import Site, cite_block

NOTES_INDEX_SRC = "notes/index.md"


def note_place_link(note: Note, page_src: str) -> str:
    """The note's marker in the essay: its permanent place in the text."""
    return relative_link(page_src, ESSAY_SRC, f"fnref:{note.id}")


def quote_in_context(edition: Edition, note: Note) -> str:
    anchor = edition.anchors[note.id]
    text = edition.reading.paragraphs[anchor.paragraph - 1]
    return (
        escape_text(text[: anchor.start])
        + '<mark class="ed-quote">'
        + escape_text(text[anchor.start : anchor.end])
        + "</mark>"
        + escape_text(text[anchor.end :])
    )


CONTEXT_CHARS = 32


def context_before(text: str, start: int, wanted: int) -> str:
    """At least ``wanted`` characters before ``start``, widened to begin at a word."""
    begin = max(0, start - wanted)
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:start]


def context_after(text: str, end: int, wanted: int) -> str:
    """At least ``wanted`` characters after ``end``, widened to end at a word."""
    stop = min(len(text), end + wanted)
    while stop < len(text) and not text[stop].isspace():
        stop += 1
    return text[end:stop]


def _fragment_part(text: str) -> str:
    """Percent-encoded for a text directive, where '-', ',' and '&' are syntax."""
    return quote(text, safe="").replace("-", "%2D")


def text_fragment(edition: Edition, note: Note) -> str:
    """A text directive (``text=prefix-,start,-suffix``) that finds the note's quote in the
    essay: browsers scroll to the first match and highlight it.

    Browsers match whole words only, so the quote is widened to whole words; a few words
    of context on either side (within the paragraph) keep an earlier match of the same
    words, in the introduction say, from being taken first."""
    anchor = edition.anchors[note.id]
    text = edition.reading.paragraphs[anchor.paragraph - 1]
    start, end = anchor.start, anchor.end
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    prefix = context_before(text, start, CONTEXT_CHARS).strip()
    suffix = context_after(text, end, CONTEXT_CHARS).strip()
    return (
        "text="
        + (_fragment_part(prefix) + "-," if prefix else "")
        + _fragment_part(text[start:end])
        + (",-" + _fragment_part(suffix) if suffix else "")
    )


def _term_links(edition: Edition, slugs: Iterable[str], page_src: str) -> str:
    return ", ".join(
        f"[{escape_text(edition.term(slug).term)}]({relative_link(page_src, edition.term(slug).src_uri)})"
        for slug in slugs
    )


def note_history_url(site: Site, note: Note) -> str:
    """The repository's list of commits that changed the note's file."""
    return f"{site.repo_url}/commits/{site.branch}/docs/{note.src_uri}"


def dates_line(site: Site, note: Note, dates: FileDates | None) -> str:
    """When the note was first published and last revised (from git), and its change log."""
    log = f"[changes to this note]({note_history_url(site, note)})"
    if dates is None:
        return f'<p class="ed-dates" markdown>Not yet published · {log}</p>'
    revised = "" if dates.last == dates.first else f" · last revised {dates.last}"
    moved = "".join(
        f" · verdict changed on {date} from {escape_text(old)} to {escape_text(new)}"
        if new
        else f" · verdict {escape_text(old)} withdrawn on {date}"
        for date, old, new in dates.verdicts
    )
    return f'<p class="ed-dates" markdown>First published {dates.first}{moved}{revised} · {log}</p>'


def claim_review_jsonld(
    edition: Edition, site: Site, note: Note, dates: FileDates | None
) -> dict[str, object] | None:
    """schema.org ClaimReview for a fact-check (Google's fact-check markup): the words
    reviewed, where they appear, and the verdict; a verdict on the truth scale also gets its
    place on it, named from best to worst. Verdicts off the scale (unsupported, disputed,
    opinion) are named, never given a number."""
    if note.kind != "fact-check" or note.verdict not in VERDICTS:
        return None
    anchor = edition.anchors[note.id]
    info = edition.info
    claim: dict[str, object] = {
        "@type": "Claim",
        "appearance": {
            "@type": "CreativeWork",
            "url": site.page_url(ESSAY_SRC) + f"#p{anchor.paragraph}",
            "name": info.title,
        },
    }
    if info.known(info.author):  # never a guess: an unknown author is left out
        claim["author"] = {"@type": "Person", "name": info.author}
    if info.known(info.published):
        claim["datePublished"] = info.published
    review: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": site.page_url(note.src_uri),
        "name": note.title,
        "claimReviewed": note.target.exact,
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": site.name, "url": site.url},
        "reviewRating": rating(site, note.verdict),
    }
    if dates is not None:
        review["datePublished"] = dates.first
        review["dateModified"] = dates.last
    return review


def rating(site: Site, verdict: str) -> dict[str, object]:
    """A ClaimReview's rating: the verdict's name and definition, and, on the truth scale
    only, its number from worstRating to bestRating, with the scale's ends named."""
    named: dict[str, object] = {
        "@type": "Rating",
        "alternateName": verdict,
        "url": site.page_url(METHOD_SRC) + "#" + verdict_anchor(verdict),
    }
    if verdict not in RATED_VERDICTS:
        return named
    best, worst = len(RATED_VERDICTS), 1
    return {
        **named,
        "ratingValue": best - RATED_VERDICTS.index(verdict),
        "bestRating": best,
        "worstRating": worst,
        "ratingExplanation": (
            f"{verdict} on a scale from {best} ({RATED_VERDICTS[0]}) to {worst} "
            f"({RATED_VERDICTS[-1]})"
        ),
    }


def evidence_lines(source: Source, items: Iterable[Evidence]) -> list[str]:
    """A source's entry on a note's page, then the source's words the note relies on."""
    return [
        f"    - {escape_text(item.at)}: “{escape_text(item.quote)}”"
        for item in items
        if item.source == source.key
    ]


def revisions_lines(note: Note) -> list[str]:
    """'Changes to this note', oldest first: what changed and why."""
    if not note.revisions:
        return []
    lines = ["## Changes to this note { #changes data-search-exclude }", ""]
    lines += [
        f"- **{escape_text(reading_date(r.date))}**: {escape_text(r.change)} "
        f"*Why:* {escape_text(r.reason)}"
        for r in sorted(note.revisions, key=lambda r: r.date)
    ]
    return [*lines, ""]


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def reading_date(iso: str) -> str:
    """YYYY-MM-DD as a reader writes it: 7 December 2026."""
    year, month, day = iso.split("-")
    if not 1 <= int(month) <= 12:
        return iso
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def render_note_page(
    edition: Edition,
    site: Site,
    note: Note,
    body: str | None = None,
    dates: FileDates | None = None,
) -> str:
    """The Markdown of a note's own page, replacing the note file's body.

    ``body`` is the note's text already rendered (the compiler passes it as sanitized
    HTML, so that no engine renders a contributor's Markdown); by default, its Markdown.
    ``dates`` come from git: when the note was first published and last revised."""
    page = note.src_uri
    anchor = edition.anchors[note.id]
    section = next(s for s in edition.parts if anchor.paragraph in s.paragraph_numbers)
    cited = [edition.source(key) for key in note.sources]
    # Raw HTML: MkDocs would take the text directive for an anchor of the page and warn.
    # No #pN before it: Chromium does not fall back to an element when the words are not
    # found, and browsers without text fragments would look for an id "pN:~:text=...".
    highlight = page_href(page, ESSAY_SRC, f":~:{text_fragment(edition, note)}")
    lines = [
        f"# {escape_text(note.title)}",
        "",
        note_badge(note, page),
        "",
        dates_line(site, note, dates),
        "",
        # Not in the search index: the essay itself is.
        '<blockquote class="ed-context" data-search-exclude markdown>',
        "",
        quote_in_context(edition, note),
        "",
        f"— the essay, [paragraph {anchor.paragraph}]({note_place_link(note, page)}) "
        + (f"in *{escape_text(section.title)}* " if section.title else "")
        + f'· <a class="ed-text-fragment" href={attr(highlight)}>'
        "show these words highlighted in the essay</a>",
        "",
        "</blockquote>",
        "",
        render_citations(note.body, page, edition.short_labels, evidence=note.evidence)
        if body is None
        else body,
        "",
    ]
    if cited:
        # The Sources page is indexed, with the notes that cite each source.
        lines += ["## Sources { #sources data-search-exclude }", ""]
        for s in cited:
            lines.append(
                f"- [{escape_text(s.short)}]({relative_link(page, SOURCES_SRC, s.key)}): "
                f"{source_reference(s)}"
            )
            quoted = evidence_lines(s, note.evidence)
            if quoted:
                lines += ["", *quoted, ""]
        lines.append("")
    lines += revisions_lines(note)
    if note.terms:
        lines += [f"**Glossary:** {_term_links(edition, note.terms, page)}", ""]
    lines += [
        f"[Back to paragraph {anchor.paragraph} of the essay]({note_place_link(note, page)})"
        " · [All notes](index.md)",
        "",
        cite_block(
            site,
            page,
            key=f"edition-note-{note.id}",
            title=note.title,
            what=f"note on paragraph {anchor.paragraph} of ",
        ),
        "",
    ]
    return "\n".join(lines)


def render_notes_index(edition: Edition) -> str:
    page = NOTES_INDEX_SRC
    ordered = notes_in_reading_order(edition)
    kinds = sorted({n.kind for n in ordered}, key=NOTE_KINDS.index)
    verdicts = sorted({n.verdict for n in ordered if n.verdict}, key=VERDICTS.index)
    filter_form = (
        '<form class="ed-filter" aria-label="Filter the notes">'
        '<label>Kind <select name="kind"><option value="">all kinds</option>'
        + "".join(f"<option>{k}</option>" for k in kinds)
        + '</select></label> <label>Verdict <select name="verdict">'
        '<option value="">all verdicts</option>'
        + "".join(f"<option>{v}</option>" for v in verdicts)
        + '</select></label> <output name="count" aria-live="polite"></output></form>'
    )
    lines = [
        "---",
        "title: Notes",
        "description: Every note on the essay, by section - fact-checks with their verdicts, "
        "context and counterpoints, each citing confirmed sources.",
        "---",
        "",
        "# Notes",
        "",
        f"The edition has **{len(ordered)} notes** on the essay. Fact-checks carry a verdict on "
        "this scale: " + ", ".join(f"*{v}*" for v in VERDICTS) + ". Context notes and "
        "counterpoints add what a reader needs to weigh the claim; definitions explain a term. "
        "Every note links to its place in the essay and to the [sources](../sources.md) it cites.",
        "",
        filter_form,
        "",
    ]
    for section in edition.parts:
        in_section = [
            n for n in ordered if edition.anchors[n.id].paragraph in section.paragraph_numbers
        ]
        if not in_section:
            continue
        if section.id:
            lines += [f"## {escape_text(section.title)} {{ #{section.id} }}", ""]
        lines.append('<ul class="ed-note-list">')
        for note in in_section:
            anchor = edition.anchors[note.id]
            note_page = page_href(page, note.src_uri)
            place = page_href(page, ESSAY_SRC, f"fnref:{note.id}")
            lines.append(
                f'<li class="ed-note-item" id={attr(note.id)} data-kind={attr(note.kind)} '
                f"data-verdict={attr(note.verdict)}>{note_badge(note, page)} "
                f"<a href={attr(note_page)}>{html.escape(note.title)}</a>"
                f" — ¶ {anchor.paragraph}, on “<a href={attr(place)}>"
                f"{html.escape(note.target.exact)}</a>”</li>"
            )
        lines += ["</ul>", ""]
    return "\n".join(lines)


def source_record_lines(source: Source) -> list[str]:
    """When the source was read, where a copy was read instead, and its archived copy, in
    a reader's words (nothing for what the record does not say)."""
    parts = []
    if source.accessed:
        parts.append(f"Read on {reading_date(source.accessed)}.")
    if source.mirror_url:
        host = urlsplit(source.mirror_url).netloc or source.mirror_url
        parts.append(
            f"Read from a copy at [{escape_text(host)}]({source.mirror_url}) because "
            f"{escape_text(source.mirror_reason.rstrip('.'))}."
        )
    if source.archive == NO_ARCHIVE:
        parts.append(f"No archived copy: {escape_text(source.archive_reason.rstrip('.'))}.")
    elif source.archive:
        parts.append(f"[Archived copy]({source.archive}).")
    return [" ".join(parts), ""] if parts else []


def render_sources_page(edition: Edition) -> str:
    page = SOURCES_SRC
    citing: dict[str, list[str]] = {s.key: [] for s in edition.sources}
    for note in notes_in_reading_order(edition):
        for key in note.sources:
            citing[key].append(f"[{escape_text(note.title)}]({relative_link(page, note.src_uri)})")
    for term in sorted(edition.terms, key=lambda t: t.term.lower()):
        for key in term.sources:
            citing[key].append(
                f"[{escape_text(term.term)}]({relative_link(page, term.src_uri)}) (glossary)"
            )
    lines = [
        "---",
        "title: Sources",
        "description: Every source the edition's notes and glossary cite, with a full "
        "reference, a link, how it was confirmed, and the notes that cite it.",
        "---",
        "",
        "# Sources",
        "",
        "Each source below says what of it was read (*What was read*), when, and where an "
        "archived copy is, or why there is none; each fact-check shows the source's own words "
        "beside its citations. Notes and definitions cite a source by the short label in bold.",
        "",
        "All of them at once, for a reference manager: "
        + " · ".join(
            f'<a href="{href}" type="{media}" download>{label}</a>'
            for href, media, label in download_links(page, BIBLIOGRAPHY_STEM)
        )
        + ".",
        "",
    ]
    # Entries are blocks, not headings: a heading each would put 48 permalinks (and their
    # tooltips, mounted at load) on the page and 48 lines into the table of contents.
    for source in sorted(edition.sources, key=lambda s: s.short.lower()):
        lines += [
            f'<div class="ed-source" id="{source.key}" markdown>',
            "",
            f"**{escape_text(source.short)}** · {source_reference(source)}",
            "",
            f"*What was read:* {escape_text(source.how_confirmed)}",
            "",
            *source_record_lines(source),
        ]
        if citing[source.key]:
            lines += ["*Cited by:* " + "; ".join(citing[source.key]), ""]
        lines += ["</div>", ""]
    return "\n".join(lines)


# How much of the paragraph around a quote its selector carries, at least, as prefix and
# suffix: enough that the quote anchors once on the whole page, not only in the reading text.
