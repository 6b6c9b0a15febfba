"""The glossary: curated term entries (YAML), finding them in an article, and its context boxes.

Files are given in precedence order, highest first (course glossaries, then the built-in one). A
course entry whose term or any alias names a built-in entry replaces that entry whole. Every
problem in a file is reported as "file:line: message"; loading stops at the first one.

Matching: an entry is found by its term and aliases (not by its expansion unless it is also an
alias: the data decides which full names are specific enough). A word with two or more capitals
("ABM", "START", "PrepCom") or a capital and a digit ("P5") matches with exactly that
capitalisation, other words in any case, so "New START" matches "new START" but never "a new
start"; an alias listed in `case_sensitive_aliases` matches exactly as written. Names match whole
words only, with any spacing, hyphen or apostrophe style and an optional plural "s"; where names
overlap the longest wins, but a match made up entirely of other names ("NPT PrepCom") stands for
each of them. Names are grouped by their first three letters, one compiled alternation per group,
so finding terms costs a dictionary look-up per word whatever the size of the glossary.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from .. import safe_yaml
from ..errors import GlossaryError
from ..lexicon import words
from ..model import Acronym, DatedName, GlossaryEntry, TermExplanation

BUILTIN_GLOSSARY: Path = Path(__file__).resolve().parents[1] / "data" / "glossary.yaml"

# --- reading and checking files --------------------------------------------------------------

# libyaml's parser when present: ten times faster, and it keeps line marks too.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_REQUIRED = ("term", "definition", "as_of", "sources")
_OPTIONAL = ("expansion", "aliases", "case_sensitive_aliases", "dated_aliases", "status", "key_dates", "related")
_KEY_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# The file header's limits: a box is read at a glance, so its two texts stay short.
WORD_LIMIT = {"definition": 60, "status": 60}


@dataclass(frozen=True)
class _ParsedEntry:
    """An entry as read from a file, with what the model does not keep: where it is, and how it matches."""

    entry: GlossaryEntry
    line: int
    case_sensitive: frozenset[str]


class _Report:
    """What reading one file found: its problems (`lines`: "file:line: message", in file order) and
    every term it names, even in entries too broken to use (so `related` checks stay accurate).

    An error leaves an entry unusable and stops a build. A rule breach (`breach`: a definition over
    the word limit, a generic alias, key dates out of order) leaves it usable: `--check` reports it
    like an error, a build warns and carries on."""

    def __init__(self, path: Path):
        self.path = path
        self._found: list[tuple[int, str]] = []
        self._breaches: list[tuple[int, str]] = []
        self.terms_seen: set[str] = set()

    def add(self, line: int, message: str) -> None:
        self._found.append((line, message))

    def breach(self, line: int, message: str) -> None:
        self._breaches.append((line, message))

    def _format(self, found: Iterable[tuple[int, str]]) -> list[str]:
        return [f"{self.path}:{line}: {message}" for line, message in sorted(found, key=lambda p: p[0])]

    @property
    def errors(self) -> list[str]:
        return self._format(self._found)

    @property
    def breaches(self) -> list[str]:
        return self._format(self._breaches)

    @property
    def lines(self) -> list[str]:
        return self._format(self._found + self._breaches)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _read_file(path: Path, problems: _Report) -> list[_ParsedEntry]:
    """Every well-formed entry of one file; each problem goes to `problems`."""
    try:
        if path.stat().st_size > safe_yaml.MAX_BYTES:
            problems.add(1, f"glossary file larger than {safe_yaml.MAX_BYTES // (1024 * 1024)} MB; not read")
            return []
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.add(1, "glossary file not found")
        return []
    except (OSError, UnicodeDecodeError) as error:
        problems.add(1, f"cannot read glossary file: {error}")
        return []
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return []  # an empty file is an empty glossary
        safe_yaml.check_node(root)  # an alias bomb or deep nesting, before anything is built
        if not isinstance(root, yaml.SequenceNode):
            problems.add(_line(root), "a glossary is a list of entries (each starting with '- term:')")
            return []
        return [parsed for node in root.value if (parsed := _read_entry(node, loader, problems))]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problems.add(line, f"not valid YAML: {error.problem or error.context}")
        return []
    except safe_yaml.YamlLimitError as error:
        problems.add(error.line, f"not read: {error}")
        return []
    except RecursionError:
        problems.add(1, f"not read: nested more than {safe_yaml.MAX_DEPTH} levels deep")
        return []
    finally:
        loader.dispose()


_BAD = object()  # a value YAML could not build (reported already)


def _construct(loader: yaml.SafeLoader, node: yaml.Node, problems: _Report) -> Any:
    """The Python value of a node, built scalar by scalar so that a value YAML cannot build
    ("2026-02-30") is reported at its own line; _BAD then."""
    if isinstance(node, yaml.SequenceNode):
        items = [_construct(loader, item, problems) for item in node.value]
        return _BAD if any(item is _BAD for item in items) else items
    if isinstance(node, yaml.MappingNode):
        pairs = [(_construct(loader, k, problems), _construct(loader, v, problems)) for k, v in node.value]
        if any(item is _BAD for pair in pairs for item in pair):
            return _BAD
        try:
            return dict(pairs)
        except TypeError:
            problems.add(_line(node), "a key here is not a plain name")
            return _BAD
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError) as error:
        problems.add(_line(node), f"cannot read {node.value!r}: {error}")
        return _BAD


def _read_entry(node: yaml.Node, loader: yaml.SafeLoader, problems: _Report) -> _ParsedEntry | None:
    """One entry, or None when it lacks what every entry needs. A problem that leaves the entry usable
    (an unknown key, a bad key date) is reported but the entry is kept, so later checks still see it."""
    if not isinstance(node, yaml.MappingNode):
        problems.add(_line(node), "an entry must be a mapping of keys (term:, definition:, ...)")
        return None
    values: dict[str, Any] = {}
    nodes: dict[str, yaml.Node] = {}
    unreadable: set[str] = set()
    for key_node, value_node in node.value:
        key = _construct(loader, key_node, problems)
        if key is _BAD:
            continue
        if key not in _REQUIRED and key not in _OPTIONAL:
            problems.add(_line(key_node), f"unknown key {key!r} (expected one of: {', '.join(_REQUIRED + _OPTIONAL)})")
            continue
        if key in values or key in unreadable:
            problems.add(_line(key_node), f"key {key!r} appears twice in this entry")
            continue
        value = _construct(loader, value_node, problems)
        if value is _BAD:
            unreadable.add(key)
            continue
        values[key] = value
        nodes[key] = value_node
    here = _line(node)
    label = f"entry {values['term']!r}" if isinstance(values.get("term"), str) else "entry"
    if isinstance(values.get("term"), str):
        problems.terms_seen.add(" ".join(values["term"].split()))
    missing = [key for key in _REQUIRED if key not in unreadable and values.get(key) in (None, "")]
    for key in missing:
        problems.add(here, f"{label}: missing required key {key!r}")
    if missing or unreadable & set(_REQUIRED):
        return None
    return _EntryChecker(values, nodes, here, label, problems).parsed()


class _EntryChecker:
    """Turns one entry's raw values into a GlossaryEntry, reporting each value of the wrong shape."""

    def __init__(self, values: dict[str, Any], nodes: dict[str, yaml.Node], line: int, label: str, problems: _Report):
        self.values = values
        self.nodes = nodes
        self.line = line
        self.label = label
        self.problems = problems

    def _where(self, key: str, item: int | None) -> int:
        """The line of the key's value, or of one item of a list value."""
        node = self.nodes.get(key)
        if node is not None and item is not None and isinstance(node, yaml.SequenceNode):
            node = node.value[item]
        return _line(node) if node is not None else self.line

    def problem(self, key: str, message: str, item: int | None = None) -> None:
        self.problems.add(self._where(key, item), f"{self.label}: {message}")

    def breach(self, key: str, message: str, item: int | None = None) -> None:
        self.problems.breach(self._where(key, item), f"{self.label}: {message}")

    def limited_text(self, key: str) -> str | None:
        """A text with a word limit (definition, status); over the limit is a breach."""
        value = self.text(key)
        if value is not None and len(value.split()) > WORD_LIMIT[key]:
            self.breach(key, f"{key} has {len(value.split())} words (at most {WORD_LIMIT[key]})")
        return value

    def report_generic(self, names: Sequence[str], key: str) -> None:
        """Each generic name is a breach: it matches ordinary prose, so `--check` refuses it; a build
        warns and keeps it (a course author may know their articles)."""
        for index, name in enumerate(names):
            if is_generic_name(name):
                self.breach(key, f"alias {name!r} is an ordinary phrase, not a name: it matches ordinary prose "
                            "(use a longer, specific form)", index)

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        if value is None:
            return None
        if isinstance(value, (list, tuple)) and key == "sources" and all(isinstance(v, str) for v in value):
            return "; ".join(value)
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"{key!r} must be text")
            return None
        return " ".join(value.split())

    def names(self, key: str) -> tuple[str, ...]:
        value = self.values.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(key, f"{key!r} must be a list of names, like [ABM, ABM treaty]")
            return ()
        return tuple(" ".join(v.split()) for v in value)

    def as_of(self) -> dt.date | None:
        value = self.values.get("as_of")
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = dt.date.fromisoformat(value.strip())
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            self.problem("as_of", "'as_of' must be a date written YYYY-MM-DD")
            return None
        if value > dt.date.today():
            self.problem("as_of", f"'as_of' {value.isoformat()} is in the future")
        return value

    def key_dates(self) -> tuple[tuple[str, str], ...]:
        value = self.values.get("key_dates")
        if value is None:
            return ()
        shape = "'key_dates' must be a list of {date: YYYY-MM-DD, event: text}"
        if not isinstance(value, list):
            self.problem("key_dates", shape)
            return ()
        dates = []
        for index, item in enumerate(value):
            if not isinstance(item, dict) or set(item) != {"date", "event"}:
                self.problem("key_dates", shape, index)
                continue
            when = item["date"].isoformat() if isinstance(item["date"], dt.date) else str(item["date"])
            if not _KEY_DATE.fullmatch(when) or not _valid_partial_date(when):
                self.problem("key_dates", f"key date {when!r} is not YYYY-MM-DD, YYYY-MM or YYYY", index)
                continue
            if not isinstance(item["event"], str) or not item["event"].strip():
                self.problem("key_dates", f"key date {when}: 'event' must be text", index)
                continue
            dates.append((when, " ".join(item["event"].split())))
        for index in range(1, len(dates)):
            # A vaguer date may follow a precise one inside it ("2025-09" after "2025-09-10").
            if dates[index][0] < dates[index - 1][0] and not dates[index - 1][0].startswith(dates[index][0]):
                self.breach("key_dates", f"key date {dates[index][0]} comes before {dates[index - 1][0]} "
                            "(key dates are listed oldest first)", index)
        return tuple(dates)

    def dated_aliases(self) -> tuple[DatedName, ...]:
        """Names that mean this entry only in articles of a time span ("Iran nuclear deal")."""
        value = self.values.get("dated_aliases")
        if value is None:
            return ()
        shape = "'dated_aliases' must be a list of {name: text, from: YYYY-MM-DD, until: YYYY-MM-DD}"
        if not isinstance(value, list):
            self.problem("dated_aliases", shape)
            return ()
        found = []
        for index, item in enumerate(value):
            bounds = {key: item.get(key) for key in ("from", "until")} if isinstance(item, dict) else {}
            if (not isinstance(item, dict) or not set(item) <= {"name", "from", "until"}
                    or not isinstance(item.get("name"), str) or not item["name"].strip()
                    or not any(bounds.values())
                    or not all(b is None or (isinstance(b, dt.date) and not isinstance(b, dt.datetime))
                               for b in bounds.values())):
                self.problem("dated_aliases", shape + " (at least one of from and until)", index)
                continue
            start, end = bounds["from"], bounds["until"]
            if start and end and end < start:
                self.breach("dated_aliases", f"dated alias {item['name']!r}: until {end} is before from {start}", index)
            found.append(DatedName(" ".join(item["name"].split()), start, end))
        self.report_generic([span.name for span in found], "dated_aliases")
        return tuple(found)

    def parsed(self) -> _ParsedEntry | None:
        term = self.text("term")
        definition = self.limited_text("definition")
        sources = self.text("sources")
        as_of = self.as_of()
        expansion, status, key_dates, related = (
            self.text("expansion"), self.limited_text("status"), self.key_dates(), self.names("related"))
        if as_of is not None and key_dates and _date_floor(key_dates[-1][0]) > as_of:
            self.breach("key_dates", f"key date {key_dates[-1][0]} is after as_of {as_of} "
                        "(the status must be known through every key date)", len(key_dates) - 1)
        if term is not None and term in related:
            self.breach("related", "an entry is not related to itself")
        # A case-sensitive alias is a name of the entry even when `aliases` does not repeat it.
        case_sensitive = self.names("case_sensitive_aliases")
        aliases = self.names("aliases")
        self.report_generic(case_sensitive, "case_sensitive_aliases")
        self.report_generic(aliases, "aliases")
        aliases += tuple(n for n in case_sensitive if n != term and n not in aliases)
        dated = self.dated_aliases()
        if term is None or definition is None or as_of is None:
            return None  # kept otherwise, so that its names and related terms are checked too
        entry = GlossaryEntry(term=term, definition=definition, as_of=as_of, sources=sources,
                              origin_file=str(self.problems.path), expansion=expansion, aliases=aliases,
                              status=status, key_dates=key_dates, related=related, dated_aliases=dated)
        return _ParsedEntry(entry, self.line, frozenset(case_sensitive))


