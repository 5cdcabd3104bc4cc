"""Property checks of relative_position_bias (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("constant_table_changes_nothing")
def constant_table_changes_nothing(run: Any, inputs: dict[str, np.ndarray],
                                   params: dict[str, Any], dtype: str, bound: Any, *,
                                   output: str = "y") -> None:
    """A table whose rows are all one vector c adds q_i·c to every score of row i: the
    softmax ignores a per-row constant, so the output equals the one with a zero table."""
    r = inputs["r"]
    constant = np.broadcast_to(r[:1], r.shape).copy()
    with_constant = run({**inputs, "r": constant}, params)[output]
    with_zero = run({**inputs, "r": np.zeros_like(r)}, params)[output].astype(np.float64)
    assert_close(with_constant, with_zero, bound,
                 "output with every table row equal to r[0] against a zero table")
