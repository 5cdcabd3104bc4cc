"""Property checks of gradient_clipping (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("clip_keeps_direction")
def clip_keeps_direction(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                         dtype: str, bound: Any) -> None:
    """The clipped gradient is the input times min(1, max_norm / norm), one factor for the
    whole input (scope 'global') or one per tensor (scope 'per_tensor')."""
    c = float(params.get("max_norm", 1.0))
    g = np.asarray(inputs["grads"], dtype=np.float64)
    out = run(inputs, params)["clipped"].astype(np.float64)
    blocks = [(g, out)] if params.get("scope", "global") == "global" else list(zip(g, out,
                                                                                strict=True))
    for before, after in blocks:
        norm = float(np.linalg.norm(before))
        factor = min(1.0, c / norm) if norm > 0 else 1.0
        assert_close(after, before * factor, bound, f"clip of a block of norm {norm}")
