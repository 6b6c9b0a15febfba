"""A large briefing's PDF is laid out in parts and joined (publish/parts.py, issue 20): read back with
pypdf, its page numbers, outline, contents and page references are those of one document.

A part holds three articles here (the setting pdf_part_articles), so seven articles make three parts."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from pypdf import PdfReader

from briefgen.build import build
from briefgen.config import Settings
from briefgen.publish.parts import briefing_pdf
from briefgen.publish.render import render_pdf

EDITION = dt.date(2024, 6, 1)
PLACES = ["Harbourtown", "Millbrook", "Stonebridge", "Ashford", "Kelton", "Brindle", "Oakvale"]


def invented_article(number: int) -> str:
    place = PLACES[number]
    return (f"Envoys in fictional {place} weigh new limits on drills\n\n"
            f"Envoys met in fictional {place} on Tuesday to weigh new limits on military drills near the border, "
            f"officials said.\n\n"
            f'"Every drill we cancel is one less reason to fear the other side," said envoy Mara Vell{number}, '
            f"who leads the {place} team.\n\n"
            f"The Nuclear Non-Proliferation Treaty (NPT) came up in the second session. The talks resume in "
            f"{number + 2} weeks, after the envoys report home.\n")


def headline(number: int) -> str:
    return f"Envoys in fictional {PLACES[number]} weigh new limits on drills"


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    folder = tmp_path_factory.mktemp("week")
    for number in range(len(PLACES)):
        (folder / f"{number}-talks.txt").write_text(invented_article(number), encoding="utf-8")
    return folder


def words(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def outline(reader: PdfReader, items=None, depth=0) -> list[tuple[int, str, int]]:
    """(depth, title, page from 1) of every outline entry, in order."""
    entries = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            entries += outline(reader, item, depth + 1)
        else:
            entries.append((depth, item.title, reader.get_destination_page_number(item) + 1))
    return entries


@pytest.fixture(scope="module")
def parts_build(week, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    build(week, out, EDITION, Settings(pdf_part_articles=3), ["pdf", "json", "html"], use_cache=False)
    reader = PdfReader(out / "briefing-2024-06-01.pdf")
    return reader, [page.extract_text() for page in reader.pages], out


def test_every_page_says_its_number_of_the_whole(parts_build):
    reader, texts, _out = parts_build
    assert len(reader.pages) > 3
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {len(reader.pages)}" in words(text)


def test_the_outline_points_at_each_articles_page_and_each_part_starts_a_page(parts_build):
    reader, texts, _out = parts_build
    entries = outline(reader)
    pages = {title: page for _depth, title, page in entries}
    for number in range(len(PLACES)):
        assert headline(number) in words(texts[pages[headline(number)] - 1])
    assert [title for _depth, title, _page in entries if title in ("Who’s who", "Glossary", "Sources")] == [
        "Who’s who", "Glossary", "Sources"]
    # The fourth and seventh articles open the second and third parts: each on a page of its own.
    for first, before in ((3, 2), (6, 5)):
        assert pages[headline(first)] == pages[headline(before)] + 1
        assert f"Envoys met in fictional {PLACES[before]}" not in words(texts[pages[headline(first)] - 1])


def test_the_contents_and_back_matter_print_the_pages_the_articles_are_on(parts_build):
    reader, texts, out = parts_build
    pages = {title: page for _depth, title, page in outline(reader)}
    contents = dict(re.findall(r"^(Envoys in fictional .+? drills)[ .]+ (\d+)$", texts[0], re.M))
    assert {title: int(page) for title, page in contents.items()} == {
        headline(number): pages[headline(number)] for number in range(len(PLACES))}
    people = dict(re.findall(r"Mara Vell(\d) — envoy\.\sp\.\s(\d+)", "\n".join(texts)))
    assert {int(number): int(page) for number, page in people.items()} == {
        number: pages[headline(number)] for number in range(len(PLACES))}
    # The glossary index and the JSON (for later weeks) give the page of the NPT box, in the first article.
    assert re.search(rf"^NPT[ .]+ {pages[headline(0)]}$", "\n".join(texts), re.M)
    briefing = json.loads((out / "briefing-2024-06-01.json").read_text(encoding="utf-8"))
    assert briefing["box_pages"] == [["NPT", pages[headline(0)]]]


def test_a_briefing_within_one_part_stays_one_document(parts_build):
    _reader, _texts, out = parts_build
    html = (out / "briefing-2024-06-01.html").read_text(encoding="utf-8")
    settings = Settings(pdf_part_articles=len(PLACES))
    data, anchors = briefing_pdf(html, settings, (), EDITION, len(PLACES), lambda _page: None)
    assert data == render_pdf(html, settings, (), EDITION)
    assert anchors["article-1"] == 1


def test_sections_nest_in_the_outline_across_parts(week, tmp_path):
    files = [f"{number}-talks.txt" for number in range(len(PLACES))]
    settings = Settings(pdf_part_articles=3, sections=(("Northern talks", tuple(files[:4])),
                                                        ("Southern talks", tuple(files[4:]))))
    build(week, tmp_path, EDITION, settings, ["pdf"], use_cache=False)
    reader = PdfReader(tmp_path / "briefing-2024-06-01.pdf")
    entries = [(depth, title) for depth, title, _page in outline(reader) if depth or "talks" in title]
    assert entries == [(0, "Northern talks"), *((1, headline(n)) for n in range(4)),
                       (0, "Southern talks"), *((1, headline(n)) for n in range(4, len(PLACES)))]
    texts = [words(page.extract_text()) for page in reader.pages]
    # Each heading is printed once, besides the contents: not again where its section goes on in the next part.
    assert [sum(text.count(title) for text in texts) for title in ("Northern talks", "Southern talks")] == [2, 2]
