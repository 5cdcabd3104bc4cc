"""The mlcanon conformance harness as a pytest plugin.

``pytest conformance -n auto --backend torch --device cpu --dtype float32 -k softmax``

Each test is one cell: the cases of one concept on one backend, device and dtype
(:mod:`mlcanon.cells`), run one by one; its id reads ``<concept>-<backend>-<device>-<dtype>``
and ``--case`` picks cases by name. Every run writes a results file with one record per
case, and streams each record to disk as its case ends (:mod:`mlcanon.recording`), so a run
that is interrupted, killed or crashes keeps what it collected. Under pytest-xdist (``-n``)
the cells run in worker processes: a case that kills its worker (a segfault, ``os._exit``,
a C loop past the hard limit of :mod:`mlcanon.watchdog`) is recorded as ``crashed``, the
rest of its cell is resumed in a fresh process (:mod:`mlcanon.resume`) and the run goes on.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

from mlcanon import recording, results, resume, watchdog
from mlcanon.cells import (
    FAILING,
    CaseStream,
    Cell,
    Settings,
    case_progress,
    group_cells,
    run_cell,
    verdict,
)
from mlcanon.cli import case_timeout
from mlcanon.plugins import registry
from mlcanon.runner import PROFILES, CaseResult, Job
from mlcanon.selection import Selection, SelectionError, build_jobs, meta_checks
from mlcanon.spec import default_spec

#: the tests that run cases (one cell each)
CELL_TEST = "::test_cell["


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mlcanon", "mlcanon conformance")
    group.addoption("--backend", action="append", metavar="NAME",
                    help="backend name(s) to run, e.g. numpy,torch (default: all installed)")
    group.addoption("--device", action="append", metavar="DEVICE",
                    help="device(s) to run, e.g. cpu,cuda (default: every available one)")
    group.addoption("--dtype", action="append", metavar="DTYPE",
                    help="dtype(s) to run, e.g. float32 (default: each concept's own)")
    group.addoption("--concept", action="append", metavar="ID",
                    help="concept id(s) to run, e.g. softmax,gelu (default: every concept)")
    group.addoption("--family", action="append", metavar="FAMILY",
                    help="families to run, e.g. losses,optimizers (with --concept: either)")
    group.addoption("--case", action="append", metavar="NAME",
                    help="case names or patterns to run, e.g. book_001,random_* "
                         "(default: every case)")
    group.addoption("--profile", choices=sorted(PROFILES), default="standard",
                    help="Hypothesis examples per properties case: quick (a fifth), standard "
                         "(the spec's), thorough (four times)")
    group.addoption("--no-shrink", action="store_true",
                    help="report a properties case's first failing example without shrinking "
                         "it (shrinking can take minutes; for runs that only need to know)")
    group.addoption("--results", metavar="PATH", default=None,
                    help="where to write the results JSON (default: results/<host>-<time>.json)")
    group.addoption("--artifacts", metavar="DIR", default="results/failures",
                    help="folder for the .npz of every failing case (default: results/failures)")
    group.addoption("--case-timeout", type=case_timeout, default=60.0, metavar="SECONDS",
                    help="time limit of one case; 0 disables it (default: 60)")
    group.addoption("--hard-timeout", type=case_timeout, default=None, metavar="SECONDS",
                    help="after this long a case's process is killed, even inside C code "
                         "(default: twice --case-timeout, at least 30 s more)")


class ConformanceRun:
    """State shared by every test of one process: selection, results path and stream."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.selection = Selection(
            backends=_split(config.getoption("--backend")),
            devices=_split(config.getoption("--device")),
            dtypes=_split(config.getoption("--dtype")),
            concepts=_split(config.getoption("--concept")),
            families=_split(config.getoption("--family")),
            cases=_split(config.getoption("--case")),
        )
        timeout = config.getoption("--case-timeout") or None
        self.settings = Settings(
            timeout=timeout,
            hard_timeout=_hard_limit(timeout, config.getoption("--hard-timeout")),
            profile=config.getoption("--profile"),
            shrink=not config.getoption("--no-shrink"),
            artifacts=Path(config.getoption("--artifacts")),
        )
        self.run = results.new_run(sys.argv)
        self.run["profile"] = self.settings.profile
        self.run["shrink"] = self.settings.shrink
        self.workerinput: dict[str, Any] | None = getattr(config, "workerinput", None)
        given = self.workerinput["mlcanon_results"] if self.workerinput else \
            config.getoption("--results")
        self.path = Path(given or results.default_path())
        self.parts = recording.parts_folder(self.path)
        self.stream: recording.Stream | None = None
        self.out: CaseStream | None = None
        self.watchdog: Any = None
        self.planned = 0
        #: nodeid -> (pytest outcome, whether it was an xfail, report text): the controller's
        #: view, which a cell's records must agree with.
        self.reports: dict[str, tuple[str, bool, str]] = {}
        self._cells: list[Cell] | None = None
        self.jobs_by_id: dict[str, Job] | None = None
        #: the backends this process ran cases on, by id
        self.used: dict[str, Any] = {}

    @property
    def is_controller(self) -> bool:
        return self.workerinput is None

    @property
    def writer(self) -> str:
        return str(self.workerinput["workerid"]) if self.workerinput else "main"

    def open_stream(self) -> None:
        self.stream = recording.Stream(self.parts, self.writer)
        if self.settings.hard_timeout:
            self.watchdog, self.stack_log = watchdog.guard(self.stream.path,
                                                           self.settings.hard_timeout)
        self.out = CaseStream(self.stream)

    def log_faults(self) -> None:
        """Send a fatal error's traceback (segfault, abort) to a file the controller reads
        (after pytest's own faulthandler set-up, which would otherwise replace it)."""
        if self.stream is not None:
            self._fault_log = recording.log_faults(self.parts, self.writer)

    def cells(self) -> list[Cell]:
        """The selected cases in cells (worked out once)."""
        if self._cells is None:
            self._cells = group_cells(build_jobs(self.selection))
        return self._cells

    def run_cell(self, nodeid: str, cell: Cell) -> list[CaseResult]:
        assert self.out is not None, "a process that runs cases has a stream"
        self.used.setdefault(cell.first.backend.id, cell.first.backend)
        try:
            return run_cell(cell, nodeid, self.settings, self.out)
        finally:
            _settle_heap()

    def describe_used_backends(self) -> None:
        """In a worker, at the end: describe the backends it ran (versions, default probes)
        into the stream, so the controller need not import their frameworks to do it."""
        assert self.stream is not None
        for backend in self.used.values():
            try:
                about = results.describe_backend(backend, self.settings.timeout)
            except Exception:  # the controller tries again, and records the problem
                continue
            self.stream.add({"type": "backend", "id": backend.id, "about": about})


