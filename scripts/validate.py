"""Stage 2, validate: turn loaded records into the typed model, collecting every problem.

Field checks are table-driven (``FieldSpec``) so that every data file reports
unknown, missing and mistyped fields in the same words.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .load import Record
from .model import (
    NOTE_KINDS,
    VERDICTS,
    Address,
    Correction,
    Note,
    Occurrence,
    QuoteSelector,
    Redirect,
    SectionSpec,
    Source,
    Term,
    Where,
)
from .problems import Problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_KEY_PATTERN = re.compile(r"^[a-z0-9_]+$")
CITATION = re.compile(r"\[(@[^\]]*)\]")
CITED_KEY = re.compile(r"@([A-Za-z0-9_]+)")
INLINE_CODE = re.compile(r"`[^`]*`")
RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


@dataclass(frozen=True)
class FieldSpec:
    """One allowed field of a record: its type, whether it is required, and an example."""

    name: str
    kind: type
    required: bool
    example: str


def _type_name(kind: type) -> str:
    names = {str: "text", int: "a whole number", list: "a list", Record: "a set of fields"}
    return names[kind]


def check_fields(
    record: Record, specs: Sequence[FieldSpec], what: str
) -> tuple[dict[str, object], list[Problem]]:
    """Check a record against its field table; return the values that passed and the problems."""
    problems: list[Problem] = []
    known = {spec.name: spec for spec in specs}
    for name, field in record.fields.items():
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else "the allowed fields are " + ", ".join(known)
            )
            problems.append(
                Problem(record.path, field.line, f"unknown field '{name}' in {what}", hint)
            )
    values: dict[str, object] = {}
    for spec in specs:
        given = record.fields.get(spec.name)
        if given is None or given.value is None or given.value == "":
            if spec.required:
                line = given.line if given is not None else record.line
                problems.append(
                    Problem(
                        record.path,
                        line,
                        f"{what} has no '{spec.name}'",
                        f"add a line such as '{spec.name}: {spec.example}'",
                    )
                )
            continue
        value = given.value
        if spec.kind is str and isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if spec.kind is list and isinstance(value, str):
            value = [value]
        if not isinstance(value, spec.kind) or isinstance(value, bool):
            problems.append(
                Problem(
                    record.path,
                    given.line,
                    f"'{spec.name}' should be {_type_name(spec.kind)}",
                    f"write it like '{spec.name}: {spec.example}'",
                )
            )
            continue
        values[spec.name] = value
    return values, problems


def _line(record: Record, name: str) -> int:
    field = record.fields.get(name)
    return field.line if field is not None else record.line


def _text(values: dict[str, object], name: str) -> str:
    value = values.get(name, "")
    return value if isinstance(value, str) else ""


def _texts(values: dict[str, object], name: str) -> tuple[str, ...]:
    value = values.get(name, [])
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def _check_id(record: Record, name: str, value: str, problems: list[Problem]) -> None:
    if value and not ID_PATTERN.match(value):
        problems.append(
            Problem(
                record.path,
                _line(record, name),
                f"the {name} '{value}' is not a valid identifier",
                "use lower-case letters, digits and single hyphens, e.g. 'tokio-static-bound'",
            )
        )


def _check_unique(items: Iterable[tuple[str, Where]], what: str, problems: list[Problem]) -> None:
    first: dict[str, Where] = {}
    for key, where in items:
        if key in first:
            earlier = first[key]
            problems.append(
                Problem(
                    where.path,
                    where.line,
                    f"the {what} '{key}' is already used at {earlier.path}:{earlier.line}",
                    f"give this one a different {what}; published addresses depend on it",
                )
            )
        else:
            first[key] = where


CORRECTION_FIELDS = (
    FieldSpec("id", str, True, "underlying-1"),
    FieldSpec("paragraph", int, True, "3"),
    FieldSpec("original", str, True, '"underlaying"'),
    FieldSpec("corrected", str, False, '"underlying"'),
    FieldSpec("reason", str, True, "spelling"),
    FieldSpec("prefix", str, False, '"the actual "'),
    FieldSpec("suffix", str, False, '" tech"'),
)


def validate_corrections(
    records: Sequence[Record], paragraph_count: int
) -> tuple[list[Correction], list[Problem]]:
    problems: list[Problem] = []
    corrections = []
    for record in records:
        values, found = check_fields(record, CORRECTION_FIELDS, "this correction")
        problems += found
        if found:
            continue
        cid = _text(values, "id")
        _check_id(record, "id", cid, problems)
        paragraph = values["paragraph"]
        assert isinstance(paragraph, int)
        if not 1 <= paragraph <= paragraph_count:
            problems.append(
                Problem(
                    record.path,
                    _line(record, "paragraph"),
                    f"there is no paragraph {paragraph}; the essay has {paragraph_count}",
                    "give the line number of the paragraph in seeds/essay.txt",
                )
            )
            continue
        corrections.append(
            Correction(
                id=cid,
                paragraph=paragraph,
                original=_text(values, "original"),
                corrected=_text(values, "corrected"),
                reason=_text(values, "reason"),
                prefix=_text(values, "prefix"),
                suffix=_text(values, "suffix"),
                where=Where(record.path, record.line),
            )
        )
    _check_unique(((c.id, c.where) for c in corrections), "correction id", problems)
    return corrections, problems


SECTION_FIELDS = (
    FieldSpec("id", str, True, "the-tokio-case"),
    FieldSpec("title", str, True, "The tokio case"),
    FieldSpec("start", str, True, '"Here is how."'),
)


def validate_sections(records: Sequence[Record]) -> tuple[list[SectionSpec], list[Problem]]:
    problems: list[Problem] = []
    sections = []
    for record in records:
        values, found = check_fields(record, SECTION_FIELDS, "this section")
        problems += found
        if found:
            continue
        sid = _text(values, "id")
        _check_id(record, "id", sid, problems)
        sections.append(
            SectionSpec(
                sid, _text(values, "title"), _text(values, "start"), Where(record.path, record.line)
            )
        )
    _check_unique(((s.id, s.where) for s in sections), "section id", problems)
    return sections, problems


SOURCE_FIELDS = (
    FieldSpec("key", str, True, "shumailov2024"),
    FieldSpec("short", str, True, '"Shumailov et al. 2024"'),
    FieldSpec("type", str, True, "article"),
    FieldSpec(
        "title", str, True, '"AI models collapse when trained on recursively generated data"'
    ),
    FieldSpec("authors", list, False, '["Shumailov I", "Shumaylov Z"]'),
    FieldSpec("venue", str, False, '"Nature 631(8022):755-759"'),
    FieldSpec("year", str, False, "2024"),
    FieldSpec("doi", str, False, '"10.1038/s41586-024-07566-y"'),
    FieldSpec("url", str, False, '"https://www.nature.com/articles/s41586-024-07566-y"'),
    FieldSpec("how_confirmed", str, True, '"publisher page seen on 2026-11-26"'),
)


def validate_sources(records: Sequence[Record]) -> tuple[list[Source], list[Problem]]:
    problems: list[Problem] = []
    sources = []
    for record in records:
        values, found = check_fields(record, SOURCE_FIELDS, "this source")
        problems += found
        if found:
            continue
        key = _text(values, "key")
        if not SOURCE_KEY_PATTERN.match(key):
            problems.append(
                Problem(
                    record.path,
                    _line(record, "key"),
                    f"the key '{key}' is not a valid source key",
                    "use lower-case letters, digits and underscores, e.g. 'shumailov2024'",
                )
            )
        if (
            not values.get("url")
            and not values.get("doi")
            and values.get("type") in ("web", "docs")
        ):
            problems.append(
                Problem(
                    record.path,
                    record.line,
                    f"the {values.get('type')} source '{key}' has neither a url nor a doi",
                    "add the address where the source can be read",
                )
            )
        sources.append(
            Source(
                key=key,
                short=_text(values, "short"),
                type=_text(values, "type"),
                title=_text(values, "title"),
                authors=_texts(values, "authors"),
                venue=_text(values, "venue"),
                year=_text(values, "year"),
                doi=_text(values, "doi"),
                url=_text(values, "url"),
                how_confirmed=_text(values, "how_confirmed"),
                where=Where(record.path, record.line),
            )
        )
    _check_unique(((s.key, s.where) for s in sources), "source key", problems)
    return sources, problems


def cited_keys(body: str) -> list[str]:
    """The source keys cited in a Markdown body as ``[@key]`` or ``[@a; @b]``."""
    return [key for group in CITATION.findall(body) for key in CITED_KEY.findall(group)]


def check_body(record: Record, known_sources: set[str], listed: Sequence[str]) -> list[Problem]:
    """Checks shared by note and term bodies: no raw HTML, and citations that resolve."""
    problems = []
    for offset, line in enumerate(record.body.split("\n")):
        markup = RAW_HTML.search(INLINE_CODE.sub("", line))
        if markup:
            problems.append(
                Problem(
                    record.path,
                    record.body_line + offset,
                    f"raw HTML '{markup.group(0)}' in the text",
                    "write plain Markdown; the build adds all the markup the site needs",
                )
            )
        for key in cited_keys(line):
            if key not in known_sources:
                problems.append(
                    _unknown_source(record.path, record.body_line + offset, key, known_sources)
                )
            elif key not in listed:
                problems.append(
                    Problem(
                        record.path,
                        record.body_line + offset,
                        f"the text cites '{key}' but 'sources' does not list it",
                        f"add {key} to the 'sources' list in the front matter",
                    )
                )
    return problems


def _unknown_source(path: str, line: int, key: str, known: set[str]) -> Problem:
    close = difflib.get_close_matches(key, sorted(known), n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return Problem(
        path,
        line,
        f"unknown source key '{key}'",
        hint
        + "cite a key from docs/edition/sources.yml, or add the source there once it is confirmed",
    )


def check_source_list(
    record: Record, listed: Sequence[str], known_sources: set[str]
) -> list[Problem]:
    return [
        _unknown_source(record.path, _line(record, "sources"), key, known_sources)
        for key in listed
        if key not in known_sources
    ]


TARGET_FIELDS = (
    FieldSpec("exact", str, True, '"the words the note is about"'),
    FieldSpec("prefix", str, False, '"words just before "'),
    FieldSpec("suffix", str, False, '" words just after"'),
)

NOTE_FIELDS = (
    FieldSpec("id", str, True, "tokio-static-bound"),
    FieldSpec("title", str, True, '"A short headline"'),
    FieldSpec("target", Record, True, '{exact: "the words the note is about"}'),
    FieldSpec("kind", str, True, "fact-check"),
    FieldSpec("verdict", str, False, "partly supported"),
    FieldSpec("claim", str, False, "C8"),
    FieldSpec("sources", list, False, "[tokio_spawn]"),
    FieldSpec("terms", list, False, "[static, borrow-checker]"),
)


def validate_note(
    record: Record, src_uri: str, known_sources: set[str]
) -> tuple[Note | None, list[Problem]]:
    values, problems = check_fields(record, NOTE_FIELDS, "this note")
    target = values.get("target")
    target_values: dict[str, object] = {}
    if isinstance(target, Record):
        target_values, found = check_fields(target, TARGET_FIELDS, "this note's target")
        problems += found
    nid = _text(values, "id")
    _check_id(record, "id", nid, problems)
    kind = _text(values, "kind")
    verdict = _text(values, "verdict")
    sources = _texts(values, "sources")
    if kind and kind not in NOTE_KINDS:
        problems.append(
            Problem(
                record.path,
                _line(record, "kind"),
                f"unknown kind '{kind}'",
                "use one of: " + ", ".join(NOTE_KINDS),
            )
        )
    if kind == "fact-check" and not verdict:
        problems.append(
            Problem(
                record.path,
                _line(record, "kind"),
                "a fact-check needs a verdict",
                "add 'verdict:' with one of: " + ", ".join(VERDICTS),
            )
        )
    if verdict and verdict not in VERDICTS:
        problems.append(
            Problem(
                record.path,
                _line(record, "verdict"),
                f"unknown verdict '{verdict}'",
                "use one of: " + ", ".join(VERDICTS),
            )
        )
    if verdict and kind and kind != "fact-check":
        problems.append(
            Problem(
                record.path,
                _line(record, "verdict"),
                f"a {kind} note has no verdict",
                "remove the verdict, or make the note a fact-check",
            )
        )
    if kind == "fact-check" and not sources:
        problems.append(
            Problem(
                record.path,
                _line(record, "kind"),
                "a fact-check needs at least one source",
                "add 'sources: [key]' with keys from docs/edition/sources.yml and cite them as [@key]",
            )
        )
    problems += check_source_list(record, sources, known_sources)
    problems += check_body(record, known_sources, sources)
    if not (nid and kind and "title" in values and "exact" in target_values):
        return None, problems
    return (
        Note(
            id=nid,
            title=_text(values, "title"),
            target=QuoteSelector(
                _text(target_values, "exact"),
                _text(target_values, "prefix"),
                _text(target_values, "suffix"),
            ),
            kind=kind,
            verdict=verdict,
            claim=_text(values, "claim"),
            sources=sources,
            terms=_texts(values, "terms"),
            body=record.body,
            src_uri=src_uri,
            where=Where(record.path, 1),
            field_lines=tuple((name, field.line) for name, field in record.fields.items()),
        ),
        problems,
    )


TERM_FIELDS = (
    FieldSpec("term", str, True, "fixed point"),
    FieldSpec("aliases", list, False, "[fixed points]"),
    FieldSpec("short", str, True, '"A value that a function maps to itself: f(x) = x."'),
    FieldSpec("see_also", list, False, "[base-case, recursion]"),
    FieldSpec("sources", list, False, "[tarski1955]"),
)


def validate_term(
    record: Record, slug: str, src_uri: str, known_sources: set[str]
) -> tuple[Term | None, list[Problem]]:
    values, problems = check_fields(record, TERM_FIELDS, "this term")
    sources = _texts(values, "sources")
    problems += check_source_list(record, sources, known_sources)
    problems += check_body(record, known_sources, sources)
    if "term" not in values:
        return None, problems
    return (
        Term(
            slug=slug,
            term=_text(values, "term"),
            aliases=_texts(values, "aliases"),
            short=_text(values, "short"),
            see_also=_texts(values, "see_also"),
            sources=sources,
            body=record.body,
            src_uri=src_uri,
            where=Where(record.path, 1),
            field_lines=tuple((name, field.line) for name, field in record.fields.items()),
        ),
        problems,
    )


def check_unique_notes(notes: Sequence[Note]) -> list[Problem]:
    problems: list[Problem] = []
    _check_unique(((n.id, n.where) for n in notes), "note id", problems)
    return problems


def _unknown_slug(path: str, line: int, slug: str, known: set[str], field: str) -> Problem:
    close = difflib.get_close_matches(slug, sorted(known), n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return Problem(
        path,
        line,
        f"'{field}' names '{slug}', which is not a glossary term",
        hint + "use the file name of a page in docs/glossary/ without '.md'",
    )


def check_cross_references(notes: Sequence[Note], terms: Sequence[Term]) -> list[Problem]:
    """Glossary slugs named by notes (``terms``) and by terms (``see_also``) must exist."""
    slugs = {t.slug for t in terms}
    problems = [
        _unknown_slug(note.where.path, note.line_of("terms"), slug, slugs, "terms")
        for note in notes
        for slug in note.terms
        if slug not in slugs
    ]
    problems += [
        _unknown_slug(term.where.path, term.line_of("see_also"), slug, slugs, "see_also")
        for term in terms
        for slug in term.see_also
        if slug not in slugs
    ]
    return problems


def unused_warnings(
    notes: Sequence[Note],
    terms: Sequence[Term],
    sources: Sequence[Source],
    occurrences: Sequence[Occurrence],
) -> list[Problem]:
    """Things that are not wrong but probably unintended: uncited sources, unreachable terms."""
    cited = {key for note in notes for key in note.sources}
    cited |= {key for term in terms for key in term.sources}
    warnings = [
        Problem(
            s.where.path,
            s.where.line,
            f"no note or term cites the source '{s.key}'",
            "cite it with [@" + s.key + "] where it supports a sentence, or remove it",
        )
        for s in sources
        if s.key not in cited
    ]
    occurring = {o.slug for o in occurrences}
    linked = {slug for item in notes for slug in item.terms}
    linked |= {slug for term in terms for slug in term.see_also}
    linked |= {term.slug for term in terms if term.see_also}  # see also is made symmetric
    warnings += [
        Problem(
            t.where.path,
            t.where.line,
            f"the term '{t.term}' never occurs in the essay and nothing links to it",
            "add an alias that matches the essay's wording, or link it from a note or another term",
        )
        for t in terms
        if t.slug not in occurring and t.slug not in linked
    ]
    return warnings


REDIRECT_FIELDS = (
    FieldSpec("from", str, True, '"/notes/old-id/"'),
    FieldSpec("to", str, True, '"/notes/new-id/"'),
)


def validate_redirects(records: Sequence[Record]) -> tuple[list[Redirect], list[Problem]]:
    redirects, problems = [], []
    for record in records:
        values, found = check_fields(record, REDIRECT_FIELDS, "this redirect")
        problems += found
        if not found:
            redirects.append(
                Redirect(
                    Address.parse(str(values["from"])),
                    Address.parse(str(values["to"])),
                    record.line,
                )
            )
    return redirects, problems
