"""The README is the users' only guide: the commands CI runs are the ones it gives."""
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def readme_command_lines() -> set[str]:
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", (REPO / "README.md").read_text(encoding="utf-8"), re.M | re.S)
    return {line.split("  #")[0].strip() for block in blocks for line in block.splitlines()}


def test_ci_runs_exactly_the_readmes_install_and_test_commands():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line for line in ci if line.startswith(("pip install", "python -m pytest"))]
    assert commands == ['pip install .', 'pip install ".[test]" && python -m pytest']
    assert set(commands) <= readme_command_lines()


def test_the_readme_shows_every_command_of_briefgen():
    from briefgen.cli import app

    text = (REPO / "README.md").read_text(encoding="utf-8")
    names = [info.name or info.callback.__name__ for info in app.registered_commands]
    assert names and all(f"briefgen {name}" in text for name in names), names
