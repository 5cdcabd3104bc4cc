"""The oracle of bottleneck_block: three convolutions written as loops, the skip, the ReLUs
(mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _conv(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, stride: int,
          pad: int) -> np.ndarray:
    """Cross-correlation of one (C, H, W) map with (O, C, k, k) filters, zero padding."""
    c, h, wd = x.shape
    o, c_w, k, _ = w.shape
    if c_w != c:
        msg = f"filters {w.shape} do not take {c} channels"
        raise ValueError(msg)
    oh, ow = (h + 2 * pad - k) // stride + 1, (wd + 2 * pad - k) // stride + 1
    y = np.empty((o, oh, ow), dtype=object)
    for q in range(o):
        for i in range(oh):
            for j in range(ow):
                total = mpa.mpf(0) if b is None else b[q]
                for ch in range(c):
                    for u in range(k):
                        for v in range(k):
                            r, s = i * stride + u - pad, j * stride + v - pad
                            if 0 <= r < h and 0 <= s < wd:
                                total += w[q, ch, u, v] * x[ch, r, s]
                y[q, i, j] = total
    return y


def _relu(z: np.ndarray) -> np.ndarray:
    return np.where(z > 0, z, mpa.mpf(0))


@oracle("bottleneck_block")
def bottleneck_block(x: np.ndarray, weight1: np.ndarray, weight2: np.ndarray,
                     weight3: np.ndarray, bias1: np.ndarray | None = None,
                     bias2: np.ndarray | None = None, bias3: np.ndarray | None = None,
                     projection: np.ndarray | None = None, *, stride: int = 1) -> np.ndarray:
    if weight1.shape[2:] != (1, 1) or weight2.shape[2:] != (3, 3) or weight3.shape[2:] != (1, 1):
        msg = "the block is 1×1, 3×3, 1×1"
        raise ValueError(msg)
    out = []
    for image in x:
        branch = _relu(_conv(image, weight1, bias1, 1, 0))
        branch = _relu(_conv(branch, weight2, bias2, stride, 1))
        branch = _conv(branch, weight3, bias3, 1, 0)
        skip = image if projection is None else _conv(image, projection, None, stride, 0)
        if skip.shape != branch.shape:
            msg = f"skip {skip.shape} and branch {branch.shape} differ"
            raise ValueError(msg)
        out.append(_relu(skip + branch))
    return np.stack(out)
