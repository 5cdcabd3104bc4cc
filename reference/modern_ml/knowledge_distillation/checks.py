"""Property checks of knowledge_distillation (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("distillation_reductions_agree")
def distillation_reductions_agree(run: Any, inputs: dict[str, np.ndarray],
                                  params: dict[str, Any], dtype: str, bound: Any) -> None:
    """'none' gives one non-negative loss per row; 'sum' adds them and 'mean' averages them
    over every leading axis."""
    rows = run(inputs, {**params, "reduction": None})["loss"].astype(np.float64)
    lead = inputs["student_logits"].shape[:-1]
    if rows.shape != lead:
        msg = f"reduction 'none' gave shape {rows.shape}, expected the leading shape {lead}"
        raise CheckFailed(msg)
    if np.any(rows < -bound.k * bound.eps * np.max(np.abs(rows), initial=1.0)):
        msg = f"a negative KL divergence {rows.min()!r}"
        raise CheckFailed(msg)
    total = run(inputs, {**params, "reduction": "sum"})["loss"]
    mean = run(inputs, {**params, "reduction": "mean"})["loss"]
    assert_close(total, rows.sum(), bound, "'sum' versus the sum of the rows")
    assert_close(mean, rows.mean(), bound, "'mean' versus the mean over every row")
