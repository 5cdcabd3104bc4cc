"""MLX native bindings: information theory (mlx.nn.losses.kl_div_loss)."""

from __future__ import annotations

import mlx.core as mx
import mlx.nn as nn

from mlcanon import native
from mlcanon_mlx.deviations import cases as _cases


@native("mlx.nn.losses.kl_div_loss", only={"base": "e"})
def kl_divergence(p: mx.array, q: mx.array, *, axis: int = -1,
                  base: float | str = "e") -> mx.array:
    # kl_div_loss(inputs, targets) takes both distributions as logs: sum exp(t) (t - i)
    return nn.losses.kl_div_loss(mx.log(q), mx.log(p), axis=axis, reduction="none")


# -- known deviations (measured with mlx 0.32.4 on the CPU) --------------------------

_KL_ZERO = (
    "mlx.nn.losses.kl_div_loss takes both distributions as logs and sums exp(t) (t - i): "
    "a zero probability gives 0 * (-inf) = NaN instead of the canon's 0 log 0 = 0",
    "https://ml-explore.github.io/mlx/build/html/python/nn/_autosummary_functions/mlx.nn.losses.kl_div_loss.html",
)

KNOWN_DEVIATIONS = (
    *_cases("kl_divergence", ("zero_divergence", "zero_in_p"), *_KL_ZERO),
)
