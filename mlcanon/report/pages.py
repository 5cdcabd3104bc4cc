"""The pages of the report. Each function returns one page's HTML."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Any

import numpy as np

from mlcanon.report.html import Child, Markup, external_link, link, page, table, tag
from mlcanon.report.svg import coverage_bars, error_plot
from mlcanon.report.tables import (
    Cell,
    backend_of,
    column_of,
    concept_totals,
    native_coverage,
    rejections,
    worst_outcome,
)
from mlcanon.spec import Concept
from mlcanon.spec.values import to_array

#: the small mark after a matrix cell's text that says which code ran.
ORIGIN_MARKS = {"native": "N", "portable": "P", "mixed": "N/P", "": ""}

LEGEND = tag("p", [tag("span", tag("span", o.replace("_", " "), class_=f"badge {o}"))
                   for o in ("passed", "failed", "error", "crashed", "known_deviation",
                             "unsupported", "missing")],
             "cell text: worst error in eps units of that dtype over the concept's cases "
             "(book cases excluded: their values are rounded to the printed digit); the mark "
             "says which code ran: ", tag("sup", ORIGIN_MARKS["native"], class_="origin"),
             " the framework's native op, ", tag("sup", ORIGIN_MARKS["portable"],
                                                 class_="origin"),
             " the portable (array API) implementation, ",
             tag("sup", ORIGIN_MARKS["mixed"], class_="origin"), " some cases each",
             class_="legend muted")


#: characters a page's file name may hold; anything else in an id becomes ``_``.
UNSAFE_NAME_CHARACTERS = re.compile(r"[^A-Za-z0-9_.-]")
#: ids kept as they are in file names: only safe characters, no leading dot, short.
PLAIN_CONCEPT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}")
#: ``name:device`` with a device free of ``-``, so ``name-device`` reads back one way only.
PLAIN_BACKEND = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,59}:[A-Za-z0-9_.]{1,19}")
NAME_LIMIT = 80
DIGEST_LENGTH = 12
HASHED_SUFFIX = re.compile(rf"-[0-9a-f]{{{DIGEST_LENGTH}}}$")


def page_name(identifier: Any, plain: re.Pattern[str]) -> str:
    """A file name for the page of ``identifier``, safe inside its folder whatever it holds.

    Ids come from results files merged from other machines, so they may hold ``/``, ``..``
    or NUL. A plain id keeps its readable name; any other gets a readable prefix and a
    digest of the whole id, so two ids never share a page. A plain name never ends like a
    digest, so it cannot meet a digested one either.
    """
    text = str(identifier)
    readable = UNSAFE_NAME_CHARACTERS.sub("_", text.replace(":", "-")).lstrip(".")
    readable = readable[:NAME_LIMIT] or "_"
    if plain.fullmatch(text) and not HASHED_SUFFIX.search(readable):
        return f"{readable}.html"
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{readable}-{digest[:DIGEST_LENGTH]}.html"


def concept_file(concept: Any) -> str:
    """The concept page's file name inside ``concepts/``; links and the writer share it."""
    return page_name(concept, PLAIN_CONCEPT)


def concept_link(concept: Any, up: str = "") -> Markup:
    """A link to the concept's page from a page ``up`` (``"../"``) below the site root."""
    return link(f"{up}concepts/{concept_file(concept)}", concept)


def backend_file(backend: Any) -> str:
    """The backend page's file name inside ``backends/``; links and the writer share it."""
    return page_name(backend, PLAIN_BACKEND)


def fmt_eps(value: float | None) -> str:
    if value is None:
        return ""
    if value == float("inf"):
        return "inf"
    return f"{value:.2g}" if value < 100 else f"{value:.0f}"


def short_array(value: Any, limit: int = 8) -> str:
    """An input or expected value, shortened: shape and the first numbers."""
    try:
        array = to_array(value, "float64")
    except (ValueError, TypeError):
        return str(value)[:80]
    flat = array.ravel()
    numbers = ", ".join(f"{v:.6g}" for v in flat[:limit])
    more = ", …" if flat.size > limit else ""
    shape = "" if array.ndim <= 1 and flat.size <= limit else f"shape {array.shape}: "
    return f"{shape}[{numbers}{more}]" if array.ndim else f"{flat[0]:.6g}"


