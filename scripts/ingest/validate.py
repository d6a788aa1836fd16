"""Stage 2, validate: turn loaded records into the typed model, collecting every problem.

Each entry is first checked against its JSON Schema (``schema``), so that every data file
reports unknown, missing and mistyped fields in the same words; the constructors here then
build the frozen records and check what one entry alone cannot show.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from scripts.ingest import citations, schema
from scripts.ingest.citation_grammar import EDITION_MARK, cited_keys, says_something
from scripts.ingest.load import Record
from scripts.model import (
    NO_ARCHIVE,
    VERDICTS,
    Address,
    Correction,
    EssayInfo,
    Evidence,
    Note,
    Occurrence,
    QuoteSelector,
    Redirect,
    Regrade,
    Revision,
    ScaleChange,
    SectionSpec,
    Source,
    Term,
    Where,
)
from scripts.problems import Problem
from scripts.security import sanitize


def _line(record: Record, name: str) -> int:
    field = record.fields.get(name)
    return field.line if field is not None else record.line


def _text(values: dict[str, object], name: str) -> str:
    value = values.get(name, "")
    return value if isinstance(value, str) else ""


def _texts(values: dict[str, object], name: str) -> tuple[str, ...]:
    value = values.get(name, [])
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


# The research tools' words, which a reader cannot act on: nobody can consult a "stored copy".
TOOL_WORDS = (
    "stored copy",
    "stored copies",
    "stored page",
    "seen via search",
    "via search",
    "search tool",
    "snapshot",
    "corpus",
)
# A program's name in parentheses: "(find_string)", "(WebFetch)".
PROGRAM_NAME = re.compile(r"\((?:[A-Za-z]+_[A-Za-z_]+|[A-Za-z]*[a-z][A-Z][A-Za-z]*)\)")


def tool_words(text: str) -> list[str]:
    """The tool vocabulary in a 'how confirmed' line, in the order of TOOL_WORDS, then programs.

    A longer phrase hides the shorter one it contains ("seen via search", not "via search")."""
    lowered = text.lower()
    found = [w for w in TOOL_WORDS if w in lowered]
    found = [w for w in found if not any(w != o and w in o for o in found)]
    return found + PROGRAM_NAME.findall(text)


def _entries(
    record: Record, values: dict[str, object], name: str
) -> list[tuple[dict[str, object], int]]:
    """A list of entries (evidence, revisions) that passed the schema, each with its line."""
    value = values.get(name)
    field = record.fields.get(name)
    items = field.value if field is not None and isinstance(field.value, list) else []
    if not isinstance(value, list):
        return []
    return [
        (entry, item.line if isinstance(item, Record) else _line(record, name))
        for entry, item in zip(value, items, strict=False)
        if isinstance(entry, dict)
    ]


def _check_unique(
    items: Iterable[tuple[str, Where]],
    what: str,
    problems: list[Problem],
    edited: frozenset[str] = frozenset(),
) -> None:
    """A key used twice is reported once, at the place being edited (a file changed since
    the last commit, else the later one), naming the other place."""
    first: dict[str, Where] = {}
    for key, where in items:
        if key in first:
            earlier = first[key]
            blamed, other = (
                (earlier, where)
                if earlier.path in edited and where.path not in edited
                else (where, earlier)
            )
            problems.append(
                Problem(
                    blamed.path,
                    blamed.line,
                    f"the {what} '{key}' is already used at {other.path}:{other.line}",
                    f"give this one a different {what}; published addresses depend on it",
                )
            )
        else:
            first[key] = where


def validate_corrections(
    records: Sequence[Record], paragraph_count: int
) -> tuple[list[Correction], list[Problem]]:
    problems: list[Problem] = []
    corrections = []
    for record in records:
        values, found = schema.check(record, schema.SCHEMAS["corrections"])
        problems += found
        if found:
            continue
        cid = _text(values, "id")
        kept = values.get("kept") is True
        if kept and "corrected" in values:
            problems.append(
                Problem(
                    record.path,
                    _line(record, "corrected"),
                    "a kept reading has no 'corrected'",
                    "remove 'corrected' to keep the author's words, or remove 'kept: true' to "
                    "correct them",
                )
            )
            continue
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
                kept=kept,
            )
        )
    _check_unique(((c.id, c.where) for c in corrections), "correction id", problems)
    return corrections, problems


def validate_sections(records: Sequence[Record]) -> tuple[list[SectionSpec], list[Problem]]:
    problems: list[Problem] = []
    sections = []
    for record in records:
        values, found = schema.check(record, schema.SCHEMAS["sections"])
        problems += found
        if found:
            continue
        sid = _text(values, "id")
        sections.append(
            SectionSpec(
                sid, _text(values, "title"), _text(values, "start"), Where(record.path, record.line)
            )
        )
    _check_unique(((s.id, s.where) for s in sections), "section id", problems)
    return sections, problems


def validate_essay_info(record: Record | None) -> tuple[EssayInfo | None, list[Problem]]:
    """The edition's metadata file: every field present, "unknown" where nothing is known."""
    if record is None:
        return None, []
    values, problems = schema.check(record, schema.SCHEMAS["edition"])
    if problems:
        return None, problems
    return (
        EssayInfo(
            title=_text(values, "title"),
            author=_text(values, "author"),
            venue=_text(values, "venue"),
            published=_text(values, "published"),
            original_url=_text(values, "original_url"),
            licence=_text(values, "licence"),
            editors=_texts(values, "editors"),
            remarks=_text(values, "remarks"),
        ),
        [],
    )


