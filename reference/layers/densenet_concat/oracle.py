"""The oracle of densenet_concat: a Python list of feature maps grown layer by layer,
each new map a ReLU-then-convolution loop over all earlier channels (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _layer(maps: list[np.ndarray], w: np.ndarray) -> np.ndarray:
    """One H_l on one image: maps is the list of all earlier (H, W) channel maps."""
    g, c_in, k, k2 = w.shape
    if c_in != len(maps) or k != k2 or k % 2 == 0:
        msg = f"filters {w.shape} do not fit {len(maps)} channels with a same-size odd kernel"
        raise ValueError(msg)
    h, wd = maps[0].shape
    pad = k // 2
    new = []
    for q in range(g):
        out = np.empty((h, wd), dtype=object)
        for i in range(h):
            for j in range(wd):
                total = mpa.mpf(0)
                for ch, m in enumerate(maps):
                    for u in range(k):
                        for v in range(k):
                            r, s = i + u - pad, j + v - pad
                            if 0 <= r < h and 0 <= s < wd and m[r, s] > 0:  # ReLU first
                                total += w[q, ch, u, v] * m[r, s]
                out[i, j] = total
        new.append(out)
    return new


@oracle("densenet_concat")
def densenet_concat(x: np.ndarray, weight1: np.ndarray, weight2: np.ndarray | None = None,
                    weight3: np.ndarray | None = None) -> np.ndarray:
    images = []
    for image in x:
        maps = list(image)
        for w in (weight1, weight2, weight3):
            if w is not None:
                maps = maps + _layer(maps, w)  # every earlier map stays, the new ones last
        images.append(np.stack(maps))
    return np.stack(images)
