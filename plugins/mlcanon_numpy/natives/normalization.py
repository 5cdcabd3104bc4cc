"""Normalization in NumPy."""

from __future__ import annotations

import numpy as np


def _compute_dtype(x: np.ndarray) -> np.dtype:
    # float16 statistics are taken in float32 (as torch and flax do), then rounded back
    return np.promote_types(x.dtype, np.float32)


def _check_feature_vector(name: str, value: np.ndarray | None, size: int) -> None:
    if value is not None and value.shape != (size,):
        msg = f"{name} has shape {value.shape}, expected ({size},)"
        raise ValueError(msg)


def standardize(x: np.ndarray, *, axis: int = 0, ddof: int = 0,
                eps: float = 1e-12) -> np.ndarray:
    n = x.shape[axis]
    if n - ddof <= 0:
        msg = f"ddof={ddof} leaves no degrees of freedom for {n} values along axis {axis}"
        raise ValueError(msg)
    mean = np.mean(x, axis=axis, keepdims=True)
    std = np.std(x, axis=axis, ddof=ddof, keepdims=True)
    with np.errstate(invalid="ignore"):  # eps = 0 on a constant column: 0/0 = NaN
        return (x - mean) / (std + x.dtype.type(eps))


def layer_norm(x: np.ndarray, weight: np.ndarray | None = None,
               bias: np.ndarray | None = None, *, eps: float = 1e-5) -> np.ndarray:
    d = x.shape[-1]
    _check_feature_vector("weight", weight, d)
    _check_feature_vector("bias", bias, d)
    z = x.astype(_compute_dtype(x))
    mean = np.mean(z, axis=-1, keepdims=True)
    var = np.var(z, axis=-1, keepdims=True)  # biased (ddof = 0), two-pass
    with np.errstate(invalid="ignore"):  # eps = 0 on a constant row: 0/0 = NaN
        y = (z - mean) / np.sqrt(var + eps)
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y.astype(x.dtype)


def rms_norm(x: np.ndarray, weight: np.ndarray | None = None, *,
             eps: float = 1e-6) -> np.ndarray:
    _check_feature_vector("weight", weight, x.shape[-1])
    with np.errstate(invalid="ignore", divide="ignore"):  # eps = 0 on a zero row: NaN
        y = x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + x.dtype.type(eps))
    return y if weight is None else y * weight


def batch_norm(x: np.ndarray, running_mean: np.ndarray, running_var: np.ndarray,
               weight: np.ndarray | None = None, bias: np.ndarray | None = None, *,
               eps: float = 1e-5, momentum: float = 0.1) -> tuple[np.ndarray, ...]:
    if x.ndim < 2:
        msg = f"batch_norm needs (N, C, ...) input, got shape {x.shape}"
        raise ValueError(msg)
    channels = x.shape[1]
    for name, value in [("running_mean", running_mean), ("running_var", running_var),
                        ("weight", weight), ("bias", bias)]:
        _check_feature_vector(name, value, channels)
    if x.size // channels <= 1:
        msg = f"batch statistics need more than one value per channel, got shape {x.shape}"
        raise ValueError(msg)
    axes = (0, *range(2, x.ndim))
    channel = (1, channels) + (1,) * (x.ndim - 2)
    mean = np.mean(x, axis=axes)
    var = np.var(x, axis=axes)  # biased: the same variance normalizes and is averaged
    with np.errstate(invalid="ignore"):  # eps = 0 on a constant channel: 0/0 = NaN
        y = (x - mean.reshape(channel)) / np.sqrt(var.reshape(channel) + x.dtype.type(eps))
    if weight is not None:
        y = y * weight.reshape(channel)
    if bias is not None:
        y = y + bias.reshape(channel)
    m = x.dtype.type(momentum)
    new_mean = (1 - m) * running_mean + m * mean
    new_var = (1 - m) * running_var + m * var
    return y, new_mean, new_var
