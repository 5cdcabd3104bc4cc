"""Property checks of clip (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("clip_idempotent")
def clip_idempotent(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                    dtype: str, bound: Any, *, lo: float, hi: float) -> None:
    """Clipping twice changes nothing, and every result lies in [lo, hi]."""
    bounds = {**params, "lo": lo, "hi": hi}
    once = run({"x": inputs["x"]}, bounds)["y"]
    twice = run({"x": once}, bounds)["y"]
    if not np.array_equal(once, twice, equal_nan=True):
        msg = f"clip of a clipped array changed it: {once!r} -> {twice!r}"
        raise CheckFailed(msg)
    if np.any(once.astype(np.float64) < lo) or np.any(once.astype(np.float64) > hi):
        msg = f"values outside [{lo}, {hi}]: {once!r}"
        raise CheckFailed(msg)
