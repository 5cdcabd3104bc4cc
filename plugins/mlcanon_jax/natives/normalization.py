"""JAX native bindings: normalization (jax.nn.standardize).

jax.nn.standardize defaults to algorithm="fast", the one-pass mean(x^2) - mean^2; the
canon's two-pass variance is its algorithm="stable", always passed.
"""

from __future__ import annotations

import jax
import jax.numpy as jnp

from mlcanon import native


@native("jax.nn.standardize", only={"ddof": 0})
def standardize(x: jnp.ndarray, *, axis: int = 0, ddof: int = 0,
                eps: float = 1e-12) -> jnp.ndarray:
    return jax.nn.standardize(x, axis=axis, epsilon=eps, algorithm="stable")


@native("jax.nn.standardize")
def layer_norm(x: jnp.ndarray, weight: jnp.ndarray | None = None,
               bias: jnp.ndarray | None = None, *, eps: float = 1e-5) -> jnp.ndarray:
    y = jax.nn.standardize(x, axis=-1, epsilon=eps, algorithm="stable")
    if weight is not None:
        y = y * weight
    return y if bias is None else y + bias
