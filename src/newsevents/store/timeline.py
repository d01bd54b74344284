"""A timeline's long rows (period, category, count, Goldstein sum) folded into one row per period.

The score of a period is the mean Goldstein weight of its events, from -10 (all conflict) to +10
(all cooperation). The mean, not the sum: the number of events in a period follows how much the
press wrote (and how much we ingested) as much as what happened, and a sum would let one busy
news week outweigh a real change of tone. ``goldstein_sum`` is given too, for those who want
volume in the measure.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa

COOPERATION = (1, 2)
CONFLICT = (3, 4)


def summarise(long: pa.Table) -> list[dict[str, Any]]:
    """One dict per period: period, events, categories {name: n}, cooperation, conflict, score, goldstein_sum."""
    periods: dict[dt.date | None, dict[str, Any]] = {}
    for row in long.to_pylist():
        p = periods.setdefault(row["period"], {"period": row["period"], "events": 0, "categories": {}, "cooperation": 0,
                                               "conflict": 0, "goldstein_sum": 0.0})  # fmt: skip
        n = int(row["events"])
        p["events"] += n
        p["categories"][row["category"]] = n
        p["cooperation"] += n if row["quad_class"] in COOPERATION else 0
        p["conflict"] += n if row["quad_class"] in CONFLICT else 0
        p["goldstein_sum"] += float(row["goldstein_sum"] or 0.0)
    for p in periods.values():
        p["goldstein_sum"] = round(p["goldstein_sum"], 2)
        p["score"] = round(p["goldstein_sum"] / p["events"], 2) if p["events"] else None
    return sorted(periods.values(), key=lambda p: (p["period"] is None, p["period"] or dt.date.min))
