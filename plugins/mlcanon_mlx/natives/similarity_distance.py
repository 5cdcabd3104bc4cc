"""MLX native bindings: similarities (mlx.nn.losses.cosine_similarity_loss)."""

from __future__ import annotations

import mlx.core as mx
import mlx.nn as nn

from mlcanon import native
from mlcanon_mlx.deviations import cases as _cases


@native("mlx.nn.losses.cosine_similarity_loss")
def cosine_similarity(a: mx.array, b: mx.array, *, axis: int = -1,
                      eps: float = 1e-8) -> mx.array:
    # despite its name the op returns the similarity itself; its default axis is 1
    return nn.losses.cosine_similarity_loss(a, b, axis=axis, eps=eps, reduction="none")


# -- known deviations (measured with mlx 0.32.4 on the CPU) --------------------------

_COS_EPS = (
    "mlx.nn.losses.cosine_similarity_loss divides by max(|a| |b|, eps), clamping the "
    "product of the norms: vectors of norm ~1e-5 give 8.7e-11 instead of the canon's "
    "8.7e-3 (each norm clamped at eps)",
    "https://ml-explore.github.io/mlx/build/html/python/nn/_autosummary_functions/mlx.nn.losses.cosine_similarity_loss.html",
)

KNOWN_DEVIATIONS = (
    *_cases("cosine_similarity", ("tiny_norms_clamped_separately",), *_COS_EPS, dtype="float32"),
)
