"""Dilated 1-D cross-correlation on any array namespace (taps d apart)."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import conv1d_ncl


def dilated_convolution(xp: Any, x: Any, weight: Any, bias: Any = None, *, dilation: int = 2,
                        stride: int = 1, padding: int = 0) -> Any:
    return conv1d_ncl(xp, x, weight, bias, stride=stride, padding=padding, dilation=dilation)
