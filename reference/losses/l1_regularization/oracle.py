"""The oracle of l1_regularization: loss + lam * sum of absolute weights (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("l1_regularization")
def l1_regularization(loss: np.ndarray, w: np.ndarray, *, lam: float = 0.01) -> object:
    if np.shape(loss) != () or lam < 0:
        msg = f"need a scalar loss and lam >= 0, got shape {np.shape(loss)} and lam {lam!r}"
        raise ValueError(msg)
    penalty = mp.mpf(0)
    for weight in np.asarray(w).flat:
        penalty += abs(weight)
    return np.asarray(loss).item() + mp.mpf(lam) * penalty
