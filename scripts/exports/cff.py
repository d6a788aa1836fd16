"""CITATION.cff (Citation File Format 1.2.0): what GitHub's "Cite this repository", Zenodo
and reference managers read about the repository.

Only what docs/edition/edition.yml and the site's settings say: the edition's title, its
editors, where it lives. Nothing that changes with each commit (no date, no version), so
that the file at the repository's root stays in step without being rewritten each time.
"""

from __future__ import annotations

import yaml

from scripts.exports.bibliography import parse_name
from scripts.model import EssayInfo
from scripts.render.meta import Site

CFF_VERSION = "1.2.0"
FILE = "CITATION.cff"


def person(text: str) -> dict[str, str]:
    """A CFF person (family and given names) when the name splits, else an entity."""
    name = parse_name(text)
    if name.literal:
        return {"name": name.literal}
    return {"family-names": name.family, "given-names": name.given}


def render(info: EssayInfo, site: Site) -> str:
    author = info.author if info.known(info.author) else "an author whose name is unknown"
    data: dict[str, object] = {
        "cff-version": CFF_VERSION,
        "message": (
            "If you use this edition, please cite it as below. The essay it presents, "
            f"“{info.title}”, is the work of {author}; the notes, glossary and apparatus "
            "are the editors'."
        ),
        "title": site.name,
        "type": "dataset",
        "authors": [person(e) for e in info.editors] or [{"name": site.name}],
        "url": site.url,
        **({"repository-code": site.repo_url} if site.repo_url else {}),
    }
    header = (
        "# Written by the edition's build from docs/edition/edition.yml and mkdocs.yml:\n"
        "# edit those, then 'pytest tests/edition/test_exports.py --update-golden' rewrites it.\n"
    )
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
