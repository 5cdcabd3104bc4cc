"""What NumPy does by default where the canon pins a choice (measured, not typed in)."""

from __future__ import annotations

import numpy as np

from mlcanon import Backend, DefaultProbe

VALUES = [2.0, 4.0, 4.0, 5.0]
TABLE = [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]


def _norm_of_huge_entries() -> np.ndarray:
    with np.errstate(over="ignore"):  # the overflow is what this probe measures
        return np.linalg.norm(np.array([1e200, 1e200]))


def probes(backend: Backend) -> list[DefaultProbe]:
    return [
        DefaultProbe("variance", "which divisor does the variance use by default?",
                     "np.var(x)", {"x": VALUES}, lambda: np.var(np.array(VALUES))),
        DefaultProbe("vector_norm", "does the 2-norm survive huge entries?",
                     "np.linalg.norm(x)", {"x": [1e200, 1e200]},
                     _norm_of_huge_entries),
        DefaultProbe("embedding_lookup", "what does a negative id give?",
                     "weight[ids]", {"weight": TABLE, "ids": [-1]},
                     lambda: np.array(TABLE)[np.array([-1])]),
        DefaultProbe("matmul", "what does an inner-size mismatch give?",
                     "a @ b", {"a": [[1.0, 2.0]], "b": [[1.0, 2.0]]},
                     lambda: np.array([[1.0, 2.0]]) @ np.array([[1.0, 2.0]])),
    ]
