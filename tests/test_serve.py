"""briefgen serve, on 127.0.0.1: a file change, then a rebuild, then the new text in the served page."""
import datetime as dt
import json
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from briefgen.preview import Options, Preview, make_server, watch

WAIT = 30  # seconds a change may take to show, at most (a loaded machine); it usually takes well under one


@pytest.fixture
def served(article_folder, tmp_path):
    preview = Preview(Options(article_folder, tmp_path / "out", date=dt.date(2024, 6, 1)), report=lambda line: None)
    preview.rebuild()
    server = make_server(preview, 0)
    stop = threading.Event()
    threads = [threading.Thread(target=server.serve_forever, daemon=True),
               threading.Thread(target=watch, args=(preview, stop), daemon=True)]
    for thread in threads:
        thread.start()
    site = Site(f"http://127.0.0.1:{server.server_address[1]}", preview, article_folder)
    site.wait_until_watching()
    yield site
    stop.set()
    server.shutdown()
    server.server_close()
    for thread in threads:
        thread.join(timeout=10)


class Site:
    def __init__(self, url: str, preview: Preview, folder: Path):
        self.url, self.preview, self.folder = url, preview, folder

    def get(self, path: str = "/") -> bytes:
        with urllib.request.urlopen(self.url + path, timeout=WAIT) as answer:
            return answer.read()

    def page(self) -> str:
        return self.get("/").decode("utf-8")

    def change(self, name: str, text: str) -> str:
        """Write `text` to `name` in the folder, wait for the rebuild it causes; the served page."""
        before = self.preview.version
        (self.folder / name).write_text(text, encoding="utf-8")
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            version = json.loads(self.get(f"/changes?since={before}"))["version"]
            if version != before:
                return self.page()
        raise AssertionError(f"no rebuild within {WAIT} s of changing {name}")

    def wait_until_watching(self) -> None:
        """The watcher starts in its own thread: touch a file until a rebuild shows it is running."""
        deadline = time.monotonic() + WAIT
        before = self.preview.version
        while self.preview.version == before and time.monotonic() < deadline:
            (self.folder / "watch-check.flag").write_text(str(time.monotonic()), encoding="utf-8")
            self.preview.wait_for_change(before, timeout=0.5)
        assert self.preview.version != before, "the watcher never reported a change"


def test_the_page_is_the_briefing_with_a_reloader(served):
    page = served.page()
    assert "Ministers agree to extend the fictional Lakeside Accord" in page
    assert '/changes?since=' in page and 'href="/briefing.pdf"' in page


def test_an_article_change_is_rebuilt_and_served(served):
    text = (served.folder / "a-accord.txt").read_text(encoding="utf-8")
    page = served.change("a-accord.txt", text.replace("Ministers agree to extend", "Ministers refuse to extend"))
    assert "Ministers refuse to extend the fictional Lakeside Accord" in page


def test_a_new_article_and_a_settings_change_are_served(served):
    page = served.change("c-new.md", "---\ntitle: A brand new report on verification\n---\n"
                         "Inspectors filed a brand new report on Tuesday about the verification regime.\n")
    assert "A brand new report on verification" in page
    page = served.change("briefgen.toml", 'title = "Week 12 preview"\n')
    assert "<title>Week 12 preview</title>" in page


def test_a_theme_change_is_served(served):
    (served.folder / "theme").mkdir()
    (served.folder / "theme" / "extra.css").write_text(".headline { color: #123456; }\n", encoding="utf-8")
    served.change("briefgen.toml", 'theme = "theme"\n')
    page = served.change("theme/extra.css", ".headline { color: #abcdef; }\n")
    assert "#abcdef" in page


def test_a_broken_setting_is_shown_then_the_fix(served):
    page = served.change("briefgen.toml", 'papr = "letter"\n')
    assert "The briefing could not be built" in page and "did you mean &#x27;paper&#x27;?" in page
    page = served.change("briefgen.toml", 'paper = "letter"\n')
    assert "Lakeside Accord" in page and "could not be built" not in page


def test_the_pdf_is_made_on_request(served, tmp_path):
    assert served.get("/briefing.pdf").startswith(b"%PDF")
    assert (tmp_path / "out" / "briefing-2024-06-01.pdf").is_file()


def test_only_theme_files_are_served(served):
    assert b"@page" in served.get("/style.css")  # the built-in theme's, for relative URLs in CSS
    with pytest.raises(urllib.error.HTTPError):
        served.get("/../../etc/passwd")
    with pytest.raises(urllib.error.HTTPError):
        served.get("/a-accord.txt")


def test_a_theme_outside_the_folder_is_watched_once_the_settings_name_it(served, tmp_path):
    theme = tmp_path / "course-theme"
    theme.mkdir()
    (theme / "extra.css").write_text(".headline { color: #123456; }\n", encoding="utf-8")
    assert "#123456" in served.change("briefgen.toml", f'theme = "{theme.as_posix()}"\n')
    before = served.preview.version
    (theme / "extra.css").write_text(".headline { color: #fedcba; }\n", encoding="utf-8")
    deadline = time.monotonic() + WAIT
    while "#fedcba" not in served.page() and time.monotonic() < deadline:
        served.preview.wait_for_change(before, timeout=1)
        before = served.preview.version
    assert "#fedcba" in served.page()
