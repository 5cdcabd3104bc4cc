"""Forward a batch through depth random dense layers and record each layer's mean square."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from array_api_compat import device

from mlcanon_reference.layers._portable import check_int


def variance_propagation(xp: Any, x: Any, *, depth: int = 10, width: int = 64,
                         scheme: str = "he", activation: str = "relu", seed: int = 0) -> Any:
    if x.ndim != 2:
        msg = f"x must be a (N, d) batch, got shape {tuple(x.shape)}"
        raise ValueError(msg)
    depth, width = check_int(depth, "depth", 1), check_int(width, "width", 1)
    if scheme not in ("he", "xavier") or activation not in ("relu", "identity"):
        msg = (f"scheme must be 'he' or 'xavier' and activation 'relu' or 'identity', got "
               f"{scheme!r}, {activation!r}")
        raise ValueError(msg)
    rng = np.random.default_rng(seed)
    h, fan_in, squares = x, x.shape[1], []
    for _ in range(depth):
        var = 2.0 / fan_in if scheme == "he" else 2.0 / (fan_in + width)
        weight = xp.asarray(rng.normal(0.0, math.sqrt(var), size=(width, fan_in)), dtype=x.dtype,
                            device=device(x))
        z = xp.matmul(h, xp.matrix_transpose(weight))
        squares.append(xp.mean(z * z))
        h = xp.maximum(z, xp.zeros_like(z)) if activation == "relu" else z
        fan_in = width
    return xp.stack(squares)
