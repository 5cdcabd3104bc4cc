"""Distillation loss on any array namespace: T² · KL(teacher || student) from log-softmaxes."""

from __future__ import annotations

from typing import Any

REDUCTIONS = ("mean", "sum", "none", None)  # None is the spec's "none"


def _log_softmax(xp: Any, z: Any) -> Any:
    shifted = z - xp.max(z, axis=-1, keepdims=True)
    return shifted - xp.log(xp.sum(xp.exp(shifted), axis=-1, keepdims=True))


def knowledge_distillation(xp: Any, student_logits: Any, teacher_logits: Any, *,
                           temperature: float = 2.0, reduction: str | None = "mean") -> Any:
    if not temperature > 0:
        msg = f"temperature must be > 0, got {temperature!r}"
        raise ValueError(msg)
    if reduction not in REDUCTIONS:
        msg = f"reduction must be 'mean', 'sum' or 'none' (None), got {reduction!r}"
        raise ValueError(msg)
    if tuple(student_logits.shape) != tuple(teacher_logits.shape) or student_logits.ndim < 1:
        msg = (f"student_logits {tuple(student_logits.shape)} and teacher_logits "
               f"{tuple(teacher_logits.shape)} must have one shape (..., C)")
        raise ValueError(msg)
    log_q = _log_softmax(xp, student_logits / temperature)
    log_p = _log_softmax(xp, teacher_logits / temperature)
    p = xp.exp(log_p)
    # p = 0 contributes 0 even where q = 0 too (0 * (-inf + inf) would be NaN)
    terms = xp.where(p > 0, p * (log_p - log_q), xp.zeros_like(p))
    rows = temperature**2 * xp.sum(terms, axis=-1)
    if reduction in (None, "none"):
        return rows
    return xp.sum(rows) if reduction == "sum" else xp.mean(rows)
