"""Stochastic and property checks of svd (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check, require_orthonormal


@property_check("svd_factors")
def svd_factors(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                dtype: str, bound: Any) -> None:
    """U and V orthonormal, S non-negative and descending, U diag(S) Vh = A."""
    out = run(inputs, params)
    u, s, vh = (out[name].astype(np.float64) for name in ("U", "S", "Vh"))
    if np.any(s < 0) or np.any(np.diff(s, axis=-1) > 0):
        msg = f"singular values must be non-negative and descending, got {s.tolist()}"
        raise CheckFailed(msg)
    require_orthonormal(u, bound, "U^T U against I")
    require_orthonormal(np.swapaxes(vh, -1, -2), bound, "Vh Vh^T against I")
    k = s.shape[-1]
    rebuilt = (u[..., :, :k] * s[..., None, :]) @ vh[..., :k, :]
    assert_close(rebuilt, inputs["a"], bound, "U diag(S) Vh against A")