def validate_sources(records: Sequence[Record]) -> tuple[list[Source], list[Problem]]:
    problems: list[Problem] = []
    sources = []
    for record in records:
        values, found = schema.check(record, schema.SCHEMAS["sources"])
        problems += found
        if found:
            continue
        key = _text(values, "key")
        if key == EDITION_MARK:
            problems.append(
                Problem(
                    record.path,
                    _line(record, "key"),
                    f"the key '{key}' is reserved: [@{EDITION_MARK}] marks the edition's own "
                    "reading",
                    "give this source another key, such as its first author's name and year",
                )
            )
            continue
        jargon = tool_words(_text(values, "how_confirmed"))
        if jargon:
            shown = ", ".join(f"“{w}”" for w in jargon)
            problems.append(
                Problem(
                    record.path,
                    _line(record, "how_confirmed"),
                    f"'how_confirmed' uses research-tool words a reader cannot act on ({shown})",
                    "say in plain words what was read and where a reader finds it, e.g. "
                    "\"the publisher's page and the article's abstract\"",
                )
            )
        if values.get("archive") == NO_ARCHIVE and not values.get("archive_reason"):
            problems.append(
                Problem(
                    record.path,
                    _line(record, "archive"),
                    f"the source '{key}' has no archived copy and no 'archive_reason'",
                    "add 'archive_reason:' saying in plain words why there is none (e.g. the "
                    "publisher does not allow archiving)",
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
        mirror_value = values.get("mirror")
        mirror = mirror_value if isinstance(mirror_value, dict) else {}
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
                accessed=_text(values, "accessed"),
                archive=_text(values, "archive"),
                archive_reason=_text(values, "archive_reason"),
                mirror_url=_text(mirror, "url"),
                mirror_reason=_text(mirror, "reason"),
            )
        )
    _check_unique(((s.key, s.where) for s in sources), "source key", problems)
    return sources, problems


def check_body(
    record: Record, known_sources: set[str] | None, listed: Sequence[str], *, headings: bool
) -> list[Problem]:
    """Checks shared by note and term bodies: no markup that could run, citations that resolve.

    ``known_sources`` is None when sources.yml could not be read: every key would look
    unknown, so none is reported."""
    problems = sanitize.body_problems(record.path, record.body, record.body_line, headings=headings)
    problems += citations.uncited_sentences(record.path, record.body, record.body_line)
    for offset, line in enumerate(record.body.split("\n")):
        for key in cited_keys(line):
            if known_sources is not None and key not in known_sources:
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


def evidence_items(record: Record, values: dict[str, object]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(_text(entry, "source"), _text(entry, "at"), _text(entry, "quote"), line)
        for entry, line in _entries(record, values, "evidence")
    )


