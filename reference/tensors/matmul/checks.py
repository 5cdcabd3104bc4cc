"""Stochastic and property checks of matmul (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("matmul_transpose")
def matmul_transpose(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                     dtype: str, bound: Any) -> None:
    """(A B)^T = B^T A^T: the product of the transposes in reverse order."""
    a, b = inputs["a"], inputs["b"]
    forward = run({"a": a, "b": b}, params)["y"]
    reverse = run({"a": np.swapaxes(b, -1, -2), "b": np.swapaxes(a, -1, -2)}, params)["y"]
    assert_close(np.swapaxes(reverse, -1, -2), forward.astype(np.float64),
                 bound, "matmul(b^T, a^T)^T against matmul(a, b)")
