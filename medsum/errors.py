"""Errors that reach the user, each with the exit code it ends the run with.

Exit codes (documented in README and docs/cli.md):
  0  every input processed
  1  some input failed (each named on stderr); the others were still processed
  2  usage error or a bad taxonomy: nothing was processed
  130 interrupted (Ctrl-C)
"""

from __future__ import annotations


class MedsumError(Exception):
    """Base class: a one-line message for the user and an exit code."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(MedsumError):
    """One input cannot be read: missing, empty, binary, undecodable, too large."""

    exit_code = 1


class UsageError(MedsumError):
    """The command line is wrong."""

    exit_code = 2


class TaxonomyError(MedsumError):
    """The taxonomy file is invalid; names the file, line and key."""

    exit_code = 2


class GoldError(MedsumError):
    """A gold file for ``medsum eval`` is invalid."""

    exit_code = 2
