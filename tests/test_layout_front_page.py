"""Page 1 holds the masthead, the key points and the whole contents (issue 14): a key point is one or
two lines of the front page's box, so the front page's sentence length stays within two lines."""
from pathlib import Path

from briefgen.analyse.summarize import key_points
from briefgen.model import Article, ArticleDigest
from briefgen.publish.assemble import KEY_POINT_CHARS

# About 72 characters a line of the key-points box at its type size (9 pt in a 134 mm text block).
CHARS_A_LINE = 72


def digest(*summary: str) -> ArticleDigest:
    return ArticleDigest(article=Article(path=Path("a.txt"), title="T", body=" ".join(summary)), summary=summary)


def test_a_preferred_key_point_fits_in_two_lines() -> None:
    fewest, most = KEY_POINT_CHARS
    assert most <= 2 * CHARS_A_LINE and fewest < most


def test_a_two_line_sentence_is_chosen_over_a_three_line_lead() -> None:
    three_lines = ("The foreign ministers of the two fictional republics, meeting for the third time this year in a"
                   " lakeside town, agreed late on Monday to extend the accord for five more years.")
    two_lines = "Inspectors from both republics will return to the Northern Test Site in May, the ministers said."
    assert len(three_lines) > KEY_POINT_CHARS[1] >= len(two_lines) >= KEY_POINT_CHARS[0]
    assert key_points([digest(three_lines, two_lines)], length=KEY_POINT_CHARS) == [(0, two_lines)]


def test_when_every_sentence_is_long_the_shortest_is_the_point() -> None:
    longer = "A" + " very" * 40 + " long sentence about the fictional accord that the two ministers signed."
    long = "The ministers of the two fictional republics signed the accord" + " again" * 20 + " on Monday."
    assert key_points([digest(longer, long)], length=KEY_POINT_CHARS) == [(0, long)]


def test_a_long_headline_takes_one_line_of_the_contents() -> None:
    import datetime as dt

    from briefgen.config import Settings
    from briefgen.publish.assemble import assemble
    from briefgen.publish.render import render_html

    long_title = ("The foreign ministers of the two fictional republics agreed on Monday, after a night of talks,"
                  " to extend the accord")
    article = Article(path=Path("a.txt"), title=long_title, body="Talks resumed in Geneva on Monday.")
    settings = Settings()
    briefing = assemble([ArticleDigest(article=article, summary=("Talks resumed in Geneva on Monday.",))],
                        settings, dt.date(2024, 6, 1))
    html = render_html(briefing, settings).replace("\u00ad", "")
    contents = html[html.index('id="contents"'):html.index("</nav>")]
    entry = contents[contents.index('class="toc"'):contents.index("</a>")]
    # Its first clause is longer than a line, so it is cut at a word; the whole headline is in the link's
    # title (and on the article's page)
    shown = entry[entry.index(">") + 1:]
    assert shown == "The foreign ministers of the two fictional republics agreed…" and len(shown) <= 60
    assert f'title="{long_title}"' in entry
