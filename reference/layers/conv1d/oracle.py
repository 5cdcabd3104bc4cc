"""The oracle of conv1d: the plain sum by loops (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import conv1d_loops


@oracle("conv1d")
def conv1d(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None, *,
           stride: int = 1, padding: int = 0, dilation: int = 1,
           flip_kernel: bool = False) -> np.ndarray:
    if flip_kernel:
        # true convolution: tap u meets weight k - 1 - u
        weight = weight[:, :, ::-1]
    return conv1d_loops(x, weight, bias, stride=stride, padding=padding, dilation=dilation,
                        zero=mpa.mpf(0))
