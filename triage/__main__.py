"""`python -m triage` runs the `triage` command (useful from a checkout that is not the installed one)."""

from triage.cli import main

main()
