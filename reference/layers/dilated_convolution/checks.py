"""Property checks of dilated_convolution (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("equals_zero_stuffed_kernel")
def equals_zero_stuffed_kernel(run: Any, inputs: dict[str, np.ndarray],
                               params: dict[str, Any], dtype: str, bound: Any) -> None:
    """Dilation d equals dilation 1 with d − 1 zeros put between the taps."""
    d = int(params.get("dilation", 2))
    weight = inputs["weight"]
    o, c, k = weight.shape
    stuffed = np.zeros((o, c, d * (k - 1) + 1), dtype=weight.dtype)
    stuffed[:, :, ::d] = weight
    dilated = run(inputs, params)["y"].astype(np.float64)
    plain = run({**inputs, "weight": stuffed}, {**params, "dilation": 1})["y"]
    assert_close(plain, dilated, bound, f"zero-stuffed kernel against dilation {d}")
