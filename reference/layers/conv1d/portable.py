"""1-D cross-correlation (NCL, OIK) on any array namespace: strided-slice taps, one matmul."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import conv1d_ncl


def conv1d(xp: Any, x: Any, weight: Any, bias: Any = None, *, stride: int = 1,
           padding: int = 0, dilation: int = 1, flip_kernel: bool = False) -> Any:
    if flip_kernel:
        weight = xp.flip(weight, axis=-1)  # true convolution (np.convolve's orientation)
    return conv1d_ncl(xp, x, weight, bias, stride=stride, padding=padding, dilation=dilation)
