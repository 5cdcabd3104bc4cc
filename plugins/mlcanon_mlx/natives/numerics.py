"""MLX native bindings: numerics (mlx.core.logsumexp)."""

from __future__ import annotations

import mlx.core as mx

from mlcanon import native


@native("mlx.core.logsumexp")
def logsumexp(x: mx.array, *, axis: int = -1, keepdims: bool = False) -> mx.array:
    return mx.logsumexp(x, axis=axis, keepdims=keepdims)
