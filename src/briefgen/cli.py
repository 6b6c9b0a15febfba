"""Command-line interface: parses options, calls the library, prints results.

Heavy libraries (sumy, trafilatura, WeasyPrint) are imported inside the commands that use
them, so `briefgen --help` and `briefgen extract` start fast. Every BriefgenError becomes one
line on stderr and its exit code; Ctrl-C exits with 130.
"""

import datetime as dt
import functools
import glob
import json
import re
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .config import FORMATS
from .errors import BriefgenError, ConfigError, ExitCode, InputError
from .suggest import did_you_mean
from .terminal import json_printable, printable


class PlainHelp(TyperCommand):
    """Help in plain words: "Usage: briefgen build [OPTIONS] FOLDER..." and each argument under
    its metavar, without the type annotations Typer adds ("{folders}...", "<list[Path]>")."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        arguments = [_argument_label(param) for param in self.get_params(ctx) if param.param_type_name == "argument"]
        return [self.options_metavar or "[OPTIONS]", *arguments]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        arguments = [(_argument_label(p), getattr(p, "help", None) or "") for p in params
                     if p.param_type_name == "argument"]
        options = [(record[0], _plain_range(record[1])) for p in params
                   if p.param_type_name == "option" and (record := p.get_help_record(ctx))]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _plain_range(text: str) -> str:
    """Click's ranges in words: "[x>=1]" is "[1 or more]", "[0.01<=x<=1.0]" is "[0.01 to 1.0]"."""
    text = re.sub(r"\b([\d.]+)<=x<=([\d.]+)", r"\1 to \2", text)
    return re.sub(r"\bx>=([\d.]+)", r"\1 or more", text)


def _argument_label(param: Any) -> str:
    label = param.metavar or param.name.upper()
    return label if param.required else f"[{label}]"


class WeeklyOrder(TyperGroup):
    """`briefgen --help` lists the commands of a teacher's week first, then the single-file ones."""

    FIRST = ("build", "serve", "check", "init", "doctor")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The commands themselves are reordered, not only list_commands(): help may be drawn from either.
        self.commands = dict(sorted(self.commands.items(), key=lambda item: self._rank(item[0])))

    def list_commands(self, ctx: Any) -> list[str]:
        return sorted(super().list_commands(ctx), key=self._rank)

    def _rank(self, name: str) -> int:
        return self.FIRST.index(name) if name in self.FIRST else len(self.FIRST)


