"""Sampling and decoding in JAX."""

from __future__ import annotations

import jax
import jax.numpy as jnp


def top_p_filter(logits: jnp.ndarray, *, p: float = 0.9,
                 keep_crossing_token: bool = True) -> tuple[jnp.ndarray, jnp.ndarray]:
    if not 0.0 <= p <= 1.0:
        msg = f"p must lie in [0, 1], got {p!r}"
        raise ValueError(msg)
    order = jnp.argsort(-logits, axis=-1, stable=True)  # descending; ties: lower index
    ranked = jax.nn.softmax(jnp.take_along_axis(logits, order, axis=-1), axis=-1)
    through = jnp.cumsum(ranked, axis=-1)
    if keep_crossing_token:
        keep_ranked = ((through - ranked) < p).at[..., 0].set(True)
    else:
        keep_ranked = through <= p
    keep = jnp.take_along_axis(keep_ranked, jnp.argsort(order, axis=-1), axis=-1)
    filtered = jnp.where(keep, logits, -jnp.inf)
    return filtered, jax.nn.softmax(filtered, axis=-1)


def temperature_sampling(logits: jnp.ndarray, *, temperature: float = 1.0,
                         num_samples: int = 1, seed: int = 0) -> jnp.ndarray:
    if not temperature > 0:
        msg = f"temperature must be > 0, got {temperature!r}"
        raise ValueError(msg)
    batch = logits.shape[:-1]
    samples = jax.random.categorical(jax.random.key(seed), logits / temperature, axis=-1,
                                     shape=(num_samples, *batch))
    return jnp.moveaxis(samples, 0, -1).astype(jnp.int64)
