"""The page budget: --pages N (max_pages) shortens the briefing in the stated order, says what it cut,
and warns when N pages cannot hold the articles."""
import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.config import Settings
from briefgen.model import Briefing
from briefgen.publish.budget import MIN_BOXES, MIN_SUMMARY, budget_report, describe_cuts, fit_pages, shortenings

runner = CliRunner()
EDITION = dt.date(2024, 6, 1)


# The seminar aids (Timeline, Who's who) are cut before anything else; the tests of the later steps
# start without them.
NO_AIDS = {"timeline": False, "whos_who": False}


def test_the_timeline_then_the_whos_who_are_cut_first():
    steps = list(shortenings(Settings(summary_sentences=4)))
    assert [(s.timeline, s.whos_who, s.summary_sentences) for s in steps[:4]] == [
        (True, True, 4), (False, True, 4), (False, False, 4), (False, False, 3)]
    assert describe_cuts(steps[0], steps[2]) == ("the Timeline page", "the Who's who page")
    assert describe_cuts(steps[0], steps[1]) == ("the Timeline page",)


def test_shortenings_follow_the_stated_order():
    steps = list(shortenings(Settings(summary_sentences=4, quotes_per_article=2, boxes_per_article=3, **NO_AIDS)))
    assert steps[0] == Settings(summary_sentences=4, quotes_per_article=2, boxes_per_article=3, **NO_AIDS)
    lengths = [(s.summary_sentences, s.quotes_per_article, s.boxes_per_article, s.back_glossary) for s in steps]
    assert lengths == [
        (4, 2, 3, "printed"), (3, 2, 3, "printed"), (2, 2, 3, "printed"),  # summaries first, to MIN_SUMMARY
        (2, 1, 2, "printed"), (2, 0, 1, "printed"),  # then quotes and boxes, one of each a step
        (2, 0, 1, "index"),  # then the glossary down to its index
    ]
    assert (MIN_SUMMARY, MIN_BOXES) == (2, 1)


def fake_briefing(settings: Settings) -> Briefing:
    return Briefing(title=str(settings.summary_sentences), date=EDITION, digests=())


def pages_by_length(briefing: Briefing, settings: Settings) -> int:
    """A stand-in for the PDF: a page per summary sentence, a page per quote, one for a full glossary."""
    return settings.summary_sentences + settings.quotes_per_article + (settings.back_glossary != "index")


def test_fit_cuts_only_what_the_budget_needs():
    settings = Settings(summary_sentences=4, quotes_per_article=2, boxes_per_article=3, max_pages=6, **NO_AIDS)
    fitted = fit_pages(settings, fake_briefing, pages_by_length)
    assert fitted.fits and fitted.pages == 6 and fitted.pages_before == 7
    assert fitted.settings == replace(settings, summary_sentences=3)
    assert fitted.cuts == ("summaries to 3 sentences (from 4)",)
    assert budget_report(fitted, 6) == "page budget 6: 6 pages (from 7) after cutting summaries to 3 sentences (from 4)"


def test_a_budget_already_met_cuts_nothing():
    settings = Settings(summary_sentences=2, quotes_per_article=0, max_pages=10, **NO_AIDS)
    fitted = fit_pages(settings, fake_briefing, pages_by_length)
    assert fitted.fits and fitted.cuts == () and fitted.settings == settings
    assert budget_report(fitted, 10) == "page budget 10: 3 pages, nothing cut"


def test_a_budget_that_cannot_be_met_keeps_the_shortest_and_says_so():
    settings = Settings(summary_sentences=4, quotes_per_article=2, boxes_per_article=3, max_pages=1, **NO_AIDS)
    fitted = fit_pages(settings, fake_briefing, pages_by_length)
    assert not fitted.fits and fitted.pages == 2  # 2 sentences, no quotes, the glossary as an index
    assert fitted.cuts[-1] == "the glossary at the back to its index (no definitions)"
    assert budget_report(fitted, 1).startswith("the page budget of 1 cannot hold these articles")


SENTENCE = ("Officials of the two fictional republics said on day {n} that inspectors had counted the "
            "long-range missiles at the northern bases and compared them with the limits of the accord.")


def long_article(number: int) -> str:
    quotes = [f'"We counted every launcher at base {n} and found the numbers agreed," said Inspector Ana Lind.'
              for n in range(3)]
    body = [SENTENCE.format(n=n + 10 * number) for n in range(14)]
    terms = "The talks touched on the NPT, the Cold War, New START, verification and deterrence."
    return f"Inspectors count missiles at the {number}th northern base\n\n" + "\n\n".join([*body, *quotes, terms])


@pytest.fixture(scope="module")
def long_week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("week")
    for number in range(1, 5):
        (folder / f"article-{number}.txt").write_text(long_article(number), encoding="utf-8")
    return folder


def build(folder: Path, out: Path, *options: str):
    return runner.invoke(app, ["build", str(folder), "-o", str(out), "--date", "2024-06-01", "--no-cache", *options])


def pages_of(out: Path) -> int:
    return len(PdfReader(next(out.glob("*.pdf"))).pages)


@pytest.fixture(scope="module")
def full_length(long_week: Path, tmp_path_factory: pytest.TempPathFactory) -> int:
    out = tmp_path_factory.mktemp("full")
    assert build(long_week, out).exit_code == 0
    return pages_of(out)


def test_pages_option_fits_the_budget_and_reports_the_cuts(long_week, full_length, tmp_path):
    budget = full_length - 1
    result = build(long_week, tmp_path, "--pages", str(budget))
    assert result.exit_code == 0, result.output
    assert pages_of(tmp_path) <= budget
    assert f"page budget {budget}:" in result.output
    assert "after cutting the Timeline page; the Who's who page; summaries to" in " ".join(result.output.split())


def test_a_budget_too_small_warns_keeps_the_shortest_and_fails_only_with_strict(long_week, full_length, tmp_path):
    result = build(long_week, tmp_path, "--pages", "1")
    assert result.exit_code == 0
    assert "warning: student edition: the page budget of 1 cannot hold these articles" in result.output
    assert 1 < pages_of(tmp_path) < full_length  # the shortest briefing is still written
    assert build(long_week, tmp_path / "strict", "--pages", "1", "--strict").exit_code == 3


def test_max_pages_in_the_settings_file(long_week, tmp_path):
    (tmp_path / "briefgen.toml").write_text("max_pages = 0\n", encoding="utf-8")
    result = build(long_week, tmp_path / "out", "--config", str(tmp_path / "briefgen.toml"))
    assert result.exit_code == 2 and "key 'max_pages': expected a whole number from 1 to 999" in result.output