def _date_floor(when: str) -> dt.date:
    """The first day a key date ("2015", "2015-07", "2015-07-14") can mean."""
    parts = [int(p) for p in when.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


_NAME_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def is_generic_name(name: str) -> bool:
    """Whether a name is ordinary prose rather than a name: listed as such ("safeguards", "a new
    start"), or made only of the words news uses for any agreement ("framework agreement", "the
    nuclear deal"). A word with capitals or digits that fix its meaning ("JCPOA", "P5") is specific."""
    if _name_key(name) in _generic_alias_keys():
        return True
    tokens = _NAME_WORD.findall(name)
    generic = words("glossary_generic_words")
    return bool(tokens) and all(not _is_acronym_word(t) and t.casefold() in generic for t in tokens)


@cache
def _generic_alias_keys() -> frozenset[str]:
    # Once per process: every alias of every entry is checked against them when a glossary loads.
    return frozenset(_name_key(phrase) for phrase in words("glossary_generic_aliases"))


def _valid_partial_date(when: str) -> bool:
    parts = [int(p) for p in when.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _name_key(name: str) -> str:
    """How names are compared: case, spacing, quote style and hyphens ("Non-Proliferation",
    "Nonproliferation") do not count."""
    folded = unicodedata.normalize("NFKC", name).casefold().translate(_STYLE_VARIANTS)
    return " ".join(_PLUS_SPACING.sub("+", _HYPHEN_JOIN.sub("", folded)).split())


_HYPHEN_JOIN = re.compile(r"-\s*")
_PLUS_SPACING = re.compile(r"\s*\+\s*")


_STYLE_VARIANTS = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


def _entry_names(entry: GlossaryEntry) -> list[str]:
    """The names an entry is found by: its term and aliases (an expansion is matched only when it is
    also listed as an alias, so the data decides which full names are specific enough)."""
    return [entry.term, *entry.aliases]


def _check_unique_names(parsed: Sequence[_ParsedEntry], problems: _Report) -> list[_ParsedEntry]:
    """Drop (and report) entries that reuse a term or alias of an earlier entry of the same file. A
    dated alias may be shared by entries whose time spans do not overlap; it is never also a plain name."""
    owner: dict[str, str] = {}
    dated: dict[str, list[tuple[DatedName, str]]] = {}
    kept = []
    for item in parsed:
        clashes = []
        mine = {_name_key(name) for name in _entry_names(item.entry)}
        for name in _entry_names(item.entry):
            key = _name_key(name)
            if key in owner and owner[key] != item.entry.term:
                clashes.append(f"name {name!r} is already used by entry {owner[key]!r}")
            elif key in dated:
                clashes.append(f"name {name!r} is a dated alias of entry {dated[key][0][1]!r}")
        for span in item.entry.dated_aliases:
            key = _name_key(span.name)
            if key in owner or key in mine:
                plain_owner = owner.get(key, item.entry.term)
                clashes.append(f"dated alias {span.name!r} is also a plain name of entry {plain_owner!r}")
            clashes += [f"dated alias {span.name!r} overlaps in time with the same alias of entry {other!r}"
                        for earlier, other in dated.get(key, []) if _overlap(span, earlier)]
        if clashes:
            for clash in clashes:
                problems.add(item.line, f"entry {item.entry.term!r}: {clash}")
            continue
        kept.append(item)
        owner.update(dict.fromkeys(mine, item.entry.term))
        for span in item.entry.dated_aliases:
            dated.setdefault(_name_key(span.name), []).append((span, item.entry.term))
    return kept


def _overlap(one: DatedName, other: DatedName) -> bool:
    low, high = dt.date.min, dt.date.max
    return max(one.start or low, other.start or low) <= min(one.end or high, other.end or high)


def check_glossary(path: Path) -> list[str]:
    """Every problem in one glossary file, one "file:line: message" line each ([] when it is fine).

    Besides the shape of each entry: names are unique, and every `related` name is a term of this
    file or of the built-in glossary.
    """
    problems = _Report(Path(path))
    parsed = _check_unique_names(_read_file(Path(path), problems), problems)
    terms = set(problems.terms_seen)
    if Path(path).resolve() != BUILTIN_GLOSSARY.resolve() and BUILTIN_GLOSSARY.is_file():
        builtin = _Report(BUILTIN_GLOSSARY)
        _read_file(BUILTIN_GLOSSARY, builtin)
        terms |= builtin.terms_seen
    for item in parsed:
        for name in item.entry.related:
            if name not in terms:
                problems.add(item.line, f"entry {item.entry.term!r}: related term {name!r} is not a term of any entry")
    return problems.lines


def load_glossary(paths: Sequence[Path]) -> Glossary:
    """The merged glossary of `paths`, highest precedence first; GlossaryError at the first error.
    Rule breaches (see _Report) do not stop it: they are the glossary's `warnings`."""
    merged: list[_ParsedEntry] = []
    claimed: set[str] = set()
    warnings: list[str] = []
    for path in paths:
        problems = _Report(Path(path))
        parsed = _check_unique_names(_read_file(Path(path), problems), problems)
        if problems.errors:
            more = ""
            if len(problems.errors) > 1:
                more = f" (and {len(problems.errors) - 1} more; run: briefgen glossary --check {path})"
            raise GlossaryError(problems.errors[0] + more)
        warnings += problems.breaches
        claimed_here: set[str] = set()
        for item in parsed:
            keys = {_name_key(name) for name in _entry_names(item.entry)}
            keys |= {_name_key(span.name) for span in item.entry.dated_aliases}
            if keys & claimed:
                continue  # a higher-precedence file already explains this term
            claimed_here |= keys  # entries of one file may share a dated alias (checked above)
            merged.append(item)
        claimed |= claimed_here
    return Glossary([item.entry for item in merged], {item.entry.term: item.case_sensitive for item in merged},
                    warnings=warnings)


# --- matching in text ------------------------------------------------------------------------


@dataclass(frozen=True)
class TermMatch:
    """One place an entry's name occurs in a text: text[start:end] == surface."""

    entry: GlossaryEntry
    start: int
    end: int
    surface: str


_NAME_TOKEN = re.compile(r"\S+")
_HYPHENS = "-‐‑–"


def _is_acronym_word(word: str) -> bool:
    """ "ABM", "PrepCom", "P5", "9M729": words whose capitalisation is part of their meaning."""
    uppers = sum(ch.isupper() for ch in word)
    return uppers >= 2 or (uppers == 1 and any(ch.isdigit() for ch in word))


_HYPHEN_SPLIT = re.compile(r"([-‐‑–])")
# Apostrophes in either style; a plus sign with or without spaces ("P5+1", "P5 +1", "P5 + 1").
_CHAR_PATTERNS = {"'": "['’]", "’": "['’]", "+": r"\s?\+\s?"}


def _word_pattern(word: str, exact: bool) -> str:
    """A regex for one word of a name: hyphens and apostrophes in any style, and each hyphenated part
    case-sensitive only if it is acronym-like ("NATO-Russia", but "Non-Proliferation" in any case)."""
    pattern = []
    for part in _HYPHEN_SPLIT.split(word):
        if _HYPHEN_SPLIT.fullmatch(part):
            pattern.append(r"(?:[-‐‑–]\s?)?")  # "Non-Proliferation", "Nonproliferation", "Non- Proliferation"
        elif part:
            escaped = "".join(map(_char_pattern, part))
            pattern.append(escaped if exact or _is_acronym_word(part) else f"(?i:{escaped})")
    return "".join(pattern)


@cache
def _char_pattern(ch: str) -> str:
    # Cached: the matcher escapes every character of some 1,500 names each time a glossary loads.
    return _CHAR_PATTERNS.get(ch) or re.escape(ch)


def _name_pattern(name: str, exact: bool) -> str:
    words = _NAME_TOKEN.findall(name)
    body = r"\s+".join(_word_pattern(word, exact) for word in words)
    plural = r"(?:['’]?s|es)?" if name[-1].isalpha() else ""
    return body + plural


_PREFIX = 3  # names are grouped by their first three letters or digits
_WORD_START = re.compile(r"(?<!\w)\w")


def _prefix(text: str, start: int = 0) -> str:
    """The first _PREFIX letters or digits from `start`, lowercased, skipping spaces and punctuation."""
    head = text[start : start + _PREFIX]
    if head.isalnum():  # the usual case, and the quick one
        return head.lower()
    chars = [ch.lower() for ch in text[start : start + 4 * _PREFIX] if ch.isalnum()]
    return "".join(chars[:_PREFIX])


class _Matcher:
    """Finds the longest name starting at a position. Names are grouped by their first letters, and
    each group is one compiled alternation, longest name first (Python tries alternatives in order),
    so a position costs a dictionary look-up and at most a few small regex matches."""

    def __init__(self, names: Iterable[tuple[str, bool]]):
        groups: dict[str, dict[str, int]] = {}
        for name, exact in names:
            lengths = groups.setdefault(_prefix(name), {})
            pattern = _name_pattern(name, exact)
            lengths[pattern] = max(lengths.get(pattern, 0), len(name))
        self._sources = {
            prefix: "(?:" + "|".join(sorted(lengths, key=lambda p: (-lengths[p], p))) + r")(?!\w)"
            for prefix, lengths in groups.items()
            if prefix
        }
        # Compiled when a text first has a word with that prefix: compiling all 482 groups was a
        # quarter of a warm rebuild's time outside WeasyPrint, and a briefing meets about half.
        self._groups: dict[str, re.Pattern[str]] = {}

    def _group(self, prefix: str) -> re.Pattern[str] | None:
        group = self._groups.get(prefix)
        if group is None and prefix in self._sources:
            group = self._groups[prefix] = re.compile(self._sources[prefix])
        return group

    def match(self, text: str, start: int, end: int | None = None) -> re.Match[str] | None:
        """The longest name at text[start:], ending by `end` when given."""
        prefix = _prefix(text, start)
        best = None
        for size in range(len(prefix), 0, -1):
            group = self._group(prefix[:size])
            found = group.match(text, start, len(text) if end is None else end) if group else None
            if found and (best is None or found.end() > best.end()):
                best = found
        return best


class Glossary:
    """The merged glossary: its entries, and a matcher for their names in text. `warnings` are the
    rule breaches of its files (a build reports them)."""

    def __init__(self, entries: Iterable[GlossaryEntry], case_sensitive: dict[str, frozenset[str]] | None = None,
                 warnings: Sequence[str] = ()):
        self.entries: tuple[GlossaryEntry, ...] = tuple(entries)
        self._case_sensitive = case_sensitive or {}
        self.warnings: tuple[str, ...] = tuple(warnings)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, name: str) -> GlossaryEntry | None:
        """The entry with this term or alias (compared like clashes: case, spacing and hyphens ignored)."""
        return self._by_name.get(_name_key(name))

    def find_expansion(self, long_form: str) -> GlossaryEntry | None:
        """The entry whose expansion, term or alias is this long form ("Anti-Ballistic Missile Treaty")."""
        key = _name_key(long_form)
        return self._by_name.get(key) or self._by_expansion.get(key)

    @cached_property
    def _by_name(self) -> dict[str, GlossaryEntry]:
        return {_name_key(name): entry for entry in reversed(self.entries) for name in _entry_names(entry)}

    @cached_property
    def _by_expansion(self) -> dict[str, GlossaryEntry]:
        return {_name_key(entry.expansion): entry for entry in reversed(self.entries) if entry.expansion}

    @cached_property
    def _dated(self) -> dict[str, list[tuple[DatedName, GlossaryEntry]]]:
        spans: dict[str, list[tuple[DatedName, GlossaryEntry]]] = {}
        for entry in self.entries:
            for span in entry.dated_aliases:
                spans.setdefault(_name_key(span.name), []).append((span, entry))
        return spans

    @cached_property
    def _matcher(self) -> _Matcher:
        names = []
        for entry in self.entries:
            exact = self._case_sensitive.get(entry.term, frozenset())
            names += [(name, name in exact) for name in _entry_names(entry)]
            names += [(span.name, False) for span in entry.dated_aliases]
        return _Matcher(names)

    def _entry_for(self, surface: str, when: dt.date | None = None) -> GlossaryEntry | None:
        """The entry a matched name stands for; a dated alias only when the article's date `when` is
        known and inside its span (an undated article gets no guess)."""
        key = _name_key(surface)
        keys = [key] + [key[: -len(suffix)] for suffix in ("'s", "es", "s") if key.endswith(suffix)]
        for candidate in keys:  # the name itself, then without the optional plural the pattern allows
            if candidate in self._by_name:
                return self._by_name[candidate]
        for candidate in keys:
            for span, entry in self._dated.get(candidate, []):
                if when is not None and span.covers(when):
                    return entry
        return None

    def find_terms(self, text: str, when: dt.date | None = None) -> list[TermMatch]:
        """Every occurrence of an entry's name in `text`, in text order. Where names overlap the longest
        wins, but a name made only of other names ("NPT PrepCom") yields each of those. `when` is the
        article's date, which decides what a dated alias ("Iran nuclear deal") stands for."""
        found: list[TermMatch] = []
        free_from = 0
        for word in _WORD_START.finditer(text):
            start = word.start()
            if start < free_from:
                continue
            match = self._matcher.match(text, start)
            if match is None:
                continue
            end, surface = match.end(), match.group()
            if start and text[start - 1] in _HYPHENS and not _is_acronym_word(surface.split()[0]):
                continue  # "ballistic missile" inside "anti-ballistic missile"
            entry = self._entry_for(surface, when)
            if entry is None:
                continue
            tiles = self._tiles(text, start, end, when) if " " in surface else None
            if tiles and any(tile.entry is not entry for tile in tiles):
                found += tiles
            else:
                found.append(TermMatch(entry, start, end, surface))
            free_from = end
        return found

    def _tiles(self, text: str, start: int, end: int, when: dt.date | None) -> list[TermMatch] | None:
        """Two or more shorter names that exactly cover text[start:end], word by word, if there are."""
        word_ends = [m.end() for m in _NAME_TOKEN.finditer(text, start, end)]
        tiles: list[TermMatch] = []
        position = start
        while position < end:
            tile = None
            for limit in reversed([e for e in word_ends if e > position and (position, e) != (start, end)]):
                candidate = self._matcher.match(text, position, limit)
                if candidate and candidate.end() == limit and (entry := self._entry_for(candidate.group(), when)):
                    tile = TermMatch(entry, position, limit, candidate.group())
                    break
            if tile is None:
                return None
            tiles.append(tile)
            position = tile.end
            while position < end and text[position].isspace():
                position += 1
        return tiles

    def to_json(self) -> list[dict[str, Any]]:
        """Every entry in full, for `briefgen glossary --list --json`."""
        return [_entry_json(entry) for entry in self.entries]


def _entry_json(entry: GlossaryEntry) -> dict[str, Any]:
    return {
        "term": entry.term,
        "expansion": entry.expansion,
        "aliases": list(entry.aliases),
        "definition": entry.definition,
        "status": entry.status,
        "as_of": entry.as_of.isoformat(),
        "key_dates": [{"date": when, "event": event} for when, event in entry.key_dates],
        "related": list(entry.related),
        "sources": entry.sources,
        "origin_file": entry.origin_file,
        "dated_aliases": [
            {"name": span.name, "from": _iso(span.start), "until": _iso(span.end)} for span in entry.dated_aliases
        ],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# --- how current a status is ----------------------------------------------------------------------

STALE_AFTER_MONTHS = 6  # a status checked longer ago than this before the edition date is re-checked


def is_stale(as_of: dt.date, edition: dt.date, months: int = STALE_AFTER_MONTHS) -> bool:
    """Whether a status known to be right on `as_of` is more than `months` older than the edition."""
    return as_of < _months_before(edition, months)


def stale_entries(entries: Iterable[GlossaryEntry], edition: dt.date,
                  months: int = STALE_AFTER_MONTHS) -> list[GlossaryEntry]:
    """The entries whose `as_of` is more than `months` before the edition date, oldest first: what an
    instructor should re-check before printing (`briefgen check` reports them)."""
    return sorted((e for e in entries if is_stale(e.as_of, edition, months)), key=lambda e: (e.as_of, e.term))


def _months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (next_month - dt.timedelta(days=1)).day))


