"""JAX on the CPU or a GPU, 64-bit enabled, op by op (no jit unless a case asks)."""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from mlcanon import Backend, DefaultProbe
from mlcanon_jax import defaults
from mlcanon_jax.deviations import KNOWN_DEVIATIONS

#: where compiled XLA programs are cached across runs ("" turns the cache off).
CACHE_VARIABLE = "MLCANON_JAX_CACHE"
#: "0" makes JAX build a fresh MLIR context for every lowering, as it does by itself.
SHARED_CONTEXT_VARIABLE = "MLCANON_JAX_SHARED_CONTEXT"
#: lowerings one shared context serves before it is replaced: MLIR keeps every type and
#: attribute (constants included) a context has seen, so an unbounded one only grows.
LOWERINGS_PER_CONTEXT = 2000


@cache
def _jax() -> Any:
    import jax

    # float64 is part of the canon; without this JAX silently computes in float32.
    jax.config.update("jax_enable_x64", True)
    _enable_compilation_cache(jax)
    _share_ir_contexts()
    return jax


def _enable_compilation_cache(jax: Any) -> None:
    """Keep compiled programs on disk: op-by-op JAX compiles each primitive per shape.

    On a 2-core CPU each compilation takes tens of milliseconds and a conformance run
    needs thousands; the cache makes every run after the first reuse them. A cache the
    user configured is left alone.
    """
    folder = os.environ.get(CACHE_VARIABLE, str(Path.home() / ".cache" / "mlcanon" / "jax"))
    if not folder or jax.config.jax_compilation_cache_dir:
        return
    jax.config.update("jax_compilation_cache_dir", folder)
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0)
    jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)


def _share_ir_contexts() -> None:
    """Lower op after op in one MLIR context per thread instead of a new one each time.

    Op by op, JAX lowers every primitive the first time it meets its shapes and dtypes,
    and each lowering creates an MLIR context and loads its dialects again (7.5 ms on
    this machine) before the compiled program is even looked up in the cache. Sharing
    the context leaves the lowered modules, their cache keys and every computed value
    exactly as they were; a conformance run of JAX spends about 2.5 times less. This is
    a private hook of the pinned jax (``jax._src.interpreters.mlir.make_ir_context``):
    if it moves, JAX keeps its own behaviour.
    """
    if os.environ.get(SHARED_CONTEXT_VARIABLE, "1") == "0":
        return
    try:
        from jax._src.interpreters import mlir
    except ImportError:
        return
    fresh_context = getattr(mlir, "make_ir_context", None)
    if fresh_context is None or getattr(fresh_context, "shared", False):
        return
    per_thread = threading.local()  # an MLIR context must not be mutated by two threads

    def shared_context() -> Any:
        uses = getattr(per_thread, "uses", LOWERINGS_PER_CONTEXT)
        if uses >= LOWERINGS_PER_CONTEXT:
            per_thread.context, uses = fresh_context(), 0
        per_thread.uses = uses + 1
        return per_thread.context

    shared_context.shared = True  # type: ignore[attr-defined]
    mlir.make_ir_context = shared_context


class JaxBackend(Backend):
    name = "jax"
    native_modules = ("mlcanon_jax.natives",)
    known_deviations = KNOWN_DEVIATIONS

    def available(self) -> str | None:
        if importlib.util.find_spec("jax") is None:
            return "jax is not installed (pip install 'mlcanon[jax]')"
        if self.device == "gpu" and sys.platform == "linux" \
                and not any(Path("/dev").glob("nvidia*")):
            # checked before importing jax, which takes seconds, on every CPU machine
            return "no NVIDIA device files (/dev/nvidia*): no GPU here"
        if self.device == "cpu":
            return None  # jaxlib always has its CPU backend; importing jax here costs seconds
        try:
            _jax().devices(self.device)
        except RuntimeError as exc:
            return f"jax has no {self.device} device: {str(exc).splitlines()[0]}"
        return None

    def _device(self) -> Any:
        return _jax().devices(self.device)[0]

    def versions(self) -> dict[str, str]:
        import jaxlib

        return {"jax": _jax().__version__, "jaxlib": jaxlib.__version__,
                "numpy": np.__version__}

    def device_name(self) -> str:
        return str(self._device().device_kind)

    def namespace(self) -> Any:
        return _jax().numpy  # jax.numpy implements the array API standard itself

    def from_numpy(self, array: np.ndarray) -> Any:
        return _jax().device_put(array, self._device())

    def to_numpy(self, value: Any) -> np.ndarray:
        return np.asarray(value)

    def synchronize(self, *values: Any) -> None:
        # JAX dispatches asynchronously and has no device-wide barrier for computations
        # (effects_barrier waits for side effects only): wait on the values themselves.
        _jax().block_until_ready(values)

    def compile(self, fn: Callable[..., Any], inputs: dict[str, Any]
                ) -> tuple[Callable[..., Any], float | None]:
        import time

        jax = _jax()
        jitted = jax.jit(fn)
        start = time.perf_counter()
        try:
            jitted.lower(**inputs).compile()
        except (jax.errors.ConcretizationTypeError, jax.errors.TracerBoolConversionError,
                jax.errors.TracerIntegerConversionError, TypeError, ValueError):
            return fn, None  # checks on input values need concrete arrays: stay eager
        seconds = time.perf_counter() - start
        # Time the jitted function, not the AOT object: its calls take jit's C++ dispatch
        # path. Its own compilation happens on the warm-up call, still in setup.
        return jitted, seconds

    def vjp(self, fn: Callable[..., Any], primals: Sequence[Any],
            cotangents: Sequence[Any]) -> tuple[Any, ...]:
        out, pullback = _jax().vjp(fn, *primals)
        cot = tuple(cotangents) if isinstance(out, tuple) else cotangents[0]
        return tuple(pullback(cot))

    def default_probes(self) -> list[DefaultProbe]:
        return [*defaults.probes(self), *super().default_probes()]
