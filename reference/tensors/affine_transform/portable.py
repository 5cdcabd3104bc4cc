"""Affine transform on any array namespace: points as rows, x A^T + t."""

from __future__ import annotations

from typing import Any


def affine_transform(xp: Any, a: Any, x: Any, t: Any) -> Any:
    m, n = a.shape
    if x.ndim == 0 or x.shape[-1] != n or tuple(t.shape) != (m,):
        msg = (f"shapes do not fit y = A x + t: A {tuple(a.shape)}, x {tuple(x.shape)}, "
               f"t {tuple(t.shape)}")
        raise ValueError(msg)
    y = xp.matmul(x, xp.matrix_transpose(a))
    if y.dtype != x.dtype:
        # NumPy's matmul of ml_dtypes bfloat16 arrays returns float32: round it back
        y = xp.astype(y, x.dtype)
    return y + t
