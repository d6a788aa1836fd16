"""What a change does for readers: two loaded editions compared, in plain words.

``compare`` is pure: it reads two ``Snapshot`` records (an edition, the addresses it
publishes, its hand-written pages) and says which notes, terms, corrections, sections and
sources were added, changed or withdrawn, which verdicts moved and from what to what, and
which permanent addresses and redirects are new. ``render_changes`` writes that as Markdown
for a pull request's summary, each item linked to its page. ``load_snapshot`` and
``load_base`` are the adapters: the working tree, and a commit unpacked into a folder with
``git archive``, both loaded by the same pipeline.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from scripts.ingest.pipeline import build_edition
from scripts.model import Address, Edition, Redirect
from scripts.problems import EditionError, Problem
from scripts.render.markdown import page_url
from scripts.site import addresses
from scripts.site.compile import read_config

# Fields that say where a record was read, not what it says: moving an entry is no change.
_PLACE_FIELDS = frozenset({"where", "field_lines", "line", "src_uri"})
# Field names as a reader would say them.
_FIELD_WORDS = {"body": "text", "target": "quote"}
_FIELD_WORDS_OF = {"term": {"short": "short definition"}, "source": {"short": "label"}}
KINDS = ("note", "term", "correction", "section", "source", "page")
_KIND_HEADINGS = {
    "note": "Notes",
    "term": "Glossary terms",
    "correction": "Corrections",
    "section": "Sections",
    "source": "Sources",
    "page": "Pages",
}


@dataclass(frozen=True)
class Snapshot:
    """One edition as loaded, with what it publishes besides its model."""

    edition: Edition
    addresses: frozenset[Address]
    pages: Mapping[str, str]  # hand-written page (src_uri) -> SHA-256 of its text


@dataclass(frozen=True, order=True)
class Item:
    """One thing a reader can point at: a note, a term, a correction, a section, a source
    or a hand-written page."""

    kind: str
    key: str
    label: str
    address: Address


@dataclass(frozen=True, order=True)
class Changed:
    item: Item
    fields: tuple[str, ...]  # what changed, in readers' words ("text", "sources")


@dataclass(frozen=True, order=True)
class VerdictChange:
    item: Item
    old: str  # "" when the note had no verdict (or did not exist)
    new: str  # "" when it has none now (or was withdrawn)


@dataclass(frozen=True)
class Changes:
    added: tuple[Item, ...] = ()
    changed: tuple[Changed, ...] = ()
    withdrawn: tuple[Item, ...] = ()
    verdicts: tuple[VerdictChange, ...] = ()
    essay_changed: bool = False  # the seed itself (a new revision of the source)
    about_essay: tuple[str, ...] = ()  # fields of what is known of the essay that changed
    new_addresses: tuple[Address, ...] = ()
    new_redirects: tuple[Redirect, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(
            (self.added, self.changed, self.withdrawn, self.verdicts, self.essay_changed,
             self.about_essay, self.new_addresses, self.new_redirects)
        )  # fmt: skip


def _without_place(value: object) -> object:
    """A value with every nested record's place fields left out (an evidence item that only
    moved down a line has not changed for readers)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _content(value)
    if isinstance(value, tuple | list):
        return tuple(_without_place(item) for item in value)
    return value


def _content(record: object) -> dict[str, object]:
    """A record's fields without those that only say where it was read."""
    assert dataclasses.is_dataclass(record)
    return {
        f.name: _without_place(getattr(record, f.name))
        for f in dataclasses.fields(record)
        if f.name not in _PLACE_FIELDS
    }


def _items(snapshot: Snapshot) -> dict[tuple[str, str], tuple[Item, object]]:
    """Every pointable thing of an edition, by (kind, key), with the record to compare."""
    edition = snapshot.edition
    found: dict[tuple[str, str], tuple[Item, object]] = {}

    def add(kind: str, key: str, label: str, address: Address, record: object) -> None:
        found[(kind, key)] = (Item(kind, key, label, address), record)

    for note in edition.notes:
        add("note", note.id, note.title, Address(page_url(note.src_uri)), note)
    for term in edition.terms:
        add("term", term.slug, term.term, Address(page_url(term.src_uri)), term)
    for corr in edition.corrections:
        label = f"“{corr.original}” → “{corr.corrected}” (paragraph {corr.paragraph})"
        add("correction", corr.id, label, Address("/", f"corr-{corr.id}"), corr)
    for section in edition.sections:
        add("section", section.id, section.title, Address("/", section.id), section)
    for source in edition.sources:
        add("source", source.key, source.short, Address("/sources/", source.key), source)
    for src, digest in snapshot.pages.items():
        add("page", src, src, Address(page_url(src)), digest)
    return found