# --- context boxes -----------------------------------------------------------------------------


def entry_explanation(entry: GlossaryEntry, article_wording: str | None = None,
                      article_date: dt.date | None = None) -> TermExplanation:
    """A glossary entry as a context box; with the article's date, the entry's events since then."""
    later = tuple((when, event) for when, event in entry.key_dates
                  if article_date is not None and _date_floor(when) > article_date)
    return TermExplanation(
        term=entry.term,
        expansion=entry.expansion,
        definition=entry.definition,
        as_of=entry.as_of,
        origin="glossary",
        status=entry.status,
        article_wording=article_wording,
        key_dates=entry.key_dates,
        sources=entry.sources,
        article_date=article_date,
        events_since_article=later,
    )


def explanation_json(explanation: TermExplanation, entry: GlossaryEntry | None = None) -> dict[str, Any]:
    """The `briefgen glossary --json` record of one explained term: what its box prints, and (given
    its entry) the aliases and related terms it is found by and points to."""
    record: dict[str, Any] = {
        "term": explanation.term,
        "expansion": explanation.expansion,
        "definition": explanation.definition,
        "status": explanation.status,
        "status_heading": explanation.status_heading,
        "as_of": _iso(explanation.as_of),
        "origin": explanation.origin,
        "article_wording": explanation.article_wording,
        "article_date": _iso(explanation.article_date),
        "key_dates": [{"date": when, "event": event} for when, event in explanation.key_dates],
        "events_since_article": [{"date": when, "event": event} for when, event in explanation.events_since_article],
        "sources": explanation.sources,
    }
    if entry is not None:
        record |= {"aliases": list(entry.aliases), "related": list(entry.related)}
    return record