def _settle_heap() -> None:
    """After each cell: collect what the cell left, then exempt the survivors (imported
    frameworks, their caches of compiled programs) from later collections.

    Python's full collections walk every live object, and a JAX worker's heap holds
    every program it has loaded: each full collection grows with the run, several times
    per process. Frozen objects are never collected, so a cycle among them that becomes
    garbage later stays; a worker lives for one run (``benchmarks/conformance_time.py``
    and ``/usr/bin/time -v`` show its time and peak memory).
    """
    gc.collect()
    gc.freeze()


def _hard_limit(timeout: float | None, hard: float | None) -> float | None:
    if hard is not None:
        return hard or None
    return None if timeout is None else max(2 * timeout, timeout + 30)


RUN_KEY = pytest.StashKey[ConformanceRun]()
#: worker restarts pytest-xdist may make in one run (one per crashed case).
MAX_WORKER_RESTARTS = 100_000


#: thread pools of the frameworks imported after this point (torch reads OMP_NUM_THREADS
#: when it is imported; numpy's BLAS is already loaded and keeps its own)
THREAD_POOLS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _share_cores() -> None:
    """In an xdist worker, give each worker its share of the cores unless the user chose:
    two workers with a two-thread torch pool each stall on a two-core machine."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1") or 1)
    if workers > 1:
        share = str(max(1, (os.cpu_count() or 1) // workers))
        for variable in THREAD_POOLS:
            os.environ.setdefault(variable, share)


def _worker_threads(config: pytest.Config) -> dict[str, str]:
    """What :func:`_share_cores` set in the workers, for the results file."""
    workers = getattr(config.option, "numprocesses", None)
    if not _starts_workers(config) or not isinstance(workers, int) or workers < 2:
        return {}
    share = str(max(1, (os.cpu_count() or 1) // workers))
    return {f"workers: {v}": os.environ.get(v) or share for v in THREAD_POOLS}


def pytest_configure(config: pytest.Config) -> None:
    if getattr(config, "workerinput", None) is not None:
        _share_cores()
    run = ConformanceRun(config)
    config.stash[RUN_KEY] = run
    try:
        run.selection.validate(registry())  # bad --backend / --dtype: a usage error, up front
        run.selection.validate_spec(default_spec())
        if run.is_controller:
            _claim_results_path(run)
    except (SelectionError, recording.RecordingError) as exc:
        raise pytest.UsageError(str(exc)) from None
    if run.is_controller:
        signal.signal(signal.SIGTERM, _interrupt)  # CI cancel and `timeout` send SIGTERM
        if getattr(config.option, "maxworkerrestart", "") is None:
            # every crashing case takes its worker down: a crashing backend must not stop
            # the run after xdist's default handful of restarts
            config.option.maxworkerrestart = MAX_WORKER_RESTARTS
    if not _starts_workers(config):
        run.open_stream()


def _claim_results_path(run: ConformanceRun) -> None:
    """Before the first case: a path we can write, that no other run is writing, and a
    selection that can run something."""
    _require_runnable(run)
    recording.check_path(run.path)
    recording.acquire(run.path)
    recording.begin(run.path, run.run)


def _require_runnable(run: ConformanceRun) -> None:
    jobs = [job for cell in run.cells() for job in cell.jobs]
    if not jobs:
        msg = f"the selection {run.selection.describe()} matches no case of the spec"
        raise SelectionError(msg)
    if not any(job.backend.available() is None for job in jobs):
        reasons = sorted({f"{j.backend.id}: {j.backend.available()}" for j in jobs})
        msg = "nothing selected can run here: " + "; ".join(reasons)
        raise SelectionError(msg)


def _starts_workers(config: pytest.Config) -> bool:
    """True in the pytest-xdist controller, which runs no case itself."""
    return getattr(config.option, "numprocesses", None) not in (None, 0) \
        and not hasattr(config, "workerinput")


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signal.Signals(signum).name}")


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist: every worker writes into the controller's results parts."""
    run = node.config.stash[RUN_KEY]
    node.workerinput["mlcanon_results"] = str(run.path)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node: Any, ids: list[str]) -> None:
    """The cases the workers collected: the controller only sees test ids."""
    run = node.config.stash[RUN_KEY]
    sizes = {cell.id: len(cell) for cell in run.cells()}
    run.planned = max(run.planned, sum(sizes.get(resume.cell_of(i), 0)
                                       for i in ids if CELL_TEST in i))


