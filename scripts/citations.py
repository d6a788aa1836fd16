"""Every sentence of a note or a definition cites its source, or speaks as the edition.

CONTRIBUTING promises readers a citation per factual sentence, not per paragraph. A
sentence passes when it holds a citation (``[@key]``) or when it is plainly about the
essay or the edition's own judgement: it names the essay, its author, a paragraph, a
verdict, the edition or "this note". Sentences are found by sentencex (Wikimedia's
segmenter, which knows "et al.", "e.g." and initials), paragraph by paragraph; headings
and code blocks are not prose.
"""

from __future__ import annotations

import bisect
import re

from sentencex import segment

from .citation_grammar import has_citation
from .problems import Problem

# "[label]: address" lines define reference links; they are not sentences.
LINK_DEFINITION = re.compile(r"^\[[^\]]+\]:\s")
OWN_VOICE = ("essay", "author", "paragraph", "verdict", "edition", "this note")
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
    """A problem for each sentence that neither cites a source nor speaks as the edition."""
    problems = []
    for text, offsets, start in _paragraphs(body, first_line):
        position = 0
        for sentence in segment("en", text):
            at = text.find(sentence.strip(), position)
            position = max(position, at)
            words = sentence.strip()
            if not words or has_citation(words) or any(w in words.lower() for w in OWN_VOICE):
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
                    "reading, say so (name the essay, its author, a paragraph or the edition)",
                )
            )
    return problems
