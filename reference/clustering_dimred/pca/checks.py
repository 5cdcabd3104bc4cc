"""Stochastic and property checks of pca (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("pca_invariants")
def pca_invariants(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                   dtype: str, bound: Any) -> None:
    """Orthonormal components, variances sorted and summing to the total variance."""
    x = np.asarray(inputs["x"], dtype=np.float64)
    out = run(inputs, params)
    v = out["components"].astype(np.float64)
    var = out["explained_variance"].astype(np.float64)
    mean = out["mean"].astype(np.float64)
    assert_close(mean, x.mean(axis=0), bound, "mean")
    gram = v @ v.T
    assert_close(gram, np.eye(v.shape[0]), bound, "components @ components.T")
    slack = 64 * np.finfo(dtype).eps * (1.0 + np.abs(var).max())
    if np.any(np.diff(var) > slack):
        raise CheckFailed(f"explained_variance {var.tolist()} is not in decreasing order")
    if v.shape[0] == x.shape[1]:
        total = np.var(x, axis=0, ddof=1).sum()
        # rounding of the mean alone leaves ~eps * max|x| in every centred entry
        scale = total + np.finfo(dtype).eps * float(np.max(x ** 2, initial=0.0)) * x.size
        if abs(var.sum() - total) > bound.k * bound.eps * scale:
            msg = (f"sum of explained_variance {var.sum()!r} differs from the total "
                   f"variance (ddof = 1) {total!r}")
            raise CheckFailed(msg)
