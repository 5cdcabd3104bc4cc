"""JAX native bindings: attention (jax.nn.dot_product_attention)."""

from __future__ import annotations

import jax
import jax.numpy as jnp

from mlcanon import native


@native("jax.nn.dot_product_attention")
def scaled_dot_product_attention(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray,
                                 mask: jnp.ndarray | None = None, *, is_causal: bool = False,
                                 scale: float | None = None) -> jnp.ndarray:
    # The op wants (batch, length, heads, features) and a (batch, heads, Lq, Lk) mask: the
    # canon's leading axes become its one batch axis, and a single head axis is inserted.
    batch, lq, lk = q.shape[:-2], q.shape[-2], k.shape[-2]
    if mask is not None:
        mask = jnp.broadcast_to(mask, (*batch, lq, lk)).reshape(-1, 1, lq, lk)
    out = jax.nn.dot_product_attention(_one_head(q), _one_head(k), _one_head(v), mask=mask,
                                       scale=scale, is_causal=is_causal)
    return out[:, :, 0, :].reshape(*batch, lq, v.shape[-1])


def _one_head(a: jnp.ndarray) -> jnp.ndarray:
    return a.reshape(-1, *a.shape[-2:])[:, :, None, :]
