"""nnz and sparsity on any array namespace."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device


def sparsity(xp: Any, v: Any) -> tuple[Any, Any]:
    n = math.prod(v.shape)
    if n == 0:
        msg = "sparsity of an empty array is 0/0"
        raise ValueError(msg)
    nnz = xp.sum(xp.astype(v != 0, xp.int64))  # NaN != 0 holds: NaN is stored
    zeros = xp.astype(n - nnz, xp.float64) / n  # the fraction in float64, rounded once
    return nnz, xp.astype(xp.asarray(zeros, device=device(v)), v.dtype)
