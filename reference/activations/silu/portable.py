"""SiLU / swish on any array namespace: x times a sigmoid gate that never overflows."""

from __future__ import annotations

from typing import Any


def silu(xp: Any, x: Any, *, beta: float = 1.0) -> Any:
    return x * _sigmoid(xp, x if beta == 1.0 else beta * x)


def _sigmoid(xp: Any, z: Any) -> Any:
    # exp(-|z|) never overflows, so x e^x / (1 + e^x) = inf / inf cannot occur; the far
    # negative tail gives x * 0 = -0.0 and the far positive one x * 1 = x. -|z| is taken
    # through where, not abs, whose autograd slope at 0 is 0 (torch).
    nonnegative = z >= 0
    e = xp.exp(xp.where(nonnegative, -z, z))
    return xp.where(nonnegative, 1 / (1 + e), e / (1 + e))
