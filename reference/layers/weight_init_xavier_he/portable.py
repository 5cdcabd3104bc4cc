"""Xavier / He / LeCun initialization on any array namespace, drawn on the host with NumPy."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from array_api_compat import device

_VARIANCE = {"xavier": lambda fan_in, fan_out, fan: 2.0 / (fan_in + fan_out),
             "he": lambda fan_in, fan_out, fan: 2.0 / fan,
             "lecun": lambda fan_in, fan_out, fan: 1.0 / fan}


def weight_init_xavier_he(xp: Any, weight: Any, *, scheme: str = "he",
                          distribution: str = "normal", mode: str = "fan_in",
                          seed: int = 0) -> Any:
    if weight.ndim < 2:
        msg = f"a weight of shape {tuple(weight.shape)} has no fan_in and fan_out (needs >= 2-D)"
        raise ValueError(msg)
    if scheme not in _VARIANCE or distribution not in ("normal", "uniform") or \
            mode not in ("fan_in", "fan_out"):
        msg = (f"scheme must be xavier/he/lecun, distribution normal/uniform, mode "
               f"fan_in/fan_out; got {scheme!r}, {distribution!r}, {mode!r}")
        raise ValueError(msg)
    shape = tuple(weight.shape)
    if math.prod(shape) == 0:
        # nothing to draw, and a zero fan must not divide by zero (torch's kaiming_*_)
        return xp.zeros(shape, dtype=weight.dtype, device=device(weight))
    receptive = math.prod(shape[2:])
    fan_in, fan_out = shape[1] * receptive, shape[0] * receptive
    std = math.sqrt(_VARIANCE[scheme](fan_in, fan_out, fan_in if mode == "fan_in" else fan_out))
    rng = np.random.default_rng(seed)
    if distribution == "normal":
        draw = rng.normal(0.0, std, size=shape)
    else:
        bound = math.sqrt(3.0) * std
        draw = rng.uniform(-bound, bound, size=shape)
    return xp.asarray(draw, dtype=weight.dtype, device=device(weight))
