"""Sigmoid on any array namespace, from exp(-|x|) so neither tail overflows or cancels."""

from __future__ import annotations

from typing import Any


def sigmoid(xp: Any, x: Any) -> Any:
    nonnegative = x >= 0
    # -|x| through where, not abs: autograd gives abs the slope 0 at 0 (torch), which
    # would make sigma'(0) come out 0 instead of 1/4; each branch here is smooth.
    e = xp.exp(xp.where(nonnegative, -x, x))  # at most 1, so it never overflows
    # For x < 0, e / (1 + e) computes the small tail directly instead of as
    # 1 - sigma(-x), which cancels to 0.
    return xp.where(nonnegative, 1 / (1 + e), e / (1 + e))
