"""nox sessions: one conformance session per backend, the engine's tests, lint.

    nox -s conformance        # every CPU backend, each in its own venv, results in results/
    nox -s "conformance(backend='torch')"
    nox -s lint tests         # what CI runs
"""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "tests"]

PYTHON = "3.11"
#: backend -> the extra that installs its framework (numpy needs none beyond the core).
BACKEND_EXTRAS = {"numpy": "", "torch": "[torch]", "jax": "[jax]"}


@nox.session(python=PYTHON)
@nox.parametrize("backend", list(BACKEND_EXTRAS))
def conformance(session: nox.Session, backend: str) -> None:
    """Conformance of one backend on every CPU device, in a venv with only that framework."""
    session.install("-e", f".{BACKEND_EXTRAS[backend]}")
    session.run("mlcanon", "backends", success_codes=[0, 1])
    session.run("pytest", "conformance", "--backend", backend, "--device", "cpu",
                "--results", f"results/conformance-{backend}.json", "-p", "no:cacheprovider",
                *session.posargs)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The engine's own tests, a short conformance run on all three backends, the spec check."""
    session.install("-e", ".[torch,jax,test]")
    session.run("mlcanon", "reference", "check")
    session.run("pytest", "tests", *session.posargs)


@nox.session(python=PYTHON)
def report(session: nox.Session) -> None:
    """The static HTML report from every results file in results/ (run conformance first)."""
    session.install("-e", ".")
    session.run("mlcanon", "report", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    session.install("ruff==0.17.6")
    session.run("ruff", "check", ".")
