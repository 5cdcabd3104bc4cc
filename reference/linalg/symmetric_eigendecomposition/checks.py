"""Stochastic and property checks of symmetric_eigendecomposition (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


def _require_orthonormal(q: np.ndarray, bound: Any, what: str) -> None:
    """The columns of q are orthonormal: q^T q = I."""
    q = q.astype(np.float64)
    gram = np.swapaxes(q, -1, -2) @ q
    assert_close(gram, np.broadcast_to(np.eye(gram.shape[-1]), gram.shape), bound, what)


@property_check("eigh_factors")
def eigh_factors(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                 dtype: str, bound: Any) -> None:
    """Eigenvalues ascending, eigenvectors orthonormal, A V = V diag(w)."""
    out = run(inputs, params)
    w, v = out["eigenvalues"].astype(np.float64), out["eigenvectors"].astype(np.float64)
    if np.any(np.diff(w, axis=-1) < 0):
        msg = f"eigenvalues must be ascending, got {w.tolist()}"
        raise CheckFailed(msg)
    _require_orthonormal(v, bound, "V^T V against I")
    a = inputs["a"]
    assert_close(a @ v, v * w[..., None, :], bound, "A V against V diag(w)")
