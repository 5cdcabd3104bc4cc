"""MLX native bindings: composite layer blocks (mlx.core.conv2d chains, as an mlx.nn module's
__call__ writes them).

MLX convolutions are channels-last: input (N, H, W, C), weight (O, kH, kW, C). The canon's
NCHW arrays are transposed in once and the result transposed back.
"""

from __future__ import annotations

from typing import Any

import mlx.core as mx
import mlx.nn as nn

from mlcanon import KnownDeviation, native


def _conv(x: mx.array, weight: mx.array, bias: mx.array | None = None, stride: int = 1,
          padding: int = 0) -> mx.array:
    """One channels-last convolution with a canon OIHW weight, the bias as mlx.nn.Conv2d adds it."""
    y = mx.conv2d(x, weight.transpose(0, 2, 3, 1), stride=stride, padding=padding)
    return y if bias is None else y + bias


@native("mlx.core.conv2d (kernel = stride = patch)")
def vit_patch_embedding(x: mx.array, weight: mx.array, bias: mx.array | None = None,
                        cls: mx.array | None = None, pos: mx.array | None = None, *,
                        patch: Any = None) -> mx.array:
    stride = weight.shape[-1] if patch is None else patch
    y = _conv(x.transpose(0, 2, 3, 1), weight, bias, stride)  # (N, H/P, W/P, D)
    n, d = y.shape[0], y.shape[-1]
    y = y.reshape(n, -1, d)  # channels-last flattens the patch grid in raster order
    if cls is not None:
        y = mx.concatenate([mx.broadcast_to(cls, (n, 1, d)), y], axis=1)
    return y if pos is None else y + pos


@native("mlx.core.conv2d 1×1, 3×3, 1×1 + mlx.nn.relu")
def bottleneck_block(x: mx.array, weight1: mx.array, weight2: mx.array, weight3: mx.array,
                     bias1: mx.array | None = None, bias2: mx.array | None = None,
                     bias3: mx.array | None = None, projection: mx.array | None = None, *,
                     stride: int = 1) -> mx.array:
    h = x.transpose(0, 2, 3, 1)
    out = nn.relu(_conv(h, weight1, bias1))
    out = nn.relu(_conv(out, weight2, bias2, stride, 1))
    out = _conv(out, weight3, bias3)
    skip = h if projection is None else _conv(h, projection, None, stride)
    return nn.relu(out + skip).transpose(0, 3, 1, 2)


@native("mlx.nn.relu + mlx.core.conv2d + mlx.core.concatenate")
def densenet_concat(x: mx.array, weight1: mx.array, weight2: mx.array | None = None,
                    weight3: mx.array | None = None) -> mx.array:
    features = x.transpose(0, 2, 3, 1)  # channels-last: the block concatenates on axis -1
    for w in (weight1, weight2, weight3):
        if w is not None:
            new = _conv(nn.relu(features), w, None, 1, w.shape[-1] // 2)
            features = mx.concatenate([features, new], axis=-1)
    return features.transpose(0, 3, 1, 2)


_CONV2D = "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.conv2d.html"

KNOWN_DEVIATIONS = (
    # not a binding: the portable adapter's GELU goes through scipy.special.erfc
    KnownDeviation(
        concept="adapter_layer", case="grad_gelu_scaled",
        reason="SciPy's special functions have no MLX dispatch: the portable GELU's erfc goes "
               "through NumPy, so mx.vjp sees a constant and the gradient leaves out the "
               "derivative of Phi",
        link="https://docs.scipy.org/doc/scipy/dev/api-dev/array_api.html"),
    KnownDeviation(
        concept="vit_patch_embedding", case="image_not_a_multiple_of_the_patch",
        reason="mx.conv2d with kernel = stride = 2 on a 5×4 image drops the fifth row and "
               "returns 4 tokens instead of raising",
        link=_CONV2D),
    KnownDeviation(
        concept="vit_patch_embedding", case="patch_disagrees_with_weight",
        reason="mx.conv2d takes its kernel from the weight: stride 4 with a 2×2 weight on a "
               "4×4 image returns 1 token read from the top-left 2×2 corner instead of raising",
        link=_CONV2D),
)
