"""JAX native bindings: losses (optax), reduced as optax users do, with .mean() or .sum()."""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp
import numpy as np
import optax

from mlcanon import Backend, DefaultProbe, KnownDeviation, native

OPTAX = "https://optax.readthedocs.io/en/latest/api/losses.html"


def _keep(loss: jnp.ndarray) -> jnp.ndarray:
    return loss


# optax returns per-element losses, reduced the way optax users do; None is the spec's "none"
_REDUCTIONS = {"mean": jnp.mean, "sum": jnp.sum, None: _keep}
_REDUCED = {"reduction": tuple(_REDUCTIONS)}


@native("optax.squared_error", only=_REDUCED)
def mse_loss(pred: jnp.ndarray, target: jnp.ndarray, *,
             reduction: str | None = "mean") -> jnp.ndarray:
    return _REDUCTIONS[reduction](optax.squared_error(pred, target))


@native("optax.sigmoid_binary_cross_entropy", only=_REDUCED)
def bce_with_logits(logits: jnp.ndarray, y: jnp.ndarray, *,
                    reduction: str | None = "mean") -> jnp.ndarray:
    return _REDUCTIONS[reduction](optax.sigmoid_binary_cross_entropy(logits, y))


@native("optax.softmax_cross_entropy_with_integer_labels", only=_REDUCED)
def cross_entropy_from_logits(logits: jnp.ndarray, target: jnp.ndarray, *,
                              reduction: str | None = "mean") -> jnp.ndarray:
    loss = optax.softmax_cross_entropy_with_integer_labels(logits, target)
    return _REDUCTIONS[reduction](loss)


@native("optax.huber_loss", only=_REDUCED)
def huber_loss(pred: jnp.ndarray, target: jnp.ndarray, *, delta: float = 1.0,
               reduction: str | None = "mean") -> jnp.ndarray:
    return _REDUCTIONS[reduction](optax.huber_loss(pred, target, delta=delta))



@native("optax.hinge_loss", only={**_REDUCED, "margin": 1.0})
def hinge_loss(scores: jnp.ndarray, y: jnp.ndarray, *, margin: float = 1.0,
               reduction: str | None = "mean") -> jnp.ndarray:
    return _REDUCTIONS[reduction](optax.hinge_loss(scores, y))



@native("optax.sigmoid_focal_loss", only=_REDUCED)
def focal_loss(logits: jnp.ndarray, y: jnp.ndarray, *, alpha: float | None = None,
               gamma: float = 2.0, reduction: str | None = "mean") -> jnp.ndarray:
    loss = optax.sigmoid_focal_loss(logits, y, alpha=alpha, gamma=gamma)
    return _REDUCTIONS[reduction](loss)


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def a(value: Any) -> jnp.ndarray:
        return backend.from_numpy(np.asarray(value, dtype=np.float64))

    # 0-d inputs: optax returns per-element losses, whose mean over one element is the
    # canon's default reduction
    return [
        DefaultProbe("huber_loss", "which delta by default?", "optax.huber_loss(pred, target)",
                     {"pred": 3.0, "target": 0.0},
                     lambda: optax.huber_loss(a(3.0), a(0.0))),
        DefaultProbe("focal_loss", "which gamma and alpha by default?",
                     "optax.sigmoid_focal_loss(logits, labels)", {"logits": 1.5, "y": 0.0},
                     lambda: optax.sigmoid_focal_loss(a(1.5), a(0.0))),
    ]


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="huber_loss", case="delta_zero",
        reason="optax.huber_loss accepts delta = 0 and returns 0 for every residual",
        link=OPTAX + "#optax.losses.huber_loss",
    ),
    KnownDeviation(
        concept="huber_loss", case="delta_negative",
        reason="optax.huber_loss accepts delta = -1 and returns negative losses (-1.5, -2.5 "
               "for residuals 1, 2)",
        link=OPTAX + "#optax.losses.huber_loss",
    ),
    KnownDeviation(
        concept="huber_loss", case="column_against_row",
        reason="optax.huber_loss broadcasts a (3, 1) prediction against a (3,) target to a "
               "(3, 3) loss without an error",
        link=OPTAX + "#optax.losses.huber_loss",
    ),
    KnownDeviation(
        concept="hinge_loss", case="zero_one_labels",
        reason="optax.hinge_loss takes 0/1 targets without an error and charges the negative "
               "example 1 whatever its score (scores [-3, 2], targets [0, 1] give [1, 0])",
        link=OPTAX + "#optax.losses.hinge_loss",
    ),
    KnownDeviation(
        concept="hinge_loss", case="label_two",
        reason="optax.hinge_loss takes target 2 without an error and halves that example's "
               "margin (scores [0.25, 2], targets [2, -1] give [0.5, 3])",
        link=OPTAX + "#optax.losses.hinge_loss",
    ),
    KnownDeviation(
        concept="hinge_loss", case="column_against_row",
        reason="optax.hinge_loss broadcasts (3, 1) scores against (3,) targets to a (3, 3) "
               "loss without an error",
        link=OPTAX + "#optax.losses.hinge_loss",
    ),
    KnownDeviation(
        concept="focal_loss", case="gamma_negative",
        reason="optax.sigmoid_focal_loss accepts gamma = -0.5 without an error (easy examples "
               "are weighted up)",
        link=OPTAX + "#optax.losses.sigmoid_focal_loss",
    ),
    KnownDeviation(
        concept="focal_loss", case="alpha_above_one",
        reason="optax.sigmoid_focal_loss accepts alpha = 1.5 without an error and returns a "
               "negative loss for the negative example",
        link=OPTAX + "#optax.losses.sigmoid_focal_loss",
    ),
    KnownDeviation(
        concept="focal_loss", case="alpha_negative",
        reason="optax.sigmoid_focal_loss accepts alpha = -0.25 without an error and returns a "
               "negative loss for the positive example",
        link=OPTAX + "#optax.losses.sigmoid_focal_loss",
    ),
    KnownDeviation(
        concept="focal_loss", case="plus_minus_one_labels",
        reason="optax.sigmoid_focal_loss accepts label -1 without an error (1 - y = 2 weights "
               "the negative side twice)",
        link=OPTAX + "#optax.losses.sigmoid_focal_loss",
    ),
    KnownDeviation(
        concept="focal_loss", case="column_against_row",
        reason="optax.sigmoid_focal_loss broadcasts (2, 1) logits against (2,) labels to a "
               "(2, 2) loss without an error",
        link=OPTAX + "#optax.losses.sigmoid_focal_loss",
    ),
)
