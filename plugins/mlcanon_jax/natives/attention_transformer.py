"""JAX native bindings: attention (jax.nn.dot_product_attention)."""

from __future__ import annotations

import jax
import jax.numpy as jnp

from mlcanon import native


@native("jax.nn.dot_product_attention")
def scaled_dot_product_attention(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray,
                                 mask: jnp.ndarray | None = None, *, is_causal: bool = False,
                                 scale: float | None = None) -> jnp.ndarray:
    # The op wants (batch, length, heads, features) and a (batch, heads, Lq, Lk) mask:
    # one head axis is inserted, and taken out again.
    heads_mask = None if mask is None else mask[..., None, :, :]
    out = jax.nn.dot_product_attention(q[..., None, :], k[..., None, :], v[..., None, :],
                                       mask=heads_mask, scale=scale, is_causal=is_causal)
    return out[..., 0, :]
