"""The benchmark suite: synchronized timing, the roofline arithmetic, regression detection."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
import time
from types import ModuleType

import numpy as np
import pytest

from mlcanon import bench
from mlcanon.plugins import registry
from mlcanon.report import perf
from mlcanon.report.tables import accuracy
from mlcanon.spec import default_spec
from tests.planted import ROOT, environment, install_distribution

#: kernels by the catalog's kind with no array work a roofline could measure
NOTHING_TO_TIME = {
    "decision_grid": "takes only scalars (range and step)",
    "tensor_shape": "reads metadata",
    "dtype_promotion": "one elementwise op whose result dtype is the point",
    "vector_space_axioms": "a handful of additions checked for equality",
}


def test_every_kernel_has_a_benchmark_section():
    missing = [c.id for c in default_spec().concepts.values()
               if c.kind == "kernel" and c.benchmark is None and c.id not in NOTHING_TO_TIME]
    assert missing == []


BENCHMARKED = sorted(c.id for c in default_spec().concepts.values() if c.benchmark is not None)


@pytest.mark.parametrize("concept", BENCHMARKED)
def test_every_benchmark_prepares_and_runs_at_the_small_size(concept):
    """Every section's inputs, work model and call, on NumPy in this process: the asv
    smoke run in CI times only a sample of concepts."""
    backend = registry().get("numpy:cpu")
    section = default_spec().concepts[concept].benchmark
    prepared = bench.prepare(backend, section, "small")
    prepared.call()
    assert section.flop_count("small") is None or section.flop_count("small") >= 0


def test_expressions_are_arithmetic_only():
    assert bench.evaluate("2 * m * n + log2(n)", {"m": 3, "n": 8}) == 51
    with pytest.raises(ValueError, match="cannot evaluate"):
        bench.evaluate("__import__('os')", {})


class _CompileCounter:
    """The NumPy backend, counting the calls of ``compile`` the benchmark makes."""

    def __init__(self, backend):
        self.backend, self.compiled = backend, 0

    def __getattr__(self, name):
        return getattr(self.backend, name)

    def compile(self, fn, inputs):
        self.compiled += 1
        return fn, 0.0


def test_an_eager_section_is_never_compiled():
    section = default_spec().concepts["lms_adaptive_filter"].benchmark
    assert section.eager  # the loop jax.jit would unroll
    counting = _CompileCounter(registry().get("numpy:cpu"))
    prepared = bench.prepare(counting, section, "small")
    assert counting.compiled == 0 and prepared.compile_s is None
    softmax = default_spec().concepts["softmax"].benchmark
    assert bench.prepare(counting, softmax, "small").compile_s == 0.0
    assert counting.compiled == 1


@pytest.mark.parametrize("eager", [True, "", 3])
def test_eager_must_give_its_reason(eager):
    table = {"sizes": {s: {"n": 4} for s in ("small", "medium", "large")},
             "inputs": {"x": {"shape": ["n"]}}, "eager": eager}
    with pytest.raises(ValueError, match="eager must be the reason"):
        bench.parse("demo", table)


def test_jax_timing_includes_the_work():
    """JAX returns before computing; the benchmark's timed call waits for the result."""
    backend = registry().get("jax:cpu")
    if backend.available() is not None:
        pytest.skip(backend.available())
    section = default_spec().concepts["matmul"].benchmark
    prepared = bench.prepare(backend, section, "large")
    a = backend.from_numpy(np.ones((2048, 2048), dtype=np.float32))

    start = time.perf_counter()
    unsynced = a @ a  # dispatch only
    dispatch = time.perf_counter() - start
    was_ready = unsynced.is_ready()
    backend.synchronize(unsynced)
    assert unsynced.is_ready()

    start = time.perf_counter()
    prepared.call()  # what asv times
    timed = time.perf_counter() - start
    assert not was_ready, "the matmul finished before dispatch returned; make it larger"
    assert timed > dispatch


def test_roofline_fraction_from_asv_timings():
    n = bench.CALIBRATION_MATMUL_N
    sizes = bench.CALIBRATION_COPY_SIZES
    # main memory at 1e10 B/s, cache-sized copies at 4e10 B/s
    copies = [2 * sizes[s] / (1e10 if s == "256MiB" else 4e10) for s in sizes]
    document = {
        "machine": "box", "commit_hash": "0" * 40,
        "result_columns": ["result", "params"],
        "results": {
            perf.MATMUL: [[2 * n**3 / 1e11], [["'numpy'"], ["'float32'"]]],
            perf.COPY: [copies, [["'numpy'"], [repr(s) for s in sizes]]],
            perf.TIME_BENCHMARK: [[1e-3, 1e-1], [["'softmax'"], ["'numpy'"],
                                                 ["'small'", "'large'"]]],
        },
    }
    limit = perf.limits([document])[("box", "cpu", "float32")]
    assert limit["peak_flops"] == pytest.approx(1e11)
    assert perf.bandwidth_for(limit, 1000) == pytest.approx(4e10)
    assert perf.bandwidth_for(limit, 10**9) == pytest.approx(1e10)
    small, large = perf.performance_rows([document])
    section = default_spec().concepts["softmax"].benchmark
    for row, seconds in ((small, 1e-3), (large, 1e-1)):
        moved = section.byte_count(row["size"])
        bound = max(section.flop_count(row["size"]) / 1e11,
                    moved / perf.bandwidth_for(limit, moved))
        assert row["roofline_fraction"] == pytest.approx(bound / seconds)
        assert row["bound"] == "memory"
    assert math.isclose(large["gflops_per_s"], section.flop_count("large") / 1e-1 / 1e9)


