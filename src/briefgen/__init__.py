"""briefgen: printable briefings on current news for arms-control courses."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("briefgen")
except PackageNotFoundError:  # running from a source checkout that was never installed
    __version__ = "0.0.0+source"
