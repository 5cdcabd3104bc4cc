"""GELU on any array namespace: x Phi(x) with Phi from erfc, or the tanh formula."""

from __future__ import annotations

import math
from typing import Any

from mlcanon import xp as extra


def gelu(xp: Any, x: Any, *, approximate: str | None = None) -> Any:
    if approximate in (None, "none"):
        # Phi(x) = erfc(-x / sqrt 2) / 2 keeps its digits in the negative tail, where
        # (1 + erf(x / sqrt 2)) / 2 cancels to zero long before x Phi(x) underflows.
        return x * extra.special().erfc(-x / math.sqrt(2.0)) / 2
    if approximate == "tanh":
        inner = math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)
        return x * (1 + xp.tanh(inner)) / 2
    msg = f"approximate must be None (exact) or 'tanh', got {approximate!r}"
    raise ValueError(msg)
