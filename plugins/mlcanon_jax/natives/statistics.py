"""JAX native bindings: statistics (jax.numpy.var)."""

from __future__ import annotations

import jax.numpy as jnp

from mlcanon import native


@native("jax.numpy.var")
def variance(x: jnp.ndarray, *, axis: int | None = None, ddof: int = 0) -> jnp.ndarray:
    return jnp.var(x, axis=axis, ddof=ddof)
