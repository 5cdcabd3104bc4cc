"""VQ-VAE nearest-code quantization and its loss on any array namespace."""

from __future__ import annotations

import math
from typing import Any


def vq_vae_quantization(xp: Any, z: Any, codebook: Any, *,
                        beta: float = 0.25) -> tuple[Any, Any, Any]:
    if codebook.ndim != 2 or codebook.shape[0] == 0:
        msg = f"codebook must be a non-empty (K, D) matrix, got shape {tuple(codebook.shape)}"
        raise ValueError(msg)
    if z.ndim < 1 or z.shape[-1] != codebook.shape[1]:
        msg = f"z has width {z.shape[-1] if z.ndim else 0}, the codes {codebook.shape[1]}"
        raise ValueError(msg)
    # differences, not |z|^2 - 2 z.e + |e|^2, which cancels for codes far from the origin
    diff = z[..., None, :] - codebook
    distance = xp.sum(diff * diff, axis=-1)
    index = xp.argmin(distance, axis=-1)  # the first of equal minima
    z_q = xp.take(codebook, xp.reshape(index, (-1,)), axis=0)
    z_q = xp.reshape(z_q, tuple(z.shape))
    error = z_q - z
    mse = xp.sum(error * error) / math.prod(z.shape)  # torch's .size is a method
    return index, z_q, mse + beta * mse
