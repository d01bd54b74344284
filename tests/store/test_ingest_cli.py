"""`newsevents ingest` through typer's runner, with the real pipeline on two tiny articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli.main import app

runner = CliRunner()


@pytest.mark.slow
def test_ingest_then_query(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Iran and Israel\nIran threatened Israel on Monday, officials said.\n")
    (folder / "b.txt").write_text("Talks\nFrance held talks with Germany in Paris on Tuesday.\n")
    (folder / "bad.txt").write_bytes(b"\x00\x00binary")
    db = tmp_path / "x.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--published", "2024-05-06", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "2 new, 0 already present, 1 failed" in result.stdout
    assert "bad.txt" in result.stderr
    events = json.loads(runner.invoke(app, ["events", "--db", str(db), "-f", "json"]).stdout)
    assert {e["category"] for e in events} >= {"THREATEN"}
    assert all(e["day"] for e in events)  # dated: the event day or the --published day
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--quiet"])
    assert "0 new, 2 already present, 1 failed" in again.stdout
    assert runner.invoke(app, ["ingest", "--db", str(db)]).exit_code == 2
    recoded = runner.invoke(app, ["ingest", "--recode", "--db", str(db), "--quiet"])
    assert recoded.exit_code == 0 and "0 new, 0 already present, 2 re-extracted" in recoded.stdout
    after = json.loads(runner.invoke(app, ["events", "--db", str(db), "-f", "json"]).stdout)
    assert sorted(e["category"] for e in after) == sorted(e["category"] for e in events)
