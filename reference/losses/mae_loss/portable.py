"""Mean absolute error on any array namespace, with subgradient 0 at a zero residual."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import size

from mlcanon_reference.losses._portable import check_reduction, check_same_shape, reduce


def mae_loss(xp: Any, pred: Any, target: Any, *, reduction: str | None = "mean") -> Any:
    check_reduction(reduction)
    check_same_shape(pred, target, "pred", "target")
    r = pred - target
    # max(r, -r) rather than abs(r): autograd splits a tie evenly, so the subgradient at
    # r = 0 is 0 (sign(0)), where jax.grad(jnp.abs)(0.0) is 1; + 0.0 turns the -0.0 that
    # max(0.0, -0.0) may return into +0.0
    loss = xp.maximum(r, -r) + 0.0
    return reduce(xp, loss, reduction, mean=lambda values: _mean(xp, values))


def _mean(xp: Any, loss: Any) -> Any:
    total = xp.sum(loss)
    # the mean of nothing is 0/0 = nan; multiplying keeps NumPy from warning about 0/0
    return total * math.nan if size(loss) == 0 else total / size(loss)
