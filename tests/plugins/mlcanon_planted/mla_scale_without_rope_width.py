"""Planted bug: multi-head latent attention scaled by 1/sqrt(d_h), the content head size,
instead of 1/sqrt(d_h + d_r), the full query/key size including the decoupled RoPE part."""

import numpy as np


def _rope(x, base):
    d = x.shape[-1]
    theta = base ** (-2.0 * np.arange(d // 2) / d)
    angle = np.arange(x.shape[-2])[:, None] * theta
    a, b = x[..., 0::2], x[..., 1::2]
    out = np.empty_like(x)
    out[..., 0::2] = a * np.cos(angle) - b * np.sin(angle)
    out[..., 1::2] = a * np.sin(angle) + b * np.cos(angle)
    return out


def _heads(t, h):
    return np.swapaxes(t.reshape(*t.shape[:-1], h, t.shape[-1] // h), -2, -3)


def mla(h, w_dkv, w_uk, w_uv, w_q, w_o, w_qr=None, w_kr=None, *, num_heads=128,
        is_causal=True, rope_base=10000.0):
    c = h @ w_dkv.T
    q, k, v = _heads(h @ w_q.T, num_heads), _heads(c @ w_uk.T, num_heads), _heads(c @ w_uv.T,
                                                                                   num_heads)
    scale = 1.0 / np.sqrt(q.shape[-1])  # the bug: d_r left out of the scale
    cache = c
    if w_kr is not None:
        k_rope = _rope(h @ w_kr.T, rope_base)
        q_rope = _rope(_heads(h @ w_qr.T, num_heads), rope_base)
        q = np.concatenate([q, q_rope], axis=-1)
        shared = np.broadcast_to(k_rope[..., None, :, :], (*k.shape[:-1], k_rope.shape[-1]))
        k = np.concatenate([k, shared], axis=-1)
        cache = np.concatenate([c, k_rope], axis=-1)
    scores = (q @ np.swapaxes(k, -1, -2)) * scale
    length = scores.shape[-1]
    if is_causal:
        scores = np.where(np.arange(length)[None, :] <= np.arange(length)[:, None], scores,
                          -np.inf)
    e = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
    out = (e / np.sum(e, axis=-1, keepdims=True)) @ v
    out = np.swapaxes(out, -2, -3)
    y = out.reshape(*out.shape[:-2], out.shape[-2] * out.shape[-1]) @ w_o.T
    return {"y": y.astype(h.dtype), "cache": cache.astype(h.dtype)}
