"""Contributed text never runs in a reader's browser: refuse markup at check time, sanitize anyway.

Every note and term comes from a stranger's pull request. ``body_problems`` reads a
body the way the site will: with the real Markdown parser (raw HTML found in its
HTML stash, even when a tag spans lines) and then a real HTML parser over the
rendered result (headings, links and attributes that reference-style links or
``{: ...}`` attribute lists produce). ``clean_html`` is the defence in depth: the
Ammonia allow-list (nh3) over everything rendered from contributed Markdown, with
links limited to http, https, mailto and the site itself.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder
from markdown.extensions.toc import slugify as toc_slugify

from scripts.problems import Problem
from scripts.security import policy

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
        "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ins", "kbd", "li", "mark", "ol", "p",
        "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
# No contributed id, class or data attribute: ids only on headings (their own address, never
# a reserved one), classes only those the compiler writes (policy.COMPILER_CLASSES).
GENERIC_ATTRIBUTES = frozenset({"title", "lang"})
TAG_ATTRIBUTES = {
    "a": {"href", "hreflang", "rel"},
    "details": {"open"},
    "ol": {"start"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan"},
    **{f"h{n}": {"id"} for n in range(2, 7)},
}
# Element names, to tell markup (<img ...>) from text that merely has angle brackets (Vec<T>).
HTML_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "address",
        "area",
        "article",
        "aside",
        "audio",
        "b",
        "base",
        "bdi",
        "bdo",
        "blockquote",
        "body",
        "br",
        "button",
        "canvas",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "data",
        "datalist",
        "dd",
        "del",
        "details",
        "dfn",
        "dialog",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "i",
        "iframe",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "legend",
        "li",
        "link",
        "main",
        "map",
        "mark",
        "math",
        "menu",
        "meta",
        "meter",
        "nav",
        "noscript",
        "object",
        "ol",
        "optgroup",
        "option",
        "output",
        "p",
        "param",
        "picture",
        "portal",
        "pre",
        "progress",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "script",
        "search",
        "section",
        "select",
        "slot",
        "small",
        "source",
        "span",
        "strong",
        "style",
        "sub",
        "summary",
        "sup",
        "svg",
        "table",
        "tbody",
        "td",
        "template",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "time",
        "title",
        "tr",
        "track",
        "u",
        "ul",
        "var",
        "video",
        "wbr",
        "xmp",
        "marquee",
        "plaintext",
        "image",
    ]
)


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id" and not policy.contributed_heading_id(tag, value):
        return None
    return value


def clean_html(html: str) -> str:
    """HTML rendered from contributed Markdown, through the allow-list; unsafe links lose href."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={
            tag: set(TAG_ATTRIBUTES.get(tag, ())) | set(policy.COMPILER_ATTRIBUTES.get(tag, ()))
            for tag in {*TAG_ATTRIBUTES, *policy.COMPILER_ATTRIBUTES}
        }
        | {"*": set(GENERIC_ATTRIBUTES)},
        attribute_filter=_keep_attribute,
        allowed_classes={tag: set(names) for tag, names in policy.COMPILER_CLASSES.items()},
        url_schemes=set(SAFE_SCHEMES),
        link_rel=None,
        filter_style_properties={"text-align"},
        strip_comments=True,
    )


SCRIPT_TAGS = frozenset(
    {"script", "iframe", "frame", "object", "embed", "style", "svg", "math", "base", "link", "meta"}
)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcset"})


def script_markup(html: str) -> list[str]:
    """What in a generated page's HTML could run script: an element that runs or loads code,
    an event attribute, or a link whose scheme is not http, https or mailto. The compiler
    refuses a page with any (values interpolated into it are escaped or strictly patterned,
    so this never happens unless one of those rules breaks)."""
    found = []
    for tag, attrs, text in _parse(html).tags:
        if tag in SCRIPT_TAGS:
            found.append(text)
        for name, value in attrs:
            if name.startswith("on") or (
                name in URL_ATTRIBUTES and value is not None and not is_safe_url(value)
            ):
                found.append(f"{name}={value!r}")
    return found


