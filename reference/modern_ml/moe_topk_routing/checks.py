"""Property checks of moe_topk_routing (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("routing_weights")
def routing_weights(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                    dtype: str, bound: Any) -> None:
    """Renormalised gates: k non-negative weights per token summing to 1, on the indices."""
    out = run(inputs, params)
    weights, indices = out["weights"].astype(np.float64), out["indices"]
    k = int(params.get("top_k", 2))
    if indices.shape != (*weights.shape[:-1], k):
        msg = f"indices shape {indices.shape}, expected {(*weights.shape[:-1], k)}"
        raise CheckFailed(msg)
    if np.any(weights < 0):
        msg = f"negative gate weight {weights.min()!r}"
        raise CheckFailed(msg)
    off = np.ones(weights.shape, dtype=bool)
    np.put_along_axis(off, indices, False, axis=-1)
    if np.any(weights[off] != 0):
        msg = "a weight off the selected indices is nonzero"
        raise CheckFailed(msg)
    total = weights.sum(axis=-1)
    assert_close(total, np.ones_like(total), bound, "sum of the kept weights")


@property_check("expert_permutation")
def expert_permutation(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                       dtype: str, bound: Any, seed: int = 0) -> None:
    """Relabelling the experts (logits and outputs together) permutes the weights and
    leaves y unchanged; ties are avoided by the continuous draw."""
    base = run(inputs, params)
    n_experts = inputs["logits"].shape[-1]
    perm = np.random.default_rng(seed).permutation(n_experts)
    moved = {"logits": inputs["logits"][..., perm],
             "expert_outputs": inputs["expert_outputs"][..., perm, :]}
    logits = inputs["logits"].astype(dtype)
    if any(len(set(row.tolist())) < n_experts for row in logits.reshape(-1, n_experts)):
        return  # tied logits: relabelling changes which tied expert wins
    other = run(moved, params)
    assert_close(other["weights"], base["weights"][..., perm].astype(np.float64), bound,
                 "weights after relabelling the experts")
    assert_close(other["y"], base["y"].astype(np.float64), bound,
                 "y after relabelling the experts")
