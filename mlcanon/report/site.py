"""Writing the static report site from one or more results files.

The site is plain HTML with inline CSS and SVG: no script, no CDN, no font download, so
it opens from the file system and works offline.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mlcanon import results
from mlcanon.report import pages
from mlcanon.report.tables import (
    accuracy,
    agreement,
    cells,
    columns,
    compare_runs,
    concept_totals,
    native_coverage,
    rejections,
)
from mlcanon.spec import default_spec

DEFAULT_OUT = Path("reports") / "site"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def page_path(out: Path, folder: str, name: str) -> Path:
    """``out/folder/name``, refused unless it stays inside ``out``.

    ``name`` comes from :func:`pages.concept_file` or :func:`pages.backend_file`, which
    already keep ids from results files to safe characters; this is the last check before
    writing, so a mistake there (or a symlinked folder) cannot write elsewhere.
    """
    root = out.resolve()
    path = (out / folder / name).resolve()
    if not path.is_relative_to(root) or path == root:
        msg = f"page {folder}/{name} would be written outside {out}: refusing to write it"
        raise ValueError(msg)
    return path


#: what makes a spreadsheet read a cell as a formula (tab and CR start one after a split).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """``value`` as a CSV cell a spreadsheet shows as text, never runs as a formula.

    Results files come from other machines; a message like ``=HYPERLINK(...)`` would
    otherwise become a live formula. Numbers stay numbers (a negative error is data).
    """
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        if not rows:
            return
        fields = list(rows[0])
        writer = csv.writer(handle)
        writer.writerow([csv_cell(f) for f in fields])
        writer.writerows([[csv_cell(row.get(f)) for f in fields] for row in rows])


def _backend_info(runs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    info: dict[str, dict[str, Any]] = {}
    for run in runs:
        for backend, data in run.get("backends", {}).items():
            info.setdefault(backend, data)
    return info


def write_performance(out: Path, asv_results: Path,
                      records: list[dict[str, Any]] | None = None) -> int:
    """The performance page from asv's result files, with each backend's accuracy taken
    from the conformance ``records`` (none: the accuracy column stays empty)."""
    from mlcanon.report import perf

    documents = perf.read_results(asv_results) if asv_results.exists() else []
    rows = perf.performance_rows(documents, accuracy(records or []))
    _write(out / "performance.html", pages.performance_page(
        rows, perf.limits(documents), (out / "asv" / "index.html").exists()))
    write_csv(out / "tables" / "performance.csv", rows)
    return len(rows)


def build(paths: Sequence[Path], out: Path = DEFAULT_OUT,
          asv_results: Path = Path(".asv") / "results") -> dict[str, int]:
    """Merge ``paths`` and write the site into ``out``; returns page counts.

    ``asv_results`` feeds the performance page when it exists."""
    merged = results.merge(paths)
    records, runs = merged["results"], merged["runs"]
    spec = default_spec().concepts
    families = {c.id: c.family for c in spec.values()}
    families.update({r["concept"]: r["family"] for r in records if r["concept"] not in spec})
    cols = columns(records)
    grid = cells(records)
    info = _backend_info(runs)
    _write(out / "index.html", pages.overview(records, runs, cols, grid, families,
                                              merged.get("spec_conflicts")))
    concepts = sorted({r["concept"] for r in records})
    for concept in concepts:
        _write(page_path(out, "concepts", pages.concept_file(concept)),
               pages.concept_page(concept, spec.get(concept), records, cols))
    backends = sorted({f"{r['backend']}:{r['device']}" for r in records})
    for backend in backends:
        _write(page_path(out, "backends", pages.backend_file(backend)),
               pages.backend_page(backend, records, families, info.get(backend, {})))
    probes = {b: data.get("defaults", []) for b, data in info.items()}
    _write(out / "conventions.html", pages.conventions_page(probes, records))
    _write(out / "errata.html", pages.errata_page(spec, set(concepts)))
    pairs = agreement(records)
    _write(out / "agreement.html", pages.agreement_page(pairs))
    write_performance(out, asv_results, records)
    write_csv(out / "tables" / "results.csv", records)
    write_csv(out / "tables" / "cells.csv", [c.as_row() for c in grid.values()])
    write_csv(out / "tables" / "concept_totals.csv", concept_totals(records))
    write_csv(out / "tables" / "agreement.csv", pairs)
    write_csv(out / "tables" / "native_coverage.csv", native_coverage(records))
    write_csv(out / "tables" / "rejections.csv", rejections(records))
    return {"concepts": len(concepts), "backends": len(backends), "results": len(records)}


def build_comparison(old: Path, new: Path, out: Path, factor: float) -> dict[str, int]:
    changes = compare_runs(results.merge([old])["results"], results.merge([new])["results"],
                           factor)
    _write(out / "compare.html", pages.compare_page(changes, factor, str(old), str(new)))
    for name, rows in changes.items():
        write_csv(out / "tables" / f"compare_{name}.csv", rows)
    return {name: len(rows) for name, rows in changes.items()}


def site_size(out: Path) -> int:
    return sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
