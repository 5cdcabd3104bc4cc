"""Property checks of schedule_free."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("schedule_free_translation_equivariant")
def schedule_free_translation_equivariant(run: Any, inputs: dict[str, np.ndarray],
                                          params: dict[str, Any], dtype: str,
                                          bound: Any, *, shift: float = 0.5) -> None:
    """Every step is affine in the iterates: moving the start and the minimum by the same
    vector s (theta + s, b + a s) moves the whole trajectory by s."""
    theta, a, b = inputs["theta"], inputs["a"], inputs["b"]
    base = run(inputs, params)["path"].astype(np.float64)
    s = np.full_like(theta, shift)
    moved = {"theta": theta + s, "a": a, "b": (b.astype(np.float64) + a @ s).astype(b.dtype)}
    after = run(moved, params)["path"]
    assert_close(after, base + shift, bound, f"path with the start and minimum moved by {shift}")
