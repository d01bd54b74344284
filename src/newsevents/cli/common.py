"""Helpers shared by commands: option parsing and turning library errors into exit codes."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import typer

from newsevents.errors import ConfigError, InputError, ModelError, NewsEventsError, NotFoundError

T = TypeVar("T")

EXIT_FAILED = 1
EXIT_USAGE = 2


def parse_day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} expects a date as YYYY-MM-DD, not {value!r}", EXIT_USAGE)
    return None


def fail(message: str, code: int = EXIT_FAILED) -> None:
    typer.echo(f"newsevents: error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def library_errors() -> Iterator[None]:
    """Library errors become one line on stderr and an exit status, never a traceback."""
    try:
        yield
    except (ConfigError, ModelError) as exc:
        fail(str(exc), EXIT_USAGE)
    except (InputError, NotFoundError) as exc:
        fail(str(exc), EXIT_FAILED)
    except NewsEventsError as exc:
        fail(str(exc), EXIT_FAILED)
    except BrokenPipeError:
        # `newsevents extract ... | head` closes stdout early: not an error worth a message.
        sys.stderr.close()
        raise typer.Exit(0) from None


def warn(message: str) -> None:
    typer.echo(f"newsevents: {message}", err=True)


def call(func: Callable[[], T]) -> T:
    with library_errors():
        return func()
    raise AssertionError("unreachable")
