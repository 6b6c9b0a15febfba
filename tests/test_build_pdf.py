"""End to end: build a real PDF from a folder and read it back with pypdf."""
import datetime as dt

import pytest
from pypdf import PdfReader

from briefgen import atomic
from briefgen.build import build
from briefgen.config import Settings


def test_build_writes_a_readable_dated_pdf(article_folder, tmp_path):
    settings = Settings(title="Fictional week")
    result = build(article_folder, tmp_path / "out", dt.date(2024, 6, 1), settings, ["pdf", "html"])
    pdf_path = tmp_path / "out" / "briefing-2024-06-01.pdf"
    assert pdf_path in result.outputs and pdf_path.stat().st_size > 0
    reader = PdfReader(pdf_path)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Fictional week" in text
    assert "Inspectors return to the fictional northern test site" in text
    assert "Ministers agree to extend the fictional Lakeside Accord" in text
    first_summary_sentence = " ".join(result.briefing.digests[0].summary[0].split())
    assert first_summary_sentence[:60] in text
    assert f"Page 1 of {len(reader.pages)}" in text
    assert reader.metadata.title.startswith("Fictional week")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Ministers agree to extend the fictional Lakeside Accord" in titles
    html = (tmp_path / "out" / "briefing-2024-06-01.html").read_text(encoding="utf-8")
    assert "<style>" in html and "<link" not in html  # standalone: CSS inlined


def test_no_partial_files_are_left_behind(article_folder, tmp_path):
    out = tmp_path / "out"
    build(article_folder, out, dt.date(2024, 6, 1), Settings(), ["json"])
    assert sorted(p.name for p in out.iterdir()) == [".briefgen-cache", "briefing-2024-06-01.json", "review.html"]
    assert all(p.suffix == ".analysis" for p in (out / ".briefgen-cache").iterdir())


def test_an_interrupted_write_leaves_the_old_output_and_no_temporary_file(article_folder, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(article_folder, out, dt.date(2024, 6, 1), Settings(title="First"), ["json"], use_cache=False)
    before = (out / "briefing-2024-06-01.json").read_bytes()

    def interrupted(fd):
        raise KeyboardInterrupt  # Ctrl-C after the data went to the temporary file, before the rename

    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(article_folder, out, dt.date(2024, 6, 1), Settings(title="Second"), ["json"], use_cache=False)
    assert sorted(p.name for p in out.iterdir()) == ["briefing-2024-06-01.json", "review.html"]
    assert (out / "briefing-2024-06-01.json").read_bytes() == before


class HalfWriter:
    """A file handle on which Ctrl-C strikes halfway through writing."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.handle.close()

    def write(self, data: bytes) -> None:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise KeyboardInterrupt


def test_an_interrupted_first_build_leaves_no_output_at_all(article_folder, tmp_path, monkeypatch):
    real_fdopen = atomic.os.fdopen
    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(KeyboardInterrupt):
        build(article_folder, tmp_path / "out", dt.date(2024, 6, 1), Settings(), ["html"], use_cache=False)
    assert list((tmp_path / "out").iterdir()) == []
