"""Rank and shape on any array namespace, as integer arrays."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def tensor_shape(xp: Any, x: Any) -> tuple[Any, Any]:
    where = device(x)
    shape = xp.asarray([int(n) for n in x.shape], dtype=xp.int64, device=where)
    return shape, xp.asarray(x.ndim, dtype=xp.int64, device=where)
