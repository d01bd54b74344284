"""Exports: Parquet tables, GDELT-like CSV, newsevents/1 JSON Lines (round trip) and PLOVER records."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq

from newsevents.schema import from_dict
from newsevents.store import Store
from newsevents.store.export import export

from .conftest import corpus


def test_parquet_has_every_table(filled: Store, tmp_path: Path) -> None:
    counts = export(filled, "parquet", tmp_path / "out")
    assert counts[str(tmp_path / "out" / "events.parquet")] == 7
    assert pq.read_table(tmp_path / "out" / "linked_events.parquet").num_rows == 5


def test_gdelt_csv_columns(filled: Store, tmp_path: Path) -> None:
    export(filled, "csv", tmp_path / "events.csv")
    rows = list(csv.DictReader((tmp_path / "events.csv").open()))
    strike = next(r for r in rows if r["PloverCategory"] == "ASSAULT" and r["Hypothetical"] == "false")
    assert strike["Day"] == "20200108" and strike["Actor1CountryCode"] == "USA" and strike["Actor2CountryCode"] == "IRN"
    assert strike["Actor1Code"] == "USAGOV" and strike["EventCode"] == "190" and strike["EventRootCode"] == "19"
    assert (strike["NumMentions"], strike["NumArticles"], strike["NumSources"]) == ("3", "3", "3")
    assert strike["QuadClass"] == "4" and float(strike["GoldsteinScale"]) == -10.0
    assert strike["SOURCEURL"] == "https://ap.example/strike"


def test_jsonl_round_trips_through_the_schema(filled: Store, tmp_path: Path) -> None:
    export(filled, "jsonl", tmp_path / "a.jsonl")
    back = [from_dict(json.loads(line)) for line in (tmp_path / "a.jsonl").open()]
    assert sorted(back, key=lambda r: r.article.id) == sorted(corpus(), key=lambda r: r.article.id)


def test_plover_records(filled: Store, tmp_path: Path) -> None:
    export(filled, "plover", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").open()]
    assert len(records) == 7
    r = next(x for x in records if x["event"] == "CONSULT")
    assert {"id", "date", "event", "mode", "context", "source", "source_actor", "target", "target_actor"} <= set(r)
    assert (r["source"], r["source_actor"], r["target"], r["target_actor"]) == ("IRN", "Iran", "USA", "United States")
    assert r["date"] == "2020-02-03" and r["context"] == "military" and r["source_agent"] == "GOV"
