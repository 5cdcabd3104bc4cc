"""The oracle of textcnn_max_over_time: every window sum written out, then the largest
(mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _activate(name: str, z: object) -> object:
    if name == "relu":
        return z if z > 0 else mpa.mpf(0)
    if name == "tanh":
        return mpa.mp.tanh(z)
    if name == "identity":
        return z
    msg = f"activation must be relu, tanh or identity, got {name!r}"
    raise ValueError(msg)


@oracle("textcnn_max_over_time")
def textcnn_max_over_time(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None,
                          weight2: np.ndarray | None = None, bias2: np.ndarray | None = None,
                          weight3: np.ndarray | None = None, bias3: np.ndarray | None = None,
                          *, activation: str = "relu") -> np.ndarray:
    n, length, e = x.shape
    features = []
    for w, b in ((weight, bias), (weight2, bias2), (weight3, bias3)):
        if w is None:
            continue
        f, e_w, k = w.shape
        if e_w != e or k > length:
            msg = f"filters {w.shape} do not fit sentences {x.shape}"
            raise ValueError(msg)
        bank = np.empty((n, f), dtype=object)
        for s in range(n):
            for q in range(f):
                best = None
                for start in range(length - k + 1):  # valid windows only
                    total = mpa.mpf(0) if b is None else b[q]
                    for u in range(k):
                        for c in range(e):
                            total += w[q, c, u] * x[s, start + u, c]
                    best = total if best is None or total > best else best
                bank[s, q] = _activate(activation, best)
        features.append(bank)
    return np.concatenate(features, axis=1)
