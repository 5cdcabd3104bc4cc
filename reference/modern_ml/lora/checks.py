"""Property checks of lora (named by the spec's cases)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check
from mlcanon.tolerances import Bound


@property_check("merged_weight_agrees")
def merged_weight_agrees(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                         dtype: str, bound: Any) -> None:
    """Merging the adapter into the weight (W0 + s·A·B, B set to 0) gives the same y.

    This is how a LoRA model is deployed: the merged layer must compute what the adapted
    one did, up to the rounding of the merged weight in the run's dtype.
    """
    r = inputs["A"].shape[1]
    alpha = float(params.get("alpha", 8.0))
    s = alpha / r if params.get("scaling", "standard") == "standard" else alpha / math.sqrt(r)
    adapted = run(inputs, params)["y"].astype(np.float64)
    a, b = (inputs[k].astype(dtype).astype(np.float64) for k in ("A", "B"))
    merged = inputs["W0"].astype(dtype).astype(np.float64) + s * (a @ b)
    merged_in = {**inputs, "W0": merged, "B": np.zeros_like(inputs["B"])}
    # the two orders round differently: allow eps times the size of the terms summed (the
    # largest |x|·(|W0| + s·|A|·|B|)), plus the smallest normal for flushed subnormals
    x = np.abs(inputs["x"].astype(dtype).astype(np.float64))
    w = np.abs(inputs["W0"].astype(dtype).astype(np.float64))
    terms = float(np.max(x @ (w + s * (np.abs(a) @ np.abs(b))), initial=0.0))
    floor = bound.k * bound.eps * terms + float(np.finfo(dtype).tiny) * x.shape[-1]
    loose = Bound(bound.eps, bound.k, bound.printed_atol + floor)
    assert_close(run(merged_in, params)["y"], adapted, loose, "y with the merged weight")
