"""The store commands through typer's runner: exit codes and parsed JSON/CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli.main import app
from newsevents.store import Store

from .conftest import corpus

runner = CliRunner()


@pytest.fixture
def db(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        store.write_many(corpus())
    return db_path


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def test_events_as_json_and_csv(db: Path) -> None:
    result = run("events", "--db", db, "--dyad", "USA:IRN", "--format", "json")
    assert result.exit_code == 0, result.output
    [event] = json.loads(result.stdout)
    assert event["category"] == "ASSAULT" and event["n_mentions"] == 3
    result = run("events", "--db", db, "--mentions", "--category", "ASSAULT", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and len(rows) == 3 and {r["outlet"] for r in rows} == {"AP", "BBC", "Reuters"}


def test_events_table_and_paging(db: Path) -> None:
    result = run("events", "--db", db, "--limit", "1", "--offset", "1")
    assert result.exit_code == 0 and "events 2-2 of 3" in result.stdout


def test_environment_variable_names_the_store(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_DB", str(db))
    result = run("events", "-f", "json", "--country", "ISR")
    assert result.exit_code == 0 and [e["category"] for e in json.loads(result.stdout)] == ["THREATEN"]


def test_timeline_json(db: Path) -> None:
    result = run("timeline", "USA", "IRN", "--by", "month", "--db", db, "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["period"], r["events"], r["score"]) for r in rows] == [("2020-01-01", 1, -10.0), ("2020-02-01", 1, 1.0)]
    directed = json.loads(run("timeline", "USA", "IRN", "--directed", "--db", db, "-f", "json").stdout)
    assert len(directed) == 1
    assert run("timeline", "IRN", "--db", db).exit_code == 0


def test_actors_quotes_article_and_sql(db: Path) -> None:
    actors = json.loads(run("actors", "--db", db, "-f", "json").stdout)
    assert actors[0]["actor"] == "Iran"
    quotes = json.loads(run("quotes", "--db", db, "--speaker", "minister", "--about", "USA", "-f", "json").stdout)
    assert len(quotes) == 1
    article = json.loads(run("article", "talks", "--db", db, "-f", "json").stdout)
    assert article["schema"] == "newsevents/1" and article["article"]["id"] == "talks"
    assert run("article", "talks", "--db", db).exit_code == 0
    rows = json.loads(run("sql", "SELECT count(*) AS n FROM linked_events", "--db", db, "-f", "json").stdout)
    assert rows == [{"n": 5}]


def test_errors_are_one_line_with_an_exit_status(db: Path, tmp_path: Path) -> None:
    missing = run("events", "--db", tmp_path / "none.duckdb")
    assert missing.exit_code == 1 and "no event store" in missing.output and "Traceback" not in missing.output
    assert run("article", "nope", "--db", db).exit_code == 1
    assert run("events", "--db", db, "--dyad", "USA").exit_code == 2
    assert run("events", "--db", db, "--since", "yesterday").exit_code == 2
    refused = run("sql", "DROP TABLE events", "--db", db)
    assert refused.exit_code == 2 and "only SELECT" in refused.output
    assert run("timeline", "USA", "--by", "fortnight", "--db", db).exit_code == 2


def test_export_every_format(db: Path, tmp_path: Path) -> None:
    result = run("export", tmp_path / "parquet", "--db", db)
    assert result.exit_code == 0 and (tmp_path / "parquet" / "events.parquet").exists()
    assert run("export", tmp_path / "events.csv", "--format", "csv", "--db", db).exit_code == 0
    assert run("export", tmp_path / "articles.jsonl", "-f", "jsonl", "--db", db).exit_code == 0
    assert run("export", tmp_path / "plover.jsonl", "-f", "plover", "--db", db).exit_code == 0
    assert run("export", tmp_path / "parquet", "-f", "csv", "--db", db).exit_code == 1
