"""The logit on any array namespace: log p - log1p(-p), exact 1 - p near 1."""

from __future__ import annotations

from typing import Any


def logit_function(xp: Any, p: Any) -> Any:
    # log of a negative number is NaN (p < 0 or p > 1); log(0) = -inf gives the endpoints
    return xp.log(p) - xp.log1p(-p)
