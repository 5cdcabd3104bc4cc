"""Array-API helpers several portable implementations of the tensors family share."""

from __future__ import annotations

from typing import Any


def require_same_shape(a: Any, b: Any, op: str) -> None:
    """The elementwise kernels take operands of one shape: broadcasting is a separate
    concept (broadcasting_add), and a silent (n, 1) + (n,) -> (n, n) is the bug it hides."""
    if tuple(a.shape) != tuple(b.shape):
        msg = f"{op} needs operands of equal shape, got {tuple(a.shape)} and {tuple(b.shape)}"
        raise ValueError(msg)
