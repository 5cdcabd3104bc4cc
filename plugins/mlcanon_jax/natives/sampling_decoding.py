"""JAX native bindings: sampling (jax.random.categorical)."""

from __future__ import annotations

import jax
import jax.numpy as jnp

from mlcanon import native


@native("jax.random.categorical")
def temperature_sampling(logits: jnp.ndarray, *, temperature: float = 1.0,
                         num_samples: int = 1, seed: int = 0) -> jnp.ndarray:
    samples = jax.random.categorical(jax.random.key(seed), logits / temperature, axis=-1,
                                     shape=(num_samples, *logits.shape[:-1]))
    return jnp.moveaxis(samples, 0, -1)  # the draws go last: (..., num_samples)
