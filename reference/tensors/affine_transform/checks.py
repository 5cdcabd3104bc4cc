"""Property checks of affine_transform (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("affine_homogeneous")
def affine_homogeneous(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                       dtype: str, bound: Any) -> None:
    """[[A, t], [0, 1]] applied to [x; 1] with no translation gives [y; 1]."""
    a, x, t = inputs["a"], inputs["x"], inputs["t"]
    m, n = a.shape
    y = run({"a": a, "x": x, "t": t}, params)["y"].astype(np.float64)
    big = np.zeros((m + 1, n + 1), dtype=a.dtype)
    big[:m, :n], big[:m, n], big[m, n] = a, t, 1
    lifted = run({"a": big, "x": np.append(x, np.ones(1, dtype=x.dtype)),
                  "t": np.zeros(m + 1, dtype=t.dtype)}, params)["y"]
    assert_close(lifted.astype(np.float64), np.append(y, 1.0), bound,
                 "homogeneous [[A, t], [0, 1]] [x; 1] against [A x + t; 1]")
