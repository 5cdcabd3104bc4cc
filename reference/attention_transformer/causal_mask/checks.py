"""Property checks of causal_mask (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("causal_no_future_leak")
def causal_no_future_leak(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, bound: Any, *, fill: float = 64.0,
                          output: str = "y") -> None:
    """Blocked keys get weight exactly 0, rows sum to 1, and rewriting the scores of
    blocked keys (here to ``fill``, larger than every visible score) changes nothing."""
    scores = inputs["scores"]
    lq, lk = scores.shape[-2:]
    diagonal = params.get("diagonal", 1)
    blocked = np.triu(np.ones((lq, lk), dtype=bool), k=diagonal)
    base = run(inputs, params)[output].astype(np.float64)
    if np.any(base[..., blocked] != 0):
        msg = f"a blocked key got weight {base[..., blocked].max()!r}; it must be exactly 0"
        raise CheckFailed(msg)
    total = base.sum(axis=-1)
    assert_close(total, np.ones_like(total), bound, "weights summed over the keys")
    moved = np.where(blocked, fill, scores)
    after = run({**inputs, "scores": moved}, params)[output]
    assert_close(after, base, bound, f"after setting every blocked score to {fill}")
