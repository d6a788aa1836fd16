"""Stage 7b, render the apparatus pages: Corrections and Original text."""

from __future__ import annotations

import html

from .markdown_text import escape_text
from .pipeline import Edition

CORRECTIONS_SRC = "corrections.md"
ORIGINAL_SRC = "original.md"
SEED_COPY = "essay.txt"  # the verbatim text, downloadable


def _shown(text: str) -> str:
    """A reading as a table cell: visible even when it is empty or only spaces."""
    return f"“{escape_text(text)}”" if text.strip() else "(nothing)"


KEPT_ANCHOR = "kept"


def kept_readings_lines(edition: Edition) -> list[str]:
    """Readings the editors considered and kept as the author wrote them, with why."""
    kept = sorted(edition.kept_readings, key=lambda c: (c.paragraph, c.id))
    if not kept:
        return []
    return [
        f"## Readings considered and kept {{ #{KEPT_ANCHOR} }}",
        "",
        "These readings look like slips but are the author's choice of words, so the "
        "reading text keeps them as they are.",
        "",
        "| Where | Reading | Why it stays | Id |",
        "| --- | --- | --- | --- |",
        *(
            f"| [¶ {c.paragraph}](index.md#p{c.paragraph}) | {_shown(c.original)} "
            f"| {escape_text(c.reason)} | `{c.id}` |"
            for c in kept
        ),
        "",
    ]


def render_corrections_page(edition: Edition) -> str:
    placed = sorted(
        edition.reading.corrections,
        key=lambda p: (p.correction.paragraph, p.reading_start),
    )
    rows = [
        f"| [¶ {p.correction.paragraph}](index.md#corr-{p.correction.id}) "
        f"| {_shown(p.correction.original)} | {_shown(p.correction.corrected)} "
        f"| {escape_text(p.correction.reason)} | `{p.correction.id}` |"
        for p in placed
    ]
    return "\n".join(
        [
            "---",
            "description: Every correction the edition makes to the essay's text, with the "
            "author's original reading and the reason.",
            "---",
            "",
            "# Corrections",
            "",
            f"The reading text corrects **{len(placed)} slips** in the author's text: "
            "spelling, doubled or missing words and missing punctuation. Nothing else is "
            "changed: not style, not tone, not argument (see [About](about.md)). "
            "Each row links to the corrected words in the essay, where the original "
            "reading shows on hover or keyboard focus; the [Original text](original.md) "
            "is the author's, byte for byte.",
            "",
            "| Where | Original reading | Correction | Reason | Id |",
            "| --- | --- | --- | --- | --- |",
            *rows,
            "",
            *kept_readings_lines(edition),
            "To propose a correction, add an entry to "
            "`docs/edition/corrections.yml` (see CONTRIBUTING.md in the repository).",
            "",
        ]
    )


def render_original_page(edition: Edition, sha256: str) -> str:
    lines = []
    for number, text in enumerate(edition.seed.paragraphs, start=1):
        lines.append(
            f'<p class="ed-line" id="line-{number}">'
            f'<a class="ed-line-no" href="#line-{number}" aria-label="Line {number}">{number}</a> '
            f'<span class="ed-line-text">{html.escape(text, quote=False)}</span> '
            f'<a class="ed-line-to-reading" href="../#p{number}" '
            f'aria-label="Line {number} in the reading text">reading text</a></p>'
        )
    return "\n".join(
        [
            "---",
            "description: The essay exactly as its author wrote it, line by line, "
            "with every line anchored.",
            "---",
            "",
            "# Original text",
            "",
            "This is the essay as the author published it, byte for byte: one line per "
            "paragraph, without the edition's corrections, sections, notes or links. "
            "Line *N* here is paragraph *N* of the reading text. "
            f"Its SHA-256 is `{sha256}`; every build checks it. "
            f"[Download the plain text]({SEED_COPY}).",
            "",
            '<div class="ed-verbatim" lang="en">',
            *lines,
            "</div>",
            "",
        ]
    )
