"""The environment course themes are rendered in: a teacher's own theme is trusted, but one that
comes with a shared course folder is not, so a template may only print what it is given.

- Jinja's ImmutableSandboxedEnvironment: no attribute that reaches Python's internals
  (`__class__`, `__globals__`...), no method that changes the data (`list.append`).
- Sizes bounded: `*` and `%` cannot build a string or list of more than MAX_SIZE items, `**`
  takes small exponents only, `range` hands out at most RANGE_BUDGET numbers in one render, and
  no call takes a count over MAX_SIZE ("x".center(10**9)). A render is also time-limited.
- Theme files are read only from inside the theme folder: a link to a file elsewhere
  (extra.css -> /etc/passwd) is refused, with a warning from `theme_link_warnings`, and the
  built-in file of that name is used. A file that is not UTF-8 is a ThemeError naming it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import ThemeError
from ..paths import outside_link_problem, resolves_inside

MAX_SIZE = 1_000_000  # characters or items one operation may make
RANGE_BUDGET = 1_000_000  # numbers all range() calls of one render may give
MAX_EXPONENT = 64
_HUGE_PRINTF_FIELD = re.compile(r"%[-+ #0]*(?:\d{5,}|\*)|%[-+ #0]*\d*\.(?:\d{5,}|\*)")


class ThemeEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.range_left = RANGE_BUDGET
        self.globals["range"] = self._budgeted_range

    def _budgeted_range(self, *args: int) -> range:
        numbers = range(*args)
        self.range_left -= len(numbers)
        if self.range_left < 0:
            raise SecurityError(f"the template asks for more than {RANGE_BUDGET:,} numbers from range()")
        return numbers

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"an exponent over {MAX_EXPONENT}")
        if operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        if operator == "%" and isinstance(left, str) and _HUGE_PRINTF_FIELD.search(left):
            raise SecurityError("a format field too wide to print")
        return super().call_binop(context, operator, left, right)

    def call(self, context: Any, obj: Any, *args: Any, **kwargs: Any) -> Any:
        if any(isinstance(value, int) and abs(value) > MAX_SIZE for value in (*args, *kwargs.values())):
            raise SecurityError(f"a count over {MAX_SIZE:,} passed to {getattr(obj, '__name__', 'a function')}")
        return super().call(context, obj, *args, **kwargs)


def _check_repeat(sequence: Any, times: Any) -> None:
    if isinstance(sequence, str | list | tuple) and isinstance(times, int) and len(sequence) * times > MAX_SIZE:
        raise SecurityError(f"a string or list of more than {MAX_SIZE:,} items")


class ThemeLoader(jinja2.BaseLoader):
    """Templates of one theme folder, read as UTF-8, never through a link leading out of it."""

    def __init__(self, folder: Path):
        self.folder = folder

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))  # refuses ".." parts
        if not path.is_file() or not resolves_inside(path, self.folder):
            raise jinja2.TemplateNotFound(template)
        try:
            data = path.read_bytes()
            modified = path.stat().st_mtime
        except OSError as error:
            raise ThemeError(f"cannot read theme file ({error.strerror or error})", path) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ThemeError(f"not UTF-8 text (byte {error.start + 1}); save the file as UTF-8", path) from None

        def unchanged() -> bool:
            try:
                return path.stat().st_mtime == modified
            except OSError:
                return False

        return text, str(path), unchanged


def theme_link_warnings(theme: Path | None) -> list[str]:
    """One warning per file of the theme folder that is a link to a file outside it."""
    if theme is None or not theme.is_dir():
        return []
    try:
        entries = sorted(theme.iterdir())
    except OSError:
        return []
    return [f"{path}: {problem}; the built-in one is used" for path in entries
            if path.is_symlink() and (problem := outside_link_problem(path, theme))]
