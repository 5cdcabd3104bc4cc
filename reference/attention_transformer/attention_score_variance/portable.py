"""Attention scores of query/key pairs on any array namespace: q·k and q·k/√d_k."""

from __future__ import annotations

import math
from typing import Any


def attention_score_variance(xp: Any, q: Any, k: Any) -> dict[str, Any]:
    d_k = q.shape[-1]
    if d_k < 1 or k.shape[-1] != d_k:
        msg = f"q and k need the same feature size d_k >= 1, got {q.shape[-1]} and {k.shape[-1]}"
        raise ValueError(msg)
    score = xp.sum(q * k, axis=-1)
    return {"score": score, "scaled": score / math.sqrt(d_k)}
