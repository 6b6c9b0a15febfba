"""`briefgen serve`: the briefing's HTML, rebuilt on every change and reloaded in the browser.

A watcher (watchfiles) follows the articles folder, briefgen.toml, the theme folder and the course
glossaries; on a change the briefing is rebuilt in this process (only changed articles are analysed
again: the rest come from the analysis cache) and every open page reloads itself. The page asks
/changes?since=N, which answers as soon as there is a newer build (a long poll: no polling delay,
no extra dependency). The PDF is made only when asked for (/briefing.pdf), and also written to the
output folder. The server listens on 127.0.0.1 only.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from .config import Settings, load_settings
from .errors import BriefgenError

HOST = "127.0.0.1"
LONG_POLL_SECONDS = 20  # a /changes request answers after this long even without a change
# watchfiles waits for a quiet spell before it reports (1.6 s by default); an editor's save is one
# burst of events well within this.
DEBOUNCE_MS = 150
STEP_MS = 50
RESTART_CHECK_MS = 500  # how long a watch waits before saying it saw nothing

RELOADER = """
<div id="briefgen-preview" style="position:fixed;top:0;right:0;z-index:9999;font:12px sans-serif;
 background:#1f3a5f;color:#fff;padding:4px 10px;border-bottom-left-radius:4px">
 briefgen preview · built {built} · <a href="/briefing.pdf" style="color:#fff">PDF</a></div>
