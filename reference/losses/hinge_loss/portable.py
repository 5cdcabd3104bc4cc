"""Hinge loss on any array namespace, for labels -1 and +1."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import size

from mlcanon_reference.losses._portable import check_reduction, check_same_shape, reduce


def hinge_loss(xp: Any, scores: Any, y: Any, *, margin: float = 1.0,
               reduction: str | None = "mean") -> Any:
    check_reduction(reduction)
    check_same_shape(scores, y, "scores", "y")
    # 0/1 labels would make every negative example cost max(0, margin) whatever its score
    if size(y) and not bool(xp.all((y == 1) | (y == -1))):
        msg = "labels y must be -1 or +1 (not 0/1)"
        raise ValueError(msg)
    loss = xp.maximum(margin - y * scores, 0.0)
    return reduce(xp, loss, reduction, mean=lambda values: _mean(xp, values))


def _mean(xp: Any, loss: Any) -> Any:
    total = xp.sum(loss)
    # the mean of nothing is 0/0 = nan; multiplying keeps NumPy from warning about 0/0
    return total * math.nan if size(loss) == 0 else total / size(loss)
