"""Property checks of masked_language_modeling (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("mlm_unselected_logits_ignored")
def mlm_unselected_logits_ignored(run: Any, inputs: dict[str, np.ndarray],
                                  params: dict[str, Any], dtype: str, bound: Any) -> None:
    """The loss reads the logits of the selected positions only: replacing every other
    position's logits (here by their negatives) changes neither the loss nor the
    corrupted sequence."""
    base = run(inputs, params)
    chosen = inputs["u_select"].astype(np.float64) < float(params.get("select", 0.15))
    moved = inputs["logits"].copy()
    moved[~chosen] = -moved[~chosen]
    after = run({**inputs, "logits": moved}, params)
    if not np.array_equal(after["corrupted"], base["corrupted"]):
        msg = "the corrupted tokens depend on the logits"
        raise CheckFailed(msg)
    assert_close(after["loss"], base["loss"].astype(np.float64), bound,
                 "after negating the logits of the unselected positions")
