"""Attention and positional encodings in NumPy."""

from __future__ import annotations

import numpy as np


def _check_attention_shapes(q: np.ndarray, k: np.ndarray, v: np.ndarray) -> None:
    if q.ndim < 2 or k.ndim < 2 or v.ndim < 2:
        msg = "q, k and v need at least two axes (..., L, features)"
        raise ValueError(msg)
    if q.shape[-1] != k.shape[-1]:
        msg = f"q and k must have the same feature size, got {q.shape[-1]} and {k.shape[-1]}"
        raise ValueError(msg)
    if k.shape[-2] != v.shape[-2]:
        msg = f"k and v must have the same number of keys, got {k.shape[-2]} and {v.shape[-2]}"
        raise ValueError(msg)


def _allowed(lq: int, lk: int, mask: np.ndarray | None, is_causal: bool) -> np.ndarray | None:
    """Boolean mask (True = may attend) combining ``mask`` and the top-left causal mask."""
    allowed = None if mask is None else np.asarray(mask, dtype=bool)
    if is_causal:
        causal = np.tril(np.ones((lq, lk), dtype=bool))
        allowed = causal if allowed is None else allowed & causal
    return allowed


def _attend(q: np.ndarray, k: np.ndarray, v: np.ndarray, allowed: np.ndarray | None,
            scale: float) -> np.ndarray:
    scores = (q @ np.swapaxes(k, -1, -2)) * np.asarray(scale, dtype=q.dtype)
    if allowed is None:
        e = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
        return (e / np.sum(e, axis=-1, keepdims=True)) @ v
    allowed = np.broadcast_to(allowed, scores.shape)
    some = np.any(allowed, axis=-1, keepdims=True)
    shift = np.max(np.where(allowed, scores, -np.inf), axis=-1, keepdims=True)
    shift = np.where(some, shift, 0)
    e = np.where(allowed, np.exp(np.where(allowed, scores - shift, 0)), 0)
    total = np.sum(e, axis=-1, keepdims=True)
    weights = e / np.where(some, total, 1)  # a query with no allowed key gets all-zero weights
    return (weights @ v).astype(q.dtype)


def scaled_dot_product_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray,
                                 mask: np.ndarray | None = None, *, is_causal: bool = False,
                                 scale: float | None = None) -> np.ndarray:
    _check_attention_shapes(q, k, v)
    factor = 1.0 / np.sqrt(q.shape[-1]) if scale is None else scale
    return _attend(q, k, v, _allowed(q.shape[-2], k.shape[-2], mask, is_causal), factor)


def multi_head_attention(x_q: np.ndarray, x_kv: np.ndarray, w_q: np.ndarray, w_k: np.ndarray,
                         w_v: np.ndarray, w_o: np.ndarray, b_q: np.ndarray | None = None,
                         b_k: np.ndarray | None = None, b_v: np.ndarray | None = None,
                         b_o: np.ndarray | None = None, mask: np.ndarray | None = None, *,
                         num_heads: int = 8, is_causal: bool = False) -> np.ndarray:
    e = w_q.shape[0]
    if num_heads < 1 or e % num_heads:
        msg = f"embed dim {e} is not divisible by num_heads={num_heads}"
        raise ValueError(msg)
    dh = e // num_heads

    def project(x: np.ndarray, w: np.ndarray, b: np.ndarray | None) -> np.ndarray:
        y = x @ w.T
        return y if b is None else y + b

    def heads(t: np.ndarray) -> np.ndarray:  # (..., L, E) -> (..., H, L, dh), contiguous heads
        return np.swapaxes(t.reshape(*t.shape[:-1], num_heads, dh), -2, -3)

    q = heads(project(x_q, w_q, b_q))
    k = heads(project(x_kv, w_k, b_k))
    v = heads(project(x_kv, w_v, b_v))
    allowed = _allowed(x_q.shape[-2], x_kv.shape[-2], mask, is_causal)
    if allowed is not None:
        allowed = allowed[..., None, :, :]  # the same mask for every head
    out = _attend(q, k, v, allowed, 1.0 / np.sqrt(dh))
    out = np.swapaxes(out, -2, -3)
    return project(out.reshape(*out.shape[:-2], e), w_o, b_o)


def _frequencies(d: int, base: float, dtype: np.dtype) -> np.ndarray:
    return np.power(np.asarray(base, dtype=dtype), -np.arange(0, d, 2, dtype=dtype) / d)


def rope(x: np.ndarray, positions: np.ndarray, *, base: float = 10000.0,
         pairing: str = "interleaved") -> np.ndarray:
    d = x.shape[-1]
    if d % 2:
        msg = f"rope needs an even feature size, got {d}"
        raise ValueError(msg)
    if pairing not in ("interleaved", "half"):
        msg = f"pairing must be 'interleaved' or 'half', got {pairing!r}"
        raise ValueError(msg)
    angle = positions.astype(x.dtype)[..., None] * _frequencies(d, base, x.dtype)
    c, s = np.cos(angle), np.sin(angle)
    if pairing == "interleaved":
        first, second = x[..., 0::2], x[..., 1::2]
    else:
        first, second = x[..., : d // 2], x[..., d // 2 :]
    new_first = first * c - second * s
    new_second = first * s + second * c
    if pairing == "interleaved":
        out = np.stack([new_first, new_second], axis=-1)
        return out.reshape(*out.shape[:-2], d)
    return np.concatenate([new_first, new_second], axis=-1)


def sinusoidal_positional_encoding(positions: np.ndarray, *, d_model: int = 512,
                                   base: float = 10000.0) -> np.ndarray:
    if d_model < 2 or d_model % 2:
        msg = f"d_model must be a positive even number, got {d_model}"
        raise ValueError(msg)
    angle = positions[..., None] * _frequencies(d_model, base, positions.dtype)
    pe = np.stack([np.sin(angle), np.cos(angle)], axis=-1)  # interleave: sin even, cos odd
    return pe.reshape(*positions.shape, d_model)
