"""MLX native bindings: layers (mlx.core convolutions, take, addmm).

MLX convolutions are channels-last: input (N, ..., C), weight (O, ..., C). The canon's
channels-first arrays are transposed in and out; the bias is added as mlx.nn.Conv2d does.
"""

from __future__ import annotations

from typing import Any

import mlx.core as mx
import mlx.nn as nn

from mlcanon import native
from mlcanon_mlx.deviations import cases as _cases


@native("mlx.core.conv2d")
def conv2d(x: mx.array, weight: mx.array, bias: mx.array | None = None, *, stride: Any = 1,
           padding: Any = 0, dilation: Any = 1) -> mx.array:
    y = mx.conv2d(x.transpose(0, 2, 3, 1), weight.transpose(0, 2, 3, 1), stride=_pair(stride),
                  padding=_pair(padding), dilation=_pair(dilation))
    y = y if bias is None else y + bias
    return y.transpose(0, 3, 1, 2)


@native("mlx.core.conv1d", only={"flip_kernel": False})
def conv1d(x: mx.array, weight: mx.array, bias: mx.array | None = None, *, stride: int = 1,
           padding: int = 0, dilation: int = 1, flip_kernel: bool = False) -> mx.array:
    y = mx.conv1d(x.transpose(0, 2, 1), weight.transpose(0, 2, 1), stride=stride,
                  padding=padding, dilation=dilation)
    y = y if bias is None else y + bias
    return y.transpose(0, 2, 1)


def _pair(value: Any) -> Any:
    return value if isinstance(value, int) else tuple(value)


@native("mlx.core.take")
def embedding_lookup(weight: mx.array, ids: mx.array) -> mx.array:
    return mx.take(weight, ids, axis=0)


@native("mlx.core.addmm")
def linear_layer(x: mx.array, weight: mx.array, bias: mx.array | None = None) -> mx.array:
    # mlx.nn.Linear computes addmm(bias, x, weight.T), or x @ weight.T without a bias
    return x @ weight.T if bias is None else mx.addmm(bias, x, weight.T)


_POOLS = {"max": nn.MaxPool2d, "avg": nn.AvgPool2d}


@native("mlx.nn.MaxPool2d / mlx.nn.AvgPool2d", only={"kind": tuple(_POOLS)})
def pooling(x: mx.array, *, kind: str = "max", kernel_size: Any = 2, stride: Any = None,
            padding: Any = 0) -> mx.array:
    # the pooling layers are channels-last, (N, H, W, C), like the convolutions
    pool = _POOLS[kind](kernel_size, stride=stride, padding=padding)
    return pool(x.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2)


# -- known deviations (measured with mlx 0.32.4 on the CPU) --------------------------

_BIAS_BROADCAST = (
    "mx.addmm broadcasts a length-1 bias over 2 outputs instead of raising",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.addmm.html",
)

_CONV64 = (
    "mx.conv1d / mx.conv2d accept float64 but compute in float32 precision: errors ~1e-7 "
    "relative (1e8 to 4e8 eps units) on random inputs",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.conv2d.html",
)

_CONV_NEGPAD = (
    "mx.conv1d accepts padding -1 and crops instead of raising",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.conv1d.html",
)

_CONVDIL64 = (
    "mx.conv1d / mx.conv2d with dilation > 1 raise ValueError '[Convolution::eval] got "
    "unsupported data type.' for float64 inputs",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.conv2d.html",
)

_POOL_UNCHECKED = (
    "mlx.nn.MaxPool2d / AvgPool2d accept a 3x3 window on a 2x2 map and padding larger "
    "than half the kernel without an error",
    "https://ml-explore.github.io/mlx/build/html/python/nn/_autosummary/mlx.nn.MaxPool2d.html",
)

_TAKE_NEG = (
    "mx.take wraps negative ids Python-style: id -1 returns the last row instead of "
    "raising",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.take.html",
)

_TAKE_OOB = (
    "mx.take does not check bounds: id 3 in a 3-row table returns a row instead of "
    "raising",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.take.html",
)

KNOWN_DEVIATIONS = (
    *_cases("linear_layer", ("bias_length_one",), *_BIAS_BROADCAST),
    *_cases("conv1d", (
        "grad_padded", "random_default", "random_stride_padding",
    ), *_CONV64, dtype="float64"),
    *_cases("conv2d", (
        "grad_padded", "random_default", "random_stride_padding",
    ), *_CONV64, dtype="float64"),
    *_cases("conv1d", ("negative_padding",), *_CONV_NEGPAD),
    *_cases("conv1d", (
        "dilation_3", "grad_strided_dilated", "reflection_equivariant",
    ), *_CONVDIL64, dtype="float64"),
    *_cases("conv2d", (
        "dilation_2", "grad_strided", "random_dilated_no_bias",
    ), *_CONVDIL64, dtype="float64"),
    *_cases("pooling", ("kernel_larger_than_input", "padding_over_half_kernel"), *_POOL_UNCHECKED),
    *_cases("embedding_lookup", ("negative_id",), *_TAKE_NEG),
    *_cases("embedding_lookup", ("id_equal_to_num_embeddings",), *_TAKE_OOB),
)
