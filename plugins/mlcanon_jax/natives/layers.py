"""JAX native bindings: layers (jax.lax convolution and windows, jax.numpy.take).

Matmul-like ops ask for Precision.HIGHEST: JAX's default on GPUs and TPUs uses TF32 or
bf16 passes for float32.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
from jax import lax
from jax.nn import initializers

from mlcanon import KnownDeviation, native


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


@native("jax.lax.conv_general_dilated", only={"flip_kernel": False})
def conv1d(x: jnp.ndarray, weight: jnp.ndarray, bias: jnp.ndarray | None = None, *,
           stride: int = 1, padding: int = 0, dilation: int = 1,
           flip_kernel: bool = False) -> jnp.ndarray:
    y = lax.conv_general_dilated(x, weight, window_strides=(stride,),
                                 padding=[(padding, padding)], rhs_dilation=(dilation,),
                                 dimension_numbers=("NCH", "OIH", "NCH"),
                                 precision=lax.Precision.HIGHEST)
    return y if bias is None else y + bias[:, None]


@native("jax.numpy.mean")
def global_average_pooling(x: jnp.ndarray, *, keepdims: bool = False) -> jnp.ndarray:
    return jnp.mean(x, axis=(2, 3), keepdims=keepdims)


@native("jax.lax.conv_general_dilated")
def dilated_convolution(x: jnp.ndarray, weight: jnp.ndarray, bias: jnp.ndarray | None = None,
                        *, dilation: int = 2, stride: int = 1, padding: int = 0) -> jnp.ndarray:
    y = lax.conv_general_dilated(x, weight, window_strides=(stride,),
                                 padding=[(padding, padding)], rhs_dilation=(dilation,),
                                 dimension_numbers=("NCH", "OIH", "NCH"),
                                 precision=lax.Precision.HIGHEST)
    return y if bias is None else y + bias[:, None]


@native("jax.lax.conv_general_dilated")
def pointwise_conv_1x1(x: jnp.ndarray, weight: jnp.ndarray,
                       bias: jnp.ndarray | None = None) -> jnp.ndarray:
    y = lax.conv_general_dilated(x, weight, window_strides=(1, 1), padding="VALID",
                                 dimension_numbers=("NCHW", "OIHW", "NCHW"),
                                 precision=lax.Precision.HIGHEST)
    return y if bias is None else y + bias[:, None, None]


@native("jax.lax.conv_general_dilated (feature_group_count=C, then 1x1)")
def depthwise_separable_conv(x: jnp.ndarray, depthwise_weight: jnp.ndarray,
                             pointwise_weight: jnp.ndarray,
                             depthwise_bias: jnp.ndarray | None = None,
                             pointwise_bias: jnp.ndarray | None = None, *, stride: int = 1,
                             padding: int = 0, dilation: int = 1) -> jnp.ndarray:
    numbers = ("NCHW", "OIHW", "NCHW")
    depth = lax.conv_general_dilated(x, depthwise_weight, window_strides=(stride, stride),
                                     padding=[(padding, padding)] * 2,
                                     rhs_dilation=(dilation, dilation),
                                     dimension_numbers=numbers,
                                     feature_group_count=x.shape[1],
                                     precision=lax.Precision.HIGHEST)
    if depthwise_bias is not None:
        depth = depth + depthwise_bias[:, None, None]
    y = lax.conv_general_dilated(depth, pointwise_weight, window_strides=(1, 1),
                                 padding="VALID", dimension_numbers=numbers,
                                 precision=lax.Precision.HIGHEST)
    return y if pointwise_bias is None else y + pointwise_bias[:, None, None]


# scheme -> (variance_scaling scale, the fan mode it uses; None = the case's mode)
_SCALING = {"xavier": (1.0, "fan_avg"), "he": (2.0, None), "lecun": (1.0, None)}


@native("jax.nn.initializers.variance_scaling",
        only={"scheme": tuple(_SCALING), "distribution": ("normal", "uniform")})
def weight_init_xavier_he(weight: jnp.ndarray, *, scheme: str = "he",
                          distribution: str = "normal", mode: str = "fan_in",
                          seed: int = 0) -> jnp.ndarray:
    scale, fan = _SCALING[scheme]
    # in_axis = 1, out_axis = 0 read the canon's torch layout (out, in, *kernel)
    init = initializers.variance_scaling(scale, fan or mode, distribution, in_axis=1,
                                         out_axis=0)
    return init(jax.random.key(seed), weight.shape, weight.dtype)


_CONV = "https://docs.jax.dev/en/latest/_autosummary/jax.lax.conv_general_dilated.html"

KNOWN_DEVIATIONS = (
    *(KnownDeviation(
        concept="weight_init_xavier_he", case=case,
        reason="jax.nn.initializers.variance_scaling computes the receptive field as "
               "prod(shape) / in_size / out_size (_compute_fans), so a weight with a zero "
               "in its shape raises ZeroDivisionError (0/0 for a (2, 0) weight, scale/0 for "
               "a (1, 1, 0) kernel) instead of returning the empty weight",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.nn.initializers.variance_scaling.html",
    ) for case in ("empty_fan_in_he", "empty_kernel_xavier_uniform", "empty_lecun_fan_out")),
    KnownDeviation(
        concept="conv1d", case="kernel_longer_than_input",
        reason="lax.conv_general_dilated accepts 3 taps over 2 samples without padding and "
               "returns an empty (1, 1, 0) output instead of raising",
        link=_CONV),
    KnownDeviation(
        concept="conv1d", case="negative_padding",
        reason="lax.conv_general_dilated takes padding (-1, -1) as cropping: 3 samples with "
               "a 1-tap kernel give the single middle sample [[[2.]]] instead of raising",
        link=_CONV),
    KnownDeviation(
        concept="dilated_convolution", case="span_wider_than_input",
        reason="lax.conv_general_dilated accepts 3 taps at rhs_dilation 2 (span 5) over 4 "
               "samples and returns an empty (1, 1, 0) output instead of raising",
        link=_CONV),
    KnownDeviation(
        concept="global_average_pooling", case="empty_map",
        reason="jnp.mean over the axes of a 0 x 2 map returns nan (0/0) instead of raising",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.mean.html"),
    # not a binding: the portable x + fx runs through XLA, whose CPU backend flushes
    # subnormals to zero
    KnownDeviation(
        concept="residual_connection", case="subnormal_skip_float32",
        reason="XLA on CPU flushes subnormals to zero: x + 0 with x = 1.4e-45 (the smallest "
               "float32 subnormal) gives 0.0, so a zero branch does not return x unchanged",
        link="https://github.com/jax-ml/jax/issues/26658"),
    KnownDeviation(
        concept="residual_connection", case="subnormal_skip_float64",
        reason="XLA on CPU flushes subnormals to zero in float64 too: x + 0 with x = 5e-324 "
               "gives 0.0",
        link="https://github.com/jax-ml/jax/issues/26658"),
)
