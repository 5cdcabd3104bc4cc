"""Matrix transpose (last two axes) on any array namespace."""

from __future__ import annotations

from typing import Any


def transpose(xp: Any, x: Any) -> Any:
    if x.ndim < 2:
        # .T would return a 1-D array unchanged; the canon rejects it
        msg = f"transpose needs at least two axes, got shape {tuple(x.shape)}"
        raise ValueError(msg)
    return xp.matrix_transpose(x)