def pytest_collection_finish(session: pytest.Session) -> None:
    run = session.config.stash[RUN_KEY]
    if run.is_controller and not _starts_workers(session.config):
        run.planned = sum(len(item.callspec.params["cell"]) for item in session.items
                          if CELL_TEST in item.nodeid)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    run = metafunc.config.stash[RUN_KEY]
    if "cell" in metafunc.fixturenames:
        cells = run.cells()
        metafunc.parametrize("cell", cells, ids=[c.id for c in cells])
    if "meta_check" in metafunc.fixturenames:
        checks = meta_checks(run.selection)
        metafunc.parametrize("meta_check", checks, ids=[c.id for c in checks])


@pytest.fixture
def conformance_run(request: pytest.FixtureRequest) -> ConformanceRun:
    return request.config.stash[RUN_KEY]


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """The controller's view of every cell (from its workers under xdist)."""
    if CELL_TEST not in report.nodeid or not (report.when == "call" or report.failed
                                              or report.skipped):
        return
    run = _current_run()
    if run is not None and run.is_controller:
        text = report.longreprtext.strip().splitlines()
        run.reports[report.nodeid] = (report.outcome, hasattr(report, "wasxfail"),
                                      text[-1] if text else "")


_RUNS: list[ConformanceRun] = []


