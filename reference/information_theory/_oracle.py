"""Oracle helpers that several information_theory concepts share."""

from __future__ import annotations

from mlcanon import mparray as mpa

mp = mpa.mp


def log_base(base: object) -> object:
    return mp.mpf(1) if base == "e" else mp.log(mp.mpf(base))


def plogp_over(p: object, q: object) -> object:
    """p * log(p / q) with 0 * log(0 / q) = 0 and p * log(p / 0) = +inf for p > 0."""
    if p == 0:
        return mp.mpf(0)
    if q == 0:
        return mp.inf
    return p * mp.log(p / q)

