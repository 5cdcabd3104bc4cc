"""Property checks of logit_soft_capping (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("soft_cap_odd_bounded_monotone")
def soft_cap_odd_bounded_monotone(run: Any, inputs: dict[str, np.ndarray],
                                  params: dict[str, Any], dtype: str, bound: Any, *,
                                  output: str = "y") -> None:
    """f(−x) = −f(x), |f(x)| ≤ cap, and f keeps the order of its inputs."""
    cap = params.get("cap", 30.0)
    x = inputs["x"]
    up = run(inputs, params)[output].astype(np.float64)
    down = run({**inputs, "x": -x}, params)[output].astype(np.float64)
    assert_close(-down, up, bound, "f(-x) against -f(x)")
    if np.any(np.abs(up) > cap):
        msg = f"|f(x)| = {np.abs(up).max()!r} exceeds the cap {cap}"
        raise CheckFailed(msg)
    order = np.argsort(x.ravel(), kind="stable")
    if np.any(np.diff(up.ravel()[order]) < 0):
        msg = "soft capping changed the order of two inputs"
        raise CheckFailed(msg)
