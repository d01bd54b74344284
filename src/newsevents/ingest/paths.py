"""From what the user typed (files, folders, globs) to the files to read, in a stable order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsevents.records import Failure

# Notes that travel with a folder of articles (an attribution, a licence) are not articles.
_DOC_STEMS = frozenset({"README", "NOTICE", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "AUTHORS"})


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Each file to read, or a Failure for a path that names none.

    Folders are walked recursively in sorted order, files before subfolders; globs are sorted.
    Nothing is collected beyond one folder's listing, so a large tree streams.
    """
    for raw in paths:
        text = str(raw)
        path = Path(raw)
        if path.is_dir():
            yield from walk_folder(path)
        elif path.exists():
            yield path
        elif glob.has_magic(text):
            yield from _glob(text)
        else:
            yield Failure(origin=text, message="no such file or directory")


def walk_folder(folder: Path) -> Iterator[Path | Failure]:
    """The files under ``folder`` that may hold articles, skipping hidden ones and gold files."""
    count = 0
    for item in _walk(folder):
        count += 1
        yield item
    if not count:
        yield Failure(
            origin=str(folder), message="folder has no files to read (hidden files and *.gold.json are skipped)"
        )


def _walk(folder: Path) -> Iterator[Path | Failure]:
    problems: list[OSError] = []  # os.walk reports the folders it cannot list through onerror
    for root, dirs, files in os.walk(folder, onerror=problems.append):
        yield from _unreadable(problems)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from (Path(root, name) for name in sorted(files) if is_candidate(name))
    yield from _unreadable(problems)


def _unreadable(problems: list[OSError]) -> Iterator[Failure]:
    while problems:
        error = problems.pop(0)
        yield Failure(origin=str(error.filename), message=f"cannot read folder: {error.strerror}")


def is_candidate(name: str) -> bool:
    """Whether a file in a folder may hold articles: not hidden, not a gold annotation, not a note."""
    if name.startswith(".") or name.endswith(".gold.json"):
        return False
    return name.split(".", 1)[0] not in _DOC_STEMS


def _glob(pattern: str) -> Iterator[Path | Failure]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Failure(origin=pattern, message="no file matches this pattern")
    for match in matches:
        path = Path(match)
        yield from walk_folder(path) if path.is_dir() else [path]
