"""Stochastic and property checks of rbf_kernel (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("rbf_gram_matrix")
def rbf_gram_matrix(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                    dtype: str, bound: Any) -> None:
    """K(x, x) is symmetric with entries in [0, 1] and exactly 1 on its diagonal."""
    k = run({"x": inputs["x"]}, params)["K"].astype(np.float64)
    diagonal = np.diagonal(k)
    if np.any(diagonal != 1):
        msg = f"K(x, x) must have exactly 1 on its diagonal, got {diagonal.tolist()}"
        raise CheckFailed(msg)
    if np.any(k < 0) or np.any(k > 1):
        msg = f"kernel values outside [0, 1]: min {k.min()!r}, max {k.max()!r}"
        raise CheckFailed(msg)
    assert_close(k.T, k, bound, "K(x, x) transposed against K(x, x)")
