"""LoRA on any array namespace: the frozen product plus the scaled low-rank path (x·A)·B."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device

SCALINGS = ("standard", "rslora")


def _check_shapes(x: Any, W0: Any, A: Any, B: Any, bias: Any) -> None:
    if W0.ndim != 2 or A.ndim != 2 or B.ndim != 2 or x.ndim < 1:
        msg = (f"W0 {tuple(W0.shape)}, A {tuple(A.shape)} and B {tuple(B.shape)} must be "
               f"matrices and x {tuple(x.shape)} at least a vector")
        raise ValueError(msg)
    d_in, d_out = W0.shape
    if x.shape[-1] != d_in or A.shape[0] != d_in:
        msg = f"x {tuple(x.shape)} and A {tuple(A.shape)} must have d_in = {d_in} (W0 rows)"
        raise ValueError(msg)
    if A.shape[1] == 0:
        msg = "rank r = 0: A has no columns, and alpha/r is undefined"
        raise ValueError(msg)
    if tuple(B.shape) != (A.shape[1], d_out):
        msg = f"B {tuple(B.shape)} must be (r, d_out) = ({A.shape[1]}, {d_out})"
        raise ValueError(msg)
    # a length-1 bias would broadcast silently: the canon wants exactly d_out
    if bias is not None and tuple(bias.shape) != (d_out,):
        msg = f"bias shape {tuple(bias.shape)} must be ({d_out},)"
        raise ValueError(msg)


def lora(xp: Any, x: Any, W0: Any, A: Any, B: Any, bias: Any = None, *, alpha: float = 8.0,
         scaling: str = "standard") -> dict[str, Any]:
    if scaling not in SCALINGS:
        msg = f"scaling must be one of {SCALINGS}, got {scaling!r}"
        raise ValueError(msg)
    _check_shapes(x, W0, A, B, bias)
    (d_in, d_out), r = W0.shape, A.shape[1]
    s = alpha / r if scaling == "standard" else alpha / math.sqrt(r)
    # never form A·B (d_in × d_out): the low-rank path costs O(r (d_in + d_out)) per row
    y = xp.matmul(x, W0) + s * xp.matmul(xp.matmul(x, A), B)
    if bias is not None:
        y = y + bias
    frozen = d_in * d_out + (0 if bias is None else d_out)
    here = device(x)
    return {"y": y,
            "trainable": xp.asarray(r * (d_in + d_out), dtype=xp.int64, device=here),
            "frozen": xp.asarray(frozen, dtype=xp.int64, device=here)}
