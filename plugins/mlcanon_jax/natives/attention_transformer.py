"""Attention and positional encodings in JAX."""

from __future__ import annotations

import math

import jax
import jax.numpy as jnp


def _check_attention_shapes(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray) -> None:
    if q.ndim < 2 or k.ndim < 2 or v.ndim < 2:
        msg = "q, k and v need at least two axes (..., L, features)"
        raise ValueError(msg)
    if q.shape[-1] != k.shape[-1]:
        msg = f"q and k must have the same feature size, got {q.shape[-1]} and {k.shape[-1]}"
        raise ValueError(msg)
    if k.shape[-2] != v.shape[-2]:
        msg = f"k and v must have the same number of keys, got {k.shape[-2]} and {v.shape[-2]}"
        raise ValueError(msg)


def _allowed(mask: jnp.ndarray | None, is_causal: bool, lq: int,
             lk: int) -> jnp.ndarray | None:
    """Boolean (B, 1, Lq, Lk) or (Lq, Lk): True = may attend; top-left causal rule."""
    if not is_causal:
        return mask
    causal = jnp.tril(jnp.ones((lq, lk), dtype=bool))
    return causal if mask is None else mask & causal


def _attend_float64(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray,
                    allowed: jnp.ndarray | None, scale: float) -> jnp.ndarray:
    """Attention op by op on (B, L, N, H) arrays, in the inputs' precision.

    jax.nn.softmax(where=...) gives masked keys, and whole rows without a key, weight 0.
    """
    logits = jnp.einsum("btnh,bsnh->bnts", q, k) * jnp.asarray(scale, dtype=q.dtype)
    weights = jax.nn.softmax(logits, axis=-1, where=allowed)
    return jnp.einsum("bnts,bsnh->btnh", weights, v)


def _attend_heads(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray, mask: jnp.ndarray | None,
                  is_causal: bool, scale: float | None) -> jnp.ndarray:
    """Attention on (B, L, N, H) arrays, mask (B, 1, Lq, Lk) or None.

    jax.nn.dot_product_attention always runs its softmax in float32 (jax 0.10,
    jax/_src/nn/functions.py), which caps float64 at float32 accuracy: float64 takes the
    op-by-op path. The native op also gives a query that may attend to no key the uniform
    average of all values (its mask is a large finite negative); the canon gives a zero
    row, so those rows are zeroed afterwards.
    """
    d, dv = q.shape[-1], v.shape[-1]
    lq, lk = q.shape[-3], k.shape[-3]
    if scale is None:
        scale = 1.0 / math.sqrt(d)
    if q.dtype == jnp.float64:
        return _attend_float64(q, k, v, _allowed(mask, is_causal, lq, lk), scale)
    if dv != d:
        # JAX wants value and key of one shape: zero-pad the head sizes to a common one
        # (zeros change neither q.k nor the kept value columns) and pass the scale.
        h = max(d, dv)

        def pad(t: jnp.ndarray) -> jnp.ndarray:
            return jnp.pad(t, [(0, 0)] * (t.ndim - 1) + [(0, h - t.shape[-1])])

        out = jax.nn.dot_product_attention(pad(q), pad(k), pad(v), mask=mask, scale=scale,
                                           is_causal=is_causal)[..., :dv]
    else:
        out = jax.nn.dot_product_attention(q, k, v, mask=mask, scale=scale,
                                           is_causal=is_causal)
    if mask is None:
        return out  # a top-left causal mask always leaves key 0 to every query
    some = jnp.any(_allowed(mask, is_causal, lq, lk), axis=-1)  # (B, 1, Lq)
    some = jnp.swapaxes(some, -1, -2)[..., None]  # (B, Lq, 1, 1) against (B, Lq, N, H)
    return jnp.where(some, out, jnp.zeros((), dtype=out.dtype))


def _batched_mask(mask: jnp.ndarray | None, batch: tuple[int, ...], lq: int,
                  lk: int) -> jnp.ndarray | None:
    if mask is None:
        return None
    return jnp.broadcast_to(mask, (*batch, lq, lk)).reshape(-1, 1, lq, lk)


