"""The oracle of dtype_promotion: the exact value of the op (mpmath); the dtype the canon
pins is checked by the harness against the case's dtype."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

OPS = {"add": lambda a, b: a + b, "multiply": lambda a, b: a * b,
       "true_divide": lambda a, b: a / b}


@oracle("dtype_promotion")
def dtype_promotion(x: np.ndarray | None = None, n: np.ndarray | None = None,
                    m: np.ndarray | None = None, mask: np.ndarray | None = None, *,
                    op: str = "add", scalar: Any = None) -> np.ndarray:
    operands = [mpa.asmp(np.asarray(v, dtype=np.float64) if v.dtype == bool else v)
                for v in (x, n, m, mask) if v is not None]
    if scalar is not None:
        operands.append(mpa.mpf(scalar))
    if op == "asarray" and len(operands) == 1:
        return operands[0]
    if op not in OPS or len(operands) != 2:
        msg = f"op {op!r} with {len(operands)} operands"
        raise ValueError(msg)
    return OPS[op](operands[0], operands[1])
