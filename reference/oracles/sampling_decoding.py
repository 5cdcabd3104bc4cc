"""Oracles of the sampling_decoding family: plain formulas at mpmath precision."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _softmax_last(z: np.ndarray) -> np.ndarray:
    """Softmax along the last axis of an object array; -inf entries get exactly 0."""
    top = np.max(z, axis=-1, keepdims=True)
    e = mpa.exp(z - top)
    return e / np.sum(e, axis=-1, keepdims=True)


@oracle("top_p_filter")
def top_p_filter(logits: np.ndarray, *, p: float = 0.9,
                 keep_crossing_token: bool = True) -> dict[str, np.ndarray]:
    if not 0.0 <= p <= 1.0:
        msg = f"p must lie in [0, 1], got {p!r}"
        raise ValueError(msg)
    p = mpa.mpf(p)
    probs = _softmax_last(logits)
    keep = np.zeros(logits.shape, dtype=bool)
    n = logits.shape[-1]
    for row in np.ndindex(logits.shape[:-1]):
        # rank by descending probability; equal probabilities: lower index first
        order = sorted(range(n), key=lambda i, row=row: (-probs[(*row, i)], i))
        before = mpa.mpf(0)  # probability mass of the tokens ranked above this one
        for rank, i in enumerate(order):
            mass = probs[(*row, i)]
            if keep_crossing_token:
                keep[(*row, i)] = rank == 0 or before < p
            else:
                keep[(*row, i)] = before + mass <= p
            before += mass
    filtered = np.where(keep, logits, mpa.mpf("-inf"))
    kept = np.where(keep, probs, mpa.mpf(0))
    total = np.sum(kept, axis=-1, keepdims=True)
    nan = mpa.mpf("nan")
    renormalized = np.vectorize(lambda a, t: a / t if t != 0 else nan, otypes=[object])(
        kept, np.broadcast_to(total, kept.shape))
    return {"filtered": filtered, "probs": renormalized}


@oracle("temperature_sampling")
def temperature_sampling(logits: np.ndarray, *, temperature: float = 1.0,
                         num_samples: int = 1, seed: int = 0) -> np.ndarray:
    """Only rows whose distribution is a point mass have a seed-free answer.

    A row with one finite logit and every other logit -inf draws that index every time,
    on every backend; any other row is random and is judged by the stochastic check
    ``categorical_fit`` instead, so the oracle refuses it.
    """
    if not temperature > 0:
        msg = f"temperature must be > 0, got {temperature!r}"
        raise ValueError(msg)
    probs = _softmax_last(logits / mpa.mpf(temperature))
    out = np.zeros((*logits.shape[:-1], num_samples), dtype=np.int64)
    for row in np.ndindex(logits.shape[:-1]):
        support = [i for i in range(logits.shape[-1]) if probs[(*row, i)] != 0]
        if len(support) != 1:
            msg = f"row {row} is not a point mass; its samples depend on the random stream"
            raise ValueError(msg)
        out[row] = support[0]
    return out
