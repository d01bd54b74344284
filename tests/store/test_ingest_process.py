"""The real `newsevents ingest` in a subprocess: killed with SIGKILL mid-run, then run again."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsevents.store import Store

COUNTRIES = ["Iran", "Israel", "France", "Russia", "China", "Germany", "Japan", "Egypt", "Turkey", "Brazil"]
VERBS = ["imposed sanctions on", "held talks with", "condemned", "threatened", "signed an agreement with"]


def write_articles(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
        b = b if b != a else "the United States"
        verb = VERBS[i % len(VERBS)]
        text = (f"{a} and {b} in the news, report {i}\n"
                f"{a} {verb} {b} on Monday, officials said in statement number {i}.\n"
                f"The United States said it was watching the situation closely.\n")  # fmt: skip
        (folder / f"article-{i:02d}.txt").write_text(text)


def ingest(db: Path, folder: Path, *extra: str) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "newsevents.cli.main", "ingest", str(folder), "--db", str(db), "--quiet", *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def per_article(db: Path) -> dict[str, tuple[int, ...]]:
    """Rows per article in every child table: equal between two stores means nothing half-written."""
    with Store.open(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT a.id, (SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id), "
            "(SELECT count(*) FROM actors x WHERE x.article_id = a.id), "
            "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id), "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id), "
            "(SELECT count(*) FROM article_urls u WHERE u.article_id = a.id) FROM articles a"
        ).fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun_stores_every_article_once(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 30)
    reference = tmp_path / "reference.duckdb"
    done = ingest(reference, tmp_path / "in")
    _, err = done.communicate(timeout=300)
    assert done.returncode == 0, err

    db = tmp_path / "killed.duckdb"
    victim = ingest(db, tmp_path / "in", "--batch-size", "2")
    deadline = time.monotonic() + 120
    stored = 0
    while victim.poll() is None and time.monotonic() < deadline:
        if db.exists():
            try:
                with Store.open(db, read_only=True, timeout=5) as store:
                    stored = store.counts()["articles"]
            except Exception:  # created but not yet migrated: try again
                stored = 0
            if stored >= 4:
                break
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert victim.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert 4 <= len(per_article(db)) < 30

    rerun = ingest(db, tmp_path / "in", "--workers", "2")
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert "already present" in out
    assert per_article(db) == per_article(reference)
