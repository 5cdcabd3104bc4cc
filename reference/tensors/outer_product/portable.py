"""Outer product on any array namespace: a column times a row, by broadcasting."""

from __future__ import annotations

from typing import Any


def outer_product(xp: Any, u: Any, v: Any) -> Any:
    if u.ndim != 1 or v.ndim != 1:
        # np.outer would flatten N-d operands; the canon takes vectors only
        msg = f"outer_product takes two vectors, got shapes {tuple(u.shape)} and {tuple(v.shape)}"
        raise ValueError(msg)
    return u[:, None] * v[None, :]
