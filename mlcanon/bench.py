"""Preparing and timing one call of a concept for the asv suite and ``bench-show``.

The section itself (sizes, inputs, models) is part of the spec:
:mod:`mlcanon.spec.benchmark`, parsed with the spec file as ``Concept.benchmark``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mlcanon.spec.benchmark import (  # noqa: F401  (the asv suite of older commits reads these here)
    CALIBRATION_COPY_SIZES,
    CALIBRATION_MATMUL_N,
    DTYPE_BYTES,
    SIZES,
    TIERS,
    BenchmarkSpec,
    evaluate,
    load,
    parse,
)


@dataclass
class Prepared:
    """A benchmark ready to time: inputs on the device, the call compiled if possible."""

    call: Any
    compile_s: float | None
    flops: float
    bytes: float


def prepare(backend: Any, spec: BenchmarkSpec, size: str, seed: int = 0) -> Prepared:
    """Inputs drawn and moved to the device, the implementation compiled, one warm-up
    call done: everything that must not be inside the timed region."""
    from functools import partial

    from mlcanon.implementations import resolve
    from mlcanon.spec import default_spec

    found = resolve(backend, default_spec().concepts[spec.concept], spec.params)
    if found is None:
        msg = f"{backend.id} does not implement {spec.concept}"
        raise NotImplementedError(msg)
    impl = found.fn
    native = {k: backend.from_numpy(v) for k, v in spec.draw(size, seed).items()}
    fn, compile_s = partial(impl, **spec.params), None
    if spec.eager is None:
        fn, compile_s = backend.compile(fn, native)

    def call() -> None:
        backend.synchronize(fn(**native))

    call()  # warm-up: first-dispatch costs stay out of the timings
    return Prepared(call, compile_s, spec.flop_count(size), spec.byte_count(size))


def time_one_call(backend: Any, spec: BenchmarkSpec, size: str, repeat: int = 1) -> float:
    """Seconds for one synchronized call, the median of ``repeat`` calls after the
    warm-up (a quick look, not a benchmark: asv owns statistics and history)."""
    import statistics
    import time

    prepared = prepare(backend, spec, size)
    seconds = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        prepared.call()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)
