from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.read import find_articles, read_document


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_find_articles_keeps_known_types_in_name_order(tmp_path):
    for name in ["b.md", "a.txt", "c.html", "notes.odt", ".hidden.txt", "briefgen.toml"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_articles(tmp_path)] == ["a.txt", "b.md", "c.html"]


def test_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="folder not found"):
        find_articles(tmp_path / "nope")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"%PDF-1.7 binary", "PDF"),
    (b"PK\x03\x04zipdata", "ZIP"),
    (b"\x89PNG\r\n\x1a\nxxxx", "PNG"),
    (b"abc\x00\x01\x02\x00def" * 20, "binary"),
])
def test_unusable_files_name_the_file_and_reason(tmp_path, data, reason):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError, match=reason) as error:
        read_document(path)
    assert "bad.txt" in str(error.value)


@pytest.mark.parametrize("data", [
    "Caf\u00e9 talks \u2014 \u201cquoted\u201d".encode("utf-8"),
    "Caf\u00e9 talks \u2014 \u201cquoted\u201d".encode("cp1252"),
    "Caf\u00e9 talks \u2014 \u201cquoted\u201d".encode("utf-16"),
    b"\xef\xbb\xbf" + "Caf\u00e9 talks \u2014 \u201cquoted\u201d".encode("utf-8"),
])
def test_text_encodings_are_decoded(tmp_path, data):
    assert read_document(write(tmp_path, "a.txt", data)).text == "Caf\u00e9 talks \u2014 \u201cquoted\u201d"


def test_mixed_line_endings_are_normalised(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", b"one\r\ntwo\rthree\nfour"))
    assert doc.text == "one\ntwo\nthree\nfour"


def test_unsupported_extension(tmp_path):
    with pytest.raises(InputError, match="unsupported file type"):
        read_document(write(tmp_path, "a.odt", b"text"))


def test_markdown_front_matter_is_split_off(tmp_path):
    doc = read_document(write(tmp_path, "a.md", b"---\ntitle: A title\ndate: 2024-05-02\nextra: x\n---\nBody text.\n"))
    assert doc.front("title") == "A title"
    assert doc.front("date") == "2024-05-02"
    assert doc.front("extra") is None
    assert doc.text.strip() == "Body text."


def test_broken_front_matter_names_file_and_line(tmp_path):
    with pytest.raises(InputError, match=r"a\.md:\d+: front matter is not valid YAML"):
        read_document(write(tmp_path, "a.md", b"---\ntitle: [unclosed\n---\nBody\n"))


def test_reading_never_modifies_the_file(tmp_path):
    data = "Line one\r\nLine two\r\n".encode("cp1252")
    path = write(tmp_path, "a.txt", data)
    read_document(path)
    assert path.read_bytes() == data


def test_a_txt_article_may_open_with_front_matter_or_title_lines(tmp_path):
    body = "Negotiators met again on Monday.\n\nThey agreed to meet next week.\n"
    (tmp_path / "yaml.txt").write_text(f"---\ntitle: Talks resume\ndate: 2026-11-30\n---\n{body}", encoding="utf-8")
    (tmp_path / "lines.txt").write_text(f"Title: Talks resume\nDATE: 2026-11-30\n\n{body}", encoding="utf-8")
    for name in ("yaml.txt", "lines.txt"):
        document = read_document(tmp_path / name)
        assert (document.front("title"), document.front("date")) == ("Talks resume", "2026-11-30")
        assert document.text.strip() == body.strip()


def test_a_txt_article_whose_first_lines_are_not_all_header_lines_stays_whole(tmp_path):
    text = "Title: Talks resume\nNegotiators met again on Monday.\n\nThey agreed to meet next week.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    document = read_document(tmp_path / "a.txt")
    assert document.front_matter == () and document.text == text
