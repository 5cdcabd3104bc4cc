"""KL divergence on any array namespace, with rel_entr's rules for zeros."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.information_theory._portable import check_axis, log_of_base


def kl_divergence(xp: Any, p: Any, q: Any, *, axis: int = -1,
                  base: float | str = "e") -> Any:
    scale = log_of_base(base)
    if p.shape != q.shape:
        msg = f"p and q must have the same shape, got {p.shape} and {q.shape}"
        raise ValueError(msg)
    check_axis(p, axis)
    positive = p > 0
    ones = xp.ones_like(p)
    # Where p = 0 the term is 0 even for q = 0 (no 0 log 0/0 = NaN, in value or gradient);
    # where p > 0 = q the ratio is +inf and so is the divergence.
    ratio = xp.where(positive, p, ones) / xp.where(positive, q, ones)
    terms = xp.where(positive, p * xp.log(ratio), xp.zeros_like(p))
    return xp.sum(terms, axis=axis) / scale