@dataclass(frozen=True)
class _Candidate:
    """A term an article uses, before ordering: where it first occurs and how it is explained."""

    explanation: TermExplanation
    first: int
    names: tuple[str, ...]  # what to look for in the priority text


def explain_terms(
    text: str,
    glossary: Glossary,
    acronyms: Sequence[Acronym],
    priority_text: str = "",
    limit: int | None = None,
    exclude: Collection[str] = (),
    article_date: dt.date | None = None,
) -> list[TermExplanation]:
    """The context boxes for one article, most relevant first.

    Glossary terms the text uses (with the article's own long form when it defines the term), then
    the abbreviations it defines that the glossary does not know (origin "text"). Terms used in
    `priority_text` (the summary and quotes) come first, the rest in order of first use; terms in
    `exclude` (explained in earlier articles) are left out; at most `limit` are returned. The
    article's date decides what a dated alias means and which of an entry's events are newer.
    """
    excluded = {_name_key(term) for term in exclude}
    candidates = (_glossary_candidates(text, glossary, acronyms, article_date)
                  + _text_candidates(text, glossary, acronyms))
    candidates = [c for c in candidates if _name_key(c.explanation.term) not in excluded]
    prominent = _prominent(priority_text, glossary, candidates)
    candidates.sort(key=lambda c: (c.explanation.term not in prominent, c.first))
    explanations = [c.explanation for c in candidates]
    return explanations if limit is None else explanations[:limit]


