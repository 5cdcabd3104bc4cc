"""The oracle of cosine_similarity: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("cosine_similarity")
def cosine_similarity(a: np.ndarray, b: np.ndarray, *, axis: int = -1,
                      eps: float = 1e-8) -> np.ndarray:
    """a.b / (max(|a|, eps) max(|b|, eps)), each norm clamped on its own (torch's rule)."""
    a, b = np.broadcast_arrays(a, b)
    floor = mpa.mpf(eps)
    clamp = np.vectorize(lambda v: max(v, floor), otypes=[object])
    dot = np.sum(a * b, axis=axis)
    norm_a = mpa.sqrt(np.sum(a * a, axis=axis))
    norm_b = mpa.sqrt(np.sum(b * b, axis=axis))
    return dot / (clamp(norm_a) * clamp(norm_b))