def _changed_fields(kind: str, old: object, new: object) -> tuple[str, ...]:
    if not dataclasses.is_dataclass(old) or not dataclasses.is_dataclass(new):
        return () if old == new else ("text",)
    before, after = _content(old), _content(new)
    names = sorted(set(before) | set(after))
    words = {**_FIELD_WORDS, **_FIELD_WORDS_OF.get(kind, {})}
    return tuple(words.get(n, n) for n in names if before.get(n) != after.get(n))


def _verdict(record: object) -> str:
    return str(getattr(record, "verdict", "") or "")


def compare(old: Snapshot, new: Snapshot) -> Changes:
    """What changed for readers between two editions, every list sorted."""
    before, after = _items(old), _items(new)
    added = sorted(after[k][0] for k in after.keys() - before.keys())
    withdrawn = sorted(before[k][0] for k in before.keys() - after.keys())
    changed = []
    verdicts = []
    for key in sorted(before.keys() & after.keys()):
        (_, old_record), (item, new_record) = before[key], after[key]
        fields = _changed_fields(key[0], old_record, new_record)
        if fields:
            changed.append(Changed(item, fields))
        if key[0] == "note" and _verdict(old_record) != _verdict(new_record):
            verdicts.append(VerdictChange(item, _verdict(old_record), _verdict(new_record)))
    for item in added:
        if item.kind == "note" and _verdict(after[(item.kind, item.key)][1]):
            verdicts.append(VerdictChange(item, "", _verdict(after[(item.kind, item.key)][1])))
    for item in withdrawn:
        if item.kind == "note" and _verdict(before[(item.kind, item.key)][1]):
            verdicts.append(VerdictChange(item, _verdict(before[(item.kind, item.key)][1]), ""))
    old_info, new_info = _content(old.edition.info), _content(new.edition.info)
    old_redirects = {(r.source, r.target) for r in old.edition.redirects}
    return Changes(
        added=tuple(added),
        changed=tuple(changed),
        withdrawn=tuple(withdrawn),
        verdicts=tuple(sorted(verdicts)),
        essay_changed=old.edition.seed.text != new.edition.seed.text,
        about_essay=tuple(k for k in sorted(new_info) if old_info.get(k) != new_info[k]),
        new_addresses=tuple(sorted(new.addresses - old.addresses)),
        new_redirects=tuple(
            sorted(
                (r for r in new.edition.redirects if (r.source, r.target) not in old_redirects),
                key=lambda r: (r.source, r.target),
            )
        ),
    )


def _link(site_url: str, address: Address) -> str:
    return site_url.rstrip("/") + str(address)


def _md(text: str) -> str:
    """Plain text for a Markdown list item: contributed words never become markup."""
    return "".join("\\" + c if c in "\\`*_[]{}()<>|!~" else c for c in " ".join(text.split()))


def _item_line(item: Item, site_url: str, words: str = "") -> str:
    return f"- {item.kind} [{_md(item.label)}]({_link(site_url, item.address)}){words}"


