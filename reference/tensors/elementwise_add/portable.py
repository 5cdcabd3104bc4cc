"""Elementwise addition on any array namespace, shapes checked equal first."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.tensors._portable import require_same_shape


def elementwise_add(xp: Any, a: Any, b: Any) -> Any:
    require_same_shape(a, b, "elementwise_add")
    return xp.add(a, b)
