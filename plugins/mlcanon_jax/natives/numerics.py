"""Numerics in JAX."""

from __future__ import annotations

import jax
import jax.numpy as jnp


def logsumexp(x: jnp.ndarray, *, axis: int = -1, keepdims: bool = False) -> jnp.ndarray:
    # jax raises ValueError for an out-of-range axis; the canon (and torch) say IndexError.
    if not -x.ndim <= axis < x.ndim:
        msg = f"axis {axis} is out of range for an array of dimension {x.ndim}"
        raise IndexError(msg)
    return jax.nn.logsumexp(x, axis=axis, keepdims=keepdims)
