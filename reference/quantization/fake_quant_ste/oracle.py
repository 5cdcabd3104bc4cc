"""The oracle of fake_quant_ste: quantize-dequantize and the straight-through mask, exactly."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.quantization._oracle import round_half_even


@oracle("fake_quant_ste")
def fake_quant_ste(x: np.ndarray, dy: np.ndarray, *, scale: float = 1.0, zero_point: int = 0,
                   quant_min: int = -128, quant_max: int = 127) -> tuple[np.ndarray, np.ndarray]:
    s = mpa.mpf(scale)
    y = np.empty(x.shape, dtype=object)
    dx = np.empty(x.shape, dtype=object)
    for index in np.ndindex(x.shape):
        level = round_half_even(mpa.mpf(x[index]) / s) + zero_point
        inside = quant_min <= level <= quant_max
        clamped = min(max(level, quant_min), quant_max)
        y[index] = s * (clamped - zero_point)
        # straight-through: the gradient passes where the rounded level was not clamped
        dx[index] = mpa.mpf(dy[index]) if inside else mpa.mpf(0)
    return y, dx
