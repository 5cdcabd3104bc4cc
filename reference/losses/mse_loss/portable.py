"""Mean squared error on any array namespace, with the canon's shape and reduction checks."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import size

from mlcanon_reference.losses._portable import check_reduction, check_same_shape, reduce


def mse_loss(xp: Any, pred: Any, target: Any, *, reduction: str | None = "mean") -> Any:
    check_reduction(reduction)
    check_same_shape(pred, target, "pred", "target")
    return reduce(xp, (pred - target) ** 2, reduction, mean=lambda loss: _mean(xp, loss))


def _mean(xp: Any, loss: Any) -> Any:
    total = xp.sum(loss)
    count = size(loss)
    # the mean of nothing is 0/0 = nan; multiplying keeps NumPy from warning about 0/0
    return total * math.nan if count == 0 else total / count
