"""MLX native bindings: losses (mlx.nn.losses), reduced by the op's own reduction argument."""

from __future__ import annotations

import mlx.core as mx
import mlx.nn as nn
import numpy as np

from mlcanon import Backend, DefaultProbe, native
from mlcanon_mlx.deviations import cases as _cases

L = nn.losses


def _reduction(reduction: str | None) -> str:
    return "none" if reduction is None else reduction  # the spec's "none" arrives as None


@native("mlx.nn.losses.mse_loss")
def mse_loss(pred: mx.array, target: mx.array, *, reduction: str | None = "mean") -> mx.array:
    return L.mse_loss(pred, target, reduction=_reduction(reduction))


@native("mlx.nn.losses.l1_loss")
def mae_loss(pred: mx.array, target: mx.array, *, reduction: str | None = "mean") -> mx.array:
    return L.l1_loss(pred, target, reduction=_reduction(reduction))


@native("mlx.nn.losses.binary_cross_entropy")
def binary_cross_entropy(p: mx.array, y: mx.array, *, reduction: str | None = "mean"
                         ) -> mx.array:
    # the op takes logits unless told otherwise
    return L.binary_cross_entropy(p, y, with_logits=False, reduction=_reduction(reduction))


@native("mlx.nn.losses.binary_cross_entropy")
def bce_with_logits(logits: mx.array, y: mx.array, *, reduction: str | None = "mean"
                    ) -> mx.array:
    return L.binary_cross_entropy(logits, y, with_logits=True, reduction=_reduction(reduction))


@native("mlx.nn.losses.cross_entropy")
def cross_entropy_from_logits(logits: mx.array, target: mx.array, *,
                              reduction: str | None = "mean") -> mx.array:
    return L.cross_entropy(logits, target, axis=-1, reduction=_reduction(reduction))


@native("mlx.nn.losses.huber_loss")
def huber_loss(pred: mx.array, target: mx.array, *, delta: float = 1.0,
               reduction: str | None = "mean") -> mx.array:
    return L.huber_loss(pred, target, delta=delta, reduction=_reduction(reduction))


# mlx's hinge loss has its margin built in: max(0, 1 - y s)
@native("mlx.nn.losses.hinge_loss", only={"margin": 1.0})
def hinge_loss(scores: mx.array, y: mx.array, *, margin: float = 1.0,
               reduction: str | None = "mean") -> mx.array:
    return L.hinge_loss(scores, y, reduction=_reduction(reduction))


LOGITS = [[2.0, 1.0, 0.5], [0.0, 3.0, 1.0]]
TARGET = [0, 1]
P = [0.9, 0.2]
Y = [1.0, 0.0]


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def a(value: list) -> mx.array:
        return backend.from_numpy(np.asarray(value))

    return [
        DefaultProbe("cross_entropy_from_logits", "which reduction by default?",
                     "mlx.nn.losses.cross_entropy(logits, target)",
                     {"logits": LOGITS, "target": TARGET},
                     lambda: L.cross_entropy(a(LOGITS), a(TARGET))),
        DefaultProbe("binary_cross_entropy", "probabilities or logits by default?",
                     "mlx.nn.losses.binary_cross_entropy(p, y)", {"p": P, "y": Y},
                     lambda: L.binary_cross_entropy(a(P), a(Y))),
        DefaultProbe("huber_loss", "which delta by default?",
                     "mlx.nn.losses.huber_loss(pred, target)", {"pred": 3.0, "target": 0.0},
                     lambda: L.huber_loss(a(3.0), a(0.0))),
    ]


# -- known deviations (measured with mlx 0.32.4 on the CPU) --------------------------

_BCE_CLAMP = (
    "mlx.nn.losses.binary_cross_entropy clamps log p at -100 as torch does: p = 0 against"
    " y = 1 gives a loss of 100 instead of inf",
    "https://ml-explore.github.io/mlx/build/html/python/nn/_autosummary_functions/mlx.nn.losses.binary_cross_entropy.html",
)

_BCE_LOGITS_TINY = (
    "mlx.nn.losses.binary_cross_entropy(with_logits=True) loses the tiny loss of a "
    "confident right answer: 0.0 instead of 4.25e-18 in float32",
    "https://ml-explore.github.io/mlx/build/html/python/nn/_autosummary_functions/mlx.nn.losses.binary_cross_entropy.html",
)

_BCE_NEGZERO = (
    "mlx.nn.losses.binary_cross_entropy returns -0.0 for a perfect prediction (the "
    "negated sum of two zero terms) where the canon has +0.0",
    "https://ml-explore.github.io/mlx/build/html/python/nn/_autosummary_functions/mlx.nn.losses.binary_cross_entropy.html",
)

_CE_LABELS = (
    "mlx.nn.losses.cross_entropy does not check class indices: targets V, -1 and -100 "
    "return a loss instead of raising IndexError",
    "https://ml-explore.github.io/mlx/build/html/python/nn/_autosummary_functions/mlx.nn.losses.cross_entropy.html",
)

_UNCHECKED = (
    "mlx.nn.losses.hinge_loss and huber_loss check neither arguments nor shapes: labels "
    "outside {-1, +1}, delta <= 0 and a (3, 1) column against (3,) targets (broadcast to "
    "(3, 3)) all return a loss instead of raising",
    "https://ml-explore.github.io/mlx/build/html/python/nn/losses.html",
)

KNOWN_DEVIATIONS = (
    *_cases("binary_cross_entropy", (
        "book_003_21_confident_wrong", "confident_wrong_positive",
    ), *_BCE_CLAMP),
    *_cases("bce_with_logits", ("tiny_loss_confident_right",), *_BCE_LOGITS_TINY),
    *_cases("binary_cross_entropy", ("perfect_predictions",), *_BCE_NEGZERO),
    *_cases("cross_entropy_from_logits", (
        "target_negative", "target_too_large", "target_torch_ignore_index",
    ), *_CE_LABELS),
    *_cases("hinge_loss", ("column_against_row", "label_two", "zero_one_labels"), *_UNCHECKED),
    *_cases("huber_loss", ("column_against_row", "delta_negative", "delta_zero"), *_UNCHECKED),
)