def _current_run() -> ConformanceRun | None:
    return _RUNS[-1] if _RUNS else None


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    run = session.config.stash[RUN_KEY]
    _RUNS.append(run)
    run.log_faults()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    run = session.config.stash[RUN_KEY]
    if run.stream is not None and not run.is_controller:
        run.describe_used_backends()
    if run.stream is not None:
        run.stream.close()
    if run.watchdog is not None:
        run.watchdog.kill()
    if not run.is_controller:
        return
    interrupted = exitstatus == pytest.ExitCode.INTERRUPTED or session.shouldstop
    session.config.stash[SUMMARY_KEY] = _finish(run, "interrupted" if interrupted
                                                else "finished", _reporter_line(session))


SUMMARY_KEY = pytest.StashKey[dict[str, Any]]()


def _reporter_line(session: pytest.Session) -> Any:
    """Write a progress line through pytest's terminal (plain print without one)."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    return print if reporter is None else reporter.write_line


def _finish(run: ConformanceRun, status: str, say: Any = print) -> dict[str, Any]:
    """Resume the cells a crash cut short, merge what every process streamed, reconcile it
    with pytest's outcomes, describe the backends, and write the final file atomically:
    whatever fails here is recorded as a problem of the run, never a reason to lose its
    results."""
    problems = []
    _, entries = recording.read_parts(run.parts)
    if status == "finished":
        try:
            if _resume_crashed_cells(run, entries, say):
                _, entries = recording.read_parts(run.parts)
        except Exception as exc:
            problems.append(f"resuming cells after a crash failed: {type(exc).__name__}: {exc}")
    records = reconcile(entries, run.reports, run.parts)
    problems += _describe(run, records, _described(entries))
    run.run.update(status=status, cases_planned=run.planned, cases_run=len(records),
                   problems=problems)
    document = {"schema": results.SCHEMA, "runs": [run.run],
                "results": [{"run": run.run["id"], **r} for r in records]}
    recording.finish(run.path, document)
    return {"records": records, "status": status, "path": run.path, "planned": run.planned}


def _resume_crashed_cells(run: ConformanceRun, entries: list[dict[str, Any]],
                          say: Any) -> bool:
    """Resume every cell a crash cut short; whether there was any."""
    cells = {cell.id: cell for cell in run.cells()}
    todo = resume.unfinished(entries, cells, list(run.reports))
    for cell in todo:
        resume.resume(cell, run.parts, run.settings, say)
    return bool(todo)


def _described(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The backends the workers described, by id."""
    return {e["id"]: e["about"] for e in entries if e.get("type") == "backend"}


def _describe(run: ConformanceRun, records: list[dict[str, Any]],
              described: dict[str, dict[str, Any]]) -> list[str]:
    problems = []
    used = {f"{r['backend']}:{r['device']}" for r in records}
    backends = [b for b in registry().backends if b.id in used]
    try:
        results.finish_run(run.run, backends, run.settings.timeout, described)
        run.run["threads"].update(_worker_threads(run.config))
    except Exception as exc:  # a backend's versions() or probes: its problem, not the run's
        problems.append(f"describing the backends failed: {type(exc).__name__}: {exc}")
    try:
        problems += [str(p) for p in run.selection.problems()]
    except Exception as exc:
        problems.append(f"listing spec and plugin problems failed: {exc}")
    return problems


def reconcile(entries: list[dict[str, Any]], reports: dict[str, tuple[str, bool, str]],
              parts: Path | None = None) -> list[dict[str, Any]]:
    """One record per case, and each cell's records agree with pytest's outcome for it.

    A case that started and left no record (its process died: a crash, a hard kill) gets a
    ``crashed`` record; a case no process could resume gets an ``error``; a cell pytest
    judged otherwise than its records say (a failure after the records were written) has
    every record that does not fail turned into an ``error`` with pytest's reason.
    """
    started, recorded = case_progress(entries)
    by_node: dict[str, list[dict[str, Any]]] = {}
    killed: dict[tuple[str, str], dict[str, Any]] = {}
    for entry in entries:
        kind, key = entry.get("type"), (entry.get("nodeid", ""), entry.get("case", ""))
        if kind == "record":
            by_node.setdefault(key[0], []).append(entry["record"])
        elif kind == "killed":
            killed[key] = entry
        elif kind == resume.LOST:
            by_node.setdefault(key[0], []).append(_lost_record(key[1], "error", entry["why"]))
    for key, writer in started.items():
        if key not in recorded:
            fault = recording.fault_path(parts, writer) if parts else None
            why = _why_lost(killed.get(key), fault)
            by_node.setdefault(key[0], []).append(_lost_record(key[1], "crashed", why))
    for nodeid, (outcome, xfail, text) in reports.items():
        records = by_node.get(nodeid)
        if not records:
            why = f"the test ended without a record of any case: {text}"
            by_node[nodeid] = [_lost_cell_record(nodeid, why)]
        elif verdict(r["outcome"] for r in records) != _pytest_verdict(outcome, xfail):
            for record in records:
                if record["outcome"] not in FAILING:
                    record["message"] = (f"pytest says {outcome} ({text}); the case "
                                         f"recorded {record['outcome']}: {record['message']}")
                    record["outcome"] = "error"
    return [record for records in by_node.values() for record in records]


