"""audience: build the audience you want on social networks.

The library has no command-line code in it; ``commands/`` is the thin Typer layer.
"""

__version__ = "0.1.0"
