"""Sampling and decoding in NumPy."""

from __future__ import annotations

import numpy as np


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def top_p_filter(logits: np.ndarray, *, p: float = 0.9,
                 keep_crossing_token: bool = True) -> tuple[np.ndarray, np.ndarray]:
    if not 0.0 <= p <= 1.0:
        msg = f"p must lie in [0, 1], got {p!r}"
        raise ValueError(msg)
    order = np.argsort(-logits, axis=-1, kind="stable")  # descending; ties: lower index
    ranked = _softmax(np.take_along_axis(logits, order, axis=-1))
    through = np.cumsum(ranked, axis=-1)
    if keep_crossing_token:
        keep_ranked = (through - ranked) < p
        keep_ranked[..., 0] = True
    else:
        keep_ranked = through <= p
    keep = np.take_along_axis(keep_ranked, np.argsort(order, axis=-1), axis=-1)
    filtered = np.where(keep, logits, np.asarray(-np.inf, dtype=logits.dtype))
    with np.errstate(invalid="ignore"):  # nothing kept: 0/0 = NaN, as the canon says
        probs = _softmax(filtered)
    return filtered, probs


def temperature_sampling(logits: np.ndarray, *, temperature: float = 1.0,
                         num_samples: int = 1, seed: int = 0) -> np.ndarray:
    if not temperature > 0:
        msg = f"temperature must be > 0, got {temperature!r}"
        raise ValueError(msg)
    rng = np.random.default_rng(seed)
    z = logits / np.asarray(temperature, dtype=logits.dtype)
    # Gumbel-max: argmax(z + G) ~ Categorical(softmax(z)); -inf logits can never win
    noise = rng.gumbel(size=(*z.shape[:-1], num_samples, z.shape[-1]))
    return np.argmax(z[..., None, :] + noise, axis=-1).astype(np.int64)