# -- overview --------------------------------------------------------------------------


def run_header(runs: list[dict[str, Any]]) -> Markup:
    rows = []
    for run in runs:
        devices = "; ".join(f"{k}: {v.get('name') or v.get('reason')}"
                            for k, v in sorted(run.get("devices", {}).items()))
        libraries = ", ".join(f"{k} {v}" for k, v in sorted(run.get("libraries", {}).items()))
        threads = ", ".join(f"{k}={v}" for k, v in sorted(run.get("threads", {}).items())
                            if v is not None) or "defaults"
        machine = run.get("machine", {})
        rows.append([run.get("started", ""), _run_status(run), machine.get("hostname", ""),
                     f"{machine.get('cpu', '')} ({machine.get('cpu_count', '?')} cores)",
                     devices, libraries, threads, _spec_label(run)])
    return table(["when", "status", "host", "CPU", "devices", "libraries", "threads", "spec"],
                 rows)


def _spec_label(run: dict[str, Any]) -> str:
    """The spec version a run checked: content hash, and the commit when known."""
    spec = run.get("spec")
    if not isinstance(spec, dict):
        return "not recorded"
    commit = spec.get("commit")
    return f"{spec.get('hash')}" + (f" (commit {str(commit)[:10]})" if commit else "")


def _run_status(run: dict[str, Any]) -> Markup:
    """finished, or how the run ended early, with the cases it ran of those it planned."""
    status = run.get("status", "finished")  # files from before statuses were recorded
    counts = (f" ({run['cases_run']} of {run['cases_planned']} cases)"
              if "cases_run" in run and "cases_planned" in run else "")
    return tag("td", f"{status}{counts}", class_="passed" if status == "finished" else "failed")


def problems_section(runs: list[dict[str, Any]]) -> Markup | None:
    """The runs' broken plugins and spec files (``run["problems"]``), or nothing: a broken
    plugin has no results of its own, so without this the report would not show it."""
    problems = sorted({str(p) for run in runs for p in run.get("problems", [])})
    if not problems:
        return None
    return tag("section", tag("h2", "Problems"),
               tag("p", "broken plugins and spec files; their cases are missing from the "
                        "matrix", class_="muted"),
               tag("ul", [tag("li", p) for p in problems]), class_="problems", id="problems")


def totals_table(records: list[dict[str, Any]]) -> Markup:
    coverage = {row["backend"]: row for row in native_coverage(records)}
    rows = [[r["backend"], tag("td", r["concepts"], class_="num"),
             tag("td", _coverage_text(coverage.get(r["backend"])), class_="num"),
             tag("td", r["passing"], class_="num passed"),
             tag("td", r["known_deviation"], class_="num known_deviation"),
             tag("td", r["failing"], class_="num failed"),
             tag("td", r["unsupported"], class_="num"),
             tag("td", r["missing"], class_="num")]
            for r in concept_totals(records)]
    return table(["backend", "concepts", "native / run", "passing", "known deviation",
                  "failing", "unsupported", "missing"], rows)


def _coverage_text(row: dict[str, Any] | None) -> str:
    if not row:
        return ""
    return f"{row['native']}/{row['concepts_run']} ({row['native_fraction']:.0%})"


def spec_conflicts_section(conflicts: list[dict[str, Any]]) -> Markup | None:
    """Concepts whose merged runs checked different spec versions, or nothing."""
    if not conflicts:
        return None
    items = [tag("li", f"{c['concept']}: showing spec version {c['kept']}; "
                       f"{c['records_set_aside']} records of version(s) "
                       f"{', '.join(c['set_aside'])} set aside (runs "
                       f"{', '.join(r for ids in c['set_aside'].values() for r in ids)})")
             for c in conflicts]
    return tag("section", tag("h2", "Merged runs disagree on the spec"),
               tag("p", "These concepts changed between the merged runs; each cell shows "
                        "one version only, the newest run's.", class_="muted"),
               tag("ul", items), class_="problems", id="spec-conflicts")


