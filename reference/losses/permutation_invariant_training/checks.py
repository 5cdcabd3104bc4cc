"""Property checks of permutation_invariant_training (named by the spec's cases)."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


def _clear_winner(estimates: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Batch items whose best mse assignment beats the runner-up by a clear margin (ties,
    such as Hypothesis' all-zero inputs, may legitimately resolve either way)."""
    sources = targets.shape[1]
    pairwise = np.mean((estimates[:, :, None] - targets[:, None]) ** 2, axis=-1)
    totals = np.sort([[np.mean([pairwise[b, p[j], j] for j in range(sources)])
                       for p in itertools.permutations(range(sources))]
                      for b in range(targets.shape[0])], axis=1)
    return totals[:, 1] - totals[:, 0] > 1e-3 * (1.0 + np.abs(totals[:, 0]))


@property_check("pit_estimate_order_free")
def pit_estimate_order_free(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                            dtype: str, bound: Any) -> None:
    """Reordering the estimated sources changes neither the loss nor which estimate is
    matched to each target (perm follows the reorder, where the best assignment is clear).
    For the default mse loss."""
    none = {**params, "reduction": None}
    base = run(inputs, none)
    order = np.array([2, 0, 1])  # new position k holds old estimate order[k]
    moved = run({**inputs, "estimates": inputs["estimates"][:, order].copy()}, none)
    assert_close(moved["loss"], base["loss"].astype(np.float64), bound,
                 "after reordering the estimates")
    position = np.argsort(order)  # old estimate i now sits at position[i]
    clear = _clear_winner(inputs["estimates"].astype(np.float64),
                          inputs["targets"].astype(np.float64))
    if not np.array_equal(moved["perm"][clear], position[base["perm"]][clear]):
        msg = (f"perm {moved['perm'].tolist()} does not follow the reorder of "
               f"{base['perm'].tolist()}")
        raise CheckFailed(msg)
