"""Property checks of logit_function (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check
from mlcanon.dtypes import cast


@property_check("logit_antisymmetric")
def logit_antisymmetric(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                        dtype: str, bound: Any) -> None:
    """logit(1 - p) = -logit(p). q = 1 - p is rounded to the dtype first; for q >= 1/2 the
    float 1 - q is exact, so the two calls see exactly mirrored probabilities."""
    q = cast(1.0 - inputs["p"].astype(np.float64), dtype).astype(np.float64)
    mirrored = 1.0 - q
    high = run({"p": q}, params)["y"].astype(np.float64)
    low = run({"p": mirrored}, params)["y"]
    assert_close(low, -high, bound, "logit(1 - q) against -logit(q)")
