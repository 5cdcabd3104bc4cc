"""The oracle of lora: the merged weight W0 + s·A·B, formed explicitly (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("lora")
def lora(x: np.ndarray, W0: np.ndarray, A: np.ndarray, B: np.ndarray,
         bias: np.ndarray | None = None, *, alpha: float = 8.0,
         scaling: str = "standard") -> dict[str, object]:
    d_in, d_out = W0.shape
    r = A.shape[1] if A.ndim == 2 else 0
    if r == 0:
        msg = "rank r = 0: A has no columns"
        raise ValueError(msg)
    if scaling == "standard":
        s = mpa.mpf(alpha) / r
    elif scaling == "rslora":
        s = mpa.mpf(alpha) / mpa.mp.sqrt(r)
    else:
        msg = f"unknown scaling {scaling!r}"
        raise ValueError(msg)
    merged = np.empty((d_in, d_out), dtype=object)
    for i in range(d_in):
        for j in range(d_out):
            merged[i, j] = W0[i, j] + s * sum(A[i, k] * B[k, j] for k in range(r))
    y = np.empty((*x.shape[:-1], d_out), dtype=object)
    for row in np.ndindex(x.shape[:-1]):
        for j in range(d_out):
            total = mpa.mpf(0) if bias is None else bias[j]
            y[(*row, j)] = total + sum(x[(*row, i)] * merged[i, j] for i in range(d_in))
    frozen = d_in * d_out + (0 if bias is None else d_out)
    return {"y": y, "trainable": np.int64(r * (d_in + d_out)), "frozen": np.int64(frozen)}
