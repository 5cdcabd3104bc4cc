"""``mlcanon new-backend NAME``: a plugin package that runs the canon before it binds an op.

The package written is the recipe of CONTRIBUTING's "add a backend" made concrete: its own
``pyproject.toml`` registering the entry point ``NAME`` in the group ``mlcanon``, a
:class:`mlcanon.Backend` subclass on NumPy's array API namespace (replace its adapter
methods with your framework's), an empty ``natives`` package, ``deviations.py``,
``defaults.py`` and a test that runs the canon's cases on the backend through
:mod:`mlcanon.runner`. Every concept runs through its portable implementation until a
native module binds it. Only the public API (``mlcanon``, ``mlcanon.runner``,
``mlcanon.selection``, ``mlcanon.spec``) is used, so the package works outside this
repository.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path

#: file -> template; ``{name}`` is the backend name, ``{package}`` the import name,
#: ``{title}`` the class name prefix.
TEMPLATES: dict[str, str] = {
    "pyproject.toml": '''\
[build-system]
requires = ["setuptools>=69"]
build-backend = "setuptools.build_meta"

[project]
name = "mlcanon-{name}"
version = "0.1.0"
description = "{title} as an mlcanon backend."
requires-python = ">=3.11"
dependencies = ["mlcanon"]  # and your framework

[project.optional-dependencies]
test = ["pytest"]

# how mlcanon finds the backend: the same group as the built-in plugins
[project.entry-points.mlcanon]
{name} = "{package}"

# this folder is the package itself
[tool.setuptools]
package-dir = {{ "{package}" = "." }}
packages = ["{package}", "{package}.natives"]

[tool.pytest.ini_options]
testpaths = ["tests"]
''',
    "__init__.py": '''\
"""{title} as an mlcanon backend; the framework is imported only when the backend is used."""

from mlcanon import hookimpl
from {package}.backend import {title}Backend


@hookimpl
def mlcanon_backends() -> list[{title}Backend]:
    return [{title}Backend("cpu")]
''',
    "backend.py": '''\
"""{title}: the adapter between mlcanon (which speaks NumPy) and the framework.

As written it is NumPy itself, through array-api-compat, so the whole canon runs through
the portable implementations at once. Make it yours method by method: ``namespace`` returns
your arrays' array API namespace, ``from_numpy``/``to_numpy`` convert, ``synchronize``
blocks until queued or lazy work is done (timings depend on it), ``vjp`` differentiates
(return None without autodiff: gradient cases are then unsupported), ``available`` says why
the backend cannot run here. Import the framework inside the methods, never at module
level: listing backends must stay cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from mlcanon import Backend
from {package}.deviations import KNOWN_DEVIATIONS


class {title}Backend(Backend):
    name = "{name}"
    #: the dtypes your framework runs; the others are reported unsupported
    #: (say why in dtype_reason)
    dtypes = ("float16", "bfloat16", "float32", "float64")
    #: natives/<family>.py modules bind framework ops by concept id (empty at first)
    native_modules = ("{package}.natives",)
    known_deviations = KNOWN_DEVIATIONS

    def available(self) -> str | None:
        return None  # e.g. "myframework is not installed" when importlib finds no spec

    def versions(self) -> dict[str, str]:
        return {{"numpy": np.__version__}}

    def namespace(self) -> Any:
        import array_api_compat.numpy

        return array_api_compat.numpy

    def from_numpy(self, array: np.ndarray) -> Any:
        return np.array(array, copy=True)

    def to_numpy(self, value: Any) -> np.ndarray:
        return np.asarray(value)

    def synchronize(self, *values: Any) -> None:
        """NumPy computes eagerly: nothing to wait for."""

    def vjp(self, fn: Callable[..., Any], primals: Sequence[Any],
            cotangents: Sequence[Any]) -> tuple[Any, ...] | None:
        return None  # no autodiff in NumPy
''',
    "natives/__init__.py": '''\
"""{title} native bindings, one module per family (``activations.py``, ``losses.py``, ...).

A binding is a function named by the concept id, with the spec's input names and
keyword-only params (``mlcanon explain <id>``), marked with the op it calls::

    from mlcanon import native

    @native("myframework.softmax")
    def softmax(x, *, axis=-1, temperature=1.0):
        return myframework.softmax(x / temperature, axis=axis)

A module may also hold ``KNOWN_DEVIATIONS`` (what the op gets wrong, with the measured
reason) and ``default_probes(backend)`` (the op's own defaults, for the conventions page).
"""
''',
    "deviations.py": '''\
"""Where {title} knowingly departs from the canon (strict: see mlcanon.KnownDeviation).

Deviations caused by a native binding go beside it, in its module's KNOWN_DEVIATIONS.
"""

from mlcanon import KnownDeviation

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = ()
''',
    "defaults.py": '''\
"""Probes of {title}'s own defaults go beside the bindings: ``default_probes(backend)`` in
a natives module (see mlcanon.DefaultProbe)."""
''',
    "tests/test_{name}.py": '''\
"""The canon on {title}: every case, one test per concept (``pytest -k softmax``).

Cases run in this process through mlcanon's runner; ``pytest <mlcanon>/conformance
--backend {name}`` runs them isolated and writes a results file for ``mlcanon report``.
"""

from __future__ import annotations

import pytest

from mlcanon.plugins import registry
from mlcanon.runner import Job, run_job
from mlcanon.spec import default_spec

#: outcomes that are not a failure: known deviations are listed in deviations.py
FINE = ("passed", "unsupported", "known_deviation")


@pytest.fixture(scope="module")
def backend():
    found = registry().get("{name}:cpu")
    if found.available() is not None:
        pytest.skip(found.available())
    return found


def test_the_backend_loads(backend):
    assert backend.load_errors == {{}}


@pytest.mark.parametrize("concept", sorted(default_spec().concepts))
def test_concept(backend, concept):
    spec = default_spec().concepts[concept]
    results = [run_job(Job(spec, case, backend, dtype))
               for case in spec.cases for dtype in spec.case_dtypes(case)]
    bad = [f"{{r.case}} {{r.dtype}}: {{r.outcome}}: {{r.message}}" for r in results
           if r.outcome not in FINE]
    assert bad == []
''',
}

#: a backend name: what entry points, ids (``name:cpu``) and module names all accept.
NAME = re.compile(r"[a-z][a-z0-9_]*")


class ScaffoldError(ValueError):
    """A name or folder the scaffold cannot use; the message says why."""


def title(name: str) -> str:
    """``my_backend`` -> ``MyBackend``."""
    return "".join(part.capitalize() for part in name.split("_"))


def write(name: str, out: Path) -> Path:
    """Write the package ``mlcanon_<name>`` into ``out``; return its folder.

    :raise ScaffoldError: the name is not a lowercase identifier, or the folder exists and
        is not empty (nothing is overwritten).
    """
    if not NAME.fullmatch(name) or keyword.iskeyword(name):
        msg = (f"backend name {name!r} must be a lowercase Python identifier "
               f"(letters, digits, underscores, starting with a letter)")
        raise ScaffoldError(msg)
    package = f"mlcanon_{name}"
    folder = out / package
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        msg = f"{folder} already exists and is not an empty folder; nothing was written"
        raise ScaffoldError(msg)
    values = {"name": name, "package": package, "title": title(name)}
    for relative, template in TEMPLATES.items():
        path = folder / relative.format(**values)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**values), encoding="utf-8")
    return folder
