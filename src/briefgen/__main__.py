"""`python -m briefgen` runs the same command line as `briefgen`."""
from .cli import main

main()
