"""The oracle of elastic_net: loss + lam (alpha ||w||_1 + (1 - alpha) ||w||_2^2) (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("elastic_net")
def elastic_net(loss: np.ndarray, w: np.ndarray, *, lam: float = 1.0,
                alpha: float = 0.5) -> object:
    if np.shape(loss) != () or lam < 0 or not 0 <= alpha <= 1:
        msg = f"need a scalar loss, lam >= 0 and alpha in [0, 1], got {lam!r}, {alpha!r}"
        raise ValueError(msg)
    l1 = mp.mpf(0)
    l2 = mp.mpf(0)
    for weight in np.asarray(w).flat:
        l1 += abs(weight)
        l2 += weight * weight
    a = mp.mpf(alpha)
    return np.asarray(loss).item() + mp.mpf(lam) * (a * l1 + (1 - a) * l2)
