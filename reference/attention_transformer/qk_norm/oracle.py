"""The oracle of qk_norm: RMS-normalize every query and key vector, then attend (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import allowed_keys, attend


def _rms_normalize(x: np.ndarray, gain: np.ndarray | None, eps: object) -> np.ndarray:
    out = np.empty(x.shape, dtype=object)
    d = x.shape[-1]
    for index in np.ndindex(*x.shape[:-1]):
        row = x[index]
        rms = mpa.mp.sqrt(sum(mpa.mpf(value) ** 2 for value in row) / d + eps)
        for c in range(d):
            g = 1 if gain is None else gain[c]
            out[(*index, c)] = mpa.mpf(row[c]) / rms * g
    return out


@oracle("qk_norm")
def qk_norm(q: np.ndarray, k: np.ndarray, v: np.ndarray, g_q: np.ndarray | None = None,
            g_k: np.ndarray | None = None, *, eps: float = 1e-6, is_causal: bool = False,
            scale: float | None = None) -> np.ndarray:
    e = mpa.mpf(eps)
    qn = _rms_normalize(q, g_q, e)
    kn = _rms_normalize(k, g_k, e)
    factor = 1 / mpa.mp.sqrt(q.shape[-1]) if scale is None else mpa.mpf(scale)
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    allowed = allowed_keys(q.shape[-2], k.shape[-2], None, is_causal, batch)
    return attend(qn, kn, v, allowed, factor)
