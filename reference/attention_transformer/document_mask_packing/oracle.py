"""The oracle of document_mask_packing: attention over the same document only (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import attend


@oracle("document_mask_packing")
def document_mask_packing(q: np.ndarray, k: np.ndarray, v: np.ndarray, doc_ids: np.ndarray, *,
                          is_causal: bool = True, scale: float | None = None) -> np.ndarray:
    length = q.shape[-2]
    if not k.shape[-2] == v.shape[-2] == doc_ids.shape[-1] == length:
        msg = "q, k, v and doc_ids must hold the same packed tokens"
        raise ValueError(msg)
    factor = 1 / mpa.mp.sqrt(q.shape[-1]) if scale is None else mpa.mpf(scale)
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2], doc_ids.shape[:-1])
    ids = np.broadcast_to(doc_ids, (*batch, length))
    allowed = np.zeros((*batch, length, length), dtype=bool)
    for item in np.ndindex(*batch):
        row = ids[item]
        for i in range(length):
            for j in range(length):
                same = int(row[i]) == int(row[j])
                allowed[(*item, i, j)] = same and (j <= i or not is_causal)
    return attend(q, k, v, allowed, factor)
