"""Property checks of skipgram_negative_sampling (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("sgns_negatives_order_free")
def sgns_negatives_order_free(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any) -> None:
    """The negatives of a pair are a sum of independent terms: reversing their order in
    every row leaves each pair's loss unchanged."""
    none = {**params, "reduction": None}
    base = run(inputs, none)["loss"].astype(np.float64)
    after = run({**inputs, "negatives": inputs["negatives"][:, ::-1].copy()}, none)["loss"]
    assert_close(after, base, bound, "after reversing the negatives of every pair")
