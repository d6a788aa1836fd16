"""Stage 6: the glossary matcher on tricky text."""

from __future__ import annotations

import pytest

from scripts.ingest.terms import (
    TermMatcher,
    build_matcher,
    find_occurrences,
    leftmost_longest,
    surface_forms,
)
from scripts.model import ReadingText, Term, Where


def term(slug: str, name: str, *aliases: str) -> Term:
    return Term(
        slug,
        name,
        aliases,
        "short",
        (),
        (),
        "",
        f"glossary/{slug}.md",
        Where(f"docs/glossary/{slug}.md", 1),
    )


TERMS = [
    term("local-optimum", "local optimum", "local optima"),
    term("optimum", "optimum"),
    term("static", "'static"),
    term("lifetime", "lifetime"),
    term("fixed-point", "fixed point"),
    term("recursion", "recursion", "recursive call"),
    term("rsi", "recursive self-improvement"),
    term("llm", "large language model", "LLM"),
]


def matches(text: str) -> list[tuple[str, str]]:
    matcher, problems = build_matcher(TERMS)
    assert problems == []
    found = find_occurrences(ReadingText((text,), ()), matcher)
    return [(o.slug, text[o.start : o.end]) for o in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stuck in a local optimum", [("local-optimum", "local optimum")]),
        ("some “local optima” of dogma", [("local-optimum", "local optima")]),
        ("the optimum", [("optimum", "optimum")]),
        ("forcing the 'static lifetimes", [("static", "'static"), ("lifetime", "lifetimes")]),
        ("Rust’s static", []),
        (
            "Fixed Points and a fixed point",
            [("fixed-point", "Fixed Points"), ("fixed-point", "fixed point")],
        ),
        ("the next “recursive call” it", [("recursion", "recursive call")]),
        ("recursive self-improvement", [("rsi", "recursive self-improvement")]),
        ("LLMs and an LLM", [("llm", "LLMs"), ("llm", "LLM")]),
        ("recursions", [("recursion", "recursions")]),
        ("prerecursion and recursionist", []),
        ("see https://example.org/recursion and recursion", [("recursion", "recursion")]),
    ],
)
def test_matching(text: str, expected: list[tuple[str, str]]) -> None:
    assert matches(text) == expected


def test_plurals_of_y_words() -> None:
    assert surface_forms("Tantric theory") >= {"tantric theory", "tantric theories"}


def test_leftmost_longest_prefers_earlier_then_longer() -> None:
    assert leftmost_longest([(0, 5, "a"), (0, 9, "b"), (3, 12, "c"), (9, 11, "d")]) == [
        (0, 9, "b"),
        (9, 11, "d"),
    ]


def test_alias_claimed_by_two_terms() -> None:
    _, problems = build_matcher([term("a", "map"), term("b", "territory", "Map")])
    assert [str(p) for p in problems] == [
        "docs/glossary/b.md:1: the alias “Map” is also claimed by docs/glossary/a.md:1; "
        "keep it in only one of the two terms"
    ]


def test_automaton_finds_overlapping_suffix_patterns() -> None:
    matcher = TermMatcher([("he", "a"), ("she", "b"), ("hers", "c")])
    assert matcher.raw_matches("she") == [(0, 3, "b")]
    assert sorted(matcher.raw_matches("he hers")) == [(0, 2, "a"), (3, 7, "c")]
