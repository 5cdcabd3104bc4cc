"""Property checks of ssm_discretization (named by the spec's cases)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from mlcanon import dtypes
from mlcanon.checks import assert_close, property_check


def _tiny(dtype: str) -> float:
    """A floor for results near the subnormal range, which JAX flushes to zero."""
    return 64 * float(np.finfo(np.dtype(dtype)).tiny)


@property_check("ssm_linear_in_input")
def ssm_linear_in_input(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                        dtype: str, bound: Any) -> None:
    """The system is linear and time-invariant: y(2u) = 2·y(u) exactly (a power of two),
    and delaying u by one step delays y by one step (from the zero state). Results in the
    subnormal range may be flushed to zero (XLA on CPU): a flushed y(u) < tiny makes
    y(2u) < 2 tiny against 0, which is allowed; the property is about linearity, not
    subnormals."""
    base = run(inputs, params)["y"].astype(np.float64)
    doubled = run({**inputs, "u": 2 * inputs["u"]}, params)["y"]
    flushed = replace(bound, printed_atol=bound.printed_atol + 2 * dtypes.tiny(dtype))
    assert_close(doubled, 2 * base, flushed, "y of 2u versus 2·y(u)")
    u = inputs["u"]
    shifted_u = np.concatenate([np.zeros_like(u[..., :1]), u[..., :-1]], axis=-1)
    shifted = run({**inputs, "u": shifted_u}, params)["y"]
    want = np.concatenate([np.zeros_like(base[..., :1]), base[..., :-1]], axis=-1)
    scale = np.max(np.abs(base), initial=1.0)
    floor = bound.printed_atol + _tiny(dtype)
    loose = type(bound)(bound.eps, bound.k, floor + bound.k * bound.eps * scale)
    assert_close(shifted, want, loose, "y of u delayed one step versus y delayed one step")
