"""Stage 7f, render the Edition history for readers: what each content change touched,
grouped by kind (verdicts, notes, glossary, corrections, sections, sources, the essay and
the edition's pages), each with its date and a link to the exact difference.

Commit subjects are the developers' words; the rows here are built from what the commit
touched, so that a reader sees "note X added" or "verdict of X: supported to misleading".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from scripts.ingest.edition_log import Touched
from scripts.ingest.git_history import Change
from scripts.render.markdown import escape_text

# (heading, the paths or folders it covers), in the page's order; the first match wins.
GROUPS = (
    ("Notes", ("docs/notes/",)),
    ("Glossary", ("docs/glossary/",)),
    ("Corrections", ("docs/edition/corrections.yml",)),
    ("Sections", ("docs/edition/sections.yml",)),
    ("Sources", ("docs/edition/sources.yml",)),
    ("The essay's text", ("seeds/",)),
    ("The edition's pages and records", ("docs/",)),
)
_RECORDS = {
    "docs/edition/corrections.yml": "the corrections",
    "docs/edition/sections.yml": "the sections",
    "docs/edition/sources.yml": "the sources",
    "docs/edition/edition.yml": "what is known of the essay",
    "docs/edition/redirects.yml": "the redirects",
    "seeds/essay.txt": "the essay's text",
}


def _group(path: str) -> str | None:
    return next((name for name, prefixes in GROUPS if path.startswith(prefixes)), None)


def _name(path: str, labels: Mapping[str, str]) -> str:
    """An item as a reader knows it: a link to its page while it exists, else its file name."""
    if path in labels:
        return f"[{escape_text(labels[path])}]({path.removeprefix('docs/')})"
    if path in _RECORDS:
        return _RECORDS[path]
    return escape_text(path.rsplit("/", 1)[-1].removesuffix(".md"))


def _describe(touched: Sequence[Touched], labels: Mapping[str, str]) -> str:
    by_status: dict[str, list[str]] = {}
    for item in touched:
        by_status.setdefault(item.status, []).append(_name(item.path, labels))
    return "; ".join(
        f"{status}: {', '.join(names)}"
        for status in ("added", "revised", "withdrawn")
        if (names := by_status.get(status))
    )


def render_history_page(
    history: Sequence[Change], repo_url: str, labels: Mapping[str, str] | None = None
) -> str:
    """Content changes only (git_history.CONTENT_PATHS), grouped by what they touched.

    ``labels`` names the notes and terms that exist now (``docs/notes/x.md`` -> title), so
    that they link to their pages; a withdrawn one is named by its file."""
    labels = labels or {}

    def diff(change: Change) -> str:
        return f"[{change.short}]({repo_url}/commit/{change.commit})"

    sections: list[str] = []
    verdict_rows = [
        f"| {c.date} | {_name(m.path, labels)} | {escape_text(m.old) or 'not rated'} | "
        f"{escape_text(m.new) or 'not rated'} | {diff(c)} |"
        for c in history
        for m in c.verdicts
        if m.old  # a note's first rating is its publication, listed under Notes
    ]
    if verdict_rows:
        sections += [
            "## Verdicts changed",
            "",
            "| Date | Note | From | To | Difference |",
            "| --- | --- | --- | --- | --- |",
            *verdict_rows,
            "",
        ]
    for name, _ in GROUPS:
        rows = []
        for change in history:
            touched = [t for t in change.touched if _group(t.path) == name]
            if touched:
                rows.append(f"| {change.date} | {_describe(touched, labels)} | {diff(change)} |")
        if rows:
            sections += [
                f"## {name}",
                "",
                "| Date | Change | Difference |",
                "| --- | --- | --- |",
                *rows,
                "",
            ]
    if not history:
        sections = [
            "No recorded changes yet: the history starts with the edition's first commit "
            "(a copy built outside git has none).",
            "",
        ]
    return "\n".join(
        [
            "---",
            "title: Edition history",
            "description: Every change to the essay's edition - verdicts, notes, glossary, "
            "corrections, sources and pages - with its date and a link to the exact difference.",
            "---",
            "",
            "# Edition history",
            "",
            "Every change to the edition's content, newest first, grouped by what it touched; "
            "changes to the site's code are not listed. A citation names an edition by its "
            "date and commit; follow a difference to see exactly what the edition said before "
            "and after. Each note's own page also says when it was first published and when "
            "its verdict changed.",
            "",
            *sections,
        ]
    )
