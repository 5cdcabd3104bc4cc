"""ELMo's scalar mix on any array namespace: softmax-normalized layer weights (max-shifted),
a weighted sum over the layer axis, one global scale."""

from __future__ import annotations

from typing import Any


def elmo_scalar_mix(xp: Any, h: Any, s: Any, gamma: Any = None) -> Any:
    if h.ndim < 2 or s.ndim != 1 or s.shape[0] != h.shape[0]:
        msg = (f"h {tuple(h.shape)} must be (L, ..., D) and s {tuple(s.shape)} (L,) with the "
               f"same L")
        raise ValueError(msg)
    if gamma is not None and gamma.ndim != 0:
        msg = f"gamma must be a scalar, got shape {tuple(gamma.shape)}"
        raise ValueError(msg)
    e = xp.exp(s - xp.max(s))  # the shift keeps exp from overflowing
    weights = e / xp.sum(e)
    mix = xp.sum(xp.reshape(weights, (h.shape[0],) + (1,) * (h.ndim - 1)) * h, axis=0)
    return mix if gamma is None else gamma * mix
