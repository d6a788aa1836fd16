"""mkdocs.yml's boundary on values the build would otherwise crash on or pass through."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.ingest.site_config import config_problems


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("theme: readthedocs\n", "'theme' should be a mapping of settings ('readthedocs')"),
        ('site_url: "https://example.org/\\n"\n', "'site_url' is not a web address"),
    ],
)
def test_a_setting_of_the_wrong_shape_is_named(tmp_path: Path, settings: str, message: str) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: An edition\n" + settings, encoding="utf-8")
    problems = config_problems(tmp_path)
    assert [(p.line, p.message.startswith(message)) for p in problems] == [(2, True)]
