"""JAX native bindings: activations (jax.nn)."""

from __future__ import annotations

import jax
import jax.numpy as jnp

from mlcanon import native


@native("jax.nn.softmax")
def softmax(x: jnp.ndarray, *, axis: int = -1, temperature: float = 1.0) -> jnp.ndarray:
    return jax.nn.softmax(x / temperature, axis=axis)


@native("jax.nn.log_softmax")
def log_softmax(x: jnp.ndarray, *, axis: int = -1) -> jnp.ndarray:
    return jax.nn.log_softmax(x, axis=axis)


@native("jax.nn.sigmoid")
def sigmoid(x: jnp.ndarray) -> jnp.ndarray:
    return jax.nn.sigmoid(x)


@native("jax.nn.silu", only={"beta": 1.0})
def silu(x: jnp.ndarray, *, beta: float = 1.0) -> jnp.ndarray:
    return jax.nn.silu(x)


@native("jax.nn.gelu")
def gelu(x: jnp.ndarray, *, approximate: str | None = None) -> jnp.ndarray:
    # jax.nn.gelu defaults to the tanh form: the flag is always passed explicitly.
    return jax.nn.gelu(x, approximate=approximate == "tanh")
