"""YAML from files a course folder supplies (glossaries, front matter), read within bounds.

YAML's aliases let a few hundred bytes stand for gigabytes ("billion laughs": an alias of a
list of aliases of ...), and nesting can be deep enough to exhaust the stack. A document is
composed first (aliases stay references, so that costs only its size), then its node graph is
walked once, aliases expanded, and refused past MAX_NODES nodes or MAX_DEPTH levels, before any
Python value is built. Dates stay text here (`2026-02-30` is no date Python can build): the
caller reads them.
"""
from __future__ import annotations

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A glossary of a thousand entries is some 40,000 nodes; front matter is a dozen.
MAX_NODES = 200_000
MAX_DEPTH = 50
MAX_BYTES = 10 * 1024 * 1024


class YamlLimitError(ValueError):
    """A document past the limits; `line` is where (1-based)."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


class Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader, with timestamps kept as the text written."""


Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def check_node(root: yaml.Node, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> None:
    """YamlLimitError when `root`, aliases expanded, has more than `max_nodes` nodes or is
    nested deeper than `max_depth`. Walks iteratively: no recursion limit is met on the way."""
    count = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > max_nodes:
            raise YamlLimitError(f"more than {max_nodes:,} values (aliases counted as often as they are used)",
                                 node.start_mark.line + 1)
        if depth > max_depth:
            raise YamlLimitError(f"nested more than {max_depth} levels deep", node.start_mark.line + 1)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))


def load(text: str) -> object:
    """The value of one YAML document within the limits: yaml.YAMLError when it is not valid
    YAML, YamlLimitError when it is too large, too deep or expands too far."""
    if len(text) > MAX_BYTES:
        raise YamlLimitError(f"larger than {MAX_BYTES // (1024 * 1024)} MB", 1)
    loader = Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise YamlLimitError(f"nested more than {MAX_DEPTH} levels deep", 1) from None
        if node is None:
            return None
        check_node(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()
