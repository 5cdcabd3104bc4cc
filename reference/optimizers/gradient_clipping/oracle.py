"""The oracle of gradient_clipping: the L2 norm and the clip factor, in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _clip(block: np.ndarray, c: object) -> np.ndarray:
    norm = mpa.sqrt(np.sum(block**2))
    factor = c / max(norm, c) if not mpa.isnan(norm) else norm  # min(1, c / norm), 0 -> 1
    return block * factor


@oracle("gradient_clipping")
def gradient_clipping(grads: np.ndarray, *, max_norm: float = 1.0,
                      scope: str = "global") -> np.ndarray:
    c = mpa.mpf(max_norm)
    if scope == "global":
        return _clip(grads, c)
    return np.stack([_clip(grads[i], c) for i in range(grads.shape[0])])