def test_accuracy_beside_times_comes_from_results_and_is_infinite_on_failure():
    def record(outcome, error, kind="edge", dtype="float32", device="cpu"):
        return {"concept": "softmax", "backend": "torch", "device": device, "dtype": dtype,
                "kind": kind, "outcome": outcome, "error_eps": error}

    assert accuracy([record("passed", 3.0), record("passed", 7.5, "generated"),
                     record("passed", 99.0, "book"), record("passed", 50.0, dtype="float64")]
                    ) == {("softmax", "torch:cpu"): 7.5}
    assert accuracy([record("passed", 3.0), record("failed", 1e9)]) == \
        {("softmax", "torch:cpu"): math.inf}
    assert set(accuracy([record("passed", 1.0, device="cuda")])) == {("softmax", "torch:gpu")}


@pytest.mark.slow
def test_asv_flags_a_slowed_implementation(tmp_path):
    """Two runs of one benchmark, the second with a softmax slowed on purpose:
    ``asv compare`` reports it as a regression (what ``asv continuous`` does per commit)."""
    if shutil.which("asv") is None:
        pytest.skip("asv is not installed")
    commits = subprocess.run(["git", "rev-list", "--max-count=2", "HEAD"], cwd=ROOT,
                             text=True, capture_output=True).stdout.split()
    if len(commits) < 2:
        pytest.skip("needs two commits of history")
    config = json.loads((ROOT / "asv.conf.json").read_text())
    config.update(repo=str(ROOT), benchmark_dir=str(ROOT / "benchmarks"),
                  results_dir=str(tmp_path / "results"), env_dir=str(tmp_path / "env"),
                  html_dir=str(tmp_path / "html"))
    conf = tmp_path / "asv.conf.json"
    conf.write_text(json.dumps(config))
    site = tmp_path / "site"
    install_distribution(site, "mlcanon_slow", {"slow": "mlcanon_slow"})

    def asv(*args: str, plugins: str = "numpy") -> subprocess.CompletedProcess[str]:
        env = environment(site, MLCANON_PLUGINS=plugins, MLCANON_BENCH_TIER="smoke",
                          MLCANON_BENCH_CONCEPTS="softmax")
        env["ASV_PYTHONPATH"] = env["PYTHONPATH"]  # asv drops PYTHONPATH, passes this one
        return subprocess.run([sys.executable, "-m", "asv", *args, "--config", str(conf)],
                              cwd=ROOT, env=env, text=True, capture_output=True, timeout=600)

    assert asv("machine", "--yes", "--machine", "regression-demo").returncode == 0
    for commit, plugins in ((commits[1], "numpy"), (commits[0], "slow")):
        run = asv("run", "--python=same", "--machine", "regression-demo", "--set-commit-hash",
                  commit, "--bench", "Concept.time_call", plugins=plugins)
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    compared = asv("compare", commits[1], commits[0], "--factor", "1.5", "--split",
                   "--machine", "regression-demo")
    assert "Benchmarks that have got worse" in compared.stdout, compared.stdout[-3000:]
    flagged = [line for line in compared.stdout.splitlines()
               if line.startswith("| +") and "time_call" in line]
    assert len(flagged) == 1 and "('softmax', 'numpy:cpu', 'small')" in flagged[0], flagged


def _conformance_time() -> ModuleType:
    """The timing script, which lives outside any package."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import conformance_time
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return conformance_time


def test_the_conformance_timing_script_separates_harness_from_backend_time():
    conformance_time = _conformance_time()
    records = [
        {"kind": "edge", "outcome": "passed", "duration_s": 0.003, "backend_s": 0.001},
        {"kind": "raises", "outcome": "known_deviation", "duration_s": 0.002,
         "backend_s": 0.001},
        {"kind": "properties", "outcome": "passed", "duration_s": 0.5, "backend_s": 0.1},
        {"kind": "edge", "outcome": "missing", "duration_s": 0.0, "backend_s": 0.0},
    ]
    summary = conformance_time.summarize(records)
    assert summary["cases"] == 4
    assert summary["outcomes"] == {"passed": 2, "known_deviation": 1, "missing": 1}
    assert math.isclose(summary["in_cases_s"], 0.505)
    assert math.isclose(summary["backend_s"], 0.102)
    assert math.isclose(summary["properties_s"], 0.5)
    # only cases that ran one call path count toward the harness's own cost
    assert math.isclose(summary["harness_ms_per_case"], 1.5)


def test_one_run_of_several_backends_is_summarized_per_backend():
    conformance_time = _conformance_time()
    records = [
        {"backend": "numpy", "kind": "edge", "outcome": "passed", "duration_s": 0.003,
         "backend_s": 0.001},
        {"backend": "jax", "kind": "edge", "outcome": "failed", "duration_s": 0.2,
         "backend_s": 0.15},
    ]
    numpy_row, jax_row = conformance_time.rows(["numpy", "jax"], 9.0, "", records)
    assert (numpy_row["backend"], numpy_row["outcomes"]) == ("numpy", {"passed": 1})
    assert (jax_row["backend"], jax_row["outcomes"]) == ("jax", {"failed": 1})
    assert "9.0 s wall" not in conformance_time.report(jax_row, "2", together=True)
    (lost,) = conformance_time.rows(["numpy", "jax"], 9.0, "usage error", None)
    assert "no results file" in conformance_time.report(lost, "2")
