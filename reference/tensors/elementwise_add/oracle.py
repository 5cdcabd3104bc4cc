"""The oracle of elementwise_add: one exact sum per entry (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle
from mlcanon_reference.tensors._oracle import elementwise, same_shape


@oracle("elementwise_add")
def elementwise_add(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    same_shape(a, b, "elementwise_add")
    # an exact zero sum is -0 only when both terms are -0 (round to nearest)
    return elementwise(a, b, lambda x, y: x + y, lambda p, q: p and q)
