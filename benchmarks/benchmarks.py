"""asv benchmarks of every concept on every backend, generated from the spec.

Parameters come from the spec files of this checkout and the backends the installed
plugins provide (entry-point group ``mlcanon``, so a third-party backend enters the suite
by being installed), every device of each listed whether or not it is available here, as
``name:cpu`` or ``name:gpu``. Plugin modules are cheap to load; the frameworks are
touched only inside ``setup``; a combination that
cannot run there (backend unavailable or missing the concept, size outside the tier in
``MLCANON_BENCH_TIER``, a concept outside ``MLCANON_BENCH_CONCEPTS``, an older commit
without the concept) raises NotImplementedError, which asv reports as skipped. This
module imports only the plugin registry at import time, and falls back to the built-in
backends when that is missing, so it stays importable against every older commit.
"""

from __future__ import annotations

import json
import os
import sys
import tomllib
from pathlib import Path

SPEC = Path(__file__).resolve().parents[1] / "reference"
BUILTIN_BACKENDS = ["numpy:cpu", "torch:cpu", "torch:gpu", "jax:cpu", "jax:gpu"]


def _installed_backends() -> list[str]:
    try:
        from mlcanon.plugins import portable_id, registry
    except ImportError:  # an older commit: its built-in backends
        return BUILTIN_BACKENDS
    return sorted({portable_id(b) for b in registry().backends})


SIZES = ["small", "medium", "large"]
TIERS = {"smoke": ["small"], "regular": ["small", "medium"], "large": SIZES}
#: the smoke tier saves nothing, so its parameter lists hold only what it runs: every
#: skipped combination would still cost asv a process
SMOKE = os.environ.get("MLCANON_BENCH_TIER") == "smoke"


def _listed(variable: str, values: list[str]) -> list[str]:
    """``values`` narrowed to those named in the environment variable (smoke tier only)."""
    wanted = os.environ.get(variable)
    if not SMOKE or not wanted:
        return values
    names = {v.strip() for v in wanted.split(",")}
    return [v for v in values if v in names]


BACKENDS = _listed("MLCANON_BENCH_BACKENDS", _installed_backends())
if SMOKE:
    SIZES = TIERS["smoke"]


def _compiling_backends() -> list[str]:
    """Backends whose class overrides Backend.compile (read from the plugin classes; no
    framework is imported). Older commits without the registry: every backend."""
    try:
        from mlcanon import Backend
        from mlcanon.plugins import portable_id, registry
    except ImportError:
        return BACKENDS
    return sorted({portable_id(b) for b in registry().backends
                   if type(b).compile is not Backend.compile} & set(BACKENDS)) or BACKENDS


def _catalog_kinds() -> dict[str, str]:
    path = SPEC / "_catalog" / "concepts.json"
    if not path.exists():
        return {}
    return {entry["id"]: entry.get("kind", "") for entry in json.loads(path.read_text())}


