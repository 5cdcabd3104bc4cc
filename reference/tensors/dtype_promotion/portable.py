"""Dtype promotion on any array namespace: the canon's result dtype chosen first, every
operand cast to it, then the op."""

from __future__ import annotations

from typing import Any

OPS = ("add", "multiply", "true_divide")


def _result_dtype(xp: Any, arrays: list[Any], scalar: Any, op: str) -> Any:
    floats = [a.dtype for a in arrays if xp.isdtype(a.dtype, "real floating")]
    if floats:  # a float array wins over integer, bool and Python scalars
        return xp.result_type(*floats)
    if op == "true_divide" or isinstance(scalar, float):
        return xp.float64  # the canon's default float (NumPy's), not torch's float32
    return xp.result_type(*[a.dtype for a in arrays], *([] if scalar is None else [scalar]))


def dtype_promotion(xp: Any, x: Any = None, n: Any = None, m: Any = None, mask: Any = None,
                    *, op: str = "add", scalar: Any = None) -> Any:
    arrays = [v for v in (x, n, m, mask) if v is not None]
    count = len(arrays) + (scalar is not None)
    if op == "asarray" and count == 1 and arrays:
        return xp.asarray(arrays[0])
    if op not in OPS or count != 2:
        msg = (f"op must be one of {OPS} on two operands (or 'asarray' on one), "
               f"got {op!r} on {count}")
        raise ValueError(msg)
    dtype = _result_dtype(xp, arrays, scalar, op)
    operands = [xp.astype(a, dtype) for a in arrays]
    if scalar is not None:
        operands.append(scalar)
    return getattr(xp, "divide" if op == "true_divide" else op)(*operands)