def _pytest_verdict(outcome: str, xfail: bool) -> str:
    return "xfailed" if xfail else outcome


def _why_lost(killed: dict[str, Any] | None, fault: Path | None) -> str:
    """Why a case left no record: the watchdog's note, or what its process left behind
    (faulthandler's first line for a segfault or an abort)."""
    if killed:
        where = f"; stuck in {killed['where']}" if killed.get("where") else ""
        return (f"killed after {killed['after_s']} s: the case did not return and no time "
                f"limit signal reached it (a C loop, a blocked or reset alarm){where}")
    lines = fault.read_text(errors="replace").strip().splitlines() \
        if fault is not None and fault.exists() else []
    first = [line for line in lines if line.strip()][:1]
    cause = first[0] if first else "no Python traceback (os._exit, or a kill from outside)"
    return f"the process running the case died: {cause}"


def _lost_record(job_id: str, outcome: str, why: str) -> dict[str, Any]:
    """The record of a case that left none, from its job (or its id where the job is
    unknown)."""
    job = _jobs_by_id().get(job_id)
    if job is None:  # not a case of this run's selection: its id, whole, names it
        return CaseResult("", "", job_id, "", "", "", "", outcome=outcome,
                          message=why).as_dict()
    b = job.backend
    return CaseResult(job.concept.id, job.concept.family, job.case.name, job.case.kind,
                      b.name, b.device, job.dtype, outcome=outcome, message=why).as_dict()


def _lost_cell_record(nodeid: str, why: str) -> dict[str, Any]:
    """The record of a cell whose test ended before any of its cases left one."""
    cell_id = resume.cell_of(nodeid)
    run = _current_run()
    cell = next((c for c in run.cells() if c.id == cell_id), None) if run else None
    if cell is None:  # not a cell of this run's selection: keep its id whole
        return CaseResult(cell_id, "", "", "", "", "", "", outcome="crashed",
                          message=why).as_dict()
    job, b = cell.first, cell.first.backend
    return CaseResult(job.concept.id, job.concept.family, "", "", b.name, b.device,
                      job.dtype, outcome="crashed", message=why).as_dict()


def _jobs_by_id() -> dict[str, Job]:
    """Every job of the run by id, built once (only cases that left no record need it)."""
    run = _current_run()
    if run is None:
        return {}
    if run.jobs_by_id is None:
        run.jobs_by_id = {job.id: job for cell in run.cells() for job in cell.jobs}
    return run.jobs_by_id


def _nothing_matched(config: pytest.Config) -> str:
    run = config.stash[RUN_KEY]
    total = sum(len(cell) for cell in run.cells())
    keyword = config.getoption("keyword")
    why = f"-k {keyword!r} deselected all of them" if keyword else "none was collected"
    return (f"no case ran: the selection {run.selection.describe()} holds {total} cases and "
            f"{why}")


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    summary = config.stash.get(SUMMARY_KEY, None)
    if summary is None:
        return
    records, path = summary["records"], summary["path"]
    terminalreporter.section("mlcanon")
    if not summary["planned"]:
        terminalreporter.write_line(_nothing_matched(config), red=True)
    counts = recording.count(records)
    terminalreporter.write_line(
        f"{len(records)} of {summary['planned']} cases ({summary['status']}): "
        + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    if records:
        total = sum(r["duration_s"] for r in records)
        inside = sum(r["backend_s"] for r in records)
        terminalreporter.write_line(
            f"time in cases {total:.2f} s: inside the backend {inside:.2f} s, harness "
            f"overhead {(total - inside) / len(records) * 1e3:.2f} ms per case")
    terminalreporter.write_line(f"results written to {path}")
