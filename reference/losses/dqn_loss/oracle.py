"""The oracle of dqn_loss: the squared one-step TD error per transition (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce

mp = mpa.mp


@oracle("dqn_loss")
def dqn_loss(q: np.ndarray, actions: np.ndarray, rewards: np.ndarray, q_next: np.ndarray,
             dones: np.ndarray, *, gamma: float = 0.99, reduction: str = "mean") -> object:
    n, n_actions = q.shape
    if q_next.shape != q.shape or actions.shape != (n,) or rewards.shape != (n,) \
            or dones.shape != (n,) or not 0 <= gamma <= 1:
        msg = "need q, q_next (N, A), actions, rewards, dones (N,) and gamma in [0, 1]"
        raise ValueError(msg)
    loss = np.empty(n, dtype=object)
    for i in range(n):
        a = int(actions[i])
        if not 0 <= a < n_actions:
            msg = f"action {a} is outside [0, {n_actions})"
            raise IndexError(msg)
        best_next = max(q_next[i])  # the target network's greedy value of s'
        bootstrap = 0 if dones[i] != 0 else mp.mpf(gamma) * best_next
        loss[i] = (rewards[i] + bootstrap - q[i, a]) ** 2
    return reduce(loss, reduction)
