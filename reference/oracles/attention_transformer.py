"""Oracles of the attention_transformer family: plain formulas at mpmath precision."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _allowed_keys(lq: int, lk: int, mask: np.ndarray | None, is_causal: bool,
                  batch: tuple[int, ...]) -> np.ndarray:
    """Boolean (..., Lq, Lk): True where query i may attend to key j."""
    allowed = np.ones((*batch, lq, lk), dtype=bool)
    if mask is not None:
        allowed = allowed & np.asarray(mask, dtype=bool)
    if is_causal:
        i = np.arange(lq)[:, None]
        j = np.arange(lk)[None, :]
        allowed = allowed & (j <= i)  # top-left aligned: key j is visible to query i iff j <= i
    return allowed


def _attend(q: np.ndarray, k: np.ndarray, v: np.ndarray, allowed: np.ndarray,
            scale: object) -> np.ndarray:
    """softmax over the allowed keys of (q k^T * scale), times v; rows with no key give 0."""
    scores = np.matmul(q, np.swapaxes(k, -1, -2)) * scale
    some = np.any(allowed, axis=-1, keepdims=True)
    shift = np.max(np.where(allowed, scores, mpa.mpf("-inf")), axis=-1, keepdims=True)
    shift = np.where(some, shift, mpa.mpf(0))
    e = np.where(allowed, mpa.exp(scores - shift), mpa.mpf(0))
    total = np.sum(e, axis=-1, keepdims=True)
    weights = e / np.where(some, total, mpa.mpf(1))
    return np.matmul(weights, v)


@oracle("scaled_dot_product_attention")
def scaled_dot_product_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray,
                                 mask: np.ndarray | None = None, *, is_causal: bool = False,
                                 scale: float | None = None) -> np.ndarray:
    d = q.shape[-1]
    factor = 1 / mpa.mp.sqrt(d) if scale is None else mpa.mpf(scale)
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    allowed = _allowed_keys(q.shape[-2], k.shape[-2], mask, is_causal, batch)
    return _attend(q, k, v, allowed, factor)


def _linear(x: np.ndarray, w: np.ndarray, b: np.ndarray | None) -> np.ndarray:
    """x W^T + b with W of shape (out_features, in_features), torch's layout."""
    y = np.matmul(x, w.T)
    return y if b is None else y + b


@oracle("multi_head_attention")
def multi_head_attention(x_q: np.ndarray, x_kv: np.ndarray, w_q: np.ndarray, w_k: np.ndarray,
                         w_v: np.ndarray, w_o: np.ndarray, b_q: np.ndarray | None = None,
                         b_k: np.ndarray | None = None, b_v: np.ndarray | None = None,
                         b_o: np.ndarray | None = None, mask: np.ndarray | None = None, *,
                         num_heads: int = 8, is_causal: bool = False) -> np.ndarray:
    e = w_q.shape[0]
    dh = e // num_heads
    q = _linear(x_q, w_q, b_q)
    k = _linear(x_kv, w_k, b_k)
    v = _linear(x_kv, w_v, b_v)

    def heads(t: np.ndarray) -> np.ndarray:
        # features [h*dh, (h+1)*dh) belong to head h: (..., L, E) -> (..., H, L, dh)
        return np.swapaxes(t.reshape((*t.shape[:-1], num_heads, dh)), -2, -3)

    batch = np.broadcast_shapes(x_q.shape[:-2], x_kv.shape[:-2])
    allowed = _allowed_keys(x_q.shape[-2], x_kv.shape[-2], mask, is_causal, batch)
    per_head = _attend(heads(q), heads(k), heads(v), allowed[..., None, :, :],
                       1 / mpa.mp.sqrt(dh))
    concat = np.swapaxes(per_head, -2, -3)
    concat = concat.reshape((*concat.shape[:-2], e))
    return _linear(concat, w_o, b_o)


def _frequencies(d: int, base: float) -> np.ndarray:
    """theta_i = base^(-2i/d) for i = 0 .. d/2 - 1."""
    b = mpa.mpf(base)
    return np.array([b ** (-mpa.mpf(2 * i) / d) for i in range(d // 2)], dtype=object)


@oracle("rope")
def rope(x: np.ndarray, positions: np.ndarray, *, base: float = 10000.0,
         pairing: str = "interleaved") -> np.ndarray:
    d = x.shape[-1]
    angle = positions[..., None] * _frequencies(d, base)  # (..., L, d/2)
    c, s = mpa.cos(angle), mpa.sin(angle)
    if pairing == "interleaved":
        first, second = x[..., 0::2], x[..., 1::2]  # pairs (x_2i, x_2i+1)
    elif pairing == "half":
        first, second = x[..., : d // 2], x[..., d // 2 :]  # pairs (x_i, x_i+d/2)
    else:
        msg = f"pairing must be 'interleaved' or 'half', got {pairing!r}"
        raise ValueError(msg)
    # counter-clockwise rotation by the angle: [[cos, -sin], [sin, cos]]
    new_first = first * c - second * s
    new_second = first * s + second * c
    out = np.empty(np.broadcast_shapes(x.shape, (*new_first.shape[:-1], d)), dtype=object)
    if pairing == "interleaved":
        out[..., 0::2], out[..., 1::2] = new_first, new_second
    else:
        out[..., : d // 2], out[..., d // 2 :] = new_first, new_second
    return out


@oracle("sinusoidal_positional_encoding")
def sinusoidal_positional_encoding(positions: np.ndarray, *, d_model: int = 512,
                                   base: float = 10000.0) -> np.ndarray:
    angle = positions[..., None] * _frequencies(d_model, base)  # (L, d_model/2)
    pe = np.empty((*positions.shape, d_model), dtype=object)
    pe[..., 0::2] = mpa.sin(angle)  # even columns: sin
    pe[..., 1::2] = mpa.cos(angle)  # odd columns: cos
    return pe
