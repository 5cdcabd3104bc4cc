"""NumPy native bindings: layers."""

from __future__ import annotations

import numpy as np

from mlcanon import native


@native("numpy.take")
def embedding_lookup(weight: np.ndarray, ids: np.ndarray) -> np.ndarray:
    return np.take(weight, ids, axis=0)
