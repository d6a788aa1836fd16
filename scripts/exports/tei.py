"""TEI P5: the edition as a digital edition's interchange file (TEI Publisher, EVT, CETEIcean).

A ``teiHeader`` from edition.yml (what is not known is written as unknown), the editorial
policy in ``editorialDecl``, every paragraph with its permanent id (``p12``: line 12 of the
seed), every correction as ``choice`` with the author's reading in ``sic`` and the
edition's in ``corr`` (its reason in a note that points at it), glossary terms as ``term``
pointing at their entries, each note pointing at the words it annotates (``anchor``
milestones, so that notes never break the text's nesting), and the sources as ``listBibl``.

Taking every ``sic`` rebuilds the seed byte for byte; taking every ``corr``, the reading
text. The text is written without indentation inside paragraphs so that no whitespace is
added to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from scripts.exports.bibliography import Name, Work, bibliography, parse_name
from scripts.ingest.citation_grammar import CITATION, EDITION_MARK, group_keys
from scripts.model import NOTE_KINDS, Edition, Note, Occurrence, PlacedCorrection
from scripts.render.meta import Site

TEI_NS = "http://www.tei-c.org/ns/1.0"
UNKNOWN = "unknown"
_NOT_NAME_CHAR = re.compile(r"[^A-Za-z0-9._-]")


def xml_id(prefix: str, value: str) -> str:
    """An xml:id (an NCName) from a slug or key, with a prefix that says what it names."""
    return f"{prefix}-{_NOT_NAME_CHAR.sub('_', value)}"


def _el(tag: str, text: str = "", **attributes: str) -> str:
    attrs = "".join(
        f" {name.replace('_', ':', 1) if name.startswith('xml_') else name}={quoteattr(value)}"
        for name, value in attributes.items()
        if value
    )
    return f"<{tag}{attrs}>{escape(text)}</{tag}>" if text else f"<{tag}{attrs}/>"


def _opt(tag: str, text: str, **attributes: str) -> str:
    """An element only when there is something to say."""
    return _el(tag, text, **attributes) if text else ""


def _person(tag: str, name: Name) -> str:
    if name.literal:
        return _el(tag, name.literal)
    return f"<{tag}><persName>{_el('forename', name.given)} {_el('surname', name.family)}</persName></{tag}>"


def header(edition: Edition, site: Site) -> str:
    """The teiHeader: the edition, the essay as its source, and the editorial policy."""
    info = edition.info
    editors = "".join(_person("editor", parse_name(e)) for e in info.editors)
    date = (
        _el("date", site.version.date, when=site.version.date)
        if site.version.date
        else _el("date", "unversioned")
    )
    essay_author = (
        _person("author", parse_name(info.author))
        if info.known(info.author)
        else _el("author", UNKNOWN)
    )
    published = (
        _el("date", info.published, when=info.published)
        if info.known(info.published)
        else _el("date", UNKNOWN)
    )
    address = (
        _el("ref", info.original_url, target=info.original_url)
        if info.known(info.original_url)
        else _el("note", f"Original address: {UNKNOWN}.", type="original-address")
    )
    venue = info.venue if info.known(info.venue) else UNKNOWN
    licence = info.licence if info.known(info.licence) else UNKNOWN
    reasons = sorted({c.reason for c in edition.corrections})
    return "\n".join(
        [
            "<teiHeader>",
            "<fileDesc>",
            f"<titleStmt>{_el('title', site.name)}{editors}</titleStmt>",
            "<publicationStmt>",
            _el("publisher", site.name),
            date,
            _el("idno", site.url, type="URI"),
            *([_el("idno", site.version.commit, type="git-commit")] if site.version.commit else []),
            f"<availability><p>{escape(f'Licence of the essay: {licence}.')}</p></availability>",
            "</publicationStmt>",
            "<sourceDesc>",
            f"<bibl>{_el('title', info.title)}{essay_author}{published}{address}"
            f"{_el('note', f'Where it first appeared: {venue}.', type='venue')}"
            + (_el("note", info.remarks, type="remarks") if info.remarks else "")
            + "</bibl>",
            "</sourceDesc>",
            "</fileDesc>",
            "<encodingDesc>",
            "<editorialDecl>",
            "<correction><p>"
            + escape(
                "The source text is kept byte for byte. Every difference between it and the "
                "reading text is a recorded correction, encoded as choice: the source's "
                "reading in sic, the edition's in corr, its reason in a note of type "
                "correction that points at it. Reasons used: " + "; ".join(reasons) + "."
                if reasons
                else "The source text is kept byte for byte; the edition records no correction."
            )
            + "</p></correction>",
            "<segmentation><p>"
            + escape(
                "Each paragraph (p) is one line of the source text; its xml:id, pN, is its line "
                "number, and never changes. Sections (div) and their headings are the editor's."
            )
            + "</p></segmentation>",
            "<interpretation><p>"
            + escape(
                "Notes (note, with type the kind of note and subtype its verdict) and glossary "
                "entries are the edition's own judgement, each citing the sources in listBibl."
            )
            + "</p></interpretation>",
            "</editorialDecl>",
            "</encodingDesc>",
            "</teiHeader>",
        ]
    )


def _events(
    paragraph: int,
    corrections: Iterable[PlacedCorrection],
    occurrences: Iterable[Occurrence],
    notes: list[tuple[Note, int, int]],
    text_length: int,
) -> list[tuple[int, int, str, object]]:
    """(start, end, kind, item) for one reading paragraph, outermost first at each start."""
    spans = [(p.reading_start, p.reading_end, p) for p in corrections]
    events: list[tuple[int, int, str, object]] = [(s, e, "corr", p) for s, e, p in spans]
    for occurrence in occurrences:
        if occurrence.paragraph != paragraph:
            continue
        # A term is wrapped only where it nests with every correction.
        if all(
            e <= occurrence.start
            or s >= occurrence.end
            or (occurrence.start <= s and e <= occurrence.end)
            for s, e, _ in spans
        ):
            events.append((occurrence.start, occurrence.end, "term", occurrence))
    for note, start, end in notes:
        events.append((start, start, "note-start", note))
        events.append((end, end, "note-end", note))
    order = {"note-end": 0, "note-start": 1, "term": 2, "corr": 3}
    return sorted(events, key=lambda e: (e[0], order[e[2]], -e[1]))


def paragraph(edition: Edition, number: int) -> str:
    """One paragraph: the reading text with its corrections, terms and note anchors."""
    text = edition.reading.paragraphs[number - 1]
    notes = [
        (n, edition.anchors[n.id].start, edition.anchors[n.id].end)
        for n in edition.notes
        if edition.anchors[n.id].paragraph == number
    ]
    events = _events(
        number, edition.reading.corrections_in(number), edition.occurrences, notes, len(text)
    )
    out: list[str] = []
    open_ends: list[tuple[int, str]] = []  # (end, closing tag) of open elements
    position = 0

    def advance(to: int) -> None:
        nonlocal position
        while open_ends and open_ends[-1][0] <= to:
            end, closing = open_ends.pop()
            out.append(escape(text[position:end]) + closing)
            position = end
        out.append(escape(text[position:to]))
        position = to

    for start, end, kind, item in events:
        advance(start)
        if kind in ("note-start", "note-end"):
            assert isinstance(item, Note)
            side = "start" if kind == "note-start" else "end"
            out.append(f'<anchor xml:id="{xml_id("note", item.id)}-{side}"/>')
        elif kind == "term":
            assert isinstance(item, Occurrence)
            out.append(f'<term ref="#{xml_id("term", item.slug)}">')
            open_ends.append((end, "</term>"))
        else:
            assert isinstance(item, PlacedCorrection)
            c = item.correction
            out.append(
                f'<choice xml:id="{xml_id("corr", c.id)}">{_el("sic", c.original)}{_el("corr", c.corrected)}</choice>'
            )
            position = end
    advance(len(text))
    return f'<p xml:id="p{number}" n="{number}">{"".join(out)}</p>'


def _note_text(body: str, shorts: dict[str, str]) -> str:
    """A note's Markdown as text, its citations as references to the sources."""
    parts, last = [], 0
    for match in CITATION.finditer(body):
        parts.append(escape(body[last : match.start()]))
        refs = "; ".join(
            "the edition's reading"
            if key == EDITION_MARK
            else f'<ref target="#{xml_id("src", key)}">{escape(shorts.get(key, key))}</ref>'
            for key in group_keys(match.group(1))
        )
        parts.append(f"({refs})")
        last = match.end()
    parts.append(escape(body[last:]))
    return "".join(parts)


