"""Permutation invariant training on any array namespace: a pairwise loss matrix, then the
best of the S! assignments (enumerated on the host; S is small, 2 to 4 speakers)."""

from __future__ import annotations

import itertools
import math
from typing import Any

from array_api_compat import device

from mlcanon_reference.losses._portable import check_reduction, reduce

LOSSES = ("mse", "neg_si_sdr")


def permutation_invariant_training(xp: Any, estimates: Any, targets: Any, *, loss: str = "mse",
                                   reduction: str | None = "mean") -> dict[str, Any]:
    _check(estimates, targets, loss, reduction)
    sources = targets.shape[1]
    pairwise = _pairwise(xp, estimates[:, :, None, :], targets[:, None, :, :], loss)  # (B, i, j)
    # lexicographic order, so argmin (the first minimum) picks the first of tied permutations
    perms = list(itertools.permutations(range(sources)))
    where = device(estimates)
    table = xp.asarray(perms, dtype=xp.int64, device=where)  # (P, S): estimate for target j
    flat = xp.reshape(pairwise, (pairwise.shape[0], sources * sources))
    cells = xp.reshape(table * sources + xp.arange(sources, device=where)[None, :], (-1,))
    chosen = xp.reshape(xp.take(flat, cells, axis=1), (flat.shape[0], len(perms), sources))
    totals = xp.sum(chosen, axis=2) / sources  # (B, P)
    best = xp.argmin(totals, axis=1)
    return {"loss": reduce(xp, xp.min(totals, axis=1), reduction),
            "perm": xp.take(table, best, axis=0)}


def _pairwise(xp: Any, estimate: Any, target: Any, loss: str) -> Any:
    if loss == "mse":
        return xp.mean((estimate - target) ** 2, axis=-1)
    scale = xp.sum(estimate * target, axis=-1, keepdims=True) / \
        xp.sum(target * target, axis=-1, keepdims=True)
    signal = xp.sum((scale * target) ** 2, axis=-1)
    noise = xp.sum((scale * target - estimate) ** 2, axis=-1)
    return -10.0 * xp.log10(signal / noise)  # a perfect estimate: -10 log10(inf) = -inf


def _check(estimates: Any, targets: Any, loss: str, reduction: str | None) -> None:
    check_reduction(reduction)
    if loss not in LOSSES:
        msg = f"loss must be one of {LOSSES}, got {loss!r}"
        raise ValueError(msg)
    shape = tuple(estimates.shape)
    if shape != tuple(targets.shape) or len(shape) != 3 or shape[1] == 0:
        msg = (f"estimates {shape} and targets {tuple(targets.shape)} need one shape (B, S, T) "
               "with S >= 1")
        raise ValueError(msg)
    if math.factorial(shape[1]) > 40320:
        msg = f"{shape[1]} sources make {math.factorial(shape[1])} permutations; at most 8"
        raise ValueError(msg)
