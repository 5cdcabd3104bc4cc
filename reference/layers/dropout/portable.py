"""Inverted dropout on any array namespace, its mask drawn on the host from a seeded Generator."""

from __future__ import annotations

from typing import Any

import numpy as np
from array_api_compat import device


def dropout(xp: Any, x: Any, *, p: float = 0.5, training: bool = True, seed: int = 0) -> Any:
    if not 0.0 <= p <= 1.0:
        msg = f"dropout probability p must lie in [0, 1], got {p!r}"
        raise ValueError(msg)
    if not training or p == 0.0:
        # a new array, as the canon's outputs are (x * 1 keeps -0.0, inf and NaN, and, unlike
        # torch.asarray(copy=True), the autograd graph without a warning)
        return x * 1
    if p == 1.0:
        return xp.zeros_like(x)  # the 1/(1 - p) scale would give 0 * inf = NaN
    # the array API has no random module: draw the keep mask with NumPy, then move it
    keep = np.random.default_rng(seed).random(tuple(x.shape)) >= p
    keep = xp.asarray(keep, device=device(x))
    return xp.where(keep, x / (1.0 - p), xp.zeros_like(x))
