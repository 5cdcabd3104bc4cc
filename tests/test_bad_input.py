"""Bad input gives a clear message naming it, and every other result is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mlcanon.spec import load_spec
from tests.planted import ROOT, install_distribution, outcomes, run_cli, run_harness

pytestmark = pytest.mark.slow

SOFTMAX = ROOT / "reference" / "activations" / "softmax"


def make_reference(root: Path) -> Path:
    """A spec folder holding softmax and one broken concept folder of each kind."""
    shutil.copytree(SOFTMAX, root / "activations" / "softmax")
    shutil.copytree(ROOT / "reference" / "_shared", root / "_shared")
    text = (SOFTMAX / "spec.toml").read_text()
    broken = {
        "malformed": "id = 'malformed'\nfamily = [unclosed\n",
        "unknown_dtype": text.replace('"softmax"', '"unknown_dtype"', 1)
        .replace('dtypes = ["float64", "float32", "float16"]', 'dtypes = ["float64", "float8"]'),
        "shape_mismatch": text.replace('"softmax"', '"shape_mismatch"', 1)
        .replace('shape = "(..., n)"', 'shape = "(3,)"'),
        "ragged": text.replace('"softmax"', '"ragged"', 1)
        .replace("inputs = { x = [2.0, 1.0, 0.1] }", "inputs = { x = [[2.0, 1.0], [0.1]] }"),
        "unknown_input": text.replace('"softmax"', '"unknown_input"', 1)
        .replace("inputs = { x = [12.0, 11.0] }", "inputs = { z = [12.0, 11.0] }"),
    }
    for name, content in broken.items():
        (root / "activations" / name).mkdir()
        (root / "activations" / name / "spec.toml").write_text(content)
    return root


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    return make_reference(tmp_path_factory.mktemp("reference"))


def test_each_broken_spec_file_is_named_with_case_and_field(reference):
    loaded = load_spec(reference)
    assert set(loaded.concepts) == {"softmax"}
    text = {Path(path).parent.name: "\n".join(map(str, problems))
            for path, problems in loaded.broken_files.items()}
    assert "is not valid TOML" in text["malformed"]
    assert "field 'dtypes': unknown dtype 'float8'" in text["unknown_dtype"]
    assert ("case 'float16_range' field 'inputs': input 'x' has shape (2,), the signature "
            "says (3,)") in text["shape_mismatch"]
    assert "case 'book_000_32' field 'inputs.x': is not a numeric array" in text["ragged"]
    assert "case 'float16_range' field 'inputs.z'" in text["unknown_input"]
    assert "required input 'x' is missing" in text["unknown_input"]


@pytest.fixture(scope="module")
def misbehaving_run(tmp_path_factory, reference):
    site = tmp_path_factory.mktemp("site")
    install_distribution(site, "mlcanon_planted", {"planted": "mlcanon_planted"})
    install_distribution(site, "mlcanon_broken", {"broken": "mlcanon_planted.broken_on_import"})
    results = site / "results.json"
    backends = "numpy,bad_raises,bad_shape,bad_dtype,bad_none,bad_nan,bad_hang,deviating"
    run = run_harness(site, results, "--backend", backends, "--case-timeout", "0.5",
                      "--dtype", "float64,float32", MLCANON_REFERENCE=str(reference),
                      MLCANON_PLUGINS="numpy,planted,broken")
    assert results.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    return run, outcomes(results), site


def by_backend(records, backend):
    return [r for r in records if r["backend"] == backend]


def test_every_numpy_result_is_kept_and_passes(misbehaving_run):
    _, records, _ = misbehaving_run
    numpy = by_backend(records, "numpy")
    assert numpy and {r["outcome"] for r in numpy} <= {"passed", "unsupported"}


@pytest.mark.parametrize(("backend", "outcome", "words"), [
    ("bad_raises", "error", "bad_raises:cpu softmax raised RuntimeError: planted failure"),
    ("bad_shape", "failed", "y: shape (), expected (3,)"),
    ("bad_dtype", "failed", "dtype float64, expected float32"),
    ("bad_none", "error", "bad_none:cpu softmax returned None"),
    ("bad_nan", "failed", "NaN mismatch"),
    ("bad_hang", "error", "bad_hang:cpu softmax did not return within 0.5 s"),
])
def test_misbehaviour_is_reported_by_name(misbehaving_run, backend, outcome, words):
    _, records, _ = misbehaving_run
    value_cases = [r for r in by_backend(records, backend) if r["kind"] in ("book", "edge")]
    assert value_cases
    assert {r["outcome"] for r in value_cases if r["dtype"] == "float32"} == {outcome}
    assert any(words in r["message"] for r in value_cases), value_cases[0]["message"]


def test_broken_plugin_and_spec_files_are_named_in_the_pytest_log(misbehaving_run):
    run, _, _ = misbehaving_run
    assert "plugin 'broken' (mlcanon_planted.broken_on_import) could not be loaded" in run.stdout
    assert "mlcanon_dependency_that_is_not_installed" in run.stdout
    for name in ("malformed", "unknown_dtype", "shape_mismatch", "ragged", "unknown_input"):
        assert f"test_meta[spec-activations/{name}]" in run.stdout


def test_known_deviations_are_strict(misbehaving_run):
    run, records, _ = misbehaving_run
    deviating = {(r["case"], r["dtype"]): r for r in by_backend(records, "deviating")}
    assert deviating[("rows_of_a_batch", "float64")]["outcome"] == "known_deviation"
    unexpected = deviating[("book_000_32", "float64")]
    assert unexpected["outcome"] == "failed"
    assert "unexpected pass" in unexpected["message"]
    assert "test_meta[deviations-deviating-cpu]" in run.stdout
    assert "no concept 'no_such_concept'" in run.stdout


def test_backends_command_names_the_broken_plugin(misbehaving_run, reference):
    _, _, site = misbehaving_run
    listing = run_cli(site, "backends", MLCANON_REFERENCE=str(reference),
                      MLCANON_PLUGINS="numpy,planted,broken")
    assert listing.returncode == 1
    assert "broken" in listing.stdout and "ModuleNotFoundError" in listing.stdout
    assert "numpy:cpu" in listing.stdout and "available" in listing.stdout


def test_unknown_dtype_on_the_command_line_is_a_usage_error(tmp_path, reference):
    run = run_harness(tmp_path, tmp_path / "r.json", "--dtype", "float8",
                      MLCANON_REFERENCE=str(reference), MLCANON_PLUGINS="numpy")
    assert run.returncode == 4
    assert "--dtype 'float8' is not a dtype mlcanon knows" in run.stderr
