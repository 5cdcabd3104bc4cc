"""The oracle of knowledge_distillation: T² · sum p (ln p - ln q), row by row (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _log_softmax(row: list) -> list:
    finite = [v for v in row if v != -mp.inf]
    top = max(finite)
    lse = top + mp.log(sum(mp.exp(v - top) for v in finite))
    return [v - lse for v in row]


@oracle("knowledge_distillation")
def knowledge_distillation(student_logits: np.ndarray, teacher_logits: np.ndarray, *,
                           temperature: float = 2.0, reduction: str | None = "mean") -> object:
    if not temperature > 0 or student_logits.shape != teacher_logits.shape:
        msg = f"temperature {temperature!r} must be > 0 and the shapes must agree"
        raise ValueError(msg)
    t = mp.mpf(temperature)
    lead = student_logits.shape[:-1]
    rows = np.empty(lead, dtype=object)
    for index in np.ndindex(lead):
        log_q = _log_softmax([v / t for v in student_logits[index]])
        log_p = _log_softmax([v / t for v in teacher_logits[index]])
        total = mp.mpf(0)
        for lp, lq in zip(log_p, log_q, strict=True):
            if lp != -mp.inf:  # p = 0 contributes nothing, whatever q is
                total += mp.exp(lp) * (lp - lq)
        rows[index] = t * t * total
    if reduction in (None, "none"):
        return rows
    total = sum(rows.flat, mp.mpf(0))
    if reduction == "sum":
        return total
    if reduction == "mean":
        return total / rows.size
    msg = f"unknown reduction {reduction!r}"
    raise ValueError(msg)
