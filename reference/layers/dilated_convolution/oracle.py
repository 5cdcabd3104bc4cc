"""The oracle of dilated_convolution: the plain sum by loops (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import conv1d_loops


@oracle("dilated_convolution")
def dilated_convolution(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None, *,
                        dilation: int = 2, stride: int = 1, padding: int = 0) -> np.ndarray:
    return conv1d_loops(x, weight, bias, stride=stride, padding=padding, dilation=dilation,
                        zero=mpa.mpf(0))
