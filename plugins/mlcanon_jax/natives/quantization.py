"""Per-tensor weight quantization in JAX (jnp.round rounds half to even)."""

from __future__ import annotations

import jax.numpy as jnp


def _grid(bits: int, scheme: str) -> tuple[int, int]:
    if not 2 <= bits <= 8:
        msg = f"bits must be in [2, 8], got {bits}"
        raise ValueError(msg)
    if scheme not in ("affine", "symmetric"):
        msg = f"scheme must be 'affine' or 'symmetric', got {scheme!r}"
        raise ValueError(msg)
    return -(2 ** (bits - 1)), 2 ** (bits - 1) - 1


def weight_quantization(w: jnp.ndarray, *, bits: int = 8, scheme: str = "affine"
                        ) -> tuple[jnp.ndarray, jnp.ndarray, jnp.ndarray, jnp.ndarray]:
    qmin, qmax = _grid(bits, scheme)
    if scheme == "affine":
        lo, hi = jnp.minimum(w.min(), 0), jnp.maximum(w.max(), 0)  # the range contains 0
        scale = (hi - lo) / (qmax - qmin)
        scale = jnp.where(scale > 0, scale, jnp.ones_like(scale))  # an all-zero tensor
        zero_point = jnp.round(qmin - lo / scale).astype(jnp.int64)
    else:
        scale = jnp.abs(w).max() / qmax
        scale = jnp.where(scale > 0, scale, jnp.ones_like(scale))
        zero_point = jnp.zeros((), dtype=jnp.int64)
    q = jnp.clip(jnp.round(w / scale) + zero_point, qmin, qmax).astype(jnp.int8)
    w_hat = scale * (q.astype(w.dtype) - zero_point.astype(w.dtype))
    return q, scale, zero_point, w_hat
