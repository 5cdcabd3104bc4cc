"""Property checks of conv1d (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("reflection_equivariant")
def reflection_equivariant(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any) -> None:
    """Reversing both the sequence and the taps reverses the output (stride 1, symmetric
    padding): the kernel slides the same way from either end, so nothing is flipped twice."""
    y = run(inputs, params)["y"].astype(np.float64)
    mirrored = {**inputs, "x": np.ascontiguousarray(inputs["x"][:, :, ::-1]),
                "weight": np.ascontiguousarray(inputs["weight"][:, :, ::-1])}
    assert_close(run(mirrored, params)["y"], y[:, :, ::-1], bound,
                 "x and weight reversed against the reversed output")
