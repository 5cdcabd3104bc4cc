"""Binary cross-entropy from logits on any array namespace, in the overflow-free form."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.losses._portable import check_reduction, check_same_shape, reduce


def bce_with_logits(xp: Any, logits: Any, y: Any, *, reduction: str | None = "mean") -> Any:
    check_reduction(reduction)
    check_same_shape(logits, y, "logits", "y")
    z = logits
    relu = xp.maximum(z, 0.0)
    # -|z| written as z - 2 max(z, 0): autograd then gives sigmoid(z) - y at z = 0 whatever
    # subgradient max takes there, where abs(z) and max(z, 0) disagree and give 1 - y.
    # log1p keeps the tiny loss exp(-|z|) of a confident right prediction.
    loss = relu - z * y + xp.log1p(xp.exp(z - 2 * relu))
    return reduce(xp, loss, reduction)
