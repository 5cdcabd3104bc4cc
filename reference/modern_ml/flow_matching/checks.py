"""Property checks of flow_matching (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


def _tiny(dtype: str) -> float:
    """A floor for results near the subnormal range, which JAX flushes to zero."""
    return 64 * float(np.finfo(np.dtype(dtype)).tiny)


@property_check("straight_path")
def straight_path(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                  dtype: str, bound: Any) -> None:
    """The path is straight: from x_t, moving (1 - t) along the target lands on the end
    point x1 + sigma_min·x0, whatever t; and predicting the target costs nothing."""
    out = run(inputs, params)
    x0, x1, t = (inputs[k].astype(dtype).astype(np.float64) for k in ("x0", "x1", "t"))
    time = t.reshape(t.shape + (1,) * (x0.ndim - t.ndim))
    end = out["xt"].astype(np.float64) + (1 - time) * out["target"].astype(np.float64)
    sigma_min = float(params.get("sigma_min", 0.0))
    scale = np.max(np.abs(x0) + np.abs(x1), initial=1.0)
    floor = bound.printed_atol + _tiny(dtype)
    loose = type(bound)(bound.eps, bound.k, floor + 4 * bound.eps * scale)
    assert_close(end, x1 + sigma_min * x0, loose, "x_t + (1 - t)·target versus the end point")
    exact = run({**inputs, "v_pred": out["target"]}, params)["loss"]
    assert_close(exact, 0.0, loose, "loss of a prediction equal to the target")
