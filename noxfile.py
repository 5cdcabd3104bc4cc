"""nox sessions: one conformance session per backend, the engine's tests, lint.

    nox -s conformance        # every CPU backend, each in its own venv, results in results/
    nox -s "conformance(backend='torch')"
    nox -s plugin -- ../mlcanon-mybackend   # a third-party plugin, from a path or PyPI
    nox -s lint tests         # what CI runs
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import nox

nox.options.default_venv_backend = "virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "tests", "bench_smoke"]

PYTHON = "3.11"


def _builtin_backends() -> dict[str, str]:
    """Built-in plugin -> the extra that installs its framework, read from pyproject.toml:
    every entry point of the ``mlcanon`` group, with the extra of the same name if any."""
    project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    return {name: f"[{name}]" if name in extras else ""
            for name in project["entry-points"]["mlcanon"]}


BACKEND_EXTRAS = _builtin_backends()


def _plugin_folders() -> dict[str, str]:
    """Backend plugins kept in this repository as distributions of their own
    (``plugins/<package>/pyproject.toml``, e.g. MLX): entry-point name -> folder."""
    found = {}
    for path in sorted(Path("plugins").glob("*/pyproject.toml")):
        project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
        found.update(dict.fromkeys(project.get("entry-points", {}).get("mlcanon", {}),
                                   str(path.parent)))
    return found


PLUGIN_FOLDERS = _plugin_folders()


@nox.session(python=PYTHON)
@nox.parametrize("backend", [*BACKEND_EXTRAS, *PLUGIN_FOLDERS])
def conformance(session: nox.Session, backend: str) -> None:
    """Conformance of one backend on every CPU device, in a venv with only that framework
    (a plugin with its own distribution is installed from its folder, beside mlcanon)."""
    if backend in PLUGIN_FOLDERS:
        session.install("-e", ".", "-e", PLUGIN_FOLDERS[backend])
    else:
        session.install("-e", f".{BACKEND_EXTRAS[backend]}")
    session.run("mlcanon", "backends", success_codes=[0, 1])
    session.run("pytest", "conformance", "-n", "auto", "--backend", backend, "--device", "cpu",
                "--results", f"results/conformance-{backend}.json", "-p", "no:cacheprovider",
                *session.posargs)


@nox.session(python=PYTHON)
def plugin(session: nox.Session) -> None:
    """Conformance of a third-party plugin: ``nox -s plugin -- <path or requirement>
    [pytest args]``. Installs mlcanon and the plugin, then runs the harness on the backends
    that plugin's entry points provide; nothing in this repository names it."""
    if not session.posargs:
        session.error("usage: nox -s plugin -- <path or requirement> [pytest args]")
    requirement, *pytest_args = session.posargs
    session.install("-e", ".", requirement)
    names = session.run("python", "-c", _PLUGIN_ENTRY_POINTS, requirement, silent=True)
    plugins = names.strip()
    session.run("mlcanon", "backends", env={"MLCANON_PLUGINS": plugins},
                success_codes=[0, 1])
    session.run("pytest", "conformance", "-n", "auto", "--device", "cpu",
                "--results", f"results/conformance-{plugins.replace(',', '-')}.json",
                "-p", "no:cacheprovider", *pytest_args, env={"MLCANON_PLUGINS": plugins})


#: prints the comma-separated mlcanon entry points of the distribution a requirement
#: (a path or a name) installed; run inside the session's virtualenv.
_PLUGIN_ENTRY_POINTS = """
import sys, tomllib
from importlib.metadata import distributions
from pathlib import Path
wanted = sys.argv[1]
if Path(wanted, "pyproject.toml").exists():
    wanted = tomllib.loads(Path(wanted, "pyproject.toml").read_text())["project"]["name"]
key = lambda name: name.lower().replace("-", "_")
for dist in distributions():
    if key(dist.metadata["Name"]) == key(wanted.split("=")[0].split("[")[0]):
        print(",".join(ep.name for ep in dist.entry_points if ep.group == "mlcanon"))
"""


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The engine's own tests, a short conformance run on all three backends, the spec check."""
    session.install("-e", ".[torch,jax,array_api_strict,scipy,test]")
    session.run("mlcanon", "reference", "check")
    session.run("pytest", "tests", *session.posargs)


@nox.session(python=PYTHON)
def report(session: nox.Session) -> None:
    """The static HTML report from every results file in results/ (run conformance first)."""
    session.install("-e", ".")
    session.run("mlcanon", "report", *session.posargs)


ASV = "asv==0.6.5"
#: as in asv.conf.json's matrix, which asv ignores with --python=same: large freed blocks
#: are reused instead of returned to the kernel, so the bandwidth calibration measures the
#: memory, not page faults
BENCH_ENV = {"MALLOC_MMAP_THRESHOLD_": "4294967296", "MALLOC_TRIM_THRESHOLD_": "4294967296"}


def _machine_name(session: nox.Session) -> str:
    """Host name plus the GPU when there is one, so dashboards tell machines apart."""
    return session.run("python", "benchmarks/machine.py", silent=True).strip()


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Run the asv suite (tier: MLCANON_BENCH_TIER, default regular) and publish the
    dashboard into reports/site/asv. Extra arguments go to 'asv run'."""
    session.install("-e", ".[torch,jax]", ASV, "virtualenv")
    machine = _machine_name(session)
    session.run("asv", "machine", "--yes", "--machine", machine)
    session.run("asv", "run", "--python=same", "--machine", machine, "--set-commit-hash",
                session.run("git", "rev-parse", "HEAD", silent=True, external=True).strip(),
                "--launch-method", "forkserver", *session.posargs, env=BENCH_ENV)
    session.run("asv", "publish")
    session.run("python", "-m", "mlcanon.cli", "perf", "--out", "reports/site")


@nox.session(python=PYTHON)
def bench_smoke(session: nox.Session) -> None:
    """asv check, then every benchmark once at the smoke tier; fails on any error."""
    session.install("-e", ".[torch,jax]", ASV, "virtualenv")
    # the frameworks' own timing paths (eager, eager, compiled); the other backends time
    # through the same code, and their conformance runs in the tests
    session.run("python", "benchmarks/smoke.py", "--sample", env={
        **BENCH_ENV, "MLCANON_BENCH_TIER": "smoke",
        "MLCANON_BENCH_BACKENDS": "numpy:cpu,torch:cpu,jax:cpu"})


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    session.install("ruff==0.17.6")
    session.run("ruff", "check", ".")
