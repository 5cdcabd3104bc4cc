"""InfoNCE over a square similarity matrix on any array namespace (optionally CLIP's
symmetric form), via a max-shifted logsumexp."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.losses._portable import check_reduction, reduce


def infonce_loss(xp: Any, scores: Any, *, tau: float = 0.07, symmetric: bool = False,
                 reduction: str | None = "mean") -> Any:
    check_reduction(reduction)
    shape = tuple(scores.shape)
    if len(shape) < 2 or shape[-1] != shape[-2]:
        msg = f"scores must be square in the last two axes (..., N, N), got {shape}"
        raise ValueError(msg)
    if not tau > 0:
        msg = f"tau must be positive, got {tau!r}"
        raise ValueError(msg)
    logits = scores / tau
    loss = _cross_entropy_to_diagonal(xp, logits, axis=-1)
    if symmetric:
        loss = (loss + _cross_entropy_to_diagonal(xp, logits, axis=-2)) / 2
    return reduce(xp, loss, reduction)


def _cross_entropy_to_diagonal(xp: Any, logits: Any, axis: int) -> Any:
    """-log softmax(logits, axis) at the diagonal, without cancellation when it is small.

    With m the max along axis, d = l_ii - m <= 0 and R the sum of exp(l_ij - m) over the
    other entries, the loss is ln(e^d + R) - d = log1p(expm1(d) + R) - d: a confident
    positive (d = 0, R = e^-25) keeps its loss R instead of rounding ln(1 + R) to 0.
    """
    n = logits.shape[-1]
    off_diagonal = ~xp.eye(n, dtype=xp.bool, device=device(logits))
    shifted = logits - xp.max(logits, axis=axis, keepdims=True)  # exp cannot overflow
    d = xp.linalg.diagonal(shifted)
    others = xp.where(off_diagonal, xp.exp(shifted), xp.zeros_like(shifted))
    return xp.log1p(xp.expm1(d) + xp.sum(others, axis=axis)) - d
