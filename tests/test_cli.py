"""The extract command as a user runs it: exit codes, JSON output, one-line errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsevents.cli.main import app
from newsevents.schema import from_dict, to_dict

pytestmark = pytest.mark.slow

runner = CliRunner()


def test_sample_as_json_is_newsevents_1():
    result = runner.invoke(app, ["extract", "--sample", "--format", "json"])
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert obj["schema"] == "newsevents/1"
    assert obj["article"]["id"] == "wikinews-sample"
    assert obj["article"]["published"] == "2020-01-18"
    roles = [p["role"] for p in obj["paragraphs"]]
    assert roles[0] == "caption" and roles[-1] == "boilerplate"
    assert any(q["speaker_name"] and "Zelensky" in q["speaker_name"] for q in obj["quotes"])
    assert any(e["category"] == "REJECT" for e in obj["events"])


def test_stdin_is_read_with_a_hash_id():
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input="Police in Lima arrested 20 protesters.\n")
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout.splitlines()[0])
    assert obj["article"]["id"].startswith("stdin-")
    assert any(e["category"] == "COERCE" for e in obj["events"])


def test_table_output_shows_the_three_tables():
    result = runner.invoke(app, ["extract", "--sample"])
    assert result.exit_code == 0
    for title in ("Events", "Quotes", "Actors"):
        assert title in result.stdout


def test_missing_file_is_one_line_error_without_traceback(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt" in result.output and "no such file" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract"], "no input"),
        (["extract", "--sample", "--published", "yesterday"], "YYYY-MM-DD"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output


def test_bad_user_dictionary_is_reported_by_name(tmp_path):
    bad = tmp_path / "actors.yaml"
    bad.write_text("people:\n  - {id: x}\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--sample", "--actors", str(bad)])
    assert result.exit_code == 2
    assert str(bad) in result.output
    assert "Traceback" not in result.output


def test_user_dictionary_changes_the_coding(tmp_path):
    text = tmp_path / "story.txt"
    text.write_text("Zara Okonkwo criticised Ghana's government on Monday.\n", encoding="utf-8")
    mine = tmp_path / "mine.csv"
    mine.write_text(
        "id,name,country,sector,kind,aliases\nzara-okonkwo,Zara Okonkwo,NGA,OPP,person,Okonkwo\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["extract", str(text), "--format", "json", "--actors", str(mine)])
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    actors = {a["id"]: a for a in obj["actors"]}
    assert actors["zara-okonkwo"]["country"] == "NGA"
    assert any(e["category"] == "ACCUSE" and e["source"] == "zara-okonkwo" for e in obj["events"])


def test_json_round_trips_through_the_schema(extract):
    result = extract("Ethiopia released two Kenyan journalists on Friday.", published="2024-06-10")
    obj = to_dict(result)
    assert to_dict(from_dict(json.loads(json.dumps(obj)))) == obj
