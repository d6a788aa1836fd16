"""Problems found in the edition's data, reported as ``path:line: problem; fix``."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


def visible(text: str) -> str:
    """Text with every control or invisible character written as an escape (\\x1b,
    \\u200b), so that a message cannot hide a character or rewrite a terminal line."""
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")
        else char
        for char in text
    )


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a data file, with where it is and what to do about it."""

    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return visible(f"{self.path}:{self.line}: {self.message}; {self.fix}")


class EditionError(Exception):
    """Raised once, after every problem in the edition's data has been collected."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        heading = f"the edition's data has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([heading, *(str(p) for p in self.problems)]))
