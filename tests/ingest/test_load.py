"""Stage 1: reading the seed and YAML with line numbers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scripts.ingest import load
from scripts.problems import Problem


def test_seed_is_read_verbatim_one_paragraph_per_line(project: Path) -> None:
    seed, problems = load.load_seed(project)
    assert problems == []
    assert seed is not None
    text = (project / load.SEED_PATH).read_text(encoding="utf-8")
    assert seed.text == text and len(seed.paragraphs) == text.count("\n") + 1
    assert not seed.text.endswith("\n")


def test_changed_seed_line_is_reported_by_line(project: Path) -> None:
    path = project / load.SEED_PATH
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[6] = lines[6].replace("often said", "often claimed")
    path.write_text("\n".join(lines), encoding="utf-8")
    seed, problems = load.load_seed(project)
    assert seed is None
    assert [str(p) for p in problems] == [
        "seeds/essay.txt:7: line 7 differs from the recorded revision of the essay; the seed "
        "is the author's text byte for byte: restore it with 'git checkout seeds/essay.txt' "
        "and record a slip in docs/edition/corrections.yml instead; to accept a new revision "
        "of the source, run 'make accept-seed' and commit the checksum files with it"
    ]


def test_added_line_and_final_newline_are_reported(project: Path) -> None:
    path = project / load.SEED_PATH
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n") + 1
    path.write_text(text + "\n", encoding="utf-8")
    _, problems = load.load_seed(project)
    assert [(p.line, p.message) for p in problems] == [
        (lines, f"the essay has {lines + 1} lines; the recorded revision has {lines}"),
    ]


def test_record_fields_keep_their_lines() -> None:
    text = "# comment\n- id: a\n  paragraph: 3\n\n- id: b\n  original: x\n"
    records, problems = load.parse_record_list("f.yml", text)
    assert problems == []
    assert [(r.line, {k: (f.value, f.line) for k, f in r.fields.items()}) for r in records] == [
        (2, {"id": ("a", 2), "paragraph": (3, 3)}),
        (5, {"id": ("b", 5), "original": ("x", 6)}),
    ]


def test_bad_yaml_names_the_line() -> None:
    _, problems = load.parse_record_list("f.yml", "- id: a\n  reason: spelling: bad\n")
    assert problems == [
        Problem(
            "f.yml",
            2,
            "the YAML cannot be read: this line has a second ': ', or is indented deeper than "
            "the line above it",
            "check the indentation (spaces only, the same depth for every field of an entry) "
            'and put text that contains ": " or starts with a quote inside double quotes',
        )
    ]


def test_duplicate_field_is_a_problem() -> None:
    _, problems = load.parse_record_list("f.yml", "- id: a\n  id: b\n")
    assert [str(p) for p in problems] == [
        "f.yml:2: the field 'id' is given twice; keep only one of them"
    ]


def test_front_matter_body_line_and_nested_target() -> None:
    text = '---\nid: n\ntarget:\n  exact: "w"\n---\n\nBody here.\n'
    record, problems = load.parse_front_matter("docs/notes/n.md", text)
    assert problems == []
    assert record is not None
    assert record.body == "Body here."
    assert record.body_line == 7
    target = record.fields["target"].value
    assert isinstance(target, load.Record)
    assert target.fields["exact"].line == 4


def test_missing_front_matter() -> None:
    record, problems = load.parse_front_matter("docs/notes/n.md", "Just text\n")
    assert record is None
    assert [str(p) for p in problems] == [
        "docs/notes/n.md:1: the file has no front matter; start the file with a line '---', "
        "then the fields, then another '---' line"
    ]


def test_accepting_a_new_revision_records_both_checksums(project: Path) -> None:
    path = project / load.SEED_PATH
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[10] += " I think I did, twice."
    path.write_text("\n".join(lines), encoding="utf-8")
    assert load.load_seed(project)[0] is None
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "accept-seed", "--root", str(project)],
        cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.startswith("recorded seeds/essay.txt: ")
    seed, problems = load.load_seed(project)
    assert problems == [] and seed is not None and seed.paragraphs[10].endswith("twice.")
    assert len((project / load.LINES_PATH).read_text().splitlines()) == len(lines)


def test_every_invisible_character_makes_its_line_unprintable() -> None:
    """The hidden-character check passes over a line Python calls printable (tabs aside):
    that is only safe while every character it names is one Python calls unprintable."""
    missed = [
        load.character_name(char)
        for char in map(chr, range(sys.maxunicode + 1))
        if load.is_invisible(char) and char.isprintable()
    ]
    assert missed == []
    problems = load.invisible_problems("x.md", "a\ttab is fine\nit\u202ereads\n\u00a0too\n")
    assert [(p.line, "U+202E" in p.message) for p in problems] == [(2, True)]
