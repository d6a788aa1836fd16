"""The command-line adapter: ``python -m scripts check | accept-seed | addresses``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import addresses, load
from .pipeline import Edition, build_edition
from .problems import EditionError

ROOT = Path(__file__).resolve().parent.parent


def _edition_or_report(root: Path) -> Edition | None:
    """The edition, or None after printing every problem as ``path:line: problem; fix``."""
    try:
        return build_edition(root)
    except EditionError as error:
        print(error, file=sys.stderr)
        return None


def check(root: Path) -> int:
    """Validate every data file and print each problem as ``path:line: problem; fix``."""
    edition = _edition_or_report(root)
    if edition is None:
        return 1
    for warning in edition.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"ok: {len(edition.corrections)} corrections, {len(edition.sections)} sections, "
        f"{len(edition.notes)} notes, {len(edition.terms)} terms, {len(edition.sources)} sources"
    )
    return 0


def accept_seed(root: Path) -> int:
    """Record the current seed as the accepted revision (whole-file and per-line SHA-256)."""
    text = (root / load.SEED_PATH).read_bytes().decode("utf-8")
    whole, per_line = load.seed_manifest(text)
    (root / load.CHECKSUM_PATH).write_text(whole, encoding="utf-8")
    (root / load.LINES_PATH).write_text(per_line, encoding="utf-8")
    print(f"recorded {load.SEED_PATH}: {whole.split()[0]}; now run 'make check'")
    return 0


def record_addresses(root: Path) -> int:
    """Add every address the edition now publishes to the registry (never removes one)."""
    edition = _edition_or_report(root)
    if edition is None:
        return 1
    registry_file = root / addresses.REGISTRY_PATH
    text = registry_file.read_text(encoding="utf-8") if registry_file.exists() else ""
    known = {address for _, address in addresses.parse_registry(text)}
    current = addresses.current_addresses(edition, addresses.site_files(root / "docs"))
    new = current - known
    registry_file.write_text(addresses.render_registry(known | current), encoding="utf-8")
    print(f"{addresses.REGISTRY_PATH}: {len(new)} new, {len(known | current)} in all")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__)
    parser.add_argument("command", choices=["check", "accept-seed", "addresses"])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    args = parser.parse_args(argv)
    commands = {"check": check, "accept-seed": accept_seed, "addresses": record_addresses}
    return commands[args.command](args.root)
