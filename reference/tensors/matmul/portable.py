"""Matrix product on any array namespace, with the inner sizes checked up front."""

from __future__ import annotations

from typing import Any


def matmul(xp: Any, a: Any, b: Any) -> Any:
    if a.ndim == 0 or b.ndim == 0:
        msg = f"matmul needs operands with at least one dimension, got {a.shape} and {b.shape}"
        raise ValueError(msg)
    # A 1-D right operand is a column vector: its only axis is the inner one.
    inner_b = b.shape[0] if b.ndim == 1 else b.shape[-2]
    if a.shape[-1] != inner_b:
        # torch raises RuntimeError and JAX TypeError here; the canon's type is ValueError.
        msg = f"matmul inner dimensions differ: {a.shape} @ {b.shape} ({a.shape[-1]} != {inner_b})"
        raise ValueError(msg)
    return xp.matmul(a, b)