def note(edition: Edition, item: Note) -> str:
    nid = xml_id("note", item.id)
    verdict = item.verdict.replace(" ", "-") if item.verdict else ""
    paragraphs = [p for p in item.body.split("\n\n") if p.strip()]
    shorts = edition.short_labels
    attrs = {
        "xml_id": nid,
        "type": item.kind if item.kind in NOTE_KINDS else "note",
        "subtype": verdict,
        "target": f"#{nid}-start",
        "targetEnd": f"#{nid}-end",
    }
    opening = _el("note", **attrs)[:-2] + ">"
    return (
        opening
        + _el("label", item.title)
        + "".join(f"<p>{_note_text(p.strip(), shorts)}</p>" for p in paragraphs)
        + "</note>"
    )


def _bibl(work: Work) -> str:
    container = work.container
    parts = [
        *(_person("author", n) for n in work.authors),
        _el("title", work.title, level="a" if container.title else "m"),
        _opt("title", container.title, level="j" if work.kind == "article" else "m"),
        _opt("biblScope", container.volume, unit="volume"),
        _opt("biblScope", container.issue, unit="issue"),
        _opt("biblScope", container.pages, unit="page"),
        _el("date", work.issued.iso, when=work.issued.iso) if work.issued else "",
        _opt("idno", work.doi, type="DOI"),
        _opt("idno", f"arXiv:{container.arxiv}" if container.arxiv else "", type="arXiv"),
        _el("ptr", target=work.url) if work.url else "",
        _opt("note", container.remark),
    ]
    return f'<bibl xml:id="{xml_id("src", work.key)}" type={quoteattr(work.kind)}>{"".join(parts)}</bibl>'


