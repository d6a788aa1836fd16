"""Every sentence of a note or a definition cites its source, or is marked as the edition's.

CONTRIBUTING promises readers a citation per factual sentence, not per paragraph. A
sentence passes only when it holds a citation: a source's (``[@key]``) or the edition's own
mark (``[@edition]``), which the writer puts on a sentence that is the edition's reading or
judgement, and which readers see as such. No word in a sentence exempts it: guessing the
edition's voice from words such as "the essay" let factual sentences through unsourced.
Sentences are found by sentencex (Wikimedia's segmenter, which knows "et al.", "e.g." and
initials), paragraph by paragraph; headings and code blocks are not prose.
"""

from __future__ import annotations

import bisect
import re

from sentencex import segment

from scripts.ingest.citation_grammar import has_citation
from scripts.problems import Problem

# "[label]: address" lines define reference links; they are not sentences.
LINK_DEFINITION = re.compile(r"^\[[^\]]+\]:\s")
SHOWN_WORDS = 8


def _paragraphs(body: str, first_line: int) -> list[tuple[str, list[int], int]]:
    """(joined text, start offset of each line in it, first line number) per prose paragraph."""
    found: list[tuple[str, list[int], int]] = []
    lines: list[str] = []
    start = first_line
    fenced = False

    def close() -> None:
        if lines:
            offsets, text = [], ""
            for line in lines:
                offsets.append(len(text) + (1 if text else 0))
                text = f"{text} {line}" if text else line
            found.append((text, offsets, start))
            lines.clear()

    for number, raw in enumerate(body.split("\n"), start=first_line):
        line = raw.strip()
        if line.startswith(("```", "~~~")):
            fenced = not fenced
            close()
            continue
        if fenced or not line or line.startswith("#") or LINK_DEFINITION.match(line):
            close()
            continue
        if not lines:
            start = number
        lines.append(line)
    close()
    return found


def uncited_sentences(path: str, body: str, first_line: int) -> list[Problem]:
    """A problem for each sentence that neither cites a source nor carries the edition's mark."""
    problems = []
    for text, offsets, start in _paragraphs(body, first_line):
        position = 0
        for sentence in segment("en", text):
            at = text.find(sentence.strip(), position)
            position = max(position, at)
            words = sentence.strip()
            if not words or has_citation(words):
                continue
            line = start + bisect.bisect_right(offsets, max(at, 0)) - 1
            split = words.split()
            shown = " ".join(split[:SHOWN_WORDS]) + ("…" if len(split) > SHOWN_WORDS else "")
            problems.append(
                Problem(
                    path,
                    line,
                    f"this sentence cites no source (“{shown}”)",
                    "add [@key] for the source that supports it; if it is the edition's own "
                    "reading or judgement, mark it [@edition]",
                )
            )
    return problems
