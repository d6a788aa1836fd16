"""``make bench``: speed and size figures for the edition, printed as ratios and budgets.

1. Build, for each engine (MkDocs, Zensical): the full edition (``make build``: compile,
   render, check the addresses on the HTML) against the engine alone over the same
   compiled tree (the bare build of the same pages).
2. Pipeline: load -> render on the real edition and on synthetic editions 10x and 100x
   larger (same density of corrections, notes and terms).
3. Term matching: one Aho-Corasick automaton over 500 terms on texts 1x, 10x, 100x the
   essay, against one regular expression per term.
4. Page weight: the essay page's first load (HTML, CSS, JS, fonts, images; gzip) against
   the same essay as plain Markdown under the bare theme; the project's own CSS and JS.
5. Lighthouse: the essay, the first note and the first term, each against its plain twin
   (the same text as plain Markdown under the same theme settings), runs interleaved;
   ``BENCH_LIGHTHOUSE_RUNS`` runs of each (default 3).

Timings are medians of several runs on this machine; compare ratios, not seconds.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from bench.lighthouse import bench_lighthouse  # noqa: E402
from bench.plain_twin import benchmarked_pages, write_plain_twin  # noqa: E402
from scripts.ingest import anchor, correct, segment  # noqa: E402
from scripts.ingest import terms as link  # noqa: E402
from scripts.ingest.git_history import Version  # noqa: E402
from scripts.ingest.pipeline import build_edition  # noqa: E402
from scripts.model import (  # noqa: E402
    Correction,
    Edition,
    Note,
    QuoteSelector,
    SectionSpec,
    Seed,
    Term,
    Where,
)
from scripts.render import essay as render_essay  # noqa: E402
from scripts.render.meta import Site  # noqa: E402
from scripts.site.compile import BUILD_DIR, DOCS, ENGINE_CONFIG, ENGINES  # noqa: E402
from scripts.site.engines import zensical_command  # noqa: E402
from tests.weight import essay_weight, write_plain_project  # noqa: E402

SITE = Site("Bench", "https://example.org/", "https://github.com/example/edition", Version("", ""))


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_quietly(command: list[str]) -> None:
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")


def bench_build(work: Path) -> None:
    """Each engine: the whole build (compile, render, address check, swap) against the
    engine alone rendering the same compiled tree (the bare build of the same pages)."""
    run_quietly([sys.executable, "-m", "scripts", "compile"])
    pages = len(list((ROOT / BUILD_DIR / DOCS).rglob("*.md")))
    print("1. Build (median of 3; each engine against itself on the same compiled pages)")
    for engine in ENGINES:
        full_command = [sys.executable, "-m", "scripts", "build", "--engine", engine]
        full_command += ["--site-dir", str(work / f"full-{engine}")]
        config = str(ROOT / BUILD_DIR / ENGINE_CONFIG[engine])
        if engine == "zensical":
            bare_command = [zensical_command(ROOT), "build", "--clean", "--config-file", config]
        else:
            bare_command = [sys.executable, "-m", "mkdocs", "build", "--config-file", config]
            bare_command += ["--site-dir", str(work / "bare-mkdocs")]
        full = median_time(lambda c=full_command: run_quietly(c), 3)  # type: ignore[misc]
        bare = median_time(lambda c=bare_command: run_quietly(c), 3)  # type: ignore[misc]
        print(f"   {engine:9} full edition build {full:7.3f} s")
        print(f"   {engine:9} bare build         {bare:7.3f} s   (same {pages} pages, no compiler)")
        print(f"   {engine:9} ratio full / bare  {full / bare:7.2f} x")
    shutil.rmtree(ROOT / BUILD_DIR / ".site-zensical", ignore_errors=True)


def synthetic_edition(real: Edition, copies: int) -> Callable[[], Edition]:
    """A pipeline run over ``copies`` tagged copies of the essay, with the same apparatus density."""
    tagged = [f"⟨{copy}⟩ {text}" for copy in range(copies) for text in real.seed.paragraphs]
    count = len(real.seed.paragraphs)
    seed = Seed("\n".join(tagged))
    where = Where("bench", 1)
    corrections = [
        Correction(f"{c.id}-{copy}", c.paragraph + copy * count, c.original, c.corrected,
                   c.reason, c.prefix, c.suffix, where)
        for copy in range(copies) for c in real.corrections
    ]  # fmt: skip
    specs = [
        SectionSpec(
            f"{s.id}-{copy}",
            s.title,
            f"⟨{copy}⟩ " + " ".join(real.reading.paragraphs[s.first - 1].split()[:6]),
            where,
        )
        for copy in range(copies)
        for s in real.sections
    ]
    notes = [
        Note(f"n{copy}-{n}", "t", QuoteSelector(f"⟨{copy}⟩ " + " ".join(text.split()[:4])), "context", "", "",
             (), (), "body", f"notes/n{copy}-{n}.md", where)
        for copy in range(copies) for n, text in enumerate(real.seed.paragraphs)
    ]  # fmt: skip
    terms = list(real.terms)

    def run() -> Edition:
        reading, problems = correct.build_reading_text(seed, corrections)
        sections, found = segment.resolve_sections(reading, specs)
        problems += found
        anchors, found = anchor.anchor_notes(reading, notes)
        problems += found
        matcher, found = link.build_matcher(terms)
        assert not problems + found, problems + found
        occurrences = link.find_occurrences(reading, matcher)
        edition = Edition(seed, real.info, reading, tuple(corrections), tuple(sections), real.sources,
                          tuple(notes), anchors, tuple(terms), tuple(occurrences), (), ())  # fmt: skip
        render_essay.render_reading_text(edition, SITE)
        return edition

    return run


def bench_pipeline() -> None:
    real = build_edition(ROOT)

    def real_run() -> None:
        edition = build_edition(ROOT)
        render_essay.render_reading_text(edition, SITE)

    base = median_time(real_run, 5)
    print("2. Pipeline: load, validate, correct, segment, anchor, link, render (median)")
    print(f"   real edition            {base * 1000:8.1f} ms   (from the files on disk)")
    synthetic_base = median_time(synthetic_edition(real, 1), 5)
    print(f"   synthetic 1x            {synthetic_base * 1000:8.1f} ms   (in memory)")
    for copies in (10, 100):
        spent = median_time(synthetic_edition(real, copies), 3 if copies == 10 else 1)
        print(
            f"   synthetic {copies:>3}x          {spent * 1000:8.1f} ms   "
            f"{spent / synthetic_base:6.1f}x the time for {copies}x the text"
        )


def synthetic_terms(real: Edition, total: int) -> list[Term]:
    """The real terms plus made-up ones: word pairs that occur in the essay, and some that do not."""
    words = [w.strip(".,;:()“”!?–'’").lower() for p in real.reading.paragraphs for w in p.split()]
    words = [w for w in words if w.isalpha()]
    taken = {link.normalise(p) for t in real.terms for p in (t.term, *t.aliases)}
    terms = list(real.terms)
    index = 0
    while len(terms) < total:
        if index % 2:
            phrase = f"{words[index % len(words)]} {words[(index + 1) % len(words)]}"
        else:
            phrase = f"{words[index % len(words)]}x{index}"
        index += 1
        if phrase in taken or any(phrase + end in taken for end in ("s", "es")):
            continue
        taken.add(phrase)
        terms.append(Term(f"t{index}", phrase, (), "s", (), (), "", "x.md", Where("bench", 1)))
    return terms


def bench_matching() -> None:
    real = build_edition(ROOT)
    terms = synthetic_terms(real, 500)
    matcher, problems = link.build_matcher(terms)
    assert problems == [], problems
    patterns = [
        re.compile(r"(?<![\w'’])" + re.escape(form) + r"(?![\w'’])", re.IGNORECASE)
        for t in terms for form in link.surface_forms(t.term)
    ]  # fmt: skip
    print(f"3. Term matching: {len(terms)} terms, {len(patterns)} surface forms")
    base_auto = base_regex = 0.0
    for size in (1, 10, 100):
        from scripts.model import ReadingText

        reading = ReadingText(real.reading.paragraphs * size, ())
        text = "\n".join(reading.paragraphs)
        auto = median_time(lambda r=reading: link.find_occurrences(r, matcher), 3)  # type: ignore[misc]
        regex = median_time(lambda t=text: [p.findall(t) for p in patterns], 1)  # type: ignore[misc]
        base_auto, base_regex = base_auto or auto, base_regex or regex
        print(
            f"   {size:>3}x text ({len(text):>7} chars)  automaton {auto * 1000:8.1f} ms "
            f"({auto / base_auto:6.1f}x)   one regex per term {regex * 1000:8.1f} ms "
            f"({regex / base_regex:6.1f}x)"
        )


def bench_weight(work: Path) -> None:
    seed = (ROOT / "seeds/essay.txt").read_text(encoding="utf-8")
    config = write_plain_project(work, seed)
    run_quietly(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(work / "plain")]
    )
    weight = essay_weight(work / "full-mkdocs", work / "plain", [render_essay.NOTE_TEXTS_FILE])
    print("4. Page weight: the essay's first load, gzip bytes")
    print(weight.table())


def bench_speed(work: Path) -> None:
    """Lighthouse on the MkDocs build against a plain twin built from it, under the theme
    settings of the engine configuration that ``bench_build`` compiled."""
    pages = benchmarked_pages(build_edition(ROOT))
    engine_config = ROOT / BUILD_DIR / ENGINE_CONFIG["mkdocs"]
    config = write_plain_twin(work / "full-mkdocs", engine_config, pages, work / "twin")
    run_quietly(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(work / "twin-site")]
    )
    bench_lighthouse(work / "full-mkdocs", work / "twin-site", pages)


def main() -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    print(
        f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
        f"{datetime.date.today().isoformat()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        bench_build(work)
        bench_pipeline()
        bench_matching()
        bench_weight(work)
        bench_speed(work)


if __name__ == "__main__":
    main()
