"""Runs survive anything a backend or the user does, and never lie about a case.

Each misbehaviour runs through the real harness in a subprocess, with the planted plugin
installed like a third-party one: the case it breaks gets its outcome, every other result
is kept, and the results file always agrees with pytest.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mlcanon import results
from tests.planted import ROOT, environment, install_distribution, run_harness

pytestmark = pytest.mark.slow

PLUGINS = "numpy,planted"
#: backend -> (outcome of every case it runs, words of the message)
CRASHING = {
    "bad_exit": ("crashed", "no Python traceback"),
    "bad_segfault": ("crashed", "Segmentation fault"),
    "bad_c_loop": ("crashed", "killed after"),
    "bad_timer": ("crashed", "killed after"),
    "bad_system_exit": ("error", "raised SystemExit"),
    "bad_mutation": ("failed", "changed its input 'x' in place"),
    "bad_sync": ("error", "did not return within 1.0 s"),
}
ONE_CASE = "book_000_32"
#: a cell of three softmax cases whose middle one kills bad_large_logits's process
THREE_CASES = "book_000_32,book_000_65_large_logits,book_002_36"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    install_distribution(folder, "mlcanon_planted", {"planted": "mlcanon_planted"})
    return folder


@pytest.fixture(scope="module")
def crashing_run(site):
    """One parallel run in which every misbehaving backend takes its cases down."""
    path = site / "crashing.json"
    backends = ",".join(["numpy", "bad_probe", *CRASHING])
    run = run_harness(site, path, "-n", "2", "--backend", backends, "--concept", "softmax",
                      "--case", ONE_CASE,
                      "--case-timeout", "1", "--hard-timeout", "4", MLCANON_PLUGINS=PLUGINS)
    assert path.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    return run, json.loads(path.read_text())


@pytest.mark.parametrize("backend", sorted(CRASHING))
def test_a_misbehaving_case_gets_its_outcome_and_the_run_goes_on(crashing_run, backend):
    _, document = crashing_run
    mine = [r for r in document["results"] if r["backend"] == backend]
    outcome, words = CRASHING[backend]
    assert len(mine) == 3  # float64, float32, float16
    assert {r["outcome"] for r in mine} == {outcome}
    assert all(words in r["message"] for r in mine), mine[0]["message"]


@pytest.mark.parametrize(("backend", "module"), [("bad_c_loop", "loops_in_c.py"),
                                                ("bad_timer", "resets_timer.py")])
def test_a_killed_case_says_where_it_was_stuck(crashing_run, backend, module):
    # the harness process dumps its stacks just before the watchdog's kill
    _, document = crashing_run
    for record in (r for r in document["results"] if r["backend"] == backend):
        assert "stuck in File" in record["message"] and module in record["message"], \
            record["message"]


@pytest.fixture(scope="module")
def cell_with_a_crash(site):
    """A parallel run in which the middle case of each bad_large_logits cell crashes, and
    every case of bad_exit (so each process resuming its cells crashes too)."""
    path = site / "cell_with_a_crash.json"
    run = run_harness(site, path, "-n", "2", "--backend", "numpy,bad_large_logits,bad_exit",
                      "--concept", "softmax", "--case", THREE_CASES, "--dtype", "float64,float32",
                      MLCANON_PLUGINS=PLUGINS)
    assert path.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    return run, json.loads(path.read_text())


def test_the_cases_after_a_crash_in_a_cell_are_resumed(cell_with_a_crash):
    run, document = cell_with_a_crash
    mine = {(r["case"], r["dtype"]): r for r in document["results"]
            if r["backend"] == "bad_large_logits"}
    assert len(mine) == 6, sorted(mine)
    for (case, _), record in mine.items():
        wanted = "crashed" if case == "book_000_65_large_logits" else "passed"
        assert record["outcome"] == wanted, record
    assert "resuming 1 case of softmax-bad_large_logits-cpu-float64" in run.stdout
    (meta,) = document["runs"]
    assert meta["cases_planned"] == meta["cases_run"] == 18
    numpy = [r for r in document["results"] if r["backend"] == "numpy"]
    assert {r["outcome"] for r in numpy} == {"passed"} and len(numpy) == 6
    assert "4 failed" in run.stdout.splitlines()[-1]


def test_a_crash_while_resuming_starts_another_process_after_it(cell_with_a_crash):
    run, document = cell_with_a_crash
    mine = [r for r in document["results"] if r["backend"] == "bad_exit"]
    assert len(mine) == 6 and {r["outcome"] for r in mine} == {"crashed"}
    assert all("no Python traceback" in r["message"] for r in mine), mine
    assert "resuming 2 cases of softmax-bad_exit-cpu-float64" in run.stdout
    assert "resuming 1 case of softmax-bad_exit-cpu-float64" in run.stdout


def test_every_other_result_is_kept(crashing_run):
    _, document = crashing_run
    for backend in ("numpy", "bad_probe"):
        mine = [r for r in document["results"] if r["backend"] == backend]
        assert len(mine) == 3 and {r["outcome"] for r in mine} == {"passed"}


def test_the_run_is_complete_and_agrees_with_pytest(crashing_run):
    run, document = crashing_run
    (meta,) = document["runs"]
    assert meta["status"] == "finished"
    assert meta["cases_planned"] == meta["cases_run"] == len(document["results"])
    bad = sum(r["outcome"] in ("failed", "error", "crashed") for r in document["results"])
    assert f"{bad} failed" in run.stdout.splitlines()[-1]


def test_a_hanging_default_probe_costs_its_row(crashing_run):
    _, document = crashing_run
    (meta,) = document["runs"]
    (probe,) = meta["backends"]["bad_probe:cpu"]["defaults"]
    assert "did not return within 1.0 s" in probe["native"]


def _start(site: Path, path: Path, *args: str) -> subprocess.Popen[str]:
    """A serial run whose cases each take about a second (a synchronize that blocks)."""
    command = [sys.executable, "-m", "pytest", str(ROOT / "conformance"), "-q",
               "-p", "no:cacheprovider", "--results", str(path),
               "--artifacts", str(path.parent / "failures"), "--backend", "bad_sync",
               "--concept", "softmax", "--case", "book_*", "--case-timeout", "1", *args]
    return subprocess.Popen(command, cwd=ROOT, env=environment(site, MLCANON_PLUGINS=PLUGINS),
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_records(path: Path, count: int) -> None:
    deadline = time.monotonic() + 120
    parts = path.with_name(path.name + ".parts")
    while time.monotonic() < deadline:
        streamed = sum(p.read_text().count('"type": "record"') for p in parts.glob("*.jsonl"))
        if streamed >= count:
            return
        time.sleep(0.2)
    pytest.fail(f"the run streamed fewer than {count} records into {parts}")


def test_sigterm_ends_the_run_marked_interrupted_with_what_it_collected(site):
    path = site / "terminated.json"
    path.write_text("an old results file that must not look current")
    process = _start(site, path)
    _wait_for_records(path, 2)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=120)
    document = results.read(path)
    (meta,) = document["runs"]
    assert meta["status"] == "interrupted"
    assert 2 <= meta["cases_run"] < meta["cases_planned"]
    assert len(document["results"]) == meta["cases_run"]
    assert path.with_name(path.name + ".previous").read_text().startswith("an old")


def test_a_killed_run_is_recovered_as_crashed(site):
    path = site / "killed.json"
    process = _start(site, path)
    _wait_for_records(path, 2)
    process.kill()
    process.communicate(timeout=60)
    assert not path.exists()
    document = results.read(path)  # from the streamed parts
    (meta,) = document["runs"]
    assert meta["status"] == "crashed" and len(document["results"]) >= 2
    out = site / "site-of-killed"
    report = subprocess.run([sys.executable, "-m", "mlcanon.cli", "report", str(path),
                             "--out", str(out)], cwd=ROOT, env=environment(site),
                            text=True, capture_output=True)
    assert report.returncode == 0, report.stderr
    assert "crashed" in (out / "index.html").read_text()


def test_a_second_run_may_not_write_the_same_results_file(site):
    path = site / "shared.json"
    first = _start(site, path)
    try:
        _wait_for_records(path, 1)
        second = run_harness(site, path, "--backend", "numpy", "--concept", "softmax",
                             "--case", ONE_CASE, MLCANON_PLUGINS=PLUGINS)
        assert second.returncode == 4
        assert f"pid {first.pid}" in second.stderr and "is being written by" in second.stderr
    finally:
        first.kill()
        first.communicate(timeout=60)


@pytest.mark.parametrize(("setup", "words"), [
    ("directory", "is a directory"),
    ("parent_is_file", "is a file, not a directory"),
])
def test_a_bad_results_path_is_refused_before_the_first_case(site, tmp_path, setup, words):
    if setup == "directory":
        path = tmp_path / "a_folder"
        path.mkdir()
    else:
        (tmp_path / "plain").write_text("")
        path = tmp_path / "plain" / "results.json"
    run = run_harness(site, path, "--backend", "numpy", "--concept", "softmax",
                      "--case", ONE_CASE, MLCANON_PLUGINS=PLUGINS)
    assert run.returncode == 4 and words in run.stderr
    assert "passed" not in run.stdout


@pytest.mark.parametrize(("args", "words"), [
    (("--backend", "torch", "--device", "cuda"), "nothing selected can run here"),
    (("--device", "tpu"), "--device 'tpu' is not a device"),
    (("--concept", "softmax", "--case", "no_such_case"),
     "--concept softmax --case no_such_case matches no case of the spec"),
])
def test_a_selection_that_cannot_run_is_an_error_with_the_reason(site, tmp_path, args, words):
    if args[1] == "torch" and os.path.exists("/dev/nvidiactl"):
        pytest.skip("this machine has a GPU")
    run = run_harness(site, tmp_path / "r.json", *args, MLCANON_PLUGINS="numpy,torch")
    assert run.returncode == 4 and words in run.stderr


def test_a_keyword_that_matches_nothing_says_so(site, tmp_path):
    run = run_harness(site, tmp_path / "r.json", "--backend", "numpy", "-k", "no_such_cell",
                      MLCANON_PLUGINS="numpy")
    assert run.returncode == 5
    assert "-k 'no_such_cell' deselected all of them" in run.stdout


def test_outcomes_per_backend_are_those_of_the_records(crashing_run):
    """The pytest log and the results file tell the same story, cell by cell."""
    run, document = crashing_run
    # "FAILED <file>::test_cell[<cell id>]", with " - <reason>" where the terminal is wide
    failed_in_log = {line.split("::test_cell[", 1)[1].split("]", 1)[0]
                     for line in run.stdout.splitlines()
                     if line.startswith("FAILED ") and "::test_cell[" in line}
    failing_cells = {f"{r['concept']}-{r['backend']}-{r['device']}-{r['dtype']}"
                     for r in document["results"]
                     if r["outcome"] in ("failed", "error", "crashed")}
    assert failed_in_log == failing_cells
