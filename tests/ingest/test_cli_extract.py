"""``newsevents extract`` on a folder of good and bad files: good ones out, bad ones skipped and counted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli.main import app

GOOD = ["page-grain-corridor.html", "wire-ceasefire.txt", "wire-crlf.txt"]
BAD = {
    "bad/damaged-utf8.txt": "not valid UTF-8: byte 0x93 at offset 127",
    "bad/empty.txt": "file is empty",
    "bad/no-article.html": "no article text found in the HTML page",
    "bad/photo.png": "not a text, HTML, JSON Lines, feed or WARC file",
    "bad/broken.warc": "not a WARC file",
}


@pytest.mark.slow
def test_extract_on_a_mixed_folder_prints_good_articles_and_skips_bad_ones(data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    for name in [*GOOD, *BAD]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(data / name, folder / name)

    result = CliRunner().invoke(app, ["extract", str(folder), "--format", "jsonl"])

    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["article"]["id"] for line in lines] == ["page-grain-corridor", "wire-ceasefire", "wire-crlf"]
    crlf = lines[2]["article"]
    assert crlf["text"] == (data / "wire-crlf.txt").read_text(encoding="utf-8")
    skipped = [line for line in result.stderr.splitlines() if "skipped" in line and "processed" not in line]
    assert len(skipped) == len(BAD)
    for name, message in BAD.items():
        assert any(f"skipped {folder / name}: {message}" in line for line in skipped), (name, result.stderr)
    assert "3 article(s) processed, 5 skipped" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_extract_of_only_bad_files_fails_with_a_count(data: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(data / "bad" / "empty.txt"), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"skipped {data / 'bad' / 'empty.txt'}: file is empty" in result.stderr
    assert "0 article(s) processed, 1 skipped" in result.stderr
