"""MLX native bindings: normalization (mlx.core.fast)."""

from __future__ import annotations

import mlx.core as mx
import mlx.nn as nn
import numpy as np

from mlcanon import Backend, DefaultProbe, native
from mlcanon_mlx.deviations import cases as _cases


@native("mlx.core.fast.layer_norm")
def layer_norm(x: mx.array, weight: mx.array | None = None, bias: mx.array | None = None, *,
               eps: float = 1e-5) -> mx.array:
    return mx.fast.layer_norm(x, weight, bias, eps)


@native("mlx.core.fast.rms_norm")
def rms_norm(x: mx.array, weight: mx.array | None = None, *, eps: float = 1e-6) -> mx.array:
    return mx.fast.rms_norm(x, weight, eps)


#: rows whose mean square (2.5e-7 and 1e-6) is of the order of the epsilons in question
SMALL = [[5e-4, -5e-4], [1e-3, 1e-3]]


def default_probes(backend: Backend) -> list[DefaultProbe]:
    # mx.fast.layer_norm and rms_norm take eps without a default: the modules' are probed
    def a() -> mx.array:
        return backend.from_numpy(np.asarray(SMALL))

    return [
        DefaultProbe("layer_norm", "which epsilon by default?",
                     "mlx.nn.LayerNorm(dims, affine=False)(x)", {"x": SMALL},
                     lambda: nn.LayerNorm(2, affine=False)(a())),
        DefaultProbe("rms_norm", "which epsilon by default?", "mlx.nn.RMSNorm(dims)(x)",
                     {"x": SMALL}, lambda: nn.RMSNorm(2)(a())),
    ]


# -- known deviations (measured with mlx 0.32.4 on the CPU) --------------------------

_FAST64 = (
    "mx.fast.layer_norm and mx.fast.rms_norm accept float64 but normalize in float32 "
    "precision: layer_norm([1, 2, 3, 4]) is -1.3416354656219482 for -1.3416354199689269 "
    "(4.6e-8 absolute)",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.fast.layer_norm.html",
)

KNOWN_DEVIATIONS = (
    *_cases("layer_norm", (
        "book_001_26_tiny_variance", "book_001_26_unit_steps", "constant_row_gives_zero",
        "eps_inside_sqrt_tiny_variance", "float16_large_values", "grad_affine", "grad_rows",
        "large_offset_two_pass_variance", "random_affine", "random_rows",
        "rows_have_mean_0_variance_1", "weight_and_bias_per_feature",
    ), *_FAST64, dtype="float64"),
    *_cases("rms_norm", (
        "book_001_27_per_row", "book_001_27_vector", "eps_dominates_tiny_input", "grad_gain",
        "grad_rows", "per_row_not_global", "random_gain", "random_rows", "rows_have_unit_rms",
        "zero_row_and_gain",
    ), *_FAST64, dtype="float64"),
)
