"""The oracle of online_softmax_flash_attention: the plain (non-streaming) softmax attention
and its log-sum-exp, which the streaming algorithm must reproduce (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import allowed_keys, attend


@oracle("online_softmax_flash_attention")
def online_softmax_flash_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray,
                                   mask: np.ndarray | None = None, *, block_size: int = 64,
                                   is_causal: bool = False, scale: float | None = None
                                   ) -> tuple[np.ndarray, np.ndarray]:
    factor = 1 / mpa.mp.sqrt(q.shape[-1]) if scale is None else mpa.mpf(scale)
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    allowed = allowed_keys(q.shape[-2], k.shape[-2], mask, is_causal, batch)
    y = attend(q, k, v, allowed, factor)
    scores = np.broadcast_to(np.matmul(q, np.swapaxes(k, -1, -2)) * factor, allowed.shape)
    lse = np.empty(allowed.shape[:-1], dtype=object)
    for index in np.ndindex(*lse.shape):
        terms = [mpa.mp.exp(scores[(*index, j)]) for j in range(allowed.shape[-1])
                 if allowed[(*index, j)]]
        lse[index] = mpa.mp.log(sum(terms)) if terms else mpa.mpf("-inf")
    return y, lse
