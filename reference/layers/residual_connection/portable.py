"""A residual connection on any array namespace: identity or projection skip, optional ReLU."""

from __future__ import annotations

from typing import Any


def residual_connection(xp: Any, x: Any, fx: Any, projection: Any = None, *,
                        activation: str = "identity", axis: int = -1) -> Any:
    if activation not in ("identity", "relu"):
        msg = f"activation must be 'identity' or 'relu', got {activation!r}"
        raise ValueError(msg)
    skip = x
    if projection is not None:
        features = xp.moveaxis(x, axis, -1)
        if projection.ndim != 2 or features.shape[-1] != projection.shape[1]:
            msg = (f"projection {tuple(projection.shape)} must be (d_out, {features.shape[-1]}) "
                   f"for x {tuple(x.shape)} along axis {axis}")
            raise ValueError(msg)
        skip = xp.moveaxis(xp.matmul(features, xp.matrix_transpose(projection)), -1, axis)
    if tuple(skip.shape) != tuple(fx.shape):
        msg = f"skip path {tuple(skip.shape)} and branch {tuple(fx.shape)} differ (no broadcasting)"
        raise ValueError(msg)
    y = skip + fx
    return xp.maximum(y, xp.zeros_like(y)) if activation == "relu" else y
