"""The Edition history for readers: what each content change touched, every verdict it
moved, and each note's own changes, read from git (sample output, then a throwaway repo)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from scripts.ingest import edition_log, git_history
from scripts.ingest.edition_log import Touched, VerdictMove
from scripts.ingest.git_history import Change, FileDates
from scripts.render import history as render_history
from scripts.render import notes as render_notes

from ..golden import SITE

NAME_STATUS = (
    "\0aaa\n\nA\tdocs/notes/new.md\nM\tdocs/edition/sources.yml\n\0bbb\n\nD\tdocs/glossary/old.md\n"
)

PATCH = """\
\0c1

diff --git a/docs/notes/x.md b/docs/notes/x.md
index 1..2 100644
--- a/docs/notes/x.md
+++ b/docs/notes/x.md
@@ -6 +6 @@ kind: fact-check
-verdict: supported
+verdict: "misleading"   # regraded
diff --git a/docs/notes/y.md b/docs/notes/y.md
new file mode 100644
--- /dev/null
+++ b/docs/notes/y.md
@@ -0,0 +1,3 @@
+verdict: opinion
+  verdict: nested, not the front matter's
diff --git a/docs/notes/z.md b/docs/notes/z.md
--- a/docs/notes/z.md
+++ b/docs/notes/z.md
@@ -6 +6 @@
-verdict: opinion
+verdict: opinion
"""


def test_name_status_is_read_per_commit() -> None:
    assert edition_log.parse_name_status(NAME_STATUS) == {
        "aaa": (
            Touched("added", "docs/notes/new.md"),
            Touched("revised", "docs/edition/sources.yml"),
        ),
        "bbb": (Touched("withdrawn", "docs/glossary/old.md"),),
    }
    assert edition_log.parse_name_status("") == {}


def test_verdict_moves_come_from_the_front_matter_line_only() -> None:
    assert edition_log.parse_verdict_moves(PATCH) == {
        "c1": (
            VerdictMove("docs/notes/x.md", "supported", "misleading"),
            VerdictMove("docs/notes/y.md", "", "opinion"),
        )
    }


HISTORY = (
    Change(
        "b" * 40, "2026-03-07", "Regrade after a dispute",
        (Touched("revised", "docs/notes/x.md"), Touched("withdrawn", "docs/notes/gone.md")),
        (VerdictMove("docs/notes/x.md", "supported", "misleading"),),
    ),
    Change(
        "a" * 40, "2026-01-05", "Initial notes",
        (Touched("added", "docs/notes/x.md"), Touched("added", "docs/notes/gone.md"),
         Touched("added", "docs/edition/corrections.yml"), Touched("added", "docs/about.md")),
        (VerdictMove("docs/notes/x.md", "", "supported"),),
    ),
)  # fmt: skip


def test_the_history_page_groups_changes_and_names_verdict_moves() -> None:
    page = render_history.render_history_page(
        HISTORY, "https://example.org/repo", {"docs/notes/x.md": "X is *so*"}
    )
    body = page.split("\n## ", 1)[1].splitlines()
    link_b = f"[bbbbbbb](https://example.org/repo/commit/{'b' * 40})"
    link_a = f"[aaaaaaa](https://example.org/repo/commit/{'a' * 40})"
    assert body == [
        "Verdicts changed",
        "",
        "| Date | Note | From | To | Difference |",
        "| --- | --- | --- | --- | --- |",
        f"| 2026-03-07 | [X is \\*so\\*](notes/x.md) | supported | misleading | {link_b} |",
        "",
        "## Notes",
        "",
        "| Date | Change | Difference |",
        "| --- | --- | --- |",
        f"| 2026-03-07 | revised: [X is \\*so\\*](notes/x.md); withdrawn: gone | {link_b} |",
        f"| 2026-01-05 | added: [X is \\*so\\*](notes/x.md), gone | {link_a} |",
        "",
        "## Corrections",
        "",
        "| Date | Change | Difference |",
        "| --- | --- | --- |",
        f"| 2026-01-05 | added: the corrections | {link_a} |",
        "",
        "## The edition's pages and records",
        "",
        "| Date | Change | Difference |",
        "| --- | --- | --- |",
        f"| 2026-01-05 | added: about | {link_a} |",
    ]
    assert "Regrade after a dispute" not in page  # commit subjects are developers' words


def test_a_history_outside_git_says_so() -> None:
    page = render_history.render_history_page((), "https://example.org/repo")
    assert page.endswith(
        "No recorded changes yet: the history starts with the edition's first commit "
        "(a copy built outside git has none).\n"
    )


def test_a_note_page_lists_its_verdict_changes() -> None:
    from scripts.model import Note, QuoteSelector, Where

    note = Note(
        id="x", title="X", target=QuoteSelector("x"), kind="fact-check", verdict="misleading",
        claim="", sources=(), terms=(), body="", src_uri="notes/x.md", where=Where("x", 1),
    )  # fmt: skip
    dates = FileDates(
        "2026-01-05", "2026-03-07", "b" * 40, (("2026-03-07", "supported", "misleading"),)
    )
    assert render_notes.dates_line(SITE, note, dates) == (
        '<p class="ed-dates" markdown>First published 2026-01-05 · verdict changed on '
        "2026-03-07 from supported to misleading · last revised 2026-03-07 · "
        "[changes to this note](https://github.com/example/edition/commits/main/docs/notes/x.md)</p>"
    )


def test_history_from_a_throwaway_repository(tmp_path: Path) -> None:
    def git(*args: str, date: str) -> None:
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": str(tmp_path),
               "PATH": "/usr/bin:/bin"}  # fmt: skip
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
                       cwd=tmp_path, env=env, check=True, capture_output=True)  # fmt: skip

    notes = tmp_path / "docs" / "notes"
    notes.mkdir(parents=True)
    note = notes / "x.md"
    note.write_text("---\nid: x\nverdict: supported\n---\nText.\n", encoding="utf-8")
    git("init", "-q", date="2026-01-05T12:00:00")
    git("add", ".", date="2026-01-05T12:00:00")
    git("commit", "-qm", "first", date="2026-01-05T12:00:00")
    note.write_text("---\nid: x\nverdict: wrong as stated\n---\nText.\n", encoding="utf-8")
    (tmp_path / "code.py").write_text("", encoding="utf-8")
    git("add", ".", date="2026-02-01T12:00:00")
    git("commit", "-qm", "regrade", date="2026-02-01T12:00:00")

    history = git_history.content_history(tmp_path)
    assert [(c.date, c.touched, c.verdicts) for c in history] == [
        ("2026-02-01", (Touched("revised", "docs/notes/x.md"),),
         (VerdictMove("docs/notes/x.md", "supported", "wrong as stated"),)),
        ("2026-01-05", (Touched("added", "docs/notes/x.md"),),
         (VerdictMove("docs/notes/x.md", "", "supported"),)),
    ]  # fmt: skip
    dates = git_history.file_dates(tmp_path, "docs/notes")["docs/notes/x.md"]
    assert dates.verdicts == (("2026-02-01", "supported", "wrong as stated"),)
