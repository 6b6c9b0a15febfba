"""While rendering, WeasyPrint may read only theme and input files: no other file, no network.

Python's audit hooks see every file opened and every socket used, whoever asks for it, so these
tests do not depend on how the fetcher is written.
"""
import datetime as dt
import sys
from pathlib import Path

import pytest

from briefgen.build import build
from briefgen.config import Settings
from briefgen.publish.render import _local_fetcher, render_html, render_pdf
from test_render import EDITION, make_briefing

_events: list[tuple[str, str]] | None = None


def _audit(event: str, args: tuple) -> None:
    if _events is not None and (event == "open" or event.startswith(("socket.", "urllib."))):
        _events.append((event, str(args[0]) if args else ""))


sys.addaudithook(_audit)  # hooks cannot be removed; it records only inside `recorded()`


@pytest.fixture
def recorded():
    """The (event, argument) pairs audited while the test runs."""
    global _events
    _events = []
    try:
        yield _events
    finally:
        _events = None


# Events of a connection or a name lookup (a library probing for IPv6 support binds a local
# socket at import time: that is no request, so socket.__new__ and socket.bind are not listed).
NETWORK_EVENTS = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                  "socket.sendto", "socket.sendmsg", "urllib.Request")


def assert_untouched(events, *paths: Path) -> None:
    requests = [e for e in events if e[0] in NETWORK_EVENTS and not e[1].startswith(("data:", "file:"))]
    assert not requests, "network access attempted"
    opened = {Path(arg).resolve() for event, arg in events if event == "open" and arg.startswith("/")}
    for path in paths:
        assert path.resolve() not in opened, f"{path} was read"


@pytest.fixture
def folders(tmp_path):
    """An inputs folder, a theme folder, and a secret file next to them (outside both)."""
    inputs, theme = tmp_path / "inputs", tmp_path / "theme"
    inputs.mkdir()
    theme.mkdir()
    (inputs / "allowed.css").write_text("p { color: black; }")
    (theme / "font.css").write_text("h1 { color: black; }")
    secret = tmp_path / "secret.css"
    secret.write_text("p { color: red; }")
    (theme / "link.css").symlink_to(secret)  # a link inside the theme to a file outside it
    return inputs, theme, secret


def test_fetcher_serves_only_files_under_its_roots(folders, recorded):
    inputs, theme, secret = folders
    fetch = _local_fetcher((inputs, theme))
    assert fetch(f"file://{inputs}/allowed.css").read() == b"p { color: black; }"
    assert fetch(f"file://{theme}/font.css?v=2").read() == b"h1 { color: black; }"
    assert fetch("data:text/css,p%7B%7D").read() == b"p{}"
    refused = [f"file://{secret}", f"file://{theme}/../secret.css", f"file://{theme}/link.css",
               "file:///etc/passwd", f"file://example.org{inputs}/allowed.css",  # a host: no lookup either
               "http://example.org/a.css", "https://example.org/a.png", "ftp://example.org/a"]
    for url in refused:
        with pytest.raises(ValueError, match="loads only theme and input files"):
            fetch(url)
    assert_untouched(recorded, secret, Path("/etc/passwd"))


def test_render_reads_no_outside_file_and_uses_no_network(folders, recorded):
    inputs, theme, secret = folders
    html = (f'<html><head><link rel="stylesheet" href="file://{inputs}/allowed.css">'
            f'<link rel="stylesheet" href="file://{secret}"><link rel="stylesheet" href="http://example.org/a.css">'
            '<style>@import url("https://example.org/b.css"); '
            '@font-face { font-family: X; src: url(https://example.org/x.woff2) }</style>'
            '</head><body><p>x</p><img src="file:///etc/passwd"><img src="https://example.org/tracker.png">'
            '<img src="../secret.css"></body></html>')
    render_pdf(html, Settings(theme=theme), (inputs,))
    assert_untouched(recorded, secret, Path("/etc/passwd"))
    assert (inputs / "allowed.css").resolve() in {Path(a).resolve() for e, a in recorded if e == "open"}


def test_a_course_theme_referring_to_remote_or_outside_files_gets_nothing(folders, recorded):
    _, theme, secret = folders
    (theme / "extra.css").write_text(
        '@import url("http://example.org/theme.css");\n'
        ".masthead { background: url(https://example.org/banner.png); }\n"
        ".kicker { background: url(../secret.css); }\n"
        ".headline { background: url(file:///etc/passwd); }\n")
    (theme / "briefing.html").write_text(
        '{% extends "!default/briefing.html" %}'
        '{% block masthead %}<img src="https://example.org/logo.png"><img src="/etc/passwd">{{ super() }}{% endblock %}')
    settings = Settings(theme=theme)
    render_pdf(render_html(make_briefing(), settings), settings, (), EDITION)
    assert_untouched(recorded, secret, Path("/etc/passwd"))


def test_an_html_article_with_outside_images_builds_without_touching_them(tmp_path, recorded):
    inputs = tmp_path / "week"
    inputs.mkdir()
    (inputs / "article.html").write_text(
        "<html><head><title>Inspectors return to the fictional northern test site</title></head><body><article>"
        "<h1>Inspectors return to the fictional northern test site</h1>"
        '<img src="file:///etc/passwd"><img src="https://example.org/tracker.png">'
        "<p>Inspectors from an international monitoring body returned on Thursday to a fictional test site "
        "in the north after a pause of two years, officials said.</p>"
        "<p>Their visit is part of the verification arrangements of the fictional Lakeside Accord, which both "
        "sides extended in March after long talks.</p></article></body></html>")
    result = build(inputs, tmp_path / "out", dt.date(2024, 6, 1), Settings(), ["pdf"], use_cache=False)
    assert result.outputs and not result.warnings
    assert_untouched(recorded, Path("/etc/passwd"))
