"""JAX native bindings: activations (jax.nn)."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np

from mlcanon import Backend, DefaultProbe, KnownDeviation, native


@native("jax.nn.softmax")
def softmax(x: jnp.ndarray, *, axis: int = -1, temperature: float = 1.0) -> jnp.ndarray:
    return jax.nn.softmax(x / temperature, axis=axis)


@native("jax.nn.log_softmax")
def log_softmax(x: jnp.ndarray, *, axis: int = -1) -> jnp.ndarray:
    return jax.nn.log_softmax(x, axis=axis)


@native("jax.nn.sigmoid")
def sigmoid(x: jnp.ndarray) -> jnp.ndarray:
    return jax.nn.sigmoid(x)


@native("jax.nn.silu", only={"beta": 1.0})
def silu(x: jnp.ndarray, *, beta: float = 1.0) -> jnp.ndarray:
    return jax.nn.silu(x)


@native("jax.nn.gelu")
def gelu(x: jnp.ndarray, *, approximate: str | None = None) -> jnp.ndarray:
    # jax.nn.gelu defaults to the tanh form: the flag is always passed explicitly.
    return jax.nn.gelu(x, approximate=approximate == "tanh")


@native("jax.nn.relu")
def relu(x: jnp.ndarray) -> jnp.ndarray:
    return jax.nn.relu(x)


@native("jax.numpy.tanh")
def tanh(x: jnp.ndarray) -> jnp.ndarray:
    return jnp.tanh(x)


@native("jax.nn.leaky_relu")
def leaky_relu(x: jnp.ndarray, *, negative_slope: float = 0.01) -> jnp.ndarray:
    return jax.nn.leaky_relu(x, negative_slope=negative_slope)


@native("jax.nn.log_sigmoid")
def log_sigmoid(x: jnp.ndarray) -> jnp.ndarray:
    return jax.nn.log_sigmoid(x)


@native("jax.scipy.special.logit")
def logit_function(p: jnp.ndarray) -> jnp.ndarray:
    return jax.scipy.special.logit(p)


@native("jax.jacobian(jax.nn.softmax)")
def softmax_jacobian(x: jnp.ndarray) -> jnp.ndarray:
    # one Jacobian per row of the last axis (jax.jacobian alone would couple batch rows)
    return jnp.vectorize(jax.jacobian(jax.nn.softmax), signature="(n)->(n,n)")(x)


def default_probes(backend: Backend) -> list[DefaultProbe]:
    x = [-2.0, 1.0]
    return [
        DefaultProbe("leaky_relu", "which negative slope by default?", "jax.nn.leaky_relu(x)",
                     {"x": x}, lambda: jax.nn.leaky_relu(backend.from_numpy(np.asarray(x)))),
    ]


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="logit_function", case="float64_extremes", dtype="float64",
        reason="XLA on CPU flushes subnormals to zero: jax.scipy.special.logit(5e-324) "
               "(2^-1074) is -inf instead of log(2^-1074) = -744.44",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.scipy.special.logit.html",
    ),
    *(KnownDeviation(
        concept="softmax_jacobian", case="confident_row_keeps_digits", dtype=dtype,
        reason="jax.jacobian(jax.nn.softmax) forms the diagonal as s_i (1 - s_i) from a "
               "rounded s_i: for x = [0, -30] s_0 rounds to 1 in float32 and J_00 comes out "
               "0 instead of 9.36e-14; in float64 it keeps only 3 digits (9.348e-14)",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.jacobian.html",
    ) for dtype in ("float32", "float64")),
    KnownDeviation(
        concept="softmax_jacobian", case="symmetric_rows_sum_to_zero",
        reason="the autodiff Jacobian's rows sum to s_i (1 - sum_j s_j), about eps, not 0 "
               "relative to a confident row's tiny entries, in every dtype",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.jacobian.html",
    ),
)
