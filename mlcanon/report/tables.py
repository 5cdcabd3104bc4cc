"""The tables behind the report, derived from merged results.

Each table is a list of flat dicts, so the same rows feed the HTML pages, the CSV
files and :func:`mlcanon.results.load`'s DataFrame.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mlcanon.dtypes import FLOATS

#: worst first: a cell takes the first of these that any of its cases has.
SEVERITY = ("crashed", "error", "failed", "known_deviation", "passed", "unsupported",
            "missing")


def column_of(record: dict[str, Any]) -> str:
    return f"{record['backend']}:{record['device']} {record['dtype']}"


def backend_of(record: dict[str, Any]) -> str:
    return f"{record['backend']}:{record['device']}"


def worst_outcome(outcomes: Iterable[str]) -> str:
    found = set(outcomes)
    return next((o for o in SEVERITY if o in found), "missing")


def finite_max(values: Iterable[float | None]) -> float | None:
    numbers = [v for v in values if v is not None]
    return max(numbers) if numbers else None


@dataclass
class Cell:
    """One concept on one backend, device and dtype."""

    concept: str
    column: str
    outcome: str
    passed: int
    total: int
    worst_error_eps: float | None
    #: the code that ran, over the cell's cases: sorted distinct origins.
    origins: tuple[str, ...] = ()

    @property
    def origin_kind(self) -> str:
        """``native``, ``portable``, ``mixed`` (some cases each) or ``""`` (nothing ran)."""
        return origin_kind(self.origins)

    def as_row(self) -> dict[str, Any]:
        return {"concept": self.concept, "column": self.column, "outcome": self.outcome,
                "passed": self.passed, "total": self.total,
                "worst_error_eps": self.worst_error_eps, "origin": "; ".join(self.origins)}


def origin_kind(origins: Iterable[str]) -> str:
    kinds = {"native" if o.startswith("native") else "portable" for o in origins if o}
    if len(kinds) > 1:
        return "mixed"
    return next(iter(kinds), "")


def cells(records: list[dict[str, Any]]) -> dict[tuple[str, str], Cell]:
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        grouped[(record["concept"], column_of(record))].append(record)
    return {
        key: Cell(key[0], key[1], worst_outcome(r["outcome"] for r in group),
                  sum(r["outcome"] == "passed" for r in group), len(group),
                  finite_max(r["error_eps"] for r in group if _measures_accuracy(r)),
                  tuple(sorted({r.get("origin", "") for r in group} - {""})))
        for key, group in grouped.items()
    }


def _measures_accuracy(record: dict[str, Any]) -> bool:
    """Book values are rounded to the printed digit, so their error says little about
    the backend's accuracy; every other value case measures it."""
    error = record["error_eps"]
    return record["kind"] != "book" and error is not None and math.isfinite(error)


def columns(records: list[dict[str, Any]]) -> list[str]:
    order = {name: i for i, name in enumerate(reversed(FLOATS))}  # widest first
    found = {(r["backend"], r["device"], r["dtype"]) for r in records}
    ordered = sorted(found, key=lambda c: (c[0], c[1], order.get(c[2], 9), c[2]))
    return [f"{b}:{d} {t}" for b, d, t in ordered]


