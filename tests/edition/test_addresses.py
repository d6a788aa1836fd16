"""This edition's address registry: every address it publishes is recorded, and every
address it ever published still resolves in its built site."""

from __future__ import annotations

from pathlib import Path

from scripts.model import Address, Edition
from scripts.site import addresses
from scripts.site.built_site import page_ids as page_ids_of

from ..conftest import ROOT


def test_registry_lists_every_address_the_edition_publishes(real_edition: Edition) -> None:
    registry = {a for _, a in addresses.parse_registry((ROOT / "addresses.txt").read_text())}
    current = addresses.current_addresses(real_edition, addresses.site_files(ROOT / "docs"))
    assert current - registry == set(), "run 'make addresses'"
    assert Address("/", "p12") in registry and Address("/notes/tokio-99-percent/") in registry


def test_every_registered_address_resolves_in_the_built_site(
    real_edition: Edition, real_site: Path
) -> None:
    """Directly, or through a redirect the edition records, as the build itself checks."""
    registry = addresses.parse_registry((ROOT / "addresses.txt").read_text())
    found = addresses.check_registry(registry, real_edition.redirects, page_ids_of(real_site))
    assert found == []
