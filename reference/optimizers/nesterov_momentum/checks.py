"""Property checks of nesterov_momentum (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("nesterov_library_is_lookahead")
def nesterov_library_is_lookahead(run: Any, inputs: dict[str, np.ndarray],
                                  params: dict[str, Any], dtype: str, bound: Any) -> None:
    """The library form's parameter is Sutskever's look-ahead point theta - lr beta v, and
    lr v_t = theta_(t-1) - theta_t, so library_t = (1 + beta) theta_t - beta theta_(t-1)."""
    beta = float(params.get("beta", 0.9))
    sutskever = run(inputs, {**params, "form": "sutskever"})["path"].astype(np.float64)
    library = run(inputs, {**params, "form": "library"})["path"]
    before = np.vstack([inputs["theta"].astype(np.float64)[None], sutskever[:-1]])
    ahead = (1 + beta) * sutskever - beta * before
    assert_close(library, ahead, bound, "library path against Sutskever's look-ahead points")
