"""Stochastic and property checks of entropy (named by the spec's cases)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


def _log_base(params: dict[str, Any]) -> float:
    base = params.get("base", "e")
    return 1.0 if base == "e" else math.log(float(base))


@property_check("entropy_bounds")
def entropy_bounds(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                   dtype: str, bound: Any) -> None:
    """0 <= H(p) <= log n for a distribution over n outcomes, equality at the uniform one."""
    axis = params.get("axis", -1)
    p = inputs["p"]
    n = p.shape[axis]
    log_n = math.log(n) / _log_base(params)
    h = run(inputs, params)["h"].astype(np.float64)
    slack = bound.k * bound.eps * log_n
    if np.any(h < -slack) or np.any(h > log_n + slack):
        msg = f"entropy outside [0, log n = {log_n!r}]: min {h.min()!r}, max {h.max()!r}"
        raise CheckFailed(msg)
    uniform = run({"p": np.full(p.shape, 1.0 / n)}, params)["h"]
    assert_close(uniform, np.full(uniform.shape, log_n), bound, "entropy of the uniform rows")
