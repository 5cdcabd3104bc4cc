"""Oracles of the information_theory family: plain sums at mpmath precision."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _log_base(base: object) -> object:
    return mp.mpf(1) if base == "e" else mp.log(mp.mpf(base))


def _plogp_over(p: object, q: object) -> object:
    """p * log(p / q) with 0 * log(0 / q) = 0 and p * log(p / 0) = +inf for p > 0."""
    if p == 0:
        return mp.mpf(0)
    if q == 0:
        return mp.inf
    return p * mp.log(p / q)


@oracle("entropy")
def entropy(p: np.ndarray, *, axis: int = -1, base: object = "e") -> np.ndarray:
    terms = np.vectorize(lambda v: -_plogp_over(v, 1), otypes=[object])(p)
    return np.sum(terms, axis=axis) / _log_base(base)


@oracle("kl_divergence")
def kl_divergence(p: np.ndarray, q: np.ndarray, *, axis: int = -1,
                  base: object = "e") -> np.ndarray:
    p, q = np.broadcast_arrays(p, q)
    terms = np.vectorize(_plogp_over, otypes=[object])(p, q)
    return np.sum(terms, axis=axis) / _log_base(base)
