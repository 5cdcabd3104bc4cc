"""The oracle of kv_cache: new queries attend over cache + new keys, causally (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import attend


@oracle("kv_cache")
def kv_cache(q: np.ndarray, k: np.ndarray, v: np.ndarray, k_cache: np.ndarray,
             v_cache: np.ndarray, *, scale: float | None = None
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    past, new = k_cache.shape[-2], q.shape[-2]
    keys = np.concatenate([k_cache, k], axis=-2)
    values = np.concatenate([v_cache, v], axis=-2)
    factor = 1 / mpa.mp.sqrt(q.shape[-1]) if scale is None else mpa.mpf(scale)
    visible = np.zeros((new, past + new), dtype=bool)
    for t in range(new):
        visible[t, : past + t + 1] = True  # new token t sits at position past + t
    batch = np.broadcast_shapes(q.shape[:-2], keys.shape[:-2], values.shape[:-2])
    y = attend(q, keys, values, np.broadcast_to(visible, (*batch, new, past + new)), factor)
    return y, keys, values