<script>
(function () {{
  var version = {version};
  function wait() {{
    fetch("/changes?since=" + version, {{cache: "no-store"}})
      .then(function (answer) {{ return answer.json(); }})
      .then(function (news) {{ if (news.version !== version) {{ location.reload(); }} else {{ wait(); }} }})
      .catch(function () {{ setTimeout(wait, 1000); }});
  }}
  wait();
}})();
</script>
"""


@dataclass
class Options:
    folder: Path
    out_dir: Path
    config: Path | None = None
    date: dt.date | None = None
    title: str | None = None


@dataclass
class Preview:
    """The latest build of the folder, and who is waiting for the next one."""

    options: Options
    report: Callable[[str], None] = print  # where warnings and errors go (the terminal)
    version: int = 0
    html: str = ""  # the briefing's HTML, as `briefgen build --format html` writes it
    error: str | None = None  # why the last rebuild failed; the page shows it until it is fixed
    settings: Settings = field(default_factory=Settings)
    edition: dt.date = field(default_factory=dt.date.today)
    built_at: str = ""
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def rebuild(self) -> None:
        from .build import review_folder
        from .publish.assemble import assemble
        from .publish.course import earlier_explanations
        from .publish.render import render_html

        try:
            settings = load_settings(self.options.folder, self.options.config, title=self.options.title)
            edition = self.options.date or settings.date or dt.date.today()
            prepared, warnings = review_folder(self.options.folder, self.options.out_dir, edition, settings)
            briefing = assemble(prepared.digests, settings, edition, sections=prepared.sections,
                                earlier=earlier_explanations(settings.earlier_briefings))
            page = render_html(briefing, settings)
        except BriefgenError as error:
            self._publish(error=str(error))
            for line in str(error).splitlines():
                self.report(f"briefgen: error: {line}")
            return
        for warning in warnings:
            self.report(f"briefgen: warning: {warning}")
        self._publish(page=page, settings=settings, edition=edition)

    def _publish(self, page: str | None = None, error: str | None = None, settings: Settings | None = None,
                 edition: dt.date | None = None) -> None:
        with self._changed:
            if page is not None:
                self.html = page
            self.error = error
            self.settings = settings or self.settings
            self.edition = edition or self.edition
            self.built_at = time.strftime("%H:%M:%S")
            self.version += 1
            self._changed.notify_all()

    def wait_for_change(self, since: int, timeout: float = LONG_POLL_SECONDS) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.version != since, timeout=timeout)
            return self.version

    def page(self) -> str:
        """What the browser is shown: the briefing (or the error) with the reloader."""
        with self._changed:
            body = self.html if self.error is None else _error_page(self.error)
            reloader = RELOADER.format(version=self.version, built=self.built_at)
        at = body.rfind("</body>")
        return body[:at] + reloader + body[at:] if at >= 0 else body + reloader

    def pdf(self) -> tuple[bytes, Path]:
        """The PDF of the current build, also written to the output folder."""
        from .atomic import write_atomically
        from .build import output_path
        from .publish.render import render_pdf

        with self._changed:
            page, settings, edition = self.html, self.settings, self.edition
        if not page:
            raise BriefgenError("nothing built yet")
        data = render_pdf(page, settings, (self.options.folder.resolve(),), edition)
        target = output_path(self.options.out_dir, settings, edition, "pdf")
        write_atomically(target, data)
        return data, target

    def watched(self) -> list[Path]:
        """Everything a build reads: the folder (articles, briefgen.toml, glossary.yaml), and a
        settings file, theme folder and glossaries that may live elsewhere."""
        paths = [self.options.folder, self.options.config, self.settings.theme, *self.settings.glossaries]
        return list(dict.fromkeys(path.resolve() for path in paths if path is not None and path.exists()))


def _error_page(message: str) -> str:
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in message.splitlines())
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>briefgen: error</title></head>"
            f"<body style='font-family:sans-serif;margin:3em'><h1>The briefing could not be built</h1>{lines}"
            "<p>Fix it and save: this page reloads by itself.</p></body></html>")


def watch(preview: Preview, stop: threading.Event) -> None:
    """Rebuild on every change until `stop` is set; follows new theme or glossary paths."""
    import watchfiles

    out_dir = preview.options.out_dir.resolve()

    def relevant(change: watchfiles.Change, path: str) -> bool:
        # The output folder may sit inside the articles folder: its writes are no change.
        resolved = Path(path).resolve()
        return watchfiles.DefaultFilter()(change, path) and not resolved.is_relative_to(out_dir) \
            and not resolved.name.endswith(".part")

    restarted = False
    while not stop.is_set():
        paths = preview.watched()
        # yield_on_timeout: an empty first answer says the new watch is running; a change made
        # while it started (after the settings named another theme) is caught by one more build.
        for changes in watchfiles.watch(*paths, watch_filter=relevant, debounce=DEBOUNCE_MS, step=STEP_MS,
                                        stop_event=stop, raise_interrupt=False, yield_on_timeout=True,
                                        rust_timeout=RESTART_CHECK_MS):
            if not changes and not restarted:
                continue
            restarted = False
            preview.rebuild()
            if not _covered(preview.watched(), paths):
                restarted = True
                break  # the settings name a theme or glossary outside what is watched: watch it too
        else:
            return


def _covered(paths: list[Path], watched: list[Path]) -> bool:
    """Whether every path is one of `watched` or inside one (watches are recursive)."""
    return all(any(path.is_relative_to(root) for root in watched) for path in paths)


def make_server(preview: Preview, port: int) -> ThreadingHTTPServer:
    """The HTTP server of `preview` on 127.0.0.1:`port` (0: any free port)."""
    try:
        server = ThreadingHTTPServer((HOST, port), _handler(preview))
    except OSError as error:
        raise BriefgenError(f"cannot listen on {HOST}:{port} ({error.strerror or error}); "
                            "choose another port with --port") from None
    server.daemon_threads = True
    return server


def _handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            if url.path in ("/", "/index.html"):
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", preview.page().encode("utf-8"))
            elif url.path == "/changes":
                since = parse_qs(url.query).get("since", ["-1"])[0]
                version = preview.wait_for_change(int(since) if since.lstrip("-").isdigit() else -1)
                self._send(HTTPStatus.OK, "application/json", json.dumps({"version": version}).encode())
            elif url.path == "/briefing.pdf":
                self._send_pdf()
            else:
                self._send_theme_file(url.path)

        def _send_pdf(self) -> None:
            try:
                data, target = preview.pdf()
            except BriefgenError as error:
                self._send(HTTPStatus.CONFLICT, "text/plain; charset=utf-8", str(error).encode("utf-8"))
                return
            preview.report(f"PDF written: {target.resolve()}")
            self._send(HTTPStatus.OK, "application/pdf", data)

        def _send_theme_file(self, path: str) -> None:
            """Fonts and images a theme's CSS names with a relative URL come from the theme folder."""
            from .publish.render import builtin_theme_dir

            roots = [root.resolve() for root in (preview.settings.theme, builtin_theme_dir()) if root]
            for root in roots:
                candidate = (root / path.lstrip("/")).resolve()
                if candidate.is_relative_to(root) and candidate.is_file():
                    self._send(HTTPStatus.OK, "application/octet-stream", candidate.read_bytes())
                    return
            self._send(HTTPStatus.NOT_FOUND, "text/plain", b"not found")

        def _send(self, status: HTTPStatus, kind: str, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the terminal shows rebuilds and problems, not every request

    return Handler


def run(preview: Preview, port: int, on_ready: Callable[[str], None]) -> None:
    """Build, then serve and watch until Ctrl-C."""
    preview.rebuild()
    server = make_server(preview, port)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(preview, stop), name="briefgen-watch", daemon=True)
    watcher.start()
    on_ready(f"http://{HOST}:{server.server_address[1]}/")
    try:
        server.serve_forever()
    finally:
        stop.set()
        server.server_close()
        watcher.join(timeout=5)
