"""The command-line adapter: ``python -m scripts check | compile | build | serve | accept-seed |
addresses | schemas | changes [--base COMMIT] | new-edition --essay FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts import ci_annotations
from scripts.commands import changes, new_edition
from scripts.ingest import load, schema
from scripts.ingest.pipeline import build_edition
from scripts.model import Edition
from scripts.problems import EditionError
from scripts.site import addresses, engines, links
from scripts.site.compile import ENGINES, read_config

ROOT = Path(__file__).resolve().parents[2]  # scripts/commands/cli.py -> the repository


def _edition_or_report(root: Path) -> Edition | None:
    """The edition, or None after printing every problem as ``path:line: problem; fix``."""
    try:
        return build_edition(root)
    except EditionError as error:
        print(error, file=sys.stderr)
        ci_annotations.emit(error.problems)
        return None


def check(root: Path) -> int:
    """Validate every data file and print each problem as ``path:line: problem; fix``.

    Everything the build checks without rendering is checked here, the address registry
    and the redirects included; warnings count, since the build runs with --strict."""
    edition = _edition_or_report(root)
    if edition is None:
        return 1
    problems, warnings = addresses.check_addresses(root, edition)
    config, _ = read_config(root)  # build_edition has reported a file it cannot read
    if config is not None:
        problems += links.link_problems(root, edition, config)
    if problems:
        print(EditionError(problems), file=sys.stderr)
        ci_annotations.emit(problems)
        return 1
    warnings = [*edition.warnings, *warnings]
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    ci_annotations.emit(warnings=warnings)
    if warnings:
        count = len(warnings)
        print(
            f"not ok: {count} warning{'s' if count != 1 else ''}; 'make build' runs with "
            "--strict and stops on them",
            file=sys.stderr,
        )
        return 1
    counts = (
        (len(edition.corrections), "correction"),
        (len(edition.sections), "section"),
        (len(edition.notes), "note"),
        (len(edition.terms), "term"),
        (len(edition.sources), "source"),
    )
    print("ok: " + ", ".join(f"{n} {word}{'s' if n != 1 else ''}" for n, word in counts))
    return 0


def accept_seed(root: Path) -> int:
    """Record the current seed as the accepted revision (whole-file and per-line SHA-256)."""
    raw, problems = load.read_bytes(root, load.SEED_PATH)
    text, found = load.seed_text_problems(raw) if raw is not None else (None, [])
    if text is None:
        print(EditionError(problems + found), file=sys.stderr)
        return 1
    whole, per_line = load.seed_manifest(text)
    try:
        (root / load.CHECKSUM_PATH).write_text(whole, encoding="utf-8")
        (root / load.LINES_PATH).write_text(per_line, encoding="utf-8")
    except OSError as error:
        print(
            f"{load.CHECKSUM_PATH}: cannot write the checksum ({error.strerror})", file=sys.stderr
        )
        return 1
    print(f"recorded {load.SEED_PATH}: {whole.split()[0]}; now run 'make check'")
    return 0


def record_addresses(root: Path) -> int:
    """Add every address the edition now publishes to the registry (never removes one)."""
    edition = _edition_or_report(root)
    if edition is None:
        return 1
    text, problems = load.read_text(root, addresses.REGISTRY_PATH)
    if text is None and (root / addresses.REGISTRY_PATH).exists():
        print(EditionError(problems), file=sys.stderr)
        return 1
    text = text or ""
    registry_file = root / addresses.REGISTRY_PATH
    known = {address for _, address in addresses.parse_registry(text)}
    current = addresses.current_addresses(edition, addresses.site_files(root / "docs"))
    new = current - known
    registry_file.write_text(addresses.render_registry(known | current), encoding="utf-8")
    print(f"{addresses.REGISTRY_PATH}: {len(new)} new, {len(known | current)} in all")
    return 0


def write_schemas(root: Path) -> int:
    """Write the published JSON Schemas to schemas/, the copies editors validate against."""
    folder = root / schema.SCHEMAS_DIR
    folder.mkdir(exist_ok=True)
    for relative, text in schema.published_files():
        (root / relative).write_text(text, encoding="utf-8")
    print(f"{schema.SCHEMAS_DIR}/: {len(schema.SCHEMAS)} schemas written")
    return 0


def start_edition(root: Path, essay: Path | None, title: str | None) -> int:
    """A fresh edition of another essay; then record its addresses and check it."""
    if essay is None:
        print(
            "new-edition: give the essay, e.g. 'make new-edition ESSAY=essay.txt'", file=sys.stderr
        )
        return 2
    problems = new_edition.new_edition(root, essay, title or new_edition.title_from(essay))
    if problems:
        print(EditionError(problems), file=sys.stderr)
        return 1
    if record_addresses(root) != 0:
        return 1
    print(
        "new edition started: fill in docs/edition/edition.yml, docs/index.md and docs/about.md, "
        "then add corrections, sections, notes and terms (see CONTRIBUTING.md)"
    )
    return check(root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__)
    parser.add_argument(
        "command",
        choices=[
            "check", "compile", "build", "serve", "accept-seed", "addresses", "schemas",
            "new-edition", "changes",
        ],
    )  # fmt: skip
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs", help="build and serve")
    parser.add_argument("--site-dir", type=Path, help="build: where the site goes (./site)")
    parser.add_argument(
        "--no-strict", action="store_true", help="build: warnings do not stop the build"
    )
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="serve: where to listen")
    parser.add_argument("--essay", type=Path, help="new-edition: the essay, one paragraph a line")
    parser.add_argument("--title", help="new-edition: the essay's title (else from its file name)")
    parser.add_argument("--base", help="changes: the commit to compare with (merge base with main)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "new-edition":
        return start_edition(root, args.essay, args.title)
    if args.command == "build":
        site = args.site_dir or root / "site"
        return engines.build_site(root, args.engine, site, strict=not args.no_strict)
    if args.command == "changes":
        return changes.run(root, args.base)
    if args.command == "serve":
        return engines.serve(root, args.engine, args.dev_addr)
    commands = {
        "compile": engines.compile_command,
        "check": check,
        "accept-seed": accept_seed,
        "addresses": record_addresses,
        "schemas": write_schemas,
    }
    return commands[args.command](root)
