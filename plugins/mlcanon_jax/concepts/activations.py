"""Activations in JAX."""

from __future__ import annotations

import jax
import jax.numpy as jnp


def softmax(x: jnp.ndarray, *, axis: int = -1, temperature: float = 1.0) -> jnp.ndarray:
    return jax.nn.softmax(x / temperature, axis=axis)
