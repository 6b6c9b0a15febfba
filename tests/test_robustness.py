"""Bad input files, one test each: a one-line warning naming the file, no traceback, the other
articles still build, and --strict turns the warning into exit code 3."""
from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import briefgen.build as build_module
from briefgen.cli import app
from briefgen.errors import ExitCode
from briefgen.read import MAX_BYTES

GOOD_ARTICLES = 2  # the conftest folder: a-accord.txt and b-inspectors.md
SENTENCE = "The delegates met again on Monday to discuss the verification rules of the accord. "


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", SENTENCE * 20)
    return buffer.getvalue()


def sparse_file(path: Path, size: int) -> None:
    """A file of `size` bytes that costs no disk space or time to make."""
    with open(path, "wb") as handle:
        handle.truncate(size)


def nested_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth + "</body></html>"


def long_line() -> str:
    """One line of 100 000 characters: sentences around a pasted blob with no spaces (an inline
    image, a tracking URL). Long prose is not used: the summarizer's cost grows with the square
    of the words in an article, which would make this test slow, not test the line length."""
    blob = "data:image/png;base64," + "QUJD" * 25_000
    line = f"{SENTENCE}{blob}"[:100_000 - len(SENTENCE) - 1] + " " + SENTENCE
    return f"Talks continue without line breaks\n\n{line}\n"


def build_cli(folder: Path, out: Path, *options: str):
    result = CliRunner().invoke(app, ["build", str(folder), "-o", str(out), "--date", "2024-06-01",
                                      "--format", "json", "--quiet", *options])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def digests_written(out: Path) -> list[dict]:
    return json.loads((out / "briefing-2024-06-01.json").read_text(encoding="utf-8"))["digests"]


def warning_lines(result, name: str) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("briefgen: warning:") and name in line]


def assert_skipped(folder: Path, out: Path, name: str, reason: str) -> None:
    """`name` is skipped with one warning line giving `reason`; the others build; --strict exits 3."""
    result = build_cli(folder, out, "--strict")
    assert result.exit_code == ExitCode.STRICT_WARNINGS, result.output
    lines = warning_lines(result, name)
    assert len(lines) == 1 and f"skipped {folder / name}: " in lines[0] and reason in lines[0], result.output
    assert sorted(d["article"]["path"] for d in digests_written(out)) == ["a-accord.txt", "b-inspectors.md"]


def built(folder: Path, out: Path, name: str) -> tuple[dict, list[str], int]:
    """Builds with --strict: the digest of `name`, the warnings naming it, and the exit code."""
    result = build_cli(folder, out, "--strict")
    digests = digests_written(out)
    assert len(digests) == GOOD_ARTICLES + 1
    return next(d for d in digests if d["article"]["path"] == name), warning_lines(result, name), result.exit_code


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "file is empty"),
    ("blank.md", b" \n\n\t\n", "file is empty"),
    ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4, "binary file (a PDF document)"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file (a PNG image)"),
    ("archive.txt", zip_bytes(), "binary file (a ZIP archive"),
    ("utf16-without-bom.txt", SENTENCE.encode("utf-16-le") * 4, "binary file (contains NUL bytes)"),
    ("no-body.html", b"<html><head><title>Nothing here</title></head></html>", "no article text found"),
])
def test_unusable_file_is_skipped(article_folder, tmp_path, name, data, reason):
    (article_folder / name).write_bytes(data)
    assert_skipped(article_folder, tmp_path / "out", name, reason)


def test_a_50_mb_file_is_skipped_without_being_read(article_folder, tmp_path):
    sparse_file(article_folder / "huge.txt", 50 * 1024 * 1024)
    assert_skipped(article_folder, tmp_path / "out", "huge.txt", f"the limit is {MAX_BYTES // (1024 * 1024)} MB")


def test_a_symlink_loop_is_skipped(article_folder, tmp_path):
    os.symlink("loop-b.txt", article_folder / "loop-a.txt")
    os.symlink("loop-a.txt", article_folder / "loop-b.txt")
    result = build_cli(article_folder, tmp_path / "out", "--strict")
    assert result.exit_code == ExitCode.STRICT_WARNINGS
    for name in ("loop-a.txt", "loop-b.txt"):
        assert "cannot read file" in " ".join(warning_lines(result, name))
    assert len(digests_written(tmp_path / "out")) == GOOD_ARTICLES


