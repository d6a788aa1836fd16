"""Text as BibTeX and LaTeX print it: one escaper for the export and the "Cite this" block.

It imports nothing of the edition, so that the pages can use it without the exports."""

from __future__ import annotations

_SPECIAL = {c: "\\" + c for c in "{}%&$#_"} | {"~": r"\textasciitilde{}", "^": r"\^{}"}
_SPECIAL["\\"] = r"\textbackslash{}"


def escape(text: str) -> str:
    """Text that BibTeX and LaTeX print as written."""
    return "".join(_SPECIAL.get(c, c) for c in text)
