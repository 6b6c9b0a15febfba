"""The lexicon loader: every table loads, and a malformed table is refused with its file and line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefgen import lexicon
from briefgen.lexicon import LexiconError, load_folder

SRC = Path(lexicon.__file__).resolve().parents[1]


def write(folder: Path, text: str, name: str = "test.yaml") -> Path:
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_table_loads_in_file_order(tmp_path: Path) -> None:
    tables = load_folder(write(tmp_path, "colours:\n  doc: d\n  used_by: x\n  words: [red, green, blue]\n"))
    assert tables["colours"].entries == ("red", "green", "blue")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("t:\n  doc: d\n  words: [a, b, a]\n", "test.yaml:3: table 't': 'a' is listed twice"),
        ("t:\n  doc: d\n  words: [Capital]\n", "test.yaml:3: table 't': 'Capital' must be lower case"),
        ("t:\n  doc: d\n  wordz: [a]\n", "test.yaml:3: table 't': unknown key 'wordz'"),
        ("t:\n  words: [a]\n", "test.yaml:1: table 't' has no 'doc'"),
        ("t:\n  doc: d\n  words: []\n", "test.yaml:1: table 't' is empty"),
        ("t:\n  doc: d\n  words: [a]\nt:\n  doc: e\n  words: [b]\n", "test.yaml:4: 't' appears twice in the file"),
        ("t:\n  doc: d\n  subset_of: u\n  words: [a]\nu:\n  doc: d\n  words: [b]\n",
         "test.yaml:1: table 't': not in 'u': a"),
        ("t:\n  doc: d\n  words: [a]\n  rows: {a: {}}\n", "test.yaml:1: table 't' needs 'words' or 'rows'"),
    ],
)
def test_a_malformed_table_is_refused_with_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(LexiconError) as raised:
        load_folder(write(tmp_path, text))
    assert str(raised.value).startswith(message)


def test_a_table_name_may_be_used_in_one_file_only(tmp_path: Path) -> None:
    write(tmp_path, "t:\n  doc: d\n  words: [a]\n", "a.yaml")
    write(tmp_path, "t:\n  doc: d\n  words: [b]\n", "b.yaml")
    with pytest.raises(LexiconError, match=r"b\.yaml:1: table 't' is already defined at a\.yaml:1"):
        load_folder(tmp_path)


def test_case_any_keeps_capitals_and_alternation_tries_longest_first(tmp_path: Path) -> None:
    tables = load_folder(write(tmp_path, "months:\n  doc: d\n  case: any\n  words: [Sep, Sept]\n"))
    assert tables["months"].entries == ("Sep", "Sept")
    assert re.fullmatch(lexicon.table_alternation(tables["months"]) + r"\.", "Sept.")
    assert lexicon.table_alternation(tables["months"]) == "(?:Sept|Sep)"


def test_every_shipped_table_loads_and_is_read_by_some_module() -> None:
    tables = lexicon.all_tables()
    code = "\n".join(path.read_text(encoding="utf-8") for path in SRC.rglob("*.py"))
    unread = [name for name in tables if not re.search(rf"""["']{re.escape(name)}["']""", code)]
    assert unread == []


def test_an_unknown_table_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="no lexicon table 'no_such_table'"):
        lexicon.words("no_such_table")


def test_a_word_yaml_would_read_as_another_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="every word must be a non-empty text"):
        load_folder(write(tmp_path, "t:\n  doc: d\n  words: [yes, 'no']\n"))


@pytest.mark.parametrize("name", [name for name, found in lexicon.all_tables().items() if found.pattern and found.examples])
def test_every_example_of_a_pattern_table_matches_one_of_its_entries(name: str) -> None:
    found = lexicon.table(name)
    pattern = re.compile(lexicon.table_alternation(found), re.IGNORECASE)
    assert [example for example in found.examples if not pattern.search(example)] == []
