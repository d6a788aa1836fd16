"""The boundary of mkdocs.yml: the settings an edition may have, checked by `make check`.

mkdocs.yml is code for the engines (a Markdown extension or a plugin is a Python module they
import; ``site_name`` and ``copyright`` are printed into every page as they are), so it is
maintainer-only (CODEOWNERS, CONTRIBUTING, a CI step flags a pull request that changes it)
and, in case one slips through review, held to this schema: allow-listed settings, Markdown
extensions and plugins from fixed lists, plain-text names, extra styles and scripts only from
the site's own docs/assets/, and the folders the compiler expects.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from scripts.ingest import load
from scripts.ingest.schema import WEB_URL_PATTERN
from scripts.problems import Problem
from scripts.security import policy
from scripts.security.sanitize import is_plain_text

CONFIG_PATH = "mkdocs.yml"
ALLOWED_SETTINGS = frozenset(
    {
        "site_name", "site_description", "site_url", "repo_url", "repo_name", "edit_uri",
        "copyright", "docs_dir", "site_dir", "strict", "use_directory_urls", "exclude_docs",
        "nav", "theme", "extra_css", "extra_javascript", "plugins", "markdown_extensions",
        "validation",
    }
)  # fmt: skip
PLAIN_SETTINGS = ("site_name", "site_description", "copyright", "repo_name")
WEB_SETTINGS = ("site_url", "repo_url")
FIXED_SETTINGS = {"docs_dir": "docs", "site_dir": "site"}
THEME_SETTINGS = frozenset(
    {"name", "custom_dir", "language", "font", "icon", "features", "palette", "favicon", "logo"}
)
FIXED_THEME = {"name": "material", "custom_dir": "overrides"}
ALLOWED_PLUGINS = frozenset({"search", "minify"})
# Same-origin files only: a path in docs/assets/, never an address of another site.
ASSET_PATTERN = {
    "extra_css": r"assets/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.css",
    "extra_javascript": r"assets/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.js",
    "favicon": r"assets/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.(png|ico)",
    "logo": r"assets/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.(png|webp|jpg)",
}
NAV_PAGE = r"[a-z0-9_-]+(/[a-z0-9_-]+)*\.md"
EDIT_URI = r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*/"
FIX = "mkdocs.yml is the maintainers' file: restore it with 'git checkout -- mkdocs.yml'"


def _names(entries: object) -> list[str]:
    """The names in a list such as markdown_extensions or plugins (plain or with settings)."""
    if not isinstance(entries, list):
        return ["(not a list)"]
    names: list[str] = []
    for entry in entries:
        if isinstance(entry, Mapping):
            names += [str(k) for k in entry]
        else:
            names.append(str(entry))
    return names


def nav_pages(nav: object) -> list[str]:
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    if isinstance(nav, Mapping):
        return [page for value in nav.values() for page in nav_pages(value)]
    return [str(nav)]


def _plain(value: object) -> object:
    """A loaded value as plain data (lists of entries are Records too, for their lines)."""
    if isinstance(value, load.Record):
        return {k: _plain(f.value) for k, f in value.fields.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def config_problems(root: Path) -> list[Problem]:
    """Every setting of mkdocs.yml outside the boundary, each at its line."""
    text, problems = load.read_text(root, CONFIG_PATH)
    if text is None:
        return problems
    record, problems = load.parse_mapping(CONFIG_PATH, text)
    if record is None:
        return problems

    def refuse(line: int, message: str, fix: str = FIX) -> None:
        problems.append(Problem(CONFIG_PATH, line, message, fix))

    for name, field in record.fields.items():
        value, line = _plain(field.value), field.line
        if name not in ALLOWED_SETTINGS:
            refuse(line, f"the setting '{name}' is not one an edition may have", FIX)
        elif name in PLAIN_SETTINGS and not (isinstance(value, str) and is_plain_text(value)):
            refuse(line, f"'{name}' should be plain text ({value!r})", "write it without markup")
        elif name in WEB_SETTINGS and not re.fullmatch(WEB_URL_PATTERN, str(value)):
            refuse(line, f"'{name}' is not a web address ({value!r})", "write https://...")
        elif name in FIXED_SETTINGS and value != FIXED_SETTINGS[name]:
            refuse(line, f"'{name}' should be '{FIXED_SETTINGS[name]}' ({value!r})")
        elif name == "edit_uri" and not re.fullmatch(EDIT_URI, str(value)):
            refuse(line, f"'edit_uri' should be a path such as edit/main/docs/ ({value!r})")
        elif name in ASSET_PATTERN:
            for path in value if isinstance(value, list) else [value]:
                if not re.fullmatch(ASSET_PATTERN[name], str(path)):
                    refuse(
                        line,
                        f"'{name}' names {path!r}, which is not a file of this site's assets",
                        "name a file in docs/assets/, such as assets/edition.css",
                    )
        elif name == "markdown_extensions":
            for extension in _names(value):
                if extension not in policy.ALLOWED_EXTENSIONS:
                    refuse(
                        line,
                        f"the Markdown extension '{extension}' is not one the edition allows",
                        "use one of: " + ", ".join(sorted(policy.ALLOWED_EXTENSIONS)),
                    )
        elif name == "plugins":
            for plugin in _names(value):
                if plugin not in ALLOWED_PLUGINS:
                    refuse(
                        line,
                        f"the plugin '{plugin}' is not one the edition allows",
                        "use one of: " + ", ".join(sorted(ALLOWED_PLUGINS)),
                    )
        elif name == "nav":
            for page in nav_pages(value):
                if not re.fullmatch(NAV_PAGE, page):
                    refuse(line, f"the menu names {page!r}, which is not a page of the site")
        elif name == "theme":
            if not isinstance(value, Mapping):
                refuse(line, f"'theme' should be a mapping of settings ({value!r})", FIX)
                continue
            theme = value
            for key in theme:
                if key not in THEME_SETTINGS:
                    refuse(line, f"the theme setting '{key}' is not one an edition may have")
                elif key in FIXED_THEME and theme[key] != FIXED_THEME[key]:
                    refuse(line, f"the theme's '{key}' should be '{FIXED_THEME[key]}'")
                elif key in ASSET_PATTERN and not re.fullmatch(ASSET_PATTERN[key], str(theme[key])):
                    refuse(line, f"the theme's '{key}' is not a file of this site's assets")
    return problems
