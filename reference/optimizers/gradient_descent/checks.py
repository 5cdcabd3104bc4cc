"""Stochastic and property checks of gradient_descent (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("descent_decreases_quadratic")
def descent_decreases_quadratic(run: Any, inputs: dict[str, np.ndarray],
                                params: dict[str, Any], dtype: str, bound: Any) -> None:
    """Below the critical rate (lr * lambda_max < 2) every update lowers the quadratic loss.

    L(theta) = 1/2 theta^T a theta - b^T theta is evaluated in float64 on the returned
    trajectory; an increase within the case's rounding bound is tolerated.
    """
    a, b = inputs["a"].astype(np.float64), inputs["b"].astype(np.float64)
    lr = float(params.get("lr", 0.1))
    if lr * float(np.linalg.eigvalsh(a).max()) >= 2:
        return  # outside the regime where descent is guaranteed
    path = run(inputs, params)["path"].astype(np.float64)
    thetas = np.vstack([inputs["theta"].astype(np.float64)[None], path])
    loss = 0.5 * np.einsum("ki,ij,kj->k", thetas, a, thetas) - thetas @ b
    scale = float(np.max(np.abs(loss)))
    allowed = bound.k * bound.eps * (np.abs(loss[1:]) + scale)
    rise = loss[1:] - loss[:-1]
    if np.any(rise > allowed):
        step = int(np.argmax(rise - allowed))
        msg = (f"update {step + 1} raised the loss from {loss[step]!r} to {loss[step + 1]!r} "
               f"at lr {lr} (lr * lambda_max < 2)")
        raise CheckFailed(msg)
