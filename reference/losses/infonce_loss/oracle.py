"""The oracle of infonce_loss: -ln of each positive's softmax share, row by row (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce

mp = mpa.mp


def _row_losses(s: np.ndarray, tau: object) -> list[object]:
    n = s.shape[0]
    return [-mp.log(mp.exp(s[i, i] / tau) / sum(mp.exp(s[i, j] / tau) for j in range(n)))
            for i in range(n)]


@oracle("infonce_loss")
def infonce_loss(scores: np.ndarray, *, tau: float = 0.07, symmetric: bool = False,
                 reduction: str = "mean") -> object:
    if scores.ndim < 2 or scores.shape[-1] != scores.shape[-2] or not tau > 0:
        msg = f"need square (..., N, N) scores and tau > 0, got {scores.shape}, {tau!r}"
        raise ValueError(msg)
    t = mp.mpf(tau)
    loss = np.empty(scores.shape[:-1], dtype=object)
    for batch in np.ndindex(scores.shape[:-2]):
        s = scores[batch]
        rows = _row_losses(s, t)  # anchors i against candidates j
        cols = _row_losses(s.T, t)  # candidates j against anchors i (CLIP's other side)
        for i in range(s.shape[0]):
            loss[(*batch, i)] = (rows[i] + cols[i]) / 2 if symmetric else rows[i]
    return reduce(loss, reduction)