def render(edition: Edition, site: Site) -> str:
    """The edition as one TEI P5 document."""
    body = []
    for section in edition.sections:
        body.append(f'<div xml:id="{xml_id("section", section.id)}" type="section">')
        body.append(_el("head", section.title))
        body += [paragraph(edition, n) for n in section.paragraph_numbers]
        body.append("</div>")
    corrections = [
        _el("note", c.reason, type="correction", target=f"#{xml_id('corr', c.id)}")
        for c in edition.corrections
    ]
    glossary = [
        f'<item xml:id="{xml_id("term", t.slug)}">{_el("term", t.term)} {_el("gloss", t.short)}</item>'
        for t in sorted(edition.terms, key=lambda t: t.term.lower())
    ]
    back = [
        '<div type="corrections">',
        *(corrections or ["<p>No corrections.</p>"]),
        "</div>",
        '<div type="notes">',
        *([note(edition, n) for n in edition.notes] or ["<p>No notes.</p>"]),
        "</div>",
        '<div type="glossary">',
        *(['<list type="gloss">', *glossary, "</list>"] if glossary else ["<p>No terms.</p>"]),
        "</div>",
        '<div type="sources">',
        "<listBibl>",
        *(_bibl(w) for w in bibliography(edition)),
        "</listBibl>",
        "</div>",
    ]
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<TEI xmlns="{TEI_NS}" xml:lang="en">',
            header(edition, site),
            "<text>",
            "<body>",
            *body,
            "</body>",
            "<back>",
            *back,
            "</back>",
            "</text>",
            "</TEI>",
            "",
        ]
    )