def page_title(text: str) -> str:
    """A one-line text for the theme's places that print it as HTML: the header prints it
    as it is, <title> after unescaping it, <meta content="..."> inside quotes. Angle
    brackets become single guillemets so that no reading of it is markup; & and quotes are
    escaped."""
    plain = html.unescape(text).replace("<", "\u2039").replace(">", "\u203a")
    return html.escape(plain, quote=False).replace('"', "&quot;")


class _Markup(HTMLParser):
    """Collects what an HTML parser sees in a fragment: tags with attributes, comments, ..."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]], str]] = []
        self.other: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs, self.get_starttag_text() or f"<{tag}>"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in HTML_ELEMENTS:
            self.other.append(f"</{tag}>")

    def handle_comment(self, data: str) -> None:
        self.other.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.other.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.other.append(f"<?{data}>")


def _parse(html: str) -> _Markup:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser


def is_plain_text(value: object) -> bool:
    """False when an HTML parser finds markup: an element, any attribute, a comment."""
    if not isinstance(value, str) or "<" not in value:
        return True
    found = _parse(value)
    return not found.other and not any(
        tag in HTML_ELEMENTS or attrs for tag, attrs, _ in found.tags
    )


def url_scheme(url: str) -> str:
    """The scheme a browser would read (it ignores tabs, newlines and leading spaces)."""
    squeezed = re.sub(r"[\x00-\x20]", "", url).lower()
    match = re.match(r"^([a-z][a-z0-9+.\-]*):", squeezed)
    return match.group(1) if match else ""


def is_safe_url(url: str) -> bool:
    return url_scheme(url) in SAFE_SCHEMES | {""}


class _RecordingAttrList(AttrListTreeprocessor):
    """attr_list as the build runs it, remembering each attribute list it applies."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.seen: list[str] = []

    def assign_attrs(self, elem: Element, attrs_string: str, *, strict: bool = False) -> str:
        self.seen.append(attrs_string)
        return super().assign_attrs(elem, attrs_string, strict=strict)


def contributed_markdown() -> markdown.Markdown:
    """The one Markdown configuration for contributed text (``policy.CONTRIBUTED_MARKDOWN``)."""
    names, configs = policy.contributed_markdown_extensions()
    return markdown.Markdown(extensions=names, extension_configs=configs)


_CORE = markdown.Markdown()
_SITE = contributed_markdown()
_ATTR_LISTS = _RecordingAttrList(_SITE)
_SITE.treeprocessors.register(_ATTR_LISTS, "attr_list", 8)


def _line_of(body: str, needle: str, start_line: int) -> int:
    """The line of ``body`` where ``needle`` first appears (the body's first line if nowhere)."""
    index = body.find(needle.strip()[:40]) if needle.strip() else -1
    return start_line + (body.count("\n", 0, index) if index >= 0 else 0)


HEADING_LINE = re.compile(r"^(#{1,6}\s|\S.*\n(=+|-+)[ \t]*$)", re.MULTILINE)
FIX_HTML = "write plain Markdown; the build adds all the markup the site needs"


