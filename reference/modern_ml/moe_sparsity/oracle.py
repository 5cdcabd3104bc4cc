"""The oracle of moe_sparsity: the three ratios, configuration by configuration (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("moe_sparsity")
def moe_sparsity(num_experts: np.ndarray, top_k: np.ndarray, *,
                 num_shared: int = 0) -> dict[str, np.ndarray]:
    experts, active = np.broadcast_arrays(num_experts, top_k)
    params = np.zeros(experts.shape, dtype=np.int64)
    compute = np.zeros(experts.shape, dtype=np.int64)
    ratio = np.empty(experts.shape, dtype=object)
    for index in np.ndindex(experts.shape):
        e, k = int(experts[index]), int(active[index])
        if not (1 <= k <= e and num_shared >= 0):
            msg = f"need 1 <= top_k <= E and num_shared >= 0, got E = {e}, k = {k}"
            raise ValueError(msg)
        params[index], compute[index] = e + num_shared, k + num_shared
        ratio[index] = mp.mpf(e + num_shared) / (k + num_shared)
    return {"params_multiple": params, "compute_multiple": compute, "sparsity": ratio}
