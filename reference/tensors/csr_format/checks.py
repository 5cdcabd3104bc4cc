"""Property checks of csr_format (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("csr_rebuilds_dense")
def csr_rebuilds_dense(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                       dtype: str, bound: Any) -> None:
    """Scattering data to (row, indices) rebuilds the matrix; indptr is nondecreasing from 0
    to nnz and the columns of each row ascend."""
    x = inputs["x"]
    out = run({"x": x}, params)
    data, indices, indptr = out["data"], out["indices"], out["indptr"]
    m, n = x.shape
    if indptr.shape != (m + 1,) or indptr[0] != 0 or indptr[-1] != data.size \
            or np.any(np.diff(indptr) < 0):
        msg = f"indptr {indptr!r} is not a row-offset array for {m} rows and {data.size} values"
        raise CheckFailed(msg)
    dense = np.zeros((m, n), dtype=np.float64)
    for i in range(m):
        columns = indices[indptr[i]:indptr[i + 1]]
        if np.any(np.diff(columns) <= 0):
            msg = f"row {i} columns {columns!r} are not strictly ascending"
            raise CheckFailed(msg)
        dense[i, columns] = data[indptr[i]:indptr[i + 1]]
    if not np.array_equal(dense, x.astype(np.float64)):
        msg = f"the CSR arrays rebuild {dense!r}, not {x!r}"
        raise CheckFailed(msg)
