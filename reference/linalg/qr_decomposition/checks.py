"""Stochastic and property checks of qr_decomposition (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check, require_orthonormal


@property_check("qr_factors")
def qr_factors(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
               dtype: str, bound: Any) -> None:
    """Q orthonormal, R exactly zero below the diagonal, Q R = A."""
    out = run(inputs, params)
    q, r = out["Q"].astype(np.float64), out["R"].astype(np.float64)
    below = np.tril(np.ones(r.shape[-2:], dtype=bool), k=-1)
    if np.any(r[..., below] != 0):
        msg = f"R must be upper triangular, got {r.tolist()}"
        raise CheckFailed(msg)
    require_orthonormal(q, bound, "Q^T Q against I")
    assert_close(q @ r, inputs["a"], bound, "Q R against A")
