"""The oracle of dpo_loss: -ln sigmoid(beta * margin) per pair (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape

mp = mpa.mp


@oracle("dpo_loss")
def dpo_loss(policy_chosen_logps: np.ndarray, policy_rejected_logps: np.ndarray,
             ref_chosen_logps: np.ndarray, ref_rejected_logps: np.ndarray, *,
             beta: float = 0.1, reduction: str = "mean") -> object:
    for other in (policy_rejected_logps, ref_chosen_logps, ref_rejected_logps):
        same_shape(policy_chosen_logps, other)
    if not beta > 0:
        msg = f"beta must be positive, got {beta!r}"
        raise ValueError(msg)
    loss = np.empty(policy_chosen_logps.shape, dtype=object)
    for i in np.ndindex(loss.shape):
        chosen = policy_chosen_logps[i] - ref_chosen_logps[i]  # implicit reward / beta
        rejected = policy_rejected_logps[i] - ref_rejected_logps[i]
        x = mp.mpf(beta) * (chosen - rejected)
        loss[i] = -mp.log(1 / (1 + mp.exp(-x)))
    return reduce(loss, reduction)
