"""The oracle of rlhf_reward_model_loss: -ln sigmoid(r_w - r_l) per pair (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape

mp = mpa.mp


@oracle("rlhf_reward_model_loss")
def rlhf_reward_model_loss(chosen_rewards: np.ndarray, rejected_rewards: np.ndarray, *,
                           reduction: str = "mean") -> object:
    same_shape(chosen_rewards, rejected_rewards)
    loss = np.empty(chosen_rewards.shape, dtype=object)
    for i in np.ndindex(loss.shape):
        # Bradley-Terry: P(chosen preferred) = e^r_w / (e^r_w + e^r_l)
        r_w, r_l = chosen_rewards[i], rejected_rewards[i]
        loss[i] = -mp.log(mp.exp(r_w) / (mp.exp(r_w) + mp.exp(r_l)))
    return reduce(loss, reduction)
