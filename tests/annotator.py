"""A real annotation client for browser tests: Apache Annotator, bundled from the npm lock.

``@apache-annotator/dom`` is the Apache reference implementation of the W3C selectors.
esbuild (also in the lock) bundles it into one script at test time; the script is injected
into a page of the built site, where it anchors a Web Annotation collection as any client
would: on the page's text as the browser holds it (every Text node under the scope).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from .quality import NODE_MODULES, ROOT, require_node, require_npm_file

ESBUILD = NODE_MODULES / "esbuild" / "bin" / "esbuild"
ANNOTATOR = NODE_MODULES / "@apache-annotator" / "dom" / "package.json"
GLOBAL_NAME = "ApacheAnnotator"


def bundle_annotator(folder: Path) -> Path:
    """``@apache-annotator/dom`` as one script that defines ``window.ApacheAnnotator``."""
    require_npm_file(ESBUILD)
    require_npm_file(ANNOTATOR)
    node = require_node()
    bundle = folder / "apache-annotator.js"
    subprocess.run(
        [node, str(ESBUILD), "--bundle", "--format=iife", f"--global-name={GLOBAL_NAME}",
         "--log-level=warning", f"--outfile={bundle}"],
        input='export * from "@apache-annotator/dom";\n',
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return bundle


# For each annotation: how many places its selectors find, each as the text it covers.
#  - quote: the TextQuoteSelector (exact, prefix, suffix) over the whole page, document.body
#    as the scope, as Hypothesis anchors;
#  - refined: the FragmentSelector (an element's id) refined by the selector it carries
#    (a TextPositionSelector or a TextQuoteSelector), scoped to that element;
#  - same: whether the two found the very same range of the page.
ANCHOR_ALL = """
async (collection) => {
  const A = window.ApacheAnnotator;  // GLOBAL_NAME
  const all = async (matches) => { const found = []; for await (const r of matches) found.push(r); return found; };
  const matcherFor = (selector) => selector.type === "TextQuoteSelector"
    ? A.createTextQuoteSelectorMatcher(selector)
    : A.createTextPositionSelectorMatcher(selector);
  // Where a range lies in the page's text: a range may end at the end of one text node or
  // at the start of the next, the same place in the text.
  const offsets = (range) => {
    const before = document.createRange();
    before.setStart(document.body, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    return start + ":" + (start + range.toString().length);
  };
  const results = [];
  for (const item of collection.first.items) {
    const selectors = [].concat(item.target.selector);
    const quote = selectors.find((s) => s.type === "TextQuoteSelector");
    const fragment = selectors.find((s) => s.type === "FragmentSelector");
    const quoted = quote ? await all(A.createTextQuoteSelectorMatcher(quote)(document.body)) : [];
    const element = fragment && document.getElementById(fragment.value);
    const refined = element && fragment.refinedBy ? await all(matcherFor(fragment.refinedBy)(element)) : [];
    const same = quoted.length === 1 && refined.length === 1
      && offsets(quoted[0]) === offsets(refined[0]);
    results.push({
      id: item.id,
      quote: quoted.map((r) => r.toString()),
      refinedBy: fragment && fragment.refinedBy ? fragment.refinedBy.type : null,
      refined: refined.map((r) => r.toString()),
      same: same,
    });
  }
  return results;
}
"""


def anchor_collection(page: Any, bundle: Path, collection: dict[str, Any]) -> list[dict[str, Any]]:
    """Anchor every annotation of ``collection`` on the page as it is now."""
    if not page.evaluate(f"() => Boolean(window.{GLOBAL_NAME})"):
        page.add_script_tag(path=str(bundle))
    return list(page.evaluate(ANCHOR_ALL, json.loads(json.dumps(collection))))
