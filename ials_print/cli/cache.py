"""``ials-print cache``: what the engine keeps between builds, and emptying it."""

from __future__ import annotations

import typer

from ials_print.cli.base import app, out_console

cache_app = typer.Typer(no_args_is_help=True, help="The engine's cache: prepared images, laid-out sections…")
app.add_typer(cache_app, name="cache")


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


@cache_app.command("info")
def info_cmd() -> None:
    """Where the cache is and what each part of it holds."""
    from ials_print.cachedir import KINDS, cache_root, folder_size

    root = cache_root()
    out_console.print(f"cache: {root}", markup=False)
    for kind in KINDS:
        files, size = folder_size(root / kind)
        out_console.print(f"  {kind:<9} {files:6d} files  {_mb(size):>10}", markup=False)


@cache_app.command("clear")
def clear_cmd() -> None:
    """Empty the cache: every later build lays out and prepares everything anew (the outputs are kept)."""
    from ials_print.cachedir import cache_root, clear

    removed = clear()
    files = sum(f for f, _ in removed.values())
    size = sum(s for _, s in removed.values())
    out_console.print(f"cache cleared: {cache_root()} — {files} files, {_mb(size)}", markup=False)
