"""The oracle of elementwise_product: one exact product per entry (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle
from mlcanon_reference.tensors._oracle import elementwise, same_shape


@oracle("elementwise_product")
def elementwise_product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    same_shape(a, b, "elementwise_product")
    # a zero product is negative when exactly one factor is negative (or -0)
    return elementwise(a, b, lambda x, y: x * y, lambda p, q: p != q)
