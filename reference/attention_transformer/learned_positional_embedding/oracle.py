"""The oracle of learned_positional_embedding: token row plus position row, token by token."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("learned_positional_embedding")
def learned_positional_embedding(tok: np.ndarray, pos: np.ndarray, ids: np.ndarray, *,
                                 max_len: int | None = None) -> np.ndarray:
    ids = np.asarray(ids)
    if max_len is not None:
        ids = ids[..., -max_len:]  # generation keeps the last max_len tokens
    d = tok.shape[1]
    out = np.empty((*ids.shape, d), dtype=object)
    for index in np.ndindex(*ids.shape):
        t = index[-1]  # the position of a token is its index in the (cropped) sequence
        if t >= pos.shape[0] or not 0 <= ids[index] < tok.shape[0]:
            msg = f"token {ids[index]} at position {t} is outside the tables"
            raise IndexError(msg)
        for c in range(d):
            out[(*index, c)] = tok[ids[index], c] + pos[t, c]
    return out
