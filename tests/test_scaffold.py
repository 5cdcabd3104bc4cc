"""``mlcanon new-backend``: a package written by the scaffold alone, in a folder outside this
repository, registers its entry point and runs the canon through the portable code.

A sample of concepts keeps it fast (CI time); ``tests/test_new_backend.py`` runs the whole
canon on a backend made from CONTRIBUTING's recipe.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from mlcanon.cli import main
from tests.planted import ROOT, environment, install_distribution, outcomes, run_harness

#: one concept per kind of case the runner has: values, raises, grad (gelu), a stochastic
#: check (dropout), a multi-output algorithm (qr_decomposition)
SAMPLE = ("gelu", "dropout", "qr_decomposition")


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    """The scaffold's package, installed the way pip would: its folder's parent on the path
    and a dist-info naming the entry points its own pyproject.toml declares."""
    site = tmp_path_factory.mktemp("outside")
    assert main(["new-backend", "toy", "--out", str(site)]) == 0
    project = tomllib.loads((site / "mlcanon_toy" / "pyproject.toml").read_text())["project"]
    install_distribution(site, "mlcanon_toy", project["entry-points"]["mlcanon"])
    return site


def test_the_scaffold_writes_a_complete_package(toy):
    package = toy / "mlcanon_toy"
    written = sorted(str(p.relative_to(package)) for p in package.rglob("*") if p.is_file())
    assert written == ["__init__.py", "backend.py", "defaults.py", "deviations.py",
                       "natives/__init__.py", "pyproject.toml", "tests/test_toy.py"]
    assert not str(toy).startswith(str(ROOT))


def test_the_scaffold_refuses_to_overwrite(toy, capsys):
    assert main(["new-backend", "toy", "--out", str(toy)]) == 2
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["Toy", "9toy", "my-backend", "class"])
def test_the_scaffold_refuses_bad_names(tmp_path, name, capsys):
    assert main(["new-backend", name, "--out", str(tmp_path)]) == 2
    assert "lowercase Python identifier" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_toy_runs_the_canon_in_the_harness(toy):
    results = toy / "results.json"
    run = run_harness(toy, results, "--backend", "toy", "--dtype", "float32",
                      "--concept", ",".join(SAMPLE), MLCANON_PLUGINS="toy")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    records = outcomes(results)
    assert set(SAMPLE) <= {r["concept"] for r in records}  # -k also matches longer ids
    assert {r["origin"] for r in records if r["outcome"] != "unsupported"} == {"portable"}
    assert {r["outcome"] for r in records} <= {"passed", "unsupported"}


def test_the_toys_own_test_passes(toy):
    command = [sys.executable, "-m", "pytest", str(toy / "mlcanon_toy" / "tests"),
               "-p", "no:cacheprovider", "-v", "-k", f"loads or {SAMPLE[0]}"]
    run = subprocess.run(command, cwd=toy, env=environment(toy, MLCANON_PLUGINS="toy"),
                         text=True, capture_output=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "test_the_backend_loads PASSED" in run.stdout
    assert f"test_concept[{SAMPLE[0]}] PASSED" in run.stdout, run.stdout
