"""The oracle of adamw: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle
from mlcanon_reference.optimizers._oracle import adam_path


@oracle("adamw")
def adamw(theta: np.ndarray, grads: np.ndarray, *, lr: float = 0.001, beta1: float = 0.9,
          beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.01) -> np.ndarray:
    return adam_path(theta, grads, lr, beta1, beta2, eps, weight_decay)
