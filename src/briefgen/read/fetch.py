"""`briefgen fetch URL...`: save web pages into the articles folder, so that build stays offline.

Each page is saved as HTML exactly as served, opened by two comment lines: the browser's own
"saved from url=" mark, and briefgen's record of the access date and the charset the server
declared. The reader takes the page's address and access date from them. Only http and https;
timeouts, a size cap, a content-type check and a limited number of redirects.
"""
from __future__ import annotations

import datetime as dt
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from ..atomic import write_atomically
from ..errors import InputError

TIMEOUT_SECONDS = 20
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "briefgen (saves a reading for a course; one request per page)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SAVED_FROM = re.compile(r"<!-- saved from url=\(\d{4}\)(?P<url>\S+?) -->")
_RECORD = re.compile(
    r"<!-- briefgen fetch: accessed (?P<accessed>\d{4}-\d\d-\d\d)(?:; charset (?P<charset>[\w.:-]+))? -->")
_NAME_CHARS = re.compile(r"[^a-z0-9]+")


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.URLError(f"redirected to a non-web address ({newurl})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, folder: Path, today: dt.date, progress: Callable[[str], None] = lambda _: None) -> Path:
    """Download `url` into `folder` as NAME.html; the path saved. Raises InputError."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError("only http:// and https:// addresses can be fetched", Path(url))
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html"})
    progress(f"fetching {url}")
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            kind = response.headers.get_content_type()
            if kind not in _HTML_TYPES:
                raise InputError(f"not a web page (the server sent {kind}); save the file itself instead", Path(url))
            charset = response.headers.get_content_charset()
            data = response.read(MAX_BYTES + 1)
            final_url = response.geturl()
    except InputError:
        raise
    except urllib.error.HTTPError as error:
        raise InputError(f"the server answered {error.code} {error.reason}", Path(url)) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise InputError(f"cannot fetch the page ({reason})", Path(url)) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"the page is larger than {MAX_BYTES // (1024 * 1024)} MB", Path(url))
    if not data.strip():
        raise InputError("the server sent an empty page", Path(url))
    target = folder / _file_name(final_url, folder)
    write_atomically(target, saved_page(data, final_url, today, charset))
    progress(f"saved {target}")
    return target


def saved_page(data: bytes, url: str, accessed: dt.date, charset: str | None) -> bytes:
    """The page's bytes opened by the two record lines (ASCII, so any ASCII-based charset holds)."""
    record = f"<!-- saved from url=({len(url):04d}){url} -->\n<!-- briefgen fetch: accessed {accessed.isoformat()}"
    record += f"; charset {charset}" if charset and re.fullmatch(r"[\w.:-]+", charset) else ""
    return (record + " -->\n").encode("ascii", errors="replace") + data


def saved_record(head: str) -> tuple[str | None, str | None, str | None]:
    """(address, access date, declared charset) from the opening lines of a saved page."""
    found = _SAVED_FROM.search(head)
    record = _RECORD.search(head)
    return (found.group("url") if found else None, record.group("accessed") if record else None,
            record.group("charset") if record else None)


def _file_name(url: str, folder: Path) -> str:
    parts = urllib.parse.urlsplit(url)
    words = [w for w in _NAME_CHARS.split(parts.path.casefold()) if w and w not in ("html", "htm", "index", "php")]
    stem = "-".join(words)[-60:].strip("-") or _NAME_CHARS.sub("-", parts.netloc.casefold()).strip("-") or "page"
    name, number = f"{stem}.html", 2
    while (folder / name).exists():
        name, number = f"{stem}-{number}.html", number + 1
    return name