def overview(records: list[dict[str, Any]], runs: list[dict[str, Any]], columns: list[str],
             grid: dict[tuple[str, str], Cell], families: dict[str, str],
             spec_conflicts: list[dict[str, Any]] | None = None) -> str:
    by_family: dict[str, list[str]] = defaultdict(list)
    for concept in sorted({r["concept"] for r in records}):
        by_family[families.get(concept, "other")].append(concept)
    header = tag("tr", tag("th", "concept"), [tag("th", c, class_="col") for c in columns])
    body = []
    for family in sorted(by_family):
        body.append(tag("tr", tag("th", family, colspan=len(columns) + 1), class_="family"))
        for concept in by_family[family]:
            body.append(tag("tr", tag("td", concept_link(concept)),
                            [_matrix_cell(grid.get((concept, c)), concept) for c in columns]))
    matrix = tag("table", tag("thead", header), tag("tbody", body), class_="matrix",
                 id="matrix")
    cases = len(records)
    counts = defaultdict(int)
    for r in records:
        counts[r["outcome"]] += 1
    summary = ", ".join(f"{n} {o.replace('_', ' ')}" for o, n in sorted(counts.items()))
    backends = sorted({backend_of(r) for r in records})
    body_parts: list[Child] = [
        tag("h1", "Conformance overview"),
        tag("p", f"{len(by_family)} families, {sum(map(len, by_family.values()))} concepts, "
                 f"{cases} cases: {summary}.", class_="muted"),
        tag("h2", "Where and when"), run_header(runs),
        problems_section(runs),
        spec_conflicts_section(spec_conflicts or []),
        tag("h2", "Concepts per backend"), totals_table(records),
        tag("p", "Backends: ", [link(f"backends/{backend_file(b)}", b, class_="badge") for b in
                                backends]),
        tag("h2", "Matrix"), LEGEND, matrix,
    ]
    return page("Overview", body_parts)


def _matrix_cell(cell: Cell | None, concept: str) -> Markup:
    if cell is None:
        return tag("td", "", class_="cell missing", title="not run")
    text = fmt_eps(cell.worst_error_eps) if cell.outcome in ("passed", "failed",
                                                              "known_deviation") else ""
    label = {"missing": "–", "unsupported": "n/a", "error": "err"}.get(cell.outcome, text)
    title = f"{cell.column}: {cell.outcome}, {cell.passed}/{cell.total} cases passed"
    if cell.origins:
        title += "; ran " + ", ".join(cell.origins)
    mark = ORIGIN_MARKS[cell.origin_kind]
    content: list[Child] = [label or "✓"]
    if mark:
        content.append(tag("sup", mark, class_="origin"))
    return tag("td", link(f"concepts/{concept_file(concept)}#{slug_col(cell.column)}", content),
               class_=f"cell {cell.outcome}", title=title)


def slug_col(column: str) -> str:
    return column.replace(":", "-").replace(" ", "-")


# -- concept page ----------------------------------------------------------------------


def concept_page(concept_id: str, spec: Concept | None, records: list[dict[str, Any]],
                 columns: list[str]) -> str:
    parts: list[Child] = [tag("p", link("../index.html", "← overview"), class_="muted")]
    if spec is None:
        parts += [tag("h1", concept_id),
                  tag("p", "This concept is in the results but not in the current spec.")]
    else:
        parts += _spec_section(spec)
    mine = [r for r in records if r["concept"] == concept_id]
    used = [c for c in columns if any(column_of(r) == c for r in mine)]
    parts += [tag("h2", "Cases and results"), LEGEND, _case_table(spec, mine, used)]
    parts += [tag("h2", "Error per case"), _error_plot(mine, used)]
    return page(concept_id, parts, depth=1)


def _spec_section(spec: Concept) -> list[Child]:
    sig = spec.signature
    args = ", ".join([*sig.inputs, *(f"{k}={v!r}" for k, v in sig.params.items())])
    outs = ", ".join(o.name for o in sig.outputs)
    return [
        tag("h1", spec.title, " ", tag("span", spec.id, class_="muted")),
        tag("p", spec.summary),
        tag("div", spec.definition, class_="definition"),
        tag("p", tag("code", f"{spec.id}({args}) -> {outs}")),
        tag("h2", "Conventions the canon pins"),
        tag("ul", [tag("li", c) for c in spec.conventions]),
        tag("h2", "Sources"),
        tag("ul", [tag("li", s.get("book", ""), ": ", s.get("where", "")) for s in spec.sources]),
        tag("p", f"Tolerance: {spec.tolerance.error_class}"
                 + (f" over {spec.tolerance.over}" if spec.tolerance.over else "")
                 + f"; dtypes {', '.join(spec.dtypes)}.", class_="muted"),
    ]


