"""The oracle of cross_attention: queries from x, keys and values from the context (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import attend


def _project(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """a·Wᵀ with W stored (out, in): one dot product per output feature."""
    out = np.empty((*a.shape[:-1], w.shape[0]), dtype=object)
    for index in np.ndindex(*a.shape[:-1]):
        for o in range(w.shape[0]):
            out[(*index, o)] = sum(a[(*index, c)] * w[o, c] for c in range(w.shape[1]))
    return out


@oracle("cross_attention")
def cross_attention(x: np.ndarray, context: np.ndarray, w_q: np.ndarray, w_k: np.ndarray,
                    w_v: np.ndarray, context_mask: np.ndarray | None = None, *,
                    scale: float | None = None) -> np.ndarray:
    q, k, v = _project(x, w_q), _project(context, w_k), _project(context, w_v)
    factor = 1 / mpa.mp.sqrt(w_q.shape[0]) if scale is None else mpa.mpf(scale)
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2])
    n, m = q.shape[-2], k.shape[-2]
    keep = np.ones((*batch, m), dtype=bool) if context_mask is None else \
        np.broadcast_to(np.asarray(context_mask, dtype=bool), (*batch, m))
    allowed = np.broadcast_to(keep[..., None, :], (*batch, n, m))  # same for every query
    return attend(q, k, v, allowed, factor)
