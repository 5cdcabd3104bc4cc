"""The softmax Jacobian diag(s) - s s^T on any array namespace, per row of the last axis."""

from __future__ import annotations

from typing import Any


def softmax_jacobian(xp: Any, x: Any) -> Any:
    if x.ndim == 0:
        msg = "softmax_jacobian needs an input with at least one axis, got a 0-d array"
        raise ValueError(msg)
    z = x - xp.max(x, axis=-1, keepdims=True)
    e = xp.exp(z)
    total = xp.sum(e, axis=-1, keepdims=True)
    s = e / total
    n = x.shape[-1]
    eye = xp.eye(n, dtype=x.dtype)
    # 1 - s_i is the mass of the other classes, summed directly: 1 - s_i (or total - e_i)
    # cancels to 0 when s_i rounds to 1, but the others' sum keeps its digits
    rest = xp.sum(e[..., None, :] * (1 - eye), axis=-1) / total
    outer = s[..., :, None] * s[..., None, :]
    diagonal = s * rest
    return diagonal[..., :, None] * eye - outer * (1 - eye)
