"""The oracle of scaled_dot_product_attention: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import allowed_keys, attend


@oracle("scaled_dot_product_attention")
def scaled_dot_product_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray,
                                 mask: np.ndarray | None = None, *, is_causal: bool = False,
                                 scale: float | None = None) -> np.ndarray:
    d = q.shape[-1]
    factor = 1 / mpa.mp.sqrt(d) if scale is None else mpa.mpf(scale)
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    allowed = allowed_keys(q.shape[-2], k.shape[-2], mask, is_causal, batch)
    return attend(q, k, v, allowed, factor)
