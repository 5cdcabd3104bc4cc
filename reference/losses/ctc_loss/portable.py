"""CTC loss on any array namespace: the log-space forward (alpha) recursion, batched.

States are 0 (nothing emitted yet) and 1 .. 2S + 1 for the extended target
blank y1 blank y2 ... yS blank; state k may be reached from k (stay), k - 1, and k - 2
when k holds a label different from the one two states back (a repeat needs its blank).
"""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.losses._portable import check_reduction, reduce


def ctc_loss(xp: Any, log_probs: Any, targets: Any, input_lengths: Any, target_lengths: Any,
             *, blank: int = 0, reduction: str | None = "mean",
             zero_infinity: bool = False) -> Any:
    _check(xp, log_probs, targets, input_lengths, target_lengths, blank, reduction)
    n, frames, _ = log_probs.shape
    where = device(log_probs)
    valid = xp.arange(targets.shape[1], device=where)[None, :] < target_lengths[:, None]
    labels = xp.where(valid, targets, xp.full_like(targets, blank))
    extended = _extended(xp, labels, blank)  # (N, 2S + 2), state 0 first
    states = extended.shape[1]
    index = xp.broadcast_to(extended[:, None, :], (n, frames, states))
    emit = xp.take_along_axis(log_probs, index, axis=2)  # log-prob of each state's label
    none = xp.full((n, states), -xp.inf, dtype=log_probs.dtype, device=where)  # log 0
    position = xp.arange(states, device=where)[None, :]
    not_start = position >= 1
    skip = _skip_allowed(xp, extended, position)
    alpha = xp.where(position == 0, xp.zeros_like(none), none)
    for t in range(frames):
        stay = xp.where(not_start, alpha, none)
        one = xp.concat([none[:, :1], alpha[:, :-1]], axis=1)
        two = xp.where(skip, xp.concat([none[:, :2], alpha[:, :-2]], axis=1), none)
        step = xp.where(not_start, _logsumexp(xp, stay, one, two) + emit[:, t, :], none)
        alpha = xp.where((t < input_lengths)[:, None], step, alpha)  # frames past T_n: keep
    last = xp.take_along_axis(alpha, 2 * target_lengths[:, None], axis=1)[:, 0]  # last label
    after = xp.take_along_axis(alpha, 2 * target_lengths[:, None] + 1, axis=1)[:, 0]  # blank
    loss = 0.0 - _logsumexp(xp, last, after)  # 0 - 0 is +0, where -(0) would be -0
    if zero_infinity:
        loss = xp.where(loss == xp.inf, xp.zeros_like(loss), loss)
    return reduce(xp, loss, reduction)


def _extended(xp: Any, labels: Any, blank: int) -> Any:
    """blank, y1, blank, y2, ..., yS, blank, with a leading blank for the start state."""
    n, length = labels.shape
    blanks = xp.full_like(labels, blank)
    pairs = xp.reshape(xp.stack([blanks, labels], axis=2), (n, 2 * length))
    edge = xp.full((n, 1), blank, dtype=labels.dtype, device=device(labels))
    return xp.concat([edge, pairs, edge], axis=1)


def _skip_allowed(xp: Any, extended: Any, position: Any) -> Any:
    """States 2, 4, ... (labels) may skip the blank before them unless it separates a repeat;
    state 2 (the first label) always may, from the start state."""
    before = xp.concat([extended[:, :2], extended[:, :-2]], axis=1)
    is_label = (position % 2 == 0) & (position >= 2)
    return is_label & ((position == 2) | (extended != before))


def _logsumexp(xp: Any, *terms: Any) -> Any:
    """log sum exp of the terms, -inf where all are -inf, with finite gradients there: log
    sees 1 instead of 0 (a second where), or autodiff would give 0 * inf = NaN."""
    top = terms[0]
    for term in terms[1:]:
        top = xp.maximum(top, term)
    top = xp.where(xp.isinf(top), xp.zeros_like(top), top)
    total = sum((xp.exp(term - top) for term in terms[1:]), xp.exp(terms[0] - top))
    reached = total > 0
    safe = xp.where(reached, total, xp.ones_like(total))
    return xp.where(reached, top + xp.log(safe), xp.full_like(total, -xp.inf))


def _check(xp: Any, log_probs: Any, targets: Any, input_lengths: Any, target_lengths: Any,
           blank: int, reduction: str | None) -> None:
    check_reduction(reduction)
    if log_probs.ndim != 3 or targets.ndim != 2:
        msg = (f"log_probs must be (N, T, C) and targets (N, S), got {tuple(log_probs.shape)} "
               f"and {tuple(targets.shape)}")
        raise ValueError(msg)
    n, frames, classes = log_probs.shape
    shapes = (targets.shape[0], tuple(input_lengths.shape), tuple(target_lengths.shape))
    if shapes != (n, (n,), (n,)):
        msg = f"a batch of {n} needs {n} targets and lengths, got shapes {shapes}"
        raise ValueError(msg)
    if not 0 <= blank < classes:
        msg = f"blank must lie in [0, {classes}), got {blank}"
        raise ValueError(msg)
    _check_range(xp, input_lengths, frames, "input_lengths")
    _check_range(xp, target_lengths, targets.shape[1], "target_lengths")
    valid = xp.arange(targets.shape[1], device=device(targets))[None, :] < target_lengths[:, None]
    used = xp.where(valid, targets, xp.full_like(targets, blank))  # padding: anything
    if n and targets.shape[1] and (int(xp.min(used)) < 0 or int(xp.max(used)) >= classes):
        msg = f"target labels must lie in [0, {classes}), got [{int(xp.min(used))}, " \
              f"{int(xp.max(used))}]"
        raise IndexError(msg)
    if bool(xp.any(valid & (targets == blank))):
        msg = f"a target holds the blank label {blank}"
        raise ValueError(msg)


def _check_range(xp: Any, lengths: Any, limit: int, name: str) -> None:
    if lengths.shape[0] and (int(xp.min(lengths)) < 0 or int(xp.max(lengths)) > limit):
        msg = f"{name} must lie in [0, {limit}], got [{int(xp.min(lengths))}, " \
              f"{int(xp.max(lengths))}]"
        raise ValueError(msg)
