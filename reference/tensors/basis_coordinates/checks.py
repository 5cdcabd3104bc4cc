"""Property checks of basis_coordinates (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("coordinates_rebuild_vector")
def coordinates_rebuild_vector(run: Any, inputs: dict[str, np.ndarray],
                               params: dict[str, Any], dtype: str, bound: Any) -> None:
    """sum_i c_i b_i = B c gives v back, and in the standard basis c is v itself.

    v is first scaled by a power of two (exactly) so that its largest entry lies in
    [1, 2): the identity is about the solve, and tiny draws would test subnormal handling,
    which the case subnormal_coordinates pins on its own."""
    v, basis = inputs["v"], inputs["basis"]
    peak = float(np.max(np.abs(v))) if v.size else 0.0
    if peak > 0:
        v = np.ldexp(v, -np.frexp(peak)[1] + 1).astype(v.dtype)
    c = run({"v": v, "basis": basis}, params)["c"].astype(np.float64)
    assert_close(basis.astype(np.float64) @ c, v.astype(np.float64), bound, "B c against v")
    identity = np.eye(v.shape[0], dtype=v.dtype)
    standard = run({"v": v, "basis": identity}, params)["c"].astype(np.float64)
    assert_close(standard, v.astype(np.float64), bound, "coordinates in the standard basis")
