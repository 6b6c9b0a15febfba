"""End to end: build a real PDF from a folder and read it back with pypdf."""
import datetime as dt

from pypdf import PdfReader

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
    assert sorted(p.name for p in out.iterdir()) == [".briefgen-cache", "briefing-2024-06-01.json"]
    assert all(p.suffix == ".pickle" for p in (out / ".briefgen-cache").iterdir())
