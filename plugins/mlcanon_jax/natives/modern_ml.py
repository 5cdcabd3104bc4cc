"""JAX native bindings: modern ML (optax.kl_divergence, jax.lax.associative_scan).

Most of the family (LoRA, mixture-of-experts routing, diffusion schedules, state-space
models) has no op in JAX or optax: those concepts run the portable implementations.
"""

from __future__ import annotations

import jax
import jax.numpy as jnp
import optax

from mlcanon import KnownDeviation, native

OPTAX_LOSSES = "https://optax.readthedocs.io/en/latest/api/losses.html"


def _keep(loss: jnp.ndarray) -> jnp.ndarray:
    return loss


# optax returns one loss per row, reduced the way optax users do; None is the spec's "none"
_REDUCTIONS = {"mean": jnp.mean, "sum": jnp.sum, None: _keep}


@native("optax.kl_divergence", only={"reduction": tuple(_REDUCTIONS)})
def knowledge_distillation(student_logits: jnp.ndarray, teacher_logits: jnp.ndarray, *,
                           temperature: float = 2.0, reduction: str | None = "mean"
                           ) -> jnp.ndarray:
    t = temperature
    rows = optax.kl_divergence(jax.nn.log_softmax(student_logits / t, axis=-1),
                               jax.nn.softmax(teacher_logits / t, axis=-1))
    return _REDUCTIONS[reduction](rows * t**2)


def _compose(first: tuple, second: tuple) -> tuple:
    # the canon's operator (a1, b1) ∘ (a2, b2) = (a1 a2, a2 b1 + b2), handed to the op
    (a1, b1), (a2, b2) = first, second
    return a1 * a2, a2 * b1 + b2


@native("jax.lax.associative_scan")
def selective_scan(a: jnp.ndarray, b: jnp.ndarray, *, h0: float = 0.0) -> jnp.ndarray:
    decay, h = jax.lax.associative_scan(_compose, (a, b), axis=-1)
    return h + decay * h0  # the prefix products carry h0 into every state


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="knowledge_distillation", case="identical_logits_zero",
        reason="optax.kl_divergence(log q, p) computes p * (log p - log q) with log p taken "
               "from p = softmax (not from log_softmax): a student equal to its teacher gets "
               "2.1e-16 (float64) and -5.9e-7 (float32), a negative KL, instead of exactly 0",
        link=OPTAX_LOSSES,
    ),
    KnownDeviation(
        concept="knowledge_distillation", case="temperature_zero",
        reason="no check of the temperature: logits / 0 give inf and nan, and the loss is nan "
               "without an error",
        link=OPTAX_LOSSES,
    ),
    KnownDeviation(
        concept="knowledge_distillation", case="shapes_differ",
        reason="optax.kl_divergence broadcasts: (2, 2) student logits against a (1, 2) teacher "
               "give 0.2449 without an error",
        link=OPTAX_LOSSES,
    ),
    KnownDeviation(
        concept="knowledge_distillation", case="masked_class_in_both",
        reason="optax.kl_divergence(log q, p) computes p * (log p - log q) with log p taken "
               "as 0 where p = 0: a class with p = q = 0 gives 0 * (0 + inf) = nan, so the "
               "loss is nan instead of 0.462",
        link=OPTAX_LOSSES,
    ),
)
