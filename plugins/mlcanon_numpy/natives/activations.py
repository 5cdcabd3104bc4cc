"""Activations in NumPy."""

from __future__ import annotations

import numpy as np


def softmax(x: np.ndarray, *, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    z = x / np.asarray(temperature, dtype=x.dtype)
    z = z - np.max(z, axis=axis, keepdims=True)  # the shift keeps exp from overflowing
    e = np.exp(z)
    return e / np.sum(e, axis=axis, keepdims=True)


def _finite_max(x: np.ndarray, axis: int) -> np.ndarray:
    """The max along ``axis`` (kept), replaced by 0 where it is +-inf so x - m stays finite."""
    m = np.max(x, axis=axis, keepdims=True)
    return np.where(np.isfinite(m), m, 0).astype(x.dtype)


def log_softmax(x: np.ndarray, *, axis: int = -1) -> np.ndarray:
    z = x - _finite_max(x, axis)
    with np.errstate(divide="ignore"):
        return z - np.log(np.sum(np.exp(z), axis=axis, keepdims=True))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    # exp(-|x|) never overflows; for x < 0 the ratio e / (1 + e) keeps the tail's digits.
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid(x: np.ndarray) -> np.ndarray:
    return _sigmoid(x)


def silu(x: np.ndarray, *, beta: float = 1.0) -> np.ndarray:
    return x * _sigmoid(x if beta == 1.0 else np.asarray(beta, dtype=x.dtype) * x)


_SERIES_TERMS, _FRACTION_TERMS, _SWITCH = 40, 100, 1.5


def _erfc_nonnegative(a: np.ndarray) -> np.ndarray:
    """erfc(a) for a >= 0 in float64, to about 1e-15 relative.

    Below the switch: 1 - erf(a), erf from its series of positive terms
    2/sqrt(pi) exp(-a^2) sum_n (2a^2)^n a / (2n+1)!!. Above: the continued fraction
    exp(-a^2)/sqrt(pi) / (a + (1/2)/(a + 1/(a + (3/2)/(a + ...)))), evaluated bottom-up.
    """
    small = np.minimum(a, _SWITCH)
    term = small.copy()
    total = small.copy()
    for n in range(1, _SERIES_TERMS):
        term = term * (2 * small * small) / (2 * n + 1)
        total = total + term
    erf_small = 2 / np.sqrt(np.pi) * np.exp(-small * small) * total
    large = np.maximum(a, _SWITCH)
    tail = large.copy()
    for k in range(_FRACTION_TERMS, 0, -1):
        tail = large + (k / 2) / tail
    erfc_large = np.exp(-large * large) / np.sqrt(np.pi) / tail
    return np.where(a < _SWITCH, 1 - erf_small, erfc_large)


def _normal_cdf(x: np.ndarray) -> np.ndarray:
    """Phi(x) = erfc(-x / sqrt 2) / 2 in float64, accurate relative to Phi in both tails."""
    x = x.astype(np.float64)
    half_erfc = _erfc_nonnegative(np.abs(x) / np.sqrt(2.0)) / 2
    return np.where(x < 0, half_erfc, 1 - half_erfc)


def gelu(x: np.ndarray, *, approximate: str | None = None) -> np.ndarray:
    if approximate in (None, "none"):
        # NumPy has no erf: Phi comes from _erfc_nonnegative in float64, then the dtype.
        return (x.astype(np.float64) * _normal_cdf(x)).astype(x.dtype)
    if approximate == "tanh":
        c = np.asarray(np.sqrt(2 / np.pi), dtype=x.dtype)
        with np.errstate(over="ignore"):  # x^3 may overflow; tanh(+-inf) = +-1 is right
            inner = c * (x + np.asarray(0.044715, dtype=x.dtype) * x**3)
        return 0.5 * x * (1 + np.tanh(inner))
    msg = f"approximate must be None (exact) or 'tanh', got {approximate!r}"
    raise ValueError(msg)
