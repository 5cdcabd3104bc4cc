"""Stochastic and property checks of symmetric_eigendecomposition (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check, require_orthonormal


@property_check("eigh_factors")
def eigh_factors(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                 dtype: str, bound: Any) -> None:
    """Eigenvalues ascending, eigenvectors orthonormal, A V = V diag(w)."""
    out = run(inputs, params)
    w, v = out["eigenvalues"].astype(np.float64), out["eigenvectors"].astype(np.float64)
    if np.any(np.diff(w, axis=-1) < 0):
        msg = f"eigenvalues must be ascending, got {w.tolist()}"
        raise CheckFailed(msg)
    require_orthonormal(v, bound, "V^T V against I")
    a = inputs["a"]
    assert_close(a @ v, v * w[..., None, :], bound, "A V against V diag(w)")
