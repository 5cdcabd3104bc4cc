"""The oracle of transformer_block: norm, self-attention, residual, norm, FFN, residual (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import allowed_keys, attend


def _norm(x: np.ndarray, g: np.ndarray, c: np.ndarray | None, kind: str, eps: object
          ) -> np.ndarray:
    e = x.shape[-1]
    out = np.empty(x.shape, dtype=object)
    for row in np.ndindex(*x.shape[:-1]):
        values = [x[(*row, i)] for i in range(e)]
        if kind == "layer_norm":
            mean = sum(values) / e
            var = sum((v - mean) ** 2 for v in values) / e  # biased
            normed = [(v - mean) / mpa.mp.sqrt(var + eps) for v in values]
        else:
            rms = mpa.mp.sqrt(sum(v * v for v in values) / e + eps)
            normed = [v / rms for v in values]
        for i in range(e):
            out[(*row, i)] = normed[i] * g[i] + (0 if c is None else c[i])
    return out


def _affine(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.matmul(x, w.T) + b  # (out, in) weights


def _attention(x: np.ndarray, w_in: np.ndarray, b_in: np.ndarray, w_out: np.ndarray,
               b_out: np.ndarray, heads: int, is_causal: bool) -> np.ndarray:
    e, length = x.shape[-1], x.shape[-2]
    dh = e // heads
    qkv = _affine(x, w_in, b_in)  # rows [0, E) of w_in make q, [E, 2E) k, [2E, 3E) v
    parts = [qkv[..., n * e:(n + 1) * e] for n in range(3)]
    split = [np.swapaxes(p.reshape((*p.shape[:-1], heads, dh)), -2, -3) for p in parts]
    allowed = allowed_keys(length, length, None, is_causal, x.shape[:-2])[..., None, :, :]
    out = attend(*split, allowed, 1 / mpa.mp.sqrt(dh))
    merged = np.swapaxes(out, -2, -3)
    return _affine(merged.reshape((*merged.shape[:-2], e)), w_out, b_out)


def _ffn(x: np.ndarray, w_1: np.ndarray, b_1: np.ndarray, w_2: np.ndarray, b_2: np.ndarray,
         activation: str) -> np.ndarray:
    z = _affine(x, w_1, b_1)
    if activation == "relu":
        hidden = np.vectorize(lambda t: t if t > 0 else mpa.mpf(0), otypes=[object])(z)
    else:  # exact GELU: z·Φ(z)
        hidden = z * (1 + mpa.erf(z / mpa.mp.sqrt(2))) / 2
    return _affine(hidden, w_2, b_2)


@oracle("transformer_block")
def transformer_block(x: np.ndarray, w_in: np.ndarray, b_in: np.ndarray, w_out: np.ndarray,
                      b_out: np.ndarray, w_1: np.ndarray, b_1: np.ndarray, w_2: np.ndarray,
                      b_2: np.ndarray, g_1: np.ndarray, g_2: np.ndarray,
                      c_1: np.ndarray | None = None, c_2: np.ndarray | None = None, *,
                      norm_first: bool = True, norm: str = "layer_norm",
                      activation: str = "gelu", num_heads: int = 8, eps: float = 1e-5,
                      is_causal: bool = False) -> np.ndarray:
    eps_ = mpa.mpf(eps)

    def attn(t: np.ndarray) -> np.ndarray:
        return _attention(t, w_in, b_in, w_out, b_out, num_heads, is_causal)

    def ffn(t: np.ndarray) -> np.ndarray:
        return _ffn(t, w_1, b_1, w_2, b_2, activation)

    def norm1(t: np.ndarray) -> np.ndarray:
        return _norm(t, g_1, c_1, norm, eps_)

    def norm2(t: np.ndarray) -> np.ndarray:
        return _norm(t, g_2, c_2, norm, eps_)

    if norm_first:
        h = x + attn(norm1(x))
        return h + ffn(norm2(h))
    h = norm1(x + attn(x))
    return norm2(h + ffn(h))
