"""The oracle of sparsity: count the entries that are not equal to zero (float64)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from mlcanon.oracles import oracle


@oracle("sparsity", precision="float64")
def sparsity(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    values = [float(e) for e in np.asarray(v, dtype=np.float64).ravel()]
    if not values:
        msg = "sparsity of an empty array is 0/0"
        raise ValueError(msg)
    nnz = sum(1 for e in values if e != 0)  # NaN != 0 is True; -0.0 != 0 is False
    fraction = 1 - Fraction(nnz, len(values))
    return np.asarray(nnz, dtype=np.int64), np.asarray(float(fraction))
