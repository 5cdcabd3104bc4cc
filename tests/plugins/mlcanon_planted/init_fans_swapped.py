"""Planted bug: Xavier/He fans read from a Keras/flax (in, out) layout on a torch (out, in)
weight, as jax.nn.initializers' default in_axis=-2, out_axis=-1 does."""

import math

import numpy as np


def weight_init_xavier_he(weight, *, scheme="he", distribution="normal", mode="fan_in", seed=0):
    if weight.ndim < 2:
        raise ValueError("a weight needs two axes")
    if scheme not in ("xavier", "he", "lecun") or distribution not in ("normal", "uniform") \
            or mode not in ("fan_in", "fan_out"):
        raise ValueError("unknown scheme, distribution or mode")
    shape = weight.shape
    if 0 in shape:
        return np.zeros(shape, dtype=weight.dtype)
    receptive = math.prod(shape[2:])
    fan_in, fan_out = shape[0] * receptive, shape[1] * receptive  # the bug: axes swapped
    fan = fan_in if mode == "fan_in" else fan_out
    variance = {"xavier": 2.0 / (fan_in + fan_out), "he": 2.0 / fan, "lecun": 1.0 / fan}[scheme]
    std = math.sqrt(variance)
    rng = np.random.default_rng(seed)
    if distribution == "normal":
        draw = rng.normal(0.0, std, size=shape)
    else:
        draw = rng.uniform(-math.sqrt(3.0) * std, math.sqrt(3.0) * std, size=shape)
    return draw.astype(weight.dtype)
