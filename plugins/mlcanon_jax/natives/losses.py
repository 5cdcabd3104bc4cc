"""JAX native bindings: losses (optax), reduced as optax users do, with .mean() or .sum()."""

from __future__ import annotations

import jax.numpy as jnp
import optax

from mlcanon import native


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
