"""Property checks of softmax_jacobian (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("softmax_jacobian_structure")
def softmax_jacobian_structure(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                               dtype: str, bound: Any) -> None:
    """J = J^T, every row sums to 0, the diagonal is >= 0 and the off-diagonal <= 0."""
    jac = run(inputs, params)["J"].astype(np.float64)
    assert_close(np.swapaxes(jac, -1, -2), jac, bound, "J^T against J")
    n = jac.shape[-1]
    eye = np.eye(n, dtype=bool)
    if np.any(jac[..., eye] < 0) or np.any(jac[..., ~eye] > 0):
        msg = "a diagonal entry is negative or an off-diagonal entry positive"
        raise CheckFailed(msg)
    scale = np.max(np.abs(jac), axis=(-1, -2))
    sums = np.abs(jac.sum(axis=-1))
    allowed = bound.k * bound.eps * n * scale[..., None]
    if np.any(sums > allowed):
        msg = f"a row sums to {float(np.max(sums))!r}, not 0 (allowed {float(np.max(allowed)):.3g})"
        raise CheckFailed(msg)
