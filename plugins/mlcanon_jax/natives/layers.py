"""Layers in JAX: jax.lax convolutions and windows, jax.random for dropout.

Matmul-like ops ask for Precision.HIGHEST: JAX's default on GPUs and TPUs uses TF32 or
bf16 passes for float32. Bad shapes and ids are checked first, because lax raises
TypeError for shapes and gathers clamp out-of-range ids silently.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
from jax import lax

HIGHEST = lax.Precision.HIGHEST


def _pair(value: Any, what: str) -> tuple[int, int]:
    pair = (value, value) if isinstance(value, int) else tuple(value)
    if len(pair) != 2:
        msg = f"{what} must be an int or a pair of ints, got {value!r}"
        raise ValueError(msg)
    return int(pair[0]), int(pair[1])


def _check_bias(bias: jnp.ndarray | None, out_features: int) -> None:
    if bias is not None and bias.shape != (out_features,):
        msg = f"bias shape {bias.shape} must be ({out_features},)"
        raise ValueError(msg)


def _check_window(x: jnp.ndarray, kernel: tuple[int, int], stride: tuple[int, int],
                  padding: tuple[int, int], dilation: tuple[int, int]) -> None:
    if min(stride) < 1 or min(dilation) < 1 or min(padding) < 0:
        msg = f"stride {stride} and dilation {dilation} must be >= 1, padding {padding} >= 0"
        raise ValueError(msg)
    for axis in (0, 1):
        span = dilation[axis] * (kernel[axis] - 1) + 1
        if span > x.shape[2 + axis] + 2 * padding[axis]:
            msg = f"kernel span {span} exceeds the padded input {x.shape[2:]} + 2·{padding}"
            raise ValueError(msg)


def linear_layer(x: jnp.ndarray, weight: jnp.ndarray, bias: jnp.ndarray | None = None
                 ) -> jnp.ndarray:
    if weight.ndim != 2 or x.ndim < 1 or x.shape[-1] != weight.shape[1]:
        msg = f"x {x.shape} does not match weight {weight.shape} (out_features, in_features)"
        raise ValueError(msg)
    _check_bias(bias, weight.shape[0])
    y = jnp.matmul(x, weight.T, precision=HIGHEST)
    return y if bias is None else y + bias


def conv2d(x: jnp.ndarray, weight: jnp.ndarray, bias: jnp.ndarray | None = None, *,
           stride: Any = 1, padding: Any = 0, dilation: Any = 1) -> jnp.ndarray:
    if x.ndim != 4 or weight.ndim != 4 or x.shape[1] != weight.shape[1]:
        msg = f"x {x.shape} (N, C, H, W) does not match weight {weight.shape} (O, C, kH, kW)"
        raise ValueError(msg)
    _check_bias(bias, weight.shape[0])
    steps, pad, dil = _pair(stride, "stride"), _pair(padding, "padding"), _pair(dilation,
                                                                               "dilation")
    _check_window(x, weight.shape[2:], steps, pad, dil)
    y = lax.conv_general_dilated(x, weight, window_strides=steps,
                                 padding=[(pad[0], pad[0]), (pad[1], pad[1])],
                                 rhs_dilation=dil, dimension_numbers=("NCHW", "OIHW", "NCHW"),
                                 precision=HIGHEST)
    return y if bias is None else y + bias[:, None, None]


def pooling(x: jnp.ndarray, *, kind: str = "max", kernel_size: Any = 2, stride: Any = None,
            padding: Any = 0) -> jnp.ndarray:
    if kind not in ("max", "avg"):
        msg = f"kind must be 'max' or 'avg', got {kind!r}"
        raise ValueError(msg)
    if x.ndim != 4:
        msg = f"x must be (N, C, H, W), got shape {x.shape}"
        raise ValueError(msg)
    kernel, pad = _pair(kernel_size, "kernel_size"), _pair(padding, "padding")
    steps = kernel if stride is None else _pair(stride, "stride")
    if pad[0] > kernel[0] // 2 or pad[1] > kernel[1] // 2:
        msg = f"padding {padding} exceeds half the kernel {kernel_size}"
        raise ValueError(msg)
    _check_window(x, kernel, steps, pad, (1, 1))
    pads = ((0, 0), (0, 0), (pad[0], pad[0]), (pad[1], pad[1]))
    window, strides = (1, 1, *kernel), (1, 1, *steps)
    # reduce_window pads with its init value: -inf for max, 0 for avg (count_include_pad)
    if kind == "max":
        return lax.reduce_window(x, jnp.array(-jnp.inf, x.dtype), lax.max, window, strides,
                                 pads)
    total = lax.reduce_window(x, jnp.array(0, x.dtype), lax.add, window, strides, pads)
    return total / (kernel[0] * kernel[1])


def dropout(x: jnp.ndarray, *, p: float = 0.5, training: bool = True,
            seed: int = 0) -> jnp.ndarray:
    if not 0.0 <= p <= 1.0:
        msg = f"dropout probability p must lie in [0, 1], got {p!r}"
        raise ValueError(msg)
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return jnp.zeros_like(x)
    keep = jax.random.bernoulli(jax.random.key(seed), 1.0 - p, x.shape)  # keep probability
    return jnp.where(keep, x / (1.0 - p), 0)


def embedding_lookup(weight: jnp.ndarray, ids: jnp.ndarray) -> jnp.ndarray:
    if weight.ndim != 2:
        msg = f"weight must be (num_embeddings, dim), got shape {weight.shape}"
        raise ValueError(msg)
    if ids.size and (int(jnp.min(ids)) < 0 or int(jnp.max(ids)) >= weight.shape[0]):
        msg = f"ids must lie in [0, {weight.shape[0]}), got {int(jnp.min(ids))} .. " \
              f"{int(jnp.max(ids))}"
        raise IndexError(msg)
    return jnp.take(weight, ids, axis=0)
