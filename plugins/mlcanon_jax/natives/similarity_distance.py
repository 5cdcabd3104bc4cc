"""Similarities and distances in JAX."""

from __future__ import annotations

import jax
import jax.numpy as jnp


def cosine_similarity(a: jnp.ndarray, b: jnp.ndarray, *, axis: int = -1,
                      eps: float = 1e-8) -> jnp.ndarray:
    a, b = jnp.broadcast_arrays(a, b)
    # each norm is clamped on its own (torch's rule): a zero vector gives 0, not 0/0
    norm_a = jnp.maximum(jnp.linalg.vector_norm(a, axis=axis), eps)
    norm_b = jnp.maximum(jnp.linalg.vector_norm(b, axis=axis), eps)
    return jnp.sum(a * b, axis=axis) / (norm_a * norm_b)


def euclidean_distance(a: jnp.ndarray, b: jnp.ndarray, *, axis: int = -1) -> jnp.ndarray:
    d = a - b  # the difference form: d(x, x) is exactly 0
    # scaled by max|d_i| (a constant for autodiff) so the squares cannot overflow
    scale = jax.lax.stop_gradient(jnp.max(jnp.abs(d), axis=axis, keepdims=True))
    scale = jnp.where(scale == 0, 1, scale)
    return jnp.linalg.vector_norm(d / scale, axis=axis) * jnp.squeeze(scale, axis=axis)
