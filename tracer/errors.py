"""Errors users see, and the exit-code contract.

Each exception's message is one line naming the input and the next step; the CLI maps
them to exit codes and never shows a traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # everything traced
    ERROR = 1  # nothing usable was produced
    USAGE = 2  # bad flags or arguments
    PARTIAL = 3  # some inputs failed; the rest are stored, each failure named
    LOCKED = 4  # another watch run holds the lock; this one did nothing
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT): what was finished is stored


class TracerError(Exception):
    """Something went wrong that the user can act on."""

    exit_code = ExitCode.ERROR


class InputError(TracerError):
    """An input could not be read or is not an article."""


class FetchError(InputError):
    """A URL could not be fetched."""


class ExtractionError(InputError):
    """No article text could be extracted."""


class ConfigError(TracerError):
    """A settings file could not be read or names an unknown setting."""

    exit_code = ExitCode.USAGE


class StoreError(TracerError):
    """The store could not be opened or written."""


class NotFound(TracerError):
    """The article asked for is not in the store."""


class LockedError(TracerError):
    """Another run is already working on this store."""

    exit_code = ExitCode.LOCKED
