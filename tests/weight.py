"""The essay page's weight: what its first load costs against the plain essay.

Shared by the budget test (tests/site/test_weight.py) and ``make bench``. The baseline is
the same essay as plain Markdown under the bare theme (Material, no features, no web
fonts), built by MkDocs like the edition; sizes are gzip level 9, as a static host
serves them.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

PAGE_BUDGET = 1.25  # the annotated essay's first load, against the plain essay's
OWN_ASSETS_BUDGET = 10 * 1024  # the edition's own CSS and JS together, gzipped
OWN_ASSET = re.compile(r"assets/edition\.")
# A connection's first round trip carries 10 packets of 1,460 bytes (RFC 6928's initial
# window): a page whose HTML fits arrives in one; a larger one waits a whole round trip
# more (150 ms on Lighthouse's phone network) before its text can show. The response's
# headers travel in the same window: the test server's are 276 B; a host may send more,
# hence the allowance.
FIRST_ROUND_TRIP = 10 * 1460
HEADERS_ALLOWANCE = 700


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9, mtime=0))


SEARCH_INDEX = "search/search_index.json"


def first_load(site: Path, page: str, *, index_at_start: bool = True) -> dict[str, int]:
    """Gzip size of each file the page loads as it starts: the HTML, its CSS, JS, fonts and
    images, the search worker, which the theme starts at once, and the search index, which
    the theme fetches at once too unless the page holds it until the reader turns to search
    (``index_at_start=False``: the edition's pages do; tests/reader/test_on_demand.py
    proves it in the browser)."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    tree = LexborHTMLParser(html)
    urls = [
        n.attributes.get("href") or "" for n in tree.css('link[rel="stylesheet"], link[rel="icon"]')
    ]
    urls += [n.attributes.get("src") or "" for n in tree.css("script[src], img[src]")]
    files = {page: html_path}
    for url in urls:
        if url and not url.startswith(("http:", "https:", "data:")):
            path = (html_path.parent / url.split("?")[0]).resolve()
            files[path.relative_to(site.resolve()).as_posix()] = path
    for css in [p for p in list(files.values()) if p.suffix == ".css"]:
        for url in re.findall(r"url\(['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if not url.startswith(("data:", "http")) and (css.parent / url).is_file():
                font = (css.parent / url).resolve()
                files[font.relative_to(site.resolve()).as_posix()] = font
    worker = re.search(r'"search":\s*"([^"]+)"', html)
    if worker:
        path = (html_path.parent / worker.group(1)).resolve()
        files[path.relative_to(site.resolve()).as_posix()] = path
    if index_at_start and worker and (site / SEARCH_INDEX).is_file():
        files[SEARCH_INDEX] = site / SEARCH_INDEX
    return {name: gzip_size(path) for name, path in files.items()}


def write_plain_project(folder: Path, essay_text: str) -> Path:
    """A project holding only the essay, one paragraph per line, as plain Markdown."""
    docs = folder / "plain-docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# The essay\n\n" + "\n\n".join(essay_text.split("\n")) + "\n")
    config = folder / "plain.yml"
    config.write_text(
        f"site_name: Plain\ndocs_dir: {docs}\ntheme:\n  name: material\n  font: false\n"
    )
    return config


@dataclass(frozen=True)
class Weight:
    annotated: dict[str, int]  # file -> gzip bytes, the edition's essay page
    plain: dict[str, int]  # the same for the plain essay
    deferred: dict[str, int]  # fetched by the page after it has loaded (the notes' text)

    @property
    def total(self) -> int:
        return sum(self.annotated.values())

    @property
    def baseline(self) -> int:
        return sum(self.plain.values())

    @property
    def ratio(self) -> float:
        return self.total / self.baseline

    @property
    def own(self) -> int:
        return sum(size for name, size in self.annotated.items() if OWN_ASSET.match(name))

    def table(self) -> str:
        rows = [f"   {'file':<48} {'essay':>7} {'plain':>7}"]
        for name in sorted(set(self.annotated) | set(self.plain)):
            rows.append(
                f"   {name:<48} {self.annotated.get(name, 0):>7} {self.plain.get(name, 0):>7}"
            )
        rows.append(f"   {'first load':<48} {self.total:>7} {self.baseline:>7}")
        verdict = "within" if self.ratio <= PAGE_BUDGET else "OVER"
        rows.append(
            f"   ratio essay / plain       {self.ratio:5.2f}x   budget {PAGE_BUDGET}x: {verdict}"
        )
        verdict = "within" if self.own <= OWN_ASSETS_BUDGET else "OVER"
        rows.append(
            f"   own CSS + JS              {self.own:5d} B   budget {OWN_ASSETS_BUDGET} B: {verdict}"
        )
        for name, size in self.deferred.items():
            later = (self.total + size) / self.baseline
            rows.append(f"   after load: {name} {size} B; with it {later:4.2f}x the plain essay")
        return "\n".join(rows)


def essay_weight(site: Path, plain_site: Path, deferred: list[str]) -> Weight:
    return Weight(
        annotated=first_load(site, "index.html", index_at_start=False),
        plain=first_load(plain_site, "index.html"),
        deferred={name: gzip_size(site / name) for name in deferred},
    )
