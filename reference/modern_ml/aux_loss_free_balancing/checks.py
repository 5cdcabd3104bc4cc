"""Property checks of aux_loss_free_balancing (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("balancing_load_conserved")
def balancing_load_conserved(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                             dtype: str, bound: Any) -> None:
    """The loads add up to N·k, each token's weights sum to 1, and the bias moves by
    exactly gamma against the load's deviation from the mean (or not at all)."""
    out = run(inputs, params)
    k = int(params.get("top_k", 2))
    tokens = int(np.prod(inputs["scores"].shape[:-1]))
    load = out["load"].astype(np.int64)
    if int(load.sum()) != tokens * k:
        msg = f"loads sum to {int(load.sum())}, expected N·k = {tokens * k}"
        raise CheckFailed(msg)
    total = out["weights"].astype(np.float64).sum(axis=-1)
    assert_close(total, np.ones_like(total), bound, "the weights of each token")
    gamma = float(params.get("gamma", 0.001))
    want = inputs["bias"].astype(dtype).astype(np.float64) + \
        gamma * np.sign(load.mean() - load)
    assert_close(out["new_bias"], want, bound, "the updated bias")
