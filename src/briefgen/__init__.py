"""briefgen: printable briefings on current news for arms-control courses."""

# The one place the version is written (pyproject.toml reads it from here, see [tool.hatch.version]);
# a literal, because asking importlib.metadata costs `briefgen --help` a third of its start-up.
__version__ = "0.1.0"
