"""Language-model metrics in JAX."""

from __future__ import annotations

import jax.numpy as jnp


def perplexity(log_probs: jnp.ndarray, *, axis: int = -1,
               log_base: float | str = "e") -> jnp.ndarray:
    nll = -jnp.mean(log_probs, axis=axis)
    return jnp.exp(nll) if log_base == "e" else jnp.power(float(log_base), nll)