def _case_table(spec: Concept | None, records: list[dict[str, Any]],
                columns: list[str]) -> Markup:
    results = {(r["case"], column_of(r)): r for r in records}
    names = [c.name for c in spec.cases] if spec else sorted({r["case"] for r in records})
    names += sorted({r["case"] for r in records} - set(names))
    rows = []
    for name in names:
        case = _case_or_none(spec, name)
        rows.append([tag("td", tag("code", name), tag("br"),
                         tag("span", case.kind if case else "", class_="muted")),
                     _case_inputs(case), _case_expected(case),
                     *[_result_cell(results.get((name, c))) for c in columns]])
    headers: list[Child] = ["case", "inputs", "expected (canon) / book printed"]
    headers += [tag("span", c, id=slug_col(c)) for c in columns]
    return table(headers, rows, class_="matrix")


def _case_or_none(spec: Concept | None, name: str) -> Any:
    if spec is None:
        return None
    try:
        return spec.case(name)
    except KeyError:
        return None


def _case_inputs(case: Any) -> Markup:
    if case is None:
        return tag("td", "")
    items = [tag("div", tag("code", f"{k} = {short_array(v)}")) for k, v in case.inputs.items()]
    if case.params:
        items.append(tag("div", tag("code", ", ".join(f"{k}={v!r}" for k, v in
                                                      case.params.items())), class_="muted"))
    if case.why:
        items.append(tag("div", case.why, class_="muted"))
    if case.check:
        items.append(tag("div", f"check: {case.check}", class_="muted"))
    return tag("td", items)


def _case_expected(case: Any) -> Markup:
    if case is None:
        return tag("td", "")
    items: list[Child] = []
    if case.raises:
        items.append(f"raises {case.raises}")
    for name, value in (case.expected or {}).items():
        items.append(tag("div", tag("code", f"{name} = {short_array(value)}")))
    if case.erratum:
        items.append(tag("div", "book printed: ", tag("code", short_array(
            case.erratum.get("book_value"))), " — erratum: ", case.erratum.get("note", ""),
            class_="failed"))
    elif case.kind == "book":
        items.append(tag("div", f"book printed the same value (to ±{case.printed_atol:g})",
                         class_="muted"))
    return tag("td", items)


def _result_cell(record: dict[str, Any] | None) -> Markup:
    if record is None:
        return tag("td", "", class_="cell missing")
    text = fmt_eps(record["error_eps"]) if record["error_eps"] is not None else ""
    if record["kind"] == "book" and record["outcome"] == "passed":
        text = "✓ printed"  # the book's rounding, not the backend, sets this error
    label = {"missing": "–", "unsupported": "n/a", "error": "err"}.get(record["outcome"], text)
    if record.get("raised"):
        label = record["raised"].split(":", 1)[0]  # the class a backend rejects input with
    eps = fmt_eps(record["error_eps"])
    title = f"{record['outcome']} ({eps or 'no'} eps units) {record['message']}"
    if record.get("origin"):
        title += f" [ran {record['origin']}]"
    if record.get("raised"):
        title += f" [raised {record['raised']}]"
    return tag("td", label or "✓", class_=f"cell {record['outcome']}", title=title)


def _error_plot(records: list[dict[str, Any]], columns: list[str]) -> Markup:
    cases = sorted({r["case"] for r in records if r["error_eps"] is not None})
    if not cases:
        return tag("p", "No case of this concept measures an error.", class_="muted")
    index = {(r["case"], column_of(r)): r["error_eps"] for r in records}
    series = {c: [_plottable(index.get((case, c))) for case in cases] for c in columns}
    return error_plot(cases, series, "error per case and backend dtype (eps units, log scale)")


def _plottable(value: float | None) -> float | None:
    if value is None or not np.isfinite(value):
        return None
    return max(value, 1e-3)


# -- backend page ----------------------------------------------------------------------


