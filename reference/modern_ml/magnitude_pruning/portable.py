"""Magnitude pruning on any array namespace: a stable ranking of |w|, then w · mask."""

from __future__ import annotations

import math
from typing import Any


def magnitude_pruning(xp: Any, w: Any, *, sparsity: float = 0.5) -> dict[str, Any]:
    if not 0.0 <= sparsity <= 1.0:
        msg = f"sparsity must lie in [0, 1], got {sparsity!r}"
        raise ValueError(msg)
    flat = xp.reshape(w, (-1,))
    n = math.prod(w.shape)
    k = round(sparsity * n)  # half to even, as torch's L1Unstructured counts
    magnitude = xp.abs(flat)
    # NaN ranks as the largest magnitude (the standard leaves its sort order open)
    magnitude = xp.where(xp.isnan(magnitude), xp.full_like(magnitude, math.inf), magnitude)
    order = xp.argsort(magnitude, stable=True)  # ties: the lower flat index first
    rank = xp.argsort(order)  # the inverse permutation: each weight's place in the order
    keep = xp.reshape(rank >= k, tuple(w.shape))
    return {"pruned": w * xp.astype(keep, w.dtype), "mask": keep}
