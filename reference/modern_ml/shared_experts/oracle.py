"""The oracle of shared_experts: the routed output plus each gated shared output (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("shared_experts")
def shared_experts(routed: np.ndarray, shared_outputs: np.ndarray,
                   shared_gate_logits: np.ndarray | None = None) -> np.ndarray:
    if shared_outputs.shape[:-2] + shared_outputs.shape[-1:] != routed.shape or (
            shared_gate_logits is not None
            and shared_gate_logits.shape != shared_outputs.shape[:-1]):
        msg = "shapes of routed, shared_outputs and shared_gate_logits do not fit"
        raise ValueError(msg)
    y = routed.copy()
    for index in np.ndindex(routed.shape):
        lead, j = index[:-1], index[-1]
        for s in range(shared_outputs.shape[-2]):
            weight = mp.mpf(1)
            if shared_gate_logits is not None:
                weight = 1 / (1 + mp.exp(-shared_gate_logits[(*lead, s)]))
            y[index] = y[index] + weight * shared_outputs[(*lead, s, j)]
    return y
