"""The words the rules read: small data tables, one file per concept, each entry once.

Every `*.yaml` file in this folder maps table names to tables:

    cue_verbs:
      doc: Verbs of saying that attribute a quotation ("said", "told").   # what the rule does with it
      used_by: analyse.speakers.tokens                                     # the module that reads it
      words: [said, says, say, told, ...]

A table holds `words` (a list of strings) or `rows` (a mapping of a key to its columns). Optional
keys: `case: any` (entries keep their capitals; the default, `lower`, requires lower case),
`pattern: true` (entries are regular-expression fragments, not words), `subset_of: other_table`
(every entry must also be in that table), `examples` (a list of free-form cases that the tests
in tests/test_lexicon.py run). The loader refuses, with `file:line`, an unknown key, a table
without `doc`, an empty table, a word listed twice, a word in the wrong case, a table name used in
two files, and a `subset_of` that does not hold. Tables are read once per process.

Rules ask for a table by name: `words("cue_verbs")`, `ordered(...)` when the order matters,
`rows(...)` for tables with columns, `alternation(...)` for a regex that matches any entry
(longest first). `where(word)` lists the tables that hold a word, which answers "why was this
word taken for a speaker?".
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

FOLDER = Path(__file__).parent

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TABLE_KEYS = frozenset({"doc", "used_by", "words", "rows", "case", "pattern", "subset_of", "examples"})


class LexiconError(ValueError):
    """A lexicon file that breaks the format above; the message starts with `file:line:`."""


class Table:
    """One loaded table: its entries in file order, and how they are to be read."""

    def __init__(self, name: str, entries: tuple[str, ...], rows: Mapping[str, Mapping[str, Any]],
                 pattern: bool, case: str, examples: tuple[Any, ...], origin: str):
        self.name = name
        self.entries = entries
        self.rows = rows
        self.pattern = pattern
        self.case = case
        self.examples = examples
        self.origin = origin


def _where(path: Path, node: yaml.Node) -> str:
    return f"{path.name}:{node.start_mark.line + 1}"


def _python(node: yaml.Node) -> Any:
    """A composed node as plain Python values (the safe constructor, without its duplicate-key blind spot)."""
    return yaml.load(yaml.serialize(node), Loader=_Loader)


def _mapping_items(path: Path, node: yaml.Node, what: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise LexiconError(f"{_where(path, node)}: {what} must be a mapping")
    seen: set[str] = set()
    items = []
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise LexiconError(f"{_where(path, key)}: {what} keys must be plain names")
        if key.value in seen:
            raise LexiconError(f"{_where(path, key)}: '{key.value}' appears twice in {what}")
        seen.add(key.value)
        items.append((key, value))
    return items


def _entries(path: Path, name: str, node: yaml.Node, case: str) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode):
        raise LexiconError(f"{_where(path, node)}: table '{name}': 'words' must be a list")
    seen: dict[str, str] = {}
    entries = []
    for item in node.value:
        # The composed tag tells a text from `yes`, `1` or `null`, which YAML would read as other types.
        if not isinstance(item, yaml.ScalarNode) or item.tag != "tag:yaml.org,2002:str" or not item.value:
            raise LexiconError(f"{_where(path, item)}: table '{name}': every word must be a non-empty text")
        word = item.value
        if case == "lower" and word != word.lower():
            raise LexiconError(f"{_where(path, item)}: table '{name}': '{word}' must be lower case")
        if word in seen:
            raise LexiconError(f"{_where(path, item)}: table '{name}': '{word}' is listed twice")
        seen[word] = word
        entries.append(word)
    return tuple(entries)


def _table(path: Path, key_node: yaml.ScalarNode, node: yaml.Node) -> tuple[Table, str | None, str]:
    name = key_node.value
    fields = {key.value: (key, value) for key, value in _mapping_items(path, node, f"table '{name}'")}
    for key, _value in fields.values():
        if key.value not in _TABLE_KEYS:
            raise LexiconError(f"{_where(path, key)}: table '{name}': unknown key '{key.value}'")
    if "doc" not in fields:
        raise LexiconError(f"{_where(path, key_node)}: table '{name}' has no 'doc'")
    if ("words" in fields) == ("rows" in fields):
        raise LexiconError(f"{_where(path, key_node)}: table '{name}' needs 'words' or 'rows' (one of them)")
    options = {key: _python(value) for key, (_k, value) in fields.items() if key in ("case", "pattern", "subset_of")}
    case = options.get("case", "lower")
    if case not in ("lower", "any"):
        raise LexiconError(f"{_where(path, fields['case'][1])}: table '{name}': 'case' is lower or any")
    if "words" in fields:
        entries = _entries(path, name, fields["words"][1], case)
        rows: Mapping[str, Mapping[str, Any]] = {}
    else:
        row_items = _mapping_items(path, fields["rows"][1], f"table '{name}' rows")
        rows = {key.value: (_python(value) or {}) for key, value in row_items}
        for key, _value in row_items:
            if case == "lower" and key.value != key.value.lower():
                raise LexiconError(f"{_where(path, key)}: table '{name}': '{key.value}' must be lower case")
            if not isinstance(rows[key.value], Mapping):
                raise LexiconError(f"{_where(path, key)}: table '{name}': the row '{key.value}' must be a mapping")
        entries = tuple(rows)
    if not entries:
        raise LexiconError(f"{_where(path, key_node)}: table '{name}' is empty")
    examples = tuple(_python(fields["examples"][1]) or ()) if "examples" in fields else ()
    table = Table(name, entries, rows, bool(options.get("pattern", False)), case, examples, _where(path, key_node))
    return table, options.get("subset_of"), _where(path, key_node)


def _read_file(path: Path) -> list[tuple[Table, str | None, str]]:
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as error:
        raise LexiconError(f"{path.name}: not valid YAML: {error}") from None
    if root is None:
        raise LexiconError(f"{path.name}: empty file")
    return [_table(path, key, value) for key, value in _mapping_items(path, root, "the file")]


def load_folder(folder: Path) -> dict[str, Table]:
    """Every table of every YAML file in `folder`, checked; a LexiconError on the first problem."""
    tables: dict[str, Table] = {}
    subsets: list[tuple[Table, str, str]] = []
    for path in sorted(folder.glob("*.yaml")):
        for table, subset_of, where in _read_file(path):
            if table.name in tables:
                raise LexiconError(f"{where}: table '{table.name}' is already defined at {tables[table.name].origin}")
            tables[table.name] = table
            if subset_of:
                subsets.append((table, subset_of, where))
    for table, superset, where in subsets:
        if superset not in tables:
            raise LexiconError(f"{where}: table '{table.name}': subset_of names no table: '{superset}'")
        missing = [entry for entry in table.entries if entry not in set(tables[superset].entries)]
        if missing:
            raise LexiconError(f"{where}: table '{table.name}': not in '{superset}': {', '.join(missing)}")
    return tables


@cache
def _tables() -> dict[str, Table]:
    return load_folder(FOLDER)


def table(name: str) -> Table:
    """The table called `name`; a KeyError names an unknown table at import time of the rule that asks."""
    try:
        return _tables()[name]
    except KeyError:
        raise KeyError(f"no lexicon table '{name}' in {FOLDER}") from None


def words(name: str) -> frozenset[str]:
    return frozenset(table(name).entries)


def ordered(name: str) -> tuple[str, ...]:
    return table(name).entries


def rows(name: str) -> Mapping[str, Mapping[str, Any]]:
    return table(name).rows


def alternation(name: str) -> str:
    """A regex group matching any entry, longest first (so "Sept" is tried before "Sep")."""
    return table_alternation(table(name))


def table_alternation(found: Table) -> str:
    parts = found.entries if found.pattern else tuple(re.escape(entry) for entry in found.entries)
    return "(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")"


def where(word: str) -> list[str]:
    """The tables that hold `word` (in any case)."""
    wanted = word.lower()
    return [name for name, found in _tables().items() if any(entry.lower() == wanted for entry in found.entries)]


def all_tables() -> Mapping[str, Table]:
    return _tables()