def _glossary_candidates(text: str, glossary: Glossary, acronyms: Sequence[Acronym],
                         article_date: dt.date | None) -> list[_Candidate]:
    redefined = {acronym.short for acronym in acronyms if glossary.get(acronym.short) and not _link(glossary, acronym)}
    matches = glossary.find_terms(text, article_date)
    first: dict[str, tuple[int, GlossaryEntry]] = {}
    for match in matches:
        if _PLURAL_END.sub("", match.surface) not in redefined:
            first.setdefault(match.entry.term, (match.start, match.entry))
    wording: dict[str, str] = {}
    for acronym in acronyms:  # also a term the article defines in words the glossary lists only as a full name
        entry = _link(glossary, acronym)
        if entry is None:
            continue
        if (written := _article_wording(text, acronym, entry, matches)) is not None:
            wording.setdefault(entry.term, written)
        position = _first_position(text, acronym)
        if entry.term not in first or position < first[entry.term][0]:
            first[entry.term] = (position, entry)
    return [
        _Candidate(entry_explanation(entry, wording.get(entry.term), article_date), position, (entry.term,))
        for position, entry in first.values()
    ]


def _article_wording(text: str, acronym: Acronym, entry: GlossaryEntry, matches: Sequence[TermMatch]) -> str | None:
    """The article's long form exactly as written: where a name of the same entry covers it (the
    glossary knows "Korean Demilitarized Zone", the abbreviation finder kept "Demilitarized Zone"),
    the whole name as the article wrote it. None when the long form is not in the text verbatim."""
    start = text.find(acronym.long)
    if start < 0:
        return None
    end = start + len(acronym.long)
    covering = [m for m in matches if m.entry is entry and m.start <= start and end <= m.end]
    return max(covering, key=lambda m: m.end - m.start).surface if covering else text[start:end]


