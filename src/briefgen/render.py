"""Render stage: a Briefing becomes HTML (Jinja2 theme), then PDF (WeasyPrint) or JSON.

Themes are looked up on a search path: the course theme folder first, then the built-in theme,
which stays reachable as "!default/<name>" so a course template can extend the default one and
override a single block. Article text is always autoescaped; nothing is fetched from the network.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
import os
from contextlib import contextmanager
from dataclasses import asdict
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import unquote, urlparse

import jinja2

from .atomic import write_atomically
from .config import Settings
from .errors import ThemeError
from .model import Briefing

READING_WORDS_PER_MINUTE = 200
BRIEFING_TEMPLATE = "briefing.html"


@lru_cache(maxsize=1)
def builtin_theme_dir() -> Path:
    """The default theme: shipped inside the package, or templates/ of a source checkout."""
    packaged = Path(str(files("briefgen") / "templates"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


def make_environment(theme: Path | None) -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(builtin_theme_dir())
    search = [jinja2.FileSystemLoader(theme)] if theme else []
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.PrefixLoader({"!default": builtin}), *search, builtin]),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["long_date"] = long_date
    environment.filters["reading_minutes"] = reading_minutes
    return environment


def long_date(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "date unknown"


def reading_minutes(words: int) -> int:
    return max(1, math.ceil(words / READING_WORDS_PER_MINUTE))


def render_html(briefing: Briefing, settings: Settings) -> str:
    environment = make_environment(settings.theme)
    try:
        template = environment.get_template(BRIEFING_TEMPLATE)
        return template.render(briefing=briefing, settings=settings, paper=settings.paper)
    except jinja2.TemplateSyntaxError as error:
        raise ThemeError(f"template error: {error.message}", error.filename or error.name, error.lineno) from None
    except jinja2.TemplateNotFound as error:
        raise ThemeError(f"template not found: {error.name}") from None
    except jinja2.UndefinedError as error:
        raise ThemeError(f"template uses an unknown name: {error.message}") from None


def render_pdf(html: str, settings: Settings, allowed_roots: tuple[Path, ...], edition: dt.date | None = None) -> bytes:
    """PDF bytes for `html`; only files under `allowed_roots` (theme, inputs) may be loaded."""
    from weasyprint import HTML

    theme_root = settings.theme or builtin_theme_dir()
    document = HTML(string=html, base_url=str(theme_root) + "/", url_fetcher=_local_fetcher((theme_root, *allowed_roots)))
    # The identifier comes from the content, so the same briefing gives the same PDF bytes.
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    with _fixed_clock(edition):
        return document.write_pdf(
            pdf_identifier=identifier,
            pdf_variant=settings.pdf_variant,
            pdf_tags=bool(settings.pdf_variant and "ua" in settings.pdf_variant),
        )


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
    from weasyprint.urls import URLFetcher

    resolved_roots = tuple(root.resolve() for root in roots)

    class LocalFileFetcher(URLFetcher):
        """Serves data: URLs and files inside the theme and input folders; refuses everything else."""

        def fetch(self, url: str, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if any(path.is_relative_to(root) for root in resolved_roots):
                    return super().fetch(url, headers)
            raise ValueError(f"briefgen does not load external resources: {url}")

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
    target.mkdir(parents=True, exist_ok=True)
    for source in sources:
        write_atomically(target / source.name, source.read_bytes())
    return [target / p.name for p in sources]
