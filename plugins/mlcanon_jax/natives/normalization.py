"""Normalization in JAX."""

from __future__ import annotations

import jax
import jax.numpy as jnp


def _check_feature_vector(name: str, value: jnp.ndarray | None, size: int) -> None:
    if value is not None and value.shape != (size,):
        msg = f"{name} has shape {value.shape}, expected ({size},)"
        raise ValueError(msg)


def _normalize(x: jnp.ndarray, axis: int | tuple[int, ...], eps: float) -> jnp.ndarray:
    # jax.nn.standardize defaults to algorithm="fast", the one-pass mean(x^2) - mean^2,
    # which loses every digit for data far from zero; "stable" is the two-pass variance.
    return jax.nn.standardize(x, axis=axis, epsilon=eps, algorithm="stable")


def standardize(x: jnp.ndarray, *, axis: int = 0, ddof: int = 0,
                eps: float = 1e-12) -> jnp.ndarray:
    n = x.shape[axis]
    if n - ddof <= 0:
        msg = f"ddof={ddof} leaves no degrees of freedom for {n} values along axis {axis}"
        raise ValueError(msg)
    mean = jnp.mean(x, axis=axis, keepdims=True)
    std = jnp.std(x, axis=axis, ddof=ddof, keepdims=True)
    return (x - mean) / (std + eps)


def layer_norm(x: jnp.ndarray, weight: jnp.ndarray | None = None,
               bias: jnp.ndarray | None = None, *, eps: float = 1e-5) -> jnp.ndarray:
    d = x.shape[-1]
    _check_feature_vector("weight", weight, d)
    _check_feature_vector("bias", bias, d)
    # float16 statistics are taken in float32 (as flax does), the result rounded back
    y = _normalize(x.astype(jnp.promote_types(x.dtype, jnp.float32)), -1, eps)
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y.astype(x.dtype)


def rms_norm(x: jnp.ndarray, weight: jnp.ndarray | None = None, *,
             eps: float = 1e-6) -> jnp.ndarray:
    _check_feature_vector("weight", weight, x.shape[-1])
    y = x * jax.lax.rsqrt(jnp.mean(jnp.square(x), axis=-1, keepdims=True) + eps)
    return y if weight is None else y * weight


def batch_norm(x: jnp.ndarray, running_mean: jnp.ndarray, running_var: jnp.ndarray,
               weight: jnp.ndarray | None = None, bias: jnp.ndarray | None = None, *,
               eps: float = 1e-5, momentum: float = 0.1) -> tuple[jnp.ndarray, ...]:
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
    y = _normalize(x, axes, eps)
    if weight is not None:
        y = y * weight.reshape(channel)
    if bias is not None:
        y = y + bias.reshape(channel)
    mean = jnp.mean(x, axis=axes)
    var = jnp.var(x, axis=axes)  # biased: the same variance normalizes and is averaged
    new_mean = (1 - momentum) * running_mean + momentum * mean
    new_var = (1 - momentum) * running_var + momentum * var
    return y, new_mean, new_var
