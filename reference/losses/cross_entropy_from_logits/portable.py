"""Cross-entropy from logits and class indices on any array namespace, via logsumexp."""

from __future__ import annotations

from typing import Any

from array_api_compat import size

from mlcanon_reference.losses._portable import check_reduction, reduce


def cross_entropy_from_logits(xp: Any, logits: Any, target: Any, *,
                              reduction: str | None = "mean") -> Any:
    _check(xp, logits, target, reduction)
    # the max shift keeps exp from overflowing at logits of 1000; a -inf logit gives exp 0
    shifted = logits - xp.max(logits, axis=-1, keepdims=True)
    log_norm = xp.log(xp.sum(xp.exp(shifted), axis=-1))
    picked = xp.take_along_axis(shifted, target[..., None], axis=-1)[..., 0]
    return reduce(xp, log_norm - picked, reduction)


def _check(xp: Any, logits: Any, target: Any, reduction: str | None) -> None:
    check_reduction(reduction)
    leading = tuple(logits.shape[:-1])
    if tuple(target.shape) != leading:
        msg = (f"logits {tuple(logits.shape)} need a target of shape {leading}, "
               f"got {tuple(target.shape)}")
        raise ValueError(msg)
    n_classes = logits.shape[-1]
    # checked up front: take would wrap -1 (or torch's ignore index -100) around
    if size(target) and (int(xp.min(target)) < 0 or int(xp.max(target)) >= n_classes):
        msg = (f"class indices must lie in [0, {n_classes}), "
               f"got [{int(xp.min(target))}, {int(xp.max(target))}]")
        raise IndexError(msg)