def backend_page(backend: str, records: list[dict[str, Any]], families: dict[str, str],
                 info: dict[str, Any]) -> str:
    mine = [r for r in records if backend_of(r) == backend]
    by_concept: dict[str, list[str]] = defaultdict(list)
    for r in mine:
        by_concept[r["concept"]].append(r["outcome"])
    verdict = {c: worst_outcome(o) for c, o in by_concept.items()}
    family_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for concept, v in verdict.items():
        slot = family_counts[families.get(concept, "other")]
        # unsupported (could not run here) counts with missing, never as passing
        slot[0 if v in ("passed", "known_deviation") else
             2 if v in ("missing", "unsupported") else 1] += 1
    bars = coverage_bars([(f, *c) for f, c in sorted(family_counts.items())])
    failures = [r for r in mine if r["outcome"] in ("failed", "error", "crashed")]
    deviations = info.get("known_deviations", [])
    missing = sorted(c for c, v in verdict.items() if v == "missing")
    coverage = next(iter(native_coverage(mine)), None)
    parts: list[Child] = [
        tag("p", link("../index.html", "← overview"), class_="muted"),
        tag("h1", backend),
        tag("p", ", ".join(f"{k} {v}" for k, v in sorted(info.get("versions", {}).items())),
            class_="muted"),
        tag("h2", "Coverage by family"), bars,
        tag("h2", "Native coverage"),
        tag("p", f"{_coverage_text(coverage) or 'no'} concepts ran the framework's own op; "
                 "the others ran the portable (array API) implementation on this backend's "
                 "namespace.", class_="muted"),
        _origin_table(mine),
        tag("h2", f"Failures ({len(failures)})"),
        table(["concept", "case", "dtype", "outcome", "message", "repro"],
              [[concept_link(r["concept"], up="../"), r["case"], r["dtype"],
                tag("td", r["outcome"], class_=r["outcome"]), r["message"],
                tag("code", r.get("repro", ""))] for r in failures]) if failures else
        tag("p", "None.", class_="muted"),
        tag("h2", f"Known deviations ({len(deviations)})"),
        table(["concept", "case", "dtype", "device", "reason", "link"],
              [[d["concept"], d["case"], d["dtype"], d["device"], d["reason"],
                external_link(d["link"], d["link"]) if d.get("link") else ""] for d in deviations])
        if deviations else tag("p", "None.", class_="muted"),
        tag("h2", f"Missing concepts ({len(missing)})"),
        tag("p", ", ".join(missing) or "None.", class_="muted"),
    ]
    return page(backend, parts, depth=1)


def _origin_table(records: list[dict[str, Any]]) -> Markup:
    found: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if r.get("origin"):
            found[r["concept"]].add(r["origin"])
    rows = [[concept_link(c, up="../"), "; ".join(sorted(o))]
            for c, o in sorted(found.items())]
    return table(["concept", "code that ran"], rows) if rows else tag("p", "")


# -- conventions, errata, agreement, comparison ----------------------------------------


def conventions_page(probes: dict[str, list[dict[str, Any]]],
                     records: list[dict[str, Any]] | None = None) -> str:
    rows = []
    for backend, measured in sorted(probes.items()):
        for p in measured:
            verdict = "matches the canon" if p.get("agrees") else "differs from the canon"
            rows.append([p["concept"], backend, p["question"], tag("code", p["call"]),
                         tag("code", p["native"]), tag("code", p.get("canon", "")),
                         tag("td", verdict, class_="passed" if p.get("agrees") else "failed")])
    rows.sort(key=lambda r: (str(r[0]), str(r[1])))
    parts: list[Child] = [
        tag("h1", "Framework defaults against the canon"),
        tag("p", "Each row was measured by calling the framework's native function with its "
                 "defaults during the conformance run, and the canon by the concept's oracle "
                 "on the same input.", class_="muted"),
        table(["concept", "backend", "question", "native call", "native result",
               "canon result", "verdict"], rows) if rows else
        tag("p", "The results hold no measured defaults.", class_="muted"),
        tag("h2", "How each backend rejects bad input"),
        tag("p", "The canon pins that these inputs are rejected; which exception a library "
                 "raises is its own choice, recorded here. A backend that accepted the input "
                 "failed the case (or carries a known deviation).", class_="muted"),
        _rejection_table(rejections(records or [])),
    ]
    return page("Conventions", parts)


