"""Select to quote, select to suggest (docs/assets/js/select.js): its pure half, run by Node.

The selector it computes for a reader's selection must match exactly once in the reading
text, as the build counts; the note file it prefills, given a text with a citation, must
pass the pipeline unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from scripts.ingest import anchor
from scripts.ingest.pipeline import build_edition

from ..annotator import anchor_collection, bundle_annotator
from ..conftest import copy_project

MODULE = Path(__file__).resolve().parents[2] / "docs" / "assets" / "js" / "select.js"

RUNNER = """\
const calls = JSON.parse(process.argv[1]);
const module = await import(process.argv[2]);
const results = calls.map(([name, ...args]) => module[name](...args));
process.stdout.write(JSON.stringify(results));
"""


def run_js(*calls: list[Any]) -> list[Any]:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("Node.js not found (CI must test select.js)")
        pytest.skip("Node.js not found")
    result = subprocess.run(
        [node, "--input-type=module", "-e", RUNNER, json.dumps(calls), MODULE.as_uri()],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    found: list[Any] = json.loads(result.stdout)
    return found


PARAGRAPHS = [
    "The light was lit by hand. The light was lit by hand again.",
    "A keeper wound the clock; the keeper wound it twice.",
]


def test_a_unique_selection_needs_no_context() -> None:
    start = PARAGRAPHS[1].index("clock")
    (selector,) = run_js(["quoteSelector", PARAGRAPHS, 2, start, start + 5])
    assert selector == {"type": "TextQuoteSelector", "exact": "clock"}


def test_a_repeated_selection_gets_the_shortest_whole_word_context() -> None:
    second = PARAGRAPHS[0].index("lit by hand again") + 4  # a drag starting mid-word
    first = PARAGRAPHS[0].index("lit by hand")
    results = run_js(
        ["quoteSelector", PARAGRAPHS, 1, second - 2, second + 7],
        ["quoteSelector", PARAGRAPHS, 1, first, first + 11],
        [
            "quoteSelector",
            PARAGRAPHS,
            2,
            PARAGRAPHS[1].index("wound"),
            PARAGRAPHS[1].index("wound") + 5,
        ],
        ["quoteSelector", PARAGRAPHS, 1, 3, 3],
    )
    assert results == [
        {"type": "TextQuoteSelector", "exact": "lit by hand", "suffix": " again."},
        {"type": "TextQuoteSelector", "exact": "lit by hand", "suffix": "."},
        {"type": "TextQuoteSelector", "exact": "wound", "suffix": " the"},
        None,
    ]
    text = "\n".join(PARAGRAPHS)
    for selector in results[:3]:
        context = selector.get("prefix", "") + selector["exact"] + selector.get("suffix", "")
        assert text.count(context) == 1


def test_quote_text_and_fragment() -> None:
    selector = {"exact": "lit by hand", "suffix": " again"}
    text, fragment, note_id = run_js(
        ["quoteText", selector, {"pageUrl": "https://example.org/e/#p3", "number": 1,
                                 "title": "The north cape light", "edition": "edition of 2026-01-02 (0123456)"}],
        ["textFragment", {"exact": "a-b, c", "prefix": "the "}],
        ["noteId", "Élan vital, of the “light” keepers' hands 1961"],
    )  # fmt: skip
    assert text == (
        "“lit by hand”\n"
        "— The north cape light, paragraph 1, edition of 2026-01-02 (0123456). "
        "https://example.org/e/#p1\n"
        "https://example.org/e/#:~:text=lit%20by%20hand,-again"
    )
    assert fragment == "#:~:text=the-,a%2Db%2C%20c"
    assert note_id == "elan-vital-of-the-light-keepers"


def test_the_prefilled_note_passes_the_pipeline(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    reading = build_edition(project).reading
    paragraphs = list(reading.paragraphs)
    number = next(n for n, p in enumerate(paragraphs, 1) if "the lens every four hours" in p)
    start = paragraphs[number - 1].index("the lens every four hours")
    selector, text = run_js(
        ["quoteSelector", paragraphs, number, start, start + len("the lens")],
        ["noteFile", {"exact": "the lens", "suffix": " every four hours"}],
    )
    assert selector["exact"] == "the lens"
    hits = anchor.find_quote(reading, selector["exact"], selector.get("prefix", ""),
                             selector.get("suffix", ""))  # fmt: skip
    assert len(hits) == 1
    (file_text,) = run_js(["noteFile", selector])
    file_text = file_text.replace("sources: []", "sources: [harbour_board_1902]").replace(
        "Your note, citing confirmed sources as [@key]. See CONTRIBUTING.md.",
        "The survey says the lens was turned by clockwork [@harbour_board_1902].",
    )
    name = file_text.split("id: ", 1)[1].split("\n", 1)[0]
    (project / "docs" / "notes" / f"{name}.md").write_text(file_text, encoding="utf-8")
    assert name in {n.id for n in build_edition(project).notes}
    assert text.startswith("---\nid: the-lens\n")


@pytest.mark.browser
def test_selecting_words_in_the_page_offers_a_note_that_anchors_once(
    page: Any, site_url: str, edition: Any, tmp_path: Path
) -> None:
    """In Chromium: the module arrives on the first selection only, its bar offers a new-note
    form whose prefilled file, given a body with a citation, anchors exactly once."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url)
    page.wait_for_load_state("load")
    assert not any(url.endswith("/js/select.js") for url in requested), "loaded before use"
    number, text = next(
        (n, p) for n, p in enumerate(edition.reading.paragraphs, 1) if len(p.split()) > 8
    )
    words = text.split()[2:6]
    page.evaluate(
        """([id, words]) => {
          const p = document.getElementById(id);
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          let node; const wanted = words.join(" ");
          while ((node = walker.nextNode())) {
            const at = node.data.indexOf(wanted);
            if (at >= 0) {
              const range = document.createRange();
              range.setStart(node, at); range.setEnd(node, at + wanted.length);
              const selection = document.getSelection();
              selection.removeAllRanges(); selection.addRange(range);
              return;
            }
          }
          throw new Error("words not found in one text node: " + wanted);
        }""",
        [f"p{number}", words],
    )
    bar = page.locator(".ed-select-bar:not([hidden])")
    bar.wait_for(timeout=5000)
    assert any(url.endswith("/js/select.js") for url in requested)
    href = bar.locator("a").get_attribute("href") or ""
    query = parse_qs(urlsplit(href).query)
    key = edition.sources[0].key
    text = (
        query["value"][0]
        .replace("sources: []", f"sources: [{key}]")
        .replace(
            "Your note, citing confirmed sources as [@key]. See CONTRIBUTING.md.",
            f"The record says so [@{key}].",
        )
    )
    project = copy_project(tmp_path / "project")
    (project / "docs" / "notes" / query["filename"][0]).write_text(text, encoding="utf-8")
    built = build_edition(project)  # raises, naming the problem, if the file does not pass
    (added,) = [n for n in built.notes if n.src_uri == f"notes/{query['filename'][0]}"]
    assert added.target.exact == " ".join(words)
    assert added.id in built.anchors
    # A real annotation client finds the prefilled selector once in its paragraph.
    quote = {"type": "TextQuoteSelector", "exact": added.target.exact}
    quote |= {
        k: v for k, v in (("prefix", added.target.prefix), ("suffix", added.target.suffix)) if v
    }
    fragment = {"type": "FragmentSelector", "value": f"p{number}", "refinedBy": quote}
    collection = {"first": {"items": [{"id": added.id, "target": {"selector": [fragment]}}]}}
    (result,) = anchor_collection(page, bundle_annotator(tmp_path), collection)
    assert result["refined"] == [added.target.exact]
