"""JAX native bindings: normalization (jax.nn.standardize).

jax.nn.standardize defaults to algorithm="fast", the one-pass mean(x^2) - mean^2; the
canon's two-pass variance is its algorithm="stable", always passed.
"""

from __future__ import annotations

import jax
import jax.numpy as jnp

from mlcanon import KnownDeviation, native


@native("jax.nn.standardize", only={"ddof": 0})
def standardize(x: jnp.ndarray, *, axis: int = 0, ddof: int = 0,
                eps: float = 1e-12) -> jnp.ndarray:
    return jax.nn.standardize(x, axis=axis, epsilon=eps, algorithm="stable")


@native("jax.nn.standardize")
def layer_norm(x: jnp.ndarray, weight: jnp.ndarray | None = None,
               bias: jnp.ndarray | None = None, *, eps: float = 1e-5) -> jnp.ndarray:
    y = jax.nn.standardize(x, axis=-1, epsilon=eps, algorithm="stable")
    if weight is not None:
        y = y * weight
    return y if bias is None else y + bias


@native("jax.vjp(jax.nn.standardize)")
def layer_norm_backward(x: jnp.ndarray, dy: jnp.ndarray, weight: jnp.ndarray | None = None, *,
                        eps: float = 1e-5) -> jnp.ndarray:
    def forward(v: jnp.ndarray) -> jnp.ndarray:
        y = jax.nn.standardize(v, axis=-1, epsilon=eps, algorithm="stable")
        return y if weight is None else y * weight

    _, pullback = jax.vjp(forward, x)
    return pullback(dy)[0]


@native("jax.vjp(jax.nn.standardize)")
def batch_norm_backward(x: jnp.ndarray, dy: jnp.ndarray, weight: jnp.ndarray | None = None, *,
                        eps: float = 1e-5) -> tuple[jnp.ndarray, ...]:
    axes = (0, *range(2, x.ndim))
    channel = (1, -1) + (1,) * (x.ndim - 2)
    gamma = jnp.ones(x.shape[1], dtype=x.dtype) if weight is None else weight

    def forward(v: jnp.ndarray, w: jnp.ndarray, b: jnp.ndarray) -> jnp.ndarray:
        y = jax.nn.standardize(v, axis=axes, epsilon=eps, algorithm="stable")
        return y * w.reshape(channel) + b.reshape(channel)

    _, pullback = jax.vjp(forward, x, gamma, jnp.zeros_like(gamma))
    return pullback(dy)


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="layer_norm_backward", case="constant_row_divides_by_sqrt_eps",
        dtype="float16",
        reason="jax.vjp of jax.nn.standardize in float16 returns NaN for a constant row "
               "[2, 2, 2, 2] (variance 0, eps 1e-5), where dx = (dy - mean dy)/sqrt(eps) is "
               "finite (118.6, -513.9, ...); float32 and float64 are right",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.nn.standardize.html",
    ),
    KnownDeviation(
        concept="batch_norm_backward", case="one_value_per_channel",
        reason="jax.nn.standardize accepts a batch with one value per channel (its variance "
               "is 0) and the VJP returns dx = 0, dgamma = 0, dbeta = dy without an error, in "
               "every dtype; torch's F.batch_norm refuses such a batch",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.nn.standardize.html",
    ),
)