def check_evidence(
    record: Record, evidence: Sequence[Evidence], listed: Sequence[str]
) -> list[Problem]:
    """Evidence quotes a source that this file lists and cites: it is shown at its citations."""
    cited = set(cited_keys(record.body))
    problems = []
    for item in evidence:
        if item.source not in listed:
            problems.append(
                Problem(
                    record.path,
                    item.line,
                    f"the evidence quotes '{item.source}', which 'sources' does not list",
                    "quote a source listed in 'sources' and cited in the text, or add it to both",
                )
            )
        elif item.source not in cited:
            problems.append(
                Problem(
                    record.path,
                    item.line,
                    f"the evidence quotes '{item.source}', which the text never cites",
                    f"cite [@{item.source}] in the sentence these words support, or remove "
                    "this evidence",
                )
            )
    return problems


def check_fact_check_evidence(
    record: Record, values: dict[str, object], evidence: Sequence[Evidence], listed: Sequence[str]
) -> list[Problem]:
    """Every source a fact-check cites has at least one evidence item: the reader sees what
    the source says, not only that it exists. Reported at the first citation of the source."""
    if "evidence" in record.fields and "evidence" not in values:
        return []  # the evidence has problems of its own
    quoted = {item.source for item in evidence}
    first: dict[str, int] = {}
    for offset, line in enumerate(record.body.split("\n")):
        for key in cited_keys(line):
            first.setdefault(key, record.body_line + offset)
    return [
        Problem(
            record.path,
            line,
            f"the fact-check cites '{key}' but quotes nothing from it",
            f"add an item to 'evidence' with 'source: {key}', 'at:' (where in the source: a "
            "page, section or timestamp) and 'quote:' (the source's exact words that support "
            "the sentence)",
        )
        for key, line in first.items()
        if key in listed and key not in quoted
    ]


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
    record: Record, listed: Sequence[str], known_sources: set[str] | None
) -> list[Problem]:
    if known_sources is None:
        return []
    return [
        _unknown_source(record.path, _line(record, "sources"), key, known_sources)
        for key in listed
        if key not in known_sources
    ]


def _check_says_something(record: Record, what: str) -> list[Problem]:
    if says_something(record.body):
        return []
    return [
        Problem(
            record.path,
            record.body_line,
            f"this {what} has no text",
            "write what it says below the closing '---', citing a source for each fact as [@key]",
        )
    ]


# An apostrophe inside a word, as a typewriter writes it ("essay's"). One at a word's start
# is left alone: it may be a Rust lifetime ('static).
TYPEWRITER_APOSTROPHE = re.compile(r"[A-Za-z]+'[A-Za-z]+")


def check_apostrophes(
    record: Record, values: dict[str, object], names: Sequence[str]
) -> list[Problem]:
    """Readers see a note's headline and a term's one-line definition as written: the
    Markdown that curls the quotes of a body never touches them, so they must be typeset."""
    problems = []
    for name in names:
        found = TYPEWRITER_APOSTROPHE.search(_text(values, name))
        if found:
            word = found.group()
            problems.append(
                Problem(
                    record.path,
                    _line(record, name),
                    f"'{name}' has a typewriter apostrophe in \u201c{word}\u201d",
                    f"write \u201c{word.replace(chr(39), chr(0x2019))}\u201d, with \u2019 (U+2019); "
                    "readers see this line as written",
                )
            )
    return problems


