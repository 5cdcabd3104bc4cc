"""The oracle of attention_sinks_streaming: each query attends to the cache it would find,
the first num_sinks tokens plus the last window tokens of the stream so far (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import attend


def kept_cache(i: int, length: int, num_sinks: int, window: int) -> set[int]:
    """Positions held in the cache when token i (0-based) has just been appended."""
    sinks = set(range(min(num_sinks, i + 1)))
    recent = set(range(max(0, i - window + 1), i + 1))
    return {j for j in sinks | recent if j < length}


@oracle("attention_sinks_streaming")
def attention_sinks_streaming(q: np.ndarray, k: np.ndarray, v: np.ndarray, *,
                              num_sinks: int = 4, window: int = 1020,
                              scale: float | None = None) -> np.ndarray:
    if num_sinks < 0 or window < 1:
        msg = f"need num_sinks >= 0 and window >= 1, got {num_sinks} and {window}"
        raise ValueError(msg)
    lq, lk = q.shape[-2], k.shape[-2]
    factor = 1 / mpa.mp.sqrt(q.shape[-1]) if scale is None else mpa.mpf(scale)
    visible = np.zeros((lq, lk), dtype=bool)
    for i in range(lq):
        for j in kept_cache(i, lk, num_sinks, window):
            visible[i, j] = True
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    return attend(q, k, v, np.broadcast_to(visible, (*batch, lq, lk)), factor)
