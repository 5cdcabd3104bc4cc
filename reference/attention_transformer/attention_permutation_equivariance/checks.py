"""Property checks of attention_permutation_equivariance (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("permutation_equivariance")
def permutation_equivariance(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                             dtype: str, bound: Any, *, seed: int = 0) -> None:
    """A random permutation against the identity: rows follow it, or nothing moves ('keys')."""
    keys_only = params.get("permute", "all") == "keys"
    n = inputs["k" if keys_only else "q"].shape[-2]
    identity = run({**inputs, "perm": np.arange(n)}, params)["y"].astype(np.float64)
    order = np.random.default_rng(seed).permutation(n)
    if np.array_equal(order, np.arange(n)):
        order = order[::-1].copy()
    moved = run({**inputs, "perm": order}, params)["y"]
    expected = identity if keys_only else np.take(identity, order, axis=-2)
    assert_close(moved, expected, bound, f"perm {order.tolist()} against the identity")