_PLURAL_END = re.compile(r"(?:['’]s|s)$")


def _text_candidates(text: str, glossary: Glossary, acronyms: Sequence[Acronym]) -> list[_Candidate]:
    """Abbreviations the article defines and the glossary does not explain: the article's own words."""
    candidates = []
    seen: set[str] = set()
    for acronym in acronyms:
        if _link(glossary, acronym) or acronym.short in seen:
            continue
        seen.add(acronym.short)
        explanation = TermExplanation(
            term=acronym.short, expansion=acronym.long, definition=None, as_of=None, origin="text"
        )
        candidates.append(_Candidate(explanation, _first_position(text, acronym), (acronym.short, acronym.long)))
    return candidates


def _link(glossary: Glossary, acronym: Acronym) -> GlossaryEntry | None:
    """The entry an article's definition is about: found by its short form (unless the article gives it
    another meaning: "CD (compact disc)" is not the Conference on Disarmament) or by its long form."""
    by_long = glossary.find_expansion(acronym.long)
    if by_long:
        return by_long
    entry = glossary.get(acronym.short)
    return entry if entry and _same_meaning(acronym.long, entry) else None


_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")


def _same_meaning(long_form: str, entry: GlossaryEntry) -> bool:
    """Whether an article's long form shares a content word with what the entry says."""
    described = " ".join([entry.term, entry.expansion or "", *entry.aliases, entry.definition])
    words = {w.casefold() for w in _CONTENT_WORD.findall(long_form)} - _COMMON_WORDS
    return bool(words & {w.casefold() for w in _CONTENT_WORD.findall(described)})


_COMMON_WORDS = words("common_words")


def _first_position(text: str, acronym: Acronym) -> int:
    """Where an article first writes a defined abbreviation (or its long form)."""
    positions = [
        match.start()
        for form in (acronym.short, acronym.long)
        if (match := re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text))
    ]
    return min(positions, default=len(text))


def _prominent(priority_text: str, glossary: Glossary, candidates: Sequence[_Candidate]) -> set[str]:
    """Terms of `candidates` that the priority text (summary and quotes) uses."""
    if not priority_text:
        return set()
    used = {match.entry.term for match in glossary.find_terms(priority_text)}
    for candidate in candidates:
        if candidate.explanation.origin == "text" and any(
            re.search(rf"(?<!\w){re.escape(name)}(?!\w)", priority_text) for name in candidate.names
        ):
            used.add(candidate.explanation.term)
    return used
