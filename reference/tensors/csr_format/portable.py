"""CSR arrays on any array namespace: a mask of the nonzeros, gathered in row-major order."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def csr_format(xp: Any, x: Any) -> dict[str, Any]:
    if x.ndim != 2:
        msg = f"csr_format takes a matrix, got shape {tuple(x.shape)}"
        raise ValueError(msg)
    m, n = x.shape
    where = device(x)
    flat = xp.reshape(x, (m * n,))
    stored = flat != 0  # NaN is stored, -0.0 is not
    # flat positions of the stored entries in row-major order; nonzero + take, because
    # boolean-mask indexing has a data-dependent size that not every namespace allows
    positions = xp.nonzero(stored)[0]
    data = xp.take(flat, positions)
    indices = xp.astype(positions % n, xp.int64)
    per_row = xp.sum(xp.astype(xp.reshape(stored, (m, n)), xp.int64), axis=1)
    zero = xp.zeros((1,), dtype=xp.int64, device=where)
    indptr = xp.concat([zero, xp.cumulative_sum(per_row)])
    return {"data": data, "indices": indices, "indptr": indptr}