def validate_note(
    record: Record, src_uri: str, known_sources: set[str] | None
) -> tuple[Note | None, list[Problem]]:
    values, problems = schema.check(record, schema.SCHEMAS["note"])
    target = values.get("target")
    target_values = target if isinstance(target, dict) else {}
    nid = _text(values, "id")
    kind = _text(values, "kind")
    verdict = _text(values, "verdict")
    sources = _texts(values, "sources")
    problems += check_apostrophes(record, values, ("title",))
    if kind == "fact-check" and not verdict:
        problems.append(
            Problem(
                record.path,
                _line(record, "kind"),
                "a fact-check needs a verdict",
                "add 'verdict:' with one of: " + ", ".join(VERDICTS),
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
    stem = src_uri.rsplit("/", 1)[-1].removesuffix(".md")
    if nid and nid != stem:
        problems.append(
            Problem(
                record.path,
                _line(record, "id"),
                f"the note id '{nid}' differs from the file name '{stem}.md'",
                f"rename the file to {nid}.md, or make the id '{stem}'; the id is the note's "
                "address",
            )
        )
    evidence = evidence_items(record, values)
    problems += check_source_list(record, sources, known_sources)
    problems += check_body(record, known_sources, sources, headings=False)
    problems += check_evidence(record, evidence, sources)
    if kind == "fact-check":
        problems += check_fact_check_evidence(record, values, evidence, sources)
    problems += _check_says_something(record, "note")
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
            evidence=evidence,
            revisions=tuple(
                Revision(_text(entry, "date"), _text(entry, "change"), _text(entry, "reason"))
                for entry, _ in _entries(record, values, "revisions")
            ),
        ),
        problems,
    )


def validate_term(
    record: Record, slug: str, src_uri: str, known_sources: set[str] | None
) -> tuple[Term | None, list[Problem]]:
    values, problems = schema.check(record, schema.SCHEMAS["term"])
    sources = _texts(values, "sources")
    if not re.fullmatch(schema.ID_PATTERN, slug):
        problems.append(
            Problem(
                record.path,
                1,
                f"the file name '{slug}.md' is not a valid slug",
                "rename the file with lower-case letters, digits and single hyphens, e.g. "
                "'sample-size.md'; the name is the term's address",
            )
        )
    evidence = evidence_items(record, values)
    problems += check_apostrophes(record, values, ("short",))
    problems += check_source_list(record, sources, known_sources)
    problems += check_body(record, known_sources, sources, headings=True)
    problems += check_evidence(record, evidence, sources)
    problems += _check_says_something(record, "term")
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
            evidence=evidence,
        ),
        problems,
    )


def check_unique_notes(
    notes: Sequence[Note], edited: frozenset[str] = frozenset()
) -> list[Problem]:
    problems: list[Problem] = []
    _check_unique(
        ((n.id, Where(n.where.path, n.line_of("id"))) for n in notes), "note id", problems, edited
    )
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


def check_cross_references(
    notes: Sequence[Note], terms: Sequence[Term], slugs: set[str] | None = None
) -> list[Problem]:
    """Glossary slugs named by notes (``terms``) and by terms (``see_also``) must exist."""
    slugs = {t.slug for t in terms} if slugs is None else slugs
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


def validate_redirects(records: Sequence[Record]) -> tuple[list[Redirect], list[Problem]]:
    redirects, problems = [], []
    for record in records:
        values, found = schema.check(record, schema.SCHEMAS["redirects"])
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


def validate_scale_log(
    records: Sequence[Record], note_ids: set[str]
) -> tuple[list[ScaleChange], list[Problem]]:
    """The changes to the verdict scale; every regraded note must be a note of the edition."""
    changes, problems = [], []
    for record in records:
        values, found = schema.check(record, schema.SCHEMAS["scale-log"])
        problems += found
        regraded = values.get("regraded", [])
        entries = regraded if isinstance(regraded, list) else []
        line = _line(record, "regraded")
        for entry in entries:
            note = str(entry.get("note", ""))
            if note and note not in note_ids:
                close = difflib.get_close_matches(note, sorted(note_ids), n=1)
                problems.append(
                    Problem(
                        record.path,
                        line,
                        f"the scale log names the note '{note}', which the edition does not have",
                        (f"did you mean '{close[0]}'? " if close else "")
                        + "use the id of a note in docs/notes/, or remove the entry",
                    )
                )
        if not found:
            changes.append(
                ScaleChange(
                    date=_text(values, "date"),
                    change=_text(values, "change"),
                    regraded=tuple(
                        Regrade(str(e["note"]), str(e["from"]), str(e["to"]), str(e["reason"]))
                        for e in entries
                    ),
                    line=record.line,
                )
            )
    return changes, problems
