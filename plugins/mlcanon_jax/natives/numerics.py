"""JAX native bindings: numerics (jax.nn.logsumexp)."""

from __future__ import annotations

import jax
import jax.numpy as jnp

from mlcanon import native


@native("jax.nn.logsumexp")
def logsumexp(x: jnp.ndarray, *, axis: int = -1, keepdims: bool = False) -> jnp.ndarray:
    return jax.nn.logsumexp(x, axis=axis, keepdims=keepdims)
