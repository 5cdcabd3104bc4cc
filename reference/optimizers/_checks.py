"""Property checks that several optimizers concepts name (imported by their checks.py)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("optimizer_coordinatewise")
def optimizer_coordinatewise(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                             dtype: str, bound: Any) -> None:
    """Each coordinate follows only its own gradients: reversing the last axis of theta and
    of grads reverses the last axis of the trajectory."""
    base = run(inputs, params)["path"].astype(np.float64)
    flipped = {"theta": np.flip(inputs["theta"], -1), "grads": np.flip(inputs["grads"], -1)}
    after = run({**inputs, **flipped}, params)["path"]
    assert_close(after, np.flip(base, -1), bound, "path of the reversed coordinates")


@property_check("optimizer_homogeneous")
def optimizer_homogeneous(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, bound: Any, *, degree: int = 1,
                          factor: float = 4.0) -> None:
    """Scaling the gradients by a power of two (exact in binary) scales the steps by
    factor ** degree: degree 1 for methods linear in the gradient (theta scaled alike),
    degree 0 for sign-based methods (theta unchanged)."""
    theta, grads = inputs["theta"], inputs["grads"]
    base = run(inputs, params)["path"].astype(np.float64)
    shift = factor**degree
    scaled = {"theta": theta * shift, "grads": grads * factor}
    after = run({**inputs, **scaled}, params)["path"]
    assert_close(after, base * shift, bound, f"path with grads * {factor} (theta * {shift})")
