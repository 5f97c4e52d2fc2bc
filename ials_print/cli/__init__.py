"""Command line: a thin typer layer over the pipeline stages (one module a group of commands)."""

# ruff: noqa: I001  (the groups are imported in the order `--help` lists them)

from __future__ import annotations

import os
import sys

# Pydantic looks for plugins among every installed distribution's entry points on its first model
# (~15 ms at each start); the engine uses none. An explicit setting in the environment still wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer

from ials_print.cli.base import EXIT_BAD_INPUT, EXIT_BUG, NOTES_SHOWN, _say, app

# Importing a group registers its commands, in `--help`'s order: making the issue, checking it, the title.
from ials_print.cli import issue  # noqa: F401
from ials_print.cli import checks  # noqa: F401
from ials_print.cli import publication  # noqa: F401
from ials_print.cli import cache  # noqa: F401

__all__ = ["NOTES_SHOWN", "app", "main"]


def main() -> None:
    """Entry point: an unexpected failure is a bug, reported in one line (exit 3)."""
    try:
        code = app(standalone_mode=False)  # click returns the exit code instead of exiting
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # the last line of defence
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # a usage error (click's, vendored or not)
            exc.show()
            sys.exit(EXIT_BAD_INPUT)
        if os.environ.get("IALS_PRINT_DEBUG"):
            raise
        _say("error", f"internal error (a bug in ials-print, not in your files): {type(exc).__name__}: {exc}")
        _say("", "set IALS_PRINT_DEBUG=1 to see the traceback, and please report it.")
        sys.exit(EXIT_BUG)
