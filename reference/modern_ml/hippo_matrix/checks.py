"""Property checks of hippo_matrix (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("hippo_nplr")
def hippo_nplr(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
               dtype: str, bound: Any) -> None:
    """S4's structure: A + P P^T + I/2 is skew-symmetric for P_n = sqrt(n + 1/2), and the
    eigenvalues of the triangular A are its diagonal -1 .. -N."""
    out = run(inputs, params)
    A = out["A"].astype(np.float64)
    size = A.shape[0]
    p = np.sqrt(np.arange(size) + 0.5)
    normal = A + np.outer(p, p) + 0.5 * np.eye(size)
    scale = np.max(np.abs(A), initial=1.0)
    loose = type(bound)(bound.eps, bound.k, bound.printed_atol + bound.k * bound.eps * scale)
    assert_close(normal + normal.T, np.zeros_like(normal), loose,
                 "A + P P^T + I/2 plus its transpose")
    assert_close(np.diag(A), -np.arange(1.0, size + 1), bound, "the diagonal of A")
    assert_close(out["B"], np.sqrt(2 * np.arange(size) + 1.0), bound, "B")
