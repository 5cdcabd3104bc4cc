"""The oracle of sliding_window_attention: causal attention over the last `window` keys (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import attend


@oracle("sliding_window_attention")
def sliding_window_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, *,
                             window: int = 4096, scale: float | None = None) -> np.ndarray:
    lq, lk = q.shape[-2], k.shape[-2]
    factor = 1 / mpa.mp.sqrt(q.shape[-1]) if scale is None else mpa.mpf(scale)
    visible = np.zeros((lq, lk), dtype=bool)
    for i in range(lq):
        for j in range(lk):
            visible[i, j] = i - window < j <= i  # the window keys ending at the query itself
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    return attend(q, k, v, np.broadcast_to(visible, (*batch, lq, lk)), factor)