def scaled_dot_product_attention(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray,
                                 mask: jnp.ndarray | None = None, *, is_causal: bool = False,
                                 scale: float | None = None) -> jnp.ndarray:
    _check_attention_shapes(q, k, v)
    batch = q.shape[:-2]
    lq, lk = q.shape[-2], k.shape[-2]

    def as_bthn(t: jnp.ndarray) -> jnp.ndarray:  # (..., L, d) -> (B, L, 1, d)
        return jnp.broadcast_to(t, (*batch, *t.shape[-2:])).reshape(-1, t.shape[-2], 1,
                                                                   t.shape[-1])

    out = _attend_heads(as_bthn(q), as_bthn(k), as_bthn(v), _batched_mask(mask, batch, lq, lk),
                        is_causal, scale)
    return out.reshape(*batch, lq, v.shape[-1])


def multi_head_attention(x_q: jnp.ndarray, x_kv: jnp.ndarray, w_q: jnp.ndarray,
                         w_k: jnp.ndarray, w_v: jnp.ndarray, w_o: jnp.ndarray,
                         b_q: jnp.ndarray | None = None, b_k: jnp.ndarray | None = None,
                         b_v: jnp.ndarray | None = None, b_o: jnp.ndarray | None = None,
                         mask: jnp.ndarray | None = None, *, num_heads: int = 8,
                         is_causal: bool = False) -> jnp.ndarray:
    e = w_q.shape[0]
    if num_heads < 1 or e % num_heads:
        msg = f"embed dim {e} is not divisible by num_heads={num_heads}"
        raise ValueError(msg)
    batch = x_q.shape[:-2]
    lq, lk = x_q.shape[-2], x_kv.shape[-2]

    def project(x: jnp.ndarray, w: jnp.ndarray, b: jnp.ndarray | None) -> jnp.ndarray:
        y = jnp.matmul(x, w.T)
        return y if b is None else y + b

    def heads(t: jnp.ndarray) -> jnp.ndarray:  # (..., L, E) -> (B, L, N, E/N): BTNH layout
        return t.reshape(-1, t.shape[-2], num_heads, e // num_heads)

    out = _attend_heads(heads(project(x_q, w_q, b_q)), heads(project(x_kv, w_k, b_k)),
                        heads(project(x_kv, w_v, b_v)), _batched_mask(mask, batch, lq, lk),
                        is_causal, None)
    return project(out.reshape(*batch, lq, e), w_o, b_o)


def _frequencies(d: int, base: float, dtype: jnp.dtype) -> jnp.ndarray:
    return jnp.power(jnp.asarray(base, dtype=dtype), -jnp.arange(0, d, 2, dtype=dtype) / d)


def rope(x: jnp.ndarray, positions: jnp.ndarray, *, base: float = 10000.0,
         pairing: str = "interleaved") -> jnp.ndarray:
    d = x.shape[-1]
    if d % 2:
        msg = f"rope needs an even feature size, got {d}"
        raise ValueError(msg)
    if pairing not in ("interleaved", "half"):
        msg = f"pairing must be 'interleaved' or 'half', got {pairing!r}"
        raise ValueError(msg)
    angle = positions.astype(x.dtype)[..., None] * _frequencies(d, base, x.dtype)
    c, s = jnp.cos(angle), jnp.sin(angle)
    if pairing == "interleaved":
        first, second = x[..., 0::2], x[..., 1::2]
    else:
        first, second = x[..., : d // 2], x[..., d // 2 :]
    new_first = first * c - second * s
    new_second = first * s + second * c
    if pairing == "interleaved":
        out = jnp.stack([new_first, new_second], axis=-1)
        return out.reshape(*out.shape[:-2], d)
    return jnp.concatenate([new_first, new_second], axis=-1)


def sinusoidal_positional_encoding(positions: jnp.ndarray, *, d_model: int = 512,
                                   base: float = 10000.0) -> jnp.ndarray:
    if d_model < 2 or d_model % 2:
        msg = f"d_model must be a positive even number, got {d_model}"
        raise ValueError(msg)
    angle = positions[..., None] * _frequencies(d_model, base, positions.dtype)
    pe = jnp.stack([jnp.sin(angle), jnp.cos(angle)], axis=-1)  # sin even, cos odd
    return pe.reshape(*positions.shape, d_model)
