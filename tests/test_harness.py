"""A short conformance run on every built-in CPU backend, and what it writes."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys

import pytest

from mlcanon import results
from tests.planted import ROOT, outcomes, run_cli, run_harness

pytestmark = pytest.mark.slow

BACKENDS = ("numpy", "torch", "jax", "array_api_strict", "scipy")


@pytest.fixture(scope="module")
def short_run(tmp_path_factory):
    site = tmp_path_factory.mktemp("run")
    path = site / "results.json"
    run = run_harness(site, path, "--backend", ",".join(BACKENDS), "--device", "cpu",
                      "--concept", "softmax", "-k", "softmax-",
                      MLCANON_PLUGINS=",".join(BACKENDS))
    assert path.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    return run, path


def test_every_backend_passes_softmax(short_run):
    run, path = short_run
    records = [r for r in outcomes(path) if r["concept"] == "softmax"]
    for backend in BACKENDS:
        mine = [r for r in records if r["backend"] == backend]
        assert mine, f"{backend} ran no softmax case"
        assert {r["outcome"] for r in mine} <= {"passed", "unsupported"}, run.stdout[-3000:]
    assert run.returncode == 0, run.stdout[-3000:]


def test_results_file_describes_run_and_cases(short_run):
    _, path = short_run
    document = json.loads(path.read_text())
    assert document["schema"] == results.SCHEMA
    (run,) = document["runs"]
    assert {"machine", "python", "libraries", "threads", "devices"} <= set(run)
    assert {"numpy", "torch", "jax"} <= set(run["libraries"])
    assert run["devices"]["torch:cpu"]["available"] is True
    record = document["results"][0]
    assert {"concept", "family", "case", "kind", "backend", "device", "dtype", "outcome",
            "max_abs_error", "max_rel_error", "error_eps", "tolerance", "message",
            "duration_s", "backend_s"} <= set(record)
    value = next(r for r in document["results"]
                 if r["kind"] == "generated" and r["outcome"] == "passed")
    assert value["error_eps"] is not None and value["tolerance"]["k"] > 0


def test_progress_summary_is_printed(short_run):
    run, path = short_run
    assert "harness overhead" in run.stdout and str(path) in run.stdout


def test_repro_command_reruns_exactly_one_case(short_run):
    _, path = short_run
    record = next(r for r in outcomes(path) if r["backend"] == "torch")
    command = shlex.split(record["repro"])
    assert command[0] == "pytest"
    rerun = subprocess.run([sys.executable, "-m", *command, "-q", "-p", "no:cacheprovider",
                            "--results", str(path.parent / "again.json")],
                           cwd=ROOT, text=True, capture_output=True)
    assert "1 passed" in rerun.stdout, rerun.stdout[-2000:]


def test_results_from_several_runs_merge(short_run, tmp_path):
    _, path = short_run
    other = json.loads(path.read_text())
    other["runs"][0]["id"] = "another-run"
    for record in other["results"]:
        record["run"] = "another-run"
    second = tmp_path / "other.json"
    second.write_text(json.dumps(other))
    merged = results.merge([path, second, path])
    assert len(merged["runs"]) == 2
    assert len(merged["results"]) == 2 * len(outcomes(path))


@pytest.mark.parametrize(("profile", "examples"), [("quick", 5), ("standard", 25),
                                                   ("thorough", 100)])
def test_the_profile_scales_the_examples_of_a_properties_case(monkeypatch, profile, examples):
    from mlcanon import property_examples
    from mlcanon.plugins import registry
    from mlcanon.runner import Job, run_job
    from mlcanon.spec import default_spec

    asked = []
    real = property_examples.examples_of
    monkeypatch.setattr(property_examples, "examples_of",
                        lambda generate, round_to, n: asked.append(n)
                        or real(generate, round_to, n))
    concept = default_spec().concepts["softmax"]
    case = next(c for c in concept.cases if c.kind == "properties" and c.max_examples == 25)
    result = run_job(Job(concept, case, registry().get("numpy:cpu"), "float64"),
                     profile=profile)
    assert result.outcome == "passed", result.message
    assert asked == [examples]
    assert len(real(case.generate, ("float64",), examples)) <= examples


def test_a_properties_case_expected_to_fail_is_not_shrunk():
    # shrinking a failure that a known deviation expects can take minutes and memory
    from hypothesis import Phase

    from mlcanon.strategies import property_settings

    assert Phase.shrink in property_settings(5).phases
    assert Phase.shrink not in property_settings(5, shrink=False).phases
    assert Phase.generate in property_settings(5, shrink=False).phases


def test_mlcanon_run_selects_cases_by_name(tmp_path):
    path = tmp_path / "one.json"
    run = run_cli(tmp_path, "run", "--backend", "numpy", "--concept", "softmax",
                  "--case", "book_000_3*", "--dtype", "float64", "--results", str(path),
                  "-n", "0")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert {r["case"] for r in outcomes(path)} == {"book_000_32"}
