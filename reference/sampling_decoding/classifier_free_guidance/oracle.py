"""The oracle of classifier_free_guidance: the weighted sum, element by element, in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("classifier_free_guidance")
def classifier_free_guidance(cond: np.ndarray, uncond: np.ndarray, *,
                             w: float = 1.0) -> np.ndarray:
    weight_cond = mpa.mpf(1) + mpa.mpf(w)
    weight_uncond = -mpa.mpf(w)
    c, u = np.broadcast_arrays(cond, uncond)
    out = np.empty(c.shape, dtype=object)
    for index in np.ndindex(c.shape):
        terms = []
        if weight_cond != 0:  # a zero coefficient drops its term (no 0 * inf = NaN)
            terms.append(weight_cond * c[index])
        if weight_uncond != 0:
            terms.append(weight_uncond * u[index])
        out[index] = sum(terms[1:], terms[0])
    return out
