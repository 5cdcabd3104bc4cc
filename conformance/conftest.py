"""The mlcanon conformance harness as a pytest plugin.

``pytest conformance --backend torch --device cpu --dtype float32 -k softmax``

Each test is one case of one concept on one backend, device and dtype; its id reads
``<concept>-<case>-<backend>-<device>-<dtype>``. Every run writes a results file.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

import pytest

from mlcanon import results
from mlcanon.plugins import registry
from mlcanon.runner import Job
from mlcanon.selection import Selection, SelectionError, build_jobs, meta_checks

HARNESS_FILE = "conformance/test_conformance.py"


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
    group.addoption("--results", metavar="PATH", default=None,
                    help="where to write the results JSON (default: results/<host>-<time>.json)")
    group.addoption("--artifacts", metavar="DIR", default="results/failures",
                    help="folder for the .npz of every failing case (default: results/failures)")
    group.addoption("--case-timeout", type=float, default=60.0, metavar="SECONDS",
                    help="time limit of one case; 0 disables it (default: 60)")


class ConformanceRun:
    """State shared by every test of one session: selection, results, timings."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.selection = Selection(
            backends=_split(config.getoption("--backend")),
            devices=_split(config.getoption("--device")),
            dtypes=_split(config.getoption("--dtype")),
        )
        self.timeout = config.getoption("--case-timeout") or None
        self.artifacts = Path(config.getoption("--artifacts"))
        self.records: list[dict[str, Any]] = []
        self.run = results.new_run(sys.argv)
        self.backends_used: dict[str, Any] = {}

    def repro(self, job: Job) -> str:
        b = job.backend
        node = f"{HARNESS_FILE}::test_case[{job.id}]"
        return (f"pytest {shlex.quote(node)} --backend {b.name} --device {b.device} "
                f"--dtype {job.dtype}")

    def record(self, job: Job, result: Any) -> None:
        self.backends_used[job.backend.id] = job.backend
        self.records.append(result.as_dict())


def pytest_configure(config: pytest.Config) -> None:
    run = ConformanceRun(config)
    try:
        run.selection.validate(registry())  # bad --backend / --dtype: a usage error, up front
    except SelectionError as exc:
        raise pytest.UsageError(str(exc)) from None
    config.stash[RUN_KEY] = run


RUN_KEY = pytest.StashKey[ConformanceRun]()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    run = metafunc.config.stash[RUN_KEY]
    if "job" in metafunc.fixturenames:
        jobs = build_jobs(run.selection)
        metafunc.parametrize("job", jobs, ids=[j.id for j in jobs])
    if "meta_check" in metafunc.fixturenames:
        checks = meta_checks(run.selection)
        metafunc.parametrize("meta_check", checks, ids=[c.id for c in checks])


@pytest.fixture
def conformance_run(request: pytest.FixtureRequest) -> ConformanceRun:
    return request.config.stash[RUN_KEY]


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    run = config.stash[RUN_KEY]
    if not run.records:
        return
    path = Path(config.getoption("--results") or results.default_path())
    results.finish_run(run.run, run.backends_used.values())
    run.run["problems"] = [str(p) for p in run.selection.problems()]
    results.write(path, run.run, run.records)
    counts: dict[str, int] = {}
    for record in run.records:
        counts[record["outcome"]] = counts.get(record["outcome"], 0) + 1
    total = sum(r["duration_s"] for r in run.records)
    inside = sum(r["backend_s"] for r in run.records)
    n = len(run.records)
    terminalreporter.section("mlcanon")
    terminalreporter.write_line(
        f"{n} cases: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    terminalreporter.write_line(
        f"time in cases {total:.2f} s: inside backend calls {inside:.2f} s, harness "
        f"overhead {(total - inside) / n * 1e3:.2f} ms per case")
    terminalreporter.write_line(f"results written to {path}")
