"""The oracle of csr_format: walk the rows, list the nonzeros, count them (float64)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("csr_format", precision="float64")
def csr_format(x: np.ndarray) -> dict[str, np.ndarray]:
    if x.ndim != 2:
        msg = f"csr_format takes a matrix, got shape {x.shape}"
        raise ValueError(msg)
    data, indices, indptr = [], [], [0]
    for row in x.tolist():
        for j, value in enumerate(row):
            if value != 0:  # NaN != 0 is True, -0.0 != 0 is False
                data.append(value)
                indices.append(j)
        indptr.append(len(data))
    return {"data": np.asarray(data, dtype=np.float64),
            "indices": np.asarray(indices, dtype=np.int64),
            "indptr": np.asarray(indptr, dtype=np.int64)}
