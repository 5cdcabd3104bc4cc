"""The oracle of sigmoid: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("sigmoid")
def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + mpa.exp(-x))
