"""The oracle of vit_patch_embedding: every token as an explicit sum over its patch (mpmath)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("vit_patch_embedding")
def vit_patch_embedding(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None,
                        cls: np.ndarray | None = None, pos: np.ndarray | None = None, *,
                        patch: Any = None) -> np.ndarray:
    n, c, h, w = x.shape
    d, c_w, ph, pw = weight.shape
    p = ph if patch is None else int(patch)
    if c_w != c or ph != p or pw != p or h % p or w % p:
        msg = f"x {x.shape}, weight {weight.shape} and patch {patch} do not tile the image"
        raise ValueError(msg)
    rows, cols = h // p, w // p
    tokens = []
    for b in range(n):
        seq = [] if cls is None else [list(cls)]
        for i in range(rows):  # raster order: patch rows top to bottom, left to right
            for j in range(cols):
                token = []
                for e in range(d):
                    total = mpa.mpf(0) if bias is None else bias[e]
                    for ch in range(c):
                        for u in range(p):
                            for v in range(p):
                                total += weight[e, ch, u, v] * x[b, ch, i * p + u, j * p + v]
                    token.append(total)
                seq.append(token)
        tokens.append(seq)
    y = np.array(tokens, dtype=object).reshape(n, len(tokens[0]), d)
    if pos is not None:
        if pos.shape != y.shape[1:]:
            msg = f"pos {pos.shape} must be {y.shape[1:]}"
            raise ValueError(msg)
        y = y + pos[None]
    return y
