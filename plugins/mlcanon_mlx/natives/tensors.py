"""MLX native bindings: tensor operations (mlx.core)."""

from __future__ import annotations

import mlx.core as mx

from mlcanon import native


@native("mlx.core.matmul")
def matmul(a: mx.array, b: mx.array) -> mx.array:
    return mx.matmul(a, b)
