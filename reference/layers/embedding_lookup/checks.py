"""Stochastic and property checks of embedding_lookup (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import (
    assert_close,
    property_check,
)


@property_check("onehot_matmul")
def onehot_matmul(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                  dtype: str, bound: Any) -> None:
    """The lookup equals onehot(ids)ᵀ·E (for a finite table)."""
    weight, ids = inputs["weight"], inputs["ids"]
    expected = np.eye(weight.shape[0])[ids] @ weight
    assert_close(run(inputs, params)["y"], expected, bound, "lookup versus onehot(ids) @ weight")
