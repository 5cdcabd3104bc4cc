"""Kernels in JAX."""

from __future__ import annotations

import jax.numpy as jnp


def rbf_kernel(x: jnp.ndarray, y: jnp.ndarray | None = None, *, gamma: float = 1.0
               ) -> jnp.ndarray:
    y = x if y is None else y
    if x.ndim != 2 or y.ndim != 2 or x.shape[1] != y.shape[1]:
        msg = f"rbf_kernel needs x (n, d) and y (m, d), got {x.shape} and {y.shape}"
        raise ValueError(msg)
    # squared distances from differences: never negative, exactly 0 for equal rows
    squared = jnp.sum(jnp.square(x[:, None, :] - y[None, :, :]), axis=-1)
    return jnp.exp(-gamma * squared)
