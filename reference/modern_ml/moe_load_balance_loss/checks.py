"""Property checks of moe_load_balance_loss (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("token_order_invariant")
def token_order_invariant(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, bound: Any, seed: int = 0) -> None:
    """The loss pools the batch: reordering the tokens changes nothing, and f sums to 1."""
    base = run(inputs, params)
    order = np.random.default_rng(seed).permutation(inputs["logits"].shape[0])[::-1].copy()
    moved = run({"logits": inputs["logits"][order]}, params)
    assert_close(moved["loss"], base["loss"].astype(np.float64), bound, "loss after reordering")
    total = base["fraction"].astype(np.float64).sum()
    assert_close(total, 1.0, bound, "sum of the routed fractions")