def _rejection_table(rows: list[dict[str, Any]]) -> Markup:
    if not rows:
        return tag("p", "The results hold no raises cases.", class_="muted")
    return table(["concept", "case", "backend", "dtype", "code that ran", "raised", "outcome"],
                 [[concept_link(r["concept"]), r["case"], r["backend"],
                   r["dtype"], r["origin"], tag("code", r["raised"] or "nothing"),
                   tag("td", r["outcome"], class_=r["outcome"])] for r in rows])


def errata_page(concepts: dict[str, Concept], with_pages: set[str] | None = None) -> str:
    """Every erratum of the spec; a concept links to its page where the results gave it
    one (``with_pages``: all when ``None``)."""
    rows = []
    for concept in sorted(concepts.values(), key=lambda c: c.id):
        for case in concept.cases:
            if case.erratum:
                canon = "; ".join(f"{k} = {short_array(v)}"
                                  for k, v in (case.expected or {}).items())
                name = (concept_link(concept.id) if with_pages is None
                        or concept.id in with_pages else tag("code", concept.id))
                rows.append([name, case.name,
                             case.source, tag("code", short_array(case.erratum.get(
                                 "book_value"))), tag("code", canon),
                             case.erratum.get("note", "")])
    parts: list[Child] = [
        tag("h1", f"Book errata ({len(rows)})"),
        tag("p", "Where a textbook printed a wrong value, the spec holds the recomputed one.",
            class_="muted"),
        table(["concept", "case", "example", "book printed", "canon value", "note"], rows)
        if rows else tag("p", "The spec records no erratum.", class_="muted"),
    ]
    return page("Errata", parts)


def agreement_page(rows: list[dict[str, Any]]) -> str:
    body = [[concept_link(r["concept"]), r["backend_a"], r["backend_b"],
             tag("td", f"{r['max_abs_disagreement_bound']:.3g}", class_="num"),
             tag("td", fmt_eps(r["max_eps_disagreement_bound"]), class_="num")] for r in rows]
    parts: list[Child] = [
        tag("h1", "Pairwise agreement"),
        tag("p", "How far two backends can disagree on a concept: both were compared with the "
                 "same canon value, so their outputs differ by at most the sum of their errors "
                 "(worst case and dtype of the concept).", class_="muted"),
        table(["concept", "backend A", "backend B", "max |A - B| bound", "bound (eps units)"],
              body),
    ]
    return page("Agreement", parts)


def compare_page(changes: dict[str, list[dict[str, Any]]], factor: float, old: str,
                 new: str) -> str:
    def rows(items: list[dict[str, Any]], extra: str) -> Markup:
        if not items:
            return tag("p", "None.", class_="muted")
        return table(["concept", "case", "backend", "dtype", "now", extra, "message"],
                     [[r["concept"], r["case"], f"{r['backend']}:{r['device']}", r["dtype"],
                       tag("td", r["outcome"], class_=r["outcome"]),
                       fmt_eps(r.get("was_error_eps")) if extra == "was (eps)" else
                       r.get("was", ""), r.get("message", "")] for r in items])

    def presence(items: list[dict[str, Any]], outcome: str) -> Markup:
        if not items:
            return tag("p", "None.", class_="muted")
        return table(["concept", "case", "backend", "dtype", outcome],
                     [[r["concept"], r["case"], f"{r['backend']}:{r['device']}", r["dtype"],
                       tag("td", r["outcome"], class_=r["outcome"])] for r in items])

    parts: list[Child] = [
        tag("h1", "Comparison of two runs"),
        tag("p", f"old: {old}", tag("br"), f"new: {new}", class_="muted"),
        tag("h2", f"New failures ({len(changes['new_failures'])})"),
        rows(changes["new_failures"], "was"),
        tag("h2", f"Fixes ({len(changes['fixes'])})"), rows(changes["fixes"], "was"),
        tag("h2", f"Error grew more than {factor:g}× ({len(changes['error_growth'])})"),
        rows(changes["error_growth"], "was (eps)"),
        tag("h2", f"Cases vanished: in the old run, not in the new "
                  f"({len(changes['cases_vanished'])})"),
        presence(changes["cases_vanished"], "outcome before"),
        tag("h2", f"Cases appeared: in the new run, not in the old "
                  f"({len(changes['cases_appeared'])})"),
        presence(changes["cases_appeared"], "outcome"),
        tag("h2", "Concepts added"),
        tag("p", ", ".join(r["concept"] for r in changes["concepts_added"]) or "None."),
        tag("h2", "Concepts removed"),
        tag("p", ", ".join(r["concept"] for r in changes["concepts_removed"]) or "None."),
    ]
    return page("Comparison", parts)


