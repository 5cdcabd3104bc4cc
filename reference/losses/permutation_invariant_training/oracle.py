"""The oracle of permutation_invariant_training: every permutation tried in turn (mpmath)."""

from __future__ import annotations

import itertools

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _pair_loss(estimate: np.ndarray, target: np.ndarray, loss: str) -> object:
    if loss == "mse":
        return mp.fsum((e - t) ** 2 for e, t in zip(estimate, target, strict=True)) / len(target)
    scale = mp.fsum(e * t for e, t in zip(estimate, target, strict=True)) / \
        mp.fsum(t * t for t in target)
    signal = mp.fsum((scale * t) ** 2 for t in target)
    noise = mp.fsum((scale * t - e) ** 2 for e, t in zip(estimate, target, strict=True))
    if noise == 0:
        return -mp.inf
    return -10 * mp.log10(signal / noise)


@oracle("permutation_invariant_training")
def permutation_invariant_training(estimates: np.ndarray, targets: np.ndarray, *,
                                   loss: str = "mse", reduction: str | None = "mean"
                                   ) -> dict[str, object]:
    if loss not in ("mse", "neg_si_sdr") or reduction not in ("mean", "sum", "none", None):
        msg = f"unknown loss {loss!r} or reduction {reduction!r}"
        raise ValueError(msg)
    if estimates.shape != targets.shape or estimates.ndim != 3 or estimates.shape[1] == 0:
        msg = f"estimates {estimates.shape} and targets {targets.shape}: need one (B, S, T)"
        raise ValueError(msg)
    batch, sources, _ = targets.shape
    best_loss = np.empty(batch, dtype=object)
    best_perm = np.zeros((batch, sources), dtype=np.int64)
    for b in range(batch):
        best = None
        for perm in itertools.permutations(range(sources)):  # lexicographic: first wins ties
            value = mp.fsum(_pair_loss(estimates[b, perm[j]], targets[b, j], loss)
                            for j in range(sources)) / sources
            if best is None or value < best:
                best, best_perm[b] = value, perm
        best_loss[b] = best
    if reduction == "mean":
        return {"loss": mp.fsum(best_loss) / batch, "perm": best_perm}
    if reduction == "sum":
        return {"loss": mp.fsum(best_loss), "perm": best_perm}
    return {"loss": best_loss, "perm": best_perm}
