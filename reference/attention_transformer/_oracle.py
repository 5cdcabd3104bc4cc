"""Oracle helpers that several attention_transformer concepts share."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa


def allowed_keys(lq: int, lk: int, mask: np.ndarray | None, is_causal: bool,
                  batch: tuple[int, ...]) -> np.ndarray:
    """Boolean (..., Lq, Lk): True where query i may attend to key j."""
    allowed = np.ones((*batch, lq, lk), dtype=bool)
    if mask is not None:
        allowed = allowed & np.asarray(mask, dtype=bool)
    if is_causal:
        i = np.arange(lq)[:, None]
        j = np.arange(lk)[None, :]
        allowed = allowed & (j <= i)  # top-left aligned: key j is visible to query i iff j <= i
    return allowed


def attend(q: np.ndarray, k: np.ndarray, v: np.ndarray, allowed: np.ndarray,
            scale: object) -> np.ndarray:
    """softmax over the allowed keys of (q k^T * scale), times v; rows with no key give 0."""
    scores = np.matmul(q, np.swapaxes(k, -1, -2)) * scale
    some = np.any(allowed, axis=-1, keepdims=True)
    shift = np.max(np.where(allowed, scores, mpa.mpf("-inf")), axis=-1, keepdims=True)
    shift = np.where(some, shift, mpa.mpf(0))
    e = np.where(allowed, mpa.exp(scores - shift), mpa.mpf(0))
    total = np.sum(e, axis=-1, keepdims=True)
    weights = e / np.where(some, total, mpa.mpf(1))
    return np.matmul(weights, v)


def frequencies(d: int, base: float) -> np.ndarray:
    """theta_i = base^(-2i/d) for i = 0 .. d/2 - 1."""
    b = mpa.mpf(base)
    return np.array([b ** (-mpa.mpf(2 * i) / d) for i in range(d // 2)], dtype=object)

