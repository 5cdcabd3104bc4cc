"""Property checks of transformer_block (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("token_permutation_equivariant")
def token_permutation_equivariant(run: Any, inputs: dict[str, np.ndarray],
                                  params: dict[str, Any], dtype: str, bound: Any, *,
                                  input: str = "x", output: str = "y", seed: int = 0) -> None:
    """Reordering the tokens (axis −2 of ``input``) reorders the output rows the same way."""
    base = run(inputs, params)[output].astype(np.float64)
    length = inputs[input].shape[-2]
    order = np.random.default_rng(seed).permutation(length)
    if np.array_equal(order, np.arange(length)):
        order = order[::-1]
    moved = run({**inputs, input: np.take(inputs[input], order, axis=-2)}, params)[output]
    assert_close(moved, np.take(base, order, axis=-2), bound,
                 f"output for tokens permuted by {order} against the permuted output")
