"""The HiPPO-LegS matrices on any array namespace, from outer products of sqrt(2n + 1)."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def hippo_matrix(xp: Any, N: Any) -> dict[str, Any]:
    size = int(N)
    if size < 1:
        msg = f"N must be a positive integer, got {size}"
        raise ValueError(msg)
    n = xp.arange(size, dtype=xp.float64, device=device(N))
    root = xp.sqrt(2 * n + 1)
    row, col = n[:, None], n[None, :]
    lower = -(root[:, None] * root[None, :])
    diagonal = -(row + 1) + 0 * col
    A = xp.where(row > col, lower, xp.where(row == col, diagonal, xp.zeros_like(lower)))
    return {"A": A, "B": root}
