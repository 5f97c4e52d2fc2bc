"""``python -m ials_print.cli``."""

from ials_print.cli import main

main()
