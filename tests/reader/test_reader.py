"""The reader's script: its modules (reader/*.js) type-check, the committed bundle the
pages load (docs/assets/edition.js) is what they build to, and every name they share with
the pages is still written by the compiler and the templates.

Node, esbuild and TypeScript come from the npm lock (``npm ci``); without them the tests
skip on a laptop and fail in CI, as the other quality gates do.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from ..html import parse
from ..quality import NODE_MODULES, ROOT, require_node, require_npm_file

BUNDLE = ROOT / "docs" / "assets" / "edition.js"
BUILD_SCRIPT = ROOT / "reader" / "build.mjs"
TSC = NODE_MODULES / "typescript" / "bin" / "tsc"
ESBUILD = NODE_MODULES / "esbuild" / "package.json"


def test_committed_bundle_is_a_fresh_build(tmp_path: Path) -> None:
    """`make serve` needs no Node: the bundle is committed, so it must be current."""
    require_npm_file(ESBUILD)
    subprocess.run(
        [require_node(), str(BUILD_SCRIPT), str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    built_files = [
        "docs/assets/" + name
        for name in ("edition.js", "edition.before-theme.js", "js/filter.js", "js/after-load.js")
    ]
    partials = ("overrides/partials/in-head.html",)
    for built in (*built_files, *partials):
        committed = ROOT / built
        assert (tmp_path / built).read_text(encoding="utf-8") == committed.read_text(
            encoding="utf-8"
        ), f"{built} is not the build of reader/*.js: run `make reader` and commit it"


def test_modules_type_check() -> None:
    require_npm_file(TSC)
    result = subprocess.run(
        [require_node(), str(TSC), "-p", str(ROOT)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def shared_names() -> dict[str, str]:
    """reader/names.js's constants, read by Node (the module touches no browser API)."""
    result = subprocess.run(
        [require_node(), "--input-type=module", "-e",
         "import('./reader/names.js').then((n) => console.log(JSON.stringify(n)))"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    names: dict[str, str] = json.loads(result.stdout)
    return names


def test_the_pages_write_every_name_the_script_reads(built_site: Path) -> None:
    """A class, id or selector renamed on the Python side or in a template, and not in
    reader/names.js, would silently switch a feature off: each must match the built site."""
    pages = [parse(path) for path in sorted(built_site.rglob("*.html"))]
    # ID_REDIRECTS is only on a page that lost an address: tests/site/test_addresses.py.
    prefixes = {"CLASS_": ".", "ID_": "#", "SELECT_": ""}
    selectors = {
        name: prefix + value
        for name, value in shared_names().items()
        for start, prefix in prefixes.items()
        if name.startswith(start) and name != "ID_REDIRECTS"
    }
    assert len(selectors) > 20
    missing = [
        f"{name}: {selector}"
        for name, selector in selectors.items()
        if not any(page.css_first(selector) for page in pages)
    ]
    assert not missing, f"no built page has: {missing}"
