"""The oracle of residual_connection: skip path plus branch, element by element (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("residual_connection")
def residual_connection(x: np.ndarray, fx: np.ndarray, projection: np.ndarray | None = None, *,
                        activation: str = "identity", axis: int = -1) -> np.ndarray:
    if activation not in ("identity", "relu"):
        msg = f"activation must be 'identity' or 'relu', got {activation!r}"
        raise ValueError(msg)
    skip = x
    if projection is not None:
        features = np.moveaxis(x, axis, -1)
        if features.shape[-1] != projection.shape[1]:
            msg = f"projection {projection.shape} does not fit {features.shape[-1]} features"
            raise ValueError(msg)
        moved = np.empty((*features.shape[:-1], projection.shape[0]), dtype=object)
        for idx in np.ndindex(*features.shape[:-1]):
            for o in range(projection.shape[0]):
                moved[(*idx, o)] = sum((projection[o, i] * features[(*idx, i)]
                                         for i in range(projection.shape[1])), mpa.mpf(0))
        skip = np.moveaxis(moved, -1, axis)
    if skip.shape != fx.shape:
        msg = f"skip path {skip.shape} and branch {fx.shape} differ"
        raise ValueError(msg)
    y = skip + fx
    return np.where(y > 0, y, mpa.mpf(0)) if activation == "relu" else y
