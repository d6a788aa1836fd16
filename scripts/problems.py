"""Problems found in the edition's data, reported as ``path:line: problem; fix``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a data file, with where it is and what to do about it."""

    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}; {self.fix}"


class EditionError(Exception):
    """Raised once, after every problem in the edition's data has been collected."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        heading = f"the edition's data has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([heading, *(str(p) for p in self.problems)]))
