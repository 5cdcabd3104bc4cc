"""The oracle of matmul: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


def _inner_sizes(a_shape: tuple[int, ...], b_shape: tuple[int, ...]) -> tuple[int, int]:
    if not a_shape or not b_shape:
        msg = f"matmul needs inputs of at least one dimension, got {a_shape} and {b_shape}"
        raise ValueError(msg)
    return a_shape[-1], b_shape[0] if len(b_shape) == 1 else b_shape[-2]


@oracle("matmul")
def matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """C_ij = sum_k A_ik B_kj over broadcast batches; 1-D operands are promoted and dropped."""
    k_a, k_b = _inner_sizes(a.shape, b.shape)
    if k_a != k_b:
        msg = f"matmul inner dimensions differ: {a.shape} @ {b.shape} ({k_a} != {k_b})"
        raise ValueError(msg)
    left = a[None, :] if a.ndim == 1 else a
    right = b[:, None] if b.ndim == 1 else b
    c = np.sum(left[..., :, :, None] * right[..., None, :, :], axis=-2)
    if a.ndim == 1:
        c = c[..., 0, :]
    if b.ndim == 1:
        c = c[..., 0]
    return c
