"""Property checks of bias_trick (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("bias_trick_folds_bias")
def bias_trick_folds_bias(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, bound: Any, *, w: list[float], b: float) -> None:
    """[w, b] · [x, 1] = w · x + b for every example (and [b, w] · [1, x] for 'first')."""
    x = inputs["x"].astype(np.float64)
    direct = x @ np.asarray(w) + b
    for position, weights in (("last", [*w, b]), ("first", [b, *w])):
        xb = run({"x": inputs["x"]}, {**params, "position": position})["y"].astype(np.float64)
        assert_close(xb @ np.asarray(weights), direct, bound,
                     f"[x, 1] weights against w x + b (position {position!r})")