def render_changes(changes: Changes, site_url: str, base: str = "") -> str:
    """The summary as Markdown: what readers will see change, each item linked to its page."""
    since = f" since `{base[:12]}`" if base else ""
    lines = [f"## What changes for readers{since}", ""]
    if changes.empty:
        return "\n".join([*lines, "Nothing readers see: no content changed.", ""])
    if changes.essay_changed:
        lines += ["- **The essay's text itself changed** (a new revision of the source).", ""]
    if changes.about_essay:
        lines += [f"- What is known of the essay changed: {', '.join(changes.about_essay)}.", ""]
    if changes.verdicts:
        lines += ["### Verdicts", ""]
        for v in changes.verdicts:
            link = f"[{_md(v.item.label)}]({_link(site_url, v.item.address)})"
            if not v.old:
                lines.append(f"- new: {link} is rated **{v.new}**")
            elif not v.new:
                lines.append(f"- withdrawn: {link} was rated **{v.old}**")
            else:
                lines.append(f"- {link}: **{v.old}** → **{v.new}**")
        lines.append("")
    for kind in KINDS:
        added = [i for i in changes.added if i.kind == kind]
        changed = [c for c in changes.changed if c.item.kind == kind]
        withdrawn = [i for i in changes.withdrawn if i.kind == kind]
        if not (added or changed or withdrawn):
            continue
        lines += [f"### {_KIND_HEADINGS[kind]}", ""]
        lines += [_item_line(i, site_url, " added") for i in added]
        lines += [
            _item_line(c.item, site_url, f" changed ({', '.join(c.fields)})") for c in changed
        ]
        lines += [_item_line(i, site_url, " withdrawn") for i in withdrawn]
        lines.append("")
    if changes.new_addresses:
        lines += ["### New permanent addresses", ""]
        lines += [f"- [{_md(str(a))}]({_link(site_url, a)})" for a in changes.new_addresses]
        lines.append("")
    if changes.new_redirects:
        lines += ["### New redirects", ""]
        lines += [
            f"- {_md(str(r.source))} → [{_md(str(r.target))}]({_link(site_url, r.target)})"
            for r in changes.new_redirects
        ]
        lines.append("")
    return "\n".join(lines)


# Adapters: the file system and git.

HAND_WRITTEN_EXCLUDED = ("notes/", "glossary/", "edition/", "assets/")


def hand_written_pages(docs: Path) -> dict[str, str]:
    """The edition's own pages (About, How we check ...): src_uri -> SHA-256 of the file."""
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        if not src.startswith(HAND_WRITTEN_EXCLUDED):
            pages[src] = hashlib.sha256(path.read_bytes()).hexdigest()
    return pages


def load_snapshot(root: Path) -> Snapshot:
    """The edition in ``root``, loaded by the pipeline; raises EditionError."""
    edition = build_edition(root)
    docs = root / "docs"
    published = addresses.current_addresses(edition, addresses.site_files(docs))
    return Snapshot(edition, frozenset(published), hand_written_pages(docs))


def _git(root: Path, *args: str) -> bytes | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout


def default_base(root: Path) -> str | None:
    """The merge base with main (local branch, else the remote's)."""
    for branch in ("main", "origin/main"):
        out = _git(root, "merge-base", "HEAD", branch)
        if out:
            return out.decode().strip()
    return None


def unpack_commit(root: Path, commit: str, into: Path) -> list[Problem]:
    """The files of ``commit`` written into ``into`` (git archive), or why not."""
    out = _git(root, "archive", "--format=tar", commit)
    if out is None:
        return [
            Problem(commit, 1, "git cannot read this commit", "give a commit of this repository")
        ]
    with tarfile.open(fileobj=io.BytesIO(out)) as archive:
        archive.extractall(into, filter="data")
    return []


def resolve(root: Path, ref: str) -> str | None:
    out = _git(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}")
    return out.decode().strip() if out else None


def run(root: Path, base: str | None) -> int:
    """``make changes``: the summary from ``base`` (default: the merge base with main) to the
    working tree, on standard output; problems as ``path:line: problem; fix``."""
    ref = base or default_base(root)
    commit = resolve(root, ref) if ref else None
    if commit is None:
        print(
            f"changes: no base commit ({ref or 'no merge base with main'}); "
            "give one with BASE=<commit>",
            file=sys.stderr,
        )
        return 2
    config, problems = read_config(root)
    try:
        new = load_snapshot(root)
    except EditionError as error:
        print(error, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="edition-base-") as folder:
        problems += unpack_commit(root, commit, Path(folder))
        if problems or config is None:
            print(EditionError(problems), file=sys.stderr)
            return 1
        try:
            old = load_snapshot(Path(folder))
        except EditionError as error:
            # A base older than today's checks cannot be compared item by item: say so
            # briefly (its problems are history, not the contributor's to fix).
            first = error.problems[0] if error.problems else "?"
            print(
                f"changes: the base {commit[:12]} does not pass today's checks "
                f"({len(error.problems)} problems, the first: {first}); give a later base "
                "with BASE=<commit>",
                file=sys.stderr,
            )
            return 1
    print(render_changes(compare(old, new), config.url, commit), end="")
    return 0
