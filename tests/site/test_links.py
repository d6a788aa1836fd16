"""Links of the hand-written pages and the menu: `make check` refuses each one the strict
build refuses, with the source's line, and the engine agrees with it, one for one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scripts.ingest.pipeline import build_edition
from scripts.render import handwritten
from scripts.site.compile import BUILD_DIR, ENGINE_CONFIG

from ..conftest import copy_project
from ..ingest.test_errors import FIXTURES, apply_fixture, problem_lines, run_check

LINK_CASES = ("page-link-no-page", "page-link-no-anchor", "page-link-absolute", "page-link-folder")


def test_a_menu_entry_without_a_page_is_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - About: about.md", "  - About: abut.md"), encoding="utf-8")
    line = text.split("\n").index("  - About: about.md") + 1
    result = run_check(project)
    assert result.returncode == 1
    assert problem_lines(result.stderr) == [
        f"mkdocs.yml:{line}: the menu ('nav') names 'abut.md', which is not a page of the site; "
        "did you mean 'about.md'? add the page, or remove it from 'nav'"
    ]


def test_the_engine_refuses_exactly_what_the_check_refuses(tmp_path: Path) -> None:
    """Every broken link at once: the check's problems, and the engine's own warnings on the
    compiled tree under --strict, are as many (the check is neither laxer nor stricter)."""
    project = copy_project(tmp_path / "project")
    for name in LINK_CASES:
        apply_fixture(FIXTURES / name, project)
    checked = problem_lines(run_check(project).stderr)
    assert len(checked) == 7
    compiled = subprocess.run(
        [sys.executable, "-m", "scripts", "compile", "--root", str(project)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert compiled.returncode == 0, compiled.stderr
    engine = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
         str(tmp_path / "site"), "--config-file", str(project / BUILD_DIR / ENGINE_CONFIG["mkdocs"])],
        capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert engine.returncode != 0
    warnings = [line for line in engine.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == len(checked), "\n".join(warnings + checked)
    for line in checked:  # each link the check names is one the engine names
        href = line.split("the link to '", 1)[1].split("'", 1)[0]
        assert any(f"'{href}'" in warning for warning in warnings), (href, warnings)


def test_the_build_names_the_source_line_before_the_engine(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    offsets = apply_fixture(FIXTURES / "page-link-folder", project)
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "build", "--root", str(project),
         "--site-dir", str(tmp_path / "site")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    line = offsets["docs/about.md"] + 2
    assert result.stderr.splitlines() == [
        "the edition's data has 1 problem:",
        f"docs/about.md:{line}: the link to 'notes/' leads to no page or file of the site; "
        "link the page's Markdown file, 'notes/index.md'",
        f"{tmp_path / 'site'} is as it was",
    ]


def test_link_references_are_defined_only_where_used() -> None:
    repo = "https://example.org/owner/edition"
    used = "[open a dispute][dispute-form] and [the code][repository]"
    assert handwritten.link_references(used, repo) == (
        "\n\n[repository]: <https://example.org/owner/edition>\n"
        "[dispute-form]: <https://example.org/owner/edition/issues/new?template=dispute.yml>\n"
    )
    assert handwritten.link_references("no references here", repo) == ""
    assert handwritten.link_references(used, "") == ""


def test_without_a_scale_log_the_page_says_so(synthetic_root: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs/edition/scale-log.yml").unlink()
    edition = build_edition(project)
    assert edition.scale_log == ()
    assert handwritten.render_scale_log(edition, "how-we-check.md") == (
        "No change to the scale has been recorded yet."
    )
    assert build_edition(synthetic_root).scale_log[0].regraded[0].note == "lens-weight"
