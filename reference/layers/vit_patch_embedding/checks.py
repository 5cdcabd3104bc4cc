"""Property checks of vit_patch_embedding (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("patch_swap_swaps_tokens")
def patch_swap_swaps_tokens(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                            dtype: str, bound: Any) -> None:
    """Swapping the top-left and bottom-right patch of the image swaps the first and last
    token and leaves the others alone: a token sees its own patch and nothing else
    (the case gives no cls and no pos, so tokens are patches)."""
    x, p = inputs["x"], inputs["weight"].shape[-1]
    h, w = x.shape[2:]
    moved = x.copy()
    moved[:, :, :p, :p] = x[:, :, h - p:, w - p:]
    moved[:, :, h - p:, w - p:] = x[:, :, :p, :p]
    base = run(inputs, params)["y"].astype(np.float64)
    expected = base.copy()
    expected[:, 0], expected[:, -1] = base[:, -1], base[:, 0]
    after = run({**inputs, "x": moved}, params)["y"]
    assert_close(after, expected, bound, "tokens after swapping the first and last patch")
