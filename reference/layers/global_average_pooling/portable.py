"""Global average pooling on any array namespace: a mean over H and W, float16 summed in float32."""

from __future__ import annotations

from typing import Any


def global_average_pooling(xp: Any, x: Any, *, keepdims: bool = False) -> Any:
    if x.ndim != 4 or x.shape[2] * x.shape[3] == 0:
        msg = f"x must be a non-empty NCHW batch (N, C, H, W), got shape {tuple(x.shape)}"
        raise ValueError(msg)
    narrow = xp.finfo(x.dtype).bits < 32  # float16 and bfloat16
    wide = xp.astype(x, xp.float32) if narrow else x  # a float16 sum overflows at 65504
    y = xp.mean(wide, axis=(2, 3), keepdims=keepdims)
    return xp.astype(y, x.dtype) if narrow else y
