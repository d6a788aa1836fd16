"""The engine adapters: compile the edition, have an engine render it, check the result.

``compile_edition`` writes the docs tree into ``build/``; ``build_site`` renders it with
MkDocs or Zensical into a temporary folder beside the site, checks every published
address on the rendered HTML, and only then puts it in place of the previous site, which
a failure leaves untouched (Zensical writes its output even when ``--strict`` aborts: it
only ever writes to the temporary folder). ``serve`` re-compiles on every change of the
sources while the engine's own server reloads the pages.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from scripts import ci_annotations
from scripts.ingest import git_history, load
from scripts.ingest.pipeline import build_edition
from scripts.model import Edition
from scripts.problems import EditionError, Problem
from scripts.site import addresses, built_site, links
from scripts.site.compile import (
    BUILD_DIR,
    CONFIG_PATH,
    DOCS,
    ENGINE_CONFIG,
    OVERRIDES,
    Inputs,
    OutsideFolderError,
    Tree,
    compile_tree,
    read_config,
    read_folder,
    write_tree,
)

# What a change to should re-compile the tree, for `serve`.
SOURCES = (DOCS, "seeds", "scripts", OVERRIDES, CONFIG_PATH, addresses.REGISTRY_PATH)
ZENSICAL_VENV = ".venv-zensical"


@dataclass(frozen=True)
class Compiled:
    edition: Edition
    tree: Tree


def _report(problems: list[Problem]) -> None:
    print(EditionError(problems), file=sys.stderr)
    ci_annotations.emit(problems)


def compile_edition(root: Path) -> Compiled | None:
    """The tree written to build/, or None after printing every problem."""
    try:
        edition = build_edition(root)
    except EditionError as error:
        _report(error.problems)
        return None
    config, problems = read_config(root)
    if config is None:
        _report(problems)
        return None
    sha256 = (root / load.CHECKSUM_PATH).read_text(encoding="utf-8").split()[0]
    inputs = Inputs(
        config=config,
        docs=read_folder(root / DOCS),
        overrides=read_folder(root / OVERRIDES),
        history=git_history.content_history(root),
        note_dates=git_history.file_dates(root, "docs/notes"),
        seed_sha256=sha256,
    )
    tree, problems = compile_tree(edition, inputs)
    if problems:
        _report(problems)
        return None
    try:
        write_tree(tree.files, root / BUILD_DIR)
    except OutsideFolderError as error:
        outside = Problem(
            BUILD_DIR,
            1,
            f"the build would write '{error}', outside its folder",
            "nothing was written",
        )
        print(EditionError([outside]), file=sys.stderr)
        return None
    return Compiled(edition, tree)


def compile_command(root: Path) -> int:
    compiled = compile_edition(root)
    if compiled is None:
        return 1
    print(f"{BUILD_DIR}/: {len(compiled.tree.files)} files, {len(compiled.tree.pages)} pages")
    return 0


def zensical_command(root: Path) -> str:
    """Zensical as $ZENSICAL names it, or from the project's own venv (make installs it from
    requirements-zensical.lock), or from the PATH."""
    if os.environ.get("ZENSICAL"):
        return os.environ["ZENSICAL"]
    for project in (root, Path(__file__).resolve().parents[2]):
        local = project / ZENSICAL_VENV / "bin" / "zensical"
        if local.exists():
            return str(local)
    return shutil.which("zensical") or "zensical"


def engine_command(root: Path, engine: str, action: str, strict: bool) -> list[str]:
    config = str(root / BUILD_DIR / ENGINE_CONFIG[engine])
    if engine == "zensical":
        # --clean: no cache carried from one build into the next, so that builds repeat.
        return [zensical_command(root), action, "--config-file", config] + (
            (["--clean"] + (["--strict"] if strict else [])) if action == "build" else []
        )
    return [sys.executable, "-m", "mkdocs", action, "--config-file", config] + (
        ["--strict"] if strict and action == "build" else []
    )


def without_traceback(text: str) -> str:
    """An engine's output without the frames of a traceback: its last line says what
    failed (Zensical ends a --strict failure with one)."""
    kept: list[str] = []
    in_traceback = False
    for line in text.splitlines(keepends=True):
        if line.startswith("Traceback (most recent call last):"):
            in_traceback = True
        elif in_traceback and not line.startswith(" "):
            in_traceback = False
            kept.append(line)
        elif not in_traceback:
            kept.append(line)
    return "".join(kept)


def site_problems(
    root: Path, compiled: Compiled, site: Path
) -> tuple[list[Problem], list[Problem]]:
    """The address registry checked on the rendered site: problems, and new addresses."""
    page_ids = built_site.page_ids(site, skip=compiled.tree.redirects)
    text = addresses.registry_text(root)
    registry = addresses.parse_registry(text)
    problems = addresses.check_registry(registry, compiled.edition.redirects, page_ids)
    current = addresses.current_addresses(compiled.edition, compiled.tree.pages)
    return problems, addresses.unrecorded(current, text)


def build_site(root: Path, engine: str, site: Path, *, strict: bool = True) -> int:
    """Compile, render with ``engine`` beside ``site``, check, then swap it in."""
    site = site.resolve()
    fresh = site.with_name(f".{site.name}-new")
    shutil.rmtree(fresh, ignore_errors=True)
    compiled = compile_edition(root)
    if compiled is None:
        return 1
    config, _ = read_config(root)  # compile_edition has read it
    broken = links.link_problems(root, compiled.edition, config) if config else []
    if broken:  # said with the source's lines, before the engine names the compiled tree's
        print(EditionError(broken), file=sys.stderr)
        print(f"{site} is as it was", file=sys.stderr)
        return 1
    command = engine_command(root, engine, "build", strict)
    output = root / BUILD_DIR / f".site-{engine}"  # as compile wrote in the engine's config
    shutil.rmtree(output, ignore_errors=True)
    if engine == "mkdocs":
        command += ["--site-dir", str(fresh)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's notice, not the build's
    try:
        result = subprocess.run(
            command, cwd=root, env=env, check=False, capture_output=True, text=True
        )
    except FileNotFoundError:
        print(
            f"{command[0]}: {engine} is not installed; 'make build ENGINE={engine}' installs it",
            file=sys.stderr,
        )
        return 1
    sys.stdout.write(result.stdout)
    sys.stderr.write(without_traceback(result.stderr))
    if engine != "mkdocs" and result.returncode == 0:
        shutil.move(output, fresh)
    shutil.rmtree(output, ignore_errors=True)  # Zensical writes it even when it fails
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(
            f"the {engine} build failed (it names files of {BUILD_DIR}/{DOCS}/, the compiled "
            f"tree: a page there comes from the file of the same name in {DOCS}/, or from the "
            f"edition's data); {site} is as it was",
            file=sys.stderr,
        )
        return 1
    problems, warnings = site_problems(root, compiled, fresh)
    warnings = [*compiled.edition.warnings, *warnings]
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    ci_annotations.emit(problems, warnings)
    if problems or (strict and warnings):
        shutil.rmtree(fresh, ignore_errors=True)
        if problems:
            print(EditionError(problems), file=sys.stderr)
        else:
            count = len(warnings)
            print(
                f"aborted with {count} warning{'s' if count != 1 else ''} (strict)", file=sys.stderr
            )
        print(f"{site} is as it was", file=sys.stderr)
        return 1
    old = site.with_name(f".{site.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def _sources_state(root: Path) -> dict[str, float]:
    state = {}
    for name in SOURCES:
        path = root / name
        for file in [path] if path.is_file() else path.rglob("*"):
            if file.is_file() and "__pycache__" not in file.parts:
                state[file.as_posix()] = file.stat().st_mtime
    return state


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(root: Path, engine: str, address: str) -> int:
    """The engine's live-reload server over build/, re-compiled when a source changes.

    The compiler runs in a fresh process each time, so that a change to scripts/ counts;
    it rewrites only the files that changed, so the engine rebuilds once per change."""
    if compile_edition(root) is None:
        return 1
    server = subprocess.Popen(
        [*engine_command(root, engine, "serve", False), "--dev-addr", address],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    recompile = [sys.executable, "-m", "scripts", "compile", "--root", str(root)]
    state = _sources_state(root)
    # Stopped with SIGTERM as with Ctrl-C: the engine's server stops with it.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        while server.poll() is None:
            time.sleep(0.5)
            now = _sources_state(root)
            if now != state:
                state = now
                subprocess.run(recompile, check=False)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()
    return 0
