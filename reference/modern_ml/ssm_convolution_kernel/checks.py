"""Property checks of ssm_convolution_kernel (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


def _tiny(dtype: str) -> float:
    """A floor for results near the subnormal range, which JAX flushes to zero."""
    return 64 * float(np.finfo(np.dtype(dtype)).tiny)


@property_check("kernel_matches_recurrence")
def kernel_matches_recurrence(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any) -> None:
    """The convolutional and recurrent views agree: y equals C·x_k of the recurrence
    x_k = A_bar x_{k-1} + B_bar u_k run in float64 on the same (rounded) inputs."""
    a, b, c, u = (inputs[k].astype(dtype).astype(np.float64) for k in ("A_bar", "B_bar", "C", "u"))
    state = np.zeros(u.shape[:-1] + a.shape)
    want = np.empty(u.shape)
    for k in range(u.shape[-1]):
        state = a * state + b * u[..., k, None]
        want[..., k] = state @ c
    scale = np.sum(np.abs(u), axis=-1, keepdims=True).max(initial=1.0) * np.sum(np.abs(b * c))
    floor = bound.printed_atol + _tiny(dtype)
    loose = type(bound)(bound.eps, bound.k, floor + bound.k * bound.eps * scale)
    assert_close(run(inputs, params)["y"], want, loose, "y versus the recurrence")
