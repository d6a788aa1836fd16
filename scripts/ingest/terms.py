"""Stage 6, link: find glossary terms in the reading text with one Aho-Corasick automaton.

The automaton is built once from every term and alias (and their plurals) and
scans each paragraph once, so matching is linear in the text whatever the number
of terms. Overlaps are settled leftmost-longest: "sample size" is never read as
"size". Matches must sit on word boundaries and outside URLs.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from scripts.model import Occurrence, ReadingText, Term
from scripts.problems import Problem

BARE_URL = re.compile(r"https?://\S+")  # the essay's links are bare URLs
WORD_CHAR = re.compile(r"[\w'’]")


def normalise(text: str) -> str:
    """Lower-case and unify apostrophes, keeping the length so offsets stay valid."""
    return "".join(
        "'" if char == "’" else (char.lower() if len(char.lower()) == 1 else char) for char in text
    )


def surface_forms(phrase: str) -> set[str]:
    """A phrase and its plain English plurals (on its last word)."""
    base = normalise(phrase)
    forms = {base}
    if base[-1:].isalpha():
        forms |= {base + "s", base + "es"}
        if base.endswith("y") and base[-2:-1] not in "aeiou":
            forms.add(base[:-1] + "ies")
    return forms


@dataclass
class _Node:
    children: dict[str, int] = field(default_factory=dict)
    fail: int = 0
    outputs: list[tuple[int, str]] = field(default_factory=list)  # (length, slug)


class TermMatcher:
    """An Aho-Corasick automaton over every surface form of every term."""

    def __init__(self, forms: Iterable[tuple[str, str]]) -> None:
        self.nodes = [_Node()]
        for form, slug in forms:
            self._add(form, slug)
        self._link()

    def _add(self, form: str, slug: str) -> None:
        state = 0
        for char in form:
            nxt = self.nodes[state].children.get(char)
            if nxt is None:
                nxt = len(self.nodes)
                self.nodes.append(_Node())
                self.nodes[state].children[char] = nxt
            state = nxt
        self.nodes[state].outputs.append((len(form), slug))

    def _link(self) -> None:
        queue = deque(self.nodes[0].children.values())
        while queue:
            state = queue.popleft()
            for char, child in self.nodes[state].children.items():
                queue.append(child)
                fail = self.nodes[state].fail
                while fail and char not in self.nodes[fail].children:
                    fail = self.nodes[fail].fail
                candidate = self.nodes[fail].children.get(char, 0)
                self.nodes[child].fail = candidate if candidate != child else 0
                self.nodes[child].outputs += self.nodes[self.nodes[child].fail].outputs

    def raw_matches(self, text: str) -> list[tuple[int, int, str]]:
        """Every (start, end, slug) match on word boundaries, overlapping ones included."""
        found = []
        state = 0
        for index, char in enumerate(text):
            while state and char not in self.nodes[state].children:
                state = self.nodes[state].fail
            state = self.nodes[state].children.get(char, 0)
            for length, slug in self.nodes[state].outputs:
                start, end = index + 1 - length, index + 1
                before = text[start - 1] if start else " "
                after = text[end] if end < len(text) else " "
                if not WORD_CHAR.match(before) and not WORD_CHAR.match(after):
                    found.append((start, end, slug))
        return found


def leftmost_longest(matches: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep non-overlapping matches, preferring the earliest start, then the longest."""
    chosen: list[tuple[int, int, str]] = []
    end_of_last = -1
    for start, end, slug in sorted(matches, key=lambda m: (m[0], -(m[1] - m[0]), m[2])):
        if start >= end_of_last:
            chosen.append((start, end, slug))
            end_of_last = end
    return chosen


def _phrase_line(term: Term, phrase: str) -> int:
    return term.line_of("term" if normalise(phrase) == normalise(term.term) else "aliases")


def build_matcher(
    terms: Sequence[Term], edited: frozenset[str] = frozenset()
) -> tuple[TermMatcher, list[Problem]]:
    """One automaton for all terms; an alias claimed by two terms is a problem, reported in
    the file being edited (changed since the last commit, else the later one)."""
    owner: dict[str, Term] = {}
    problems: list[Problem] = []
    forms: list[tuple[str, str]] = []
    for term in terms:
        for phrase in (term.term, *term.aliases):
            key = normalise(phrase)
            other = owner.get(key)
            if other is not None and other.slug != term.slug:
                blamed, kept = (
                    (other, term)
                    if other.where.path in edited and term.where.path not in edited
                    else (term, other)
                )
                problems.append(
                    Problem(
                        blamed.where.path,
                        _phrase_line(blamed, phrase),
                        f"the alias “{phrase}” is also claimed by "
                        f"{kept.where.path}:{_phrase_line(kept, phrase)}",
                        "keep it in only one of the two terms",
                    )
                )
                continue
            owner[key] = term
            forms += [(form, term.slug) for form in surface_forms(phrase)]
    # A plural of one term's phrase may be another term's phrase: the explicit phrase wins.
    explicit = {normalise(phrase) for term in terms for phrase in (term.term, *term.aliases)}
    forms = [
        (form, slug)
        for form, slug in set(forms)
        if form not in explicit or owner[form].slug == slug
    ]
    return TermMatcher(sorted(forms)), problems


def find_occurrences(reading: ReadingText, matcher: TermMatcher) -> list[Occurrence]:
    """Every term occurrence in the reading text, outside URLs."""
    occurrences = []
    for number, text in enumerate(reading.paragraphs, start=1):
        urls = [(m.start(), m.end()) for m in BARE_URL.finditer(text)]
        for start, end, slug in leftmost_longest(matcher.raw_matches(normalise(text))):
            if any(u0 < end and start < u1 for u0, u1 in urls):
                continue
            occurrences.append(Occurrence(slug, number, start, end))
    return occurrences
