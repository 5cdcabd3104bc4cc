"""Property checks of autoencoder (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("autoencoder_pythagoras")
def autoencoder_pythagoras(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any) -> None:
    """A linear tied autoencoder whose encoder rows are orthonormal is an orthogonal
    projection: x̂ = WᵀWx, the residual x − x̂ is orthogonal to the code directions, and
    Σ‖x − x̂‖² = Σ‖x‖² − Σ‖z‖² (Pythagoras)."""
    q, _ = np.linalg.qr(inputs["weight_enc"].astype(np.float64).T)  # (d, k) orthonormal columns
    weight = np.ascontiguousarray(q.T).astype(inputs["weight_enc"].dtype)
    x = inputs["x"]
    out = run({"x": x, "weight_enc": weight}, {"activation": "identity", "reduction": "sum"})
    w64, x64 = weight.astype(np.float64), x.astype(np.float64)
    assert_close(out["x_hat"], x64 @ w64.T @ w64, bound, "x_hat versus WᵀW x")
    z64 = out["z"].astype(np.float64)
    # compared as Σ‖x − x̂‖² + Σ‖z‖² against Σ‖x‖²: when x lies in the code's span both
    # sides of the plain form are differences of rounded terms of size Σ‖x‖², so the
    # tolerance must be relative to that size, not to the (near-zero) residual
    total = out["loss"].astype(np.float64) + np.sum(z64 * z64)
    assert_close(total, np.sum(x64 * x64), bound, "Σ‖x − x̂‖² + Σ‖z‖² versus Σ‖x‖²")
