"""Activations in JAX."""

from __future__ import annotations

import jax
import jax.numpy as jnp


def softmax(x: jnp.ndarray, *, axis: int = -1, temperature: float = 1.0) -> jnp.ndarray:
    return jax.nn.softmax(x / temperature, axis=axis)


def _check_axis(x: jnp.ndarray, axis: int) -> None:
    # jax raises ValueError for an out-of-range axis; the canon (and torch) say IndexError.
    if not -x.ndim <= axis < x.ndim:
        msg = f"axis {axis} is out of range for an array of dimension {x.ndim}"
        raise IndexError(msg)


def log_softmax(x: jnp.ndarray, *, axis: int = -1) -> jnp.ndarray:
    _check_axis(x, axis)
    return jax.nn.log_softmax(x, axis=axis)


def sigmoid(x: jnp.ndarray) -> jnp.ndarray:
    return jax.nn.sigmoid(x)


def silu(x: jnp.ndarray, *, beta: float = 1.0) -> jnp.ndarray:
    if beta == 1.0:
        return jax.nn.silu(x)
    return x * jax.nn.sigmoid(beta * x)


def gelu(x: jnp.ndarray, *, approximate: str | None = None) -> jnp.ndarray:
    if approximate not in (None, "none", "tanh"):
        msg = f"approximate must be None (exact) or 'tanh', got {approximate!r}"
        raise ValueError(msg)
    # jax.nn.gelu defaults to the tanh form: the flag is always passed explicitly.
    return jax.nn.gelu(x, approximate=approximate == "tanh")
