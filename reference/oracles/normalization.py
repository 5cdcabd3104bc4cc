"""Oracles of the normalization family: plain formulas at mpmath precision."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _mean(x: np.ndarray, axis: int | tuple[int, ...]) -> np.ndarray:
    count = np.prod([x.shape[a] for a in np.atleast_1d(axis)])
    return np.sum(x, axis=axis, keepdims=True) / mpa.mpf(int(count))


def _biased_var(x: np.ndarray, axis: int | tuple[int, ...]) -> np.ndarray:
    return _mean((x - _mean(x, axis)) ** 2, axis)


@oracle("standardize")
def standardize(x: np.ndarray, *, axis: int = 0, ddof: int = 0,
                eps: float = 1e-12) -> np.ndarray:
    n = x.shape[axis]
    if n - ddof <= 0:
        msg = f"ddof={ddof} leaves no degrees of freedom for {n} values"
        raise ValueError(msg)
    mu = np.sum(x, axis=axis, keepdims=True) / mpa.mpf(n)
    sigma = mpa.sqrt(np.sum((x - mu) ** 2, axis=axis, keepdims=True) / mpa.mpf(n - ddof))
    scale = np.broadcast_to(sigma + mpa.mpf(eps), x.shape)
    centered = x - mu
    # a constant column with eps = 0 is 0/0: NaN, as IEEE division gives
    return np.where(scale == 0, mpa.mpf("nan"), centered / np.where(scale == 0, 1, scale))


@oracle("layer_norm")
def layer_norm(x: np.ndarray, weight: np.ndarray | None = None, bias: np.ndarray | None = None,
               *, eps: float = 1e-5) -> np.ndarray:
    y = (x - _mean(x, -1)) / mpa.sqrt(_biased_var(x, -1) + mpa.mpf(eps))
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y


@oracle("rms_norm")
def rms_norm(x: np.ndarray, weight: np.ndarray | None = None, *,
             eps: float = 1e-6) -> np.ndarray:
    y = x / mpa.sqrt(_mean(x * x, -1) + mpa.mpf(eps))
    return y if weight is None else y * weight


@oracle("batch_norm")
def batch_norm(x: np.ndarray, running_mean: np.ndarray, running_var: np.ndarray,
               weight: np.ndarray | None = None, bias: np.ndarray | None = None, *,
               eps: float = 1e-5, momentum: float = 0.1) -> tuple[np.ndarray, ...]:
    axes = (0, *range(2, x.ndim))
    channel = (1, -1) + (1,) * (x.ndim - 2)  # broadcast (C,) against (N, C, ...)
    mean = _mean(x, axes)
    var = _biased_var(x, axes)
    y = (x - mean) / mpa.sqrt(var + mpa.mpf(eps))
    if weight is not None:
        y = y * weight.reshape(channel)
    if bias is not None:
        y = y + bias.reshape(channel)
    m = mpa.mpf(momentum)
    new_mean = (1 - m) * running_mean + m * mean.reshape(-1)
    new_var = (1 - m) * running_var + m * var.reshape(-1)
    return y, new_mean, new_var
