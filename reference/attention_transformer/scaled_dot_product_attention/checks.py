"""Stochastic and property checks of scaled_dot_product_attention (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("causal_attention_weights")
def causal_attention_weights(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                             dtype: str, bound: Any, *, output: str = "y") -> None:
    """With v = I the output is the weight matrix: causal, non-negative, rows summing to 1."""
    lk = inputs["k"].shape[-2]
    weights = run({**inputs, "v": np.eye(lk)}, {**params, "is_causal": True})[output]
    weights = weights.astype(np.float64)
    lq = weights.shape[-2]
    future = ~np.tril(np.ones((lq, lk), dtype=bool))
    if np.any(weights[..., future] != 0):
        where = np.argwhere(np.broadcast_to(future, weights.shape) & (weights != 0))[0]
        msg = (f"query {where[-2]} puts weight {weights[tuple(where)]!r} on the later key "
               f"{where[-1]}; a causal mask must give it exactly 0")
        raise CheckFailed(msg)
    if np.any(weights < 0):
        msg = f"negative attention weight {weights.min()!r}"
        raise CheckFailed(msg)
    first = np.zeros(lk)
    first[0] = 1.0
    assert_close(weights[..., 0, :], np.broadcast_to(first, weights[..., 0, :].shape), bound,
                 "the first query must attend only to the first key")
    total = weights.sum(axis=-1)
    assert_close(total, np.ones_like(total), bound, "attention weights summed over the keys")
