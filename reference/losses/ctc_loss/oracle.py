"""The oracle of ctc_loss: a brute-force sum over every frame labelling (mpmath).

No forward recursion here: each of the C^T labellings of a sequence's frames is collapsed
(repeats merged, then blanks dropped) and kept if it spells the target, so the sum is
the definition itself. Only small cases (C^T of a few thousand) are feasible.
"""

from __future__ import annotations

import itertools

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce

mp = mpa.mp


def _collapse(path: tuple[int, ...], blank: int) -> tuple[int, ...]:
    merged = [label for i, label in enumerate(path) if i == 0 or label != path[i - 1]]
    return tuple(label for label in merged if label != blank)


def _sequence_loss(log_probs: np.ndarray, target: tuple[int, ...], blank: int) -> object:
    frames, classes = log_probs.shape
    total = mp.mpf(0)
    for path in itertools.product(range(classes), repeat=frames):
        if _collapse(path, blank) == target:
            total += mp.exp(mp.fsum(log_probs[t, label] for t, label in enumerate(path)))
    return -mp.log(total) if total > 0 else mp.inf


@oracle("ctc_loss")
def ctc_loss(log_probs: np.ndarray, targets: np.ndarray, input_lengths: np.ndarray,
             target_lengths: np.ndarray, *, blank: int = 0, reduction: str | None = "mean",
             zero_infinity: bool = False) -> object:
    batch, frames, classes = log_probs.shape
    if not 0 <= blank < classes:
        msg = f"blank {blank} is outside [0, {classes})"
        raise ValueError(msg)
    loss = np.empty(batch, dtype=object)
    for n in range(batch):
        length, label_count = int(input_lengths[n]), int(target_lengths[n])
        if not (0 <= length <= frames and 0 <= label_count <= targets.shape[1]):
            msg = f"lengths ({length}, {label_count}) outside the padded shapes"
            raise ValueError(msg)
        target = tuple(int(k) for k in targets[n, :label_count])
        if any(not 0 <= k < classes for k in target):
            msg = f"target {target} has a label outside [0, {classes})"
            raise IndexError(msg)
        if blank in target:
            msg = f"target {target} contains the blank {blank}"
            raise ValueError(msg)
        value = _sequence_loss(log_probs[n, :length], target, blank)
        loss[n] = mp.mpf(0) if zero_infinity and value == mp.inf else value
    return reduce(loss, reduction)
