"""ResNet bottleneck block on any array namespace: 1×1 reduce, 3×3, 1×1 expand, add the
(identity or projected) input, ReLU; the convolutions reuse the family's conv2d."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import check_int
from mlcanon_reference.layers.conv2d.portable import conv2d


def _check(x: Any, weight1: Any, weight2: Any, weight3: Any, projection: Any,
           stride: int) -> None:
    kernels = [tuple(w.shape[2:]) if w.ndim == 4 else None for w in (weight1, weight2, weight3)]
    if x.ndim != 4 or kernels != [(1, 1), (3, 3), (1, 1)]:
        msg = (f"x {tuple(x.shape)} must be (N, C, H, W) and the weights 1×1, 3×3, 1×1, got "
               f"{tuple(weight1.shape)}, {tuple(weight2.shape)}, {tuple(weight3.shape)}")
        raise ValueError(msg)
    if projection is None and (weight3.shape[0] != x.shape[1] or stride != 1):
        msg = (f"an identity skip needs C_out = C ({weight3.shape[0]} vs {x.shape[1]}) and "
               f"stride 1 (got {stride}): give a projection")
        raise ValueError(msg)
    if projection is not None and tuple(projection.shape) != (weight3.shape[0], x.shape[1], 1, 1):
        msg = (f"projection {tuple(projection.shape)} must be "
               f"({weight3.shape[0]}, {x.shape[1]}, 1, 1)")
        raise ValueError(msg)


def bottleneck_block(xp: Any, x: Any, weight1: Any, weight2: Any, weight3: Any,
                     bias1: Any = None, bias2: Any = None, bias3: Any = None,
                     projection: Any = None, *, stride: int = 1) -> Any:
    stride = check_int(stride, "stride", 1)
    _check(x, weight1, weight2, weight3, projection, stride)
    zero = xp.zeros((), dtype=x.dtype)
    h = xp.maximum(conv2d(xp, x, weight1, bias1), zero)
    h = xp.maximum(conv2d(xp, h, weight2, bias2, stride=stride, padding=1), zero)
    h = conv2d(xp, h, weight3, bias3)
    skip = x if projection is None else conv2d(xp, x, projection, stride=stride)
    return xp.maximum(skip + h, zero)
