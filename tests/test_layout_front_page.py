"""Page 1 holds the masthead, the key points and the whole contents (issue 14): a contents entry takes
one line."""
from pathlib import Path

from briefgen.model import Article, ArticleDigest


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
    # Longer than the line: cut at a word and marked; the whole headline is in the link's title (and on
    # the article's page)
    shown = entry[entry.index(">") + 1:]
    assert shown.endswith("…") and len(shown) <= 68 and long_title.startswith(shown[:-1])
    assert f'title="{long_title}"' in entry
