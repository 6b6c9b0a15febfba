"""Theme mistakes that render without an error but lose the teacher's work.

A course template that overrides blocks must extend the default one; without its `extends`
line Jinja prints only those blocks, and every article comes out blank. A block the default
template lacks is never printed. Both are warnings naming the file; templates are parsed,
never rendered, here.
"""
from __future__ import annotations

import difflib
from pathlib import Path

import jinja2
from jinja2 import nodes
from markupsafe import escape

from ..errors import ThemeError
from ..model import Briefing

DEFAULT_PREFIX = "!default/"


def theme_problems(theme: Path | None, builtin: Path) -> list[str]:
    """One line per template of `theme` that would silently drop what it adds."""
    if theme is None or not theme.is_dir():
        return []
    problems = []
    for path in sorted(theme.glob("*.html")):
        tree = _parse(path)
        if tree is None:
            continue  # a syntax error stops the build with its own message when the template is used
        extends = next(iter(tree.find_all(nodes.Extends)), None)
        blocks = [block.name for block in tree.find_all(nodes.Block)]
        if extends is None:
            if blocks and _only_blocks(tree) and (builtin / path.name).is_file():
                problems.append(f"{path}: it has blocks but no {{% extends \"{DEFAULT_PREFIX}{path.name}\" %}} line, "
                                f"so it replaces the whole {path.name} with just those blocks")
            continue
        parent = _parent_blocks(extends, theme, builtin)
        if parent is None:
            continue
        for name in blocks:
            if name not in parent:
                close = difflib.get_close_matches(name, sorted(parent), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (its blocks: {', '.join(sorted(parent))})"
                problems.append(f"{path}: block '{name}' is not a block of the template it extends, "
                                f"so it is never printed{hint}")
    return problems


def _parse(path: Path) -> nodes.Template | None:
    try:
        return jinja2.Environment().parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
        return None


def _only_blocks(tree: nodes.Template) -> bool:
    """Nothing outside the blocks but whitespace: the file was meant to extend another."""
    for node in tree.body:
        if isinstance(node, nodes.Block):
            continue
        if isinstance(node, nodes.Output) and all(
            isinstance(part, nodes.TemplateData) and not part.data.strip() for part in node.nodes
        ):
            continue
        return False
    return True


def _parent_blocks(extends: nodes.Extends, theme: Path, builtin: Path, depth: int = 0) -> set[str] | None:
    """Every block of the extended template and of the templates it extends in turn; None when
    the parent cannot be known (a name computed at render time, a missing file)."""
    if not isinstance(extends.template, nodes.Const) or depth > 10:
        return None
    name = str(extends.template.value)
    if name.startswith(DEFAULT_PREFIX):
        path = builtin / name[len(DEFAULT_PREFIX):]
    else:
        path = theme / name if (theme / name).is_file() else builtin / name
    tree = _parse(path) if path.is_file() else None
    if tree is None:
        return None
    blocks = {block.name for block in tree.find_all(nodes.Block)}
    grand = next(iter(tree.find_all(nodes.Extends)), None)
    if grand is not None:
        above = _parent_blocks(grand, theme if not name.startswith(DEFAULT_PREFIX) else builtin, builtin, depth + 1)
        if above is None:
            return None
        blocks |= above
    return blocks


def require_articles_shown(html: str, briefing: Briefing, theme: Path | None) -> None:
    """A briefing whose pages show none of its articles is an error, not an empty PDF: a theme
    template that lost the article text (most often an article.html without its extends line).
    The headline and first sentence appear on the front page too, so the later summary sentences
    and the quotes are what tell an article's page is there."""
    marks = [text for digest in briefing.digests for text in (*digest.summary[1:], *(q.quote for q in digest.quotes))]
    # Printed text carries soft hyphens and non-breaking spaces (publish/typeset.py); compare without them.
    html = html.replace("\u00ad", "").replace("\u00a0", " ")
    if not marks or any(str(escape(" ".join(mark.split()[:8]))) in html for mark in marks):
        return
    from ..publish.render import builtin_theme_dir

    missing = [problem for problem in theme_problems(theme, builtin_theme_dir()) if "no {% extends" in problem]
    if missing:  # the template that lost them, by name
        raise ThemeError(f"the briefing shows none of its articles' summaries or quotes: {missing[0]}")
    raise ThemeError("the briefing shows none of its articles' summaries or quotes; does every template of the "
                     "theme that overrides blocks start with {% extends \"!default/NAME\" %}?", theme)
