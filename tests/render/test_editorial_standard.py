"""What readers can check: verdicts defined and linked, provenance said plainly (never
guessed), ClaimReview for every rated fact-check, and each note's dates from git."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from pathlib import Path

import yaml

from scripts.ingest import git_history
from scripts.ingest.docs_tree import verdict_anchor
from scripts.ingest.git_history import FileDates, Version
from scripts.model import RATED_VERDICTS, UNKNOWN_ESSAY, UNRATED_VERDICTS, VERDICTS, Edition
from scripts.render.meta import Site, branch_of, cite_block, essay_jsonld, provenance
from scripts.render.notes import claim_review_jsonld

from ..html import one, parse

SITE = Site(
    "An edition",
    "https://example.org/ed/",
    "https://git.example/r",
    Version("2026-01-02", "0123456789"),
)
KNOWN = replace(
    UNKNOWN_ESSAY,
    title="On Things",
    author="A. Writer",
    venue="A Journal",
    published="2026-06",
    original_url="https://example.org/on-things",
    licence="CC BY 4.0",
    editors=("The editors",),
)  # fmt: skip


def test_provenance_says_plainly_what_is_not_known() -> None:
    said = provenance(UNKNOWN_ESSAY)
    for unknown in (
        "its author is unknown",
        "where it first appeared is unknown",
        "its date is unknown",
        "no original address is known",
        "no licence or permission to republish is recorded",
    ):
        assert unknown in said


def test_provenance_names_what_is_known() -> None:
    said = provenance(KNOWN)
    assert "written by A. Writer" in said and "it appeared in A Journal" in said
    assert "it is dated 2026-06" in said and "<https://example.org/on-things>" in said
    assert "unknown" not in said


def test_cite_this_credits_the_essay_author_or_says_unknown() -> None:
    unknown = cite_block(
        SITE, "index.md", key="e", title="x", what="annotated edition", essay=UNKNOWN_ESSAY
    )
    assert "Author unknown, “Untitled” (n.d.), annotated edition" in unknown
    assert "author = {{Author unknown}}" in unknown
    known = cite_block(SITE, "index.md", key="e", title="x", what="annotated edition", essay=KNOWN)
    assert "A. Writer, “On Things” (2026-06), annotated edition, ed. The editors" in known
    note = cite_block(SITE, "notes/n.md", key="n", title="A note", what="note in ")
    assert "The edition's contributors, “A note”, note in “An edition”" in note


def test_essay_jsonld_states_only_what_is_known() -> None:
    unknown = essay_jsonld(UNKNOWN_ESSAY, SITE, "index.md")
    assert "author" not in unknown and "author" not in unknown["isBasedOn"]  # type: ignore[operator]
    known = essay_jsonld(KNOWN, SITE, "index.md")
    assert known["author"] == {"@type": "Person", "name": "A. Writer"}
    assert known["isBasedOn"]["datePublished"] == "2026-06"  # type: ignore[index]
    assert known["url"] == "https://example.org/ed/"


def test_claim_review_follows_the_fact_check_markup_rules(edition: Edition) -> None:
    """Google's required properties (claimReviewed, reviewRating with alternateName, url,
    author) for every fact-check; a number inside the scale, whose ends are named, only for
    a verdict on the truth scale; none for other kinds of note."""
    dates = FileDates("2026-01-01", "2026-02-01", "c" * 40)
    rated = [n for n in edition.notes if n.verdict in RATED_VERDICTS]
    assert rated, "the edition under test has no rated fact-check"
    unrated = [n for n in edition.notes if n.verdict in UNRATED_VERDICTS]
    assert {n.verdict for n in unrated} == set(UNRATED_VERDICTS)
    for note in edition.notes:
        review = claim_review_jsonld(edition, SITE, note, dates)
        if note.kind != "fact-check":
            assert review is None
            continue
        assert review is not None
        if note in unrated:
            assert review["reviewRating"] == {
                "@type": "Rating",
                "alternateName": note.verdict,
                "url": SITE.page_url("how-we-check.md") + "#" + verdict_anchor(note.verdict),
            }
            continue
        assert review["reviewRating"]["ratingExplanation"] == (  # type: ignore[index]
            f"{note.verdict} on a scale from 4 (supported) to 1 (wrong as stated)"
        )
        assert review["@type"] == "ClaimReview" and review["claimReviewed"] == note.target.exact
        assert review["url"] == SITE.page_url(note.src_uri)
        assert review["author"] == {"@type": "Organization", "name": SITE.name, "url": SITE.url}
        rating = review["reviewRating"]
        assert isinstance(rating, dict) and rating["alternateName"] == note.verdict
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["url"].endswith("how-we-check/#" + verdict_anchor(note.verdict))
        item = review["itemReviewed"]
        assert isinstance(item, dict) and item["@type"] == "Claim"
        paragraph = edition.anchors[note.id].paragraph
        assert item["appearance"]["url"] == SITE.url + f"#p{paragraph}"
        assert review["datePublished"] == "2026-01-01" and review["dateModified"] == "2026-02-01"
    # The scale runs from the best to the worst: each verdict rates below the one before.
    values = []
    for verdict in RATED_VERDICTS:
        review = claim_review_jsonld(edition, SITE, replace(rated[0], verdict=verdict), dates)
        assert review is not None and isinstance(review["reviewRating"], dict)
        values.append(review["reviewRating"]["ratingValue"])
    assert values == list(range(len(RATED_VERDICTS), 0, -1))


def test_every_verdict_badge_links_to_its_definition(built_site: Path) -> None:
    method = parse(built_site / "how-we-check/index.html")
    defined = {n.attributes["id"] for n in method.css("[id^='verdict-']")}
    assert defined == {verdict_anchor(v) for v in VERDICTS}
    pages = [built_site / "index.html", built_site / "notes/index.html"]
    pages += sorted((built_site / "notes").glob("*/index.html"))
    badges = 0
    for page in pages:
        for badge in parse(page).css("a.ed-badge"):
            href = badge.attributes["href"] or ""
            target = (page.parent / href.partition("#")[0]).resolve()
            assert target == (built_site / "how-we-check").resolve(), (page, href)
            assert href.partition("#")[2] in defined
            badges += 1
    assert badges > 0


def test_rated_fact_check_pages_carry_claim_review(edition: Edition, built_site: Path) -> None:
    for note in edition.notes:
        page = parse(built_site / note.src_uri.removesuffix(".md") / "index.html")
        data = [json.loads(s.text()) for s in page.css('script[type="application/ld+json"]')]
        reviews = [d for d in data if d.get("@type") == "ClaimReview"]
        assert len(reviews) == (1 if note.kind == "fact-check" else 0), note.id
        canonical = one(page, "link[rel=canonical]").attributes["href"]
        assert all(r["url"] == canonical for r in reviews)
        assert one(page, "p.ed-dates").text()  # published date, or "Not yet published"


def test_file_dates_are_the_first_and_latest_commit(tmp_path: Path) -> None:
    def git(*args: str, date: str = "2026-01-01T00:00:00") -> None:
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": str(tmp_path),
               "PATH": "/usr/bin:/bin"}  # fmt: skip
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
                       cwd=tmp_path, env=env, check=True, capture_output=True)  # fmt: skip

    git("init", "-q")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes/a.md").write_text("one", encoding="utf-8")
    (tmp_path / "notes/b.md").write_text("one", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "first", date="2026-01-05T12:00:00")
    (tmp_path / "notes/a.md").write_text("two", encoding="utf-8")
    git("commit", "-qam", "second", date="2026-03-07T12:00:00")
    dates = git_history.file_dates(tmp_path, "notes")
    assert dates["notes/a.md"].first == "2026-01-05" and dates["notes/a.md"].last == "2026-03-07"
    assert dates["notes/b.md"].first == dates["notes/b.md"].last == "2026-01-05"
    assert git_history.file_dates(tmp_path / "notes", "missing") == {}


def test_branch_comes_from_edit_uri() -> None:
    assert branch_of("edit/main/docs/") == "main"
    assert branch_of("edit/trunk/docs/") == "trunk"
    assert branch_of("-/edit/develop/docs/") == "develop"
    assert branch_of("") == "main"


def test_the_dispute_link_opens_an_issue_form_that_exists(built_site: Path) -> None:
    """GitHub issue forms: name, description and body fields with unique ids."""
    root = Path(__file__).resolve().parents[2]
    method = parse(built_site / "how-we-check/index.html")
    links = [a.attributes["href"] or "" for a in method.css("a[href*='issues/new?template=']")]
    assert links, "How we check links to no dispute form"
    for link in links:
        template = root / ".github/ISSUE_TEMPLATE" / link.partition("template=")[2]
        form = yaml.safe_load(template.read_text(encoding="utf-8"))
        assert form["name"] and form["description"]
        ids = [field["id"] for field in form["body"] if "id" in field]
        assert len(ids) == len(set(ids)) >= 2
        assert all(f["type"] in {"markdown", "input", "textarea", "dropdown"} for f in form["body"])


def test_the_dispute_link_is_made_from_repo_url(built_site: Path, synthetic_root: Path) -> None:
    """The method page writes [open a dispute][dispute-form]; the address is the edition's."""
    settings = yaml.safe_load((synthetic_root / "mkdocs.yml").read_text(encoding="utf-8"))
    method = parse(built_site / "how-we-check/index.html")
    links = [a.attributes["href"] for a in method.css("#disputes ~ p a")]
    assert settings["repo_url"] + "/issues/new?template=dispute.yml" in links


def test_the_scale_log_comes_from_the_edition_data(built_site: Path) -> None:
    """docs/edition/scale-log.yml, filled in at <!-- scale-log -->: each regraded note by
    its current title, linked to its page, with its verdicts before and after."""
    method = parse(built_site / "how-we-check/index.html")
    items = method.css("#scale-log ~ ul > li")
    assert len(items) == 1
    date = items[0].css_first("strong")
    assert date is not None and date.text() == "2026-12-03."
    regrade = method.css_first("#scale-log ~ ul li li")
    assert regrade is not None
    link = regrade.css_first("a")
    assert link is not None and link.attributes["href"] == "../notes/lens-weight/"
    assert link.text() == "More than a ton with its frame, less without"
    assert "unsupported → partly supported. The lens alone is lighter" in regrade.text()
