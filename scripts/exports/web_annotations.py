"""The notes as a W3C Web Annotation collection (JSON-LD) that annotation clients anchor on
the essay page: each note's words by a TextQuoteSelector and by the paragraph's fragment
refined by a TextPositionSelector."""

from __future__ import annotations

import json
import re

from scripts.ingest.citation_grammar import CITATION, EDITION_MARK, group_keys
from scripts.model import Edition, Note
from scripts.render.cite import OWN_VOICE_ANCHOR, SOURCES_SRC
from scripts.render.essay import METHOD_SRC, note_label, notes_in_reading_order
from scripts.render.markdown import page_url
from scripts.render.notes import CONTEXT_CHARS, context_after, context_before

ANNOTATIONS_FILE = "annotations.jsonld"


def quote_selector(edition: Edition, note: Note) -> dict[str, str]:
    """The note's W3C TextQuoteSelector on the published page.

    The essay page's paragraphs hold exactly the reading text (render_essay keeps numbers
    and original readings out of the text), so the context comes from the reading text:
    the note's own prefix and suffix, widened to CONTEXT_CHARS and to whole words."""
    anchor = edition.anchors[note.id]
    text = edition.reading.paragraphs[anchor.paragraph - 1]
    target = note.target
    return {
        "type": "TextQuoteSelector",
        "exact": target.exact,
        "prefix": context_before(text, anchor.start, max(CONTEXT_CHARS, len(target.prefix))),
        "suffix": context_after(text, anchor.end, max(CONTEXT_CHARS, len(target.suffix))),
    }


def paragraph_selector(edition: Edition, note: Note) -> dict[str, object]:
    """The paragraph (#pN), refined by the quote's position in the paragraph's text.

    Positions count characters (Unicode code points) from the paragraph's start, so they do
    not depend on anything else on the page."""
    anchor = edition.anchors[note.id]
    return {
        "type": "FragmentSelector",
        "conformsTo": "http://tools.ietf.org/rfc/rfc3986",
        "value": f"p{anchor.paragraph}",
        "refinedBy": {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end},
    }


def annotation_bodies(edition: Edition, note: Note, site_url: str) -> list[dict[str, str]]:
    """The note's text, led by its label (kind and verdict), then the same as tags.

    Citations become plain Markdown links to the Sources page, which any client can show."""
    purpose = "assessing" if note.kind == "fact-check" else "commenting"
    tags = [note.kind] + ([note.verdict] if note.verdict else [])
    sources = site_url + page_url(SOURCES_SRC).removeprefix("/")
    shorts = edition.short_labels

    own_voice = site_url + page_url(METHOD_SRC).removeprefix("/") + "#" + OWN_VOICE_ANCHOR

    def one(key: str) -> str:
        if key == EDITION_MARK:
            return f"[the edition’s reading]({own_voice})"
        return f"[{shorts.get(key, key)}]({sources}#{key})"

    def citation(match: re.Match[str]) -> str:
        return "(" + "; ".join(one(k) for k in group_keys(match.group(1))) + ")"

    body = CITATION.sub(citation, note.body)
    return [
        {
            "type": "TextualBody",
            "purpose": purpose,
            "format": "text/markdown",
            "language": "en",
            "value": f"**{note_label(note)}.** {note.title}\n\n{body}",
        },
        *({"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in tags),
    ]


def render_annotations(edition: Edition, site_url: str) -> str:
    """All notes as a W3C Web Annotation AnnotationCollection (JSON-LD)."""
    items = [
        {
            "id": f"{site_url}{note.src_uri.removesuffix('.md')}/",
            "type": "Annotation",
            "motivation": "assessing" if note.kind == "fact-check" else "commenting",
            "body": annotation_bodies(edition, note, site_url),
            "target": {
                "source": site_url,
                "selector": [quote_selector(edition, note), paragraph_selector(edition, note)],
            },
        }
        for note in notes_in_reading_order(edition)
    ]
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"{site_url}{ANNOTATIONS_FILE}",
        "type": "AnnotationCollection",
        "label": "Notes on the essay",
        "total": len(items),
        "first": {
            "id": f"{site_url}{ANNOTATIONS_FILE}#page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
