"""Categorical cross-entropy of probability rows on any array namespace (no clipping)."""

from __future__ import annotations

from typing import Any

from array_api_compat import size

from mlcanon_reference.losses._portable import check_reduction, check_same_shape, reduce


def categorical_cross_entropy(xp: Any, p: Any, y: Any, *, eps: float | None = None,
                              reduction: str | None = "mean") -> Any:
    _check(xp, p, y, eps, reduction)
    shifted = p if eps is None else p + eps
    # y ln p with 0 ln p = 0: log(1) where y = 0, so a zero probability of a class the
    # target does not hold gives 0 rather than 0 * -inf = nan (in the gradient too)
    terms = y * xp.log(xp.where(y == 0, xp.ones_like(shifted), shifted))
    # 0.0 - sum keeps a perfect prediction at +0.0 instead of -0.0
    loss = 0.0 - xp.sum(terms, axis=-1)
    return reduce(xp, loss, reduction)


def _check(xp: Any, p: Any, y: Any, eps: float | None, reduction: str | None) -> None:
    check_reduction(reduction)
    check_same_shape(p, y, "p", "y")
    if eps is not None and not eps >= 0:
        msg = f"eps must be >= 0 (or None), got {eps!r}"
        raise ValueError(msg)
    # logits passed by mistake: ln of a negative score is nan, of a score > 1 negative
    if size(p) and not bool(xp.all((p >= 0) & (p <= 1))):
        msg = "p must hold probabilities in [0, 1] (pass logits to cross_entropy_from_logits)"
        raise ValueError(msg)
