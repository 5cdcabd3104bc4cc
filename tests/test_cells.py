"""Cells: the verdict a cell gives pytest, the cases a crash left to resume, and the
watchdog's reading of a stream (the end-to-end runs are in test_survival.py)."""

from __future__ import annotations

import json
import time

import pytest

from mlcanon.cells import Settings, group_cells, verdict
from mlcanon.plugins import registry
from mlcanon.resume import cell_of, unfinished
from mlcanon.selection import Selection, build_jobs
from mlcanon.watchdog import Follower


@pytest.mark.parametrize(("outcomes", "expected"), [
    (["passed", "known_deviation", "unsupported"], "passed"),
    (["passed", "crashed"], "failed"),
    (["known_deviation", "error"], "failed"),
    (["known_deviation", "missing"], "xfailed"),
    (["missing", "unsupported"], "skipped"),
    (["failed"], "failed"),
])
def test_the_verdict_of_a_cell_is_its_worst_case(outcomes, expected):
    assert verdict(outcomes) == expected


@pytest.fixture(scope="module")
def softmax_cells():
    selection = Selection(backends=["numpy"], concepts=["softmax"], dtypes=["float64"],
                          cases=["book_*", "random_*"])
    return group_cells(build_jobs(selection, found=registry()))


def test_cells_group_a_concepts_cases_per_backend_and_dtype(softmax_cells):
    (cell,) = softmax_cells
    names = [job.case.name for job in cell.jobs]
    assert cell.id == "softmax-numpy-cpu-float64"
    assert names and all(n.startswith(("book_", "random_")) for n in names)
    assert len(set(names)) == len(names)


def test_a_cell_cut_short_by_a_crash_resumes_only_the_cases_never_started(softmax_cells):
    (cell,) = softmax_cells
    nodeid = f"conformance/test_conformance.py::test_cell[{cell.id}]"
    first, crashed, *rest = cell.jobs
    entries = [
        {"type": "started", "nodeid": nodeid, "case": first.id},
        {"type": "record", "nodeid": nodeid, "case": first.id, "record": {}},
        {"type": "started", "nodeid": nodeid, "case": crashed.id},
    ]
    assert cell_of(nodeid) == cell.id
    (todo,) = unfinished(entries, {cell.id: cell}, [nodeid])
    assert todo.jobs == rest
    # a cell whose every started case has a record was not cut short
    entries.append({"type": "record", "nodeid": nodeid, "case": crashed.id, "record": {}})
    assert unfinished(entries, {cell.id: cell}, [nodeid]) == []


def test_the_repro_of_a_case_names_exactly_that_case(softmax_cells):
    job = softmax_cells[0].jobs[0]
    repro = Settings(profile="quick").repro(job)
    assert f"--concept softmax --case {job.case.name} --backend numpy --device cpu" in repro
    assert repro.endswith("--dtype float64 --profile quick")


def test_the_watchdog_follows_the_case_running_now(tmp_path):
    stream = tmp_path / "gw0.jsonl"
    stream.write_text("")
    follower = Follower(stream)
    assert follower.poll() is None

    def add(entry, end="\n"):
        with stream.open("a") as handle:
            handle.write(json.dumps(entry) + end)

    add({"type": "started", "nodeid": "n", "case": "a", "t": time.time()})
    assert follower.poll()["case"] == "a"
    add({"type": "record", "nodeid": "n", "case": "a", "record": {}})
    assert follower.poll() is None
    add({"type": "started", "nodeid": "n", "case": "b", "t": 1.0}, end="")  # half written
    assert follower.poll() is None
    with stream.open("a") as handle:
        handle.write("\n")
    assert follower.poll()["case"] == "b"