def body_problems(path: str, body: str, first_line: int, *, headings: bool) -> list[Problem]:
    """Raw HTML, script links, event attributes (and, unless allowed, headings) in a body."""
    problems: list[Problem] = []
    _CORE.reset().convert(body)
    lines_with_html: set[int] = set()
    raw_tags: set[str] = set()
    for chunk in _CORE.htmlStash.rawHtmlBlocks:  # raw HTML, block or inline, as Markdown sees it
        text = str(chunk)
        if text.startswith("&"):  # character references are stashed too: not markup
            continue
        found = _parse(text)
        raw_tags.update(tag_text for _, _, tag_text in found.tags)
        line = _line_of(body, text, first_line)
        if line in lines_with_html:  # one message a line: <b>, not <b> and </b>
            continue
        lines_with_html.add(line)
        shown = found.tags[0][2] if found.tags else (found.other or [text])[0]
        problems.append(
            Problem(path, line, f"raw HTML '{' '.join(shown.split())}' in the text", FIX_HTML)
        )
    _ATTR_LISTS.seen.clear()
    rendered = _parse(_SITE.reset().convert(body))
    problems += _attribute_list_problems(path, body, first_line, _ATTR_LISTS.seen)
    for tag, attrs, tag_text in rendered.tags:
        if tag_text in raw_tags:  # already refused as raw HTML
            continue
        for name, value in attrs:
            if name == "id" and value is not None and value.startswith("fnref"):
                label = re.search(r"\[\^[^\]\s]*\]", body)
                shown = label.group(0) if label else "[^...]"
                problems.append(
                    Problem(
                        path,
                        _line_of(body, shown, first_line),
                        f"a footnote ('{shown}') in the text",
                        "write it as a sentence of the text; the note is itself the essay's "
                        "footnote",
                    )
                )
            elif (
                name == "id"
                and value is not None
                and re.fullmatch(r"h[1-6]", tag)
                and policy.is_reserved_id(value)
            ):
                problems.append(
                    Problem(
                        path,
                        _heading_line(body, value, first_line),
                        f"a heading would take the address '#{value}', which the site uses "
                        "for its own part of the page",
                        "word the heading differently",
                    )
                )
            if name.startswith("on"):
                problems.append(
                    Problem(
                        path,
                        _line_of(body, name, first_line),
                        f"the attribute '{name}' would run a script",
                        "remove the '{: ...}' attribute list; the site styles the text itself",
                    )
                )
            elif name in ("href", "src") and value is not None and not is_safe_url(value):
                problems.append(
                    Problem(
                        path,
                        _line_of(body, value, first_line),
                        f"the link to '{value}' uses the scheme '{url_scheme(value)}:', which "
                        "the site does not allow",
                        "link only to http://, https:// or mailto: addresses, or to a page of "
                        "this site",
                    )
                )
        if not headings and re.fullmatch(r"h[1-6]", tag):
            match = HEADING_LINE.search(body)
            line = first_line + body.count("\n", 0, match.start()) if match else first_line
            problems.append(
                Problem(
                    path,
                    line,
                    "a note has no headings",
                    "write the heading's words as the first sentence of a paragraph; the "
                    "note's page takes its heading from 'title'",
                )
            )
    return sorted(set(problems))


def _heading_line(body: str, slug: str, first_line: int) -> int:
    """The line of the heading whose address (made by the toc extension) is ``slug``."""
    for offset, line in enumerate(body.split("\n")):
        if line.startswith("#") and toc_slugify(line.strip("# \t"), "-") == slug:
            return first_line + offset
    return first_line


def _attribute_list_problems(
    path: str, body: str, first_line: int, seen: list[str]
) -> list[Problem]:
    """Attribute lists (``{: ...}``) may give only the named set (policy.CONTRIBUTED_ATTRIBUTES)."""
    problems = []
    for attrs_string in seen:
        attrs, _ = get_attrs_and_remainder(attrs_string)
        for name, value in attrs:
            if name in policy.CONTRIBUTED_ATTRIBUTES or name.lower().startswith("on"):
                continue  # event attributes have their own message, from the rendered HTML
            what = (
                f"the id '#{value}'"
                if name == "id"
                else f"the class '.{value}'"
                if name == "."
                else f"the attribute '{name}'"
            )
            problems.append(
                Problem(
                    path,
                    _line_of(body, attrs_string, first_line),
                    f"an attribute list gives {what}, which contributed text may not have",
                    "remove it; an attribute list may give only a language, such as "
                    "'{: lang=\"fr\" }', and the site adds every id and class itself",
                )
            )
    return problems
