"""Oracles of the activations family: plain formulas at mpmath precision."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("softmax")
def softmax(x: np.ndarray, *, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    z = x / mpa.mpf(temperature)
    z = z - np.max(z, axis=axis, keepdims=True)
    e = mpa.exp(z)
    return e / np.sum(e, axis=axis, keepdims=True)


@oracle("log_softmax")
def log_softmax(x: np.ndarray, *, axis: int = -1) -> np.ndarray:
    # x_i - log sum_j exp(x_j); at 50 digits exp cannot overflow, so no shift is needed.
    return x - mpa.log(np.sum(mpa.exp(x), axis=axis, keepdims=True))


@oracle("sigmoid")
def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + mpa.exp(-x))


@oracle("gelu")
def gelu(x: np.ndarray, *, approximate: str | None = None) -> np.ndarray:
    if approximate not in (None, "tanh"):
        msg = f"approximate must be None (exact) or 'tanh', got {approximate!r}"
        raise ValueError(msg)
    half = mpa.mpf("0.5")
    if approximate is None:
        return half * x * (1 + mpa.erf(x / mpa.sqrt(2)))
    inner = mpa.sqrt(2 / mpa.mp.pi) * (x + mpa.mpf("0.044715") * x**3)
    return half * x * (1 + mpa.tanh(inner))


@oracle("silu")
def silu(x: np.ndarray, *, beta: float = 1.0) -> np.ndarray:
    return x / (1 + mpa.exp(-mpa.mpf(beta) * x))