def concept_totals(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per backend: how many concepts pass entirely, fail somewhere, or are missing."""
    by_backend: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        by_backend[backend_of(record)][record["concept"]].append(record["outcome"])
    rows = []
    for backend, concepts in sorted(by_backend.items()):
        verdicts = {c: worst_outcome(o) for c, o in concepts.items()}
        rows.append({
            "backend": backend,
            "concepts": len(verdicts),
            # a concept that could not run here is not passing: unsupported is its own count
            "passing": sum(v == "passed" for v in verdicts.values()),
            "unsupported": sum(v == "unsupported" for v in verdicts.values()),
            "known_deviation": sum(v == "known_deviation" for v in verdicts.values()),
            "failing": sum(v in ("failed", "error", "crashed") for v in verdicts.values()),
            "missing": sum(v == "missing" for v in verdicts.values()),
        })
    return rows


def accuracy(records: list[dict[str, Any]], dtype: str = "float32"
             ) -> dict[tuple[str, str], float]:
    """(concept, ``name:cpu|gpu``) -> the worst error in eps units over the concept's edge
    and generated cases in ``dtype`` (infinite if any failed): the number the performance
    page shows beside each time, taken from the conformance results, never re-run."""
    worst: dict[tuple[str, str], float] = {}
    for r in records:
        if r["dtype"] != dtype or r["kind"] not in ("edge", "generated"):
            continue
        key = (r["concept"], benchmark_backend(r["backend"], r["device"]))
        error = math.inf if r["outcome"] in ("failed", "error", "crashed") else r["error_eps"]
        if error is not None:
            worst[key] = max(worst.get(key, 0.0), error)
    return worst


def benchmark_backend(name: str, device: str) -> str:
    """A results record's backend as the asv suite names it (``torch:gpu`` for cuda)."""
    return f"{name}:{'gpu' if device in ('cuda', 'gpu', 'rocm') else device}"


def native_coverage(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per backend: how many concepts ran the framework's own op, and how many the
    portable implementation (a concept counts as native when any of its cases did)."""
    by_backend: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for record in records:
        if record.get("origin"):
            by_backend[backend_of(record)][record["concept"]].add(record["origin"])
    rows = []
    for backend, concepts in sorted(by_backend.items()):
        native = sum(any(o.startswith("native") for o in found) for found in concepts.values())
        rows.append({"backend": backend, "concepts_run": len(concepts), "native": native,
                     "portable": len(concepts) - native,
                     "native_fraction": native / len(concepts) if concepts else 0.0})
    return rows


def rejections(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What each backend raised on the raises cases: the canon pins only that the input is
    rejected, so the exception classes are findings to compare, not failures."""
    rows = [{"concept": r["concept"], "case": r["case"], "backend": backend_of(r),
             "dtype": r["dtype"], "origin": r.get("origin", ""), "raised": r.get("raised", ""),
             "outcome": r["outcome"]}
            for r in records if r["kind"] == "raises" and r["outcome"] != "unsupported"]
    return sorted(rows, key=lambda r: (r["concept"], r["case"], r["backend"], r["dtype"]))


def agreement(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per concept and pair of backends, a bound on how far their outputs can differ.

    Both are compared with the same canon value, so by the triangle inequality their
    outputs differ by at most the sum of their errors against it. The bound is taken
    per case and dtype, then the worst over the concept, in absolute terms and in eps
    units of that dtype.
    """
    by_key: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in records:
        if r["max_abs_error"] is not None and r["kind"] in ("book", "edge", "generated", "grad"):
            by_key[(r["concept"], r["case"], r["dtype"])][backend_of(r)] = r
    worst: dict[tuple[str, str, str], dict[str, float]] = {}
    for (concept, _, _), group in by_key.items():
        names = sorted(group)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                bound_abs = group[a]["max_abs_error"] + group[b]["max_abs_error"]
                bound_eps = (group[a]["error_eps"] or 0.0) + (group[b]["error_eps"] or 0.0)
                slot = worst.setdefault((concept, a, b), {"abs": 0.0, "eps": 0.0})
                slot["abs"] = max(slot["abs"], bound_abs)
                slot["eps"] = max(slot["eps"], bound_eps)
    return [{"concept": c, "backend_a": a, "backend_b": b,
             "max_abs_disagreement_bound": v["abs"], "max_eps_disagreement_bound": v["eps"]}
            for (c, a, b), v in sorted(worst.items())]


def compare_runs(old: list[dict[str, Any]], new: list[dict[str, Any]],
                 factor: float) -> dict[str, list[dict[str, Any]]]:
    """What changed between two sets of results, case by case: outcomes and errors of the
    cases both hold, the cases only the old one holds (vanished) or only the new one."""
    def key(r: dict[str, Any]) -> tuple[str, ...]:
        return (r["concept"], r["case"], r["backend"], r["device"], r["dtype"])

    before = {key(r): r for r in old}
    after = {key(r): r for r in new}
    bad = ("failed", "error", "crashed")
    changes: dict[str, list[dict[str, Any]]] = {"new_failures": [], "fixes": [],
                                                 "error_growth": []}
    for k in sorted(set(before) & set(after)):
        was, now = before[k], after[k]
        if now["outcome"] in bad and was["outcome"] not in bad:
            changes["new_failures"].append({**now, "was": was["outcome"]})
        elif was["outcome"] in bad and now["outcome"] not in bad:
            changes["fixes"].append({**now, "was": was["outcome"]})
        elif _grew(was.get("error_eps"), now.get("error_eps"), factor):
            changes["error_growth"].append({**now, "was_error_eps": was["error_eps"]})
    # a partial or crashed run drops cases: they must show, not read as "no new failures"
    changes["cases_vanished"] = [before[k] for k in sorted(set(before) - set(after))]
    changes["cases_appeared"] = [after[k] for k in sorted(set(after) - set(before))]
    old_concepts = {r["concept"] for r in old}
    new_concepts = {r["concept"] for r in new}
    changes["concepts_added"] = [{"concept": c} for c in sorted(new_concepts - old_concepts)]
    changes["concepts_removed"] = [{"concept": c} for c in sorted(old_concepts - new_concepts)]
    return changes


def _grew(was: float | None, now: float | None, factor: float) -> bool:
    if was is None or now is None or not math.isfinite(now):
        return False
    # errors under one eps unit are noise: growth is measured from at least 1
    return now > factor * max(was, 1.0)
