"""The oracle of mla: the latent, the per-head up-projections and the decoupled RoPE stream
written out head by head (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import allowed_keys, attend, frequencies


def _rotate_pairs(x: np.ndarray, base: float) -> np.ndarray:
    """RoPE at positions 0..L-1 on features (2i, 2i+1), written pair by pair."""
    out = np.empty_like(x)
    theta = frequencies(x.shape[-1], base)
    for m in range(x.shape[-2]):
        for i, t in enumerate(theta):
            a, b = x[..., m, 2 * i], x[..., m, 2 * i + 1]
            c, s = mpa.mp.cos(m * t), mpa.mp.sin(m * t)
            out[..., m, 2 * i] = a * c - b * s
            out[..., m, 2 * i + 1] = a * s + b * c
    return out


def _rows(w: np.ndarray, head: int, size: int) -> np.ndarray:
    return w[head * size:(head + 1) * size]


@oracle("mla")
def mla(h: np.ndarray, w_dkv: np.ndarray, w_uk: np.ndarray, w_uv: np.ndarray, w_q: np.ndarray,
        w_o: np.ndarray, w_qr: np.ndarray | None = None, w_kr: np.ndarray | None = None, *,
        num_heads: int = 128, is_causal: bool = True, rope_base: float = 10000.0
        ) -> dict[str, np.ndarray]:
    heads = num_heads
    if heads < 1 or w_q.shape[0] % heads or w_uv.shape[0] % heads \
            or w_uk.shape[0] != w_q.shape[0] or (w_qr is None) != (w_kr is None):
        msg = "inconsistent MLA weights"
        raise ValueError(msg)
    d_h, d_v = w_q.shape[0] // heads, w_uv.shape[0] // heads
    d_r = 0 if w_kr is None else w_kr.shape[0]
    if w_qr is not None and (d_r % 2 or w_qr.shape[0] != heads * d_r):
        msg = "inconsistent RoPE weights"
        raise ValueError(msg)
    latent = np.matmul(h, w_dkv.T)  # c_t = W_DKV h_t: the only content the cache keeps
    k_rope = None if w_kr is None else _rotate_pairs(np.matmul(h, w_kr.T), rope_base)
    scale = 1 / mpa.mp.sqrt(d_h + d_r)
    length = h.shape[-2]
    allowed = allowed_keys(length, length, None, is_causal, h.shape[:-2])
    outputs = []
    for head in range(heads):
        q = np.matmul(h, _rows(w_q, head, d_h).T)
        k = np.matmul(latent, _rows(w_uk, head, d_h).T)
        v = np.matmul(latent, _rows(w_uv, head, d_v).T)
        if k_rope is not None:
            q_rope = _rotate_pairs(np.matmul(h, _rows(w_qr, head, d_r).T), rope_base)
            q = np.concatenate([q, q_rope], axis=-1)  # q·k = q_C·k_C + q_R·k_R
            k = np.concatenate([k, k_rope], axis=-1)
        outputs.append(attend(q, k, v, allowed, scale))
    y = np.matmul(np.concatenate(outputs, axis=-1), w_o.T)
    cache = latent if k_rope is None else np.concatenate([latent, k_rope], axis=-1)
    return {"y": y, "cache": cache}
