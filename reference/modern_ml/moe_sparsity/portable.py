"""MoE parameter and compute multiples on any array namespace."""

from __future__ import annotations

from typing import Any


def moe_sparsity(xp: Any, num_experts: Any, top_k: Any, *, num_shared: int = 0
                 ) -> dict[str, Any]:
    if num_shared < 0:
        msg = f"num_shared must be >= 0, got {num_shared}"
        raise ValueError(msg)
    if xp.any(top_k < 1) or xp.any(top_k > num_experts):
        msg = "every top_k must lie in [1, num_experts]"
        raise ValueError(msg)
    params = num_experts + num_shared
    compute = top_k + num_shared
    ratio = xp.astype(params, xp.float64) / xp.astype(compute, xp.float64)
    return {"params_multiple": params, "compute_multiple": compute, "sparsity": ratio}
