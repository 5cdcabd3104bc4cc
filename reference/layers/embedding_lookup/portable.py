"""Embedding lookup on any array namespace: a checked row gather from the table."""

from __future__ import annotations

import math
from typing import Any


def embedding_lookup(xp: Any, weight: Any, ids: Any) -> Any:
    if weight.ndim != 2:
        msg = f"weight must be (num_embeddings, dim), got shape {tuple(weight.shape)}"
        raise ValueError(msg)
    rows = weight.shape[0]
    # take wraps negative ids (NumPy) or clamps out-of-range ones (JAX): check both first
    if math.prod(ids.shape) and (int(xp.min(ids)) < 0 or int(xp.max(ids)) >= rows):
        msg = f"ids must lie in [0, {rows}), got {int(xp.min(ids))} .. {int(xp.max(ids))}"
        raise IndexError(msg)
    # the standard's take wants 1-D indices: gather the flat ids, then restore their shape
    gathered = xp.take(weight, xp.reshape(ids, (-1,)), axis=0)
    return xp.reshape(gathered, (*ids.shape, weight.shape[1]))