def test_a_named_pipe_is_skipped_instead_of_waiting_forever(article_folder, tmp_path):
    os.mkfifo(article_folder / "pipe.txt")
    assert_skipped(article_folder, tmp_path / "out", "pipe.txt", "not a regular file")


def test_an_unreadable_file_is_skipped(article_folder, tmp_path, monkeypatch):
    locked = article_folder / "locked.txt"
    locked.write_text(SENTENCE, encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads a chmod 000 file anyway: make the refusal happen
        real_open = os.open

        def refusing_open(path, flags, *args, **kwargs):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    try:
        assert_skipped(article_folder, tmp_path / "out", "locked.txt", "permission denied")
    finally:
        locked.chmod(0o644)


def test_a_file_deleted_during_the_build_is_skipped(article_folder, tmp_path, monkeypatch):
    doomed = article_folder / "doomed.txt"
    doomed.write_text(SENTENCE, encoding="utf-8")
    real_find = build_module.find_articles

    def find_then_delete(folder):
        found = real_find(folder)
        doomed.unlink()
        return found

    monkeypatch.setattr(build_module, "find_articles", find_then_delete)
    assert_skipped(article_folder, tmp_path / "out", "doomed.txt", "file not found")


def test_deeply_nested_html_does_not_crash_the_build(article_folder, tmp_path):
    (article_folder / "nested.html").write_text(nested_html(5000), encoding="utf-8")
    result = build_cli(article_folder, tmp_path / "out", "--strict")
    digests = digests_written(tmp_path / "out")
    if len(digests) == GOOD_ARTICLES:  # the parser gave up on the depth: skipped, with the reason
        assert "no article text found" in " ".join(warning_lines(result, "nested.html"))
        assert result.exit_code == ExitCode.STRICT_WARNINGS
    else:
        nested = next(d for d in digests if d["article"]["path"] == "nested.html")
        assert "delegates met again" in nested["article"]["body"]


def test_a_100000_character_line_builds(article_folder, tmp_path):
    text = long_line()
    assert max(len(line) for line in text.splitlines()) >= 100_000
    (article_folder / "one-line.txt").write_text(text, encoding="utf-8")
    digest, warnings, code = built(article_folder, tmp_path / "out", "one-line.txt")
    assert code == ExitCode.OK and not warnings
    assert digest["summary"] and all(sentence in digest["article"]["body"] for sentence in digest["summary"])


def test_stray_nul_bytes_are_removed_with_a_warning(article_folder, tmp_path):
    (article_folder / "nul.txt").write_bytes(b"Talks resume\n\n" + SENTENCE.encode() + b"\x00" + SENTENCE.encode())
    digest, warnings, code = built(article_folder, tmp_path / "out", "nul.txt")
    assert "\x00" not in digest["article"]["body"] and "delegates met" in digest["article"]["body"]
    assert len(warnings) == 1 and "NUL bytes removed" in warnings[0]
    assert code == ExitCode.STRICT_WARNINGS


def test_invalid_utf8_is_repaired_with_a_warning(article_folder, tmp_path):
    text = "Caf\u00e9 diplomacy \u2014 \u201cquoted\u201d\n\n" + SENTENCE
    (article_folder / "damaged.txt").write_bytes(text.encode("utf-8") + b"The ministers \xe2\x80 agreed on Monday.\n")
    digest, warnings, code = built(article_folder, tmp_path / "out", "damaged.txt")
    assert "\u201cquoted\u201d" in digest["article"]["title"] + digest["article"]["body"]
    assert len(warnings) == 1 and "not valid text" in warnings[0]
    assert code == ExitCode.STRICT_WARNINGS


def test_utf16_with_bom_builds(article_folder, tmp_path):
    accord = (article_folder / "a-accord.txt").read_text(encoding="utf-8")
    (article_folder / "utf16.txt").write_bytes(accord.encode("utf-16"))  # Python writes the BOM
    digest, warnings, code = built(article_folder, tmp_path / "out", "utf16.txt")
    assert code == ExitCode.OK and not warnings
    assert digest["article"]["title"] == "Ministers agree to extend the fictional Lakeside Accord"


def test_mixed_line_endings_build(article_folder, tmp_path):
    accord = (article_folder / "a-accord.txt").read_text(encoding="utf-8")
    lines = accord.split("\n")
    mixed = "".join(line + ("\r\n", "\r", "\n")[i % 3] for i, line in enumerate(lines))
    (article_folder / "mixed.txt").write_bytes(mixed.encode("utf-8"))
    digest, warnings, code = built(article_folder, tmp_path / "out", "mixed.txt")
    assert code == ExitCode.OK and not warnings
    assert "\r" not in digest["article"]["body"] and digest["summary"]


def test_only_a_headline_is_listed_with_a_warning(article_folder, tmp_path):
    (article_folder / "headline.txt").write_text("Talks on the fictional accord resume\n", encoding="utf-8")
    digest, warnings, code = built(article_folder, tmp_path / "out", "headline.txt")
    assert digest["summary"] == []
    assert len(warnings) == 1 and "no sentence to summarise" in warnings[0]
    assert code == ExitCode.STRICT_WARNINGS


def test_an_article_of_one_sentence_builds(article_folder, tmp_path):
    (article_folder / "short.txt").write_text(SENTENCE, encoding="utf-8")
    digest, warnings, code = built(article_folder, tmp_path / "out", "short.txt")
    assert code == ExitCode.OK and not warnings
    assert digest["summary"] == [SENTENCE.strip()]


def test_every_bad_input_at_once_still_builds_the_good_articles(article_folder, tmp_path):
    (article_folder / "empty.txt").write_bytes(b"")
    (article_folder / "scan.txt").write_bytes(b"%PDF-1.4\n")
    (article_folder / "no-body.html").write_text("<html></html>", encoding="utf-8")
    result = build_cli(article_folder, tmp_path / "out")
    assert result.exit_code == ExitCode.OK
    assert len(digests_written(tmp_path / "out")) == GOOD_ARTICLES
    assert len([line for line in result.output.splitlines() if line.startswith("briefgen: warning: skipped")]) == 3


def test_a_folder_of_nothing_but_bad_files_is_an_error_naming_each(tmp_path):
    folder = tmp_path / "week"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\n")
    result = build_cli(folder, tmp_path / "out")
    assert result.exit_code == ExitCode.ERROR
    assert "no readable articles" in result.output
    assert "empty.txt: file is empty" in result.output and "scan.txt: binary file" in result.output


BODY = "Ministers from the two neighbouring republics agreed on Sunday to extend the accord for ten years, officials said."


@pytest.mark.parametrize("date", ["2026-02-30", "0000-01-01", "1" * 5000 + "-11-11", "20261201"])
def test_a_front_matter_date_python_cannot_build_is_an_unknown_date(article_folder, tmp_path, date):
    """Finding 6: these dates were an internal error that skipped the article; a long digit run was
    read as 1111-11-11 (its first ten characters), a wrong date where none is written."""
    (article_folder / "odd-date.md").write_text(f"---\ntitle: Accord extended\ndate: {date}\n---\n\n{BODY}\n",
                                                encoding="utf-8")
    digest, warnings, _code = built(article_folder, tmp_path / "out", "odd-date.md")
    assert digest["article"]["date"] is None and not any("internal error" in w for w in warnings)


def test_turkish_dotted_capital_i_in_an_abbreviation_builds(article_folder, tmp_path):
    """Finding 6: "TÜBİTAK (TBTK)" crashed the abbreviation finder ("İ" lowers to two characters)."""
    (article_folder / "turkish.txt").write_text(f"Accord extended\n\nTÜBİTAK (TBTK) said so. {BODY}\n", encoding="utf-8")
    digest, warnings, code = built(article_folder, tmp_path / "out", "turkish.txt")
    assert code == ExitCode.OK and not warnings and "TÜBİTAK" in digest["article"]["body"]


def test_theme_init_into_a_file_is_one_clear_error(tmp_path):
    """Finding 6: `theme init` into a file, or below one, was a traceback."""
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    for target in (tmp_path / "afile", tmp_path / "afile" / "theme"):
        result = CliRunner().invoke(app, ["theme", "init", str(target)])
        assert result.exit_code == ExitCode.ERROR and isinstance(result.exception, SystemExit), result.output
        assert result.output.startswith(f"briefgen: error: {target}: ") and len(result.output.splitlines()) == 1


def test_an_unclosed_embed_before_the_text_keeps_the_text(article_folder, tmp_path):
    """Finding 7: <embed> is void in HTML5; the HTML 4 parser put the article inside it, and an
    embed's content is invisible, so only the headline was left."""
    paragraphs = "".join(f"<p>{BODY} {BODY} Paragraph {n} of the report.</p>" for n in range(2))
    (article_folder / "embed.html").write_text(
        "<html><head><title>Accord extended</title></head><body><h1>Accord extended</h1>"
        f'<embed src="player.swf">{paragraphs}</body></html>', encoding="utf-8")
    digest, _warnings, _code = built(article_folder, tmp_path / "out", "embed.html")
    assert "Paragraph 1 of the report" in digest["article"]["body"]


def test_plain_text_saved_as_html_is_read(article_folder, tmp_path):
    """Finding 7: a .html file without any markup lost its text."""
    (article_folder / "plain.html").write_text(f"Accord extended\n\n{BODY}\n\nThe talks went on.\n", encoding="utf-8")
    digest, _warnings, _code = built(article_folder, tmp_path / "out", "plain.html")
    assert BODY in digest["article"]["body"] and "The talks went on." in digest["article"]["body"]


def alias_bomb(levels: int) -> str:
    lines = ['- term: "Bomb"', "  as_of: 2024-01-01", "  aliases:", '  - &l0 "lol"']
    lines += [f"  - &l{k} [" + ", ".join([f"*l{k - 1}"] * 9) + "]" for k in range(1, levels + 1)]
    return "\n".join([*lines, "  definition: text", "  sources: [x]"]) + "\n"


def test_a_yaml_alias_bomb_in_a_course_glossary_is_refused_at_once(article_folder, tmp_path):
    """Finding 3: a 902-byte glossary.yaml took 80 s and 1 GB. Nine levels stand for 387 million
    values; the check counts them as they are expanded and stops at MAX_NODES."""
    (article_folder / "glossary.yaml").write_text(alias_bomb(9), encoding="utf-8")
    result = build_cli(article_folder, tmp_path / "out")
    assert result.exit_code != ExitCode.OK
    assert "glossary.yaml:" in result.output and "aliases counted as often as they are used" in result.output


@pytest.mark.parametrize("front_matter", [
    "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(f"{k}: &{k} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                                                      for p, k in zip("abcdefg", "bcdefgh", strict=True)),
    "title: " + "[" * 60 + "]" * 60,
])
def test_front_matter_too_large_or_too_deep_is_a_skipped_article(article_folder, tmp_path, front_matter):
    (article_folder / "bomb.md").write_text(f"---\n{front_matter}\n---\n\n{BODY}\n", encoding="utf-8")
    result = build_cli(article_folder, tmp_path / "out", "--strict")
    lines = warning_lines(result, "bomb.md")
    assert len(lines) == 1 and "front matter is" in lines[0], result.output
    assert len(digests_written(tmp_path / "out")) == GOOD_ARTICLES


@pytest.mark.parametrize("name", ["briefgen.toml", "corrections.toml"])
def test_settings_nested_thousands_deep_are_one_clear_error(article_folder, tmp_path, name):
    """tomllib reads nesting recursively: 'a = [[[[...' gave a RecursionError traceback."""
    (article_folder / name).write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = build_cli(article_folder, tmp_path / "out")
    assert result.exit_code in (ExitCode.ERROR, ExitCode.USAGE), result.output
    assert f"{name}: not read: lists or tables nested hundreds of levels deep" in result.output
    assert len(result.output.splitlines()) == 1
