"""JAX native bindings: similarities (optax.cosine_similarity)."""

from __future__ import annotations

import jax.numpy as jnp
import optax

from mlcanon import native


@native("optax.cosine_similarity")
def cosine_similarity(a: jnp.ndarray, b: jnp.ndarray, *, axis: int = -1,
                      eps: float = 1e-8) -> jnp.ndarray:
    # optax clips each squared norm at epsilon: eps**2 clamps each norm at eps.
    return optax.cosine_similarity(a, b, epsilon=eps**2, axis=axis)
