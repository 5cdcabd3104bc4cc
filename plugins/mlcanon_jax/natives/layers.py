"""JAX native bindings: layers (jax.lax convolution and windows, jax.numpy.take).

Matmul-like ops ask for Precision.HIGHEST: JAX's default on GPUs and TPUs uses TF32 or
bf16 passes for float32.
"""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp
from jax import lax

from mlcanon import native


def _pair(value: Any) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else tuple(value)


@native("jax.lax.conv_general_dilated")
def conv2d(x: jnp.ndarray, weight: jnp.ndarray, bias: jnp.ndarray | None = None, *,
           stride: Any = 1, padding: Any = 0, dilation: Any = 1) -> jnp.ndarray:
    pad_h, pad_w = _pair(padding)
    y = lax.conv_general_dilated(x, weight, window_strides=_pair(stride),
                                 padding=[(pad_h, pad_h), (pad_w, pad_w)],
                                 rhs_dilation=_pair(dilation),
                                 dimension_numbers=("NCHW", "OIHW", "NCHW"),
                                 precision=lax.Precision.HIGHEST)
    return y if bias is None else y + bias[:, None, None]


# kind -> (reduction, the init value reduce_window also pads with)
_WINDOW_REDUCTIONS = {"max": (lax.max, -jnp.inf), "avg": (lax.add, 0.0)}


@native("jax.lax.reduce_window", only={"kind": tuple(_WINDOW_REDUCTIONS)})
def pooling(x: jnp.ndarray, *, kind: str = "max", kernel_size: Any = 2, stride: Any = None,
            padding: Any = 0) -> jnp.ndarray:
    reduction, init = _WINDOW_REDUCTIONS[kind]
    window = _pair(kernel_size)
    strides = window if stride is None else _pair(stride)
    pad_h, pad_w = _pair(padding)
    y = lax.reduce_window(x, jnp.asarray(init, dtype=x.dtype), reduction, (1, 1, *window),
                          (1, 1, *strides), ((0, 0), (0, 0), (pad_h, pad_h), (pad_w, pad_w)))
    # the zero padding counts in the divisor (count_include_pad), as flax.linen.avg_pool
    return y / (window[0] * window[1]) if kind == "avg" else y


@native("jax.numpy.take")
def embedding_lookup(weight: jnp.ndarray, ids: jnp.ndarray) -> jnp.ndarray:
    return jnp.take(weight, ids, axis=0)