app = typer.Typer(
    name="briefgen",
    cls=WeeklyOrder,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
command = functools.partial(app.command, cls=PlainHelp)

# The summarizer's algorithms (analyse.summarize.ALGORITHMS, which is slow to import; a test keeps them equal).
ALGORITHMS = ("news", "lexrank", "textrank", "lsa", "luhn", "reduction", "kl", "sumbasic", "edmundson", "lead",
              "news-learned")

FilesArgument = Annotated[
    list[Path],
    typer.Argument(metavar="FILE...", help="Article file(s) (.txt, .md, .html, .docx, .pdf).", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout (one line per file).")]
ConfigOption = Annotated[Path | None, typer.Option(
    "--config", metavar="FILE", help="Settings file (default: briefgen.toml in the articles' folder).")]
CorrectionsOption = Annotated[
    Path | None,
    typer.Option("--corrections", metavar="FILE", help="Corrections file (default: FOLDER/corrections.toml)."),
]


def _echo(message: str, err: bool = False, one_line: bool = False) -> None:
    """typer.echo, with control characters shown as escapes (see terminal.py)."""
    typer.echo(printable(message, one_line=one_line), err=err)


def _error(message: str) -> None:
    _echo(f"briefgen: error: {message}", err=True, one_line=True)


def handles_errors(command):
    """One funnel for user errors: a clean message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BriefgenError as error:
            for line in str(error).splitlines():
                _error(line)
            raise typer.Exit(int(error.exit_code)) from None
        except KeyboardInterrupt:
            _error("interrupted")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None

    return wrapper


def _print_json(value: Any) -> None:
    typer.echo(json_printable(json.dumps(value, ensure_ascii=False, indent=2)))


def _print_json_line(value: Any) -> None:
    """One JSON document on one line: several files give JSON Lines, in the order given."""
    typer.echo(json_printable(json.dumps(value, ensure_ascii=False)))


def _for_each_file(files: list[Path], show: Callable[[Path], None]) -> None:
    """`show` each file in order; a bad file is reported and the others still shown, then the
    command exits non-zero. One process can so serve a whole batch (scripts, benchmarks)."""
    failed: BriefgenError | None = None
    for file in files:
        try:
            show(file)
        except InputError as error:
            _error(str(error))
            failed = error
    if failed is not None:
        raise typer.Exit(int(failed.exit_code))


def _read_article(file: Path):
    from .extract import extract
    from .read import read_document

    return extract(read_document(file))


def _version_callback(value: bool) -> None:
    if value:
        _echo(f"briefgen {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version_callback, is_eager=True, help="Show the version.")
    ] = None,
) -> None:
    """Turn a folder of news articles into a dated, printable briefing (PDF) for arms-control courses.

    \b
    Examples:
      briefgen build inputs/           the briefing of the articles in inputs/
      briefgen COMMAND --help          the options of one command
    """


@command()
@handles_errors
def extract(files: FilesArgument, as_json: JsonOption = False) -> None:
    """Print the article recovered from a page.

    Its text; with --json, its metadata too (title, date, author, source, url) and where each came from.

    \b
    Examples:
      briefgen extract inputs/new-start-expiry.txt
      briefgen extract inputs/new-start-expiry.txt --json
    """
    from .extract import require_text

    def show(file: Path) -> None:
        article = require_text(_read_article(file))
        if not as_json:
            _echo(article.body)
            return
        _print_json_line({
            "title": article.title,
            "date": article.date.isoformat() if article.date else None,
            "author": article.author,
            "source": article.source,
            "url": article.url,
            "body": article.body,
            "provenance": dict(article.provenance),
        })

    _for_each_file(files, show)


@command()
@handles_errors
def summarize(
    files: FilesArgument,
    sentences: Annotated[int | None, typer.Option(
        "-n", "--sentences", min=1, metavar="N", help="Number of sentences (default: summary_sentences of the "
        "folder's briefgen.toml, as in the briefing).")] = None,
    ratio: Annotated[float | None, typer.Option(
        "--ratio", min=0.01, max=1.0, metavar="SHARE", help="Share of the sentences.")] = None,
    words: Annotated[int | None, typer.Option("--words", min=1, metavar="N", help="Word budget.")] = None,
    algorithm: Annotated[str, typer.Option(
        "--algorithm", metavar="[" + "|".join(ALGORITHMS) + "]", help="Summarizer algorithm.")] = ALGORITHMS[0],
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Print the summary of an article.

    Sentences of the article, as written, in article order.

    \b
    Examples:
      briefgen summarize inputs/new-start-expiry.txt
      briefgen summarize inputs/new-start-expiry.txt -n 3 --algorithm lexrank
    """
    from .analyse import summarize as summarizer

    if sum(option is not None for option in (sentences, ratio, words)) > 1:
        raise ConfigError("give only one of -n, --ratio and --words")
    chosen = algorithm.casefold()
    if chosen not in summarizer.ALGORITHMS:
        raise ConfigError(f"unknown algorithm '{algorithm}'{did_you_mean(algorithm, summarizer.ALGORITHMS)} "
                          f"(choose from {', '.join(summarizer.ALGORITHMS)})")

    def show(file: Path) -> None:
        count = sentences
        if ratio is None and words is None and count is None:
            count = _settings_of(file.parent, config).summary_sentences
        result = summarizer.summarize(_read_article(file), sentences=count, ratio=ratio, words=words, algorithm=chosen)
        if as_json:
            _print_json_line({"sentences": result})
        else:
            for sentence in result:
                _echo(" ".join(sentence.split()))

    _for_each_file(files, show)


@command()
@handles_errors
def quotes(
    files: FilesArgument,
    as_json: JsonOption = False,
    explain: Annotated[bool, typer.Option("--explain", help="Say which attribution rule chose each speaker.")] = False,
) -> None:
    """Print the quotations and who said them.

    Every direct quotation; the briefing shows the key few of them (marked "key" in the JSON).

    \b
    Examples:
      briefgen quotes inputs/new-start-expiry.txt
      briefgen quotes inputs/new-start-expiry.txt --json
      briefgen quotes inputs/new-start-expiry.txt --explain
    """
    from .analyse.quotes import find_quotes, quote_records

    def show(file: Path) -> None:
        records = quote_records(find_quotes(_read_article(file).body))
        if as_json:
            _print_json_line(records)
            return
        for record in records:
            attribution = ", ".join(part for part in (record["speaker"], record["role"]) if part) or "unattributed"
            sure = f" {record['confidence']:.2f}" if record["confidence"] is not None else ""
            why = f"  [{record['rule']}{sure}{', key' if record['key'] else ''}]" if explain and record["rule"] else ""
            _echo(f"“{record['quote']}” — {attribution}{why}")

    _for_each_file(files, show)


@command()
@handles_errors
def acronyms(files: FilesArgument, as_json: JsonOption = False) -> None:
    """Print the abbreviations the article defines.

    \b
    Examples:
      briefgen acronyms inputs/ctbt-ratification.md
      briefgen acronyms inputs/ctbt-ratification.md --json
    """
    from .analyse.acronyms import find_acronyms

    def show(file: Path) -> None:
        article = _read_article(file)
        text = f"{article.title}\n\n{article.body}" if article.title else article.body
        found = find_acronyms(text)
        if as_json:
            _print_json_line([{"short": a.short, "long": a.long} for a in found])
            return
        for a in found:
            _echo(f"{a.short}\t{a.long}")

    _for_each_file(files, show)


@command()
@handles_errors
def glossary(
    files: Annotated[list[Path] | None, typer.Argument(
        metavar="FILE...", help="Article files to explain.", show_default=False)] = None,
    glossary_files: Annotated[list[Path] | None, typer.Option(
        "--glossary", "-g", metavar="FILE", help="Course glossary file (highest precedence first; default: the "
        "glossaries of the articles' briefgen.toml, or their folder's glossary.yaml, as in the briefing).")] = None,
    list_all: Annotated[bool, typer.Option("--list", help="List the merged glossary.")] = False,
    check: Annotated[Path | None, typer.Option(
        "--check", metavar="FILE", help="Validate a glossary file and exit.")] = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Explain the glossary terms articles use.

    Also lists (--list) or checks (--check) glossary files.

    \b
    Examples:
      briefgen glossary inputs/new-start-expiry.txt
      briefgen glossary inputs/*.txt --json
      briefgen glossary --list -g course-glossary.yaml
      briefgen glossary --check course-glossary.yaml
    """
    from .analyse import glossary as terms
    from .analyse.acronyms import find_acronyms

    if check is not None:
        problems = terms.check_glossary(check)
        for problem in problems:
            _error(problem)
        if problems:
            raise typer.Exit(int(ExitCode.ERROR))
        _echo(f"{check}: OK")
        return
    if not list_all and not files:
        raise ConfigError("give article files, --list or --check (see briefgen glossary --help)")
    course = glossary_files
    if course is None:
        # As in the briefing: the glossaries the articles' folder names, or its glossary.yaml.
        course = list(_settings_of(files[0].parent if files else Path("."), config).glossaries)
    merged = terms.load_glossary([*course, terms.BUILTIN_GLOSSARY])
    for warning in merged.warnings:
        _echo(f"briefgen: warning: {warning}", err=True, one_line=True)
    if list_all:
        explained = [terms.entry_explanation(entry) for entry in merged.entries]
    else:
        explained = []
        for file in files or []:
            article = _read_article(file)
            text = f"{article.title}\n\n{article.body}" if article.title else article.body
            seen = [term.term for term in explained]
            explained += terms.explain_terms(text, merged, find_acronyms(text), exclude=seen,
                                             article_date=article.date)
    if as_json:
        _print_json([terms.explanation_json(term, merged.get(term.term) if term.origin == "glossary" else None)
                     for term in explained])
        return
    for term in explained:
        expansion = f" ({term.expansion})" if term.expansion and term.expansion != term.term else ""
        _echo(f"{term.term}{expansion}: {term.definition or 'defined in the article'}")


def _settings_of(folder: Path, config: Path | None) -> Any:
    """The settings a build of `folder` would use: --config, or the folder's briefgen.toml."""
    from .config import load_settings

    return load_settings(folder, config)


@command()
@handles_errors
def build(
    folders: Annotated[list[Path], typer.Argument(
        metavar="FOLDER...", help="Folder(s) of articles, or a quoted pattern such as 'weeks/*'.",
        show_default=False)],
    out_dir: Annotated[Path, typer.Option(
        "-o", "--output", metavar="FOLDER", help="Output folder, created if needed.")] = Path("output"),
    date: Annotated[str | None, typer.Option(
        "--date", metavar="YYYY-MM-DD", help="The briefing's date, or a weekday (monday: the next one); default: "
        "the date key of briefgen.toml, else today.")] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="Briefing title.")] = None,
    formats: Annotated[list[str] | None, typer.Option(
        "--format", "-f", metavar="[" + "|".join(FORMATS) + "]",
        help="Output format (default pdf); repeat for several.")] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", metavar="FILE", help="Settings file (default: FOLDER/briefgen.toml).")] = None,
    pages: Annotated[int | None, typer.Option(
        "--pages", min=1, metavar="N", help="Page budget: shorten the briefing to fit N pages and say what was cut "
        "(max_pages in briefgen.toml).")] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 3) on any warning, e.g. a skipped article.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Re-analyse every article (ignore OUTPUT/.briefgen-cache).")
    ] = False,
    editions: Annotated[
        list[str] | None,
        typer.Option("--edition", metavar="[student|instructor]", help="student (the default) or instructor "
                     "(adds notes, answers and review flags: NAME-instructor.pdf); repeat for both."),
    ] = None,
    corrections: CorrectionsOption = None,
) -> None:
    """Build the briefing of a folder of articles.

    It is written to OUTPUT/briefing-DATE.pdf (or the output_name of briefgen.toml).

    \b
    Examples:
      briefgen build inputs/
      briefgen build inputs/ -o ~/briefings --date 2026-12-01 --title "Arms control, week 12"
      briefgen build inputs/ --format pdf --format docx
      briefgen build week1/ week2/ week3/    (one briefing per folder)
      briefgen build 'weeks/*'               (the same, for every folder in weeks/)
      briefgen build week07/ --edition student --edition instructor
    """
    from .build import check_editions, output_folders
    from .config import load_settings
    from .review.report import count_line

    chosen_formats = [fmt.casefold() for fmt in formats or ["pdf"]]
    given_date = _parse_edition(date)
    check_editions(editions or ["student"])
    # Several folders (a week per folder) give one briefing each, in OUTPUT/<folder name>/.
    targets = output_folders(_expand_patterns(folders), out_dir)
    failed, error_code = False, 0
    for folder, target in targets:
        try:
            settings = load_settings(folder, config, title=title, max_pages=pages)
            edition = given_date or settings.date or dt.date.today()
            result = _with_progress(folder, quiet, functools.partial(
                _build_one, folder, target, edition, settings, chosen_formats, use_cache=not no_cache,
                corrections=corrections if len(targets) == 1 else None, editions=editions or ["student"]))
        except BriefgenError as error:
            if len(targets) == 1:
                raise
            # One bad week does not stop the others; the exit code still tells.
            for line in str(error).splitlines():
                _error(line)
            error_code = error_code or int(error.exit_code)
            continue
        for note in result.notes:
            _echo(f"briefgen: {note}", err=True, one_line=True)
        for warning in result.warnings:
            _echo(f"briefgen: warning: {warning}", err=True, one_line=True)
        failed = failed or bool(result.warnings)
        for path in result.outputs:
            _echo(str(path.resolve()), one_line=True)  # absolute: the output folder is relative to where briefgen ran
        if result.review is not None and result.review.count and not quiet:
            _echo(f"briefgen: {count_line(result.review)}", err=True)
    if error_code:
        raise typer.Exit(error_code)
    if strict and failed:
        _error("some articles were skipped or had problems (--strict)")
        raise typer.Exit(int(ExitCode.STRICT_WARNINGS))


@command()
@handles_errors
def init(
    folder: Annotated[Path, typer.Argument(
        metavar="FOLDER", help="The articles' folder (created if needed; default: this folder).")] = Path("."),
    theme: Annotated[bool, typer.Option(
        "--theme", help="Also a theme folder holding extra.css and one example template to edit.")] = False,
) -> None:
    """Set up a folder for a course.

    It gets a briefgen.toml listing every setting, each explained, with its default (and with
    --theme the smallest theme to edit); nothing is overwritten.

    \b
    Examples:
      briefgen init week12/
      briefgen init week12/ --theme    (also week12/theme/extra.css and article.html)
    """
    from .starter import init_folder

    for path in init_folder(folder, with_theme=theme):
        _echo(str(path.resolve()), one_line=True)
    _echo(f"Next: put the articles in {folder}, then run: briefgen build {folder}", err=True)


@command()
@handles_errors
def fetch(
    urls: Annotated[list[str], typer.Argument(metavar="URL...", help="Web page address(es), http or https.",
                                              show_default=False)],
    folder: Annotated[Path, typer.Option(
        "-o", "--output", metavar="FOLDER", help="The articles' folder to save into (default: this folder).",
    )] = Path("."),
) -> None:
    """Save web pages into the articles' folder, so that build reads them offline.

    Each page is saved as HTML with its address and the day it was fetched (printed in the
    Sources as "accessed"). A page that cannot be fetched is reported; the others are saved.

    \b
    Examples:
      briefgen fetch https://example.org/news/treaty-talks -o week12/
    """
    import datetime as dt

    from .read.fetch import fetch as fetch_page

    def show(url: str) -> None:
        typer.echo(str(fetch_page(url, folder, dt.date.today(), lambda line: typer.echo(line, err=True)).resolve()))

    _for_each_file(urls, show)  # type: ignore[arg-type]


@command()
@handles_errors
def doctor(
    folder: Annotated[Path, typer.Argument(
        metavar="FOLDER", help="The articles' folder whose settings to check (default: this folder).")] = Path("."),
    out_dir: Annotated[Path, typer.Option(
        "-o", "--output", metavar="FOLDER", help="The output folder a build would use.")] = Path("output"),
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="The checks as JSON on stdout.")] = False,
) -> None:
    """Check that this machine and folder are ready to build.

    One line a check (Python, WeasyPrint and Pango, the theme's fonts, the output folder, the cache,
    briefgen.toml), each problem with its fix; the exit code is 1 when there is a problem.

    \b
    Examples:
      briefgen doctor
      briefgen doctor week12/ -o ~/briefings --json
    """
    from dataclasses import asdict

    from .doctor import run_checks

    checks = run_checks(folder, out_dir, config)
    if as_json:
        _print_json({"ok": all(check.ok for check in checks), "checks": [asdict(check) for check in checks]})
    else:
        for check in checks:
            fix = f" -- fix: {check.fix}" if check.fix else ""
            _echo(f"{'ok' if check.ok else 'PROBLEM':8} {check.detail}{fix}")
    if not all(check.ok for check in checks):
        raise typer.Exit(int(ExitCode.ERROR))


@command()
@handles_errors
def serve(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="Folder of articles.", show_default=False)],
    out_dir: Annotated[Path, typer.Option(
        "-o", "--output", metavar="FOLDER", help="Output folder (for the cache, and the PDF when asked for).")
    ] = Path("output"),
    date: Annotated[str | None, typer.Option(
        "--date", metavar="YYYY-MM-DD", help="The briefing's date, or a weekday; default: the date key of "
        "briefgen.toml, else today.")] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="Briefing title.")] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", metavar="FILE", help="Settings file (default: FOLDER/briefgen.toml).")] = None,
    port: Annotated[int, typer.Option("--port", metavar="N", help="Port on 127.0.0.1.")] = 8000,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in the web browser.")] = False,
) -> None:
    """Preview the briefing in the browser, rebuilt on every change.

    Any change to an article, briefgen.toml, the theme or a glossary rebuilds the HTML, and the page
    reloads itself. The PDF is made when you follow the page's PDF link (and written to OUTPUT).
    Stop with Ctrl-C.

    \b
    Examples:
      briefgen serve inputs/
      briefgen serve week12/ --port 8001 --open
    """
    from .preview import Options, Preview, run

    preview = Preview(Options(folder, out_dir, config, _parse_edition(date), title),
                      report=lambda line: _echo(line, err=True))

    def ready(url: str) -> None:
        _echo(f"Serving {url} (rebuilt on every change in {folder}; Ctrl-C to stop)", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    run(preview, port, ready)


theme_app = typer.Typer(help="Work with themes: the templates and CSS of the briefing.", no_args_is_help=True)
app.add_typer(theme_app, name="theme")


@theme_app.command("init", cls=PlainHelp)
@handles_errors
def theme_init(
    folder: Annotated[Path, typer.Argument(
        metavar="FOLDER", help="Folder to create the theme in.", show_default=False)],
) -> None:
    """Copy the whole default theme into FOLDER, to edit any part of it.

    \b
    Example:
      briefgen theme init inputs/theme    (then set theme = "theme" in inputs/briefgen.toml)
    """
    from .publish.render import init_theme

    for path in init_theme(folder):
        _echo(str(path), one_line=True)


def _build_one(folder: Path, target: Path, edition: dt.date, settings: Any, formats: list[str], progress: Any,
               use_cache: bool, corrections: Path | None, editions: list[str]) -> Any:
    from .build import build as build_briefing

    return build_briefing(folder, target, edition, settings, formats, progress=progress, use_cache=use_cache,
                          corrections=corrections, editions=editions)


@command()
@handles_errors
def check(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="The articles' folder.", show_default=False)],
    out_dir: Annotated[Path, typer.Option(
        "-o", "--output", metavar="FOLDER",
        help="Where review.html goes: the build's output folder, whose analysis cache it shares.")] = Path("output"),
    date: Annotated[str | None, typer.Option(
        "--date", metavar="YYYY-MM-DD", help="The briefing's date (articles much older are flagged); default: "
        "the date key of briefgen.toml, else today.")] = None,
    config: ConfigOption = None,
    corrections: CorrectionsOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 3 when anything is left to review.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Re-analyse every article (ignore OUTPUT/.briefgen-cache).")
    ] = False,
) -> None:
    """List what to review, with the corrections that settle it.

    Article by article: a headline taken from the file name, an unknown date or outlet, a doubtful
    speaker, a summary sentence that looks like a caption, a duplicate... each with the lines to
    put in FOLDER/corrections.toml. The same list is written to OUTPUT/review.html. Nothing is
    rendered; a build afterwards reuses the analysis.

    \b
    Examples:
      briefgen check week07/
      briefgen check week07/ -o /tmp/week07 --date 2026-12-07
    """
    from .build import write_review
    from .review.report import print_review

    settings = _settings_of(folder, config)
    edition = _parse_edition(date) or settings.date or dt.date.today()
    prepared, _warnings = _with_progress(folder, quiet, functools.partial(
        _review_one, folder, out_dir, edition, settings, use_cache=not no_cache, corrections=corrections))
    print_review(prepared.review)
    _echo(str(write_review(prepared.review, out_dir).resolve()), one_line=True)
    if strict and prepared.review.count:
        raise typer.Exit(int(ExitCode.STRICT_WARNINGS))


def _review_one(folder: Path, target: Path, edition: dt.date, settings: Any, progress: Any, use_cache: bool,
                corrections: Path | None) -> Any:
    from .build import review_folder

    return review_folder(folder, target, edition, settings, progress, use_cache, corrections)


def _expand_patterns(folders: list[Path]) -> list[Path]:
    """Folders as given, with a pattern the shell did not expand ('weeks/*', or any pattern on
    Windows) replaced by the folders it matches, in name order."""
    expanded: list[Path] = []
    for folder in folders:
        if folder.exists() or not any(ch in str(folder) for ch in "*?["):
            expanded.append(folder)
            continue
        matches = sorted(Path(match) for match in glob.glob(str(folder)) if Path(match).is_dir())
        if not matches:
            raise InputError("no folder matches this pattern", folder)
        expanded += matches
    return expanded


def _parse_edition(value: str | None) -> dt.date | None:
    from .config import parse_date

    if value is None:
        return None
    edition = parse_date(value, dt.date.today())
    if edition is None:
        raise ConfigError(f"--date: expected YYYY-MM-DD or a weekday, got '{value}'")
    return edition


def _with_progress(folder: Path, quiet: bool, run):
    """Run a build, showing on stderr (unless quiet) the articles analysed, then the pages rendered."""
    from .build import Progress

    if quiet:
        return run(Progress())
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
    from rich.progress import Progress as Bar

    # No refresh thread (auto_refresh): the build forks worker processes, and a fork taken while
    # another thread holds a lock can deadlock the child. Every update redraws instead.
    # The folder's name is whoever made it: its controls are escaped and its brackets are not rich markup.
    with Bar(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
             console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        articles = bar.add_task(f"Analysing {printable(str(folder), one_line=True)}", total=None)
        pages = bar.add_task("Rendering", total=None, visible=False)
        return run(Progress(
            articles_found=lambda total: bar.update(articles, total=total, refresh=True),
            article_done=lambda path: bar.update(articles, advance=1, refresh=True),
            rendering=lambda: bar.update(pages, visible=True, refresh=True),
            page_done=lambda number: bar.update(
                pages, completed=number, description=f"Rendering page {number}", refresh=True),
        ))


def _interrupt_once(_signum: int, _frame: object) -> None:
    # The first Ctrl-C stops the command (workers are killed, the old outputs stay); later ones
    # are ignored, so that they cannot break into that clean-up with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def main() -> None:
    """Entry point of the `briefgen` command."""
    # JSON and summaries must come out as UTF-8 whatever the terminal's locale says.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    signal.signal(signal.SIGINT, _interrupt_once)
    try:
        app()
    except KeyboardInterrupt:  # outside a command, while starting or exiting
        _error("interrupted")
        sys.exit(int(ExitCode.INTERRUPTED))
