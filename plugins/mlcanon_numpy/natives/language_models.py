"""Language-model metrics in NumPy."""

from __future__ import annotations

import numpy as np


def perplexity(log_probs: np.ndarray, *, axis: int = -1,
               log_base: float | str = "e") -> np.ndarray:
    nll = -np.mean(log_probs, axis=axis)
    return np.exp(nll) if log_base == "e" else np.power(float(log_base), nll)