# -- performance -----------------------------------------------------------------------


def performance_page(rows: list[dict[str, Any]], limits: dict[tuple[str, str, str],
                     dict[str, float]], dashboard: bool) -> str:
    parts: list[Child] = [
        tag("h1", "Performance"),
        tag("p", "Time of one synchronized call per concept, backend and size (asv, best "
                 "of its samples), the FLOP/s and bytes/s it reaches by the spec's models, "
                 "and the fraction of this machine's calibrated limit (roofline: the call "
                 "cannot be faster than max(flops / peak, bytes / bandwidth)). The worst "
                 "error beside each time comes from the conformance results of the same "
                 "report (edge and generated cases, float32), so a fast but wrong backend "
                 "shows.",
            class_="muted"),
        tag("p", link("asv/index.html", "asv regression dashboard")) if dashboard else
        tag("p", "No asv dashboard published yet (nox -s bench).", class_="muted"),
    ]
    if not rows:
        parts.append(tag("p", "No asv results found: run nox -s bench (or asv run) first.",
                         class_="muted"))
        return page("Performance", parts)
    parts += [tag("h2", "Calibrated limits"), table(
        ["machine", "device", "dtype", "peak matmul GFLOP/s", "copy GB/s by size"],
        [[m, d, t, tag("td", f"{v['peak_flops'] / 1e9:.1f}", class_="num"),
          ", ".join(f"{size / 2**20:g} MiB: {rate / 1e9:.1f}"
                    for size, rate in sorted(v["bandwidth"].items()))]
         for (m, d, t), v in sorted(limits.items())])]
    by_concept: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_concept[row["concept"]].append(row)
    for concept, mine in sorted(by_concept.items()):
        parts += [tag("h2", concept_link(concept)),
                  _perf_table(mine), _time_plot(mine)]
    return page("Performance", parts)


def _perf_table(rows: list[dict[str, Any]]) -> Markup:
    order = {"small": 0, "medium": 1, "large": 2}
    rows = sorted(rows, key=lambda r: (r["machine"], r["backend"], order.get(r["size"], 9)))
    return table(["machine", "commit", "backend", "size", "time", "GFLOP/s", "GB/s",
                  "of roofline", "bound", "worst error (float32 eps)"],
                 [[r["machine"], r["commit"], r["backend"], r["size"],
                   tag("td", _seconds(r["seconds"]), class_="num"),
                   tag("td", _rate(r["gflops_per_s"]), class_="num"),
                   tag("td", _rate(r["gbytes_per_s"]), class_="num"),
                   tag("td", "" if r["roofline_fraction"] is None else
                       f"{100 * r['roofline_fraction']:.1f}%", class_="num"),
                   r["bound"], tag("td", fmt_eps(r.get("worst_error_eps")), class_="num")]
                  for r in rows])


def _rate(value: float | None) -> str:
    """A rate, or "–" for a concept with no work model (timed, not on the roofline)."""
    return "–" if value is None else f"{value:.3g}"


def _seconds(value: float) -> str:
    if value < 1e-3:
        return f"{value * 1e6:.1f} µs"
    return f"{value * 1e3:.2f} ms" if value < 1 else f"{value:.2f} s"


def _time_plot(rows: list[dict[str, Any]]) -> Markup:
    sizes = ["small", "medium", "large"]
    series: dict[str, list[float | None]] = {}
    for r in rows:
        name = f"{r['backend']} ({r['machine']})"
        series.setdefault(name, [None] * len(sizes))[sizes.index(r["size"])] = r["seconds"]
    return error_plot(sizes, series, "time per call by size (seconds, log scale)",
                      y_label="time (s)", unit="s")
