"""MLX native bindings: statistics (mlx.core.var)."""

from __future__ import annotations

import mlx.core as mx
import numpy as np

from mlcanon import Backend, DefaultProbe, native


@native("mlx.core.var")
def variance(x: mx.array, *, axis: int | None = None, ddof: int = 0) -> mx.array:
    return mx.var(x, axis=axis, ddof=ddof)


def default_probes(backend: Backend) -> list[DefaultProbe]:
    x = [2.0, 4.0, 4.0, 5.0]
    return [DefaultProbe("variance", "which divisor does the variance use by default?",
                         "mlx.core.var(x)", {"x": x},
                         lambda: mx.var(backend.from_numpy(np.asarray(x))))]
