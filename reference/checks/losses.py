"""Invariants of the losses family."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("loss_reductions_agree")
def loss_reductions_agree(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, bound: Any, *, output: str = "loss") -> None:
    """Per-element losses (reduction None, the spec's "none") are >= 0; 'sum' adds them and
    'mean' divides that by their count."""
    elements = run(inputs, {**params, "reduction": None})[output].astype(np.float64)
    if np.any(np.isnan(elements)) or np.any(elements < 0):
        msg = f"reduction='none' gave a negative or NaN loss: min {np.min(elements)!r}"
        raise CheckFailed(msg)
    total = run(inputs, {**params, "reduction": "sum"})[output]
    mean = run(inputs, {**params, "reduction": "mean"})[output]
    assert_close(total, np.sum(elements), bound, "reduction='sum' against the sum of 'none'")
    assert_close(mean, np.sum(elements) / elements.size, bound,
                 "reduction='mean' against the mean of 'none'")
