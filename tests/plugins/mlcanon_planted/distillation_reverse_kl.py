"""Planted bug: distillation with the KL the wrong way round, KL(student || teacher).

The classic F.kl_div slip: passing the teacher's log-probabilities as the input and the
student's probabilities as the target (F.kl_div(log p_teacher, q_student)) computes the
reverse divergence, which is also >= 0 and 0 at a perfect student, so training still runs.
"""

import numpy as np


def _log_softmax(z):
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def knowledge_distillation(student_logits, teacher_logits, *, temperature=2.0, reduction="mean"):
    if not temperature > 0:
        raise ValueError("temperature must be > 0")
    if student_logits.shape != teacher_logits.shape:
        raise ValueError("student and teacher logits must have one shape")
    if reduction not in ("mean", "sum", "none", None):
        raise ValueError("unknown reduction")
    log_q = _log_softmax(student_logits / temperature)
    log_p = _log_softmax(teacher_logits / temperature)
    q = np.exp(log_q)
    # the bug: weights by the student's q instead of the teacher's p
    terms = np.where(q > 0, q * (log_q - log_p), 0.0)
    rows = (temperature**2 * np.sum(terms, axis=-1)).astype(student_logits.dtype)
    if reduction in (None, "none"):
        return rows
    return np.sum(rows) if reduction == "sum" else np.mean(rows)