def benchmarked_concepts() -> list[str]:
    """Concepts with a [benchmark] section; formulas (a few scalars of arithmetic) only with
    MLCANON_BENCH_FORMULAS=1: their time is the interpreter's, not the framework's."""
    kinds = _catalog_kinds()
    with_formulas = os.environ.get("MLCANON_BENCH_FORMULAS") == "1"
    found = []
    for path in sorted(SPEC.glob("*/*/spec.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            continue  # a broken spec file is the conformance suite's business
        kind = data.get("kind", kinds.get(path.parent.name, "kernel"))
        if "benchmark" in data and (kind != "formula" or with_formulas):
            found.append(path.parent.name)
    return found


CONCEPTS = _listed("MLCANON_BENCH_CONCEPTS", benchmarked_concepts())


def _skip(reason: str) -> NotImplementedError:
    return NotImplementedError(reason)


def _selected(concept: str) -> None:
    """``MLCANON_BENCH_CONCEPTS=softmax,matmul`` runs only those (the rest are skipped, the
    parameter lists stay the same)."""
    wanted = os.environ.get("MLCANON_BENCH_CONCEPTS")
    if wanted and concept not in {c.strip() for c in wanted.split(",")}:
        raise _skip(f"{concept} is not in MLCANON_BENCH_CONCEPTS")


def _tier_allows(size: str) -> None:
    tier = os.environ.get("MLCANON_BENCH_TIER", "regular")
    if size not in TIERS.get(tier, TIERS["regular"]):
        raise _skip(f"size {size} is not in tier {tier}")


def _backend_selected(name: str) -> None:
    """``MLCANON_BENCH_BACKENDS=numpy:cpu,jax:cpu`` runs only those backends (the others are
    skipped, the parameter lists stay the same)."""
    wanted = os.environ.get("MLCANON_BENCH_BACKENDS")
    if wanted and name not in {b.strip() for b in wanted.split(",")}:
        raise _skip(f"{name} is not in MLCANON_BENCH_BACKENDS")


def _backend(name: str):
    _backend_selected(name)
    try:
        from mlcanon.plugins import registry
    except ImportError as exc:
        raise _skip(f"mlcanon is not importable: {exc}") from exc
    backend_id = name if ":" in name else f"{name}:cpu"
    try:
        backend = registry().get(backend_id)
    except KeyError as exc:
        raise _skip(str(exc)) from exc
    reason = backend.available()
    if reason is not None:
        raise _skip(reason)
    return backend


#: prepared calls of this process by (backend, concept, size). asv runs ``setup`` again
#: before every sample (each timed call must see freshly set-up state); the calls are
#: pure, so the state of the first setup is fresh for all of them, and preparing again
#: (drawing inputs, moving them, compiling) would be most of a benchmark's time.
_PREPARED: dict[tuple[str, str, str], object] = {}


def _prepare(backend: str, concept: str, size: str):
    """The prepared call, or a skip naming why the backend cannot run the benchmark's inputs
    (a natives-only backend whose op rejects them: a conformance finding, not a timing)."""
    key = (backend, concept, size)
    if key in _PREPARED:
        return _PREPARED[key]
    from mlcanon import bench

    found, section = _backend(backend), _spec(concept)
    try:
        prepared = bench.prepare(found, section, size)
    except NotImplementedError:
        raise
    except Exception as exc:
        raise _skip(f"{backend} fails on the {size} inputs of {concept}: "
                    f"{type(exc).__name__}: {exc}") from exc
    _PREPARED[key] = prepared
    return prepared


def _spec(concept: str):
    try:
        from mlcanon import bench
        from mlcanon.spec import default_spec
    except ImportError as exc:  # an older commit without benchmark support
        raise _skip(f"this commit has no mlcanon.bench: {exc}") from exc
    found = default_spec().concepts.get(concept)
    # parsed once with the spec; older commits parse the file here
    section = getattr(found, "benchmark", None) or (bench.load(found.path) if found else None)
    if section is None:
        raise _skip(f"this commit has no benchmark section for {concept}")
    return section


def _in_forkserver() -> bool:
    """Whether asv imports this module in its forkserver. Its other processes (discovery,
    ``asv check``, a spawned benchmark) load it once and need only their own parts."""
    return sys.argv[1:2] == ["run_server"]


def _preload() -> None:
    """Load now, in the process asv forks each benchmark from (``--launch-method
    forkserver``: asv's ``run_server`` command), what every benchmark needs: the parsed
    spec and every listed CPU backend's framework and native modules (seconds for torch
    or jax). Once there instead of once per forked benchmark. Loading only: no device is
    touched before a fork. ``MLCANON_BENCH_PRELOAD=0`` turns it off; a failure here only
    means a benchmark loads it later (and reports the problem there)."""
    if os.environ.get("MLCANON_BENCH_PRELOAD", "1") == "0" or not _in_forkserver():
        return
    try:
        from mlcanon.plugins import registry
        from mlcanon.spec import default_spec
    except ImportError:  # an older commit
        return
    try:
        default_spec()
    except Exception:  # a spec that does not load fails each benchmark, with the reason
        pass
    wanted = os.environ.get("MLCANON_BENCH_BACKENDS")
    for backend in registry().backends:
        if backend.device != "cpu" or (wanted and backend.id not in wanted.split(",")):
            continue
        try:
            if backend.available() is None:
                backend.namespace()
                backend.natives()
        except Exception:
            continue


_preload()


class Concept:
    """Time of one synchronized call (compilation, if any, happens in setup)."""

    params = [CONCEPTS, BACKENDS, SIZES]
    param_names = ["concept", "backend", "size"]
    timeout = 300
    #: one process per combination instead of asv's two: each round forks, prepares the
    #: inputs and compiles again, which cost more than the timed calls of a small size.
    #: ``asv run -a rounds=2`` brings the second round back.
    rounds = 1

    def setup(self, concept, backend, size):
        _selected(concept)
        _tier_allows(size)
        self.prepared = _prepare(backend, concept, size)

    def time_call(self, concept, backend, size):
        self.prepared.call()


class Compile:
    """Seconds a compiling backend (JAX) spends compiling one concept for one size."""

    params = [CONCEPTS, _compiling_backends(), SIZES]
    param_names = ["concept", "backend", "size"]
    timeout = 300

    def setup(self, concept, backend, size):
        from mlcanon import Backend

        _selected(concept)
        _tier_allows(size)
        found = _backend(backend)
        if type(found).compile is Backend.compile:
            raise _skip(f"{backend} does not compile ahead of time")
        eager = getattr(_spec(concept), "eager", None)
        if eager:
            raise _skip(f"{concept} is benchmarked op by op: {eager}")
        prepared = _prepare(backend, concept, size)
        if prepared.compile_s is None:
            raise _skip(f"{concept} cannot be compiled on {backend} (value-dependent code)")
        self.compile_s = prepared.compile_s

    def track_compile_seconds(self, concept, backend, size):
        return self.compile_s

    track_compile_seconds.unit = "seconds"


class Calibration:
    """The machine's limits: peak matmul FLOP/s per dtype and copy bandwidth."""

    params = [BACKENDS, ["float32", "float64"]]
    param_names = ["backend", "dtype"]
    timeout = 300

    def setup(self, backend, dtype):
        import numpy as np

        try:
            from mlcanon.bench import CALIBRATION_MATMUL_N
        except ImportError as exc:
            raise _skip(f"this commit has no calibration sizes: {exc}") from exc
        self.backend = _backend(backend)
        n = CALIBRATION_MATMUL_N
        a = np.random.default_rng(0).normal(size=(n, n)).astype(dtype)
        self.a = self.backend.from_numpy(a)
        self.time_matmul(backend, dtype)  # warm-up: first dispatch, JAX's compilation

    def time_matmul(self, backend, dtype):
        self.backend.synchronize(self.a @ self.a)


class Bandwidth:
    """Copy bandwidth from cache-resident to main-memory sizes (float32 elements).

    Each copy allocates its result; with glibc's defaults a block this large is a fresh
    mmap each time, and its page faults took a third of the time. asv.conf.json raises
    the mmap and trim thresholds, so the freed block is reused: the limit measured is the
    memory's, not the kernel's."""

    params = [BACKENDS, ["1MiB", "16MiB", "256MiB"]]
    param_names = ["backend", "bytes"]
    timeout = 300

    def setup(self, backend, nbytes):
        import numpy as np

        try:
            from mlcanon.bench import CALIBRATION_COPY_SIZES
        except ImportError as exc:
            raise _skip(f"this commit has no calibration sizes: {exc}") from exc
        self.backend = _backend(backend)
        elements = CALIBRATION_COPY_SIZES[nbytes] // 4
        self.data = self.backend.from_numpy(np.ones(elements, dtype=np.float32))
        self.time_copy(backend, nbytes)  # warm-up

    def time_copy(self, backend, nbytes):
        self.backend.synchronize(self.data * 1)  # reads and writes `bytes` once each
