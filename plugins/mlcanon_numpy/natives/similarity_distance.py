"""Similarities and distances in NumPy."""

from __future__ import annotations

import numpy as np


def cosine_similarity(a: np.ndarray, b: np.ndarray, *, axis: int = -1,
                      eps: float = 1e-8) -> np.ndarray:
    a, b = np.broadcast_arrays(a, b)
    floor = np.asarray(eps, dtype=a.dtype)
    # each norm is clamped on its own (torch's rule): a zero vector gives 0, not 0/0
    norm_a = np.maximum(np.linalg.vector_norm(a, axis=axis), floor)
    norm_b = np.maximum(np.linalg.vector_norm(b, axis=axis), floor)
    return np.sum(a * b, axis=axis) / (norm_a * norm_b)


def euclidean_distance(a: np.ndarray, b: np.ndarray, *, axis: int = -1) -> np.ndarray:
    d = a - b  # the difference form: d(x, x) is exactly 0
    # scaled by max|d_i| (1 where all are 0) so the squares cannot overflow
    scale = np.max(np.abs(d), axis=axis, keepdims=True)
    scale = np.where(scale == 0, 1, scale).astype(d.dtype)
    norm = np.linalg.vector_norm(d / scale, axis=axis)
    return norm * np.squeeze(scale, axis=axis)
