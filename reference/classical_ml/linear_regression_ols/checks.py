"""Stochastic and property checks of linear_regression_ols (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("ols_normal_equations")
def ols_normal_equations(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                         dtype: str, bound: Any) -> None:
    """The residual is orthogonal to every column of X (and sums to 0 with an intercept)."""
    X = np.asarray(inputs["X"], dtype=np.float64)
    y = np.asarray(inputs["y"], dtype=np.float64)
    out = run(inputs, params)
    coef, intercept = out["coef"].astype(np.float64), float(out["intercept"])
    fit_intercept = params.get("fit_intercept", True)
    if not fit_intercept and intercept != 0.0:
        raise CheckFailed(f"fit_intercept = false but intercept = {intercept!r}")
    residual = y - X @ coef - intercept
    design = np.column_stack([X, np.ones(len(y))]) if fit_intercept else X
    # a backward-stable solver leaves |A^T r| <~ eps |A| (|A| |w| + |y|)
    size = np.linalg.norm(design, 2)
    allowed = bound.k * bound.eps * size * (size * np.linalg.norm(np.append(coef, intercept))
                                            + np.linalg.norm(y))
    worst = float(np.max(np.abs(design.T @ residual), initial=0.0))
    if worst > allowed:
        msg = f"X^T (y - X coef - intercept) = {worst!r} is not ~0 (allowed {allowed:.3g})"
        raise CheckFailed(msg)
