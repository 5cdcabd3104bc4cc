"""The oracle of embedding_lookup: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("embedding_lookup")
def embedding_lookup(weight: np.ndarray, ids: np.ndarray) -> np.ndarray:
    if weight.ndim != 2:
        msg = f"weight must be (num_embeddings, dim), got shape {weight.shape}"
        raise ValueError(msg)
    num_embeddings, dim = weight.shape
    y = np.empty((*ids.shape, dim), dtype=object)
    for index in np.ndindex(*ids.shape):
        row = int(ids[index])
        if not 0 <= row < num_embeddings:
            msg = f"id {row} is out of range for {num_embeddings} embeddings"
            raise IndexError(msg)
        y[index] = weight[row]
    return y
