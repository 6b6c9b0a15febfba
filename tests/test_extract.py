"""The extract stage on .txt, .md and .html documents written for these tests (fictional people)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefgen.extract import extract
from briefgen.model import SourceDocument

LEDE = ("Ministers from the two neighbouring republics agreed on Sunday to extend the Lakeside Accord, "
        "a fictional arms control pact, for another five years.")
SECOND = ("The accord caps the number of long-range missiles each side may deploy and lets inspectors visit "
          "bases twice a year.")


PASTED_PAGE = f"""Home | News | World | Subscribe
Subscribe to our free newsletter

Ministers agree to extend the fictional Lakeside Accord

By Jane Roe
Geneva (Wire) Mar 3, 2024
{LEDE}

{SECOND}

"We have kept our word for ten years and we will keep it for five more," said Defence Minister Paul Roe.

Analysts said the extension gives negotiators time to address new weapons that the accord does not cover.

Related Links
Copyright 2024 Example Media. All rights reserved.
"""


def document(kind: str, text: str, front_matter: tuple[tuple[str, str], ...] = ()) -> SourceDocument:
    return SourceDocument(path=Path(f"article.{kind}"), kind=kind, text=text, front_matter=front_matter)


def test_pasted_page_gives_body_and_metadata_with_provenance() -> None:
    article = extract(document("txt", PASTED_PAGE))
    assert article.title == "Ministers agree to extend the fictional Lakeside Accord"
    assert article.date == dt.date(2024, 3, 3)
    assert article.author == "Jane Roe"
    assert article.source == "Wire"
    assert article.paragraphs[0].startswith("Ministers from the two neighbouring republics")
    assert article.paragraphs[-1].startswith("Analysts said")
    assert len(article.paragraphs) == 4
    assert "Copyright" not in article.body and "Subscribe" not in article.body
    assert dict(article.provenance) == {
        "source": "dateline", "date": "dateline", "author": "byline", "title": "heuristic",
    }


def test_publisher_from_the_footer_when_there_is_no_dateline() -> None:
    page = f"Accord extended\n\n{LEDE}\n\n{SECOND}\n\nAbout us | Contact\n© 2024 Example Media, LLC. All rights reserved."
    article = extract(document("txt", page))
    assert article.source == "Example Media" and article.origin("source") == "heuristic"


def test_body_paragraphs_are_separated_by_one_blank_line() -> None:
    article = extract(document("txt", f"{LEDE}\n\n\n\n{SECOND}\n"))
    assert article.body == f"{LEDE}\n\n{SECOND}"


def test_title_line_then_paragraphs() -> None:
    article = extract(document("txt", f"Accord extended for five years\n\n{LEDE}\n\n{SECOND}\n"))
    assert article.title == "Accord extended for five years"
    assert article.paragraphs == [LEDE, SECOND]
    assert article.date is None and article.author is None and article.source is None


def test_single_long_line_is_body_without_title() -> None:
    line = f"{LEDE} {SECOND}"
    article = extract(document("txt", line))
    assert article.title is None
    assert article.body == line


def test_partial_dates_in_text_are_not_publication_dates() -> None:
    text = f"Accord talks resume\n\n{LEDE} The next round opens on March 15th.\n\n{SECOND}"
    assert extract(document("txt", text)).date is None


def test_front_matter_overrides_extracted_fields() -> None:
    text = f"# A heading in the file\n\n{LEDE}\n\n{SECOND}\n"
    front = (("title", "Title from front matter"), ("date", "2024-05-02"), ("url", "https://example.org/a"))
    article = extract(document("md", text, front))
    assert article.title == "Title from front matter"
    assert article.date == dt.date(2024, 5, 2)
    assert article.url == "https://example.org/a"
    assert article.origin("title") == "front-matter" and article.origin("date") == "front-matter"


def test_markdown_heading_is_title_and_markup_is_removed() -> None:
    text = f"# Accord extended\n\n**{LEDE}**\n\n## Inspections\n\n{SECOND} See [the text](https://example.org).\n"
    article = extract(document("md", text))
    assert article.title == "Accord extended" and article.origin("title") == "heading"
    assert article.paragraphs == [LEDE, "Inspections", f"{SECOND} See the text."]


def test_markdown_soft_wrapped_lines_are_joined() -> None:
    article = extract(document("md", "The accord was\nextended on Sunday.\n\n- first point\n- second point\n"))
    assert article.paragraphs == ["The accord was extended on Sunday.", "first point", "second point"]


HTML = f"""<!doctype html>
<html lang="en"><head>
<title>Accord extended for five years | Example Daily</title>
<meta property="og:title" content="Accord extended for five years">
<meta property="og:site_name" content="Example Daily">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-03T10:00:00+00:00">
<link rel="canonical" href="https://example.org/news/accord">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<article>
<h1>Accord extended for five years</h1>
<p>{LEDE}</p>
<p>{SECOND}</p>
<p>Analysts said the extension gives negotiators time to address new weapons that the accord does not
cover, including drones and long-range gliders that did not exist when it was signed.</p>
<p>Read more: Border radar talks stall again</p>
<p>Officials from both republics will meet again in the autumn to agree on the schedule of inspections
for the next year, a spokesman for the joint commission said.</p>
</article>
<footer><p>Copyright 2024 Example Daily. All rights reserved.</p></footer>
</body></html>
"""


def test_html_goes_through_trafilatura_with_metadata() -> None:
    article = extract(document("html", HTML))
    assert article.title == "Accord extended for five years"
    assert article.date == dt.date(2024, 3, 3)
    assert article.author == "Jane Roe"
    assert article.source == "Example Daily"
    assert article.url == "https://example.org/news/accord"
    assert article.paragraphs[0] == LEDE
    assert "Read more" not in article.body and "Copyright" not in article.body
    assert article.origin("title") == "h1"  # the visible headline, which the page's <title> repeats


def test_html_without_article_keeps_its_little_visible_text() -> None:
    article = extract(document("html", "<html><body><div>Talks resume</div><div>Monday</div></body></html>"))
    assert article.body == "Talks resume\n\nMonday"


def test_empty_html_gives_empty_body() -> None:
    assert extract(document("html", "<html><body></body></html>")).body == ""


def test_a_long_run_of_share_buttons_does_not_hide_the_headline_and_date() -> None:
    buttons = "\n".join(["Share this with Facebook", "Share this with Email", "Facebook", "Email", "Share"] * 5)
    page = f"Home\nWorld\n\nMinisters agree to extend the Lakeside Accord\n\n3 March 2024\n{buttons}\n\n{LEDE}\n\n{SECOND}\n"
    article = extract(document("txt", page))
    assert article.title == "Ministers agree to extend the Lakeside Accord"
    assert article.date == dt.date(2024, 3, 3)
    assert "Share" not in article.body
