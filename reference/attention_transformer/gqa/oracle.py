"""The oracle of gqa: every query head attends with its group's key/value head (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import allowed_keys, attend


@oracle("gqa")
def gqa(q: np.ndarray, k: np.ndarray, v: np.ndarray, mask: np.ndarray | None = None, *,
        is_causal: bool = False, scale: float | None = None) -> np.ndarray:
    hq, lq, d = q.shape[-3:]
    hkv, lk = k.shape[-3], k.shape[-2]
    group = hq // hkv
    factor = 1 / mpa.mp.sqrt(d) if scale is None else mpa.mpf(scale)
    batch = np.broadcast_shapes(q.shape[:-3], k.shape[:-3], v.shape[:-3])
    full = None if mask is None else np.broadcast_to(mask, (*batch, hq, lq, lk))
    heads = []
    for h in range(hq):
        g = h // group  # query heads h = g*group .. g*group + group - 1 share kv head g
        head_mask = None if full is None else full[..., h, :, :]
        allowed = allowed_keys(lq, lk, head_mask, is_causal, batch)
        heads.append(attend(q[..., h, :, :], k[..., g, :, :], v[..., g, :, :], allowed, factor))
    return np.stack(heads, axis=-3)
