"""Information theory in NumPy."""

from __future__ import annotations

import math

import numpy as np


def _log_base(base: float | str) -> float:
    return 1.0 if base == "e" else math.log(base)


def entropy(p: np.ndarray, *, axis: int = -1, base: float | str = "e") -> np.ndarray:
    positive = p > 0
    plogp = np.where(positive, p * np.log(np.where(positive, p, 1)), 0)  # 0 log 0 = 0
    return (0.0 - np.sum(plogp, axis=axis)) / _log_base(base)


def kl_divergence(p: np.ndarray, q: np.ndarray, *, axis: int = -1,
                  base: float | str = "e") -> np.ndarray:
    positive = p > 0
    with np.errstate(divide="ignore"):  # p > 0 = q is +inf
        ratio = np.where(positive, p, 1) / np.where(positive, q, 1)
    terms = np.where(positive, p * np.log(ratio), 0)  # 0 log(0 / q) = 0, also for q = 0
    return np.sum(terms, axis=axis) / _log_base(base)
