"""Importing mlcanon (and listing backends) never imports torch or jax."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
{body}
heavy = sorted(m for m in ("torch", "jax", "jaxlib") if m in sys.modules)
print(",".join(heavy))
"""


def imported_frameworks(body: str) -> str:
    run = subprocess.run([sys.executable, "-c", PROBE.format(body=body)], text=True,
                         capture_output=True, check=True)
    return run.stdout.strip()


@pytest.mark.parametrize("body", [
    "import mlcanon",
    "import mlcanon.cli, mlcanon.runner, mlcanon.selection, mlcanon.results",
    "from mlcanon.plugins import registry; r = registry(); [b.id for b in r.backends]",
    "from mlcanon.spec import default_spec; default_spec()",
])
def test_no_framework_is_imported(body):
    assert imported_frameworks(body) == ""


def test_a_backend_imports_its_framework_only_when_used():
    body = ("from mlcanon.plugins import registry\n"
            "registry().get('torch:cpu').native('softmax')")
    assert imported_frameworks(body) == "torch"


def _engine_modules() -> list[str]:
    import pkgutil

    import mlcanon

    return sorted(m.name for m in pkgutil.walk_packages(mlcanon.__path__, "mlcanon."))


def test_every_engine_module_imports_first_in_a_fresh_process():
    """Each module imported on its own, before any other: an import cycle in the engine
    shows up as an ImportError of a partially initialized module."""
    failures = []
    for module in _engine_modules():
        run = subprocess.run([sys.executable, "-c", f"import {module}"], text=True,
                             capture_output=True)
        if run.returncode != 0:
            failures.append(f"{module}: {run.stderr.strip().splitlines()[-1]}")
    assert failures == []


def test_a_check_is_looked_up_nearest_first():
    """A concept's check found in its own or the shared checks.py imports no other
    concept's (importing them all costs seconds: some import SciPy); a check another
    concept of the family defines is found there, before the rest of the spec."""
    probe = """
import sys
from mlcanon.checks import get_check
from mlcanon.spec import default_spec
spec = default_spec().concepts
def loaded():
    return sorted(m.split(".")[1] + "/" + m.split(".")[2] for m in sys.modules
                  if m.startswith("mlcanon_reference.") and m.endswith(".checks"))
get_check("properties", "odd_part_is_identity", spec["relu"])
print(loaded())
get_check("properties", "positively_homogeneous", spec["leaky_relu"])
print(loaded())
"""
    run = subprocess.run([sys.executable, "-c", probe], text=True, capture_output=True,
                         check=True)
    own_and_shared, family = run.stdout.strip().splitlines()
    assert own_and_shared == "['_shared/checks', 'activations/relu']"
    assert "activations/relu" in family
    assert all(name.startswith(("activations/", "_shared/")) for name in eval(family))
