"""The oracle of attention_permutation_equivariance: the right-hand side of the identity,
P·Attn(Q, K, V) (or Attn(Q, K, V) when only the keys move), from unpermuted inputs (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import attend


@oracle("attention_permutation_equivariance")
def attention_permutation_equivariance(q: np.ndarray, k: np.ndarray, v: np.ndarray,
                                       perm: np.ndarray | None = None, *, permute: str = "all",
                                       scale: float | None = None) -> np.ndarray:
    moved = {"all": q.shape[-2], "queries": q.shape[-2], "keys": k.shape[-2]}
    if permute not in moved:
        msg = f"unknown permute {permute!r}"
        raise ValueError(msg)
    n = moved[permute]
    order = list(range(n - 1, -1, -1)) if perm is None else [int(i) for i in perm]
    if sorted(order) != list(range(n)) or \
            (permute == "all" and q.shape[-2] != k.shape[-2]):
        msg = f"{order} is not a permutation of the permuted axis"
        raise ValueError(msg)
    factor = 1 / mpa.mp.sqrt(q.shape[-1]) if scale is None else mpa.mpf(scale)
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    everything = np.ones((*batch, q.shape[-2], k.shape[-2]), dtype=bool)
    plain = attend(q, k, v, everything, factor)
    if permute == "keys":
        return plain  # a weighted sum over keys does not see their order
    out = np.empty_like(plain)
    for i, source in enumerate(order):  # (P·A)_i = A_perm[i]
        out[..., i, :] = plain[..., source, :]
    return out
