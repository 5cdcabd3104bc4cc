"""Property checks of markowitz_portfolio."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("markowitz_budget_holds")
def markowitz_budget_holds(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any) -> None:
    """The weights are fully invested: they sum to 1."""
    w = run(inputs, params)["w"].astype(np.float64)
    scale = max(1.0, float(np.abs(w).max()))  # rounding grows with the largest position
    assert_close(np.asarray(w.sum() / scale), np.asarray(1.0 / scale), bound, "sum of the weights")


@property_check("markowitz_return_shift_invariant")
def markowitz_return_shift_invariant(run: Any, inputs: dict[str, np.ndarray],
                                     params: dict[str, Any], dtype: str, bound: Any, *,
                                     shift: float = 0.5) -> None:
    """Adding the same return to every asset changes mu^T w by a constant under the budget,
    so the weights do not move."""
    base = run(inputs, params)["w"].astype(np.float64)
    after = run({**inputs, "mu": inputs["mu"] + shift}, params)["w"]
    assert_close(after, base, bound, f"weights with mu + {shift}")
