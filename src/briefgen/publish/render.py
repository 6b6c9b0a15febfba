"""Render stage: a Briefing becomes HTML (Jinja2 theme), then PDF (WeasyPrint) or JSON.

Themes are looked up on a search path: the course theme folder first, then the built-in theme,
which stays reachable as "!default/<name>" so a course template can extend the default one and
override a single block. Article text is always autoescaped; nothing is fetched from the network.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import math
import mimetypes
import os
import re
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import asdict
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import jinja2
from markupsafe import Markup

from ..analyse.headline import DERIVED_ORIGINS
from ..atomic import write_atomically
from ..config import Settings
from ..errors import ThemeError
from ..model import Article, Briefing
from ..paths import resolves_inside
from ..timelimit import TimeLimitReached, time_limited
from .sandbox import ThemeEnvironment, ThemeLoader
from .typeset import NO_BREAK_SPACE, typeset_markup

READING_WORDS_PER_MINUTE = 200
BRIEFING_TEMPLATE = "briefing.html"
LOGO_NAMES = ("logo.svg", "logo.png", "logo.jpg", "logo.jpeg")  # looked for in the course theme folder
RENDER_SECONDS = 120  # the templates of a theme, for the HTML of a whole briefing
RUNNING_TITLE_LIMIT = 60  # characters of a headline that fit the running header


@lru_cache(maxsize=1)
def builtin_theme_dir() -> Path:
    """The default theme: shipped inside the package, or templates/ of a source checkout."""
    packaged = Path(str(files("briefgen") / "templates"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def make_environment(theme: Path | None) -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(builtin_theme_dir())
    search = [ThemeLoader(theme)] if theme else []
    environment = ThemeEnvironment(
        loader=jinja2.ChoiceLoader([jinja2.PrefixLoader({"!default": builtin}), *search, builtin]),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(long_date=long_date, reading_minutes=reading_minutes, plural=plural,
                               short_title=short_title, cited_title=cited_title, term_id=term_id, use_id=use_id,
                               css_string=css_string,
                               prose=prose, gist=gist, quote_end=quote_end, fragment=is_fragment)
    return environment


def gist(definition: str) -> str:
    """The first sentence of a glossary definition: what a one-line entry of the back glossary says."""
    from ..analyse.sentences import split_sentences  # only briefings with one-line entries need it

    sentences = split_sentences(str(definition))
    return sentences[0] if sentences else str(definition)


def long_date(value: dt.date | None, breakable: bool = False) -> str:
    """"5 December 2026", the day and month held on one line unless `breakable` (for metadata)."""
    return f"{value.day}{' ' if breakable else NO_BREAK_SPACE}{value:%B %Y}" if value else "date unknown"


@jinja2.pass_context
def prose(context: jinja2.runtime.Context, text: str, number: int | None = None, part: str = "", item: int = 0,
          hyphenate: bool = True) -> Markup:
    """Printed text, typeset for the briefing's language (hyphenation unless `hyphenate` is false, as
    for headlines, non-breaking spaces). Given where it stands (article `number`, `part` "title",
    "summary" or "quote", `item`), the first printed words of each term without a box are wrapped in
    the span the glossary points at."""
    anchors = [(use.start, use.end, use_id(use.term)) for use in context["briefing"].term_uses
               if number is not None and (use.article + 1, use.part, use.item) == (number, part, item)]
    return typeset_markup(str(text), context["settings"].language if hyphenate else None, anchors)


_OPEN_END = re.compile(r"[\s,;:—–-]+$")


def quote_end(quote: str) -> str:
    """A quotation's end as a box prints it: never on the comma of '"...," she said', but with a
    full stop where the sentence goes on. Only the end changes, so offsets into the quotation hold."""
    text = str(quote).rstrip()
    return _OPEN_END.sub("", text) + "." if _OPEN_END.search(text) else text


def is_fragment(quote: str) -> bool:
    """Whether a quotation starts mid-sentence, in lower case: the box prints an ellipsis before it."""
    return str(quote).lstrip()[:1].islower()


def reading_minutes(words: int) -> int:
    return max(1, math.ceil(words / READING_WORDS_PER_MINUTE))


def plural(count: int) -> str:
    return "" if count == 1 else "s"


SOURCE_OPENING_LIMIT = 48  # the opening words that identify an untitled article: about half a line


def short_title(title: str, limit: int = RUNNING_TITLE_LIMIT) -> str:
    """A headline short enough for the running header: its first clause, or cut at a word."""
    title = " ".join(str(title).split())
    if len(title) <= limit:
        return title
    clause = re.search(r"^(.{20,}?)(?::|,|;| [-–—]) ", title[:limit])
    if clause:
        return clause.group(1)
    return cut_at_word(title, limit)


def cited_title(article: Article) -> str:
    """How the Sources list names an article: its own headline in quotation marks; a page that had none
    is cited as untitled, by the words it opens with, as a bibliography describes an untitled work
    (the headline briefgen made from its first sentence is not the writer's title)."""
    if not article.title:
        return ""
    if article.origin("title") in DERIVED_ORIGINS:
        return f"Untitled, beginning “{cut_at_word(article.title, SOURCE_OPENING_LIMIT)}”."
    return f"“{article.title}.”"


def cut_at_word(text: str, limit: int) -> str:
    """`text` up to `limit` characters, cut at a word and marked as cut."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit].rstrip(" ,;:-–—") + "…"


def term_id(term: str) -> str:
    """The HTML id of a term's context box (the glossary's page references point at it)."""
    return "term-" + (re.sub(r"[^a-z0-9]+", "-", term.casefold()).strip("-") or "x")


def use_id(term: str) -> str:
    """The HTML id of the first printed words of a term that has no box."""
    return "use-" + term_id(term).removeprefix("term-")


def css_string(value: object) -> Markup:
    """`value` as a quoted CSS string, safe inside a <style> element."""
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\<>&' or not c.isprintable() else c for c in str(value))
    return Markup(f'"{escaped}"')


def template_context(briefing: Briefing, settings: Settings) -> dict:
    """The variables every template sees (documented in the README: they are the theme's interface)."""
    boxed = {term.term for digest in briefing.digests for term in digest.terms}
    return {
        "briefing": briefing,
        "settings": settings,
        "paper": settings.paper,
        "logo": theme_logo(settings.theme),
        "first_use": {term: index + 1 for term, index in briefing.first_use},
        "boxed_terms": boxed,
        "printed_terms": {use.term: use.article + 1 for use in briefing.term_uses},
    }


def theme_logo(theme: Path | None) -> str | None:
    """The theme folder's logo as a data: URL (so the standalone HTML carries it too), or None."""
    if theme is None:
        return None
    for name in LOGO_NAMES:
        path = theme / name
        if path.is_file() and resolves_inside(path, theme):
            kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return f"data:{kind};base64," + base64.b64encode(path.read_bytes()).decode("ascii")
    return None


def render_html(briefing: Briefing, settings: Settings) -> str:
    environment = make_environment(settings.theme)
    try:
        template = environment.get_template(BRIEFING_TEMPLATE)
        with time_limited(RENDER_SECONDS):
            return template.render(template_context(briefing, settings))
    except TimeLimitReached:
        raise ThemeError(f"the theme's templates took more than {RENDER_SECONDS} s to render (a loop without end?)",
                         settings.theme or builtin_theme_dir()) from None
    except jinja2.TemplateSyntaxError as error:
        raise ThemeError(f"template error: {error.message}", error.filename or error.name, error.lineno) from None
    except Exception as error:  # a template failing while it renders: name the template file and line
        where = _template_frame(error, settings.theme)
        if where is None:
            raise
        if isinstance(error, jinja2.TemplateNotFound):
            message = f"template not found: {error.name}"
        elif isinstance(error, jinja2.UndefinedError):
            message = f"template uses an unknown name: {error.message}"
        elif isinstance(error, RecursionError):
            # A course template found under its own name ({% extends "article.html" %} in
            # article.html) loads itself without end; the default one has its own name.
            name = Path(where[0]).name
            message = (f"template extends or includes itself; to build on the default one, write "
                       f'{{% extends "!default/{name}" %}}')
        else:
            message = f"template error: {type(error).__name__}: {error}"
        raise ThemeError(message, *where) from None


def _template_frame(error: BaseException, theme: Path | None) -> tuple[str, int] | None:
    """(file, line) of the innermost template frame in `error`'s traceback (Jinja rewrites
    template frames to carry the template's own file name and line number)."""
    folders = [str(folder.resolve()) for folder in (theme, builtin_theme_dir()) if folder]
    found = None
    traceback = error.__traceback__
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if any(os.path.realpath(filename).startswith(folder + os.sep) for folder in folders):
            found = (filename, traceback.tb_lineno)
        traceback = traceback.tb_next
    return found


# Space before a block's end tag is invisible, but WeasyPrint 70 then sometimes sets the last
# syllables of a hyphenated word on a line of their own ("in-" / "spec-" / "tions"); dropping it
# before layout avoids that.
_BLOCK_END_SPACE = re.compile(r"\s+(</(?:p|li|dd|dt|div|h[1-6]|blockquote|footer|section|aside|article|td|th)>)")


def layout_pdf(html: str, settings: Settings, allowed_roots: tuple[Path, ...]):
    """WeasyPrint's laid-out document of `html` (its pages, ready to write); only files under
    `allowed_roots` (theme, inputs) may be loaded."""
    from weasyprint import HTML

    theme_root = settings.theme or builtin_theme_dir()
    roots = (theme_root, builtin_theme_dir(), *allowed_roots)
    document = HTML(string=_BLOCK_END_SPACE.sub(r"\1", html), base_url=str(theme_root) + "/",
                    url_fetcher=_local_fetcher(roots))
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return document.render()


def page_count(html: str, settings: Settings, allowed_roots: tuple[Path, ...]) -> int:
    """How many pages `html` takes as a PDF (for the page budget)."""
    return len(layout_pdf(html, settings, allowed_roots).pages)


def render_pdf(html: str, settings: Settings, allowed_roots: tuple[Path, ...], edition: dt.date | None = None,
               document=None) -> bytes:
    """PDF bytes for `html`, from its `document` when layout_pdf() has made it already."""
    # The identifier comes from the content, so the same briefing gives the same PDF bytes.
    identifier = hashlib.sha256(_BLOCK_END_SPACE.sub(r"\1", html).encode("utf-8")).hexdigest()[:32].encode("ascii")
    # A PDF variant brings its own defaults (PDF/UA and PDF/A-…a are tagged); pdf_tags=None lets them apply.
    with _fixed_clock(edition):
        document = document or layout_pdf(html, settings, allowed_roots)
        return document.write_pdf(
            pdf_identifier=identifier,
            pdf_variant=settings.pdf_variant,
            pdf_tags=None if settings.pdf_variant else False,
        )


def box_pages(anchors: Mapping[str, int], briefing: Briefing) -> tuple[tuple[str, int], ...]:
    """(term, page) of each context box, from the `anchors` (HTML id: PDF page) of the laid-out
    briefing; the briefing's JSON keeps them so a later week can print "explained in week 3: p. 4"."""
    ids = {term_id(term.term): term.term for digest in briefing.digests for term in digest.terms}
    pages = {ids[anchor]: page for anchor, page in anchors.items() if anchor in ids}
    return tuple(sorted(pages.items(), key=lambda item: (item[1], item[0])))


def page_fill(document) -> list[float]:
    """For each page of a laid-out document, the share of its text area that content reaches down
    to (1.0: filled to the bottom margin); tests and benchmarks/layout.py use it to find pages
    left mostly empty."""
    from weasyprint.formatting_structure import boxes

    shares = []
    for page in document.pages:
        page_box = page._page_box  # WeasyPrint keeps the laid-out boxes here; there is no public accessor
        top = page_box.content_box_y()
        bottom = top
        for child in page_box.children:
            if isinstance(child, boxes.MarginBox):
                continue  # running header and footer
            for box in child.descendants():
                drawn = isinstance(box, (boxes.LineBox, boxes.ReplacedBox)) or (
                    isinstance(box, boxes.BlockBox) and box.style["border_bottom_width"])
                if drawn:
                    bottom = max(bottom, box.border_box_y() + box.border_height())
        shares.append((bottom - top) / page_box.height)
    return shares


@contextmanager
def _fixed_clock(edition: dt.date | None):
    """Font subsetting (fontTools) stamps fonts with the current time unless SOURCE_DATE_EPOCH is
    set; pinning it to the edition date makes the same briefing give the same PDF bytes."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.combine(edition or dt.date(2000, 1, 1), dt.time(), tzinfo=dt.timezone.utc)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def _local_fetcher(roots: tuple[Path, ...]):
    """A WeasyPrint URL fetcher that serves data: URLs and the files under `roots`, nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    resolved_roots = tuple(root.resolve() for root in roots)

    class LocalFileFetcher(URLFetcher):
        """Reads allowed files itself (no urllib handler, no host lookup); refuses every other URL."""

        def fetch(self, url: str, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file" and parsed.netloc in ("", "localhost"):
                path = Path(url2pathname(parsed.path)).resolve()
                if any(path.is_relative_to(root) for root in resolved_roots) and path.is_file():
                    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
            raise ValueError(f"briefgen loads only theme and input files, not {url}")

    return LocalFileFetcher(allowed_protocols=("file", "data"))


def briefing_json(briefing: Briefing) -> str:
    """The whole briefing as JSON, for debugging, golden tests and course websites."""
    return json.dumps(asdict(briefing), default=_json_default, ensure_ascii=False, indent=2) + "\n"


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return value.name
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def init_theme(target: Path) -> list[Path]:
    """Copy the built-in theme into `target` for editing; never overwrites an existing file."""
    sources = sorted(p for p in builtin_theme_dir().iterdir() if p.is_file())
    existing = [target / p.name for p in sources if (target / p.name).exists()]
    if existing:
        raise ThemeError("would overwrite an existing file; choose an empty folder", existing[0])
    if target.exists() and not target.is_dir():
        raise ThemeError("is a file, not a folder; choose a folder for the theme", target)
    try:
        target.mkdir(parents=True, exist_ok=True)
        for source in sources:
            write_atomically(target / source.name, source.read_bytes())
    except OSError as error:  # a read-only disk, a file on the way, no permission
        raise ThemeError(f"cannot write the theme ({error.strerror or error})", error.filename or target) from None
    return [target / p.name for p in sources]
