"""Perplexity on any array namespace: the log base raised to the mean negative log-prob."""

from __future__ import annotations

from typing import Any


def perplexity(xp: Any, log_probs: Any, *, axis: int = -1,
               log_base: float | str = "e") -> Any:
    if not -log_probs.ndim <= axis < log_probs.ndim:
        msg = f"axis {axis} is out of range for an input with {log_probs.ndim} dimensions"
        raise IndexError(msg)
    nll = -xp.mean(log_probs, axis=axis)
    if log_base == "e":
        return xp.exp(nll)
    if isinstance(log_base, str) or not log_base > 0 or log_base == 1:
        msg = f"log_base must be 'e' or a positive number other than 1, got {log_base!r}"
        raise ValueError(msg)
    # base ** nll directly: exp(nll ln b) would round ln b and lose 2^2 = 4 exactly.
    return float(log_base) ** nll
