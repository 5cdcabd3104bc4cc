"""Convolution / pooling output length on any array namespace (integer arithmetic)."""

from __future__ import annotations

from typing import Any


def conv_output_size(xp: Any, size: Any, kernel: Any, padding: Any = None, stride: Any = None,
                     dilation: Any = None, *, ceil_mode: bool = False) -> Any:
    padding = xp.zeros_like(size) if padding is None else padding
    stride = xp.ones_like(size) if stride is None else stride
    dilation = xp.ones_like(size) if dilation is None else dilation
    if (xp.any(kernel < 1) or xp.any(stride < 1) or xp.any(dilation < 1)
            or xp.any(padding < 0)):
        msg = "kernel, stride and dilation must be >= 1 and padding >= 0"
        raise ValueError(msg)
    reach = size + 2 * padding - dilation * (kernel - 1) - 1  # last valid window start
    if xp.any(reach < 0):
        msg = "a kernel span exceeds the padded input size"
        raise ValueError(msg)
    if not ceil_mode:
        return reach // stride + 1
    out = -((-reach) // stride) + 1  # ceil division
    # torch: the last window must start inside the input or the left padding
    return xp.where((out - 1) * stride >= size + padding, out - 1, out)
