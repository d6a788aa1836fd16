"""Stage 7f, fill in the hand-written pages (``docs/*.md``): what a page may ask the compiler
for instead of writing it out, so that no hand-written page names one edition's notes or
repository and the pages carry over to a new edition as they are.

- ``<!-- provenance -->``: what is known of the essay (from ``docs/edition/edition.yml``);
- ``<!-- scale-log -->``: the changes to the verdict scale (``docs/edition/scale-log.yml``),
  each regraded note linked by its current title;
- link references any page may use, made from ``repo_url`` in mkdocs.yml:
  ``[open a dispute][dispute-form]`` and ``[the repository][repository]``.
"""

from __future__ import annotations

from scripts.model import Edition
from scripts.render.markdown import escape_text, relative_link
from scripts.render.meta import PROVENANCE_MARKER, provenance

SCALE_LOG_MARKER = "<!-- scale-log -->"
# Reference name -> the address under repo_url (GitHub's issue form for disputes).
LINK_REFERENCES = {
    "repository": "",
    "dispute-form": "/issues/new?template=dispute.yml",
}
NO_SCALE_CHANGE = "No change to the scale has been recorded yet."


def link_references(markdown: str, repo_url: str) -> str:
    """Definitions of the references the page uses (``][dispute-form]``); none without a
    repository to point at."""
    used = [name for name in LINK_REFERENCES if f"][{name}]" in markdown]
    if not repo_url or not used:
        return ""
    lines = [f"[{name}]: <{repo_url}{LINK_REFERENCES[name]}>" for name in used]
    return "\n\n" + "\n".join(lines) + "\n"


def render_scale_log(edition: Edition, page_src: str) -> str:
    """The log as a Markdown list, oldest first; each regraded note under its change."""
    if not edition.scale_log:
        return NO_SCALE_CHANGE
    titles = {note.id: note.title for note in edition.notes}
    lines = []
    for change in edition.scale_log:
        lines.append(f"- **{change.date}.** {escape_text(change.change)}")
        for regrade in change.regraded:
            link = relative_link(page_src, f"notes/{regrade.note}.md")
            title = escape_text(titles.get(regrade.note, regrade.note))
            lines.append(
                f"    - [{title}]({link}): *{regrade.before}* → *{regrade.after}*. "
                f"{escape_text(regrade.reason)}"
            )
    return "\n".join(lines)


def fill_page(markdown: str, edition: Edition, repo_url: str, page_src: str) -> str:
    """A hand-written page's Markdown with its markers filled and the link references added."""
    markdown = markdown.replace(PROVENANCE_MARKER, provenance(edition.info))
    markdown = markdown.replace(SCALE_LOG_MARKER, render_scale_log(edition, page_src))
    return markdown + link_references(markdown, repo_url)
